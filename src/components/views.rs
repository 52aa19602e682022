//! The chart views (timeline, ranking, lanes), what they share (width,
//! keyboard walk, tooltip, legend, controls) and the empty state.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::{use_ctx, Ctx, Filtered};
use crate::chart::{self, ColorKey, Mark};
use crate::data;
use crate::format;
use crate::i18n::{Label, T};
use crate::model::{Event as DataEvent, Model, Sector, Status, Weights};
use crate::state::{Action, ColorBy, Lang, View};

/// "No models match", with the way back.
pub fn empty_state(ctx: &Ctx) -> Html {
    let lang = ctx.lang;
    html! {
        <div class="empty" data-empty="">
            <p><strong>{ T::NoMatch.get(lang) }</strong></p>
            <p>{ T::NoMatchHint.get(lang) }</p>
            <button type="button" class="btn primary" data-action="clear-all-empty" onclick={ctx.on(Action::ClearFilters)}>
                { T::ClearAll.get(lang) }
            </button>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ChartProps {
    pub filtered: Filtered,
}

pub fn chart_color(c: ColorBy) -> chart::ColorBy {
    match c {
        ColorBy::Sector => chart::ColorBy::Sector,
        ColorBy::Org => chart::ColorBy::Organisation,
    }
}

/// CSS class carrying a mark's colour (`--c`).
pub fn color_class(key: ColorKey) -> String {
    match key {
        ColorKey::Sector(s) => format!("c-{}", s.id()),
        ColorKey::Org(i) => format!("c-o{}", i % 8),
    }
}

fn name(m: &Model, lang: Lang) -> &'static str {
    match lang {
        Lang::Ko if !m.name_ko.is_empty() => m.name_ko,
        _ => m.name_en,
    }
}

fn org_name(m: &Model, lang: Lang) -> &'static str {
    data::organisation(m.org).map_or(m.org, |o| match lang {
        Lang::Ko => o.name_ko,
        Lang::En => o.name_en,
    })
}

fn size_text(m: &Model, lang: Lang) -> String {
    match m.total.value_b {
        Some(v) => format!(
            "{} ({})",
            format::params(v, lang),
            m.total.basis.label(lang)
        ),
        None => T::Undisclosed.get(lang).to_string(),
    }
}

/// The accessible name of a mark: model, organisation, date, size.
pub fn mark_label(m: &Model, lang: Lang) -> String {
    let mut text = format!(
        "{}, {}, {}, {}",
        name(m, lang),
        org_name(m, lang),
        format::date(m.date, lang),
        size_text(m, lang)
    );
    if let Some(a) = m.active.and_then(|a| a.value_b) {
        text.push_str(&format!(
            ", {} {}",
            T::ActiveParams.get(lang),
            format::params(a, lang)
        ));
    }
    if m.status == Status::Announced {
        text.push_str(&format!(", {}", Status::Announced.label(lang)));
    }
    text
}

pub fn event_title(e: &DataEvent, lang: Lang) -> String {
    let title = match lang {
        Lang::Ko => e.title_ko,
        Lang::En => e.title_en,
    };
    format!(
        "{} — {} ({})",
        format::date(e.date, lang),
        title,
        e.source.title
    )
}

/// The container's width, measured on mount and whenever it resizes.
#[hook]
pub fn use_width() -> (NodeRef, f64) {
    let node = use_node_ref();
    let width = use_state_eq(|| 720.0_f64);
    {
        let node = node.clone();
        let width = width.clone();
        use_effect_with((), move |()| {
            let measure = {
                let node = node.clone();
                let width = width.clone();
                move || {
                    if let Some(el) = node.cast::<web_sys::Element>() {
                        let w = f64::from(el.client_width());
                        if w > 0.0 {
                            width.set(w.max(300.0).round());
                        }
                    }
                }
            };
            measure();
            let closure = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(measure);
            let observer = web_sys::ResizeObserver::new(closure.as_ref().unchecked_ref()).ok();
            if let (Some(o), Some(el)) = (&observer, node.cast::<web_sys::Element>()) {
                o.observe(&el);
            }
            move || {
                if let Some(o) = observer {
                    o.disconnect();
                }
                drop(closure);
            }
        });
    }
    (node, *width)
}

/// Pointer position in chart pixels (the SVG scales with its box).
pub fn svg_point(e: &MouseEvent, chart_width: f64) -> (f64, f64) {
    // Yew delegates events to the app root, so `currentTarget` is not the SVG:
    // find it from the event's target.
    let svg = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|t| t.closest("svg.chart-svg").ok().flatten());
    let Some(el) = svg else {
        return (f64::NAN, f64::NAN);
    };
    let rect = el.get_bounding_client_rect();
    let scale = if rect.width() > 0.0 {
        chart_width / rect.width()
    } else {
        1.0
    };
    (
        (f64::from(e.client_x()) - rect.left()) * scale,
        (f64::from(e.client_y()) - rect.top()) * scale,
    )
}

/// What the tooltip is about, and where (chart pixels).
#[derive(Clone, Copy, PartialEq, Debug)]
pub struct Hover {
    pub id: &'static str,
    pub x: f64,
    pub y: f64,
}

/// Keyboard walk over a chart's marks (one tab stop; arrows, Home/End, Enter, Escape).
pub struct ChartKeys {
    pub focused: UseStateHandle<Option<&'static str>>,
    pub hover: UseStateHandle<Option<Hover>>,
    has_focus: UseStateHandle<bool>,
    pub on_key: Callback<KeyboardEvent>,
    pub on_focus: Callback<FocusEvent>,
    pub on_blur: Callback<FocusEvent>,
}

impl ChartKeys {
    /// The tooltip for the keyboard-focused mark, while the chart has focus.
    pub fn focused_hover(&self, stops: &[Hover]) -> Option<Hover> {
        if !*self.has_focus {
            return None;
        }
        let id = (*self.focused)?;
        stops.iter().find(|m| m.id == id).copied()
    }
}

/// The keyboard stops of a chart's marks, in walking order.
pub fn stops(marks: &[Mark]) -> Vec<Hover> {
    marks
        .iter()
        .map(|m| Hover {
            id: m.id,
            x: m.x,
            y: m.y,
        })
        .collect()
}

fn step(stops: &[Hover], current: Option<&str>, delta: isize) -> Option<&'static str> {
    let last = stops.len().checked_sub(1)?;
    let at = current.and_then(|id| stops.iter().position(|m| m.id == id));
    let index = match at {
        Some(i) => i.saturating_add_signed(delta).min(last),
        None if delta < 0 => last,
        None => 0,
    };
    stops.get(index).map(|s| s.id)
}

#[hook]
pub fn use_chart_keys(marks: Rc<Vec<Hover>>) -> ChartKeys {
    let focused = use_state_eq(|| None::<&'static str>);
    let hover = use_state_eq(|| None::<Hover>);
    let has_focus = use_state_eq(|| false);
    let ctx = use_ctx();
    let on_key = {
        let focused = focused.clone();
        let hover = hover.clone();
        let marks = marks.clone();
        let state = ctx.as_ref().map(|c| c.state.clone());
        Callback::from(move |e: KeyboardEvent| {
            let step = |d: isize| step(&marks, *focused, d);
            let next = match e.key().as_str() {
                "ArrowRight" | "ArrowDown" => step(1),
                "ArrowLeft" | "ArrowUp" => step(-1),
                "Home" => marks.first().map(|m| m.id),
                "End" => marks.last().map(|m| m.id),
                "PageDown" => step(10),
                "PageUp" => step(-10),
                "Enter" | " " => {
                    if let (Some(id), Some(state)) = (*focused, &state) {
                        e.prevent_default();
                        state.dispatch(Action::Select(Some(id)));
                    }
                    return;
                }
                "Escape" => {
                    hover.set(None);
                    if let Some(state) = &state {
                        if state.selected.is_some() {
                            state.dispatch(Action::Select(None));
                            return;
                        }
                    }
                    focused.set(None);
                    return;
                }
                _ => return,
            };
            e.prevent_default();
            hover.set(None);
            focused.set(next);
        })
    };
    let on_focus = {
        let focused = focused.clone();
        let has_focus = has_focus.clone();
        let marks = marks.clone();
        let selected = ctx.as_ref().and_then(|c| c.state.selected);
        Callback::from(move |_: FocusEvent| {
            has_focus.set(true);
            let still_there = focused.is_some_and(|id| marks.iter().any(|m| m.id == id));
            if !still_there {
                let start = selected.filter(|id| marks.iter().any(|m| m.id == *id));
                focused.set(start.or_else(|| marks.first().map(|m| m.id)));
            }
        })
    };
    let on_blur = {
        let has_focus = has_focus.clone();
        Callback::from(move |_: FocusEvent| has_focus.set(false))
    };
    ChartKeys {
        focused,
        hover,
        has_focus,
        on_key,
        on_focus,
        on_blur,
    }
}

#[derive(Properties, PartialEq)]
pub struct TooltipProps {
    pub hover: Option<Hover>,
    /// The chart's width in pixels (to flip the tooltip near the right edge).
    pub width: f64,
}

/// A small card next to the hovered or focused mark. Positioned through the
/// CSSOM (the strict CSP forbids inline style attributes).
#[component]
pub fn ChartTooltip(props: &TooltipProps) -> Html {
    let node = use_node_ref();
    let ctx = use_ctx();
    {
        let node = node.clone();
        use_effect_with((props.hover, props.width), move |(hover, width)| {
            let (Some(h), Some(el)) = (hover, node.cast::<web_sys::HtmlElement>()) else {
                return;
            };
            let Some(parent) = el.parent_element() else {
                return;
            };
            let scale = f64::from(parent.client_width()) / width.max(1.0);
            let left_side = h.x > width * 0.6;
            let x = h.x * scale;
            let style = el.style();
            let (left, right) = if left_side {
                (
                    "auto".to_string(),
                    format!("{:.0}px", (width - h.x) * scale + 12.0),
                )
            } else {
                (format!("{:.0}px", x + 12.0), "auto".to_string())
            };
            let _ = style.set_property("left", &left);
            let _ = style.set_property("right", &right);
            let _ = style.set_property("top", &format!("{:.0}px", (h.y * scale + 12.0).max(0.0)));
        });
    }
    let (Some(ctx), Some(h)) = (ctx, props.hover) else {
        return html! {};
    };
    let Some(m) = data::model(h.id) else {
        return html! {};
    };
    let lang = ctx.lang;
    html! {
        <div class="tooltip" ref={node} role="tooltip" data-tooltip={m.id}>
            <strong>{ name(m, lang) }</strong>
            <span class="muted">{ org_name(m, lang) }{ " · " }{ format::date(m.date, lang) }</span><br />
            { T::TotalParams.get(lang) }{ ": " }{ size_text(m, lang) }
            if let Some(a) = m.active.and_then(|a| a.value_b) {
                <br />{ T::ActiveParams.get(lang) }{ ": " }{ format::params(a, lang) }
            }
            if !m.disputes.is_empty() {
                <br /><span class="muted">{ "⚠ " }{ T::Disputed.get(lang) }</span>
            }
            <br /><span class="muted">{ m.weights.label(lang) }</span>
        </div>
    }
}

/// Sectors present among the filtered models, for the legend.
fn sectors_in(models: &[&Model]) -> Vec<Sector> {
    Sector::ALL
        .iter()
        .copied()
        .filter(|s| models.iter().any(|m| m.sector == *s))
        .collect()
}

pub fn legend(ctx: &Ctx, models: &[&Model], with_shapes: bool) -> Html {
    let lang = ctx.lang;
    let sectors = if ctx.state.color == ColorBy::Sector {
        sectors_in(models)
    } else {
        Vec::new()
    };
    let has_closed = models.iter().any(|m| m.weights == Weights::Closed);
    html! {
        <ul class="legend" aria-label={T::Legend.get(lang)}>
            { for sectors.iter().map(|s| html! {
                <li><span class={classes!("swatch", format!("c-{}", s.id()))} aria-hidden="true"></span>{ s.label(lang) }</li>
            }) }
            if with_shapes {
                <li>{ T::OpenWeightsMark.get(lang) }</li>
                if has_closed { <li>{ T::ClosedWeightsMark.get(lang) }</li> }
                <li>{ T::AnnouncedMark.get(lang) }</li>
                <li>{ T::MoeMark.get(lang) }</li>
                <li>{ T::GhostMark.get(lang) }</li>
            }
        </ul>
    }
}

/// Colour, events and "as of" controls above the charts.
fn controls(ctx: &Ctx) -> Html {
    let lang = ctx.lang;
    let state = &ctx.state;
    let on_color = {
        let s = state.clone();
        Callback::from(move |e: Event| {
            if let Some(sel) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                if let Some(c) = ColorBy::from_id(&sel.value()) {
                    s.dispatch(Action::SetColor(c));
                }
            }
        })
    };
    let on_asof = {
        let s = state.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                let d = crate::model::Date::parse(&input.value()).ok();
                s.dispatch(Action::SetAsOf(d));
            }
        })
    };
    let asof_value = state.asof.map(|d| d.latest_day().iso()).unwrap_or_default();
    let article = super::timeline::ARTICLE_DATE;
    html! {
        <div class="controls-row">
            <label>{ T::ColorBy.get(lang) }
                <select data-control="color" onchange={on_color}>
                    <option value="sector" selected={state.color == ColorBy::Sector}>{ T::ColorBySector.get(lang) }</option>
                    <option value="org" selected={state.color == ColorBy::Org}>{ T::ColorByOrg.get(lang) }</option>
                </select>
            </label>
            if state.view != View::Ranking {
                <label><input type="checkbox" data-control="events" checked={state.events}
                    onchange={ctx.on(Action::ToggleEvents)} />{ T::ShowEvents.get(lang) }</label>
            }
            <label>{ T::AsOf.get(lang) }
                <input type="date" data-control="asof" value={asof_value} min="2020-01-01" max="2030-12-31" onchange={on_asof} />
            </label>
            <button type="button" class="btn" data-action="asof-today" aria-pressed={state.asof.is_none().to_string()}
                onclick={ctx.on(Action::SetAsOf(None))}>{ T::AsOfToday.get(lang) }</button>
            <button type="button" class="btn" data-action="asof-article" aria-pressed={(state.asof == Some(article)).to_string()}
                onclick={ctx.on(Action::SetAsOf(Some(article)))}>{ T::AsOfArticle.get(lang) }</button>
        </div>
    }
}

/// Events as a list with their sources (the keyboard and screen-reader path to them).
fn event_list(ctx: &Ctx) -> Html {
    let lang = ctx.lang;
    if !ctx.state.events || ctx.state.view == View::Ranking {
        return html! {};
    }
    let asof = ctx.state.asof;
    let events = data::events()
        .iter()
        .filter(|e| asof.is_none_or(|a| e.date <= a));
    html! {
        <details class="events">
            <summary>{ T::Events.get(lang) }</summary>
            <ul>
                { for events.map(|e| html! {
                    <li data-event-id={e.id}>
                        { format::date(e.date, lang) }{ " · " }
                        { match lang { Lang::Ko => e.title_ko, Lang::En => e.title_en } }{ " " }
                        <a href={super::safe_href(e.source.url)} target="_blank" rel="noopener noreferrer">{ e.source.title }</a>
                    </li>
                }) }
            </ul>
        </details>
    }
}

#[component]
pub fn MainView(props: &ChartProps) -> Html {
    let Some(ctx) = use_ctx() else {
        return html! {};
    };
    let lang = ctx.lang;
    let article_view = ctx.state.asof == Some(super::timeline::ARTICLE_DATE);
    let body = if props.filtered.is_empty() {
        empty_state(&ctx)
    } else {
        match ctx.state.view {
            View::Timeline => {
                html! { <super::timeline::TimelineView filtered={props.filtered.clone()} /> }
            }
            View::Ranking => {
                html! { <super::ranking::RankingView filtered={props.filtered.clone()} /> }
            }
            View::Lanes => html! { <super::lanes::LanesView filtered={props.filtered.clone()} /> },
            View::Table => html! { <super::table::Table filtered={props.filtered.clone()} /> },
        }
    };
    html! {
        <>
            { controls(&ctx) }
            if article_view {
                <p class="asof-hint" data-hint="article">{ T::ArticleHint.get(lang) }</p>
            }
            { body }
            if ctx.state.view != View::Table {
                { legend(&ctx, &props.filtered, ctx.state.view != View::Ranking) }
            }
            { event_list(&ctx) }
        </>
    }
}

pub fn label_name(lang: Lang) -> chart::LabelName {
    match lang {
        Lang::Ko => chart::LabelName::Ko,
        Lang::En => chart::LabelName::En,
    }
}

/// "Then and now": at the 2023 article's date, emphasise what it named.
pub fn highlight_for(asof: Option<crate::model::Date>) -> chart::Highlight {
    if asof == Some(super::timeline::ARTICLE_DATE) {
        chart::Highlight::InArticle
    } else {
        chart::Highlight::None
    }
}

/// With an "as of" date, the time axis runs from the first model to that date.
pub fn x_domain_for(asof: Option<crate::model::Date>) -> Option<(f64, f64)> {
    let asof = asof?;
    let first = data::korean()
        .iter()
        .map(|m| m.date.as_year_fraction())
        .fold(f64::INFINITY, f64::min);
    let end = asof.as_year_fraction() + 0.25;
    (first.is_finite() && end > first).then_some((first - 0.2, end))
}

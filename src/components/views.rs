//! The chart views (timeline, ranking, lanes), what they share (width,
//! keyboard walk, tooltip, legend, controls) and the empty state.

use yew::prelude::*;

use super::{Ctx, Filtered};
use crate::chart;
use crate::data;
use crate::format;
use crate::i18n::{Label, T};
use crate::model::{Model, Sector, Status, Weights};
use crate::state::{Action, ColorBy, Lang, View, ViewState};

/// "No models match", with the way back.
pub fn empty_state(ctx: &Ctx) -> Html {
    let lang = ctx.lang;
    let asof = ctx.state.asof;
    // The way back clears the date too: an early "as of" alone can leave nothing to show.
    let clear_all = {
        let state = ctx.state.clone();
        Callback::from(move |_: MouseEvent| {
            state.dispatch(Action::ClearFilters);
            if asof.is_some() {
                state.dispatch(Action::SetAsOf(None));
            }
            super::browser::focus_soon(super::FOCUS_MAIN);
        })
    };
    // A chip goes with what it cleared: while nothing matches there is no chart or table, so
    // FOCUS_MAIN finds the next chip, else the way back; once models match, the chart.
    let chip = |action: Action| ctx.on_then_focus(action, super::FOCUS_MAIN);
    html! {
        <div class="empty" data-empty="">
            <p><strong>{ T::NoMatch.get(lang) }</strong></p>
            <p>{ T::NoMatchHint.get(lang) }</p>
            <ul class="active-filters" aria-label={T::ActiveFilters.get(lang)}>
                if !ctx.state.filters.query.is_empty() {
                    <li><button type="button" class="chip" onclick={chip(Action::SetQuery(String::new()))}>
                        // One span: the chip's flex gap must not open spaces inside the quotes.
                        <span>{ T::Search.get(lang) }{ ": “" }<bdi>{ ctx.state.filters.query.clone() }</bdi>{ "” ×" }</span>
                    </button></li>
                }
                if let Some(d) = asof {
                    <li><button type="button" class="chip" data-clear="asof" onclick={chip(Action::SetAsOf(None))}>
                        { format!("{}: {} ×", T::AsOf.get(lang), format::date(d, lang)) }
                    </button></li>
                }
                { for super::filters::active_filters(ctx).into_iter().map(|(facet, text)| html! {
                    <li><button type="button" class="chip" onclick={chip(Action::ClearFacet(facet))}>
                        { format!("{text} ×") }
                    </button></li>
                }) }
            </ul>
            <button type="button" class="btn primary" data-action="clear-all-empty" onclick={clear_all}>
                { T::ClearAll.get(lang) }
            </button>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ChartProps {
    pub filtered: Filtered,
    /// A prop, not a context: Yew's context machinery costs bundle size, and every view
    /// re-renders with the state anyway.
    pub ctx: Ctx,
}

/// One colour of the legend: what it stands for, and its palette entry as the `data-c`
/// value the styles know (a sector id, or `o0`–`o7` when colouring by organisation).
pub struct ColourKey {
    pub label: String,
    pub c: &'static str,
}

const ORG_C: [&str; chart::ORG_COLOURS + 1] = ["o0", "o1", "o2", "o3", "o4", "o5", "o6", "o7"];

/// The colours in use among `models`: the sectors present, or the organisations that have a
/// colour of their own and then "other organisations (n)" for the rest.
pub fn colour_keys(models: &[&Model], color: ColorBy, lang: Lang) -> Vec<ColourKey> {
    match color {
        ColorBy::Sector => Sector::ALL
            .iter()
            .filter(|s| models.iter().any(|m| m.sector == **s))
            .map(|s| ColourKey {
                label: s.label(lang).to_string(),
                c: s.id(),
            })
            .collect(),
        ColorBy::Org => {
            let order = super::charts::org_order(models);
            let mut keys: Vec<ColourKey> = order
                .iter()
                .zip(ORG_C)
                .take(chart::ORG_COLOURS)
                .map(|(id, c)| ColourKey {
                    label: data::organisation_name(id, lang).to_string(),
                    c,
                })
                .collect();
            let rest = order.len().saturating_sub(chart::ORG_COLOURS);
            if rest > 0 {
                keys.push(ColourKey {
                    label: format!("{} ({})", T::OtherOrgs.get(lang), rest),
                    c: ORG_C[chart::ORG_COLOURS],
                });
            }
            keys
        }
    }
}

/// What the marks' shapes, outlines and lines mean in the current view, on the page and in
/// exported pictures: nothing for an empty chart.
pub fn mark_keys(models: &[&Model], state: &ViewState) -> Vec<T> {
    let any = |f: fn(&Model) -> bool| models.iter().any(|m| f(m));
    let has_active = any(|m| m.active.and_then(|a| a.value_b).is_some());
    if models.is_empty() {
        return Vec::new();
    }
    if state.view == View::Ranking {
        // Bars on a log axis: their lengths are not in proportion to the figures (undisclosed
        // sizes draw no bar).
        let mut keys = Vec::new();
        if any(|m| m.total.value_b.is_some()) {
            keys.push(T::LogBarsMark);
        }
        if has_active {
            keys.push(T::ActiveBarMark);
        }
        return keys;
    }
    // Events' lines are drawn for the events on the time axis, which spans the models shown
    // (or runs to the "as of" date).
    let axis = chart::time_domain(models, x_domain_for(state.asof));
    let events_drawn = state.events
        && super::charts::events_by(state.asof)
            .iter()
            .any(|e| chart::on_axis(e, axis));
    // Only the kinds of mark this chart draws.
    let keys = [
        (any(|m| m.weights != Weights::Closed), T::OpenWeightsMark),
        (any(|m| m.weights == Weights::Closed), T::ClosedWeightsMark),
        (any(|m| m.status == Status::Announced), T::AnnouncedMark),
        (has_active, T::MoeMark),
        (
            state.view == View::Timeline
                && any(|m| chart::timeline::disputed_values(m).next().is_some()),
            T::GhostMark,
        ),
        (
            highlight_for(state.asof) == chart::Highlight::InArticle && any(|m| m.in_article),
            T::NamedMark,
        ),
        (events_drawn, T::EventMark),
    ];
    keys.into_iter()
        .filter_map(|(shown, key)| shown.then_some(key))
        .collect()
}

pub fn legend(ctx: &Ctx, models: &[&Model]) -> Html {
    let lang = ctx.lang;
    let keys = colour_keys(models, ctx.state.color, lang);
    let marks = mark_keys(models, &ctx.state);
    html! {
        <>
        <ul class="legend" aria-label={T::Legend.get(lang)}>
            { for keys.into_iter().map(|k| html! {
                <li><span class="swatch" data-c={k.c} aria-hidden="true"></span>{ k.label }</li>
            }) }
        </ul>
        // The shapes on a line of their own, so their grey glyphs never read as a colour key.
        if !marks.is_empty() {
            <ul class="legend" data-legend="shapes" aria-label={T::Marks.get(lang)}>
                <li aria-hidden="true"><strong>{ T::Marks.get(lang) }</strong></li>
                { for marks.iter().map(|k| {
                    // The glyph is the picture of the mark; its words say what it means.
                    let text = k.get(lang);
                    match text.split_once(' ') {
                        Some((glyph, words)) if ["●", "■", "○"].contains(&glyph) => html! {
                            <li><span aria-hidden="true">{ glyph }</span>{ " " }{ words }</li>
                        },
                        _ => html! { <li>{ text }</li> },
                    }
                }) }
            </ul>
        }
        </>
    }
}

/// What the article view cannot draw, after its hint: the models the 2023 article named that
/// were released after it, those it named as announced that have not been released since
/// (KoGPT 2.0, VARCO 52B/100B), and how many came after it.
fn article_later(lang: Lang) -> String {
    let article = super::charts::ARTICLE_DATE;
    let listed = |m: &&'static crate::model::Model| {
        // A name never wraps inside itself ("믿:" / "음 1.0" on a phone): no-break spaces,
        // and a word joiner after its colon.
        data::model_name(m, lang)
            .replace(' ', "\u{a0}")
            .replace(':', ":\u{2060}")
    };
    let models = data::korean();
    let after = |m: &&&'static crate::model::Model| !crate::filter::visible_at(m, Some(article));
    let mut out = String::new();
    let named_later: Vec<String> = models
        .iter()
        .filter(|m| m.in_article && after(m))
        .map(|m| format!("{} ({})", listed(m), format::date(m.date, lang)))
        .collect();
    if !named_later.is_empty() {
        out += &format!(" {}{}.", T::ArticleLater.get(lang), named_later.join(", "));
    }
    let mut never: Vec<&&'static crate::model::Model> = models
        .iter()
        .filter(|m| m.in_article && m.status == crate::model::Status::Announced && !after(m))
        .collect();
    // The crate's one sort (see `set::sort_by`), not another instantiation of the standard one.
    crate::set::sort_by(&mut never, &|a, b| {
        format::compare_names(data::model_name(a, lang), data::model_name(b, lang))
    });
    let never: Vec<String> = never.into_iter().map(listed).collect();
    if !never.is_empty() {
        out += &format!(" {}{}.", T::ArticleNeverShipped.get(lang), never.join(", "));
    }
    let since = models.iter().filter(after).count();
    if since > 0 {
        out += &format!(
            " {}{}{}{}",
            T::ArticleSince.get(lang),
            format::count(since, lang),
            T::models(since).get(lang),
            T::ArticleSinceTail.get(lang)
        );
    }
    out
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
    let asof_value = state.asof.map(|d| d.latest_day().iso()).unwrap_or_default();
    let on_asof = {
        let s = state.clone();
        let shown = asof_value.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                let d = crate::model::Date::read(&input.value()).ok();
                // A date filled in halfway, or past the years links carry: the field goes
                // back to what is applied rather than "as of" silently becoming today.
                if super::filters::unreadable(&input, d.is_some()) {
                    input.set_value(&shown);
                    return;
                }
                s.dispatch(Action::SetAsOf(d));
            }
        })
    };
    let article = super::charts::ARTICLE_DATE;
    html! {
        <div class="controls-row">
            // The table has no colours to choose.
            if state.view != View::Table {
                <label>{ T::ColorBy.get(lang) }
                    <select data-control="color" onchange={on_color}>
                        <option value="sector" selected={state.color == ColorBy::Sector}>{ T::ColorBySector.get(lang) }</option>
                        <option value="org" selected={state.color == ColorBy::Org}>{ T::ColorByOrg.get(lang) }</option>
                    </select>
                </label>
            }
            if state.view != View::Ranking {
                <label><input type="checkbox" data-control="events" checked={state.events}
                    onchange={ctx.on(Action::ToggleEvents)} />{ T::ShowEvents.get(lang) }</label>
            }
            <label>{ T::AsOf.get(lang) }
                // The years a link may carry (model::YEARS), so a linked date is never out of range.
                <input type="date" data-control="asof" value={asof_value} min="1950-01-01" max="2100-12-31" onchange={on_asof} />
            </label>
            <button type="button" class="btn" data-action="asof-today" aria-pressed={super::aria(state.asof.is_none())}
                onclick={ctx.on(Action::SetAsOf(None))}>{ T::AsOfToday.get(lang) }</button>
            <button type="button" class="btn" data-action="asof-article" aria-pressed={super::aria(state.asof == Some(article))}
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
    let events = super::charts::events_by(asof);
    html! {
        <details class="events">
            <summary>{ T::Events.get(lang) }</summary>
            <ul>
                { for events.into_iter().map(|e| html! {
                    <li data-event-id={e.id}>
                        { format::date(e.date, lang) }{ " · " }
                        // A dash between the event and its source, whose title may say the same.
                        { match lang { Lang::Ko => e.title_ko, Lang::En => e.title_en } }{ " — " }
                        { super::source_link(&e.source, lang) }
                    </li>
                }) }
            </ul>
        </details>
    }
}

/// The chart or table with its controls, legend and events: a plain view function (see
/// [`super::header::header`]).
pub fn main_view(ctx: &Ctx, filtered: &Filtered) -> Html {
    let lang = ctx.lang;
    let article_view = ctx.state.asof == Some(super::charts::ARTICLE_DATE);
    let body = if filtered.is_empty() {
        empty_state(ctx)
    } else {
        match ctx.state.view {
            View::Timeline | View::Ranking | View::Lanes => {
                html! { <super::charts::ChartView filtered={filtered.clone()} ctx={ctx.clone()} /> }
            }
            View::Table => {
                html! { <super::table::Table filtered={filtered.clone()} ctx={ctx.clone()} /> }
            }
        }
    };
    let title = super::toolbar::view_label(ctx.state.view, ctx.state.color);
    html! {
        <>
            // Heading navigation lands on the view, not only on "Filters".
            <h2 class="visually-hidden">{ title.get(lang) }</h2>
            { controls(ctx) }
            if article_view {
                <p class="asof-hint" data-hint="article">{ T::ArticleHint.get(lang) }{ article_later(lang) }</p>
            }
            { body }
            if ctx.state.view != View::Table {
                { legend(ctx, filtered) }
            }
            { event_list(ctx) }
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
    if asof == Some(super::charts::ARTICLE_DATE) {
        chart::Highlight::InArticle
    } else {
        chart::Highlight::None
    }
}

/// With an "as of" date, the time axis runs from the first model to that date's last day, and
/// on to every model counted by then (one dated "2025" is drawn mid-year, after an as-of of
/// 2025-01-15), but not past the data (an as-of of 2099 does not squash the chart).
pub fn x_domain_for(asof: Option<crate::model::Date>) -> Option<(f64, f64)> {
    let asof = asof?;
    let (mut first, mut last, mut shown) = (f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY);
    for m in data::korean() {
        let x = m.date.as_year_fraction();
        first = first.min(x);
        last = last.max(x);
        if crate::filter::visible_at(m, Some(asof)) {
            shown = shown.max(x);
        }
    }
    let end = asof.latest_day().as_year_fraction().min(last).max(shown) + 0.25;
    (first.is_finite() && end > first).then_some((first - 0.2, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The marks key names only the kinds of mark the chart draws.
    #[test]
    fn marks_key_lists_only_what_is_drawn() {
        let by_id = |id: &str| data::model(id).unwrap();
        let state = |view| ViewState {
            view,
            events: false,
            ..ViewState::default()
        };
        // HyperCLOVA: released, closed, dense, no disputed size.
        let one = [by_id("hyperclova")];
        assert_eq!(
            mark_keys(&one, &state(View::Timeline)),
            [T::ClosedWeightsMark]
        );
        assert_eq!(mark_keys(&one, &state(View::Ranking)), [T::LogBarsMark]);
        let all = data::korean();
        assert_eq!(
            mark_keys(all, &state(View::Timeline)),
            [
                T::OpenWeightsMark,
                T::ClosedWeightsMark,
                T::AnnouncedMark,
                T::MoeMark,
                T::GhostMark
            ]
        );
        // Lanes draw no ghosts; the ranking explains its log bars and their darker MoE part.
        assert!(!mark_keys(all, &state(View::Lanes)).contains(&T::GhostMark));
        assert_eq!(
            mark_keys(all, &state(View::Ranking)),
            [T::LogBarsMark, T::ActiveBarMark]
        );
        assert_eq!(mark_keys(&[], &state(View::Timeline)), []);
        assert_eq!(mark_keys(&[], &state(View::Ranking)), []);
        // Events' lines, when shown, and only where some event happened by the "as of" date.
        let with_events = |view, asof| ViewState {
            events: true,
            asof,
            ..state(view)
        };
        let early = crate::model::Date::read("2021-01-01").ok();
        for view in [View::Timeline, View::Lanes] {
            assert!(mark_keys(all, &with_events(view, None)).ends_with(&[T::EventMark]));
            assert!(!mark_keys(all, &with_events(view, early)).contains(&T::EventMark));
        }
        assert!(!mark_keys(all, &with_events(View::Ranking, None)).contains(&T::EventMark));
        // Models of 2022 and before: the axis ends before the first event, so no line is drawn
        // and none is explained.
        let early_models: Vec<&Model> = all
            .iter()
            .copied()
            .filter(|m| m.date.year <= 2022)
            .collect();
        assert!(!early_models.is_empty());
        for view in [View::Timeline, View::Lanes] {
            assert!(!mark_keys(&early_models, &with_events(view, None)).contains(&T::EventMark));
        }
        // A ranking of undisclosed sizes draws no bars: no word about their scale.
        let undisclosed: Vec<&Model> = all
            .iter()
            .copied()
            .filter(|m| m.total.value_b.is_none())
            .collect();
        assert_eq!(mark_keys(&undisclosed, &state(View::Ranking)), []);
    }

    #[test]
    fn colouring_by_organisation_names_the_seven_busiest_then_the_rest() {
        let models = data::korean();
        let order = super::super::charts::org_order(models);
        let count = |id: &str| models.iter().filter(|m| m.org == id).count();
        assert!(order.len() > chart::ORG_COLOURS + 1, "{order:?}");
        assert!(order.windows(2).all(|w| count(w[0]) >= count(w[1])));

        let keys = colour_keys(models, ColorBy::Org, Lang::En);
        assert_eq!(keys.len(), chart::ORG_COLOURS + 1);
        let first = data::organisation(order[0]).map(|o| o.name_en);
        assert_eq!(Some(keys[0].label.as_str()), first);
        assert_eq!((keys[0].c, keys[6].c, keys[7].c), ("o0", "o6", "o7"));
        assert_eq!(
            keys[7].label,
            format!("Other organisations ({})", order.len() - chart::ORG_COLOURS)
        );

        // Two organisations shown: two colours, no "other".
        let two: Vec<&Model> = models
            .iter()
            .copied()
            .filter(|m| m.org == order[0] || m.org == order[3])
            .collect();
        let keys = colour_keys(&two, ColorBy::Org, Lang::Ko);
        assert_eq!(keys.len(), 2);
        assert_eq!((keys[0].c, keys[1].c), ("o0", "o1"));
    }

    #[test]
    fn as_of_axis_draws_every_model_counted_and_stops_at_the_data() {
        use crate::chart::timeline::{timeline, TimelineOptions};
        use crate::model::Date;
        let d = |year, month, day| Date { year, month, day };
        for asof in [
            d(2021, 0, 0),
            d(2023, 0, 0),
            d(2024, 0, 0),
            d(2025, 1, 15),
            d(2023, 8, 22),
        ] {
            let shown: Vec<&Model> = data::korean()
                .iter()
                .copied()
                .filter(|m| crate::filter::visible_at(m, Some(asof)))
                .collect();
            let mut o = TimelineOptions::new(1280.0);
            o.x_domain = x_domain_for(Some(asof));
            let t = timeline(&shown, &[], &[], &o);
            assert_eq!(
                t.outside_x_domain,
                0,
                "as of {}: every counted model is drawn",
                asof.iso()
            );
            assert_eq!(t.marks.len(), shown.len());
        }
        let last = data::korean()
            .iter()
            .map(|m| m.date.as_year_fraction())
            .fold(f64::NEG_INFINITY, f64::max);
        let far = x_domain_for(Some(d(2099, 12, 31))).map_or(f64::MAX, |(_, end)| end);
        assert!(
            far <= last + 0.25 + 1e-9,
            "a far as-of does not stretch the axis ({far})"
        );
    }

    #[test]
    fn colouring_by_sector_lists_only_the_sectors_shown() {
        let models: Vec<&Model> = data::korean()
            .iter()
            .copied()
            .filter(|m| m.sector == Sector::Telecom || m.sector == Sector::Game)
            .collect();
        let keys = colour_keys(&models, ColorBy::Sector, Lang::Ko);
        let cs: Vec<&str> = keys.iter().map(|k| k.c).collect();
        assert_eq!(cs, ["telecom", "game"]);
        assert_eq!(keys[0].label, "통신");
    }
}

//! The frame every chart view shares: container width, the `<svg>` with its
//! accessible name, one tab stop with an arrow-key walk over the marks, hover
//! and focus tooltips, a focus ring, and click-to-open. The chart's own markup
//! comes in as one pre-built string (see `crate::svg`).

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::chart_export::CHART_ID;
use super::Ctx;
use crate::data;
use crate::format::{self, dp0, dp1};
use crate::i18n::{Label, T};
use crate::state::Action;
use crate::svg::{org_name, size_text};

/// The chart's width before it can be measured, from the app root's width and
/// the layout in styles/main.css (padding 16 px, or 10 px below 481 px; a
/// 260 px filter column and 16 px gap from 900 px; at most 1440 px wide). A
/// right guess spares a second full draw at load; a wrong one is corrected by
/// the measurement.
fn first_width_guess() -> f64 {
    let app = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
        .map_or(0.0, |el| f64::from(el.client_width()));
    let outer = app.min(1440.0);
    let inner = if app <= 480.0 {
        outer - 20.0
    } else {
        outer - 32.0
    };
    let chart = if app >= 900.0 {
        inner - 260.0 - 16.0
    } else {
        inner
    };
    if chart > 0.0 {
        chart.max(300.0).round()
    } else {
        720.0
    }
}

/// The container's width, and the reader's text spacing as a factor on the labels' estimated
/// widths in thousandths (1000 without any), measured on mount and whenever either changes.
/// The spacing is the width of a sample of text (the second node's first child) as the page
/// styles it, over its width with letter and word spacing held at zero (its second child):
/// a text-spacing bookmarklet or extension used after load (WCAG 1.4.12) resizes the sample,
/// and the charts are laid out again with wider labels.
#[hook]
pub fn use_width() -> (NodeRef, NodeRef, f64, u32) {
    let node = use_node_ref();
    let probe = use_node_ref();
    let metrics = use_state_eq(|| (first_width_guess(), 1000_u32));
    {
        let (node, probe) = (node.clone(), probe.clone());
        let metrics = metrics.clone();
        use_effect_with((), move |()| {
            let sample = {
                let probe = probe.clone();
                move |i: u32| {
                    probe
                        .cast::<web_sys::Element>()
                        .and_then(|p| p.children().item(i))
                        .map_or(0.0, |el| el.get_bounding_client_rect().width())
                }
            };
            let measure = {
                let (node, metrics) = (node.clone(), metrics.clone());
                move || {
                    // Nothing to measure while the chart is not laid out (hidden).
                    let Some(width) = node
                        .cast::<web_sys::Element>()
                        .map(|el| f64::from(el.client_width()))
                        .filter(|w| *w > 0.0)
                    else {
                        return;
                    };
                    let (styled, plain) = (sample(0), sample(1));
                    // Whole hundredths: sub-pixel noise never redraws the chart.
                    let scale = if plain > 0.0 {
                        (styled / plain * 100.0).round().clamp(100.0, 300.0) as u32 * 10
                    } else {
                        1000
                    };
                    metrics.set((width.max(300.0).round(), scale));
                }
            };
            measure();
            let closure = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(measure);
            let observer = web_sys::ResizeObserver::new(closure.as_ref().unchecked_ref()).ok();
            if let Some(o) = &observer {
                for el in [
                    node.cast::<web_sys::Element>(),
                    probe
                        .cast::<web_sys::Element>()
                        .and_then(|p| p.first_element_child()),
                ]
                .into_iter()
                .flatten()
                {
                    o.observe(&el);
                }
            }
            move || {
                if let Some(o) = observer {
                    o.disconnect();
                }
                drop(closure);
            }
        });
    }
    let (width, scale) = *metrics;
    (node, probe, width, scale)
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

/// One keyboard stop / hover target of a chart, in chart pixels.
pub use crate::chart::Stop as Hover;

/// How the pointer finds a mark.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Hit {
    /// The nearest stop within this many pixels.
    Nearest(f64),
    /// The row under the pointer, whatever the x: rows of height `h`, each centred `dy`
    /// above its stop (the ranking's bar sits below its name on phones).
    Row { h: f64, dy: f64 },
}

fn step(stops: &[Hover], current: Option<&str>, delta: isize) -> Option<&'static str> {
    crate::chart::step_mark(stops, current, delta).map(|s| s.id)
}

fn hit(stops: &[Hover], mode: Hit, x: f64, y: f64) -> Option<Hover> {
    match mode {
        Hit::Nearest(reach) => crate::chart::nearest_mark(stops, x, y, reach).copied(),
        Hit::Row { h, dy } => stops
            .iter()
            .find(|s| (s.y - dy - y).abs() <= h / 2.0)
            .copied(),
    }
}

#[derive(Properties, PartialEq)]
pub struct ChartSvgProps {
    /// `data-chart`: timeline | ranking | lanes.
    pub kind: &'static str,
    pub title: AttrValue,
    pub desc: AttrValue,
    pub width: f64,
    pub height: f64,
    /// The chart's markup (from `crate::svg`).
    pub body: Html,
    /// Marks in keyboard order.
    pub stops: Rc<Vec<Hover>>,
    pub hit: Hit,
    pub ctx: Ctx,
}

#[component]
pub fn ChartSvg(props: &ChartSvgProps) -> Html {
    let focused = use_state_eq(|| None::<&'static str>);
    let hover = use_state_eq(|| None::<Hover>);
    let has_focus = use_state_eq(|| false);
    let stops = props.stops.clone();
    let focus_stop = focused.and_then(|id| stops.iter().find(|s| s.id == id).copied());
    let tip = (*hover).or(if *has_focus { focus_stop } else { None });
    let tip_node = use_node_ref();
    {
        let node = tip_node.clone();
        use_effect_with((tip, props.width), move |(tip, width)| {
            if let (Some(h), Some(el)) = (tip, node.cast::<web_sys::HtmlElement>()) {
                place_tooltip(&el, h, *width);
            }
        });
    }
    let ctx = &props.ctx;
    let state = ctx.state.clone();

    let on_key = {
        let kind = props.kind;
        let (focused, hover, stops, state, has_focus) = (
            focused.clone(),
            hover.clone(),
            stops.clone(),
            state.clone(),
            has_focus.clone(),
        );
        Callback::from(move |e: KeyboardEvent| {
            let lanes = kind == "lanes";
            let next = match e.key().as_str() {
                "ArrowDown" | "ArrowUp" if lanes && focused.is_some() => {
                    crate::chart::step_group(&stops, *focused, e.key() == "ArrowDown").map(|s| s.id)
                }
                // In the lanes, left and right (and Page Up / Down, ten at a time) stop at the
                // lane's ends.
                "ArrowRight" | "ArrowLeft" | "PageDown" | "PageUp"
                    if lanes && focused.is_some() =>
                {
                    let delta = match e.key().as_str() {
                        "ArrowRight" => 1,
                        "ArrowLeft" => -1,
                        "PageDown" => 10,
                        _ => -10,
                    };
                    crate::chart::step_in_group(&stops, *focused, delta).map(|s| s.id)
                }
                "ArrowRight" | "ArrowDown" => step(&stops, *focused, 1),
                "ArrowLeft" | "ArrowUp" => step(&stops, *focused, -1),
                "PageDown" => step(&stops, *focused, 10),
                "PageUp" => step(&stops, *focused, -10),
                "Home" => stops.first().map(|m| m.id),
                "End" => stops.last().map(|m| m.id),
                "Enter" | " " => {
                    if let Some(id) = *focused {
                        e.prevent_default();
                        state.dispatch(Action::Select(Some(id)));
                    }
                    return;
                }
                "Escape" => {
                    hover.set(None);
                    if state.selected.is_some() {
                        state.dispatch(Action::Select(None));
                    } else {
                        focused.set(None);
                    }
                    return;
                }
                _ => return,
            };
            e.prevent_default();
            hover.set(None);
            has_focus.set(true);
            if let Some(id) = next {
                super::browser::reveal(&format!("m-{id}"), false);
            }
            focused.set(next);
        })
    };
    let on_focus = {
        let (focused, has_focus, stops) = (focused.clone(), has_focus.clone(), stops.clone());
        let selected = state.selected;
        Callback::from(move |e: FocusEvent| {
            // The focus ring and its tooltip are for the keyboard: a tap or a click that
            // focuses the chart shows neither (it would name the first mark, not the one tapped).
            let keyboard = e
                .target_dyn_into::<web_sys::Element>()
                .is_some_and(|el| el.matches(":focus-visible").unwrap_or(true));
            has_focus.set(keyboard);
            let still_there = focused.is_some_and(|id| stops.iter().any(|m| m.id == id));
            if !still_there {
                let start = selected.filter(|id| stops.iter().any(|m| m.id == *id));
                focused.set(start.or_else(|| stops.first().map(|m| m.id)));
            }
        })
    };
    let on_blur = {
        let has_focus = has_focus.clone();
        Callback::from(move |_: FocusEvent| has_focus.set(false))
    };
    let (width, mode) = (props.width, props.hit);
    let on_move = {
        let (hover, stops) = (hover.clone(), stops.clone());
        Callback::from(move |e: MouseEvent| {
            let (x, y) = svg_point(&e, width);
            hover.set(hit(&stops, mode, x, y));
        })
    };
    let on_click = {
        let (stops, focused, hover) = (stops.clone(), focused.clone(), hover.clone());
        // pointerup, not click: focusing the chart on pointerdown redraws its marks, so the
        // browser never fires `click` for a first click on an unfocused chart.
        Callback::from(move |e: PointerEvent| {
            if e.button() != 0 {
                return;
            }
            let (x, y) = svg_point(&e, width);
            if let Some(h) = hit(&stops, mode, x, y) {
                // The keyboard walk goes on from the mark picked; a touch leaves no hover.
                focused.set(Some(h.id));
                if e.pointer_type() == "touch" {
                    hover.set(None);
                }
                state.dispatch(Action::Select(Some(h.id)));
            }
        })
    };
    let on_leave = {
        let hover = hover.clone();
        Callback::from(move |_: MouseEvent| hover.set(None))
    };

    let ring = focus_stop.filter(|_| *has_focus).map(|s| {
        html! { <circle class="focus-ring" cx={dp1(s.x).to_string()} cy={dp1(s.y).to_string()} r="11" aria-hidden="true" /> }
    });
    let active = focus_stop.map(|s| format!("m-{}", s.id));
    let (w, h) = (dp0(props.width).to_string(), dp0(props.height).to_string());
    html! {
        <>
            <svg id={CHART_ID} class="chart-svg" viewBox={format!("0 0 {w} {h}")} width={w.clone()} height={h.clone()}
                role="group" tabindex="0" aria-labelledby="chart-title chart-desc" aria-activedescendant={active}
                data-chart={props.kind}
                onkeydown={on_key} onfocus={on_focus} onblur={on_blur}
                onmousemove={on_move} onpointerup={on_click} onmouseleave={on_leave}>
                <title id="chart-title">{ props.title.clone() }</title>
                <desc id="chart-desc">{ props.desc.clone() }</desc>
                { props.body.clone() }
                { for ring }
            </svg>
            { tooltip(tip, ctx.lang, tip_node) }
        </>
    }
}

/// Puts the tooltip next to the hovered or focused mark, through the CSSOM (the strict CSP
/// forbids inline style attributes); flipped to the left near the right edge.
fn place_tooltip(el: &web_sys::HtmlElement, h: &Hover, width: f64) {
    let Some(parent) = el.parent_element() else {
        return;
    };
    let scale = f64::from(parent.client_width()) / width.max(1.0);
    let x = h.x * scale;
    let style = el.style();
    let (left, right) = if h.x > width * 0.6 {
        (
            "auto".to_string(),
            format!("{}px", dp0((width - h.x) * scale + 12.0)),
        )
    } else {
        (format!("{}px", dp0(x + 12.0)), "auto".to_string())
    };
    let _ = style.set_property("left", &left);
    let _ = style.set_property("right", &right);
    let _ = style.set_property("top", &format!("{}px", dp0((h.y * scale + 12.0).max(0.0))));
}

/// A small card next to the hovered or focused mark (part of [`ChartSvg`], which positions it).
fn tooltip(tip: Option<Hover>, lang: crate::state::Lang, node: NodeRef) -> Html {
    let Some(m) = tip.and_then(|h| data::model(h.id)) else {
        return html! {};
    };
    html! {
        <div class="tooltip" ref={node} role="tooltip" data-tooltip={m.id}>
            <strong>{ data::model_name(m, lang) }</strong>
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

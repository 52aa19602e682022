//! The timeline: release date × total parameters (log), drawn from the pure
//! geometry in `chart::timeline`. One tab stop; arrow keys walk the marks.

use std::rc::Rc;

use yew::prelude::*;

use super::chart_export::CHART_ID;
use super::use_ctx;
use super::views::{
    chart_color, color_class, event_title, highlight_for, label_name, mark_label, stops,
    use_chart_keys, use_width, x_domain_for, ChartTooltip, Hover,
};
use crate::chart::timeline::{default_height, timeline, Timeline, TimelineOptions};
use crate::chart::{Mark, Shape};
use crate::data;
use crate::format;
use crate::i18n::T;
use crate::state::Lang;

/// The 2023 article's date: "then and now" highlights what it named.
pub const ARTICLE_DATE: crate::model::Date = crate::model::Date {
    year: 2023,
    month: 8,
    day: 22,
};

fn anchor(a: crate::chart::labels::Anchor) -> &'static str {
    match a {
        crate::chart::labels::Anchor::Start => "start",
        crate::chart::labels::Anchor::Middle => "middle",
        crate::chart::labels::Anchor::End => "end",
    }
}

/// The mark element: circle (open weights) or square (closed).
pub fn mark_shape(m: &Mark, classes: Classes, label: String, focused: bool) -> Html {
    let id = format!("m-{}", m.id);
    let inner = m.active_r.map(|r| match m.shape {
        Shape::Circle => html! { <circle class="mark-active" cx={fmt(m.x)} cy={fmt(m.y)} r={fmt(r)} /> },
        Shape::Square => html! {
            <rect class="mark-active" x={fmt(m.x - r)} y={fmt(m.y - r)} width={fmt(2.0 * r)} height={fmt(2.0 * r)} />
        },
    });
    let classes = classes!(classes, focused.then_some("focused"));
    let outer = match m.shape {
        Shape::Circle => html! {
            <circle {id} class={classes} cx={fmt(m.x)} cy={fmt(m.y)} r={fmt(m.r)}
                role="img" aria-label={label} data-model-id={m.id} />
        },
        Shape::Square => html! {
            <rect {id} class={classes} x={fmt(m.x - m.r)} y={fmt(m.y - m.r)} width={fmt(2.0 * m.r)} height={fmt(2.0 * m.r)}
                role="img" aria-label={label} data-model-id={m.id} />
        },
    };
    html! { <>{ outer }{ for inner }</> }
}

/// One decimal is plenty for pixels and keeps the markup small.
pub fn fmt(v: f64) -> String {
    format!("{v:.1}")
}

#[component]
pub fn TimelineView(props: &super::views::ChartProps) -> Html {
    let (wrap, width) = use_width();
    let ctx = use_ctx();
    let geometry: Rc<Timeline> = {
        let state = ctx.as_ref().map(|c| (*c.state).clone()).unwrap_or_default();
        let lang = ctx.as_ref().map_or(Lang::En, |c| c.lang);
        let key = (
            Rc::clone(&props.filtered),
            width,
            state.color,
            state.events,
            state.selected,
            state.asof,
            lang,
        );
        use_memo(
            key,
            |(filtered, width, color, events, selected, asof, lang)| {
                let mut opts = TimelineOptions::new(*width);
                // Phones get a taller chart than the width alone suggests.
            opts.height = default_height(*width).max(if *width < 480.0 { 360.0 } else { 0.0 });
                opts.color_by = chart_color(*color);
                opts.org_order = data::ORGANISATIONS.iter().map(|o| o.id).collect();
                opts.show_events = *events;
                opts.selected = *selected;
                opts.label_name = label_name(*lang);
                opts.x_domain = x_domain_for(*asof);
                opts.highlight = highlight_for(*asof);
                let refs: Vec<_> = data::reference_models().collect();
                let events: Vec<_> = data::events().iter().collect();
                timeline(filtered, &refs, &events, &opts)
            },
        )
    };
    let stops = use_memo(geometry.clone(), |g| stops(&g.marks));
    let keys = use_chart_keys(stops.clone());
    let Some(ctx) = ctx else { return html! {} };
    let lang = ctx.lang;
    let g = &*geometry;
    let (w, h) = (g.frame.width, g.frame.height);
    let plot = g.plot;

    let band = g.hyperscale_band.map(|b| {
        html! {
            <g>
                <rect class="band" x={fmt(b.x)} y={fmt(b.y)} width={fmt(b.width)} height={fmt(b.height)} />
                <text class="band-label" x={fmt(b.x + 6.0)} y={fmt(b.y + 14.0)}>
                    { format!("{} ≥ {}", T::Hyperscale.get(lang), format::params(100.0, lang)) }
                </text>
            </g>
        }
    });
    let y_ticks = g.y_ticks.iter().map(|t| {
        html! {
            <g>
                <line class="grid-line" x1={fmt(plot.x)} x2={fmt(plot.right())} y1={fmt(t.y)} y2={fmt(t.y)} />
                <text class="tick-label" x={fmt(plot.x - 6.0)} y={fmt(t.y)} text-anchor="end" dominant-baseline="central">
                    { format::params(t.value_b, lang) }
                </text>
            </g>
        }
    });
    let x_ticks = g.x_ticks.iter().map(|t| {
        html! {
            <g>
                <line class="grid-line" x1={fmt(t.x)} x2={fmt(t.x)} y1={fmt(plot.y)} y2={fmt(plot.bottom())} />
                <text class="tick-label" x={fmt(t.x)} y={fmt(g.x_axis_y + 14.0)} text-anchor="middle">
                    { format::month_tick(t.year, t.month, lang) }
                </text>
            </g>
        }
    });
    let refs = g.reference_lines.iter().map(|r| {
        html! {
            <g>
                <line class="ref-line" x1={fmt(plot.x)} x2={fmt(plot.right())} y1={fmt(r.y)} y2={fmt(r.y)} />
                <text class="ref-label" x={fmt(plot.right() - 4.0)} y={fmt(r.y - 4.0)} text-anchor="end">
                    { T::Gpt3Line.get(lang) }
                </text>
            </g>
        }
    });
    let lane = g.undisclosed_lane.map(|l| {
        html! {
            <g>
                <rect class="lane-bg" x={fmt(l.x)} y={fmt(l.y)} width={fmt(l.width)} height={fmt(l.height)} />
                <text class="lane-label" x={fmt(l.x + 4.0)} y={fmt(l.y + 11.0)}>{ T::UndisclosedLane.get(lang) }</text>
            </g>
        }
    });
    let events = g.event_markers.iter().filter_map(|e| {
        let ev = data::events().iter().find(|x| x.id == e.id)?;
        Some(html! {
            <g class="event" data-event-id={e.id}>
                <line class="event-line" x1={fmt(e.x)} x2={fmt(e.x)} y1={fmt(plot.y)} y2={fmt(plot.bottom())} />
                <circle class="event-dot" cx={fmt(e.x)} cy={fmt(plot.y + 4.0)} r="3.5" />
                <circle class="event-hit" cx={fmt(e.x)} cy={fmt(plot.y + 4.0)} r="9">
                    <title>{ event_title(ev, lang) }</title>
                </circle>
            </g>
        })
    });
    // Links through the undisclosed lane would cross the whole plot and suggest a size.
    let lineage = g.lineage.iter().filter(|s| !s.via_lane).map(|s| {
        html! { <line class="lineage" x1={fmt(s.x1)} y1={fmt(s.y1)} x2={fmt(s.x2)} y2={fmt(s.y2)} /> }
    });
    let ranges = g.ranges.iter().map(|r| {
        html! { <line class={classes!("size-range", color_class(r.color))} x1={fmt(r.x)} x2={fmt(r.x)} y1={fmt(r.y_top)} y2={fmt(r.y_bottom)} /> }
    });
    let ghosts = g.ghosts.iter().map(|gh| {
        let color = g.mark(gh.id).map(|m| color_class(m.color)).unwrap_or_default();
        html! {
            <g>
                <line class={classes!("ghost-tie", color.clone())} x1={fmt(gh.tie_x)} y1={fmt(gh.tie_y)} x2={fmt(gh.x)} y2={fmt(gh.y)} />
                <circle class={classes!("ghost", color)} cx={fmt(gh.x)} cy={fmt(gh.y)} r={fmt(gh.r)}>
                    <title>{ format!("{}: {}", T::Disputed.get(lang), format::params(gh.value_b, lang)) }</title>
                </circle>
            </g>
        }
    });
    let focused = keys.focused.clone();
    let marks = g.marks.iter().map(|m| {
        let classes = classes!(
            "mark",
            color_class(m.color),
            m.hollow.then_some("hollow"),
            m.highlighted.then_some("named"),
            m.selected.then_some("selected"),
        );
        let label = data::model(m.id)
            .map(|model| mark_label(model, lang))
            .unwrap_or_default();
        mark_shape(m, classes, label, focused.as_deref() == Some(m.id))
    });
    let labels = g.labels.iter().map(|l| {
        html! {
            <text class="mark-label" x={fmt(l.x)} y={fmt(l.y)} text-anchor={anchor(l.anchor)} dominant-baseline="central" aria-hidden="true">
                { l.text }
            </text>
        }
    });

    let hover = keys.hover.clone();
    let on_move = {
        let geometry = geometry.clone();
        let hover = hover.clone();
        move |e: MouseEvent| {
            let (x, y) = super::views::svg_point(&e, geometry.frame.width);
            hover.set(geometry.nearest(x, y).map(|m| Hover {
                id: m.id,
                x: m.x,
                y: m.y,
            }));
        }
    };
    let on_click = {
        let geometry = geometry.clone();
        let state = ctx.state.clone();
        move |e: MouseEvent| {
            let (x, y) = super::views::svg_point(&e, geometry.frame.width);
            if let Some(m) = geometry.nearest(x, y) {
                state.dispatch(crate::state::Action::Select(Some(m.id)));
            }
        }
    };
    let on_leave = {
        let hover = hover.clone();
        move |_: MouseEvent| hover.set(None)
    };
    let active = keys.focused.as_ref().map(|id| format!("m-{id}"));
    let summary = format!(
        "{} {} {}{}",
        T::ChartSummary.get(lang),
        format::count(g.marks.len(), lang),
        T::ModelsShown.get(lang).trim(),
        match lang {
            Lang::Ko => ".",
            Lang::En => ".",
        }
    );

    html! {
        <div class="chart-wrap" ref={wrap}>
            <svg id={CHART_ID} class="chart-svg" viewBox={format!("0 0 {} {}", fmt(w), fmt(h))} width={fmt(w)} height={fmt(h)}
                role="group" tabindex="0" aria-labelledby="chart-title chart-desc" aria-activedescendant={active}
                data-chart="timeline"
                onkeydown={keys.on_key.clone()} onfocus={keys.on_focus.clone()} onblur={keys.on_blur.clone()}
                onmousemove={on_move} onclick={on_click} onmouseleave={on_leave}>
                <title id="chart-title">{ T::ViewTimeline.get(lang) }</title>
                <desc id="chart-desc">{ summary }{ " " }{ T::ChartKeys.get(lang) }</desc>
                { for band }
                <g class="axis">{ for y_ticks }{ for x_ticks }</g>
                <line class="grid-line" x1={fmt(plot.x)} x2={fmt(plot.right())} y1={fmt(plot.bottom())} y2={fmt(plot.bottom())} />
                <text class="axis-title" x={fmt(plot.x)} y={fmt(plot.y - 8.0)}>{ T::TotalParams.get(lang) }</text>
                { for refs }
                { for lane }
                { for events }
                <g aria-hidden="true">{ for lineage }{ for ranges }{ for ghosts }</g>
                <g class="marks">{ for marks }</g>
                <g>{ for labels }</g>
            </svg>
            <ChartTooltip hover={(*hover).or_else(|| keys.focused_hover(&stops))} width={w} />
        </div>
    }
}

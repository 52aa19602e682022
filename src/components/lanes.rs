//! Sector lanes: one lane per sector (or organisation, when colouring by
//! organisation), models as marks along time — "who is doing what".

use std::rc::Rc;

use yew::prelude::*;

use super::chart_export::CHART_ID;
use super::timeline::{fmt, mark_shape};
use super::use_ctx;
use super::views::{
    chart_color, color_class, event_title, highlight_for, label_name, mark_label, stops,
    use_chart_keys, use_width, x_domain_for, ChartProps, ChartTooltip, Hover,
};
use crate::chart::lanes::{lanes, LaneBy, LaneKey, Lanes, LanesOptions};
use crate::data;
use crate::format;
use crate::i18n::{Label, T};
use crate::state::{Action, ColorBy, Lang};

#[component]
pub fn LanesView(props: &ChartProps) -> Html {
    let (wrap, width) = use_width();
    let ctx = use_ctx();
    let geometry: Rc<Lanes> = {
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
                let mut opts = LanesOptions::new(*width);
                opts.lane_by = match color {
                    ColorBy::Sector => LaneBy::Sector,
                    ColorBy::Org => LaneBy::Organisation,
                };
                opts.color_by = chart_color(*color);
                opts.org_order = data::ORGANISATIONS.iter().map(|o| o.id).collect();
                opts.show_events = *events;
                opts.selected = *selected;
                opts.label_name = label_name(*lang);
                opts.highlight = highlight_for(*asof);
                opts.x_domain = x_domain_for(*asof);
                let events: Vec<_> = data::events().iter().collect();
                lanes(filtered, &events, &opts)
            },
        )
    };
    let stops = use_memo(geometry.clone(), |g| stops(&g.marks));
    let keys = use_chart_keys(stops.clone());
    let Some(ctx) = ctx else { return html! {} };
    let lang = ctx.lang;
    let g = &*geometry;
    let plot = g.plot;
    let focused = *keys.focused;

    let lane_rows = g.lanes.iter().map(|lane| {
        let label = match lane.key {
            LaneKey::Sector(s) => s.label(lang).to_string(),
            LaneKey::Org(id) => data::organisation(id)
                .map(|o| match lang {
                    Lang::Ko => o.name_ko,
                    Lang::En => o.name_en,
                })
                .unwrap_or(id)
                .to_string(),
        };
        let r = lane.rect;
        html! {
            <g>
                <rect class="lane-bg" x={fmt(r.x)} y={fmt(r.y)} width={fmt(r.width)} height={fmt(r.height)} />
                <text class="lane-label" x={fmt(lane.label_x)} y={fmt(lane.label_y)} dominant-baseline="central">
                    { format!("{label} ({})", lane.count) }
                </text>
            </g>
        }
    });
    let x_ticks = g.x_ticks.iter().map(|t| {
        html! {
            <g>
                <line class="grid-line" x1={fmt(t.x)} x2={fmt(t.x)} y1={fmt(plot.y)} y2={fmt(plot.bottom())} />
                <text class="tick-label" x={fmt(t.x)} y={fmt(g.x_axis_y + 14.0)} text-anchor="middle">{ format::month_tick(t.year, t.month, lang) }</text>
            </g>
        }
    });
    let events = g.event_markers.iter().filter_map(|e| {
        let ev = data::events().iter().find(|x| x.id == e.id)?;
        Some(html! {
            <g class="event" data-event-id={e.id}>
                <line class="event-line" x1={fmt(e.x)} x2={fmt(e.x)} y1={fmt(plot.y)} y2={fmt(plot.bottom())} />
                <circle class="event-hit" cx={fmt(e.x)} cy={fmt(plot.y + 4.0)} r="9"><title>{ event_title(ev, lang) }</title></circle>
            </g>
        })
    });
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
        mark_shape(m, classes, label, focused == Some(m.id))
    });
    let labels = g.labels.iter().map(|l| {
        let anchor = match l.anchor {
            crate::chart::labels::Anchor::Start => "start",
            crate::chart::labels::Anchor::Middle => "middle",
            crate::chart::labels::Anchor::End => "end",
        };
        html! { <text class="mark-label" x={fmt(l.x)} y={fmt(l.y)} text-anchor={anchor} dominant-baseline="central" aria-hidden="true">{ l.text }</text> }
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
                state.dispatch(Action::Select(Some(m.id)));
            }
        }
    };
    let on_leave = {
        let hover = hover.clone();
        move |_: MouseEvent| hover.set(None)
    };
    let active = focused.map(|id| format!("m-{id}"));
    let (w, h) = (g.frame.width, g.height);
    html! {
        <div class="chart-wrap" ref={wrap}>
            <svg id={CHART_ID} class="chart-svg" viewBox={format!("0 0 {} {}", fmt(w), fmt(h))} width={fmt(w)} height={fmt(h)}
                role="group" tabindex="0" aria-labelledby="chart-title" aria-activedescendant={active} data-chart="lanes"
                onkeydown={keys.on_key.clone()} onfocus={keys.on_focus.clone()} onblur={keys.on_blur.clone()}
                onmousemove={on_move} onclick={on_click} onmouseleave={on_leave}>
                <title id="chart-title">{ T::ViewLanes.get(lang) }{ " — " }{ T::ChartKeys.get(lang) }</title>
                { for lane_rows }
                <g class="axis">{ for x_ticks }</g>
                { for events }
                <g class="marks">{ for marks }</g>
                <g>{ for labels }</g>
            </svg>
            <ChartTooltip hover={(*hover).or_else(|| keys.focused_hover(&stops))} width={w} />
        </div>
    }
}

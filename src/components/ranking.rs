//! Ranking: horizontal bars by total parameters (log scale), MoE active part
//! shaded, undisclosed sizes listed last without a bar.

use std::rc::Rc;

use yew::prelude::*;

use super::chart_export::CHART_ID;
use super::timeline::fmt;
use super::use_ctx;
use super::views::{
    chart_color, color_class, highlight_for, label_name, mark_label, use_chart_keys, use_width,
    ChartProps, ChartTooltip, Hover,
};
use crate::chart::labels::fit_text;
use crate::chart::ranking::{ranking, Ranking, RankingOptions};
use crate::data;
use crate::format;
use crate::i18n::T;
use crate::state::{Action, Lang};

#[component]
pub fn RankingView(props: &ChartProps) -> Html {
    let (wrap, width) = use_width();
    let ctx = use_ctx();
    let geometry: Rc<Ranking> = {
        let state = ctx.as_ref().map(|c| (*c.state).clone()).unwrap_or_default();
        let lang = ctx.as_ref().map_or(Lang::En, |c| c.lang);
        let key = (
            Rc::clone(&props.filtered),
            width,
            state.color,
            state.selected,
            state.asof,
            lang,
        );
        use_memo(key, |(filtered, width, color, selected, asof, lang)| {
            let mut opts = RankingOptions::new(*width);
            opts.color_by = chart_color(*color);
            opts.org_order = data::ORGANISATIONS.iter().map(|o| o.id).collect();
            opts.label_name = label_name(*lang);
            opts.selected = *selected;
            opts.highlight = highlight_for(*asof);
            ranking(filtered, &opts)
        })
    };
    let stops = use_memo(geometry.clone(), |g| {
        g.rows
            .iter()
            .map(|b| Hover {
                id: b.id,
                x: b.x_total.unwrap_or(b.x0),
                y: b.cy,
            })
            .collect::<Vec<_>>()
    });
    let keys = use_chart_keys(stops.clone());
    let Some(ctx) = ctx else { return html! {} };
    let lang = ctx.lang;
    let g = &*geometry;
    let plot = g.plot;
    let focused = *keys.focused;

    let ticks = g.x_ticks.iter().map(|t| {
        html! {
            <g>
                <line class="grid-line" x1={fmt(t.x)} x2={fmt(t.x)} y1={fmt(plot.y)} y2={fmt(plot.bottom())} />
                <text class="tick-label" x={fmt(t.x)} y={fmt(g.x_axis_y + 14.0)} text-anchor="middle">{ format::params(t.value_b, lang) }</text>
            </g>
        }
    });
    let rows = g.rows.iter().map(|b| {
        let label = data::model(b.id).map(|m| mark_label(m, lang)).unwrap_or_default();
        let value = data::model(b.id)
            .map(|m| m.total.value_b.map_or_else(|| T::Undisclosed.get(lang).to_string(), |v| format::params(v, lang)))
            .unwrap_or_default();
        let end = b.x_total.unwrap_or(b.x0);
        let classes = classes!(
            "bar",
            "mark",
            color_class(b.color),
            b.hollow.then_some("hollow"),
            b.highlighted.then_some("named"),
            b.selected.then_some("selected"),
            (focused == Some(b.id)).then_some("focused"),
        );
        html! {
            <g>
                <text class="bar-label" x={fmt(g.name_x)} y={fmt(b.cy)} text-anchor="end" dominant-baseline="central" aria-hidden="true">{ fit_text(b.name, g.name_x - 4.0, 12.0) }</text>
                if let Some(x_total) = b.x_total {
                    <rect id={format!("m-{}", b.id)} class={classes} x={fmt(b.x0)} y={fmt(b.y)} width={fmt((x_total - b.x0).max(1.0))} height={fmt(b.height)}
                        role="img" aria-label={label} data-model-id={b.id} />
                    if let Some(xa) = b.x_active {
                        <rect class="bar-active" x={fmt(b.x0)} y={fmt(b.y + b.height * 0.25)} width={fmt((xa - b.x0).max(1.0))} height={fmt(b.height * 0.5)} />
                    }
                } else {
                    <rect id={format!("m-{}", b.id)} class={classes!(classes, "hollow")} x={fmt(b.x0)} y={fmt(b.y)} width="2" height={fmt(b.height)}
                        role="img" aria-label={label} data-model-id={b.id} />
                }
                <text class="bar-value" x={fmt(end + 6.0)} y={fmt(b.cy)} dominant-baseline="central" aria-hidden="true">{ value }</text>
            </g>
        }
    });
    let on_click = {
        let geometry = geometry.clone();
        let state = ctx.state.clone();
        move |e: MouseEvent| {
            let (_, y) = super::views::svg_point(&e, geometry.frame.width);
            if let Some(b) = geometry.row_at(y) {
                state.dispatch(Action::Select(Some(b.id)));
            }
        }
    };
    let hover = keys.hover.clone();
    let on_move = {
        let geometry = geometry.clone();
        let hover = hover.clone();
        move |e: MouseEvent| {
            let (_, y) = super::views::svg_point(&e, geometry.frame.width);
            hover.set(geometry.row_at(y).map(|b| Hover {
                id: b.id,
                x: b.x_total.unwrap_or(b.x0),
                y: b.cy,
            }));
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
                role="group" tabindex="0" aria-labelledby="chart-title" aria-activedescendant={active} data-chart="ranking"
                onkeydown={keys.on_key.clone()} onfocus={keys.on_focus.clone()} onblur={keys.on_blur.clone()}
                onclick={on_click} onmousemove={on_move} onmouseleave={on_leave}>
                <title id="chart-title">{ T::ViewRanking.get(lang) }{ " — " }{ T::ChartKeys.get(lang) }</title>
                <g class="axis">{ for ticks }</g>
                { for rows }
            </svg>
            <ChartTooltip hover={(*hover).or_else(|| keys.focused_hover(&stops))} width={w} />
        </div>
    }
}

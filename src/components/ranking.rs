//! Ranking: horizontal bars by total parameters (log scale), MoE active part
//! shaded, undisclosed sizes listed last without a bar.

use std::rc::Rc;

use yew::prelude::*;

use super::chart_frame::{use_width, ChartSvg, Hit, Hover};
use super::timeline::Drawn;
use super::use_ctx;
use super::views::{chart_color, highlight_for, label_name, ChartProps};
use crate::chart::ranking::{ranking, RankingOptions};
use crate::data;
use crate::i18n::T;
use crate::state::Lang;

/// Pixels per ranking row.
const ROW: f64 = 22.0;

#[component]
pub fn RankingView(props: &ChartProps) -> Html {
    let (wrap, width) = use_width();
    let ctx = use_ctx();
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
    let drawn = use_memo(key, |(filtered, width, color, selected, asof, lang)| {
        let mut opts = RankingOptions::new(*width);
        opts.color_by = chart_color(*color);
        opts.org_order = data::ORGANISATIONS.iter().map(|o| o.id).collect();
        opts.label_name = label_name(*lang);
        opts.selected = *selected;
        opts.highlight = highlight_for(*asof);
        opts.row_height = ROW;
        let g = ranking(filtered, &opts);
        Drawn {
            width: g.frame.width,
            height: g.height,
            body: Html::from_html_unchecked(crate::svg::ranking(&g, *lang).into()),
            stops: Rc::new(
                g.rows
                    .iter()
                    .map(|b| Hover {
                        id: b.id,
                        x: b.x_total.unwrap_or(b.x0),
                        y: b.cy,
                    })
                    .collect(),
            ),
        }
    });
    html! {
        <div class="chart-wrap" ref={wrap}>
            <ChartSvg kind="ranking" title={T::ViewRanking.get(lang)} desc={T::ChartKeys.get(lang)}
                width={drawn.width} height={drawn.height} body={drawn.body.clone()}
                stops={drawn.stops.clone()} hit={Hit::Row(ROW)} />
        </div>
    }
}

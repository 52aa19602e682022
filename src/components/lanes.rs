//! Sector lanes: one lane per sector (or organisation, when colouring by
//! organisation), models as marks along time — "who is doing what".

use std::rc::Rc;

use yew::prelude::*;

use super::chart_frame::{use_width, ChartSvg, Hit, Hover};
use super::timeline::Drawn;
use super::use_ctx;
use super::views::{chart_color, highlight_for, label_name, x_domain_for, ChartProps};
use crate::chart::lanes::{lanes, LaneBy, LanesOptions};
use crate::data;
use crate::i18n::T;
use crate::state::{ColorBy, Lang};

#[component]
pub fn LanesView(props: &ChartProps) -> Html {
    let (wrap, width) = use_width();
    let ctx = use_ctx();
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
    let drawn = use_memo(
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
            let g = lanes(filtered, &events, &opts);
            Drawn {
                width: g.frame.width,
                height: g.height,
                body: Html::from_html_unchecked(crate::svg::lanes(&g, *lang).into()),
                stops: Rc::new(
                    g.marks
                        .iter()
                        .map(|m| Hover {
                            id: m.id,
                            x: m.x,
                            y: m.y,
                        })
                        .collect(),
                ),
            }
        },
    );
    html! {
        <div class="chart-wrap" ref={wrap}>
            <ChartSvg kind="lanes" title={T::ViewLanes.get(lang)} desc={T::ChartKeys.get(lang)}
                width={drawn.width} height={drawn.height} body={drawn.body.clone()}
                stops={drawn.stops.clone()} hit={Hit::Nearest(12.0)} />
        </div>
    }
}

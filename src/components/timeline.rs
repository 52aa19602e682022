//! The timeline: release date × total parameters (log), drawn from the pure
//! geometry in `chart::timeline` as markup from `svg::timeline`.

use std::rc::Rc;

use yew::prelude::*;

use super::chart_frame::{use_width, ChartSvg, Hit, Hover};
use super::use_ctx;
use super::views::{chart_color, highlight_for, label_name, x_domain_for, ChartProps};
use crate::chart::timeline::{default_height, timeline, TimelineOptions};
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

/// What a chart view hands to the frame: size, markup, keyboard stops.
pub struct Drawn {
    pub width: f64,
    pub height: f64,
    pub body: Html,
    pub stops: Rc<Vec<Hover>>,
}

#[component]
pub fn TimelineView(props: &ChartProps) -> Html {
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
            let g = timeline(filtered, &refs, &events, &opts);
            Drawn {
                width: g.frame.width,
                height: g.frame.height,
                body: Html::from_html_unchecked(crate::svg::timeline(&g, *lang).into()),
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
    let desc = format!(
        "{} {} {}. {}",
        T::ChartSummary.get(lang),
        format::count(drawn.stops.len(), lang),
        T::ModelsShown.get(lang).trim(),
        T::ChartKeys.get(lang)
    );
    html! {
        <div class="chart-wrap" ref={wrap}>
            <ChartSvg kind="timeline" title={T::ViewTimeline.get(lang)} desc={desc}
                width={drawn.width} height={drawn.height} body={drawn.body.clone()}
                stops={drawn.stops.clone()} hit={Hit::Nearest(12.0)} />
        </div>
    }
}

//! The three charts, each a pure function from the filtered models and the
//! view's inputs to the frame's contents; `ChartView` does the rest.

use std::rc::Rc;

use yew::prelude::*;

use super::chart_frame::{use_width, ChartSvg, Hit, Hover};
use super::views::{highlight_for, label_name, x_domain_for, ChartProps};
use crate::chart::labels;
use crate::chart::lanes::{lanes, LaneBy, LaneKey, LanesOptions};
use crate::chart::ranking::{ranking, RankingOptions};
use crate::chart::timeline::{default_height, timeline, TimelineOptions, REF_LABEL_PX};
use crate::chart::Mark;
use crate::data;
use crate::format;
use crate::i18n::{Label as _, T};
use crate::model::{Date, Model};
use crate::state::{ColorBy, Lang, View};

/// The 2023 article's date: "then and now" highlights what it named.
pub const ARTICLE_DATE: Date = Date {
    year: 2023,
    month: 8,
    day: 22,
};

/// Pixels per ranking row.
const ROW: f64 = 22.0;

/// What a chart depends on besides the models (the memo key).
#[derive(Clone, Copy, PartialEq)]
pub struct Inputs {
    pub width: f64,
    /// The reader's text spacing, in thousandths ([`use_width`]).
    pub text_scale: u32,
    pub color: ColorBy,
    pub events: bool,
    pub selected: Option<&'static str>,
    pub asof: Option<Date>,
    pub lang: Lang,
}

/// The events that had happened by the "as of" date (all of them for today): the charts' markers
/// and the events list.
pub fn events_by(asof: Option<Date>) -> Vec<&'static crate::model::Event> {
    data::events()
        .iter()
        .filter(|e| crate::filter::happened_by(e.date, asof))
        .collect()
}

/// What a chart hands to the frame: size, markup, keyboard stops, description.
pub struct Drawn {
    pub width: f64,
    pub height: f64,
    pub body: Html,
    pub stops: Rc<Vec<Hover>>,
    pub desc: String,
    pub hit: Hit,
}

/// The organisations of `models`, most models first (ties in the data's order). Colouring by
/// organisation gives the first [`crate::chart::ORG_COLOURS`] a hue each, and the legend lists
/// them: colours follow what is shown, so a filtered view never repeats a colour.
pub fn org_order(models: &[&Model]) -> Vec<&'static str> {
    // (models, place in the data, id); a linear scan over a few dozen organisations.
    let mut orgs: Vec<(usize, usize, &'static str)> = Vec::new();
    for m in models {
        match orgs.iter_mut().find(|o| o.2 == m.org) {
            Some(o) => o.0 += 1,
            None => {
                let place = data::organisations()
                    .iter()
                    .position(|o| o.id == m.org)
                    .unwrap_or(usize::MAX);
                orgs.push((1, place, m.org));
            }
        }
    }
    crate::set::sort_by(&mut orgs, &|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    orgs.into_iter().map(|o| o.2).collect()
}

/// The keyboard walk's order: lane by lane (`group`), then by release date where the
/// axis puts it (a year alone mid-year, as drawn), so the dates a screen reader reads
/// out never go backwards where marks were moved apart; then across and down.
fn stops(marks: &[Mark], group: impl Fn(&Mark) -> u16) -> Rc<Vec<Hover>> {
    let mut stops: Vec<(Hover, f64)> = marks
        .iter()
        .map(|m| {
            let date = data::model(m.id).map_or(0.0, |model| model.date.as_year_fraction());
            let stop = Hover {
                id: m.id,
                x: m.x,
                y: m.y,
                group: group(m),
            };
            (stop, date)
        })
        .collect();
    crate::set::sort_by(&mut stops, &|(a, da), (b, db)| {
        a.group
            .cmp(&b.group)
            .then_with(|| da.total_cmp(db))
            .then_with(|| a.x.total_cmp(&b.x))
            .then_with(|| a.y.total_cmp(&b.y))
    });
    Rc::new(stops.into_iter().map(|(s, _)| s).collect())
}

pub fn draw_timeline(models: &[&'static Model], i: &Inputs) -> Drawn {
    let mut opts = TimelineOptions::new(i.width);
    // Phones get a taller chart than the width alone suggests.
    opts.height = default_height(i.width).max(if i.width < 480.0 { 360.0 } else { 0.0 });
    opts.color_by = i.color;
    opts.org_order = org_order(models);
    opts.show_events = i.events;
    opts.selected = i.selected;
    opts.label_name = label_name(i.lang);
    opts.ref_label_width = labels::text_width(T::Gpt3Line.get(i.lang), REF_LABEL_PX);
    // The size axis runs over decades from 100M to 1T: its widest label, in this language.
    opts.y_label_width = [0.1, 1.0, 10.0, 100.0, 1000.0]
        .iter()
        .map(|v| labels::text_width(&format::params(*v, i.lang), 11.0))
        .fold(0.0, f64::max);
    opts.x_domain = x_domain_for(i.asof);
    opts.highlight = highlight_for(i.asof);
    let refs: Vec<_> = data::reference_models().collect();
    let events = events_by(i.asof);
    let g = timeline(models, &refs, &events, &opts);
    let desc = format!(
        "{} {}{}. {}",
        T::ChartSummary.get(i.lang),
        format::count(g.marks.len(), i.lang),
        T::models(g.marks.len()).get(i.lang),
        T::ChartKeys.get(i.lang)
    );
    Drawn {
        width: g.frame.width,
        height: g.frame.height,
        body: Html::from_html_unchecked(crate::svg::timeline(&g, i.asof, i.lang).into()),
        stops: stops(&g.marks, |_| 0),
        desc,
        hit: Hit::Nearest(12.0),
    }
}

pub fn draw_lanes(models: &[&'static Model], i: &Inputs) -> Drawn {
    let mut opts = LanesOptions::new(i.width);
    opts.lane_by = match i.color {
        ColorBy::Sector => LaneBy::Sector,
        ColorBy::Org => LaneBy::Organisation,
    };
    opts.color_by = i.color;
    opts.org_order = org_order(models);
    opts.show_events = i.events;
    opts.selected = i.selected;
    opts.label_name = label_name(i.lang);
    opts.highlight = highlight_for(i.asof);
    opts.x_domain = x_domain_for(i.asof);
    let events = events_by(i.asof);
    let g = lanes(models, &events, &opts);
    let mut desc = match i.color {
        ColorBy::Sector => T::LanesSummary,
        ColorBy::Org => T::LanesSummaryOrg,
    }
    .get(i.lang)
    .to_string();
    for (n, lane) in g.lanes.iter().enumerate() {
        let name = match lane.key {
            LaneKey::Sector(s) => s.label(i.lang),
            LaneKey::Org(id) => data::organisation_name(id, i.lang),
        };
        let sep = if n == 0 { " " } else { ", " };
        // "제조 5개", "Manufacturing (5)": a bare number after a name reads as part of it.
        let count = format::count(lane.count, i.lang);
        desc.push_str(&match i.lang {
            Lang::Ko => format!("{sep}{name} {count}개"),
            Lang::En => format!("{sep}{name} ({count})"),
        });
    }
    desc.push_str(&format!(". {}", T::LaneKeys.get(i.lang)));
    Drawn {
        width: g.frame.width,
        height: g.height,
        body: Html::from_html_unchecked(crate::svg::lanes(&g, i.asof, i.lang).into()),
        stops: stops(&g.marks, |m| {
            let lane = g
                .lanes
                .iter()
                .position(|l| m.y >= l.rect.y && m.y <= l.rect.bottom());
            lane.map_or(u16::MAX, |l| u16::try_from(l).unwrap_or(u16::MAX))
        }),
        desc,
        hit: Hit::Nearest(12.0),
    }
}

pub fn draw_ranking(models: &[&'static Model], i: &Inputs) -> Drawn {
    let mut opts = RankingOptions::new(i.width);
    opts.color_by = i.color;
    opts.org_order = org_order(models);
    opts.label_name = label_name(i.lang);
    opts.selected = i.selected;
    opts.highlight = highlight_for(i.asof);
    opts.row_height = ROW;
    let g = ranking(models, &opts);
    Drawn {
        width: g.frame.width,
        height: g.height,
        body: Html::from_html_unchecked(crate::svg::ranking(&g, i.lang).into()),
        stops: Rc::new(
            g.rows
                .iter()
                .map(|b| Hover {
                    id: b.id,
                    x: b.x_total.unwrap_or(b.x0),
                    y: b.cy,
                    group: 0,
                })
                .collect(),
        ),
        desc: format!(
            "{} {}{}. {}",
            T::RankingSummary.get(i.lang),
            format::count(g.rows.len(), i.lang),
            T::models(g.rows.len()).get(i.lang),
            T::ChartKeys.get(i.lang)
        ),
        // A bar sits half a name line below its row's centre when its name is above it.
        hit: Hit::Row {
            h: g.row_height,
            dy: (g.row_height - ROW) / 2.0,
        },
    }
}

/// A sample of label text, Korean and Latin, with spaces ([`use_width`] measures it).
const TEXT_PROBE: &str = "EXAONE 3.5 (7.8B) 하이퍼클로바X 2,040억 A.X K1";

/// Whichever chart the view state asks for, at the container's width.
#[component]
pub fn ChartView(props: &ChartProps) -> Html {
    let (wrap, probe, width, text_scale) = use_width();
    let ctx = &props.ctx;
    let state = &*ctx.state;
    let lang = ctx.lang;
    let view = state.view;
    let inputs = Inputs {
        width,
        text_scale,
        color: state.color,
        events: state.events,
        selected: state.selected,
        asof: state.asof,
        lang,
    };
    let drawn = use_memo(
        (props.filtered.clone(), view, inputs),
        |(models, view, inputs)| {
            // Every label width the layout estimates follows the reader's text spacing.
            labels::set_text_scale(inputs.text_scale);
            match view {
                View::Ranking => draw_ranking(models, inputs),
                View::Lanes => draw_lanes(models, inputs),
                _ => draw_timeline(models, inputs),
            }
        },
    );
    let hit = drawn.hit;
    let (kind, title) = match view {
        View::Ranking => ("ranking", T::ViewRanking),
        View::Lanes => (
            "lanes",
            super::toolbar::view_label(View::Lanes, state.color),
        ),
        _ => ("timeline", T::ViewTimeline),
    };
    html! {
        <div class="chart-wrap" ref={wrap}>
            <ChartSvg {kind} title={title.get(lang)} desc={drawn.desc.clone()}
                width={drawn.width} height={drawn.height} body={drawn.body.clone()}
                stops={drawn.stops.clone()} {hit} ctx={ctx.clone()} />
            <span class="text-probe" ref={probe} aria-hidden="true">
                <span>{ TEXT_PROBE }</span><span class="plain">{ TEXT_PROBE }</span>
            </span>
        </div>
    }
}

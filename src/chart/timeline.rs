//! The default view: release date (x) against total parameters (y, log scale).
//!
//! Layout, top to bottom inside the frame's plot area:
//!
//! ```text
//! ┌ plot ─────────────────────────────┐  log y axis, hyperscale band (≥ 100B),
//! │  ●  ■ ─ ●        ○                │  reference lines (GPT-3), marks, ranges,
//! │        ●                          │  lineage, ghosts, labels
//! └───────────────────────────────────┘  ← x axis line (plot.bottom())
//!   ┌ undisclosed lane ─────────────┐    undisclosed sizes, by date, rows packed
//!   └───────────────────────────────┘    deterministically; never at a guessed size
//!   2022      2023      2024             x ticks at `x_axis_y`
//! ```

use super::labels::{
    label_requests, line_label_spot, place_labels_in, Clutter, Label, MAX_CLUTTER,
};
use super::layout::{clamp, Frame, Rect, LABEL_FONT_PX};
use super::scale::{Linear, Log};
use super::ticks::{decade_ceil, decade_floor, log_ticks, pow10};
use super::{
    event_markers, known_total, mark_radius, nearest_mark, pack_rows, sort_marks, time_domain,
    x_ticks, year_of, ColorBy, ColorKey, EventMarker, Highlight, LabelName, Mark, MarkStyle,
    OrgIndex, XTick,
};
use crate::model::{Event, Model};

/// The hyperscale ("초거대") threshold, in billions of parameters.
pub const HYPERSCALE_B: f64 = 100.0;

/// At most this many rows in the undisclosed lane; beyond, marks overlap.
pub const MAX_LANE_ROWS: usize = 4;

/// Inputs besides the rows. Cheap to clone and compare, for memoising.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineOptions {
    /// Container width in pixels (320 and up is supported).
    pub width: f64,
    /// Total height in pixels; [`default_height`] is a good start.
    pub height: f64,
    pub color_by: ColorBy,
    /// Every organisation id in a stable order (the dataset's), for `ColorKey::Org`.
    pub org_order: Vec<&'static str>,
    pub show_events: bool,
    /// Link consecutive models of a family.
    pub show_lineage: bool,
    pub highlight: Highlight,
    pub selected: Option<&'static str>,
    /// Fixed x domain in fractional years (keeps the axis still while the
    /// "as of" control filters models). Models outside it are not drawn and
    /// are counted in [`Timeline::outside_x_domain`].
    pub x_domain: Option<(f64, f64)>,
    pub label_name: LabelName,
    /// How many labels to try to place (capped at [`super::labels::MAX_LABELS`]).
    pub max_labels: usize,
    /// Estimated width of the reference line's label ("GPT-3 (175B)") in this language.
    pub ref_label_width: f64,
    /// Estimated width of the widest size-axis label ("1,000억", "100B"); the left margin
    /// makes room for it.
    pub y_label_width: f64,
}

impl TimelineOptions {
    pub fn new(width: f64) -> Self {
        TimelineOptions {
            width,
            height: default_height(width),
            color_by: ColorBy::Sector,
            org_order: Vec::new(),
            show_events: false,
            show_lineage: true,
            highlight: Highlight::None,
            selected: None,
            x_domain: None,
            label_name: LabelName::En,
            max_labels: 40,
            ref_label_width: super::labels::text_width(
                crate::i18n::T::Gpt3Line.get(crate::state::Lang::En),
                REF_LABEL_PX,
            ),
            y_label_width: 0.0,
        }
    }
}

/// A height that suits `width`: 0.62 of it, between 300 and 560 px.
pub fn default_height(width: f64) -> f64 {
    if width.is_finite() {
        clamp(width * 0.62, 300.0, 560.0)
    } else {
        300.0
    }
}

/// A log-axis tick: pixel row and value in billions.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct YTick {
    pub y: f64,
    pub value_b: f64,
}

/// Vertical line spanning a multi-size release, smallest to largest size.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RangeBar {
    pub id: &'static str,
    pub x: f64,
    /// Pixel row of the largest size (smaller number: higher up).
    pub y_top: f64,
    /// Pixel row of the smallest size.
    pub y_bottom: f64,
    pub color: ColorKey,
}

/// A lineage link between consecutive models of one family, in date order.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Segment {
    pub family: &'static str,
    pub from: &'static str,
    pub to: &'static str,
    pub x1: f64,
    pub y1: f64,
    pub x2: f64,
    pub y2: f64,
    /// One end sits in the undisclosed lane (the renderer may dash it).
    pub via_lane: bool,
}

/// A disputed size drawn as a faint mark, tied to the accepted mark.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ghost {
    /// The model's id.
    pub id: &'static str,
    pub x: f64,
    pub y: f64,
    pub r: f64,
    /// The disputed value, in billions.
    pub value_b: f64,
    /// Centre of the accepted mark (in the lane when the accepted size is undisclosed).
    pub tie_x: f64,
    pub tie_y: f64,
    /// The value lies far outside the data and was pinned to the plot edge.
    pub clamped: bool,
}

/// Font size of the reference line's label (`.ref-label` in the styles and the SVG export).
pub const REF_LABEL_PX: f64 = 11.0;

/// A horizontal reference line, e.g. GPT-3 at 175B.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ReferenceLine {
    pub id: &'static str,
    pub y: f64,
    pub value_b: f64,
    /// The label's right edge and vertical centre: off the marks and mark labels where the
    /// line has room (see [`super::labels::line_label_spot`]).
    pub label_x: f64,
    pub label_y: f64,
}

/// Everything the timeline renderer needs, in pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct Timeline {
    pub frame: Frame,
    /// The log-scaled area; the x axis line is its bottom edge.
    pub plot: Rect,
    /// Where x tick marks and labels start (below the undisclosed lane, if any).
    pub x_axis_y: f64,
    pub x: Linear,
    pub y: Log,
    pub x_ticks: Vec<XTick>,
    pub y_ticks: Vec<YTick>,
    /// Keyboard order: by x, then y, then id.
    pub marks: Vec<Mark>,
    pub ranges: Vec<RangeBar>,
    pub lineage: Vec<Segment>,
    pub ghosts: Vec<Ghost>,
    /// The ≥ 100B zone, when the y domain reaches above 100B.
    pub hyperscale_band: Option<Rect>,
    pub reference_lines: Vec<ReferenceLine>,
    /// Present when some drawn model has an undisclosed size.
    pub undisclosed_lane: Option<Rect>,
    pub event_markers: Vec<EventMarker>,
    pub labels: Vec<Label>,
    /// Models not drawn because they fall outside `TimelineOptions::x_domain`.
    pub outside_x_domain: usize,
}

impl Timeline {
    pub fn mark(&self, id: &str) -> Option<&Mark> {
        self.marks.iter().find(|m| m.id == id)
    }

    /// Pointer hit-test: the nearest mark within 12 px (or its radius + 4).
    pub fn nearest(&self, px: f64, py: f64) -> Option<&Mark> {
        let reach = self.marks.first().map_or(12.0, |m| (m.r + 4.0).max(12.0));
        nearest_mark(&self.marks, px, py, reach)
    }
}

/// Lays out the timeline. `models` are the filtered rows; `refs` are the
/// reference models (drawn as horizontal lines only); `events` are drawn when
/// `opts.show_events`.
pub fn timeline(
    models: &[&'static Model],
    refs: &[&'static Model],
    events: &[&'static Event],
    opts: &TimelineOptions,
) -> Timeline {
    let frame = Frame::new(opts.width, opts.height);
    // Tick labels end 6 px left of the plot: the margin holds the widest, plus 4 px.
    let frame = Frame {
        margin_left: frame.margin_left.max(opts.y_label_width + 10.0),
        ..frame
    };
    let area = frame.plot();
    let r = mark_radius(frame.width);
    let pad = r + 2.0;

    let x = Linear::new(
        time_domain(models, opts.x_domain),
        (area.x + pad, area.right() - pad),
    );
    let (x_lo, x_hi) = x.domain;
    let in_domain = |m: &&Model| {
        let at = year_of(m.date);
        at >= x_lo - 1e-9 && at <= x_hi + 1e-9
    };
    let visible: Vec<&'static Model> = models.iter().copied().filter(in_domain).collect();
    let outside_x_domain = models.len() - visible.len();
    let (sized, mut hidden): (Vec<&'static Model>, Vec<&'static Model>) = visible
        .iter()
        .copied()
        .partition(|m| known_total(m).is_some());

    // The undisclosed lane: rows packed by date, so its height is known before the plot's.
    crate::set::sort_by(&mut hidden, &|a, b| {
        year_of(a.date)
            .total_cmp(&year_of(b.date))
            .then_with(|| a.id.cmp(b.id))
    });
    let hidden_x: Vec<f64> = hidden.iter().map(|m| x.apply(year_of(m.date))).collect();
    let (hidden_rows, rows_used) = pack_rows(&hidden_x, 2.0 * r + 2.0, MAX_LANE_ROWS);
    let row_step = 2.0 * r + 3.0;
    let (lane_gap, lane_h) = if hidden.is_empty() {
        (0.0, 0.0)
    } else {
        (8.0, rows_used as f64 * row_step + 6.0)
    };
    let plot = Rect {
        height: (area.height - lane_gap - lane_h).max(0.0),
        ..area
    };
    let lane = (!hidden.is_empty()).then(|| Rect {
        x: area.x,
        y: plot.bottom() + lane_gap,
        width: area.width,
        height: lane_h,
    });

    let y = Log::new(
        size_domain(&sized, &visible, refs),
        (plot.bottom() - pad, plot.y + pad),
    );
    let orgs = OrgIndex::new(&opts.org_order);
    let style = MarkStyle {
        orgs: &orgs,
        color_by: opts.color_by,
        highlight: &opts.highlight,
        selected: opts.selected,
        r,
    };

    // Every drawn model with its mark, in one pass; the other layers refer back to it.
    let mut placed: Vec<(&'static Model, Mark)> = Vec::with_capacity(visible.len());
    for m in &sized {
        let total = known_total(m).unwrap_or(1.0);
        placed.push((*m, style.mark(m, x.apply(year_of(m.date)), y.apply(total))));
    }
    dodge(&mut placed, plot);
    let lane_top = lane.map_or(0.0, |l| l.y);
    for ((m, mx), row) in hidden.iter().zip(&hidden_x).zip(&hidden_rows) {
        let my = lane_top + 3.0 + r + *row as f64 * row_step;
        placed.push((*m, style.mark(m, *mx, my)));
    }

    let ranges: Vec<RangeBar> = placed
        .iter()
        .filter(|(_, mark)| !mark.undisclosed)
        .filter_map(|(m, mark)| {
            let (lo, hi) = size_span(m)?;
            Some(RangeBar {
                id: m.id,
                x: mark.x,
                y_top: y.apply(hi),
                y_bottom: y.apply(lo),
                color: mark.color,
            })
        })
        .collect();

    let ghosts = ghosts(&placed, &y, r, plot);
    let lineage = if opts.show_lineage {
        lineage(&placed)
    } else {
        Vec::new()
    };
    let event_markers = if opts.show_events {
        event_markers(events, &x)
    } else {
        Vec::new()
    };
    let ref_ys: Vec<f64> = refs
        .iter()
        .filter_map(|m| known_total(m))
        .map(|v| y.apply(v))
        .collect();
    let (lines, boxes) = clutter(&ranges, &lineage, &ghosts, &event_markers, &ref_ys, plot);
    let clutter = Clutter {
        lines: &lines,
        boxes: &boxes,
    };
    let mut labels = labels(&placed, plot, lane, opts, clutter);

    let (y_lo, y_hi) = y.domain;
    let hyperscale_band = (y_hi > HYPERSCALE_B).then(|| {
        let bottom = if y_lo >= HYPERSCALE_B {
            plot.bottom()
        } else {
            y.apply(HYPERSCALE_B)
        };
        Rect {
            height: (bottom - plot.y).max(0.0),
            ..plot
        }
    });
    let y_ticks = log_ticks(y_lo, y_hi)
        .into_iter()
        .map(|v| YTick {
            y: y.apply(v),
            value_b: v,
        })
        .collect();
    let mut marks: Vec<Mark> = placed.into_iter().map(|(_, mark)| mark).collect();
    sort_marks(&mut marks);
    // After the marks and their labels: the reference label looks for room among them.
    let reference_lines = refs
        .iter()
        .filter_map(|m| {
            let value_b = known_total(m)?;
            let line_y = y.apply(value_b);
            let (label_x, label_y) = line_label_spot(
                line_y,
                plot,
                opts.ref_label_width,
                REF_LABEL_PX,
                &marks,
                &labels,
            );
            Some(ReferenceLine {
                id: m.id,
                y: line_y,
                value_b,
                label_x,
                label_y,
            })
        })
        .collect::<Vec<ReferenceLine>>();
    // Where a reference label found no free spot it sits on top: the model labels under it
    // go (their marks keep their names in the tooltip, the card and the keyboard walk).
    for r in &reference_lines {
        let spot = super::labels::line_label_rect(
            r.label_x,
            r.label_y,
            opts.ref_label_width,
            REF_LABEL_PX,
        );
        labels.retain(|l| !l.rect().overlaps(&spot));
    }

    Timeline {
        frame,
        plot,
        x_axis_y: area.bottom(),
        x,
        y,
        x_ticks: x_ticks(&x, &plot),
        y_ticks,
        marks,
        ranges,
        lineage,
        ghosts,
        hyperscale_band,
        reference_lines,
        undisclosed_lane: lane,
        event_markers,
        labels,
        outside_x_domain,
    }
}

/// Smallest and largest shipped size, when a release has two or more.
fn size_span(model: &Model) -> Option<(f64, f64)> {
    let mut sizes = model
        .sizes_b
        .iter()
        .copied()
        .filter(|v| v.is_finite() && *v > 0.0);
    let first = sizes.next()?;
    let (lo, hi, n) = sizes.fold((first, first, 1), |(lo, hi, n), v| {
        (lo.min(v), hi.max(v), n + 1)
    });
    (n >= 2 && lo < hi).then_some((lo, hi))
}

/// Disputed parameter values that can be drawn.
/// A model's disputed parameter counts, drawn as ghosts.
pub fn disputed_values(model: &Model) -> impl Iterator<Item = f64> + '_ {
    model
        .disputes
        .iter()
        .filter(|d| d.field == "params")
        .filter_map(|d| d.value_b)
        .filter(|v| v.is_finite() && *v > 0.0)
}

/// The y domain: whole decades around the accepted sizes, shipped sizes and
/// references; disputed values may stretch it by at most one more decade each
/// way (beyond that their ghosts are pinned to the edge). (1, 1000) when
/// nothing has a size.
fn size_domain(sized: &[&Model], visible: &[&Model], refs: &[&Model]) -> (f64, f64) {
    let mut lo = f64::INFINITY;
    let mut hi = f64::NEG_INFINITY;
    let mut take = |v: f64| {
        lo = lo.min(v);
        hi = hi.max(v);
    };
    for m in sized {
        known_total(m).into_iter().for_each(&mut take);
        size_span(m).into_iter().for_each(|(a, b)| {
            take(a);
            take(b);
        });
    }
    refs.iter()
        .filter_map(|m| known_total(m))
        .for_each(&mut take);
    if !lo.is_finite() || !hi.is_finite() {
        return (1.0, 1000.0);
    }
    let (floor, ceil) = (pow10(decade_floor(lo) - 1), pow10(decade_ceil(hi) + 1));
    for v in visible.iter().flat_map(|m| disputed_values(m)) {
        let v = clamp(v, floor, ceil);
        lo = lo.min(v);
        hi = hi.max(v);
    }
    (pow10(decade_floor(lo)), pow10(decade_ceil(hi)))
}

fn ghosts(placed: &[(&'static Model, Mark)], y: &Log, r: f64, plot: Rect) -> Vec<Ghost> {
    let (lo, hi) = y.domain;
    let mut out = Vec::new();
    for (m, mark) in placed {
        for v in disputed_values(m) {
            let shown = clamp(v, lo, hi);
            let gy = y.apply(shown);
            // A figure within a few per cent of the accepted one (749B against 750B) would
            // peek out from behind its mark like a glitch: it sits beside it instead, tied.
            let beside = 2.0 * mark.r.max(r) + 3.0;
            let x = if (gy - mark.y).abs() >= beside {
                mark.x
            } else if mark.x + beside + r <= plot.right() {
                mark.x + beside
            } else {
                mark.x - beside
            };
            out.push(Ghost {
                id: m.id,
                x,
                y: gy,
                r,
                value_b: v,
                tie_x: mark.x,
                tie_y: mark.y,
                clamped: shown != v,
            });
        }
    }
    out
}

/// Above this many sized marks the chart is a cloud, and dodging (quadratic) is skipped.
const DODGE_MAX: usize = 400;

/// A mark whose centre would fall within 1.5 radii of an earlier one (same date, about the
/// same size) moves sideways by that much, once or a few times, either way, staying in the
/// plot: every model stays visible and can be pointed at. Its size (y) never changes.
fn dodge(placed: &mut [(&'static Model, Mark)], plot: Rect) {
    if placed.len() > DODGE_MAX {
        return;
    }
    for i in 1..placed.len() {
        let (done, rest) = placed.split_at_mut(i);
        let Some((_, mark)) = rest.first_mut() else {
            break;
        };
        let step = 1.5 * mark.r;
        let free = |x: f64| {
            x - mark.r >= plot.x
                && x + mark.r <= plot.right()
                && done
                    .iter()
                    .all(|(_, o)| (o.x - x).hypot(o.y - mark.y) >= step)
        };
        let shifts = [0.0, 1.0, -1.0, 2.0, -2.0, 3.0, -3.0];
        if let Some(k) = shifts.iter().find(|&&k| free(mark.x + k * step)) {
            mark.x += k * step;
        }
    }
}

fn lineage(placed: &[(&'static Model, Mark)]) -> Vec<Segment> {
    let mut members: Vec<(&'static str, &'static Model, &Mark)> = placed
        .iter()
        .filter_map(|(m, mark)| Some((m.family?, *m, mark)))
        .collect();
    crate::set::sort_by(&mut members, &|a, b| {
        a.0.cmp(b.0)
            .then_with(|| a.1.date.cmp(&b.1.date))
            .then_with(|| a.2.x.total_cmp(&b.2.x))
            .then_with(|| a.1.id.cmp(b.1.id))
    });
    members
        .windows(2)
        .filter_map(|w| match w {
            [(fa, _, a), (fb, _, b)] if fa == fb => Some(Segment {
                family: fa,
                from: a.id,
                to: b.id,
                x1: a.x,
                y1: a.y,
                x2: b.x,
                y2: b.y,
                via_lane: a.undisclosed || b.undisclosed,
            }),
            _ => None,
        })
        .collect()
}

/// What labels should rather not cross: size ranges, lineage links, events' lines, reference
/// lines (at `ref_ys`) and ghost marks; nothing when there are thousands (see [`MAX_CLUTTER`]).
fn clutter(
    ranges: &[RangeBar],
    lineage: &[Segment],
    ghosts: &[Ghost],
    events: &[EventMarker],
    ref_ys: &[f64],
    plot: Rect,
) -> (Vec<[f64; 4]>, Vec<Rect>) {
    if ranges.len() + lineage.len() + ghosts.len() + events.len() > MAX_CLUTTER {
        return (Vec::new(), Vec::new());
    }
    let mut lines = super::event_lines(events, plot);
    lines.extend(ref_ys.iter().map(|y| [plot.x, *y, plot.right(), *y]));
    lines.extend(ranges.iter().map(|b| [b.x, b.y_top, b.x, b.y_bottom]));
    lines.extend(lineage.iter().map(|s| [s.x1, s.y1, s.x2, s.y2]));
    let boxes = ghosts.iter().map(|g| Rect::around(g.x, g.y, g.r)).collect();
    (lines, boxes)
}

fn labels(
    placed: &[(&'static Model, Mark)],
    plot: Rect,
    lane: Option<Rect>,
    opts: &TimelineOptions,
    clutter: Clutter<'_>,
) -> Vec<Label> {
    let bounds = |mark: &Mark| {
        if mark.undisclosed {
            lane.unwrap_or(plot)
        } else {
            plot
        }
    };
    let requests = label_requests(placed, opts.max_labels, opts.label_name, &bounds, None);
    let obstacles: Vec<Mark> = placed.iter().map(|(_, mark)| *mark).collect();
    place_labels_in(&requests, &obstacles, clutter, LABEL_FONT_PX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::labels::{dot_box, MAX_LABELS};
    use crate::chart::test_rows::*;
    use crate::chart::Shape;
    use crate::model::{Arch, Basis, Dispute, EventKind, Params, Source, Status, Weights};

    fn opts(width: f64) -> TimelineOptions {
        TimelineOptions::new(width)
    }

    fn gpt3() -> &'static Model {
        leak(Model {
            id: "gpt-3",
            name_en: "GPT-3",
            total: sized(175.0),
            reference: true,
            ..Model::BLANK
        })
    }

    fn sample() -> Vec<&'static Model> {
        vec![
            row("exaone-1", Some(300.0), 2021, 12),
            row("kogpt", Some(6.0), 2021, 11),
            row("hcx", None, 2023, 8),
            row("solar", Some(10.7), 2023, 12),
            row("midm", None, 2023, 10),
            row("tiny", Some(1.3), 2022, 5),
        ]
    }

    /// Everything the renderer draws stays inside the frame.
    fn assert_inside(t: &Timeline) {
        let outer = t.frame.outer();
        for m in &t.marks {
            assert!(
                t.frame.plot().contains_rect(&dot_box(m)),
                "mark {} at ({}, {}) leaves the plot area",
                m.id,
                m.x,
                m.y
            );
        }
        for l in &t.labels {
            assert!(
                outer.contains_rect(&l.rect()),
                "label {} leaves the frame",
                l.id
            );
        }
        for r in &t.reference_lines {
            assert!(
                r.label_x <= t.plot.right() && r.label_x > t.plot.x,
                "reference label {} at {} leaves the plot",
                r.id,
                r.label_x
            );
        }
        for tick in &t.x_ticks {
            assert!(
                tick.x >= t.plot.x && tick.x <= t.plot.right(),
                "x tick {tick:?}"
            );
        }
        for tick in &t.y_ticks {
            assert!(
                tick.y >= t.plot.y && tick.y <= t.plot.bottom(),
                "y tick {tick:?}"
            );
        }
        for g in &t.ghosts {
            assert!(t.plot.contains_point(g.x, g.y));
        }
        assert!(outer.contains_rect(&t.plot));
        if let Some(lane) = t.undisclosed_lane {
            assert!(outer.contains_rect(&lane));
        }
    }

    fn assert_labels_disjoint(t: &Timeline) {
        for (i, a) in t.labels.iter().enumerate() {
            for b in t.labels.iter().skip(i + 1) {
                assert!(
                    !a.rect().overlaps(&b.rect()),
                    "labels {} and {} overlap",
                    a.id,
                    b.id
                );
            }
        }
    }

    #[test]
    fn the_left_margin_holds_the_widest_size_label() {
        let narrow = timeline(&sample(), &[], &[], &opts(375.0));
        let mut o = opts(375.0);
        o.y_label_width = 44.0;
        let t = timeline(&sample(), &[], &[], &o);
        assert!(t.plot.x >= 54.0 && t.plot.x > narrow.plot.x, "{}", t.plot.x);
    }

    #[test]
    fn bigger_models_are_higher_up() {
        let t = timeline(&sample(), &[], &[], &opts(800.0));
        let y = |id| t.mark(id).map(|m| m.y).unwrap_or(f64::NAN);
        assert!(
            y("exaone-1") < y("solar"),
            "log axis flipped: 300B must sit above 10.7B"
        );
        assert!(y("solar") < y("kogpt"));
        assert!(y("kogpt") < y("tiny"));
        let ys: Vec<f64> = t.y_ticks.iter().map(|t| t.y).collect();
        assert!(
            ys.windows(2).all(|w| matches!(w, [a, b] if a > b)),
            "tick px must decrease as value grows"
        );
    }

    #[test]
    fn undisclosed_size_never_gets_a_mark_above_the_axis() {
        let t = timeline(&sample(), &[gpt3()], &[], &opts(800.0));
        let lane = t.undisclosed_lane.unwrap_or_default();
        assert!(lane.y > t.plot.bottom(), "lane sits below the x axis");
        let hidden: Vec<&Mark> = t.marks.iter().filter(|m| m.undisclosed).collect();
        assert_eq!(
            hidden.iter().map(|m| m.id).collect::<Vec<_>>(),
            vec!["hcx", "midm"]
        );
        for m in hidden {
            assert!(m.y > t.plot.bottom(), "{} plotted at a size", m.id);
            assert!(lane.contains_point(m.x, m.y - m.r) && lane.contains_point(m.x, m.y + m.r));
        }
        for m in t.marks.iter().filter(|m| !m.undisclosed) {
            assert!(m.y < t.plot.bottom());
        }
        assert_eq!(t.marks.len(), 6, "no model dropped silently");
    }

    #[test]
    fn undisclosed_basis_with_stray_value_goes_to_the_lane() {
        let m = leak(Model {
            id: "odd",
            total: Params {
                value_b: Some(200.0),
                basis: Basis::Undisclosed,
            },
            ..Model::BLANK
        });
        let t = timeline(&[m, row("a", Some(7.0), 2023, 1)], &[], &[], &opts(600.0));
        let mark = t.mark("odd").copied();
        assert!(mark.is_some_and(|m| m.undisclosed && m.y > t.plot.bottom()));
    }

    #[test]
    fn reference_label_finds_room_off_the_marks() {
        // Models right on the GPT-3 line at the right end of the axis: the label moves left.
        let crowd = [
            row("a", Some(175.0), 2026, 6),
            row("b", Some(160.0), 2026, 5),
            row("c", Some(190.0), 2026, 4),
            row("d", Some(7.0), 2021, 1),
        ];
        let o = opts(600.0);
        let t = timeline(&crowd, &[gpt3()], &[], &o);
        assert_inside(&t);
        let gpt = t.reference_lines.first().copied();
        assert!(gpt.is_some());
        let Some(gpt) = gpt else { return };
        let spot = Rect {
            x: gpt.label_x - o.ref_label_width,
            y: gpt.label_y - 6.0,
            width: o.ref_label_width,
            height: 12.0,
        };
        assert!(gpt.label_x < t.plot.right() - 4.0, "{gpt:?}");
        for m in &t.marks {
            assert!(!dot_box(m).overlaps(&spot), "{} under the label", m.id);
        }
        assert!(t.labels.iter().all(|l| !l.rect().overlaps(&spot)));
    }

    #[test]
    fn y_domain_is_nice_and_includes_the_reference() {
        let t = timeline(&sample(), &[gpt3()], &[], &opts(800.0));
        assert_eq!(t.y.domain, (1.0, 1000.0));
        let values: Vec<f64> = t.y_ticks.iter().map(|t| t.value_b).collect();
        assert_eq!(values, vec![1.0, 10.0, 100.0, 1000.0]);
        assert_eq!(t.reference_lines.len(), 1);
        let gpt = t.reference_lines.first().copied();
        assert!(
            gpt.is_some_and(|l| l.id == "gpt-3" && l.value_b == 175.0 && l.y == t.y.apply(175.0))
        );

        let small = [row("a", Some(7.8), 2024, 8), row("b", Some(2.4), 2024, 12)];
        assert_eq!(
            timeline(&small, &[], &[], &opts(800.0)).y.domain,
            (1.0, 10.0)
        );
        assert_eq!(
            timeline(&small, &[gpt3()], &[], &opts(800.0)).y.domain,
            (1.0, 1000.0)
        );
    }

    #[test]
    fn hyperscale_band_covers_100b_and_up() {
        let t = timeline(&sample(), &[gpt3()], &[], &opts(800.0));
        let band = t.hyperscale_band.unwrap_or_default();
        assert_eq!(band.y, t.plot.y);
        assert_eq!(band.bottom(), t.y.apply(100.0));
        assert!(t
            .mark("exaone-1")
            .is_some_and(|m| band.contains_point(m.x, m.y)));
        assert!(t
            .mark("solar")
            .is_some_and(|m| !band.contains_point(m.x, m.y)));
        let small = [row("a", Some(7.8), 2024, 8)];
        assert_eq!(
            timeline(&small, &[], &[], &opts(800.0)).hyperscale_band,
            None
        );
    }

    #[test]
    fn announced_is_hollow_and_closed_is_square() {
        let a = leak(Model {
            id: "kogpt-2",
            status: Status::Announced,
            weights: Weights::OpenResearch,
            total: sized(60.0),
            ..Model::BLANK
        });
        let t = timeline(&[a, row("b", Some(7.0), 2023, 1)], &[], &[], &opts(600.0));
        assert!(t
            .mark("kogpt-2")
            .is_some_and(|m| m.hollow && m.shape == Shape::Circle));
        assert!(t
            .mark("b")
            .is_some_and(|m| !m.hollow && m.shape == Shape::Square));
    }

    #[test]
    fn moe_gets_an_inner_active_mark() {
        let moe = leak(Model {
            id: "moe",
            arch: Arch::Moe,
            total: sized(64.0),
            active: Some(sized(16.0)),
            ..Model::BLANK
        });
        let t = timeline(
            &[moe, row("dense", Some(7.0), 2023, 1)],
            &[],
            &[],
            &opts(800.0),
        );
        let m = t.mark("moe").copied();
        assert!(m.is_some_and(|m| m.active_r == Some(m.r * 0.5)), "{m:?}");
        assert!(t.mark("dense").is_some_and(|m| m.active_r.is_none()));
    }

    #[test]
    fn one_model() {
        let t = timeline(&[row("a", Some(7.8), 2024, 8)], &[], &[], &opts(800.0));
        assert_eq!(t.marks.len(), 1);
        assert_eq!(t.y.domain, (1.0, 10.0));
        let (lo, hi) = t.x.domain;
        assert!(
            (hi - lo - 1.0).abs() < 1e-9,
            "single date widened to a year: {lo}..{hi}"
        );
        assert!(t
            .mark("a")
            .is_some_and(|m| (m.x - (t.plot.x + t.plot.width / 2.0)).abs() < 1e-9));
        assert_eq!(t.undisclosed_lane, None);
        assert_eq!(t.labels.len(), 1);
        assert!(!t.x_ticks.is_empty());
        assert_inside(&t);
    }

    #[test]
    fn all_undisclosed() {
        let rows = [
            row("a", None, 2023, 1),
            row("b", None, 2023, 1),
            row("c", None, 2024, 6),
        ];
        let t = timeline(&rows, &[], &[], &opts(800.0));
        assert_eq!(t.marks.len(), 3);
        assert!(t
            .marks
            .iter()
            .all(|m| m.undisclosed && m.y > t.plot.bottom()));
        assert_eq!(t.y.domain, (1.0, 1000.0));
        // Equal dates go to different rows.
        let a = t.mark("a").map(|m| (m.x, m.y));
        let b = t.mark("b").map(|m| (m.x, m.y));
        assert!(matches!((a, b), (Some(a), Some(b)) if a.0 == b.0 && a.1 != b.1));
        assert_inside(&t);
    }

    #[test]
    fn no_models() {
        let t = timeline(&[], &[], &[], &opts(320.0));
        assert!(t.marks.is_empty() && t.labels.is_empty());
        assert_inside(&t);
    }

    #[test]
    fn equal_dates_do_not_collapse_the_axis() {
        let rows = [
            row("a", Some(1.0), 2023, 8),
            row("b", Some(10.0), 2023, 8),
            row("c", Some(100.0), 2023, 8),
        ];
        let t = timeline(&rows, &[], &[], &opts(800.0));
        assert!(t.x.domain.1 > t.x.domain.0);
        let xs: Vec<f64> = t.marks.iter().map(|m| m.x).collect();
        assert!(xs.iter().all(|x| x.is_finite() && *x == xs[0]));
        assert_eq!(
            t.marks.iter().map(|m| m.id).collect::<Vec<_>>(),
            vec!["c", "b", "a"],
            "keyboard order: x, then y"
        );
        assert_inside(&t);
    }

    #[test]
    fn one_billion_to_one_trillion() {
        let rows = [
            row("small", Some(1.0), 2021, 1),
            row("huge", Some(1000.0), 2025, 1),
        ];
        let t = timeline(&rows, &[gpt3()], &[], &opts(800.0));
        assert_eq!(t.y.domain, (1.0, 1000.0));
        assert_eq!(t.mark("small").map(|m| m.y), Some(t.plot.bottom() - 7.5));
        assert_eq!(t.mark("huge").map(|m| m.y), Some(t.plot.y + 7.5));
        assert_inside(&t);
    }

    #[test]
    fn narrow_width_keeps_everything_inside() {
        let mut rows = sample();
        for i in 0..40u16 {
            let id = leak_str(format!("m{i}"));
            let size = (i % 7 != 0).then(|| 1.0 + f64::from(i * 13 % 500));
            rows.push(row(id, size, 2020 + i % 6, (i % 12) as u8 + 1));
        }
        for width in [320.0, 375.0, 800.0, 1200.0] {
            let mut o = opts(width);
            o.show_events = true;
            o.selected = Some("m3");
            let t = timeline(&rows, &[gpt3()], &[], &o);
            assert_eq!(t.frame.width, width);
            assert_eq!(t.marks.len(), rows.len());
            assert!(t.x_ticks.len() as f64 <= (t.plot.width / 60.0).floor());
            assert!(
                t.labels.iter().any(|l| l.id == "m3"),
                "selected model is labelled at {width}px"
            );
            assert_inside(&t);
            assert_labels_disjoint(&t);
        }
    }

    #[test]
    fn labels_never_overlap_in_a_dense_cluster() {
        let rows: Vec<&'static Model> = (0..300u16)
            .map(|i| {
                let id = leak_str(format!("model-{i}"));
                let name = leak_str(format!("모델 {i} Large"));
                leak(Model {
                    id,
                    name_en: name,
                    total: sized(5.0 + f64::from(i % 50)),
                    date: date(2023 + i % 3, (i % 12) as u8 + 1),
                    ..Model::BLANK
                })
            })
            .collect();
        let mut o = opts(400.0);
        o.max_labels = 1000;
        let t = timeline(&rows, &[], &[], &o);
        assert!(!t.labels.is_empty());
        assert!(t.labels.len() <= MAX_LABELS);
        assert_labels_disjoint(&t);
        assert_inside(&t);
    }

    #[test]
    fn labels_prefer_selected_then_bigger() {
        let rows = [
            row("small", Some(2.0), 2023, 1),
            row("big", Some(300.0), 2023, 1),
        ];
        let mut o = opts(800.0);
        o.max_labels = 1;
        let t = timeline(&rows, &[], &[], &o);
        assert_eq!(
            t.labels.iter().map(|l| l.id).collect::<Vec<_>>(),
            vec!["big"]
        );
        o.selected = Some("small");
        let t = timeline(&rows, &[], &[], &o);
        assert_eq!(
            t.labels.iter().map(|l| l.id).collect::<Vec<_>>(),
            vec!["small"]
        );
        o.max_labels = 0;
        assert!(timeline(&rows, &[], &[], &o).labels.is_empty());
    }

    #[test]
    fn multi_size_release_gets_a_range_bar() {
        let varco = leak(Model {
            id: "varco",
            total: sized(13.0),
            sizes_b: &[1.3, 6.4, 13.0],
            ..Model::BLANK
        });
        let t = timeline(
            &[varco, row("one", Some(7.0), 2024, 1)],
            &[],
            &[],
            &opts(800.0),
        );
        assert_eq!(t.ranges.len(), 1);
        let bar = t.ranges.first().copied();
        assert!(bar.is_some_and(|b| b.id == "varco"
            && b.y_top == t.y.apply(13.0)
            && b.y_bottom == t.y.apply(1.3)));
        assert!(bar.is_some_and(|b| b.y_top < b.y_bottom));
    }

    #[test]
    fn lineage_links_family_members_in_date_order() {
        let fam = |id, size, year| {
            leak(Model {
                family: Some("exaone"),
                ..*row(id, size, year, 6)
            })
        };
        let rows = [
            fam("e3", Some(7.8), 2024),
            fam("e1", Some(300.0), 2021),
            fam("e2", None, 2023),
            row("x", Some(1.0), 2022, 1),
        ];
        let t = timeline(&rows, &[], &[], &opts(800.0));
        let links: Vec<_> = t
            .lineage
            .iter()
            .map(|s| (s.from, s.to, s.via_lane))
            .collect();
        assert_eq!(links, vec![("e1", "e2", true), ("e2", "e3", true)]);
        let mut o = opts(800.0);
        o.show_lineage = false;
        assert!(timeline(&rows, &[], &[], &o).lineage.is_empty());
    }

    #[test]
    fn labels_keep_off_the_lineage_links_when_there_is_room() {
        let fam = |id, year| {
            leak(Model {
                family: Some("exaone"),
                ..*row(id, Some(30.0), year, 1)
            })
        };
        // One size, a year apart: the link runs flat from each mark's right side, where
        // a label goes first.
        let rows = [fam("a", 2022), fam("b", 2023), fam("c", 2024)];
        let t = timeline(&rows, &[], &[], &opts(800.0));
        assert_eq!(t.lineage.len(), 2);
        assert_eq!(t.labels.len(), 3, "every mark still labelled");
        for l in &t.labels {
            for s in &t.lineage {
                let line = [s.x1, s.y1, s.x2, s.y2];
                assert!(
                    !crate::chart::labels::crosses(&l.rect(), line),
                    "{l:?} crosses {s:?}"
                );
            }
        }
    }

    fn dispute(value_b: Option<f64>) -> Dispute {
        Dispute {
            field: "params",
            value_b,
            claim: "",
            note_en: "",
            note_ko: "",
            source: Source {
                url: "",
                title: "",
                title_ko: "",
                date: None,
            },
        }
    }

    #[test]
    fn disputed_values_become_ghosts_tied_to_the_accepted_mark() {
        let d: &'static [Dispute] = Box::leak(Box::new([dispute(Some(30.0)), dispute(None)]));
        let m = leak(Model {
            id: "d",
            total: sized(7.0),
            disputes: d,
            ..Model::BLANK
        });
        let hidden = leak(Model {
            id: "h",
            disputes: d,
            ..Model::BLANK
        });
        let t = timeline(&[m, hidden], &[], &[], &opts(800.0));
        assert_eq!(
            t.ghosts.len(),
            2,
            "a claim without a drawable number gets no ghost"
        );
        let g = t.ghosts.iter().find(|g| g.id == "d").copied();
        let mark = t.mark("d").copied();
        assert!(
            matches!((g, mark), (Some(g), Some(m)) if g.y == t.y.apply(30.0) && (g.tie_x, g.tie_y) == (m.x, m.y))
        );
        let g = t.ghosts.iter().find(|g| g.id == "h").copied();
        let lane_mark = t.mark("h").copied();
        assert!(
            matches!((g, lane_mark), (Some(g), Some(m)) if m.undisclosed && g.tie_y == m.y && g.y < t.plot.bottom())
        );
        assert_eq!(t.y.domain, (1.0, 100.0));
    }

    #[test]
    fn a_ghost_close_to_its_mark_sits_beside_it_not_behind_it() {
        let d: &'static [Dispute] = Box::leak(Box::new([dispute(Some(749.0))]));
        let m = leak(Model {
            id: "k",
            total: sized(750.0),
            disputes: d,
            ..*row("k", Some(750.0), 2024, 6)
        });
        let t = timeline(&[m], &[], &[], &opts(800.0));
        let (Some(g), Some(mark)) = (t.ghosts.first().copied(), t.mark("k").copied()) else {
            panic!("a ghost and its mark");
        };
        let apart = ((g.x - mark.x).powi(2) + (g.y - mark.y).powi(2)).sqrt();
        assert!(apart >= g.r + mark.r, "{g:?} overlaps {mark:?}");
        assert_eq!(
            (g.tie_x, g.tie_y),
            (mark.x, mark.y),
            "still tied to its mark"
        );
        assert_eq!(g.y, t.y.apply(749.0), "at its own size");
    }

    #[test]
    fn far_out_disputes_are_clamped_not_allowed_to_squash_the_axis() {
        let d: &'static [Dispute] = Box::leak(Box::new([dispute(Some(0.000_003))]));
        let m = leak(Model {
            id: "d",
            total: sized(30.0),
            disputes: d,
            ..Model::BLANK
        });
        let t = timeline(&[m], &[], &[], &opts(800.0));
        assert_eq!(t.y.domain, (1.0, 100.0));
        assert!(t
            .ghosts
            .first()
            .is_some_and(|g| g.clamped && g.y == t.y.apply(1.0)));
    }

    #[test]
    fn x_domain_override_and_events() {
        let ev = leak_event("alliance", date(2023, 7));
        let late = leak_event("late", date(2030, 1));
        let rows = [row("a", Some(7.0), 2023, 1), row("b", Some(7.0), 2025, 1)];
        let mut o = opts(800.0);
        o.x_domain = Some((2022.0, 2024.0));
        o.show_events = true;
        let t = timeline(&rows, &[], &[ev, late], &o);
        assert_eq!(t.x.domain, (2022.0, 2024.0));
        assert_eq!(t.marks.len(), 1);
        assert_eq!(t.outside_x_domain, 1);
        assert_eq!(
            t.event_markers.iter().map(|e| e.id).collect::<Vec<_>>(),
            vec!["alliance"]
        );
        assert_eq!(
            t.x_ticks.iter().map(|t| t.year).collect::<Vec<_>>(),
            vec![2022, 2023, 2024]
        );
        o.show_events = false;
        assert!(timeline(&rows, &[], &[ev], &o).event_markers.is_empty());
    }

    fn leak_event(id: &'static str, date: crate::model::Date) -> &'static Event {
        Box::leak(Box::new(Event {
            id,
            date,
            kind: EventKind::Alliance,
            title_en: "",
            title_ko: "",
            orgs: &[],
            in_article: false,
            source: Source {
                url: "",
                title: "",
                title_ko: "",
                date: None,
            },
            note_en: "",
            note_ko: "",
        }))
    }

    #[test]
    fn nearest_hit_test() {
        let t = timeline(&sample(), &[], &[], &opts(800.0));
        let m = t.mark("solar").copied();
        assert!(m.is_some_and(|m| t.nearest(m.x + 3.0, m.y - 2.0).map(|n| n.id) == Some("solar")));
        assert_eq!(t.nearest(-100.0, -100.0), None);
    }

    /// Models released the same day at about the same size (VAETKI under Solar Open 100B
    /// in the real data) are drawn side by side, not one hidden under the other.
    #[test]
    fn marks_on_top_of_each_other_move_apart() {
        let rows = [
            row("a", Some(100.0), 2025, 12),
            row("b", Some(102.0), 2025, 12),
            row("c", Some(100.0), 2025, 12),
        ];
        let t = timeline(&rows, &[], &[], &opts(375.0));
        for (i, a) in t.marks.iter().enumerate() {
            for b in &t.marks[i + 1..] {
                let d = (a.x - b.x).hypot(a.y - b.y);
                assert!(
                    d >= 1.5 * a.r - 1e-9,
                    "{} and {} are {d} px apart",
                    a.id,
                    b.id
                );
            }
        }
        assert_inside(&t);
        for width in [360.0, 1440.0] {
            let t = timeline(crate::data::korean(), &[], &[], &opts(width));
            for (i, a) in t.marks.iter().enumerate().filter(|(_, m)| !m.undisclosed) {
                for b in t.marks[i + 1..].iter().filter(|m| !m.undisclosed) {
                    let d = (a.x - b.x).hypot(a.y - b.y);
                    assert!(
                        d >= a.r,
                        "{width} px: {} and {} are {d} px apart",
                        a.id,
                        b.id
                    );
                }
            }
        }
    }

    #[test]
    fn ten_thousand_models() {
        let rows: Vec<&'static Model> = (0..10_000u32)
            .map(|i| {
                let size = (i % 10 != 0).then(|| 0.5 + f64::from(i % 997));
                row("m", size, 2019 + (i % 8) as u16, (i % 12) as u8 + 1)
            })
            .collect();
        let t = timeline(&rows, &[gpt3()], &[], &opts(1200.0));
        assert_eq!(t.marks.len(), 10_000);
        assert!(t.labels.len() <= 40);
        assert_inside(&t);
    }
}

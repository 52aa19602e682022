//! Chart geometry: pure functions from rows and a container width to pixels.
//!
//! The pipeline follows Observable Plot: rows → channels → scales (domain from
//! the data, range from the frame) → plain structs in pixels. Only the Yew
//! components know about SVG; nothing here touches the DOM or measures text.
//!
//! - [`scale`]: `Linear` (time axis over fractional years) and `Log` (parameters).
//! - [`ticks`]: nice 1-2-5 linear ticks, powers-of-ten log ticks, time ticks.
//! - [`layout`]: `Frame` (size + margins, adapted to narrow widths) and `Rect`.
//! - [`labels`]: text width estimate and the greedy label placer.
//! - [`timeline`]: the default view, date × total parameters.
//! - [`ranking`]: horizontal bars by total parameters.
//! - [`lanes`]: one lane per sector or organisation, marks along time.
//!
//! Performance: every view is O(n log n) in the number of models except the
//! label placer, which only considers the top `max_labels` candidates. Marks
//! carry `&'static str` ids and no formatted strings, so 10,000 models cost a
//! few allocations, not 10,000 strings.

pub mod labels;
pub mod lanes;
pub mod layout;
pub mod ranking;
pub mod scale;
pub mod ticks;
pub mod timeline;

use std::cmp::Ordering;

use layout::clamp;

use crate::model::{Basis, Date, Event, Model, Sector, Status, Weights};
use crate::set::Set;

/// What the colour of a mark encodes (one type with the view state and the URL).
pub use crate::state::ColorBy;

/// The colour channel of a mark; the renderer maps it to a palette entry.
///
/// `Org(i)` is the organisation's index in the `org_order` the caller passed (the
/// shown organisations, most models first). The first [`ORG_COLOURS`] have a colour
/// each; the rest, and organisations missing from the list, share the "other" grey.
/// How many organisations get a colour of their own when colouring by organisation:
/// the palette's first seven hues; its eighth, grey, stands for every other one.
pub const ORG_COLOURS: usize = 7;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ColorKey {
    Sector(Sector),
    Org(usize),
}

/// Open weights are circles, closed weights squares.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Shape {
    Circle,
    Square,
}

/// Which models to emphasise (and label first).
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Highlight {
    #[default]
    None,
    /// The models named in The Elec's 2023-08-22 article (`Model::in_article`).
    InArticle,
    /// An explicit set of model ids.
    Ids(Set<&'static str>),
}

impl Highlight {
    pub fn contains(&self, model: &Model) -> bool {
        match self {
            Highlight::None => false,
            Highlight::InArticle => model.in_article,
            Highlight::Ids(ids) => ids.contains(model.id),
        }
    }

    pub fn is_active(&self) -> bool {
        !matches!(self, Highlight::None)
    }
}

/// Which name a label shows. Falls back to the other language, then the id,
/// so a label is never empty.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum LabelName {
    #[default]
    En,
    Ko,
}

impl LabelName {
    pub fn of(self, model: &Model) -> &'static str {
        let (first, second) = match self {
            LabelName::En => (model.name_en, model.name_ko),
            LabelName::Ko => (model.name_ko, model.name_en),
        };
        if !first.is_empty() {
            first
        } else if !second.is_empty() {
            second
        } else {
            model.id
        }
    }
}

/// One drawn model, in pixels. Shared by the timeline and the lanes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Mark {
    pub id: &'static str,
    /// Centre, in pixels from the frame's top-left corner.
    pub x: f64,
    pub y: f64,
    /// Radius (half the side for squares).
    pub r: f64,
    /// Circle for open weights, square for closed.
    pub shape: Shape,
    /// Announced but not released: draw the outline only.
    pub hollow: bool,
    pub color: ColorKey,
    /// For MoE models with both figures known: the inner mark's radius,
    /// `r * sqrt(active / total)` so its area is proportional.
    pub active_r: Option<f64>,
    /// The total size is undisclosed: the mark sits in the undisclosed lane
    /// (timeline) and its `y` says nothing about size.
    pub undisclosed: bool,
    /// How the total is known (estimated figures may be styled differently).
    pub basis: Basis,
    pub highlighted: bool,
    pub selected: bool,
}

/// Anything drawn at a point for one model: marks, keyboard stops.
pub trait Placed {
    fn id(&self) -> &'static str;
    fn at(&self) -> (f64, f64);
}

impl Placed for Mark {
    fn id(&self) -> &'static str {
        self.id
    }
    fn at(&self) -> (f64, f64) {
        (self.x, self.y)
    }
}

/// A keyboard stop and hover target: a model's id and where its mark is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stop {
    pub id: &'static str,
    pub x: f64,
    pub y: f64,
    /// The lane a mark is in (By sector / By organisation); 0 elsewhere. Up and down
    /// move between lanes.
    pub group: u16,
}

impl Placed for Stop {
    fn id(&self) -> &'static str {
        self.id
    }
    fn at(&self) -> (f64, f64) {
        (self.x, self.y)
    }
}

impl From<&Mark> for Stop {
    fn from(m: &Mark) -> Stop {
        Stop {
            id: m.id,
            x: m.x,
            y: m.y,
            group: 0,
        }
    }
}

/// Keyboard navigation along a lane: `delta` stops from `current` among the stops of its
/// lane (`stops` hold each lane's stops together), clamped at the lane's ends.
pub fn step_in_group<'a>(
    stops: &'a [Stop],
    current: Option<&str>,
    delta: isize,
) -> Option<&'a Stop> {
    let at = stops.iter().position(|s| Some(s.id) == current)?;
    let group = stops.get(at)?.group;
    let first = stops.iter().position(|s| s.group == group)?;
    let last = stops.iter().rposition(|s| s.group == group)?;
    stops.get(at.saturating_add_signed(delta).clamp(first, last))
}

/// Keyboard navigation across lanes: from `current`, the stop in the next lane
/// (`down`) or the previous one nearest to it across; `current` itself at the
/// first or last lane, or when there is no current stop.
pub fn step_group<'a>(stops: &'a [Stop], current: Option<&str>, down: bool) -> Option<&'a Stop> {
    let at = stops.iter().find(|s| Some(s.id) == current)?;
    let next = if down {
        stops
            .iter()
            .map(|s| s.group)
            .filter(|g| *g > at.group)
            .min()
    } else {
        stops
            .iter()
            .map(|s| s.group)
            .filter(|g| *g < at.group)
            .max()
    };
    let Some(group) = next else {
        return Some(at);
    };
    stops
        .iter()
        .filter(|s| s.group == group)
        .min_by(|a, b| (a.x - at.x).abs().total_cmp(&(b.x - at.x).abs()))
}

/// The mark closest to `(px, py)` whose centre is within `max_dist` pixels
/// (hit-testing for pointer hover on dense layers). Ties go to the later mark,
/// which is drawn on top. O(n); cheap enough for one pointer event.
pub fn nearest_mark<T: Placed>(marks: &[T], px: f64, py: f64, max_dist: f64) -> Option<&T> {
    let mut best: Option<(&T, f64)> = None;
    let limit = max_dist * max_dist;
    for mark in marks {
        let (x, y) = mark.at();
        let (dx, dy) = (x - px, y - py);
        let d = dx * dx + dy * dy;
        if d <= limit && best.is_none_or(|(_, b)| d <= b) {
            best = Some((mark, d));
        }
    }
    best.map(|(mark, _)| mark)
}

/// Keyboard navigation: the mark `delta` steps from `current` in the order of
/// `marks` (views return marks sorted by x, then y), clamped at both ends.
/// With no current mark (or an unknown id), a forward step starts at the first
/// mark and a backward step at the last.
pub fn step_mark<'a, T: Placed>(
    marks: &'a [T],
    current: Option<&str>,
    delta: isize,
) -> Option<&'a T> {
    let last = marks.len().checked_sub(1)?;
    let at = current.and_then(|id| marks.iter().position(|m| m.id() == id));
    let index = match at {
        Some(i) => i.saturating_add_signed(delta).min(last),
        None if delta < 0 => last,
        None => 0,
    };
    marks.get(index)
}

/// Organisation id → stable colour index: its first place in `order`, else one past the end.
/// A linear scan: there are a few dozen organisations, and no hash map code in the bundle.
pub(crate) struct OrgIndex {
    order: Vec<&'static str>,
}

impl OrgIndex {
    pub(crate) fn new(order: &[&'static str]) -> Self {
        OrgIndex {
            order: order.to_vec(),
        }
    }

    pub(crate) fn get(&self, org: &str) -> usize {
        self.order
            .iter()
            .position(|o| *o == org)
            .unwrap_or(self.order.len())
    }

    pub(crate) fn color(&self, model: &Model, color_by: ColorBy) -> ColorKey {
        match color_by {
            ColorBy::Sector => ColorKey::Sector(model.sector),
            ColorBy::Org => ColorKey::Org(self.get(model.org)),
        }
    }
}

/// The total in billions when it can be drawn at a size: disclosed, finite and positive.
/// An undisclosed basis wins over any stray value, so a guess is never plotted.
pub(crate) fn known_total(model: &Model) -> Option<f64> {
    if model.total.basis == Basis::Undisclosed {
        return None;
    }
    model.total.value_b.filter(|v| v.is_finite() && *v > 0.0)
}

/// Active parameters of a MoE model when both figures are known.
pub(crate) fn known_active(model: &Model) -> Option<f64> {
    if !model.is_moe() {
        return None;
    }
    let active = model.active?;
    if active.basis == Basis::Undisclosed {
        return None;
    }
    active.value_b.filter(|v| v.is_finite() && *v > 0.0)
}

/// Shared per-model styling of a mark; the caller fills in the position.
pub(crate) struct MarkStyle<'a> {
    pub(crate) orgs: &'a OrgIndex,
    pub(crate) color_by: ColorBy,
    pub(crate) highlight: &'a Highlight,
    pub(crate) selected: Option<&'a str>,
    pub(crate) r: f64,
}

impl MarkStyle<'_> {
    pub(crate) fn mark(&self, model: &Model, x: f64, y: f64) -> Mark {
        let total = known_total(model);
        let active_r = match (total, known_active(model)) {
            (Some(t), Some(a)) => Some(self.r * clamp(a / t, 0.0, 1.0).sqrt()),
            _ => None,
        };
        Mark {
            id: model.id,
            x,
            y,
            r: self.r,
            shape: if model.weights == Weights::Closed {
                Shape::Square
            } else {
                Shape::Circle
            },
            hollow: model.status == Status::Announced,
            color: self.orgs.color(model, self.color_by),
            active_r,
            undisclosed: total.is_none(),
            basis: model.total.basis,
            highlighted: self.highlight.contains(model),
            selected: self.selected == Some(model.id),
        }
    }
}

/// Mark radius for a container width: a little smaller on phones.
pub(crate) fn mark_radius(width: f64) -> f64 {
    if width < 480.0 {
        4.5
    } else {
        5.5
    }
}

/// Position of a date on the time axis, in fractional years.
pub(crate) fn year_of(date: Date) -> f64 {
    date.as_year_fraction()
}

/// The x domain: the override when given (and finite), else the span of the
/// models' dates padded by 3% (a degenerate span is widened by the scale).
pub(crate) fn time_domain(models: &[&Model], override_domain: Option<(f64, f64)>) -> (f64, f64) {
    if let Some((lo, hi)) = override_domain {
        if lo.is_finite() && hi.is_finite() {
            return if lo <= hi { (lo, hi) } else { (hi, lo) };
        }
    }
    let mut lo = f64::INFINITY;
    let mut hi = f64::NEG_INFINITY;
    for model in models {
        let x = year_of(model.date);
        lo = lo.min(x);
        hi = hi.max(x);
    }
    if !lo.is_finite() || !hi.is_finite() {
        // No models: show the current era rather than nothing.
        return (2020.0, 2026.0);
    }
    let pad = (hi - lo) * 0.03;
    (lo - pad, hi + pad)
}

/// Time-axis tick with its pixel position. `month == 0` marks a year tick.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct XTick {
    pub x: f64,
    pub year: u16,
    pub month: u8,
}

pub(crate) fn x_ticks(x: &scale::Linear, plot: &layout::Rect) -> Vec<XTick> {
    let (lo, hi) = x.domain;
    ticks::time_ticks(lo, hi, plot.width)
        .into_iter()
        .map(|t| XTick {
            x: x.apply(t.at),
            year: t.year,
            month: t.month,
        })
        .filter(|t| t.x >= plot.x - 0.5 && t.x <= plot.right() + 0.5)
        .collect()
}

/// A dated milestone drawn as a thin vertical marker.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EventMarker {
    pub id: &'static str,
    pub x: f64,
}

/// The events' vertical lines across `plot`, as label clutter (`[x1, y1, x2, y2]`).
pub(crate) fn event_lines(markers: &[EventMarker], plot: layout::Rect) -> Vec<[f64; 4]> {
    markers
        .iter()
        .map(|e| [e.x, plot.y, e.x, plot.bottom()])
        .collect()
}

/// Whether `event` falls on a time axis spanning `domain` (years): only those are drawn.
pub(crate) fn on_axis(event: &Event, (lo, hi): (f64, f64)) -> bool {
    let at = year_of(event.date);
    at >= lo && at <= hi
}

/// Events inside the x domain, sorted by x then id.
pub(crate) fn event_markers(events: &[&Event], x: &scale::Linear) -> Vec<EventMarker> {
    let mut out: Vec<EventMarker> = events
        .iter()
        .filter(|e| on_axis(e, x.domain))
        .map(|e| EventMarker {
            id: e.id,
            x: x.apply(year_of(e.date)),
        })
        .collect();
    crate::set::sort_by(&mut out, &|a, b| {
        a.x.total_cmp(&b.x).then_with(|| a.id.cmp(b.id))
    });
    out
}

/// Sorts marks into keyboard order: by x, then y, then id.
pub(crate) fn sort_marks(marks: &mut [Mark]) {
    crate::set::sort_by(marks, &|a, b| cmp_xy(a, b).then_with(|| a.id.cmp(b.id)));
}

fn cmp_xy(a: &Mark, b: &Mark) -> Ordering {
    a.x.total_cmp(&b.x).then_with(|| a.y.total_cmp(&b.y))
}

/// Deterministic vertical spreading: assigns each x (sorted ascending) the
/// first row whose previous mark is at least `min_dx` to its left. When all
/// `max_rows` rows are busy, the row that freed up earliest takes it (overlap
/// is then unavoidable). Returns each x's row and the number of rows used.
/// O(n · max_rows).
pub(crate) fn pack_rows(xs: &[f64], min_dx: f64, max_rows: usize) -> (Vec<usize>, usize) {
    let max_rows = max_rows.max(1);
    let mut last: Vec<f64> = Vec::with_capacity(max_rows);
    let mut rows = Vec::with_capacity(xs.len());
    for &x in xs {
        let row = match last.iter().position(|&l| x - l >= min_dx) {
            Some(i) => i,
            None if last.len() < max_rows => {
                last.push(f64::NEG_INFINITY);
                last.len() - 1
            }
            None => last
                .iter()
                .enumerate()
                .min_by(|a, b| a.1.total_cmp(b.1))
                .map_or(0, |(i, _)| i),
        };
        if let Some(l) = last.get_mut(row) {
            *l = x;
        }
        rows.push(row);
    }
    (rows, last.len())
}

#[cfg(test)]
pub(crate) mod test_rows {
    //! Helpers to build `&'static` rows in tests without the real dataset.
    use crate::model::{Basis, Date, Model, Params};

    pub fn leak(model: Model) -> &'static Model {
        Box::leak(Box::new(model))
    }

    pub fn leak_str(s: String) -> &'static str {
        Box::leak(s.into_boxed_str())
    }

    pub fn sized(value_b: f64) -> Params {
        Params {
            value_b: Some(value_b),
            basis: Basis::Official,
        }
    }

    pub const UNDISCLOSED: Params = Params {
        value_b: None,
        basis: Basis::Undisclosed,
    };

    pub fn date(year: u16, month: u8) -> Date {
        Date {
            year,
            month,
            day: 0,
        }
    }

    /// A plain open-weights mark of radius 5 at (x, y).
    pub fn dot(id: &'static str, x: f64, y: f64) -> super::Mark {
        super::Mark {
            id,
            x,
            y,
            r: 5.0,
            shape: super::Shape::Circle,
            hollow: false,
            color: super::ColorKey::Org(0),
            active_r: None,
            undisclosed: false,
            basis: Basis::Official,
            highlighted: false,
            selected: false,
        }
    }

    /// A released, closed model of `size` billions (None = undisclosed) at year-month.
    pub fn row(id: &'static str, size: Option<f64>, year: u16, month: u8) -> &'static Model {
        leak(Model {
            id,
            name_en: id,
            org: "org-a",
            total: size.map_or(UNDISCLOSED, sized),
            date: date(year, month),
            ..Model::BLANK
        })
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn up_and_down_change_lanes_to_the_nearest_mark_across() {
        let stop = |id, x, group| Stop {
            id,
            x,
            y: 0.0,
            group,
        };
        let stops = [
            stop("a", 10.0, 0),
            stop("b", 90.0, 0),
            stop("c", 15.0, 1),
            stop("d", 80.0, 1),
            stop("e", 50.0, 3),
        ];
        let down = |from| step_group(&stops, Some(from), true).map(|s| s.id);
        let up = |from| step_group(&stops, Some(from), false).map(|s| s.id);
        assert_eq!(down("a"), Some("c"));
        assert_eq!(down("b"), Some("d"));
        assert_eq!(down("d"), Some("e"), "an empty lane number is skipped");
        assert_eq!(down("e"), Some("e"), "the last lane stays put");
        assert_eq!(up("e"), Some("d"));
        assert_eq!(up("a"), Some("a"), "the first lane stays put");
        assert_eq!(step_group(&stops, None, true), None);
        let along = |from, delta| step_in_group(&stops, Some(from), delta).map(|s| s.id);
        assert_eq!(along("a", 1), Some("b"));
        assert_eq!(along("b", 1), Some("b"), "the lane's end stays put");
        assert_eq!(along("c", -1), Some("c"), "and its start");
        assert_eq!(along("c", 10), Some("d"), "ten at a time stops at the end");
        assert_eq!(along("e", -10), Some("e"));
        assert_eq!(step_in_group(&stops, None, 1), None);
    }

    use super::test_rows::*;
    use super::*;
    use crate::model::{Arch, Params};

    fn style<'a>(orgs: &'a OrgIndex, highlight: &'a Highlight) -> MarkStyle<'a> {
        MarkStyle {
            orgs,
            color_by: ColorBy::Org,
            highlight,
            selected: Some("b"),
            r: 5.0,
        }
    }

    #[test]
    fn color_by_ids_round_trip() {
        for c in ColorBy::ALL {
            assert_eq!(ColorBy::from_id(c.id()), Some(*c));
        }
        assert_eq!(ColorBy::Org.id(), "org");
        assert_eq!(ColorBy::from_id("organisation"), None);
    }

    #[test]
    fn mark_style_encodes_weights_status_moe_and_org_index() {
        let orgs = OrgIndex::new(&["lg", "naver", "lg"]);
        let hl = Highlight::Ids(["a"].into_iter().collect());
        let s = style(&orgs, &hl);
        let open_moe = Model {
            id: "a",
            org: "naver",
            arch: Arch::Moe,
            weights: Weights::OpenCommercial,
            total: sized(100.0),
            active: Some(Params {
                value_b: Some(25.0),
                basis: Basis::Official,
            }),
            ..Model::BLANK
        };
        let m = s.mark(&open_moe, 1.0, 2.0);
        assert_eq!(m.shape, Shape::Circle);
        assert_eq!(m.active_r, Some(2.5));
        assert_eq!(m.color, ColorKey::Org(1));
        assert!(m.highlighted && !m.selected && !m.hollow && !m.undisclosed);

        let announced = Model {
            id: "b",
            org: "unknown-org",
            status: Status::Announced,
            total: sized(52.0),
            ..Model::BLANK
        };
        let m = s.mark(&announced, 0.0, 0.0);
        assert_eq!(m.shape, Shape::Square);
        assert!(m.hollow && m.selected && !m.highlighted);
        assert_eq!(
            m.color,
            ColorKey::Org(3),
            "unknown org gets the shared 'other' index"
        );
        assert_eq!(m.active_r, None, "dense model has no inner mark");
    }

    #[test]
    fn undisclosed_basis_wins_over_a_stray_value() {
        let m = Model {
            total: Params {
                value_b: Some(300.0),
                basis: Basis::Undisclosed,
            },
            ..Model::BLANK
        };
        assert_eq!(known_total(&m), None);
        let m = Model {
            total: sized(f64::NAN),
            ..Model::BLANK
        };
        assert_eq!(known_total(&m), None);
        let m = Model {
            total: sized(0.0),
            ..Model::BLANK
        };
        assert_eq!(known_total(&m), None);
    }

    #[test]
    fn label_name_falls_back() {
        let m = Model {
            id: "x",
            name_en: "EXAONE",
            name_ko: "",
            ..Model::BLANK
        };
        assert_eq!(LabelName::Ko.of(&m), "EXAONE");
        assert_eq!(
            LabelName::En.of(&Model {
                id: "x",
                ..Model::BLANK
            }),
            "x"
        );
    }

    #[test]
    fn nearest_mark_respects_radius() {
        let marks = [dot("a", 10.0, 10.0), dot("b", 30.0, 10.0)];
        assert_eq!(
            nearest_mark(&marks, 12.0, 10.0, 8.0).map(|m| m.id),
            Some("a")
        );
        assert_eq!(
            nearest_mark(&marks, 25.0, 10.0, 8.0).map(|m| m.id),
            Some("b")
        );
        assert_eq!(nearest_mark(&marks, 20.0, 30.0, 8.0), None);
        assert_eq!(nearest_mark::<Mark>(&[], 0.0, 0.0, 8.0), None);
    }

    #[test]
    fn step_mark_walks_and_clamps() {
        let marks = [dot("a", 1.0, 0.0), dot("b", 2.0, 0.0), dot("c", 3.0, 0.0)];
        assert_eq!(step_mark(&marks, Some("a"), 1).map(|m| m.id), Some("b"));
        assert_eq!(step_mark(&marks, Some("c"), 1).map(|m| m.id), Some("c"));
        assert_eq!(step_mark(&marks, Some("a"), -1).map(|m| m.id), Some("a"));
        assert_eq!(step_mark(&marks, None, 1).map(|m| m.id), Some("a"));
        assert_eq!(step_mark(&marks, None, -1).map(|m| m.id), Some("c"));
        assert_eq!(step_mark::<Stop>(&[], None, 1), None);
    }

    #[test]
    fn pack_rows_spreads_then_reuses() {
        let (rows, used) = pack_rows(&[0.0, 1.0, 2.0, 20.0, 20.0], 10.0, 2);
        assert_eq!(rows, vec![0, 1, 0, 0, 1]);
        assert_eq!(used, 2);
        let (rows, used) = pack_rows(&[5.0, 5.0, 5.0], 10.0, 8);
        assert_eq!(rows, vec![0, 1, 2]);
        assert_eq!(used, 3);
        assert_eq!(pack_rows(&[], 10.0, 3), (vec![], 0));
    }

    #[test]
    fn time_domain_pads_and_honours_override() {
        let a = row("a", Some(1.0), 2020, 1);
        let b = row("b", Some(1.0), 2026, 1);
        let (lo, hi) = time_domain(&[a, b], None);
        assert!((lo - (2020.0 + 0.5 / 12.0 - 0.18)).abs() < 1e-9);
        assert!((hi - (2026.0 + 0.5 / 12.0 + 0.18)).abs() < 1e-9);
        assert_eq!(
            time_domain(&[a, b], Some((2025.0, 2019.0))),
            (2019.0, 2025.0)
        );
        assert_eq!(time_domain(&[], None), (2020.0, 2026.0));
    }
}

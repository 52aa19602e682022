//! Sector (or organisation) lanes: "who is doing what", along time.
//!
//! One horizontal lane per sector, in `Sector::ALL` order, or per
//! organisation, in the caller's `org_order` (unknown organisations after,
//! by id). Only non-empty lanes are drawn by default — on a phone an empty
//! lane costs a row and says little; `show_empty` keeps every sector lane
//! (the story's full frame, where "no game company here yet" is the point).
//! Each lane has a label line on top, then its marks by date; marks that
//! would overlap are spread over up to [`MAX_ROWS`] rows deterministically
//! (packed in date order), so the same data always gives the same picture.
//! Size plays no part in where marks go (the timeline shows it); it only
//! orders the labels within a lane, which take turns across the lanes.

use super::labels::{label_requests, place_labels_in, Clutter, Label, LINE};
use super::layout::{Frame, Rect, LABEL_FONT_PX};
use super::scale::Linear;
use super::{
    event_lines, event_markers, mark_radius, nearest_mark, pack_rows, sort_marks, time_domain,
    x_ticks, year_of, ColorBy, ColorKey, EventMarker, Highlight, LabelName, Mark, MarkStyle,
    OrgIndex, XTick,
};
use crate::model::{Event, Model, Sector};

/// Rows per lane before marks are allowed to overlap.
pub const MAX_ROWS: usize = 3;

/// Height of a lane's label line, in pixels.
pub const LANE_LABEL_H: f64 = 18.0;

/// What a lane groups by. Ids are used in the URL.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum LaneBy {
    #[default]
    Sector,
    Organisation,
}

impl LaneBy {
    pub const ALL: &'static [LaneBy] = &[LaneBy::Sector, LaneBy::Organisation];

    pub const fn id(self) -> &'static str {
        match self {
            LaneBy::Sector => "sector",
            LaneBy::Organisation => "org",
        }
    }

    pub fn from_id(id: &str) -> Option<Self> {
        match id {
            "sector" => Some(LaneBy::Sector),
            "org" => Some(LaneBy::Organisation),
            _ => None,
        }
    }
}

/// The lane's group, for its label (the renderer looks up the localised name).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LaneKey {
    Sector(Sector),
    Org(&'static str),
}

#[derive(Clone, Debug, PartialEq)]
pub struct LanesOptions {
    pub width: f64,
    pub lane_by: LaneBy,
    pub color_by: ColorBy,
    /// Every organisation id in a stable order: colours and organisation lane order.
    pub org_order: Vec<&'static str>,
    /// Keep empty sector lanes (ignored for organisation lanes).
    pub show_empty: bool,
    pub show_events: bool,
    /// Fixed x domain in fractional years; models outside are not drawn.
    pub x_domain: Option<(f64, f64)>,
    pub highlight: Highlight,
    pub selected: Option<&'static str>,
    pub label_name: LabelName,
    /// How many labels to try to place (capped at [`super::labels::MAX_LABELS`]).
    pub max_labels: usize,
}

impl LanesOptions {
    pub fn new(width: f64) -> Self {
        LanesOptions {
            width,
            lane_by: LaneBy::Sector,
            color_by: ColorBy::Sector,
            org_order: Vec::new(),
            show_empty: false,
            show_events: false,
            x_domain: None,
            highlight: Highlight::None,
            selected: None,
            label_name: LabelName::En,
            max_labels: 60,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Lane {
    pub key: LaneKey,
    /// The lane's band: label line on top, marks below.
    pub rect: Rect,
    /// Where the lane's name goes (text-anchor start, vertically centred).
    pub label_x: f64,
    pub label_y: f64,
    /// Colour of the group itself (for the label swatch).
    pub color: ColorKey,
    /// Number of models in the lane.
    pub count: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Lanes {
    pub frame: Frame,
    /// The area holding all lanes.
    pub plot: Rect,
    pub x: Linear,
    pub x_ticks: Vec<XTick>,
    /// Where x tick marks and labels start (the bottom of the last lane).
    pub x_axis_y: f64,
    pub lanes: Vec<Lane>,
    /// Keyboard order: by x, then y, then id.
    pub marks: Vec<Mark>,
    pub event_markers: Vec<EventMarker>,
    pub labels: Vec<Label>,
    /// Models not drawn because they fall outside `LanesOptions::x_domain`.
    pub outside_x_domain: usize,
    /// Total height: grows with the number of lanes and rows.
    pub height: f64,
}

impl Lanes {
    pub fn mark(&self, id: &str) -> Option<&Mark> {
        self.marks.iter().find(|m| m.id == id)
    }

    /// Pointer hit-test: the nearest mark within 12 px.
    pub fn nearest(&self, px: f64, py: f64) -> Option<&Mark> {
        nearest_mark(&self.marks, px, py, 12.0)
    }
}

pub fn lanes(models: &[&'static Model], events: &[&'static Event], opts: &LanesOptions) -> Lanes {
    let base = Frame::new(opts.width, 0.0);
    let area = base.plot();
    let r = mark_radius(base.width);
    let pad = r + 2.0;
    let x = Linear::new(
        time_domain(models, opts.x_domain),
        (area.x + pad, area.right() - pad),
    );
    let (x_lo, x_hi) = x.domain;
    let visible: Vec<&'static Model> = models
        .iter()
        .copied()
        .filter(|m| {
            let at = year_of(m.date);
            at >= x_lo - 1e-9 && at <= x_hi + 1e-9
        })
        .collect();
    let orgs = OrgIndex::new(&opts.org_order);

    // Group into lanes, in display order.
    let mut groups: Vec<(LaneKey, Vec<&'static Model>)> = match opts.lane_by {
        LaneBy::Sector => Sector::ALL
            .iter()
            .map(|s| (LaneKey::Sector(*s), Vec::new()))
            .collect(),
        LaneBy::Organisation => Vec::new(),
    };
    for m in &visible {
        let key = match opts.lane_by {
            LaneBy::Sector => LaneKey::Sector(m.sector),
            LaneBy::Organisation => LaneKey::Org(m.org),
        };
        // A linear scan: a few dozen lanes at most.
        let i = match groups.iter().position(|(k, _)| *k == key) {
            Some(i) => i,
            None => {
                groups.push((key, Vec::new()));
                groups.len() - 1
            }
        };
        if let Some((_, members)) = groups.get_mut(i) {
            members.push(m);
        }
    }
    if opts.lane_by == LaneBy::Organisation {
        let key = |k: &LaneKey| match k {
            LaneKey::Org(id) => (orgs.get(id), *id),
            LaneKey::Sector(_) => (usize::MAX, ""),
        };
        crate::set::sort_by(&mut groups, &|a, b| key(&a.0).cmp(&key(&b.0)));
    }
    if !(opts.show_empty && opts.lane_by == LaneBy::Sector) {
        groups.retain(|(_, members)| !members.is_empty());
    }

    let style = MarkStyle {
        orgs: &orgs,
        color_by: opts.color_by,
        highlight: &opts.highlight,
        selected: opts.selected,
        r,
    };
    let row_step = 2.0 * r + 3.0;
    // The first row sits low enough for a label beside its mark to stay in the lane, clear
    // of the lane's name: a lane of one row could otherwise name none of its marks.
    let top = (r + 1.5).max(LABEL_FONT_PX * LINE / 2.0 + 0.5);
    let mut lanes = Vec::with_capacity(groups.len());
    let mut placed: Vec<(&'static Model, Mark)> = Vec::with_capacity(visible.len());
    let mut y = area.y;
    for (key, mut members) in groups {
        crate::set::sort_by(&mut members, &|a, b| {
            year_of(a.date)
                .total_cmp(&year_of(b.date))
                .then_with(|| a.id.cmp(b.id))
        });
        let xs: Vec<f64> = members.iter().map(|m| x.apply(year_of(m.date))).collect();
        let (rows, used) = pack_rows(&xs, 2.0 * r + 2.0, MAX_ROWS);
        let height = LANE_LABEL_H + top - r - 1.5 + used.max(1) as f64 * row_step + 4.0;
        let marks_top = y + LANE_LABEL_H;
        for ((m, mx), row) in members.iter().zip(&xs).zip(&rows) {
            placed.push((
                m,
                style.mark(m, *mx, marks_top + top + *row as f64 * row_step),
            ));
        }
        let color = match key {
            LaneKey::Sector(s) => ColorKey::Sector(s),
            LaneKey::Org(id) => ColorKey::Org(orgs.get(id)),
        };
        lanes.push(Lane {
            key,
            rect: Rect {
                x: area.x,
                y,
                width: area.width,
                height,
            },
            label_x: area.x,
            label_y: y + LANE_LABEL_H / 2.0,
            color,
            count: members.len(),
        });
        y += height;
    }
    let frame = base.with_plot_height(y - area.y);
    let plot = frame.plot();

    // Labels stay within their lane's marks, below its label line.
    let lane_of: Vec<Rect> = lanes
        .iter()
        .map(|l| Rect {
            y: l.rect.y + LANE_LABEL_H,
            height: l.rect.height - LANE_LABEL_H,
            ..l.rect
        })
        .collect();
    // Which lane a mark is in (every mark is in one; else it forms a group of its own).
    let lane = |mark: &Mark| {
        lane_of
            .iter()
            .position(|l| mark.y >= l.y && mark.y <= l.bottom())
            .unwrap_or(lane_of.len())
    };
    let bounds = |mark: &Mark| lane_of.get(lane(mark)).copied().unwrap_or(plot);
    let requests = label_requests(
        &placed,
        opts.max_labels,
        opts.label_name,
        &bounds,
        Some(&lane),
    );
    let mut marks: Vec<Mark> = placed.into_iter().map(|(_, mark)| mark).collect();
    let event_markers = if opts.show_events {
        event_markers(events, &x)
    } else {
        Vec::new()
    };
    // Labels keep off the events' lines where they can.
    let lines = event_lines(&event_markers, plot);
    let clutter = Clutter {
        lines: &lines,
        boxes: &[],
    };
    let labels = place_labels_in(&requests, &marks, clutter, LABEL_FONT_PX);
    sort_marks(&mut marks);

    Lanes {
        frame,
        plot,
        x,
        x_ticks: x_ticks(&x, &plot),
        x_axis_y: plot.bottom(),
        lanes,
        marks,
        event_markers,
        labels,
        outside_x_domain: models.len() - visible.len(),
        height: frame.height,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::test_rows::*;

    fn in_sector(
        id: &'static str,
        sector: Sector,
        org: &'static str,
        year: u16,
        month: u8,
    ) -> &'static Model {
        leak(Model {
            sector,
            org,
            ..*row(id, Some(7.0), year, month)
        })
    }

    fn sample() -> Vec<&'static Model> {
        vec![
            in_sector("kt", Sector::Telecom, "kt", 2023, 10),
            in_sector("lg", Sector::Manufacturing, "lg", 2021, 12),
            in_sector("skt", Sector::Telecom, "skt", 2023, 10),
            in_sector("upstage", Sector::Startup, "upstage", 2023, 12),
        ]
    }

    fn keys(l: &Lanes) -> Vec<LaneKey> {
        l.lanes.iter().map(|l| l.key).collect()
    }

    #[test]
    fn lane_by_ids_round_trip() {
        for l in LaneBy::ALL {
            assert_eq!(LaneBy::from_id(l.id()), Some(*l));
        }
    }

    #[test]
    fn sector_lanes_in_canonical_order_without_empties() {
        let l = lanes(&sample(), &[], &LanesOptions::new(800.0));
        assert_eq!(
            keys(&l),
            vec![
                LaneKey::Sector(Sector::Manufacturing),
                LaneKey::Sector(Sector::Telecom),
                LaneKey::Sector(Sector::Startup)
            ]
        );
        assert_eq!(
            l.lanes.iter().map(|l| l.count).collect::<Vec<_>>(),
            vec![1, 2, 1]
        );
        let mut o = LanesOptions::new(800.0);
        o.show_empty = true;
        assert_eq!(lanes(&sample(), &[], &o).lanes.len(), Sector::ALL.len());
    }

    #[test]
    fn marks_sit_in_their_lane_and_same_date_marks_do_not_overlap() {
        let l = lanes(&sample(), &[], &LanesOptions::new(800.0));
        let telecom = l.lanes.get(1).map(|l| l.rect).unwrap_or_default();
        let kt = l.mark("kt").copied();
        let skt = l.mark("skt").copied();
        for m in [kt, skt].into_iter().flatten() {
            assert!(
                telecom.contains_point(m.x, m.y - m.r) && telecom.contains_point(m.x, m.y + m.r),
                "{m:?}"
            );
            assert!(
                m.y - m.r >= telecom.y + LANE_LABEL_H,
                "marks stay below the lane label"
            );
        }
        assert!(
            matches!((kt, skt), (Some(a), Some(b)) if a.x == b.x && (a.y - b.y).abs() >= 2.0 * a.r)
        );
        // Deterministic: same input, same output.
        assert_eq!(lanes(&sample(), &[], &LanesOptions::new(800.0)), l);
    }

    #[test]
    fn a_lane_of_one_row_names_its_marks_beside_them() {
        for width in [320.0, 800.0] {
            let l = lanes(&sample(), &[], &LanesOptions::new(width));
            let named: Vec<&str> = l.labels.iter().map(|lab| lab.id).collect();
            assert!(
                named.contains(&"lg") && named.contains(&"upstage"),
                "{width}: {named:?}"
            );
            // Inside a lane, below its name.
            for lab in &l.labels {
                assert!(l.lanes.iter().any(|lane| Rect {
                    y: lane.rect.y + LANE_LABEL_H,
                    height: lane.rect.height - LANE_LABEL_H,
                    ..lane.rect
                }
                .contains_rect(&lab.rect())));
            }
        }
    }

    #[test]
    fn the_label_budget_goes_round_the_lanes_not_to_the_biggest() {
        let sized = |id, sector, size, year| {
            leak(Model {
                sector,
                ..*row(id, Some(size), year, 6)
            })
        };
        let rows = vec![
            sized("big-1", Sector::Telecom, 500.0, 2022),
            sized("big-2", Sector::Telecom, 400.0, 2024),
            sized("big-3", Sector::Telecom, 300.0, 2026),
            sized("small", Sector::Startup, 1.0, 2024),
        ];
        let mut o = LanesOptions::new(800.0);
        o.max_labels = 2;
        let l = lanes(&rows, &[], &o);
        let named: Vec<&str> = l.labels.iter().map(|lab| lab.id).collect();
        assert_eq!(named, ["big-1", "small"]);
        // A selected mark is named first, whatever its size, and takes its lane's turn.
        o.selected = Some("big-3");
        let l = lanes(&rows, &[], &o);
        let named: Vec<&str> = l.labels.iter().map(|lab| lab.id).collect();
        assert_eq!(named, ["big-3", "small"]);
        o.max_labels = 0;
        assert!(lanes(&rows, &[], &o).labels.is_empty());
    }

    #[test]
    fn a_lane_of_small_models_is_named_beside_hundreds_of_bigger_ones() {
        let mut rows: Vec<&'static Model> = (0..300u16)
            .map(|i| {
                leak(Model {
                    sector: Sector::Telecom,
                    ..*row(leak_str(format!("big-{i}")), Some(100.0), 2020 + i % 6, 6)
                })
            })
            .collect();
        rows.push(leak(Model {
            sector: Sector::Startup,
            ..*row("small", Some(1.0), 2024, 6)
        }));
        let l = lanes(&rows, &[], &LanesOptions::new(800.0));
        assert!(l.labels.iter().any(|lab| lab.id == "small"));
    }

    #[test]
    fn a_name_too_wide_for_either_side_of_its_mark_is_cut_to_the_room_in_a_lane() {
        // One model per lane, mid-axis on a phone, its name wider than either side.
        let long = "luxia-21.4b-alignment-v1.0 with a much longer tail";
        let rows = vec![
            leak(Model {
                sector: Sector::ItServices,
                name_en: long,
                ..*row("wide", Some(21.4), 2024, 3)
            }),
            in_sector("early", Sector::Telecom, "kt", 2021, 1),
            in_sector("late", Sector::Telecom, "kt", 2026, 1),
        ];
        let l = lanes(&rows, &[], &LanesOptions::new(340.0));
        let label = l.labels.iter().find(|lab| lab.id == "wide");
        let shown = label.map(|lab| lab.shown().to_string()).unwrap_or_default();
        assert!(shown.contains('…') && shown.len() < long.len(), "{shown:?}");
        let lane = l
            .lanes
            .iter()
            .find(|lane| lane.key == LaneKey::Sector(Sector::ItServices))
            .map(|lane| lane.rect)
            .unwrap_or_default();
        assert!(label.is_some_and(|lab| lane.contains_rect(&lab.rect())));
        // Names that fit stay whole.
        assert!(l
            .labels
            .iter()
            .all(|lab| lab.id == "wide" || lab.shown() == lab.text));
        // A lane with a whole name in it cuts none, even of a bigger model that comes first.
        let mut with_short = rows.clone();
        with_short.push(leak(Model {
            sector: Sector::ItServices,
            name_en: "ok",
            ..*row("short", Some(1.0), 2021, 1)
        }));
        let l = lanes(&with_short, &[], &LanesOptions::new(340.0));
        let named: Vec<&str> = l.labels.iter().map(|lab| lab.id).collect();
        assert!(
            named.contains(&"short") && !named.contains(&"wide"),
            "{named:?}"
        );
        assert!(l.labels.iter().all(|lab| lab.fit_px == 0.0));
    }

    #[test]
    fn organisation_lanes_follow_org_order() {
        let mut o = LanesOptions::new(800.0);
        o.lane_by = LaneBy::Organisation;
        o.org_order = vec!["upstage", "skt", "lg"];
        let l = lanes(&sample(), &[], &o);
        assert_eq!(
            keys(&l),
            vec![
                LaneKey::Org("upstage"),
                LaneKey::Org("skt"),
                LaneKey::Org("lg"),
                LaneKey::Org("kt")
            ]
        );
        assert_eq!(l.lanes.first().map(|l| l.color), Some(ColorKey::Org(0)));
        assert_eq!(l.lanes.get(3).map(|l| l.color), Some(ColorKey::Org(3)));
    }

    #[test]
    fn height_grows_with_lanes_and_everything_fits_at_320px() {
        let mut rows = sample();
        for i in 0..30u16 {
            rows.push(in_sector(
                leak_str(format!("t{i}")),
                Sector::Telecom,
                "kt",
                2023,
                6,
            ));
        }
        let l = lanes(&rows, &[], &LanesOptions::new(320.0));
        let lane_sum: f64 = l.lanes.iter().map(|l| l.rect.height).sum();
        assert_eq!(
            l.height,
            l.frame.margin_top + lane_sum + l.frame.margin_bottom
        );
        // The name line, room for a label beside the first row (7.7 px to the first row's
        // centre instead of 1.5 + r), the rows, a gap.
        let telecom = LANE_LABEL_H + (7.7 - 6.0) + MAX_ROWS as f64 * (2.0 * 4.5 + 3.0) + 4.0;
        assert!(l
            .lanes
            .get(1)
            .is_some_and(|t| (t.rect.height - telecom).abs() < 1e-9));
        let outer = l.frame.outer();
        for m in &l.marks {
            assert!(
                l.plot.contains_point(m.x - m.r, m.y - m.r)
                    && l.plot.contains_point(m.x + m.r, m.y + m.r)
            );
        }
        for lab in &l.labels {
            assert!(outer.contains_rect(&lab.rect()));
            for lane in &l.lanes {
                let line = Rect {
                    height: LANE_LABEL_H,
                    ..lane.rect
                };
                assert!(!line.overlaps(&lab.rect()), "{} on a lane's name", lab.text);
            }
        }
        for (i, a) in l.labels.iter().enumerate() {
            for b in l.labels.iter().skip(i + 1) {
                assert!(!a.rect().overlaps(&b.rect()));
            }
        }
        assert!(l.x_ticks.len() as f64 <= (l.plot.width / 60.0).floor());
        assert_eq!(l.marks.len(), rows.len());
    }

    #[test]
    fn empty_input() {
        let l = lanes(&[], &[], &LanesOptions::new(320.0));
        assert!(l.lanes.is_empty() && l.marks.is_empty());
        assert_eq!(l.height, l.frame.margin_top + l.frame.margin_bottom);
    }
}

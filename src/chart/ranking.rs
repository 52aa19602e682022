//! Ranking: one horizontal bar per model, by total parameters, biggest first.
//!
//! The x axis is logarithmic: sizes span 1B to several hundred billion, and on
//! a linear axis every model below ~20B would be a sliver next to the largest.
//! Bars start at the decade below the smallest size, so even the smallest model
//! gets a visible bar; bar length therefore reads as "decades above that
//! floor", and the tick labels carry the values. A MoE model's active part is
//! shaded from the same start to its active size on the same scale.
//! Undisclosed sizes come last, as rows without a bar.

use super::labels::text_width;
use super::layout::{clamp, Frame, Rect, LABEL_FONT_PX};
use super::scale::Log;
use super::ticks::{decade_ceil, log_ticks, pow10};
use super::{known_active, known_total, ColorBy, ColorKey, Highlight, LabelName, OrgIndex};
use crate::model::{Basis, Model, Status};

/// Inputs besides the rows.
#[derive(Clone, Debug, PartialEq)]
pub struct RankingOptions {
    pub width: f64,
    pub color_by: ColorBy,
    /// Every organisation id in a stable order, for `ColorKey::Org`.
    pub org_order: Vec<&'static str>,
    /// Which name the row labels show; also sizes the left margin.
    pub label_name: LabelName,
    pub highlight: Highlight,
    pub selected: Option<&'static str>,
    /// Pixels per row; the chart grows with the number of rows.
    pub row_height: f64,
}

impl RankingOptions {
    pub fn new(width: f64) -> Self {
        RankingOptions {
            width,
            color_by: ColorBy::Sector,
            org_order: Vec::new(),
            label_name: LabelName::En,
            highlight: Highlight::None,
            selected: None,
            row_height: 22.0,
        }
    }
}

/// Height of the name's own line above each bar, when names do not fit beside the bars.
pub const NAME_LINE: f64 = 15.0;

/// One row. The name is drawn at ([`Ranking::name_x`], `name_y`): right-aligned beside the
/// bar, or left-aligned on its own line above it ([`Ranking::names_above`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bar {
    pub id: &'static str,
    pub name: &'static str,
    /// Top edge and thickness of the bar.
    pub y: f64,
    pub height: f64,
    /// Vertical centre of the bar.
    pub cy: f64,
    /// Vertical centre of the name.
    pub name_y: f64,
    /// Where every bar starts (the plot's left edge).
    pub x0: f64,
    /// End of the bar; `None` for an undisclosed size (no bar, say so in text).
    pub x_total: Option<f64>,
    /// End of the shaded active part, for MoE models with both figures known.
    pub x_active: Option<f64>,
    pub color: ColorKey,
    pub undisclosed: bool,
    /// Announced, not released: draw the bar as an outline.
    pub hollow: bool,
    pub basis: Basis,
    pub highlighted: bool,
    pub selected: bool,
}

/// A tick on the size axis (drawn along the top).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AxisTick {
    pub x: f64,
    pub value_b: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Ranking {
    pub frame: Frame,
    pub plot: Rect,
    pub x: Log,
    pub x_ticks: Vec<AxisTick>,
    /// Baseline of the axis labels, above the first row.
    pub x_axis_y: f64,
    /// Right edge of the row names (text-anchor end), or their left edge when
    /// `names_above`.
    pub name_x: f64,
    /// Phones: the names did not fit in 40 % of the width beside the bars, so each
    /// takes a line of its own above its bar, whole, and the bars the full width.
    pub names_above: bool,
    /// Pixels per row, the name's line included.
    pub row_height: f64,
    /// Sized rows by total, descending; undisclosed rows last.
    pub rows: Vec<Bar>,
    /// Total height of the chart: margins plus one `row_height` per row.
    pub height: f64,
}

impl Ranking {
    /// The row under a pointer at `py`, for hover.
    pub fn row_at(&self, py: f64) -> Option<&Bar> {
        let index = ((py - self.plot.y) / self.row_height).floor();
        if index < 0.0 || !index.is_finite() {
            return None;
        }
        self.rows.get(index as usize)
    }
}

pub fn ranking(models: &[&'static Model], opts: &RankingOptions) -> Ranking {
    let row_h = if opts.row_height.is_finite() && opts.row_height > 0.0 {
        opts.row_height
    } else {
        22.0
    };
    let base = Frame::new(opts.width, 0.0);
    let widest = models
        .iter()
        .map(|m| text_width(opts.label_name.of(m), LABEL_FONT_PX))
        .fold(0.0, f64::max);
    let beside = (base.width * 0.4).max(64.0);
    let names_above = widest + 12.0 > beside;
    let margin_left = if names_above {
        8.0
    } else {
        clamp(widest + 12.0, 64.0, beside)
    };
    let line = if names_above { NAME_LINE } else { 0.0 };
    let base = Frame {
        margin_left,
        // Room for the value written after the longest bar ("1,750억", "750B").
        margin_right: 56.0,
        margin_top: 22.0,
        margin_bottom: 8.0,
        ..base
    };
    let frame = base.with_plot_height(models.len() as f64 * (row_h + line));
    let plot = frame.plot();

    let mut sized: Vec<(&'static Model, f64)> = models
        .iter()
        .filter_map(|m| Some((*m, known_total(m)?)))
        .collect();
    crate::set::sort_by(&mut sized, &|a, b| {
        b.1.total_cmp(&a.1)
            .then_with(|| a.0.date.cmp(&b.0.date))
            .then_with(|| a.0.id.cmp(b.0.id))
    });
    let mut hidden: Vec<&'static Model> = models
        .iter()
        .copied()
        .filter(|m| known_total(m).is_none())
        .collect();
    crate::set::sort_by(&mut hidden, &|a, b| {
        a.date.cmp(&b.date).then_with(|| a.id.cmp(b.id))
    });

    let lo = sized
        .iter()
        .map(|(m, t)| known_active(m).unwrap_or(*t).min(*t))
        .fold(f64::INFINITY, f64::min);
    let hi = sized
        .iter()
        .map(|(_, t)| *t)
        .fold(f64::NEG_INFINITY, f64::max);
    let domain = if lo.is_finite() && hi.is_finite() {
        (pow10(decade_ceil(lo) - 1), pow10(decade_ceil(hi)))
    } else {
        (1.0, 1000.0)
    };
    let x = Log::new(domain, (plot.x, plot.right()));

    let orgs = OrgIndex::new(&opts.org_order);
    let bar_h = (row_h * 0.64).round();
    let rows = sized
        .iter()
        .map(|(m, t)| (*m, Some(*t)))
        .chain(hidden.iter().map(|m| (*m, None)))
        .enumerate()
        .map(|(i, (m, total))| {
            let top = plot.y + i as f64 * (row_h + line);
            let cy = top + line + row_h / 2.0;
            Bar {
                id: m.id,
                name: opts.label_name.of(m),
                y: top + line + (row_h - bar_h) / 2.0,
                height: bar_h,
                cy,
                name_y: if names_above {
                    top + line / 2.0 + 1.0
                } else {
                    cy
                },
                x0: plot.x,
                x_total: total.map(|t| x.apply(t)),
                x_active: total
                    .and(known_active(m))
                    .map(|a| x.apply(a.min(total.unwrap_or(a)))),
                color: orgs.color(m, opts.color_by),
                undisclosed: total.is_none(),
                hollow: m.status == Status::Announced,
                basis: m.total.basis,
                highlighted: opts.highlight.contains(m),
                selected: opts.selected == Some(m.id),
            }
        })
        .collect();

    let (d0, d1) = x.domain;
    Ranking {
        frame,
        plot,
        x,
        x_ticks: log_ticks(d0, d1)
            .into_iter()
            .map(|v| AxisTick {
                x: x.apply(v),
                value_b: v,
            })
            .collect(),
        x_axis_y: plot.y - 8.0,
        name_x: if names_above { plot.x } else { plot.x - 6.0 },
        names_above,
        row_height: row_h + line,
        rows,
        height: frame.height,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::test_rows::*;
    use crate::model::Arch;

    fn ids(r: &Ranking) -> Vec<&'static str> {
        r.rows.iter().map(|b| b.id).collect()
    }

    #[test]
    fn sorted_descending_with_undisclosed_last() {
        let rows = [
            row("hidden-late", None, 2024, 1),
            row("small", Some(1.3), 2022, 1),
            row("big", Some(300.0), 2021, 1),
            row("hidden-early", None, 2023, 1),
            row("mid", Some(13.0), 2023, 1),
        ];
        let r = ranking(&rows, &RankingOptions::new(600.0));
        assert_eq!(
            ids(&r),
            vec!["big", "mid", "small", "hidden-early", "hidden-late"]
        );
        let tail: Vec<_> = r
            .rows
            .iter()
            .map(|b| (b.undisclosed, b.x_total.is_none()))
            .collect();
        assert_eq!(
            tail,
            vec![
                (false, false),
                (false, false),
                (false, false),
                (true, true),
                (true, true)
            ]
        );
    }

    #[test]
    fn bar_lengths_follow_size_on_a_log_axis() {
        let rows = [
            row("a", Some(1.0), 2022, 1),
            row("b", Some(10.0), 2022, 1),
            row("c", Some(100.0), 2022, 1),
        ];
        let r = ranking(&rows, &RankingOptions::new(600.0));
        assert_eq!(r.x.domain, (0.1, 100.0));
        let ends: Vec<f64> = r.rows.iter().filter_map(|b| b.x_total).collect();
        let third = r.plot.width / 3.0;
        let expect = [r.plot.right(), r.plot.x + 2.0 * third, r.plot.x + third];
        for (e, want) in ends.iter().zip(expect) {
            assert!((e - want).abs() < 1e-9, "{e} vs {want}");
        }
        assert!(
            ends.windows(2).all(|w| matches!(w, [a, b] if a > b)),
            "bigger model, longer bar"
        );
        assert!(
            r.rows.iter().all(|b| b.x_total.is_some_and(|x| x > b.x0)),
            "smallest bar is visible"
        );
        let values: Vec<f64> = r.x_ticks.iter().map(|t| t.value_b).collect();
        assert_eq!(values, vec![0.1, 1.0, 10.0, 100.0]);
    }

    #[test]
    fn moe_active_part_is_shaded_inside_the_bar() {
        let moe = leak(Model {
            id: "moe",
            arch: Arch::Moe,
            total: sized(100.0),
            active: Some(sized(10.0)),
            ..Model::BLANK
        });
        let r = ranking(
            &[moe, row("dense", Some(50.0), 2023, 1)],
            &RankingOptions::new(600.0),
        );
        assert_eq!(r.x.domain, (1.0, 100.0));
        let bar = r.rows.first().copied();
        assert!(bar.is_some_and(
            |b| b.x_active == Some(r.x.apply(10.0)) && b.x_total == Some(r.x.apply(100.0))
        ));
        assert!(r.rows.get(1).is_some_and(|b| b.x_active.is_none()));
    }

    #[test]
    fn height_grows_with_rows() {
        let rows: Vec<&'static Model> = (0..10)
            .map(|i| row(leak_str(format!("m{i}")), Some(1.0 + f64::from(i)), 2023, 1))
            .collect();
        let r = ranking(&rows, &RankingOptions::new(320.0));
        assert_eq!(r.height, 22.0 + 10.0 * 22.0 + 8.0);
        assert_eq!(r.rows.len(), 10);
        assert!(r
            .rows
            .iter()
            .all(|b| b.y >= r.plot.y && b.y + b.height <= r.plot.bottom()));
        assert!(r
            .rows
            .iter()
            .all(|b| b.x_total.is_some_and(|x| x <= r.frame.width)));
        assert_eq!(
            r.row_at(r.plot.y + 22.0 * 3.5).map(|b| b.id),
            r.rows.get(3).map(|b| b.id)
        );
        assert_eq!(r.row_at(r.plot.y - 1.0), None);
        let empty = ranking(&[], &RankingOptions::new(320.0));
        assert_eq!(empty.height, 30.0);
        assert!(empty.rows.is_empty());
    }

    #[test]
    fn long_names_widen_the_margin_within_limits() {
        let long = leak(Model {
            id: "l",
            name_en: "HyperCLOVA X SEED Think 14B",
            total: sized(14.0),
            ..Model::BLANK
        });
        let short = ranking(&[row("a", Some(7.0), 2023, 1)], &RankingOptions::new(800.0));
        let wide = ranking(&[long], &RankingOptions::new(800.0));
        let narrow = ranking(&[long], &RankingOptions::new(320.0));
        assert_eq!(short.plot.x, 64.0);
        assert!(wide.plot.x > 64.0 && wide.plot.x <= 320.0);
        assert!(!short.names_above && !wide.names_above);
        // On a phone the name would take over 40 % of the width: it goes above its bar.
        assert!(narrow.names_above);
        assert_eq!(narrow.plot.x, 8.0);
        assert_eq!(narrow.name_x, 8.0);
    }

    #[test]
    fn names_above_their_bars_take_a_line_of_their_own() {
        let long = |id, total| {
            leak(Model {
                id,
                name_en: "HyperCLOVA X SEED Think 14B",
                total: sized(total),
                ..Model::BLANK
            })
        };
        let r = ranking(
            &[long("a", 14.0), long("b", 7.0)],
            &RankingOptions::new(320.0),
        );
        assert!(r.names_above);
        assert_eq!(r.row_height, 22.0 + NAME_LINE);
        assert_eq!(r.height, 22.0 + 2.0 * (22.0 + NAME_LINE) + 8.0);
        for (i, b) in r.rows.iter().enumerate() {
            let top = r.plot.y + i as f64 * r.row_height;
            assert!(
                b.name_y > top && b.name_y + 6.0 <= b.y,
                "the name is above the bar"
            );
            assert!(
                b.y + b.height <= top + r.row_height,
                "the bar stays in its row"
            );
            assert_eq!(
                r.row_at(b.name_y).map(|x| x.id),
                Some(b.id),
                "the name picks its row"
            );
            assert_eq!(r.row_at(b.cy).map(|x| x.id), Some(b.id), "the bar too");
        }
    }
}

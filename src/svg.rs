//! SVG markup for the chart geometry, as one string per chart.
//!
//! The last step of the chart pipeline. Building markup as a string (and
//! letting the browser parse it once) costs far less, in code and in time,
//! than a Yew vnode per mark: thousands of marks stay one string and one DOM
//! insertion. Interactive state that changes often (keyboard focus, hover) is
//! drawn by the components on top, so this string only changes with the data,
//! the width or the language.
//!
//! Every text and attribute value goes through [`esc`]. No `style` attribute
//! is ever written (the strict CSP has `style-src 'self'`).

use std::fmt::Write;

use crate::chart::labels::{Anchor, Label};
use crate::chart::lanes::{LaneKey, Lanes};
use crate::chart::layout::Rect;
use crate::chart::ranking::Ranking;
use crate::chart::timeline::Timeline;
use crate::chart::{ColorKey, EventMarker, Mark, Shape, XTick};
use crate::data::{self, model_name as name};
use crate::format::{self, dp1};
use crate::i18n::{Label as _, T};
use crate::model::{Event, Model, Status};
use crate::state::Lang;

/// Escapes text for an XML text node or a double-quoted attribute.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// CSS class carrying a mark's colour (`--c`).
pub fn color_class(key: ColorKey) -> String {
    match key {
        ColorKey::Sector(s) => format!("c-{}", s.id()),
        ColorKey::Org(i) => format!("c-o{}", i.min(crate::chart::ORG_COLOURS)),
    }
}

pub fn org_name(m: &Model, lang: Lang) -> &'static str {
    data::organisation_name(m.org, lang)
}

/// "204B (official)" or "Undisclosed".
pub fn size_text(m: &Model, lang: Lang) -> String {
    match m.total.value_b {
        Some(v) => format!(
            "{} ({})",
            format::params(v, lang),
            m.total.basis.label(lang)
        ),
        None => T::Undisclosed.get(lang).to_string(),
    }
}

/// The accessible name of a mark: model, organisation, date, size.
pub fn mark_label(m: &Model, lang: Lang) -> String {
    // The sector too: the colour (by default) and the lanes say it.
    let sector = data::organisation(m.org).map_or("", |o| o.sector.label(lang));
    // The size says what it is, as the active count does: "비공개" alone could be anything.
    let mut text = format!(
        "{}, {}, {}, {}, {}: {}",
        name(m, lang),
        org_name(m, lang),
        sector,
        format::date(m.date, lang),
        T::TotalParams.get(lang),
        size_text(m, lang)
    );
    if let Some(a) = m.active.and_then(|a| a.value_b) {
        let _ = write!(
            text,
            ", {}: {}",
            T::ActiveParams.get(lang),
            format::params(a, lang)
        );
    }
    // What the shape and outline show, said: weights (circle / square), announced (hollow),
    // a disputed figure (dashed ghost).
    let _ = write!(text, ", {}", m.weights.label(lang));
    if m.status == Status::Announced {
        let _ = write!(text, ", {}", Status::Announced.label(lang));
    }
    if !m.disputes.is_empty() {
        let _ = write!(text, ", {}", T::Disputed.get(lang));
    }
    if m.in_article {
        let _ = write!(text, ", {}", T::NamedInArticle.get(lang));
    }
    text
}

pub fn event_title(e: &Event, lang: Lang) -> String {
    let title = match lang {
        Lang::Ko => e.title_ko,
        Lang::En => e.title_en,
    };
    format!(
        "{} — {} ({})",
        format::date(e.date, lang),
        title,
        e.source.title_in(lang)
    )
}

/// A markup buffer with small helpers; numbers get one decimal.
struct Out(String);

impl Out {
    fn line(&mut self, class: &str, x1: f64, y1: f64, x2: f64, y2: f64) {
        let (x1, y1, x2, y2) = (dp1(x1), dp1(y1), dp1(x2), dp1(y2));
        let _ = write!(
            self.0,
            "<line class=\"{class}\" x1=\"{x1}\" y1=\"{y1}\" x2=\"{x2}\" y2=\"{y2}\"/>"
        );
    }

    fn rect(&mut self, class: &str, r: Rect) {
        let _ = write!(
            self.0,
            "<rect class=\"{class}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
            dp1(r.x),
            dp1(r.y),
            dp1(r.width.max(0.0)),
            dp1(r.height.max(0.0))
        );
    }

    /// `<text>` with escaped content; `extra` is raw attribute markup.
    fn text(&mut self, class: &str, x: f64, y: f64, extra: &str, content: &str) {
        let (x, y) = (dp1(x), dp1(y));
        let _ = write!(
            self.0,
            "<text class=\"{class}\" x=\"{x}\" y=\"{y}\"{extra}>{}</text>",
            esc(content)
        );
    }

    fn x_ticks(&mut self, ticks: &[XTick], plot: Rect, label_y: f64, lang: Lang) {
        for t in ticks {
            self.line("grid-line", t.x, plot.y, t.x, plot.bottom());
            self.text(
                "tick-label",
                t.x,
                label_y,
                " text-anchor=\"middle\"",
                &format::month_tick(t.year, t.month, lang),
            );
        }
    }

    fn events(&mut self, markers: &[EventMarker], plot: Rect, lang: Lang) {
        for e in markers {
            let Some(ev) = data::events().iter().find(|x| x.id == e.id) else {
                continue;
            };
            let _ = write!(
                self.0,
                "<g class=\"event\" data-event-id=\"{}\">",
                esc(e.id)
            );
            self.line("event-line", e.x, plot.y, e.x, plot.bottom());
            let _ = write!(
                self.0,
                "<circle class=\"event-dot\" cx=\"{x}\" cy=\"{y}\" r=\"3.5\"/><circle class=\"event-hit\" cx=\"{x}\" cy=\"{y}\" r=\"9\"><title>{}</title></circle></g>",
                esc(&event_title(ev, lang)),
                x = dp1(e.x),
                y = dp1(plot.y + 4.0),
            );
        }
    }

    /// The "as of" date as a vertical line where the time axis `x` reaches it, with its date
    /// when `labelled` (the timeline's floor has room; the lanes have marks down to it).
    fn asof(
        &mut self,
        asof: Option<crate::model::Date>,
        x: &crate::chart::scale::Linear,
        plot: Rect,
        labelled: bool,
        lang: Lang,
    ) {
        let Some(d) = asof else { return };
        let at = x.apply(d.latest_day().as_year_fraction());
        if !(plot.x..=plot.right()).contains(&at) {
            return;
        }
        self.line("asof-line", at, plot.y, at, plot.bottom());
        if !labelled {
            return;
        }
        let label = format!("{} {}", T::AsOf.get(lang), format::date(d, lang));
        self.text(
            "asof-label",
            at - 4.0,
            plot.bottom() - 6.0,
            " text-anchor=\"end\"",
            &label,
        );
    }

    /// A model's mark: circle (open weights) or square (closed), labelled for
    /// screen readers, with an inner mark for MoE active parameters.
    fn mark(&mut self, m: &Mark, lang: Lang) {
        let label = data::model(m.id)
            .map(|model| mark_label(model, lang))
            .unwrap_or_default();
        let mut class = format!("mark {}", color_class(m.color));
        for (on, extra) in [
            (m.hollow, " hollow"),
            (m.highlighted, " named"),
            (m.selected, " selected"),
        ] {
            if on {
                class.push_str(extra);
            }
        }
        let common = format!(
            "id=\"m-{id}\" class=\"{class}\" role=\"img\" aria-label=\"{label}\" data-model-id=\"{id}\"",
            id = esc(m.id),
            label = esc(&label)
        );
        self.shape(m.shape, m.x, m.y, m.r, &common);
        if let Some(r) = m.active_r {
            self.shape(m.shape, m.x, m.y, r, "class=\"mark-active\"");
        }
    }

    fn shape(&mut self, shape: Shape, x: f64, y: f64, r: f64, attrs: &str) {
        let _ = match shape {
            Shape::Circle => write!(
                self.0,
                "<circle {attrs} cx=\"{}\" cy=\"{}\" r=\"{}\"/>",
                dp1(x),
                dp1(y),
                dp1(r)
            ),
            Shape::Square => write!(
                self.0,
                "<rect {attrs} x=\"{}\" y=\"{}\" width=\"{side}\" height=\"{side}\"/>",
                dp1(x - r),
                dp1(y - r),
                side = dp1(2.0 * r),
            ),
        };
    }

    /// The marks, then their labels on top.
    fn marks_and_labels(&mut self, marks: &[Mark], labels: &[Label], lang: Lang) {
        self.0.push_str("<g class=\"marks\">");
        for m in marks {
            self.mark(m, lang);
        }
        self.0.push_str("</g><g>");
        self.labels(labels);
        self.0.push_str("</g>");
    }

    fn labels(&mut self, labels: &[Label]) {
        for l in labels {
            let anchor = match l.anchor {
                Anchor::Start => "start",
                Anchor::Middle => "middle",
                Anchor::End => "end",
            };
            let extra = format!(
                " text-anchor=\"{anchor}\" dominant-baseline=\"central\" aria-hidden=\"true\""
            );
            self.text("mark-label", l.x, l.y, &extra, &l.shown());
        }
    }
}

/// The timeline's markup (everything inside the `<svg>`).
pub fn timeline(g: &Timeline, asof: Option<crate::model::Date>, lang: Lang) -> String {
    let mut o = Out(String::with_capacity(256 * (g.marks.len() + 16)));
    let plot = g.plot;
    if let Some(b) = g.hyperscale_band {
        o.rect("band", b);
    }
    o.0.push_str("<g class=\"axis\">");
    for t in &g.y_ticks {
        o.line("grid-line", plot.x, t.y, plot.right(), t.y);
        let extra = " text-anchor=\"end\" dominant-baseline=\"central\"";
        o.text(
            "tick-label",
            plot.x - 6.0,
            t.y,
            extra,
            &format::params(t.value_b, lang),
        );
    }
    o.x_ticks(&g.x_ticks, plot, g.x_axis_y + 14.0, lang);
    o.0.push_str("</g>");
    // The band's name after the grid, with a halo (styles): the 1T line runs through it.
    if let Some(b) = g.hyperscale_band {
        let label = format!(
            "{} ≥ {}",
            T::Hyperscale.get(lang),
            format::params(100.0, lang)
        );
        o.text("band-label", b.x + 6.0, b.y + 14.0, "", &label);
    }
    o.line(
        "grid-line",
        plot.x,
        plot.bottom(),
        plot.right(),
        plot.bottom(),
    );
    o.text(
        "axis-title",
        plot.x,
        plot.y - 8.0,
        "",
        T::TotalParams.get(lang),
    );
    for r in &g.reference_lines {
        o.line("ref-line", plot.x, r.y, plot.right(), r.y);
    }
    if let Some(l) = g.undisclosed_lane {
        o.rect("lane-bg", l);
        o.text(
            "lane-label",
            l.x + 4.0,
            l.y + 11.0,
            "",
            T::UndisclosedLane.get(lang),
        );
    }
    o.events(&g.event_markers, plot, lang);
    o.asof(asof, &g.x, plot, true, lang);
    o.0.push_str("<g aria-hidden=\"true\">");
    // Links through the undisclosed lane would cross the plot and suggest a size.
    for s in g.lineage.iter().filter(|s| !s.via_lane) {
        o.line("lineage", s.x1, s.y1, s.x2, s.y2);
    }
    for r in &g.ranges {
        o.line(
            &format!("size-range {}", color_class(r.color)),
            r.x,
            r.y_top,
            r.x,
            r.y_bottom,
        );
    }
    for gh in &g.ghosts {
        let color = g
            .mark(gh.id)
            .map(|m| color_class(m.color))
            .unwrap_or_default();
        o.line(
            &format!("ghost-tie {color}"),
            gh.tie_x,
            gh.tie_y,
            gh.x,
            gh.y,
        );
        let _ = write!(
            o.0,
            "<circle class=\"ghost {color}\" cx=\"{}\" cy=\"{}\" r=\"{}\"><title>{}</title></circle>",
            dp1(gh.x),
            dp1(gh.y),
            dp1(gh.r),
            esc(&format!("{}: {}", T::Disputed.get(lang), format::params(gh.value_b, lang)))
        );
    }
    o.0.push_str("</g>");
    o.marks_and_labels(&g.marks, &g.labels, lang);
    // The reference line's label last, on top (where the layout found it room).
    for r in &g.reference_lines {
        o.text(
            "ref-label",
            r.label_x,
            r.label_y,
            " text-anchor=\"end\" dominant-baseline=\"central\"",
            T::Gpt3Line.get(lang),
        );
    }
    o.0
}

/// The sector (or organisation) lanes' markup.
pub fn lanes(g: &Lanes, asof: Option<crate::model::Date>, lang: Lang) -> String {
    let mut o = Out(String::with_capacity(256 * (g.marks.len() + 16)));
    let plot = g.plot;
    let mut names = Vec::with_capacity(g.lanes.len());
    for lane in &g.lanes {
        let label = match lane.key {
            LaneKey::Sector(s) => s.label(lang).to_string(),
            LaneKey::Org(id) => data::organisation_name(id, lang).to_string(),
        };
        o.rect("lane-bg", lane.rect);
        names.push((lane, format!("{label} ({})", lane.count)));
    }
    o.0.push_str("<g class=\"axis\">");
    o.x_ticks(&g.x_ticks, plot, g.x_axis_y + 14.0, lang);
    o.0.push_str("</g>");
    o.events(&g.event_markers, plot, lang);
    o.asof(asof, &g.x, plot, false, lang);
    // Lane names over the grid and event lines, with a halo (styles), so no line strikes them.
    for (lane, text) in &names {
        o.text(
            "lane-label",
            lane.label_x,
            lane.label_y,
            " dominant-baseline=\"central\"",
            text,
        );
    }
    o.marks_and_labels(&g.marks, &g.labels, lang);
    o.0
}

/// The ranking's markup: a row per model, bar (or "undisclosed") and value.
pub fn ranking(g: &Ranking, lang: Lang) -> String {
    let mut o = Out(String::with_capacity(320 * (g.rows.len() + 8)));
    let plot = g.plot;
    o.0.push_str("<g class=\"axis\">");
    for t in &g.x_ticks {
        o.line("grid-line", t.x, plot.y, t.x, plot.bottom());
        // With the names above the bars, the first tick is at the frame's edge: from it, not
        // around it.
        let anchor = if t.x < 24.0 {
            " text-anchor=\"start\""
        } else {
            " text-anchor=\"middle\""
        };
        o.text(
            "tick-label",
            t.x,
            g.x_axis_y,
            anchor,
            &format::params(t.value_b, lang),
        );
    }
    o.0.push_str("</g>");
    // Widths are estimated; a tenth to spare keeps a cut name inside the frame when the
    // font runs wider (exported files clip at the frame).
    let (name_room, anchor) = if g.names_above {
        // The name's line is free to the frame's edge (the values are on the bar's line).
        ((g.frame.width - g.name_x - 4.0) * 0.9, "start")
    } else {
        ((g.name_x - 4.0) * 0.9, "end")
    };
    let names: Vec<&str> = g.rows.iter().map(|b| b.name).collect();
    let names = crate::chart::labels::fit_names(&names, name_room, 12.0);
    let extra =
        format!(" text-anchor=\"{anchor}\" dominant-baseline=\"central\" aria-hidden=\"true\"");
    for (b, name) in g.rows.iter().zip(names) {
        let Some(m) = data::model(b.id) else { continue };
        // On its own line a whole name has room for its organisation, which the colours
        // only give when colouring by organisation.
        let org = org_name(m, lang);
        let with_org = g.names_above
            && name == b.name
            && crate::chart::labels::text_width(&format!("{name} · {org}"), 12.0) <= name_room;
        if with_org {
            let _ = write!(
                o.0,
                "<text class=\"bar-label\" x=\"{}\" y=\"{}\"{extra}>{}<tspan class=\"bar-org\"> · {}</tspan></text>",
                dp1(g.name_x),
                dp1(b.name_y),
                esc(&name),
                esc(org)
            );
        } else {
            o.text("bar-label", g.name_x, b.name_y, &extra, &name);
        }
        let mut class = format!("bar mark {}", color_class(b.color));
        for (on, extra) in [
            (b.hollow || b.x_total.is_none(), " hollow"),
            (b.highlighted, " named"),
            (b.selected, " selected"),
        ] {
            if on {
                class.push_str(extra);
            }
        }
        let width = b.x_total.map_or(2.0, |x| (x - b.x0).max(1.0));
        let _ = write!(
            o.0,
            "<rect id=\"m-{id}\" class=\"{class}\" role=\"img\" aria-label=\"{label}\" data-model-id=\"{id}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
            dp1(b.x0),
            dp1(b.y),
            dp1(width),
            dp1(b.height),
            id = esc(b.id),
            label = esc(&mark_label(m, lang)),
        );
        if let (Some(xa), Some(_)) = (b.x_active, b.x_total) {
            let active = Rect {
                x: b.x0,
                y: b.y + b.height * 0.25,
                width: (xa - b.x0).max(1.0),
                height: b.height * 0.5,
            };
            o.rect("bar-active", active);
        }
        let value = m.total.value_b.map_or_else(
            || T::Undisclosed.get(lang).to_string(),
            |v| format::params(v, lang),
        );
        let end = b.x0 + width;
        o.text(
            "bar-value",
            end + 6.0,
            b.cy,
            " dominant-baseline=\"central\" aria-hidden=\"true\"",
            &value,
        );
    }
    o.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::timeline::{timeline as layout, TimelineOptions};

    #[test]
    fn escapes_markup_in_text_and_attributes() {
        assert_eq!(
            esc("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
        assert_eq!(esc("엑사원 3.5"), "엑사원 3.5");
    }

    #[test]
    fn an_event_names_its_source_in_the_readers_language() {
        let event = crate::data::events()
            .iter()
            .find(|e| e.source.title != e.source.title_ko)
            .expect("an event whose source has two titles");
        let ko = event_title(event, Lang::Ko);
        assert!(
            ko.contains(event.title_ko) && ko.ends_with(&format!("({})", event.source.title_ko)),
            "{ko}"
        );
        let en = event_title(event, Lang::En);
        assert!(
            en.contains(event.title_en) && en.ends_with(&format!("({})", event.source.title)),
            "{en}"
        );
    }

    #[test]
    fn a_marks_name_says_which_figure_its_size_is() {
        let find = |id: &str| data::korean().iter().find(|m| m.id == id).copied();
        let (Some(hcx), Some(big)) = (find("hyperclova-x"), find("hyperclova")) else {
            panic!("fixture models missing from the dataset");
        };
        assert!(mark_label(hcx, Lang::Ko).contains("전체 매개변수: 비공개"));
        assert!(mark_label(hcx, Lang::En).contains("Total parameters: Undisclosed"));
        assert!(mark_label(big, Lang::En).contains("Total parameters: 204B (official)"));
    }

    #[test]
    fn the_real_timeline_has_one_labelled_mark_per_model_and_no_style_attribute() {
        let models = data::korean();
        let g = layout(models, &[], &[], &TimelineOptions::new(960.0));
        let svg = timeline(&g, None, Lang::Ko);
        for m in models {
            let needle = format!("data-model-id=\"{}\"", m.id);
            assert_eq!(svg.matches(&needle).count(), 1, "{} drawn once", m.id);
        }
        assert!(!svg.contains("style="), "no inline style (strict CSP)");
        assert!(
            svg.contains(
                "aria-label=\"하이퍼클로바, 네이버, 포털, 2021년 5월 25일, 전체 매개변수: 2,040억 (공식)"
            ),
            "marks are labelled, with their sector"
        );
        assert!(!svg.contains("<script"));
    }

    #[test]
    fn an_as_of_date_is_drawn_as_a_line_with_its_date() {
        let d = crate::model::Date {
            year: 2023,
            month: 8,
            day: 22,
        };
        let mut o = TimelineOptions::new(960.0);
        o.x_domain = Some((2021.0, 2023.9));
        let g = layout(data::korean(), &[], &[], &o);
        let svg = timeline(&g, Some(d), Lang::En);
        assert_eq!(svg.matches("class=\"asof-line\"").count(), 1);
        assert!(
            svg.contains(">As of 22 Aug 2023</text>"),
            "the line says its date"
        );
        assert!(!timeline(&g, None, Lang::En).contains("asof-line"));
    }

    /// Every ranking name at phone widths, in both languages: all told apart, and cut at
    /// words on both sides of the "…", never through a figure ("K-엑사원…0B-A37B").
    #[test]
    fn ranking_names_cut_for_phones_stay_distinct() {
        use crate::chart::ranking::{ranking as layout, RankingOptions};
        use crate::chart::LabelName;
        for width in [320.0, 360.0, 375.0, 414.0] {
            for (lang, label_name) in [(Lang::Ko, LabelName::Ko), (Lang::En, LabelName::En)] {
                let mut opts = RankingOptions::new(width);
                opts.label_name = label_name;
                let g = layout(data::korean(), &opts);
                let svg = ranking(&g, lang);
                let names: Vec<&str> = svg
                    .split("<text class=\"bar-label\"")
                    .skip(1)
                    .filter_map(|t| t.split('>').nth(1))
                    .filter_map(|t| t.split('<').next())
                    .collect();
                assert_eq!(names.len(), g.rows.len());
                for (short, row) in names.iter().zip(&g.rows) {
                    let Some((start, end)) = short.split_once('…') else {
                        continue;
                    };
                    // Cut from the name, or from the name without its parenthetical.
                    let name = match row.name.rfind(" (") {
                        Some(i) if !row.name.ends_with(end) => &row.name[..i],
                        _ => row.name,
                    };
                    assert!(
                        name.starts_with(start) && name.ends_with(end),
                        "{short} / {name}"
                    );
                    let before = &name[..name.len() - end.len()];
                    assert!(
                        end.is_empty() || before.ends_with([' ', '-', '/']),
                        "{width} px: the end of {short:?} starts inside a word of {name:?}"
                    );
                    let after = &name[start.len()..];
                    assert!(
                        after.starts_with(' ') || !start.contains(' '),
                        "{width} px: the start of {short:?} stops inside a word of {name:?}"
                    );
                }
                let mut seen = names.clone();
                seen.sort_unstable();
                seen.dedup();
                assert_eq!(seen.len(), names.len(), "{width} px {lang:?}: {names:?}");
                // On phones the names have a line of their own above their bars: whole.
                assert!(g.names_above, "{width} px {lang:?}");
                let cut: Vec<&&str> = names.iter().filter(|n| n.contains('…')).collect();
                assert!(cut.is_empty(), "{width} px {lang:?}: cut {cut:?}");
            }
        }
    }

    /// Names on their own line carry their organisation where it fits; names beside the
    /// bars (short names, wide frame) do not.
    #[test]
    fn ranking_names_above_their_bars_carry_the_organisation() {
        use crate::chart::ranking::{ranking as layout, RankingOptions};
        let g = layout(data::korean(), &RankingOptions::new(960.0));
        assert!(
            g.names_above,
            "the real names are too long to sit beside 960 px of bars"
        );
        let svg = ranking(&g, Lang::En);
        let k1 = data::model("ax-k1").expect("A.X K1 is in the data");
        assert!(svg.contains(&format!(
            ">{}<tspan class=\"bar-org\"> · {}</tspan>",
            name(k1, Lang::En),
            org_name(k1, Lang::En)
        )));
        let with_org = svg.matches("class=\"bar-org\"").count();
        assert!(
            with_org * 10 >= g.rows.len() * 9,
            "{with_org} of {} rows",
            g.rows.len()
        );
        let short: Vec<&'static Model> = ["ax-k1", "midm-1-0"]
            .iter()
            .filter_map(|id| data::model(id))
            .collect();
        let beside = layout(&short, &RankingOptions::new(960.0));
        assert!(!beside.names_above);
        assert!(!ranking(&beside, Lang::En).contains("bar-org"));
    }

    #[test]
    fn ranking_scale_labels_sit_above_the_first_bar() {
        use crate::chart::ranking::{ranking as layout, RankingOptions};
        let g = layout(data::korean(), &RankingOptions::new(960.0));
        let svg = ranking(&g, Lang::En);
        let first_bar_top = g.rows.first().map_or(0.0, |b| b.y);
        let label = svg
            .split("<text class=\"tick-label\"")
            .nth(1)
            .and_then(|t| t.split("y=\"").nth(1))
            .and_then(|t| t.split('"').next())
            .and_then(|y| crate::format::parse_decimal(y, 3))
            .unwrap_or(f64::MAX);
        // The baseline; the glyphs of an 11 px label stand above it.
        assert!(
            label + 2.0 <= first_bar_top,
            "label baseline {label}, first bar {first_bar_top}"
        );
    }
}

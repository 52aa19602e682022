//! Mark labels without the DOM: a text width estimate and a greedy placer.
//!
//! The placer takes candidates in priority order ([`label_requests`]: selected,
//! highlighted, bigger first; on lanes, round the lanes) and tries right, left, above, below
//! each mark. A label is kept only if it stays inside its bounds and overlaps
//! no label placed before it; it also avoids covering other marks, except
//! that forced labels (selected/highlighted) may cover marks when nothing
//! else fits, and then take the spot that covers fewest. Among the spots left,
//! one that crosses no [`Clutter`] (lines, ghost marks) comes first, so long as
//! that costs no mark its label. On the lanes, a lane left without a name then
//! gets one cut in the middle to the room beside its mark. Work is O(k² + k·m_local + k·c) for k
//! candidates and c clutter items, so callers cap k and c is capped here.

use super::layout::Rect;
use super::{known_total, LabelName, Mark};
use crate::model::Model;

/// Hard cap on the labels one call considers, whatever the caller asks.
pub const MAX_LABELS: usize = 200;

/// Space between a mark's edge and its label, in pixels.
const GAP: f64 = 3.0;

/// Line height as a multiple of the font size.
pub(crate) const LINE: f64 = 1.2;

/// Estimated advance width of `text` at `font_px`: Hangul, CJK and fullwidth
/// forms ≈ 1.0 em, ASCII digits 0.6 em, everything else 0.58 em (a slight
/// overestimate for Latin, which errs on the side of fewer collisions), times
/// the reader's text spacing ([`set_text_scale`]).
pub fn text_width(text: &str, font_px: f64) -> f64 {
    text.chars().map(char_em).sum::<f64>() * font_px * text_scale()
}

/// The factor [`set_text_scale`] set, as a number (1.0: as the fonts make it).
fn text_scale() -> f64 {
    f64::from(TEXT_SCALE.load(std::sync::atomic::Ordering::Relaxed)) / 1000.0
}

/// How much wider the page's text runs than its fonts alone make it, in thousandths
/// (1000: as the fonts make it). Letter and word spacing that a reader sets for
/// legibility (WCAG 1.4.12) widen every label; the charts measure it
/// (`components::chart_frame::use_width`) and lay out with it.
static TEXT_SCALE: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(1000);

/// Sets the factor [`text_width`] applies, in thousandths (kept within 1000..=3000).
pub fn set_text_scale(milli: u32) {
    TEXT_SCALE.store(
        milli.clamp(1000, 3000),
        std::sync::atomic::Ordering::Relaxed,
    );
}

/// A model name fitted to `max_px`: whole if it fits; else without its trailing parenthetical
/// ("EXAONE 3.5 (2.4B / 7.8B / 32B)" → "EXAONE 3.5", which still tells it from its family);
/// else cut in the middle, its end taking up to `end_share` of the room ([`cut_middle`]).
fn fit_name(name: &str, max_px: f64, font_px: f64, end_share: f64) -> std::borrow::Cow<'_, str> {
    if text_width(name, font_px) <= max_px {
        return std::borrow::Cow::Borrowed(name);
    }
    cut_middle(short_name(name).unwrap_or(name), max_px, font_px, end_share)
}

/// `name` without its trailing parenthetical ("코GPT (KoGPT6B-ryan1.5b)" → "코GPT"), if it has one.
fn short_name(name: &str) -> Option<&str> {
    // A byte scan: `str::rfind` would link the reverse two-way searcher (≈ 0.7 KB gzip).
    let open = name.as_bytes().windows(2).rposition(|w| w == b" (")?;
    (open > 0 && name.ends_with(')'))
        .then(|| name.get(..open))
        .flatten()
}

/// Names fitted by [`fit_name`], told apart: where two cut names read the same, those are cut
/// again keeping more of their ends ("하이퍼클로바X…씽크" twice → "…시드 14B 씽크", "…시드 32B 씽크").
pub fn fit_names<'a>(
    names: &[&'a str],
    max_px: f64,
    font_px: f64,
) -> Vec<std::borrow::Cow<'a, str>> {
    let mut out: Vec<std::borrow::Cow<'a, str>> = names
        .iter()
        .map(|n| fit_name(n, max_px, font_px, 0.5))
        .collect();
    for share in [0.75, 1.0] {
        // Duplicates by one sort, not by comparing every pair (10,000 rows in benchmarks).
        let mut order: Vec<usize> = (0..out.len()).collect();
        crate::set::sort_by(&mut order, &|a, b| out.get(*a).cmp(&out.get(*b)));
        let mut again: Vec<usize> = Vec::new();
        for w in order.windows(2) {
            if let [a, b] = *w {
                if out.get(a) == out.get(b) {
                    again.extend([a, b]);
                }
            }
        }
        if again.is_empty() {
            break;
        }
        for i in again {
            if let (Some(slot), Some(name)) = (out.get_mut(i), names.get(i)) {
                *slot = fit_name(name, max_px, font_px, share);
            }
        }
    }
    out
}

/// `text` cut to fit `max_px` at `font_px`, with "…" in the middle when it was cut, its end
/// taking up to `end_share` of the room: model names in one family differ at the end
/// ("… 시드 0.5B", "… 시드 3B"), so the end is kept too.
fn cut_middle(text: &str, max_px: f64, font_px: f64, end_share: f64) -> std::borrow::Cow<'_, str> {
    cut_middle_em(text, max_px, font_px * text_scale(), end_share)
}

/// [`cut_middle`] with characters `em_px` to the em: the font size times the reader's text
/// spacing, as [`text_width`] measures them.
fn cut_middle_em(text: &str, max_px: f64, em_px: f64, end_share: f64) -> std::borrow::Cow<'_, str> {
    if text.chars().map(char_em).sum::<f64>() * em_px <= max_px {
        return std::borrow::Cow::Borrowed(text);
    }
    let budget = max_px - char_em('…') * em_px;
    let chars: Vec<char> = text.chars().collect();
    // The end first, up to half the room; the start takes what is left.
    let (mut used, mut tail) = (0.0, chars.len());
    while tail > 0 {
        let w = chars.get(tail - 1).map_or(0.0, |c| char_em(*c) * em_px);
        if used + w > budget * end_share {
            break;
        }
        used += w;
        tail -= 1;
    }
    // The end starts at a word: "…32B)" rather than "…B / 32B)", "…A37B" rather than
    // "…0B-A37B"; with no word start in it, there is no end.
    let word_start = |i: usize| {
        i == 0
            || chars
                .get(i - 1)
                .is_some_and(|c| c.is_ascii_whitespace() || matches!(c, '-' | '/'))
    };
    while tail < chars.len() && !word_start(tail) {
        used -= chars.get(tail).map_or(0.0, |c| char_em(*c) * em_px);
        tail += 1;
    }
    // …and not with a separator ("/ 32B)" → "32B)"); ASCII tests only, no Unicode tables.
    while let Some(c) = chars
        .get(tail)
        .filter(|c| c.is_ascii_whitespace() || (c.is_ascii_punctuation() && **c != '('))
    {
        used -= char_em(*c) * em_px;
        tail += 1;
    }
    let mut head = 0;
    while head < tail {
        let w = chars.get(head).map_or(0.0, |c| char_em(*c) * em_px);
        if used + w > budget {
            break;
        }
        used += w;
        head += 1;
    }
    // The start ends at a word too ("K-엑사원 2.0…", not "K-엑사원 2.0 75…"), unless that
    // would drop more than half of it.
    if head < tail && !chars.get(head).is_some_and(|c| c.is_ascii_whitespace()) {
        if let Some(space) = chars
            .get(..head)
            .and_then(|start| start.iter().rposition(|c| c.is_ascii_whitespace()))
        {
            if space * 2 >= head {
                head = space;
            }
        }
    }
    let start: String = chars.get(..head).unwrap_or(&[]).iter().collect();
    let end: String = chars.get(tail..).unwrap_or(&[]).iter().collect();
    std::borrow::Cow::Owned(format!("{}…{}", start.trim_end(), end.trim_start()))
}

fn char_em(c: char) -> f64 {
    if is_wide(c) {
        1.0
    } else if c.is_ascii_digit() {
        0.6
    } else {
        0.58
    }
}

fn is_wide(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{11FF}'     // Hangul Jamo
        | '\u{2E80}'..='\u{303F}'   // CJK radicals, punctuation
        | '\u{3040}'..='\u{33FF}'   // kana, compatibility Jamo, CJK symbols
        | '\u{3400}'..='\u{4DBF}'   // CJK extension A
        | '\u{4E00}'..='\u{9FFF}'   // CJK unified ideographs
        | '\u{A960}'..='\u{A97F}'   // Hangul Jamo extended-A
        | '\u{AC00}'..='\u{D7FF}'   // Hangul syllables, Jamo extended-B
        | '\u{F900}'..='\u{FAFF}'   // CJK compatibility ideographs
        | '\u{FF01}'..='\u{FF60}'   // fullwidth forms
        | '\u{FFE0}'..='\u{FFE6}')
}

/// Horizontal anchoring of a label's text at `x` (SVG `text-anchor`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// A placed label. `(x, y)` is the anchor point, `y` the vertical centre of
/// the line (render with `dominant-baseline: central`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Label {
    pub id: &'static str,
    pub text: &'static str,
    pub x: f64,
    pub y: f64,
    pub anchor: Anchor,
    /// Estimated box, for the renderer's halo or hit area.
    pub width: f64,
    pub height: f64,
    /// When above 0, the room the name had to be cut to: draw [`Label::shown`].
    pub fit_px: f64,
}

impl Label {
    /// The text to draw: the name, or its cut form ("luxia-21.4b-ali…v1.0") when it fitted only so.
    pub fn shown(&self) -> std::borrow::Cow<'static, str> {
        if self.fit_px > 0.0 {
            // The font size the label was placed for: its line height over `LINE`.
            fit_name(self.text, self.fit_px, self.height / LINE, 0.5)
        } else {
            std::borrow::Cow::Borrowed(self.text)
        }
    }

    /// The label's estimated bounding box.
    pub fn rect(&self) -> Rect {
        let left = match self.anchor {
            Anchor::Start => self.x,
            Anchor::Middle => self.x - self.width / 2.0,
            Anchor::End => self.x - self.width,
        };
        Rect {
            x: left,
            y: self.y - self.height / 2.0,
            width: self.width,
            height: self.height,
        }
    }
}

/// A label wanted next to a mark.
#[derive(Clone, Copy, Debug)]
pub(crate) struct LabelRequest {
    pub(crate) id: &'static str,
    pub(crate) text: &'static str,
    pub(crate) x: f64,
    pub(crate) y: f64,
    pub(crate) r: f64,
    /// The label must stay inside this rectangle (the plot or the lane).
    pub(crate) bounds: Rect,
    /// May cover other marks if no free position exists.
    pub(crate) force: bool,
    /// May be cut to the room beside its mark if it fits nowhere whole (the lanes, where a
    /// lane's only mark may sit where its name is wider than the room on either side).
    pub(crate) cut: bool,
}

/// The `limit` most important marks as label requests, best first: selected,
/// then highlighted, then sized before undisclosed, bigger before smaller,
/// left before right, then id. `bounds` gives the rectangle each label must
/// stay in. Selected and highlighted labels are forced (see the module docs).
///
/// With `lane` (a mark's lane index), the order goes round the lanes: every lane's
/// first in that order, then every lane's second, and so on, forced labels before
/// all (each taking its lane's turn). Lanes compare who did what, not sizes, so the
/// limit does not all go to the lanes of the biggest models.
pub(crate) fn label_requests(
    placed: &[(&'static Model, Mark)],
    limit: usize,
    name: LabelName,
    // `dyn`: one copy of this function (and of the sort in it) for every chart.
    bounds: &dyn Fn(&Mark) -> Rect,
    lane: Option<&dyn Fn(&Mark) -> usize>,
) -> Vec<LabelRequest> {
    let limit = limit.min(MAX_LABELS);
    if limit == 0 {
        return Vec::new();
    }
    let flags = |mark: &Mark| {
        (
            u8::from(!mark.selected),
            u8::from(!mark.highlighted),
            u8::from(mark.undisclosed),
        )
    };
    let mut order: Vec<(&'static Model, &Mark, f64)> = placed
        .iter()
        .map(|(m, mark)| (*m, mark, -known_total(m).unwrap_or(0.0)))
        .collect();
    let cmp = |a: &(&'static Model, &Mark, f64), b: &(&'static Model, &Mark, f64)| {
        flags(a.1)
            .cmp(&flags(b.1))
            .then_with(|| a.2.total_cmp(&b.2))
            .then_with(|| a.1.x.total_cmp(&b.1.x))
            .then_with(|| a.0.id.cmp(b.0.id))
    };
    // A full sort, then the best `limit`: the shared sort instantiation (see `set::sort_by`)
    // instead of the standard selection's own code (≈ 2 KB gzip of wasm); 10,000 marks sort in
    // about a millisecond.
    crate::set::sort_by(&mut order, &cmp);
    if let Some(lane) = lane {
        // Round the lanes. The third field (a size, no longer needed) becomes each mark's
        // place in the new order: forced first, then by its turn in its lane, then as sorted.
        // Whole numbers below 2^53, so exact.
        let mut taken: Vec<usize> = Vec::new();
        let n = order.len() as f64 + 1.0;
        for (i, (_, mark, place)) in order.iter_mut().enumerate() {
            let at = lane(mark);
            if taken.len() <= at {
                taken.resize(at + 1, 0);
            }
            let turn = taken.get(at).copied().unwrap_or(0);
            if let Some(t) = taken.get_mut(at) {
                *t += 1;
            }
            let forced = mark.selected || mark.highlighted;
            *place = if forced { 0.0 } else { turn as f64 + 1.0 } * n + i as f64;
        }
        crate::set::sort_by(&mut order, &|a, b| a.2.total_cmp(&b.2));
    }
    order.truncate(limit);
    order
        .into_iter()
        .map(|(m, mark, _)| LabelRequest {
            id: mark.id,
            text: name.of(m),
            x: mark.x,
            y: mark.y,
            r: mark.r,
            bounds: bounds(mark),
            force: mark.selected || mark.highlighted,
            cut: lane.is_some(),
        })
        .collect()
}

/// What a label should rather not cover, though it may: lines, as `[x1, y1, x2, y2]`
/// (size ranges, lineage links), and boxes (ghost marks).
#[derive(Clone, Copy, Default)]
pub(crate) struct Clutter<'a> {
    pub lines: &'a [[f64; 4]],
    pub boxes: &'a [Rect],
}

/// Beyond this many clutter items (thousands of models) none is looked at: no spot would be
/// free of them anyway, and the checks would cost more than a frame.
pub const MAX_CLUTTER: usize = 1_000;

impl Clutter<'_> {
    fn covers(&self, rect: &Rect) -> bool {
        self.boxes.iter().any(|b| b.overlaps(rect)) || self.lines.iter().any(|l| crosses(rect, *l))
    }

    fn is_checked(&self) -> bool {
        let n = self.lines.len() + self.boxes.len();
        n > 0 && n <= MAX_CLUTTER
    }
}

/// Whether the segment `[x1, y1, x2, y2]` passes through `rect` (Liang–Barsky clipping).
/// NaN coordinates count as crossing: the label then just loses its preference.
pub(crate) fn crosses(rect: &Rect, [x1, y1, x2, y2]: [f64; 4]) -> bool {
    if ![x1, y1, x2, y2].iter().all(|v| v.is_finite()) {
        return true;
    }
    let (dx, dy) = (x2 - x1, y2 - y1);
    let (mut t0, mut t1) = (0.0_f64, 1.0_f64);
    for (p, q) in [
        (-dx, x1 - rect.x),
        (dx, rect.right() - x1),
        (-dy, y1 - rect.y),
        (dy, rect.bottom() - y1),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return false;
            }
            continue;
        }
        let t = q / p;
        if p < 0.0 {
            if t > t1 {
                return false;
            }
            t0 = t0.max(t);
        } else {
            if t < t0 {
                return false;
            }
            t1 = t1.min(t);
        }
    }
    true
}

/// [`place_labels_in`] without clutter.
#[cfg(test)]
pub(crate) fn place_labels(
    requests: &[LabelRequest],
    obstacles: &[Mark],
    font_px: f64,
) -> Vec<Label> {
    place_labels_in(requests, obstacles, Clutter::default(), font_px)
}

/// Places `requests` in order (at most [`MAX_LABELS`]), preferring spots clear of
/// `clutter`; see the module docs. `obstacles` are all drawn marks; a request's own mark
/// (same id and centre) never blocks it.
pub(crate) fn place_labels_in(
    requests: &[LabelRequest],
    obstacles: &[Mark],
    clutter: Clutter<'_>,
    font_px: f64,
) -> Vec<Label> {
    let requests = requests
        .get(..MAX_LABELS.min(requests.len()))
        .unwrap_or(&[]);
    if requests.is_empty() {
        return Vec::new();
    }
    let grid = Grid::new(obstacles);
    let plain = place(requests, obstacles, &grid, None, font_px);
    if !clutter.is_checked() {
        return plain;
    }
    // A label moved off a line can take the spot the next one needed: the tidier placement
    // is kept only if it still names every mark the plain one does.
    let tidy = place(requests, obstacles, &grid, Some(clutter), font_px);
    if plain.iter().all(|p| tidy.iter().any(|t| t.id == p.id)) {
        tidy
    } else {
        plain
    }
}

fn place(
    requests: &[LabelRequest],
    obstacles: &[Mark],
    grid: &Grid,
    clutter: Option<Clutter<'_>>,
    font_px: f64,
) -> Vec<Label> {
    let height = font_px * LINE;
    let mut placed: Vec<Label> = Vec::with_capacity(requests.len());
    for req in requests {
        let offset = req.r + GAP;
        let candidates = |text: &'static str| {
            let width = text_width(text, font_px);
            [
                (req.x + offset, req.y, Anchor::Start),
                (req.x - offset, req.y, Anchor::End),
                (req.x, req.y - offset - height / 2.0, Anchor::Middle),
                (req.x, req.y + offset + height / 2.0, Anchor::Middle),
            ]
            .map(|(x, y, anchor)| Label {
                id: req.id,
                text,
                x,
                y,
                anchor,
                width,
                height,
                fit_px: 0.0,
            })
        };
        // The whole name, else its short form ("코GPT" for "코GPT (KoGPT6B-ryan1.5b)"), where
        // either covers no mark; a forced label that fits nowhere clear covers fewest marks.
        let whole = candidates(req.text);
        let short = short_name(req.text).map(candidates);
        let spots = whole.iter().chain(short.iter().flatten());
        let fits = |label: &Label| {
            let rect = label.rect();
            req.bounds.contains_rect(&rect) && !placed.iter().any(|p| p.rect().overlaps(&rect))
        };
        let clear = |l: &&Label| fits(l) && !grid.blocks(obstacles, &l.rect(), req);
        let free = clutter
            .and_then(|c| whole.iter().filter(clear).find(|l| !c.covers(&l.rect())))
            .or_else(|| whole.iter().find(clear))
            .or_else(|| {
                let short = short.iter().flatten();
                clutter
                    .and_then(|c| short.clone().filter(clear).find(|l| !c.covers(&l.rect())))
                    .or_else(|| short.clone().find(clear))
            })
            .or_else(|| {
                // Forced: the spot that covers fewest marks (the first, on a tie).
                req.force
                    .then(|| {
                        spots
                            .filter(|l| fits(l))
                            .min_by_key(|l| grid.count(obstacles, &l.rect(), req))
                    })
                    .flatten()
            })
            .copied();
        if let Some(label) = free {
            placed.push(label);
        }
    }
    // Then a lane that is still without a name gets a name cut to the room beside its mark:
    // its models' in order, the first that fits. Only then, so that a cut name never takes
    // the place of a whole one.
    for req in requests.iter().filter(|req| req.cut) {
        let named = |p: &Label| p.id == req.id || req.bounds.contains_rect(&p.rect());
        if placed.iter().any(named) {
            continue;
        }
        let cut = cut_to_room(req, req.r + GAP, height, font_px).filter(|l| {
            let rect = l.rect();
            req.bounds.contains_rect(&rect)
                && !placed.iter().any(|p| p.rect().overlaps(&rect))
                && !grid.blocks(obstacles, &rect, req)
        });
        placed.extend(cut);
    }
    placed
}

/// The label cut to the room on the wider side of its mark, within its bounds; none when that
/// room is under three ems (a cut Latin name of four letters and "…"), where it would no longer
/// say which model it is.
fn cut_to_room(req: &LabelRequest, offset: f64, height: f64, font_px: f64) -> Option<Label> {
    let right = req.bounds.right() - (req.x + offset);
    let left = req.x - offset - req.bounds.x;
    let (x, anchor, room) = if right >= left {
        (req.x + offset, Anchor::Start, right)
    } else {
        (req.x - offset, Anchor::End, left)
    };
    // The room less a pixel, so the cut text's estimate is inside the bounds.
    let fit_px = room - 1.0;
    (fit_px >= 3.0 * font_px * text_scale()).then(|| Label {
        id: req.id,
        text: req.text,
        x,
        y: req.y,
        anchor,
        width: text_width(&fit_name(req.text, fit_px, font_px, 0.5), font_px),
        height,
        fit_px,
    })
}

/// The box of a reference line's label whose right edge and vertical centre are `(right, cy)`.
pub(crate) fn line_label_rect(right: f64, cy: f64, width: f64, font_px: f64) -> Rect {
    let height = font_px * LINE;
    Rect {
        x: right - width,
        y: cy - height / 2.0,
        width,
        height,
    }
}

/// Where the label of a horizontal reference line (GPT-3 at 175B) goes: the text's right
/// edge and vertical centre. It prefers the right end of `plot`, just above the line, then
/// below it, then moves left in 8 px steps until its box covers no mark and no placed label;
/// if no spot is free it stays at the right end above the line (the renderer draws it with a
/// halo, on top, and the timeline drops the model labels under it). Only marks and labels near
/// the line are checked, so 10,000 marks cost one pass.
pub(crate) fn line_label_spot(
    line_y: f64,
    plot: Rect,
    width: f64,
    font_px: f64,
    marks: &[Mark],
    labels: &[Label],
) -> (f64, f64) {
    let height = font_px * LINE;
    let above = line_y - GAP - height / 2.0;
    let below = line_y + GAP + height / 2.0;
    let band = Rect {
        x: plot.x,
        y: above - height / 2.0,
        width: plot.width,
        height: below - above + height,
    };
    let near = |boxes: &mut dyn Iterator<Item = Rect>| -> Vec<Rect> {
        boxes.filter(|r| r.overlaps(&band)).collect()
    };
    let near_marks = near(&mut marks.iter().map(dot_box));
    let near_labels = near(&mut labels.iter().map(Label::rect));
    let first = plot.right() - 4.0;
    // With no free spot: the one over fewest marks (the labels under it give way; the marks
    // cannot), rightmost on a tie.
    let mut best = (usize::MAX, first, above);
    let mut right = first;
    while right - width >= plot.x + 4.0 {
        for cy in [above, below] {
            let spot = Rect {
                x: right - width,
                y: cy - height / 2.0,
                width,
                height,
            };
            if !plot.contains_rect(&spot) {
                continue;
            }
            let covered = near_marks.iter().filter(|r| r.overlaps(&spot)).count();
            if covered == 0 && !near_labels.iter().any(|r| r.overlaps(&spot)) {
                return (right, cy);
            }
            if covered < best.0 {
                best = (covered, right, cy);
            }
        }
        right -= 8.0;
    }
    (best.1, best.2)
}

/// Uniform bucket grid over mark centres, so checking a label box against
/// 10,000 marks only looks at the few nearby. Dense, in one array (cell → run of
/// mark indices); at most `MAX_CELLS` per side, with centres beyond that clamped
/// into the edge cells, which keeps lookups correct because clamping keeps order.
struct Grid {
    x0: f64,
    y0: f64,
    cols: usize,
    rows: usize,
    /// `items[start[c]..start[c + 1]]` are the marks in cell `c`.
    start: Vec<usize>,
    items: Vec<usize>,
    /// Largest mark radius: how far beyond a box to look for centres.
    reach: f64,
}

/// The square a mark covers.
pub(crate) fn dot_box(m: &Mark) -> Rect {
    Rect::around(m.x, m.y, m.r)
}

const CELL: f64 = 32.0;
const MAX_CELLS: usize = 256;

impl Grid {
    fn new(marks: &[Mark]) -> Grid {
        let finite = |m: &&Mark| m.x.is_finite() && m.y.is_finite();
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        let mut reach: f64 = 0.0;
        for m in marks.iter().filter(finite) {
            (x0, y0, x1, y1) = (x0.min(m.x), y0.min(m.y), x1.max(m.x), y1.max(m.y));
            reach = reach.max(m.r);
        }
        let side = |lo: f64, hi: f64| {
            if hi >= lo {
                (((hi - lo) / CELL) as usize + 1).min(MAX_CELLS)
            } else {
                1
            }
        };
        let mut grid = Grid {
            x0,
            y0,
            cols: side(x0, x1),
            rows: side(y0, y1),
            start: Vec::new(),
            items: Vec::new(),
            reach,
        };
        let cells: Vec<(usize, usize)> = marks
            .iter()
            .enumerate()
            .filter(|(_, m)| finite(m))
            .map(|(i, m)| (grid.cell(m.x, m.y), i))
            .collect();
        let mut start = vec![0; grid.cols * grid.rows + 1];
        for (c, _) in &cells {
            if let Some(n) = start.get_mut(c + 1) {
                *n += 1;
            }
        }
        for c in 1..start.len() {
            start[c] += start[c - 1];
        }
        let mut next = start.clone();
        let mut items = vec![0; cells.len()];
        for (c, i) in cells {
            if let Some(slot) = next.get_mut(c) {
                if let Some(item) = items.get_mut(*slot) {
                    *item = i;
                }
                *slot += 1;
            }
        }
        grid.start = start;
        grid.items = items;
        grid
    }

    fn col(&self, x: f64) -> usize {
        // `as` saturates: left of the grid (and NaN) is column 0.
        (((x - self.x0) / CELL).floor().max(0.0) as usize).min(self.cols - 1)
    }

    fn row(&self, y: f64) -> usize {
        (((y - self.y0) / CELL).floor().max(0.0) as usize).min(self.rows - 1)
    }

    fn cell(&self, x: f64, y: f64) -> usize {
        self.row(y) * self.cols + self.col(x)
    }

    fn blocks(&self, marks: &[Mark], rect: &Rect, req: &LabelRequest) -> bool {
        self.covered(marks, rect, req, 1) > 0
    }

    /// How many marks other than the request's own `rect` covers.
    fn count(&self, marks: &[Mark], rect: &Rect, req: &LabelRequest) -> usize {
        self.covered(marks, rect, req, usize::MAX)
    }

    /// The marks `rect` covers, counted up to `limit`.
    fn covered(&self, marks: &[Mark], rect: &Rect, req: &LabelRequest, limit: usize) -> usize {
        let mut n = 0;
        let (c0, c1) = (
            self.col(rect.x - self.reach),
            self.col(rect.right() + self.reach),
        );
        let (r0, r1) = (
            self.row(rect.y - self.reach),
            self.row(rect.bottom() + self.reach),
        );
        for row in r0..=r1 {
            let first = row * self.cols;
            let run = self.start.get(first + c0).copied().unwrap_or(0)
                ..self.start.get(first + c1 + 1).copied().unwrap_or(0);
            let indices = self.items.get(run).unwrap_or(&[]);
            for m in indices.iter().filter_map(|&i| marks.get(i)) {
                if m.id == req.id && m.x == req.x && m.y == req.y {
                    continue;
                }
                if dot_box(m).overlaps(rect) {
                    n += 1;
                    if n >= limit {
                        return n;
                    }
                }
            }
        }
        n
    }
}

#[cfg(test)]
mod fit_tests {
    use super::*;

    /// The plain cut, half the room for the end.
    fn fit_text(text: &str, max_px: f64, font_px: f64) -> std::borrow::Cow<'_, str> {
        cut_middle(text, max_px, font_px, 0.5)
    }

    #[test]
    fn fit_text_cuts_with_an_ellipsis_only_when_needed() {
        assert_eq!(fit_text("EXAONE", 200.0, 12.0), "EXAONE");
        let cut = fit_text("K-EXAONE 2.0 750B-A37B", 60.0, 12.0);
        assert!(cut.contains('…') && text_width(&cut, 12.0) <= 60.0, "{cut}");
        let ko = fit_text("하이퍼클로바X 시드 32B 씽크", 50.0, 12.0);
        // Too narrow for a whole last word: no end, rather than a piece of one ("…크").
        assert_eq!(ko, "하이퍼…");
        // Names of one family stay told apart by their ends.
        let a = fit_text("하이퍼클로바X 시드 0.5B", 90.0, 12.0);
        let b = fit_text("하이퍼클로바X 시드 1.5B", 90.0, 12.0);
        assert_ne!(a, b);
        assert!(a.ends_with("0.5B") && text_width(&a, 12.0) <= 90.0, "{a}");
        // The kept end starts at a word.
        let c = fit_text("엑사원 3.5 (2.4B / 7.8B / 32B)", 110.0, 12.0);
        assert!(c.ends_with("…32B)"), "{c}");
        assert!(text_width(&c, 12.0) <= 110.0, "{c}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::test_rows::dot;

    #[test]
    fn text_width_estimates() {
        assert_eq!(text_width("", 10.0), 0.0);
        assert_eq!(text_width("엑사원", 10.0), 30.0);
        assert_eq!(text_width("2024", 10.0), 24.0);
        assert!((text_width("EXAONE", 10.0) - 34.8).abs() < 1e-9);
        assert!(
            (text_width("믿:음 2.0", 10.0) - (10.0 * 2.0 + 5.8 * 3.0 + 6.0 * 2.0)).abs() < 1e-9
        );
    }

    #[test]
    fn line_label_moves_off_marks_and_labels() {
        let plot = Rect {
            x: 40.0,
            y: 0.0,
            width: 400.0,
            height: 300.0,
        };
        let font = 12.0;
        let (w, h) = (80.0, font * LINE);
        let above = 150.0 - GAP - h / 2.0;
        let below = 150.0 + GAP + h / 2.0;
        // Nothing near the line: right end, above.
        assert_eq!(
            line_label_spot(150.0, plot, w, font, &[], &[]),
            (436.0, above)
        );
        // A mark just above the line at the right end: below the line instead.
        let marks = [dot("a", 420.0, 142.0)];
        assert_eq!(
            line_label_spot(150.0, plot, w, font, &marks, &[]),
            (436.0, below)
        );
        // Marks on both sides of the line at the right end: move left until both clear.
        let marks = [dot("a", 420.0, 142.0), dot("b", 400.0, 158.0)];
        let (right, cy) = line_label_spot(150.0, plot, w, font, &marks, &[]);
        let spot = Rect {
            x: right - w,
            y: cy - h / 2.0,
            width: w,
            height: h,
        };
        assert!(right < 436.0 && plot.contains_rect(&spot));
        assert!(marks.iter().all(|m| !dot_box(m).overlaps(&spot)));
        // A placed mark label counts like a mark.
        let label = Label {
            id: "c",
            text: "c",
            x: 436.0,
            y: above,
            anchor: Anchor::End,
            width: 30.0,
            height: h,
            fit_px: 0.0,
        };
        assert_eq!(
            line_label_spot(150.0, plot, w, font, &[], &[label]),
            (436.0, below)
        );
        // Marks far from the line do not matter.
        let far = [dot("d", 420.0, 20.0)];
        assert_eq!(
            line_label_spot(150.0, plot, w, font, &far, &[]),
            (436.0, above)
        );
        // A crowded line: the spot over fewest marks, here the sparse stretch on the left,
        // not the right end on top of the crowd.
        let crowd: Vec<Mark> = (0..60)
            .filter(|i| !(3..15).contains(i) || i % 4 == 0)
            .flat_map(|i| {
                let x = 40.0 + 7.0 * f64::from(i);
                [dot("u", x, 142.0), dot("v", x, 158.0)]
            })
            .collect();
        let (right, cy) = line_label_spot(150.0, plot, w, font, &crowd, &[]);
        let covered = |right: f64, cy: f64| {
            let spot = Rect {
                x: right - w,
                y: cy - h / 2.0,
                width: w,
                height: h,
            };
            crowd.iter().filter(|m| dot_box(m).overlaps(&spot)).count()
        };
        let fewest = (0..50)
            .map(|k| 436.0 - 8.0 * f64::from(k))
            .filter(|r| r - w >= plot.x + 4.0)
            .flat_map(|r| [covered(r, above), covered(r, below)])
            .min();
        assert_eq!(Some(covered(right, cy)), fewest);
        assert!(
            right < 200.0,
            "the sparse stretch, not the right end: {right}"
        );
    }

    #[test]
    fn label_rect_follows_anchor() {
        let l = Label {
            id: "a",
            text: "a",
            x: 100.0,
            y: 50.0,
            anchor: Anchor::End,
            width: 40.0,
            height: 12.0,
            fit_px: 0.0,
        };
        assert_eq!(
            l.rect(),
            Rect {
                x: 60.0,
                y: 44.0,
                width: 40.0,
                height: 12.0
            }
        );
        let m = Label {
            anchor: Anchor::Middle,
            ..l
        };
        assert_eq!(m.rect().x, 80.0);
    }

    fn req(id: &'static str, x: f64, y: f64, force: bool) -> LabelRequest {
        let bounds = Rect {
            x: 0.0,
            y: 0.0,
            width: 200.0,
            height: 100.0,
        };
        LabelRequest {
            id,
            text: "ABCDE",
            x,
            y,
            r: 5.0,
            bounds,
            force,
            cut: false,
        }
    }

    #[test]
    fn prefers_right_then_left_then_above() {
        let marks = [
            dot("a", 20.0, 50.0),
            dot("b", 190.0, 50.0),
            dot("c", 100.0, 50.0),
            dot("d", 130.0, 50.0),
            dot("e", 80.0, 50.0),
        ];
        let reqs = [
            req("a", 20.0, 50.0, false),
            req("b", 190.0, 50.0, false),
            req("c", 100.0, 50.0, false),
        ];
        let labels = place_labels(&reqs, &marks, 10.0);
        let anchors: Vec<_> = labels.iter().map(|l| (l.id, l.anchor)).collect();
        assert_eq!(
            anchors,
            vec![
                ("a", Anchor::Start),
                ("b", Anchor::End),
                ("c", Anchor::Middle)
            ]
        );
        assert_eq!(labels.get(2).map(|l| l.y), Some(50.0 - 8.0 - 6.0));
    }

    #[test]
    fn skips_labels_that_collide_or_leave_bounds() {
        // Two marks at the same spot: the second label finds every position taken.
        let marks = [dot("a", 100.0, 50.0), dot("b", 100.0, 50.0)];
        let reqs = [req("a", 100.0, 50.0, true), req("b", 100.0, 50.0, true)];
        let labels = place_labels(&reqs, &marks, 10.0);
        let anchors: Vec<_> = labels.iter().map(|l| (l.id, l.anchor)).collect();
        assert_eq!(anchors, vec![("a", Anchor::Start), ("b", Anchor::End)]);
        for (i, a) in labels.iter().enumerate() {
            for b in labels.iter().skip(i + 1) {
                assert!(!a.rect().overlaps(&b.rect()));
            }
        }
        // A box far too wide for the bounds is dropped.
        let wide = LabelRequest {
            text: "a very long label indeed, wider than the plot",
            ..req("a", 100.0, 50.0, true)
        };
        assert_eq!(place_labels(&[wide], &marks, 10.0), vec![]);
        // Unless it may be cut (the lanes): then it is cut to the room on the wider side.
        let cut = place_labels(&[LabelRequest { cut: true, ..wide }], &marks[..1], 10.0);
        let shown: Vec<String> = cut.iter().map(|l| l.shown().into_owned()).collect();
        assert_eq!(shown, ["a very…plot"]);
        assert!(cut.iter().all(|l| wide.bounds.contains_rect(&l.rect())
            && text_width(&l.shown(), 10.0) <= l.width + 1e-9));
    }

    #[test]
    fn cut_names_fit_their_room_at_the_readers_text_spacing() {
        // Measured as `text_width` measures them: the font size times the reader's spacing
        // (here passed in; the process-wide factor stays 1 in tests).
        let name = "luxia-21.4b-alignment-v1.0";
        for em_px in [12.0, 12.0 * 1.3, 12.0 * 2.0] {
            for room in [40.0, 59.0, 90.0, 150.0] {
                let cut = cut_middle_em(name, room, em_px, 0.5);
                let width = cut.chars().map(char_em).sum::<f64>() * em_px;
                assert!(width <= room + 1e-9, "{cut} at {em_px}: {width} > {room}");
                assert!(cut.chars().filter(|c| *c != '…').count() >= 1, "{cut}");
            }
        }
    }

    #[test]
    fn grid_finds_exactly_the_marks_a_box_touches() {
        // Compared with a scan of every mark, over spreads small and huge (the grid then
        // clamps far centres into its edge cells), with non-finite marks that block nothing.
        let mut seed = 7_u64;
        let mut next = |span: f64| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 11) as f64 / (1u64 << 53) as f64 * span
        };
        for span in [50.0, 900.0, 1.0e6] {
            let mut marks: Vec<Mark> = (0..300).map(|_| dot("m", next(span), next(span))).collect();
            marks.push(dot("nan", f64::NAN, 10.0));
            let grid = Grid::new(&marks);
            for _ in 0..300 {
                let rect = Rect {
                    x: next(span) - 20.0,
                    y: next(span) - 20.0,
                    width: next(60.0),
                    height: next(30.0),
                };
                let probe = req("probe", rect.x, rect.y, false);
                let brute = marks
                    .iter()
                    .any(|m| m.x.is_finite() && dot_box(m).overlaps(&rect));
                assert_eq!(grid.blocks(&marks, &rect, &probe), brute, "{span} {rect:?}");
            }
        }
    }

    #[test]
    fn unforced_labels_do_not_cover_marks() {
        // Marks left, right, above and below leave no free position.
        let marks = [
            dot("a", 100.0, 50.0),
            dot("l", 80.0, 50.0),
            dot("r", 120.0, 50.0),
            dot("u", 100.0, 35.0),
            dot("d", 100.0, 65.0),
        ];
        assert_eq!(
            place_labels(&[req("a", 100.0, 50.0, false)], &marks, 10.0),
            vec![]
        );
        let forced = place_labels(&[req("a", 100.0, 50.0, true)], &marks, 10.0);
        assert_eq!(forced.len(), 1);
    }

    #[test]
    fn a_label_that_would_cover_a_mark_drops_its_parenthetical_first() {
        // "Rocket (1.3B / 13B)" on either side or above or below covers a mark; "Rocket" fits
        // to the right, clear of the mark at x = 160.
        let text = "Rocket (1.3B / 13B)";
        let marks = [
            dot("a", 100.0, 50.0),
            dot("r", 160.0, 50.0),
            dot("l", 40.0, 50.0),
            dot("u", 100.0, 35.0),
            dot("d", 100.0, 65.0),
        ];
        for force in [false, true] {
            let labels = place_labels(
                &[LabelRequest {
                    text,
                    ..req("a", 100.0, 50.0, force)
                }],
                &marks,
                10.0,
            );
            let placed: Vec<_> = labels.iter().map(|l| (l.text, l.anchor)).collect();
            assert_eq!(placed, [("Rocket", Anchor::Start)], "forced: {force}");
        }
        // Where the whole name fits clear, it stays whole.
        let labels = place_labels(
            &[LabelRequest {
                text,
                ..req("a", 100.0, 50.0, true)
            }],
            &marks[..1],
            10.0,
        );
        assert_eq!(labels.first().map(|l| l.text), Some(text));
        // Forced, with no clear spot for either form: the short form to the right covers one
        // mark, every whole-name spot covers two or leaves the bounds.
        let crowd = [
            dot("a", 100.0, 50.0),
            dot("r1", 125.0, 50.0),
            dot("r2", 160.0, 50.0),
            dot("l", 40.0, 50.0),
            dot("l2", 80.0, 50.0),
            dot("u", 100.0, 35.0),
            dot("u2", 80.0, 35.0),
            dot("d", 100.0, 65.0),
            dot("d2", 80.0, 65.0),
        ];
        let forced = place_labels(
            &[LabelRequest {
                text,
                ..req("a", 100.0, 50.0, true)
            }],
            &crowd,
            10.0,
        );
        let placed: Vec<_> = forced.iter().map(|l| (l.text, l.anchor)).collect();
        assert_eq!(placed, [("Rocket", Anchor::Start)]);
        assert_eq!(
            place_labels(
                &[LabelRequest {
                    text,
                    ..req("a", 100.0, 50.0, false)
                }],
                &crowd,
                10.0
            ),
            []
        );
        assert_eq!(short_name("코GPT (KoGPT6B-ryan1.5b)"), Some("코GPT"));
        assert_eq!(short_name("(1.3B)"), None);
        assert_eq!(short_name("EXAONE 3.5"), None);
    }

    #[test]
    fn a_forced_label_covers_the_fewest_marks() {
        // Every spot covers a mark: right two, below two, left and above one each.
        let marks = [
            dot("a", 100.0, 50.0),
            dot("r1", 115.0, 50.0),
            dot("r2", 130.0, 50.0),
            dot("l", 85.0, 50.0),
            dot("u", 100.0, 30.0),
            dot("d", 100.0, 70.0),
            dot("d2", 110.0, 70.0),
        ];
        let grid = Grid::new(&marks);
        let probe = req("a", 100.0, 50.0, true);
        let placed = place_labels(&[probe], &marks, 10.0);
        let [label] = placed.as_slice() else {
            panic!("one forced label: {placed:?}");
        };
        let n = grid.count(&marks, &label.rect(), &probe);
        // No other spot covers fewer.
        for (x, y, anchor) in [
            (108.0, 50.0, Anchor::Start),
            (92.0, 50.0, Anchor::End),
            (100.0, 36.0, Anchor::Middle),
            (100.0, 64.0, Anchor::Middle),
        ] {
            let other = Label {
                x,
                y,
                anchor,
                ..*label
            };
            if probe.bounds.contains_rect(&other.rect()) {
                assert!(
                    n <= grid.count(&marks, &other.rect(), &probe),
                    "{label:?} vs {other:?}"
                );
            }
        }
    }

    #[test]
    fn keeping_off_clutter_never_costs_a_mark_its_label() {
        let mut seed = 0x2545_f491_u64;
        let mut next = |span: f64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 11) as f64 / (1u64 << 53) as f64 * span
        };
        for round in 0..200 {
            let n = 3 + round % 25;
            let ids: Vec<&'static str> = (0..n)
                .map(|i| &*Box::leak(format!("m{i}").into_boxed_str()))
                .collect();
            let marks: Vec<Mark> = ids
                .iter()
                .map(|id| dot(id, next(200.0), next(100.0)))
                .collect();
            let reqs: Vec<LabelRequest> = marks
                .iter()
                .map(|m| req(m.id, m.x, m.y, next(1.0) < 0.1))
                .collect();
            let lines: Vec<[f64; 4]> = (0..round % 12)
                .map(|_| [next(200.0), next(100.0), next(200.0), next(100.0)])
                .collect();
            let clutter = Clutter {
                lines: &lines,
                boxes: &[],
            };
            let plain = place_labels(&reqs, &marks, 10.0);
            let tidy = place_labels_in(&reqs, &marks, clutter, 10.0);
            for p in &plain {
                assert!(
                    tidy.iter().any(|t| t.id == p.id),
                    "round {round}: {} lost its label",
                    p.id
                );
            }
        }
    }

    #[test]
    fn segments_cross_boxes_exactly() {
        let r = Rect {
            x: 10.0,
            y: 10.0,
            width: 20.0,
            height: 10.0,
        };
        assert!(crosses(&r, [0.0, 15.0, 40.0, 15.0]), "straight through");
        assert!(crosses(&r, [20.0, 0.0, 20.0, 12.0]), "ends inside");
        assert!(crosses(&r, [0.0, 0.0, 40.0, 30.0]), "diagonal");
        assert!(!crosses(&r, [0.0, 0.0, 8.0, 30.0]), "left of it");
        assert!(!crosses(&r, [0.0, 30.0, 40.0, 22.0]), "below it");
        assert!(!crosses(&r, [0.0, 0.0, 9.0, 40.0]), "passes the corner");
        assert!(
            crosses(&r, [f64::NAN, 0.0, 1.0, 1.0]),
            "NaN only loses the preference"
        );
    }

    #[test]
    fn labels_keep_clear_of_lines_and_ghosts_when_they_can_and_are_never_lost_to_them() {
        let marks = [dot("a", 100.0, 50.0)];
        let probe = req("a", 100.0, 50.0, false);
        let place = |lines: &[[f64; 4]], boxes: &[Rect]| {
            place_labels_in(&[probe], &marks, Clutter { lines, boxes }, 10.0)
        };
        // Without clutter: right of the mark.
        assert_eq!(place(&[], &[])[0].anchor, Anchor::Start);
        // A lineage link leaving to the right: the label goes left.
        let right = [[100.0, 50.0, 190.0, 52.0]];
        assert_eq!(place(&right, &[])[0].anchor, Anchor::End);
        // A ghost on the left as well: above.
        let ghost = [Rect {
            x: 60.0,
            y: 45.0,
            width: 10.0,
            height: 10.0,
        }];
        let above = place(&right, &ghost);
        assert_eq!(above[0].anchor, Anchor::Middle);
        assert!(above[0].y < 50.0);
        // Clutter everywhere: still labelled, where it would have been without it.
        let cage = [
            [0.0, 40.0, 200.0, 40.0],
            [0.0, 60.0, 200.0, 60.0],
            [70.0, 0.0, 70.0, 100.0],
            [130.0, 0.0, 130.0, 100.0],
        ];
        assert_eq!(place(&cage, &[]), place(&[], &[]));
    }
}

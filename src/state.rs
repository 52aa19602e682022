//! The view state (everything a reader chose) and the reducer that changes it.
//!
//! The whole state is serialised into the URL by `crate::url`, so every field
//! here has a stable id and a default that is never written. Derived things
//! (the filtered list, facet counts, chart geometry) live elsewhere and are
//! computed from this value, never stored in it.

use crate::set::Set;
use std::rc::Rc;

use crate::model::{is_hidden, Arch, Date, Modality, Sector, Status, Weights};

use crate::model::id_enum as state_enum;

state_enum!(
    /// UI language.
    Lang { Ko = "ko", En = "en" }
);

state_enum!(
    /// Which main view is shown.
    #[derive(Default)]
    View {
        #[default]
        Timeline = "timeline",
        Ranking = "ranking",
        Lanes = "lanes",
        Table = "table",
    }
);

state_enum!(
    /// What mark colour encodes. (The chart module may have its own; the lead reconciles.)
    #[derive(Default)]
    ColorBy {
        #[default]
        Sector = "sector",
        Org = "org",
    }
);

state_enum!(
    /// Colour scheme; `Auto` follows `prefers-color-scheme` and is never written to the URL.
    #[derive(Default)]
    Theme {
        #[default]
        Auto = "auto",
        Light = "light",
        Dark = "dark",
    }
);

state_enum!(
    /// Size classes of the story: lightweight, mid, hyperscale (초거대), undisclosed.
    SizeClass {
        /// < 10B
        Small = "small",
        /// 10B ≤ size < 100B
        Mid = "mid",
        /// ≥ 100B (초거대)
        Hyperscale = "hyperscale",
        /// No public figure.
        Undisclosed = "undisclosed",
    }
);

impl SizeClass {
    /// The class of a size in billions (`None` = undisclosed).
    pub fn of(value_b: Option<f64>) -> SizeClass {
        match value_b {
            None => SizeClass::Undisclosed,
            Some(v) if v >= 100.0 => SizeClass::Hyperscale,
            Some(v) if v >= 10.0 => SizeClass::Mid,
            Some(_) => SizeClass::Small,
        }
    }
}

/// A closed or half-open interval; `None` ends are open. Both ends are inclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Range<T> {
    pub min: Option<T>,
    pub max: Option<T>,
}

impl<T> Range<T> {
    /// The unbounded range (no constraint).
    pub const ANY: Range<T> = Range {
        min: None,
        max: None,
    };

    pub const fn new(min: Option<T>, max: Option<T>) -> Self {
        Range { min, max }
    }

    pub const fn is_any(&self) -> bool {
        self.min.is_none() && self.max.is_none()
    }
}

impl<T> Default for Range<T> {
    fn default() -> Self {
        Range::ANY
    }
}

/// The filter facets. Within one facet the selected values are OR-ed (an empty
/// selection means "no constraint"); different facets are AND-ed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filters {
    pub sectors: Set<Sector>,
    /// Organisation ids.
    pub orgs: Set<&'static str>,
    pub modalities: Set<Modality>,
    /// Open weights / licence (URL key `open`).
    pub weights: Set<Weights>,
    pub archs: Set<Arch>,
    pub sizes: Set<SizeClass>,
    /// Total parameters in billions.
    pub params: Range<f64>,
    /// Release date range (URL writes `YYYY-MM`; any precision round-trips).
    pub date: Range<Date>,
    /// ISO 639-1 language codes.
    pub langs: Set<&'static str>,
    pub status: Set<Status>,
    /// Only models named in the 2023 article.
    pub article: bool,
    /// Free-text search (at most [`MAX_QUERY_CHARS`] characters).
    pub query: String,
}

impl Filters {
    /// True when no filter is set (the query included).
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }

    /// How many facets have a constraint (for a "clear all (n)" button); the query counts as one.
    pub fn active_count(&self) -> usize {
        Facet::ALL.iter().filter(|f| !self.is_clear(**f)).count()
            + usize::from(!self.query.is_empty())
    }

    /// True when this facet has no constraint.
    pub fn is_clear(&self, facet: Facet) -> bool {
        match facet {
            Facet::Sector => self.sectors.is_empty(),
            Facet::Org => self.orgs.is_empty(),
            Facet::Modality => self.modalities.is_empty(),
            Facet::Weights => self.weights.is_empty(),
            Facet::Arch => self.archs.is_empty(),
            Facet::Size => self.sizes.is_empty(),
            Facet::Lang => self.langs.is_empty(),
            Facet::Status => self.status.is_empty(),
            Facet::Article => !self.article,
            Facet::Params => self.params.is_any(),
            Facet::Date => self.date.is_any(),
        }
    }

    /// Whether this value is currently selected.
    pub fn has(&self, value: FacetValue) -> bool {
        match value {
            FacetValue::Sector(v) => self.sectors.contains(&v),
            FacetValue::Org(v) => self.orgs.contains(v),
            FacetValue::Modality(v) => self.modalities.contains(&v),
            FacetValue::Weights(v) => self.weights.contains(&v),
            FacetValue::Arch(v) => self.archs.contains(&v),
            FacetValue::Size(v) => self.sizes.contains(&v),
            FacetValue::Lang(v) => self.langs.contains(v),
            FacetValue::Status(v) => self.status.contains(&v),
            FacetValue::Article => self.article,
        }
    }

    fn clear(&mut self, facet: Facet) {
        match facet {
            Facet::Sector => self.sectors.clear(),
            Facet::Org => self.orgs.clear(),
            Facet::Modality => self.modalities.clear(),
            Facet::Weights => self.weights.clear(),
            Facet::Arch => self.archs.clear(),
            Facet::Size => self.sizes.clear(),
            Facet::Lang => self.langs.clear(),
            Facet::Status => self.status.clear(),
            Facet::Article => self.article = false,
            Facet::Params => self.params = Range::ANY,
            Facet::Date => self.date = Range::ANY,
        }
    }

    fn toggle(&mut self, value: FacetValue) {
        fn flip<T: Ord>(set: &mut Set<T>, v: T) {
            if set.contains(&v) {
                set.remove(&v);
            } else {
                set.insert(v);
            }
        }
        match value {
            FacetValue::Sector(v) => flip(&mut self.sectors, v),
            FacetValue::Org(v) => flip(&mut self.orgs, v),
            FacetValue::Modality(v) => flip(&mut self.modalities, v),
            FacetValue::Weights(v) => flip(&mut self.weights, v),
            FacetValue::Arch(v) => flip(&mut self.archs, v),
            FacetValue::Size(v) => flip(&mut self.sizes, v),
            FacetValue::Lang(v) => flip(&mut self.langs, v),
            FacetValue::Status(v) => flip(&mut self.status, v),
            FacetValue::Article => self.article = !self.article,
        }
    }
}

state_enum!(
    /// A filter dimension. The ids are the URL keys.
    Facet {
        Sector = "sector",
        Org = "org",
        Modality = "modality",
        Weights = "open",
        Arch = "arch",
        Size = "size",
        Lang = "langs",
        Status = "status",
        /// "Named in the 2023 article" (a single on/off value).
        Article = "article",
        /// Parameter range (no countable values).
        Params = "params",
        /// Release-date range (no countable values).
        Date = "date",
    }
);

/// One selectable value of a countable facet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FacetValue {
    Sector(Sector),
    Org(&'static str),
    Modality(Modality),
    Weights(Weights),
    Arch(Arch),
    Size(SizeClass),
    Lang(&'static str),
    Status(Status),
    Article,
}

impl FacetValue {
    pub fn facet(self) -> Facet {
        match self {
            FacetValue::Sector(_) => Facet::Sector,
            FacetValue::Org(_) => Facet::Org,
            FacetValue::Modality(_) => Facet::Modality,
            FacetValue::Weights(_) => Facet::Weights,
            FacetValue::Arch(_) => Facet::Arch,
            FacetValue::Size(_) => Facet::Size,
            FacetValue::Lang(_) => Facet::Lang,
            FacetValue::Status(_) => Facet::Status,
            FacetValue::Article => Facet::Article,
        }
    }

    /// The value's stable id (as in the URL; `"1"` for the article switch).
    pub fn id(self) -> &'static str {
        match self {
            FacetValue::Sector(v) => v.id(),
            FacetValue::Org(v) | FacetValue::Lang(v) => v,
            FacetValue::Modality(v) => v.id(),
            FacetValue::Weights(v) => v.id(),
            FacetValue::Arch(v) => v.id(),
            FacetValue::Size(v) => v.id(),
            FacetValue::Status(v) => v.id(),
            FacetValue::Article => "1",
        }
    }
}

/// Compare holds at most this many pinned models.
pub const MAX_COMPARE: usize = 4;
/// Longest search query kept (longer input is cut, here and in the URL parser).
pub const MAX_QUERY_CHARS: usize = 200;

/// Everything a reader chose. `Default` is the default view (empty URL query).
#[derive(Clone, Debug, PartialEq)]
pub struct ViewState {
    /// `None` follows the browser language.
    pub lang: Option<Lang>,
    pub view: View,
    pub filters: Filters,
    /// "As of" date; `None` = today (everything shown).
    pub asof: Option<Date>,
    /// Event markers shown (URL `events=0` hides them).
    pub events: bool,
    /// The model whose detail card is open (URL `sel`).
    pub selected: Option<&'static str>,
    /// Pinned model ids in pin order, oldest first, at most [`MAX_COMPARE`] (URL `cmp`).
    pub compare: Vec<&'static str>,
    pub color: ColorBy,
    pub theme: Theme,
    pub embed: bool,
}

impl Default for ViewState {
    fn default() -> Self {
        ViewState {
            lang: None,
            view: View::Timeline,
            filters: Filters::default(),
            asof: None,
            events: true,
            selected: None,
            compare: Vec::new(),
            color: ColorBy::Sector,
            theme: Theme::Auto,
            embed: false,
        }
    }
}

/// Everything a reader can do to the view state.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetView(View),
    /// Select or unselect one facet value.
    Toggle(FacetValue),
    /// Clear one facet (including the params and date ranges).
    ClearFacet(Facet),
    /// Clear every filter and the search query (view, selection, compare… are kept).
    ClearFilters,
    /// Set the search text (cut to [`MAX_QUERY_CHARS`] characters).
    SetQuery(String),
    SetParams(Range<f64>),
    SetDate(Range<Date>),
    SetAsOf(Option<Date>),
    ToggleEvents,
    SetEvents(bool),
    /// Open (`Some`) or close (`None`) a model's detail card. Ids must already be resolved.
    Select(Option<&'static str>),
    /// Pin a model for comparison. Already pinned: no change. When [`MAX_COMPARE`]
    /// models are pinned, the oldest pin is dropped to make room.
    Pin(&'static str),
    Unpin(&'static str),
    /// Pin if not pinned, unpin otherwise.
    TogglePin(&'static str),
    ClearCompare,
    SetLang(Option<Lang>),
    SetTheme(Theme),
    SetColor(ColorBy),
    SetEmbed(bool),
    /// Replace the whole state (popstate, reload from URL).
    Replace(Box<ViewState>),
}

/// Largest parameter bound kept, in billions (10¹⁵ parameters): beyond it a bound would no
/// longer be written exactly in a link (16+ significant digits).
pub const MAX_PARAMS_B: f64 = 1_000_000.0;

/// A parameter bound as links carry it: finite, not negative, at most [`MAX_PARAMS_B`],
/// to 0.001B (a million parameters); `None` for what cannot be one.
pub fn param_bound(v: f64) -> Option<f64> {
    let v = Some(v)
        .filter(|x| x.is_finite() && *x >= 0.0)?
        .min(MAX_PARAMS_B);
    crate::format::parse_decimal(&crate::format::trimmed(v).to_string(), 3)
}

/// A search text as search and links both read it: tabs and line breaks (pasted from a
/// spreadsheet) become spaces; other control and bidi-formatting characters go.
pub fn clean_query(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\t' | '\n' | '\r' => Some(' '),
            _ if is_hidden(c) => None,
            _ => Some(c),
        })
        .collect()
}

/// The search text the reader typed, as it is kept: cut to [`MAX_QUERY_CHARS`], then
/// [`clean_query`].
pub fn searched(typed: &str) -> String {
    clean_query(truncate_chars(typed, MAX_QUERY_CHARS))
}

/// Where the caret belongs in [`searched`]`(typed)` when it was at `caret` in `typed`: after
/// the same characters. Both are counted in UTF-16 code units, as the DOM counts them.
pub fn searched_caret(typed: &str, caret: u32) -> u32 {
    let mut units = 0;
    let end = typed
        .char_indices()
        .find(|(_, c)| {
            let past = units >= caret;
            units += c.len_utf16() as u32;
            past
        })
        .map_or(typed.len(), |(at, _)| at);
    let before = searched(typed.get(..end).unwrap_or(typed));
    before.encode_utf16().count() as u32
}

/// Cuts `text` to at most `max` characters.
pub fn truncate_chars(text: &str, max: usize) -> &str {
    match text.char_indices().nth(max) {
        Some((at, _)) => text.get(..at).unwrap_or(text),
        None => text,
    }
}

impl ViewState {
    /// A default view with only these filters and "as of" date: what the
    /// filter functions read, so memos can key on just these two.
    pub fn for_filters(filters: &Filters, asof: Option<Date>) -> ViewState {
        ViewState {
            filters: filters.clone(),
            asof,
            ..ViewState::default()
        }
    }

    /// Applies one action, returning the new state (equal to `self` when nothing changed).
    pub fn apply(&self, action: Action) -> ViewState {
        let mut next = self.clone();
        next.apply_in_place(action);
        next
    }

    fn apply_in_place(&mut self, action: Action) {
        match action {
            Action::SetView(v) => self.view = v,
            Action::Toggle(v) => self.filters.toggle(v),
            Action::ClearFacet(f) => self.filters.clear(f),
            Action::ClearFilters => self.filters = Filters::default(),
            Action::SetQuery(q) => {
                self.filters.query = searched(&q);
            }
            // What the reader sets is what a link can carry: the URL parser refuses NaN,
            // negative, oversized and inverted bounds, so they are dropped, capped or swapped.
            Action::SetParams(r) => {
                let (min, max) = (r.min.and_then(param_bound), r.max.and_then(param_bound));
                self.filters.params = match (min, max) {
                    (Some(lo), Some(hi)) if lo > hi => Range::new(max, min),
                    _ => Range::new(min, max),
                };
            }
            Action::SetDate(r) => {
                self.filters.date = if crate::filter::is_inverted(&r) {
                    Range::new(r.max, r.min)
                } else {
                    r
                };
            }
            Action::SetAsOf(d) => self.asof = d,
            Action::ToggleEvents => self.events = !self.events,
            Action::SetEvents(on) => self.events = on,
            Action::Select(id) => self.selected = id,
            Action::Pin(id) => self.pin(id),
            Action::Unpin(id) => self.compare.retain(|c| *c != id),
            Action::TogglePin(id) => {
                if self.compare.contains(&id) {
                    self.compare.retain(|c| *c != id);
                } else {
                    self.pin(id);
                }
            }
            Action::ClearCompare => self.compare.clear(),
            Action::SetLang(l) => self.lang = l,
            Action::SetTheme(t) => self.theme = t,
            Action::SetColor(c) => self.color = c,
            Action::SetEmbed(e) => self.embed = e,
            Action::Replace(s) => *self = *s,
        }
    }

    fn pin(&mut self, id: &'static str) {
        if self.compare.contains(&id) {
            return;
        }
        while self.compare.len() >= MAX_COMPARE {
            self.compare.remove(0);
        }
        self.compare.push(id);
    }
}

/// The reducer: a new state for `action`.
pub fn reduce(state: &ViewState, action: Action) -> ViewState {
    state.apply(action)
}

/// The reducer for `Rc` state (Yew's `Reducible`): returns the same `Rc` when
/// nothing changed, so Yew skips the re-render.
pub fn reduce_rc(state: Rc<ViewState>, action: Action) -> Rc<ViewState> {
    let next = state.apply(action);
    if next == *state {
        state
    } else {
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_view() {
        let s = ViewState::default();
        assert_eq!(s.view, View::Timeline);
        assert!(s.events);
        assert_eq!(s.theme, Theme::Auto);
        assert_eq!(s.color, ColorBy::Sector);
        assert!(s.filters.is_empty());
        assert_eq!(s.filters.active_count(), 0);
    }

    #[test]
    fn toggle_and_clear_facets() {
        let s = ViewState::default();
        let s = reduce(&s, Action::Toggle(FacetValue::Sector(Sector::Telecom)));
        let s = reduce(&s, Action::Toggle(FacetValue::Org("kt")));
        let s = reduce(&s, Action::Toggle(FacetValue::Article));
        assert!(s.filters.has(FacetValue::Sector(Sector::Telecom)));
        assert!(s.filters.article);
        assert_eq!(s.filters.active_count(), 3);
        let s = reduce(&s, Action::Toggle(FacetValue::Sector(Sector::Telecom)));
        assert!(s.filters.sectors.is_empty());
        let s = reduce(&s, Action::ClearFacet(Facet::Org));
        assert!(s.filters.orgs.is_empty());
        let s = reduce(
            &s,
            Action::SetParams(Range::new(Some(10.0), Some(f64::NAN))),
        );
        assert_eq!(s.filters.params, Range::new(Some(10.0), None));
        let s = reduce(&s, Action::SetQuery("엑사원".into()));
        let s = reduce(&s, Action::ClearFilters);
        assert!(s.filters.is_empty());
    }

    #[test]
    fn pinning_a_fifth_drops_the_oldest() {
        let mut s = ViewState::default();
        for id in ["a", "b", "c", "d", "b", "e"] {
            s = reduce(&s, Action::Pin(id));
        }
        assert_eq!(s.compare, vec!["b", "c", "d", "e"]);
        let s = reduce(&s, Action::TogglePin("c"));
        assert_eq!(s.compare, vec!["b", "d", "e"]);
        let s = reduce(&s, Action::Unpin("zzz"));
        assert_eq!(s.compare.len(), 3);
    }

    #[test]
    fn unchanged_state_keeps_the_same_rc() {
        let s = Rc::new(ViewState::default());
        let same = reduce_rc(Rc::clone(&s), Action::SetView(View::Timeline));
        assert!(Rc::ptr_eq(&s, &same));
        let changed = reduce_rc(Rc::clone(&s), Action::SetView(View::Table));
        assert!(!Rc::ptr_eq(&s, &changed));
        let replaced = reduce_rc(changed, Action::Replace(Box::default()));
        assert_eq!(*replaced, ViewState::default());
    }

    #[test]
    fn query_is_cut_to_the_limit() {
        let s = reduce(&ViewState::default(), Action::SetQuery("가".repeat(500)));
        assert_eq!(s.filters.query.chars().count(), MAX_QUERY_CHARS);
    }

    #[test]
    fn the_caret_stays_after_what_was_typed_before_it() {
        // A tab pasted in the middle: the same length, the caret where it was.
        assert_eq!(searched("exaone\tkt lg"), "exaone kt lg");
        assert_eq!(searched_caret("exaone\tkt lg", 9), 9);
        // A dropped bidi mark before the caret moves it back by one unit; one after it, not.
        assert_eq!(searched_caret("a\u{202E}b|c", 3), 2);
        assert_eq!(searched_caret("ab\u{202E}c", 2), 2);
        // UTF-16 units: a Hangul syllable is one, an emoji two.
        assert_eq!(searched_caret("엑사원\t😀x", 6), 6);
        assert_eq!(searched_caret("\u{200F}😀x", 3), 2);
        // Past the end, and past the length limit.
        assert_eq!(searched_caret("ab", 9), 2);
        let long = "가".repeat(MAX_QUERY_CHARS + 10);
        assert_eq!(searched_caret(&long, 205), MAX_QUERY_CHARS as u32);
    }
}

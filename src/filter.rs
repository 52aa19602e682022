//! Which models the current filters keep, and faceted counts. Pure.
//!
//! Semantics (also what the UI promises):
//! - within one facet, selected values are OR-ed; facets are AND-ed; an empty facet is no constraint;
//! - a model released in several sizes (`sizes_b`) belongs to every size class one of its sizes
//!   (or its total) falls in, and matches a parameter range when its size span overlaps it;
//!   a model with no disclosed size never matches a parameter range and is in class `undisclosed`;
//! - the date range and the model's date are spans (a `2023` model covers the whole year); they
//!   match when they overlap;
//! - a facet value's count is how many models would be shown with that value selected, given every
//!   *other* filter (standard faceted search: the facet's own selection is ignored).
//!
//! The search text is matched by a predicate. The plain functions match the row's own strings
//! (English and Korean names, family id, organisation id, model id); the `_with` variants take
//! the predicate, so the caller can add organisation and family display names, e.g.
//! `let q = search::Query::new(&state.filters.query);
//!  filtered_with(models, &state, &|m| q.matches(&[m.name_en, m.name_ko, org.name_en, org.name_ko]))`.

use crate::set::Set;

use crate::model::{Arch, Date, Modality, Model, Sector, Status, Weights};
use crate::search::Query;
use crate::state::{Facet, FacetValue, Filters, Range, SizeClass, ViewState};

/// The first day a date could stand for (`2023-08` → 2023-08-01, `2023` → 2023-01-01).
pub fn earliest_day(d: Date) -> Date {
    Date {
        year: d.year,
        month: d.month.max(1),
        day: d.day.max(1),
    }
}

/// Whether a date range ends before it starts (`2024..2023`), each end read at its own
/// precision: what links refuse and the reducer swaps.
pub fn is_inverted(r: &Range<Date>) -> bool {
    match (r.min, r.max) {
        (Some(lo), Some(hi)) => earliest_day(lo) > hi.latest_day(),
        _ => false,
    }
}

/// Whether a model existed on the "as of" date: its earliest possible day is on or before
/// the last day `asof` stands for. `None` (today) shows everything, including announced
/// models dated in the future.
pub fn visible_at(m: &Model, asof: Option<Date>) -> bool {
    happened_by(m.date, asof)
}

/// Whether something dated `date` could have happened by the "as of" date (models, events).
pub fn happened_by(date: Date, asof: Option<Date>) -> bool {
    asof.is_none_or(|a| earliest_day(date) <= a.latest_day())
}

/// The row's own searchable strings.
pub fn row_haystacks(m: &Model) -> [&'static str; 5] {
    [m.name_en, m.name_ko, m.family.unwrap_or(""), m.org, m.id]
}

/// Smallest and largest disclosed size in billions (total and every shipped size).
pub fn size_span(m: &Model) -> Option<(f64, f64)> {
    m.sizes_b
        .iter()
        .copied()
        .chain(m.total.value_b)
        .filter(|v| v.is_finite())
        .fold(None, |acc, v| match acc {
            None => Some((v, v)),
            Some((lo, hi)) => Some((f64::min(lo, v), f64::max(hi, v))),
        })
}

/// The size classes of a model, as a bit set indexed by `SizeClass as usize`.
fn size_bits(m: &Model) -> u8 {
    let mut bits = 0u8;
    for v in m
        .sizes_b
        .iter()
        .copied()
        .chain(m.total.value_b)
        .filter(|v| v.is_finite())
    {
        bits |= 1 << (SizeClass::of(Some(v)) as u8);
    }
    if bits == 0 {
        bits = 1 << (SizeClass::Undisclosed as u8);
    }
    bits
}

fn params_match(range: &Range<f64>, m: &Model) -> bool {
    if range.is_any() {
        return true;
    }
    size_span(m).is_some_and(|(lo, hi)| {
        range.min.is_none_or(|min| hi >= min) && range.max.is_none_or(|max| lo <= max)
    })
}

fn date_match(range: &Range<Date>, m: &Model) -> bool {
    range
        .min
        .is_none_or(|min| m.date.latest_day() >= earliest_day(min))
        && range
            .max
            .is_none_or(|max| earliest_day(m.date) <= max.latest_day())
}

fn bit(facet: Facet) -> u16 {
    1 << (facet as u16)
}

/// Bit set of the facets `m` fails.
fn failing(f: &Filters, m: &Model) -> u16 {
    let mut mask = 0;
    let mut check = |facet: Facet, ok: bool| {
        if !ok {
            mask |= bit(facet);
        }
    };
    check(
        Facet::Sector,
        f.sectors.is_empty() || f.sectors.contains(&m.sector),
    );
    check(Facet::Org, f.orgs.is_empty() || f.orgs.contains(m.org));
    check(
        Facet::Modality,
        f.modalities.is_empty() || m.modalities.iter().any(|x| f.modalities.contains(x)),
    );
    check(
        Facet::Weights,
        f.weights.is_empty() || f.weights.contains(&m.weights),
    );
    check(Facet::Arch, f.archs.is_empty() || f.archs.contains(&m.arch));
    check(
        Facet::Size,
        f.sizes.is_empty() || {
            let bits = size_bits(m);
            f.sizes.iter().any(|s| bits & (1 << (*s as u8)) != 0)
        },
    );
    check(
        Facet::Lang,
        f.langs.is_empty() || m.languages.iter().any(|l| f.langs.contains(l)),
    );
    check(
        Facet::Status,
        f.status.is_empty() || f.status.contains(&m.status),
    );
    check(Facet::Article, !f.article || m.in_article);
    check(Facet::Params, params_match(&f.params, m));
    check(Facet::Date, date_match(&f.date, m));
    mask
}

impl Filters {
    /// Whether `m` passes every filter, the search text included (matched against the row's
    /// own strings). For many rows prefer [`filtered`], which prepares the query once.
    pub fn matches(&self, m: &Model) -> bool {
        failing(self, m) == 0 && Query::new(&self.query).matches(&row_haystacks(m))
    }
}

/// The models the state shows (filters, search and "as of"), in input order.
pub fn filtered(models: &[&'static Model], state: &ViewState) -> Vec<&'static Model> {
    let q = Query::new(&state.filters.query);
    filtered_with(models, state, &|m| q.matches(&row_haystacks(m)))
}

/// [`filtered`] with a caller-supplied search predicate (called only when the query is not empty).
pub fn filtered_with(
    models: &[&'static Model],
    state: &ViewState,
    text: &dyn Fn(&Model) -> bool,
) -> Vec<&'static Model> {
    let has_query = !state.filters.query.trim().is_empty();
    models
        .iter()
        .copied()
        .filter(|m| {
            visible_at(m, state.asof) && failing(&state.filters, m) == 0 && (!has_query || text(m))
        })
        .collect()
}

/// Counts for one facet: every value with how many models it would show, given the other filters.
/// Enum facets list all their values (zero counts included) in id order; organisations and
/// languages list every value present in `models` plus any selected one, sorted by id (Korean
/// and English first among languages).
/// `Params` and `Date` have no countable values and give an empty list.
pub fn facet_counts(
    models: &[&'static Model],
    state: &ViewState,
    facet: Facet,
) -> Vec<(FacetValue, usize)> {
    let q = Query::new(&state.filters.query);
    facet_counts_with(models, state, facet, &|m| q.matches(&row_haystacks(m)))
}

/// [`facet_counts`] with a caller-supplied search predicate.
pub fn facet_counts_with(
    models: &[&'static Model],
    state: &ViewState,
    facet: Facet,
    text: &dyn Fn(&Model) -> bool,
) -> Vec<(FacetValue, usize)> {
    let masks = masks(models, state, text);
    count_facet(models, &masks, &state.filters, facet)
}

/// Every countable facet with its values' counts, in [`Facet::ALL`] order.
pub type AllCounts = Vec<(Facet, Vec<(FacetValue, usize)>)>;

/// Counts for every countable facet in one pass over the models.
pub fn all_facet_counts(models: &[&'static Model], state: &ViewState) -> AllCounts {
    let q = Query::new(&state.filters.query);
    all_facet_counts_with(models, state, &|m| q.matches(&row_haystacks(m)))
}

/// [`all_facet_counts`] with a caller-supplied search predicate.
pub fn all_facet_counts_with(
    models: &[&'static Model],
    state: &ViewState,
    text: &dyn Fn(&Model) -> bool,
) -> AllCounts {
    let masks = masks(models, state, text);
    Facet::ALL
        .iter()
        .filter(|f| !matches!(f, Facet::Params | Facet::Date))
        .map(|&f| (f, count_facet(models, &masks, &state.filters, f)))
        .collect()
}

/// Models hidden by "as of" or the search text fail everything.
const HIDDEN: u16 = u16::MAX;

fn masks(models: &[&'static Model], state: &ViewState, text: &dyn Fn(&Model) -> bool) -> Vec<u16> {
    let has_query = !state.filters.query.trim().is_empty();
    models
        .iter()
        .map(|m| {
            if !visible_at(m, state.asof) || (has_query && !text(m)) {
                HIDDEN
            } else {
                failing(&state.filters, m)
            }
        })
        .collect()
}

/// Adds one to the count of `id` among the sorted `keys`.
fn bump_id(keys: &Set<&'static str>, counts: &mut [usize], id: &str) {
    if let Some(i) = keys.iter().position(|k| *k == id) {
        bump(counts, i);
    }
}

/// Adds one to `counts[value as usize]`.
fn bump(counts: &mut [usize], index: usize) {
    if let Some(c) = counts.get_mut(index) {
        *c += 1;
    }
}

/// For the enum facets: the set of value indexes (in `ALL` order) that `m` has, as bits.
fn enum_bits(facet: Facet, m: &Model) -> u32 {
    let one = |index: usize| 1u32 << index;
    match facet {
        Facet::Sector => one(m.sector as usize),
        // A modality listed twice still counts once.
        Facet::Modality => m
            .modalities
            .iter()
            .fold(0, |bits, x| bits | one(*x as usize)),
        Facet::Weights => one(m.weights as usize),
        Facet::Arch => one(m.arch as usize),
        Facet::Size => u32::from(size_bits(m)),
        Facet::Status => one(m.status as usize),
        _ => 0,
    }
}

/// The enum facet's value at `index` of its `ALL` list.
fn enum_value(facet: Facet, index: usize) -> Option<FacetValue> {
    match facet {
        Facet::Sector => Sector::ALL.get(index).map(|v| FacetValue::Sector(*v)),
        Facet::Modality => Modality::ALL.get(index).map(|v| FacetValue::Modality(*v)),
        Facet::Weights => Weights::ALL.get(index).map(|v| FacetValue::Weights(*v)),
        Facet::Arch => Arch::ALL.get(index).map(|v| FacetValue::Arch(*v)),
        Facet::Size => SizeClass::ALL.get(index).map(|v| FacetValue::Size(*v)),
        Facet::Status => Status::ALL.get(index).map(|v| FacetValue::Status(*v)),
        _ => None,
    }
}

fn count_facet(
    models: &[&'static Model],
    masks: &[u16],
    f: &Filters,
    facet: Facet,
) -> Vec<(FacetValue, usize)> {
    let others = !bit(facet);
    let candidates = models
        .iter()
        .zip(masks)
        .filter(|(_, mask)| **mask & others == 0)
        .map(|(m, _)| *m);
    match facet {
        Facet::Params | Facet::Date => Vec::new(),
        // One loop for every enum facet (one copy of it in the bundle, not six).
        Facet::Sector
        | Facet::Modality
        | Facet::Weights
        | Facet::Arch
        | Facet::Size
        | Facet::Status => {
            let mut counts = [0usize; 32];
            for m in candidates {
                let mut bits = enum_bits(facet, m);
                while bits != 0 {
                    bump(&mut counts, bits.trailing_zeros() as usize);
                    bits &= bits - 1;
                }
            }
            (0..counts.len())
                .map_while(|index| enum_value(facet, index))
                .zip(counts)
                .collect()
        }
        Facet::Article => vec![(
            FacetValue::Article,
            candidates.filter(|m| m.in_article).count(),
        )],
        Facet::Org => {
            let keys: Set<&'static str> = models
                .iter()
                .map(|m| m.org)
                .chain(f.orgs.iter().copied())
                .collect();
            let mut counts = vec![0; keys.len()];
            for m in candidates {
                bump_id(&keys, &mut counts, m.org);
            }
            keys.into_iter()
                .zip(counts)
                .map(|(o, c)| (FacetValue::Org(o), c))
                .collect()
        }
        Facet::Lang => {
            let keys: Set<&'static str> = models
                .iter()
                .flat_map(|m| m.languages.iter().copied())
                .chain(f.langs.iter().copied())
                .collect();
            let mut counts = vec![0; keys.len()];
            for m in candidates {
                for (i, l) in m.languages.iter().enumerate() {
                    // Count each language once per model.
                    if !m
                        .languages
                        .get(..i)
                        .is_some_and(|before| before.contains(l))
                    {
                        bump_id(&keys, &mut counts, l);
                    }
                }
            }
            // Korean and English first, the widget's own languages; then the rest by id.
            let all: Vec<(&'static str, usize)> = keys.into_iter().zip(counts).collect();
            let rank = |l: &str| match l {
                "ko" => 0,
                "en" => 1,
                _ => 2,
            };
            (0..3)
                .flat_map(|r| all.iter().filter(move |(l, _)| rank(l) == r))
                .map(|(l, c)| (FacetValue::Lang(l), *c))
                .collect()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Basis, Params};
    use crate::state::Action;

    const fn p(v: f64) -> Params {
        Params {
            value_b: Some(v),
            basis: Basis::Official,
        }
    }

    const fn d(year: u16, month: u8, day: u8) -> Date {
        Date { year, month, day }
    }

    static ROWS: [Model; 5] = [
        Model {
            id: "exaone-3",
            name_en: "EXAONE 3.0",
            name_ko: "엑사원 3.0",
            org: "lg-ai-research",
            sector: Sector::Manufacturing,
            date: d(2024, 8, 7),
            total: p(7.8),
            arch: Arch::Dense,
            languages: &["ko", "en"],
            weights: Weights::OpenResearch,
            ..Model::BLANK
        },
        Model {
            id: "hyperclova",
            name_en: "HyperCLOVA",
            name_ko: "하이퍼클로바",
            org: "naver",
            sector: Sector::Portal,
            date: d(2021, 5, 0),
            total: p(204.0),
            in_article: true,
            languages: &["ko"],
            ..Model::BLANK
        },
        Model {
            id: "varco",
            name_en: "VARCO LLM",
            name_ko: "바르코 LLM",
            org: "ncsoft",
            sector: Sector::Game,
            date: d(2023, 8, 16),
            total: p(13.0),
            sizes_b: &[1.3, 6.4, 13.0],
            in_article: true,
            languages: &["ko", "en", "ko"],
            ..Model::BLANK
        },
        Model {
            id: "midm",
            name_en: "Mi:dm",
            name_ko: "믿:음",
            org: "kt",
            sector: Sector::Telecom,
            date: d(2023, 0, 0),
            modalities: &[Modality::Text, Modality::Vision],
            ..Model::BLANK
        },
        Model {
            id: "kogpt2",
            name_en: "KoGPT 2.0",
            name_ko: "코GPT 2.0",
            org: "kakao",
            sector: Sector::Messenger,
            date: d(2025, 12, 0),
            status: Status::Announced,
            total: Params {
                value_b: Some(60.0),
                basis: Basis::Reported,
            },
            arch: Arch::Moe,
            ..Model::BLANK
        },
    ];

    fn rows() -> Vec<&'static Model> {
        ROWS.iter().collect()
    }

    fn ids(models: &[&Model]) -> Vec<&'static str> {
        models.iter().map(|m| m.id).collect()
    }

    fn with(actions: Vec<Action>) -> ViewState {
        actions
            .into_iter()
            .fold(ViewState::default(), |s, a| s.apply(a))
    }

    fn count(counts: &[(FacetValue, usize)], value: FacetValue) -> Option<usize> {
        counts.iter().find(|(v, _)| *v == value).map(|(_, c)| *c)
    }

    #[test]
    fn default_state_shows_everything() {
        assert_eq!(filtered(&rows(), &ViewState::default()).len(), 5);
    }

    #[test]
    fn facets_or_within_and_across() {
        let s = with(vec![
            Action::Toggle(FacetValue::Sector(Sector::Portal)),
            Action::Toggle(FacetValue::Sector(Sector::Game)),
        ]);
        assert_eq!(ids(&filtered(&rows(), &s)), ["hyperclova", "varco"]);
        let s = s.apply(Action::Toggle(FacetValue::Lang("en")));
        assert_eq!(ids(&filtered(&rows(), &s)), ["varco"]);
        let s = with(vec![Action::Toggle(FacetValue::Article)]);
        assert_eq!(ids(&filtered(&rows(), &s)), ["hyperclova", "varco"]);
        let s = with(vec![Action::Toggle(FacetValue::Modality(Modality::Vision))]);
        assert_eq!(ids(&filtered(&rows(), &s)), ["midm"]);
    }

    #[test]
    fn sizes_and_params() {
        let small = with(vec![Action::Toggle(FacetValue::Size(SizeClass::Small))]);
        assert_eq!(ids(&filtered(&rows(), &small)), ["exaone-3", "varco"]);
        let hidden = with(vec![Action::Toggle(FacetValue::Size(
            SizeClass::Undisclosed,
        ))]);
        assert_eq!(ids(&filtered(&rows(), &hidden)), ["midm"]);
        let upto10 = with(vec![Action::SetParams(Range::new(None, Some(10.0)))]);
        assert_eq!(ids(&filtered(&rows(), &upto10)), ["exaone-3", "varco"]);
        let big = with(vec![Action::SetParams(Range::new(Some(100.0), None))]);
        assert_eq!(ids(&filtered(&rows(), &big)), ["hyperclova"]);
    }

    #[test]
    fn date_range_and_asof_use_spans() {
        let s = with(vec![Action::SetDate(Range::new(
            Some(d(2023, 6, 0)),
            Some(d(2023, 12, 0)),
        ))]);
        // The year-only 2023 model overlaps the second half of 2023.
        assert_eq!(ids(&filtered(&rows(), &s)), ["varco", "midm"]);
        let article_day = with(vec![Action::SetAsOf(Some(d(2023, 8, 22)))]);
        assert_eq!(
            ids(&filtered(&rows(), &article_day)),
            ["hyperclova", "varco", "midm"]
        );
        let before = with(vec![Action::SetAsOf(Some(d(2023, 8, 15)))]);
        assert_eq!(ids(&filtered(&rows(), &before)), ["hyperclova", "midm"]);
        assert!(visible_at(&ROWS[4], Some(d(2025, 12, 1))));
        assert!(!visible_at(&ROWS[4], Some(d(2025, 11, 30))));
        assert!(visible_at(&ROWS[4], Some(d(2025, 12, 0))));
    }

    #[test]
    fn search_in_filtered() {
        let s = with(vec![Action::SetQuery("ㅎㅇㅍㅋㄹㅂ".into())]);
        assert_eq!(ids(&filtered(&rows(), &s)), ["hyperclova"]);
        let s = with(vec![Action::SetQuery("lg ai".into())]);
        assert_eq!(ids(&filtered(&rows(), &s)), ["exaone-3"]);
        let s = with(vec![Action::SetQuery("midm".into())]);
        assert!(s.filters.matches(&ROWS[3]));
        assert!(!s.filters.matches(&ROWS[0]));
        let custom = filtered_with(&rows(), &s, &|m| m.org == "kakao");
        assert_eq!(ids(&custom), ["kogpt2"]);
    }

    #[test]
    fn counts_ignore_the_facets_own_selection() {
        let s = with(vec![
            Action::Toggle(FacetValue::Sector(Sector::Portal)),
            Action::Toggle(FacetValue::Article),
        ]);
        let sectors = facet_counts(&rows(), &s, Facet::Sector);
        assert_eq!(sectors.len(), Sector::ALL.len());
        assert_eq!(count(&sectors, FacetValue::Sector(Sector::Portal)), Some(1));
        assert_eq!(count(&sectors, FacetValue::Sector(Sector::Game)), Some(1));
        assert_eq!(
            count(&sectors, FacetValue::Sector(Sector::Telecom)),
            Some(0)
        );
        let article = facet_counts(&rows(), &s, Facet::Article);
        assert_eq!(article, vec![(FacetValue::Article, 1)]);
        let orgs = facet_counts(&rows(), &s, Facet::Org);
        assert_eq!(orgs.len(), 5);
        assert_eq!(count(&orgs, FacetValue::Org("naver")), Some(1));
        assert_eq!(count(&orgs, FacetValue::Org("ncsoft")), Some(0));
        let sizes = facet_counts(&rows(), &ViewState::default(), Facet::Size);
        assert_eq!(count(&sizes, FacetValue::Size(SizeClass::Small)), Some(2));
        assert_eq!(count(&sizes, FacetValue::Size(SizeClass::Mid)), Some(2));
        let langs = facet_counts(&rows(), &ViewState::default(), Facet::Lang);
        assert_eq!(
            langs,
            vec![(FacetValue::Lang("ko"), 3), (FacetValue::Lang("en"), 2)]
        );
        // Korean and English lead; the other languages follow by id.
        let real = facet_counts(crate::data::korean(), &ViewState::default(), Facet::Lang);
        let ids: Vec<&str> = real
            .iter()
            .filter_map(|(v, _)| match v {
                FacetValue::Lang(l) => Some(*l),
                _ => None,
            })
            .collect();
        assert_eq!(ids.get(..2), Some(&["ko", "en"][..]));
        assert!(
            ids.len() > 3 && ids.windows(2).skip(2).all(|w| w[0] < w[1]),
            "{ids:?}"
        );
        assert!(facet_counts(&rows(), &s, Facet::Params).is_empty());
        let all = all_facet_counts(&rows(), &s);
        assert_eq!(all.len(), 9);
        assert!(all.iter().all(|(f, c)| *c == facet_counts(&rows(), &s, *f)));
    }

    #[test]
    fn enum_facets_fit_the_bit_set_and_list_every_value() {
        let facets = [
            (Facet::Sector, Sector::ALL.len()),
            (Facet::Modality, Modality::ALL.len()),
            (Facet::Weights, Weights::ALL.len()),
            (Facet::Arch, Arch::ALL.len()),
            (Facet::Size, SizeClass::ALL.len()),
            (Facet::Status, Status::ALL.len()),
        ];
        for (facet, len) in facets {
            assert!(len <= 32, "{facet:?}");
            let counts = facet_counts(&[], &ViewState::default(), facet);
            assert_eq!(counts.len(), len, "{facet:?}");
            assert!(counts.iter().all(|(v, c)| v.facet() == facet && *c == 0));
        }
    }

    #[test]
    fn ten_thousand_models_all_facets() {
        let orgs: Vec<&'static str> = (0..60)
            .map(|i| &*Box::leak(format!("org-{i}").into_boxed_str()))
            .collect();
        let models: Vec<&'static Model> = (0..10_000)
            .map(|i: usize| {
                let row = Model {
                    id: Box::leak(format!("m-{i}").into_boxed_str()),
                    name_en: Box::leak(format!("Model {i}").into_boxed_str()),
                    name_ko: "모델",
                    org: orgs.get(i % 60).copied().unwrap_or(""),
                    sector: Sector::ALL.get(i % 8).copied().unwrap_or(Sector::Startup),
                    date: d(2021 + (i % 5) as u16, 1 + (i % 12) as u8, 0),
                    total: p((i % 500) as f64 + 0.5),
                    in_article: i.is_multiple_of(7),
                    languages: &["ko", "en"],
                    ..Model::BLANK
                };
                &*Box::leak(Box::new(row))
            })
            .collect();
        let s = with(vec![
            Action::Toggle(FacetValue::Sector(Sector::Telecom)),
            Action::Toggle(FacetValue::Org("org-1")),
            Action::SetParams(Range::new(Some(1.0), None)),
            Action::SetQuery("model 1".into()),
        ]);
        // Correctness at scale only: timings belong to `cargo xtask bench`.
        let all = all_facet_counts(&models, &s);
        let shown = filtered(&models, &s);
        assert_eq!(all.len(), 9);
        assert!(!shown.is_empty());
    }
}

//! The shareable URL, contract v1: view state ⇄ query string, pure.
//!
//! - Only values that differ from the defaults are written; the default state is `""`.
//! - Keys are written in one fixed order, `v=1` first (only when something else is written).
//! - Lists are joined with `~`, ranges are `a..b` with open ends (`date=2023-01..`,
//!   `params=..10`; parameter bounds are billions with at most 3 decimals), values are
//!   stable ids. `q` is UTF-8 percent-encoded: every byte but `A-Z a-z 0-9 - . _` is
//!   escaped (`~` too, although `q` is not a list).
//! - Parsing never fails: what is understood is applied, everything else is listed in
//!   [`Ignored`] (unknown keys and ids, malformed values, repeated keys — the first wins —,
//!   bad percent-encoding or UTF-8, a newer `v`, too much input). `+` decodes to a space
//!   (social sites rewrite `%20`), and values are decoded before lists are split, so a
//!   `%7E` written by an over-eager share tool still separates items. Ids never contain `~`.
//! - Input is capped at [`MAX_QUERY_BYTES`] (cut at the last `&` before the cap) and `q` at
//!   [`MAX_QUERY_CHARS`] characters, so parsing is linear in the input and bounded.

use crate::set::Set;

use crate::model::{is_hidden, Arch, Date, Modality, Sector, Status, Weights};
use crate::state::{
    truncate_chars, ColorBy, Lang, Range, SizeClass, Theme, View, ViewState, MAX_COMPARE,
    MAX_QUERY_CHARS,
};

/// The contract version this code writes.
pub const VERSION: u32 = 1;
/// Longest query string read; the rest is ignored (and reported).
pub const MAX_QUERY_BYTES: usize = 4_000;
/// At most this many problems are listed one by one; the rest are summed up in one entry.
pub const MAX_IGNORED: usize = 20;
/// Ignored values are cut to this many characters for display.
const DISPLAY_CHARS: usize = 40;

/// The ids the URL may refer to (models, organisations, language codes).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Known {
    models: Set<&'static str>,
    orgs: Set<&'static str>,
    langs: Set<&'static str>,
}

impl Known {
    pub fn new(
        models: impl IntoIterator<Item = &'static str>,
        orgs: impl IntoIterator<Item = &'static str>,
        langs: impl IntoIterator<Item = &'static str>,
    ) -> Known {
        Known {
            models: models.into_iter().collect(),
            orgs: orgs.into_iter().collect(),
            langs: langs.into_iter().collect(),
        }
    }

    pub fn model(&self, id: &str) -> Option<&'static str> {
        self.models.get(id).copied()
    }

    pub fn org(&self, id: &str) -> Option<&'static str> {
        self.orgs.get(id).copied()
    }

    pub fn lang(&self, code: &str) -> Option<&'static str> {
        self.langs.get(code).copied()
    }
}

/// Why part of a query was not applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IgnoredReason {
    /// The key is not part of the contract.
    UnknownKey,
    /// One id of a known key names nothing we have (each dropped item is listed).
    UnknownId,
    /// The value has the wrong shape (bad range, bad date, `events=maybe`…).
    Malformed,
    /// The key appeared before (the first one wins), or an id is repeated in `cmp`.
    Duplicate,
    /// Bad percent-encoding or bytes that are not UTF-8.
    BadEncoding,
    /// `v` is newer than this code; the rest was still read as v1 (nothing was dropped).
    UnsupportedVersion,
    /// More than [`MAX_COMPARE`] models in `cmp`, or the summary of problems past [`MAX_IGNORED`].
    TooMany,
    /// Input past [`MAX_QUERY_BYTES`], or search text past [`MAX_QUERY_CHARS`].
    TooLong,
}

impl IgnoredReason {
    pub const fn id(self) -> &'static str {
        match self {
            IgnoredReason::UnknownKey => "unknown-key",
            IgnoredReason::UnknownId => "unknown-id",
            IgnoredReason::Malformed => "malformed",
            IgnoredReason::Duplicate => "duplicate",
            IgnoredReason::BadEncoding => "bad-encoding",
            IgnoredReason::UnsupportedVersion => "unsupported-version",
            IgnoredReason::TooMany => "too-many",
            IgnoredReason::TooLong => "too-long",
        }
    }
}

/// One dropped part of a query. `key` and `value` are cut to about 40 characters for display;
/// `key` is empty for problems not tied to one key (input too long, too many problems).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ignored {
    pub key: String,
    pub value: String,
    pub reason: IgnoredReason,
}

impl Ignored {
    fn new(key: &str, value: &str, reason: IgnoredReason) -> Ignored {
        Ignored {
            key: preview(key),
            value: preview(value),
            reason,
        }
    }

    /// `key=value` (or just the value when there is no key), for the notice.
    pub fn display(&self) -> String {
        if self.key.is_empty()
            && matches!(self.reason, IgnoredReason::TooLong | IgnoredReason::TooMany)
        {
            self.value.clone()
        } else {
            format!("{}={}", self.key, self.value)
        }
    }
}

fn preview(text: &str) -> String {
    // Control and bidi-formatting characters (NUL, U+202E RTL override…) are shown as
    // `\u{…}` escapes: a link must not hide or reorder what the notice says it ignored.
    let text: String = text
        .chars()
        .map(|c| {
            if is_hidden(c) {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect();
    let text = text.as_str();
    let cut = truncate_chars(text, DISPLAY_CHARS);
    if cut.len() < text.len() {
        format!("{cut}…")
    } else {
        cut.to_owned()
    }
}

/// The URL keys, in the order they are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Key {
    V,
    Lang,
    View,
    Sector,
    Org,
    Modality,
    Open,
    Arch,
    Size,
    Params,
    Date,
    Asof,
    Events,
    Langs,
    Status,
    Article,
    Q,
    Sel,
    Cmp,
    Color,
    Theme,
    Embed,
}

const KEYS: [(&str, Key); 22] = [
    ("v", Key::V),
    ("lang", Key::Lang),
    ("view", Key::View),
    ("sector", Key::Sector),
    ("org", Key::Org),
    ("modality", Key::Modality),
    ("open", Key::Open),
    ("arch", Key::Arch),
    ("size", Key::Size),
    ("params", Key::Params),
    ("date", Key::Date),
    ("asof", Key::Asof),
    ("events", Key::Events),
    ("langs", Key::Langs),
    ("status", Key::Status),
    ("article", Key::Article),
    ("q", Key::Q),
    ("sel", Key::Sel),
    ("cmp", Key::Cmp),
    ("color", Key::Color),
    ("theme", Key::Theme),
    ("embed", Key::Embed),
];

// ---------------------------------------------------------------------------
// state → query

/// Appends `text` percent-encoded (everything but `A-Z a-z 0-9 - . _`).
fn encode_into(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0xF)]));
        }
    }
}

fn list<'a>(ids: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for (i, id) in ids.into_iter().enumerate() {
        if i > 0 {
            out.push('~');
        }
        encode_into(&mut out, id);
    }
    out
}

fn range<T: Copy>(r: &Range<T>, fmt: impl Fn(T) -> String) -> String {
    format!(
        "{}..{}",
        r.min.map(&fmt).unwrap_or_default(),
        r.max.map(&fmt).unwrap_or_default()
    )
}

fn number(v: f64) -> String {
    // Parsing keeps at most three decimals, so this round-trips exactly.
    crate::format::trimmed(v).to_string()
}

/// The query string for a state (no leading `?`); `""` for the default state.
pub fn to_query(state: &ViewState) -> String {
    let f = &state.filters;
    let mut pairs: Vec<(&str, String)> = Vec::new();
    let mut put = |key: &'static str, value: String| pairs.push((key, value));
    if let Some(lang) = state.lang {
        put("lang", lang.id().to_owned());
    }
    if state.view != View::default() {
        put("view", state.view.id().to_owned());
    }
    if !f.sectors.is_empty() {
        put("sector", list(f.sectors.iter().map(|v| v.id())));
    }
    if !f.orgs.is_empty() {
        put("org", list(f.orgs.iter().copied()));
    }
    if !f.modalities.is_empty() {
        put("modality", list(f.modalities.iter().map(|v| v.id())));
    }
    if !f.weights.is_empty() {
        put("open", list(f.weights.iter().map(|v| v.id())));
    }
    if !f.archs.is_empty() {
        put("arch", list(f.archs.iter().map(|v| v.id())));
    }
    if !f.sizes.is_empty() {
        put("size", list(f.sizes.iter().map(|v| v.id())));
    }
    if !f.params.is_any() {
        put("params", range(&f.params, number));
    }
    if !f.date.is_any() {
        put("date", range(&f.date, Date::iso));
    }
    if let Some(asof) = state.asof {
        put("asof", asof.iso());
    }
    if !state.events {
        put("events", "0".to_owned());
    }
    if !f.langs.is_empty() {
        put("langs", list(f.langs.iter().copied()));
    }
    if !f.status.is_empty() {
        put("status", list(f.status.iter().map(|v| v.id())));
    }
    if f.article {
        put("article", "1".to_owned());
    }
    if !f.query.is_empty() {
        let mut q = String::new();
        encode_into(&mut q, &f.query);
        put("q", q);
    }
    if let Some(sel) = state.selected {
        put("sel", list([sel]));
    }
    if !state.compare.is_empty() {
        put("cmp", list(state.compare.iter().copied()));
    }
    if state.color != ColorBy::default() {
        put("color", state.color.id().to_owned());
    }
    if state.theme != Theme::default() {
        put("theme", state.theme.id().to_owned());
    }
    if state.embed {
        put("embed", "1".to_owned());
    }
    if pairs.is_empty() {
        return String::new();
    }
    let mut out = format!("v={VERSION}");
    for (key, value) in pairs {
        out.push('&');
        out.push_str(key);
        out.push('=');
        out.push_str(&value);
    }
    out
}

// ---------------------------------------------------------------------------
// query → state

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Percent-decodes (and `+` → space); `None` on a bad escape or bytes that are not UTF-8.
fn decode(raw: &str) -> Option<String> {
    if !raw.bytes().any(|b| b == b'%' || b == b'+') {
        return Some(raw.to_owned());
    }
    let mut bytes = Vec::with_capacity(raw.len());
    let mut it = raw.bytes();
    while let Some(b) = it.next() {
        match b {
            b'%' => {
                let hi = it.next().and_then(hex)?;
                let lo = it.next().and_then(hex)?;
                bytes.push((hi << 4) | lo);
            }
            b'+' => bytes.push(b' '),
            _ => bytes.push(b),
        }
    }
    String::from_utf8(bytes).ok()
}

/// Lossy decoding for showing a value that could not be decoded.
fn decode_lossy(raw: &str) -> String {
    let mut bytes = Vec::with_capacity(raw.len());
    let mut it = raw.bytes().peekable();
    while let Some(b) = it.next() {
        let escaped = if b == b'%' {
            let mut ahead = it.clone();
            match (ahead.next().and_then(hex), ahead.next().and_then(hex)) {
                (Some(hi), Some(lo)) => {
                    it = ahead;
                    Some((hi << 4) | lo)
                }
                _ => None,
            }
        } else {
            None
        };
        bytes.push(escaped.unwrap_or(if b == b'+' { b' ' } else { b }));
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Collects the problems, summing up past [`MAX_IGNORED`].
struct Report {
    items: Vec<Ignored>,
    extra: usize,
}

impl Report {
    fn push(&mut self, key: &str, value: &str, reason: IgnoredReason) {
        if self.items.len() < MAX_IGNORED {
            self.items.push(Ignored::new(key, value, reason));
        } else {
            self.extra += 1;
        }
    }

    fn finish(mut self) -> Vec<Ignored> {
        if self.extra > 0 {
            self.items.push(Ignored {
                key: String::new(),
                value: format!("… (+{})", self.extra),
                reason: IgnoredReason::TooMany,
            });
        }
        self.items
    }
}

/// Splits a list value into its non-empty items.
fn items(value: &str) -> impl Iterator<Item = &str> {
    value.split('~').filter(|s| !s.is_empty())
}

/// Reads a list of enum ids into `set`, reporting unknown ones.
fn enum_list<T: Ord>(
    key: &str,
    value: &str,
    parse: fn(&str) -> Option<T>,
    set: &mut Set<T>,
    report: &mut Report,
) {
    for item in items(value) {
        match parse(item) {
            Some(v) => {
                set.insert(v);
            }
            None => report.push(key, item, IgnoredReason::UnknownId),
        }
    }
}

/// Reads a list of data ids into `set`, reporting unknown ones.
fn id_list(
    key: &str,
    value: &str,
    resolve: impl Fn(&str) -> Option<&'static str>,
    set: &mut Set<&'static str>,
    report: &mut Report,
) {
    for item in items(value) {
        match resolve(item) {
            Some(id) => {
                set.insert(id);
            }
            None => report.push(key, item, IgnoredReason::UnknownId),
        }
    }
}

/// Parses `a..b` (either end may be empty); `None` when malformed.
fn parse_range<T>(value: &str, parse: impl Fn(&str) -> Option<T>) -> Option<Range<T>> {
    let (lo, hi) = value.split_once("..")?;
    let end = |s: &str| {
        if s.is_empty() {
            Some(None)
        } else {
            parse(s).map(Some)
        }
    };
    Some(Range::new(end(lo)?, end(hi)?))
}

fn parse_params(value: &str) -> Option<Range<f64>> {
    // Only plain decimals in billions down to 0.001 (a million parameters): no signs,
    // exponents, `inf` or `NaN`.
    let r = parse_range(value, |s| {
        crate::format::parse_decimal(s, 3).filter(|v| *v <= crate::state::MAX_PARAMS_B)
    })?;
    match (r.min, r.max) {
        (Some(lo), Some(hi)) if lo > hi => None,
        _ => Some(r),
    }
}

fn parse_dates(value: &str) -> Option<Range<Date>> {
    let r = parse_range(value, |s| Date::read(s).ok())?;
    (!crate::filter::is_inverted(&r)).then_some(r)
}

fn flag(value: &str) -> Option<bool> {
    match value {
        "1" => Some(true),
        "0" => Some(false),
        _ => None,
    }
}

/// Cuts `query` at the last `&` at or before `max` bytes; returns (kept, dropped).
fn cap(query: &str, max: usize) -> (&str, &str) {
    if query.len() <= max {
        return (query, "");
    }
    let head = query.get(..max).or_else(|| {
        // Not a char boundary: back off (a char is at most 4 bytes).
        (1..4).find_map(|back| query.get(..max.saturating_sub(back)))
    });
    let keep = match head {
        Some(head) if query.as_bytes().get(head.len()) == Some(&b'&') => head.len(),
        Some(head) => head.rfind('&').unwrap_or(0),
        None => 0,
    };
    (
        query.get(..keep).unwrap_or(""),
        query.get(keep..).unwrap_or(query).trim_start_matches('&'),
    )
}

/// Reads a query string (with or without the leading `?`). Never fails: returns the state
/// made of everything understood, and what was ignored (input cut at the cap first, then in
/// input order).
pub fn from_query(query: &str, known: &Known) -> (ViewState, Vec<Ignored>) {
    let mut state = ViewState::default();
    let mut report = Report {
        items: Vec::new(),
        extra: 0,
    };
    let query = query.strip_prefix('?').unwrap_or(query);
    let (query, dropped) = cap(query, MAX_QUERY_BYTES);
    let mut seen = [false; KEYS.len()];
    if !dropped.is_empty() {
        // Reported first: it matters more than anything that could crowd it out.
        report.push(
            "",
            &decode_lossy(truncate_chars(dropped, DISPLAY_CHARS * 3)),
            IgnoredReason::TooLong,
        );
    }

    for pair in query.split('&') {
        if pair.is_empty() {
            continue;
        }
        let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
        // Keys are read decoded, as the notice shows them: `%76iew` is `view`.
        let key_text = decode_lossy(raw_key);
        let Some((index, key)) = KEYS
            .iter()
            .enumerate()
            .find(|(_, (name, _))| *name == key_text)
            .map(|(i, (_, k))| (i, *k))
        else {
            report.push(
                &key_text,
                &decode_lossy(raw_value),
                IgnoredReason::UnknownKey,
            );
            continue;
        };
        let Some(seen_before) = seen.get_mut(index) else {
            continue;
        };
        if *seen_before {
            report.push(raw_key, &decode_lossy(raw_value), IgnoredReason::Duplicate);
            continue;
        }
        *seen_before = true;
        let Some(value) = decode(raw_value) else {
            report.push(
                raw_key,
                &decode_lossy(raw_value),
                IgnoredReason::BadEncoding,
            );
            continue;
        };
        apply(key, raw_key, &value, known, &mut state, &mut report);
    }
    (state, report.finish())
}

/// Applies one decoded key/value pair.
fn apply(
    key: Key,
    name: &str,
    value: &str,
    known: &Known,
    state: &mut ViewState,
    report: &mut Report,
) {
    let f = &mut state.filters;
    let malformed = |report: &mut Report| report.push(name, value, IgnoredReason::Malformed);
    let unknown = |report: &mut Report| report.push(name, value, IgnoredReason::UnknownId);
    match key {
        Key::V => match value.parse::<u32>() {
            Ok(VERSION) => {}
            Ok(v) if v > VERSION => report.push(name, value, IgnoredReason::UnsupportedVersion),
            _ => malformed(report),
        },
        Key::Lang => match Lang::from_id(value) {
            Some(l) => state.lang = Some(l),
            None => unknown(report),
        },
        Key::View => match View::from_id(value) {
            Some(v) => state.view = v,
            None => unknown(report),
        },
        Key::Sector => enum_list(name, value, Sector::from_id, &mut f.sectors, report),
        Key::Org => id_list(name, value, |id| known.org(id), &mut f.orgs, report),
        Key::Modality => enum_list(name, value, Modality::from_id, &mut f.modalities, report),
        Key::Open => enum_list(name, value, Weights::from_id, &mut f.weights, report),
        Key::Arch => enum_list(name, value, Arch::from_id, &mut f.archs, report),
        Key::Size => enum_list(name, value, SizeClass::from_id, &mut f.sizes, report),
        Key::Params => match parse_params(value) {
            Some(r) => f.params = r,
            None => malformed(report),
        },
        Key::Date => match parse_dates(value) {
            Some(r) => f.date = r,
            None => malformed(report),
        },
        Key::Asof => match Date::read(value) {
            Ok(d) => state.asof = Some(d),
            Err(_) => malformed(report),
        },
        Key::Events => match flag(value) {
            Some(on) => state.events = on,
            None => malformed(report),
        },
        Key::Langs => id_list(name, value, |code| known.lang(code), &mut f.langs, report),
        Key::Status => enum_list(name, value, Status::from_id, &mut f.status, report),
        Key::Article => match flag(value) {
            Some(on) => f.article = on,
            None => malformed(report),
        },
        Key::Q => {
            let kept = truncate_chars(value, MAX_QUERY_CHARS);
            if let Some(rest) = value.get(kept.len()..).filter(|r| !r.is_empty()) {
                report.push(name, rest, IgnoredReason::TooLong);
            }
            // As the search box keeps them: tabs and line breaks become spaces, and other
            // control and bidi-formatting characters are dropped, and said so, not shown.
            let query = crate::state::clean_query(kept);
            if query.chars().count() < kept.chars().count() {
                report.push(name, kept, IgnoredReason::Malformed);
            }
            f.query = query;
        }
        Key::Sel => match known.model(value) {
            Some(id) => state.selected = Some(id),
            None => unknown(report),
        },
        Key::Cmp => {
            for item in items(value) {
                match known.model(item) {
                    None => report.push(name, item, IgnoredReason::UnknownId),
                    Some(id) if state.compare.contains(&id) => {
                        report.push(name, item, IgnoredReason::Duplicate)
                    }
                    Some(_) if state.compare.len() >= MAX_COMPARE => {
                        report.push(name, item, IgnoredReason::TooMany)
                    }
                    Some(id) => state.compare.push(id),
                }
            }
        }
        Key::Color => match ColorBy::from_id(value) {
            Some(c) => state.color = c,
            None => unknown(report),
        },
        Key::Theme => match Theme::from_id(value) {
            Some(t) => state.theme = t,
            None => unknown(report),
        },
        Key::Embed => match flag(value) {
            Some(on) => state.embed = on,
            None => malformed(report),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::{Action, FacetValue, Filters};
    use IgnoredReason::*;

    fn known() -> Known {
        Known::new(
            [
                "exaone-3-5",
                "exaone-2-0",
                "hyperclova-x",
                "ax-4",
                "varco-llm-13b",
                "kogpt-6b",
                "midm",
            ],
            [
                "lg-ai-research",
                "naver",
                "sk-telecom",
                "ncsoft",
                "kakao",
                "kt",
            ],
            ["ko", "en", "ja"],
        )
    }

    fn parse(q: &str) -> (ViewState, Vec<Ignored>) {
        from_query(q, &known())
    }

    #[test]
    fn keys_are_read_decoded_and_queries_keep_pasted_tabs_as_spaces() {
        let (s, ignored) = parse("%76iew=table&q=exaone%09lg%0A");
        assert_eq!(ignored, vec![]);
        assert_eq!(s.view, View::Table);
        assert_eq!(s.filters.query, "exaone lg ");
        // A bidi mark is dropped, and said so.
        assert_eq!(
            reasons("q=exaone%E2%80%8E"),
            one("q", "exaone\\u{200e}", Malformed)
        );
    }

    fn reasons(q: &str) -> Vec<(String, String, IgnoredReason)> {
        parse(q)
            .1
            .into_iter()
            .map(|i| (i.key, i.value, i.reason))
            .collect()
    }

    fn one(key: &str, value: &str, reason: IgnoredReason) -> Vec<(String, String, IgnoredReason)> {
        vec![(key.to_owned(), value.to_owned(), reason)]
    }

    #[test]
    fn default_state_is_the_empty_query() {
        assert_eq!(to_query(&ViewState::default()), "");
        assert_eq!(parse(""), (ViewState::default(), vec![]));
        assert_eq!(parse("?"), (ViewState::default(), vec![]));
        assert_eq!(parse("v=1"), (ViewState::default(), vec![]));
        // Defaults written explicitly are accepted silently.
        assert_eq!(
            parse("view=timeline&events=1&theme=auto&color=sector&params=..&embed=0"),
            (ViewState::default(), vec![])
        );
    }

    #[test]
    fn writes_ids_in_a_stable_order() {
        let s = [
            Action::SetView(View::Ranking),
            Action::Toggle(FacetValue::Sector(Sector::Portal)),
            Action::Toggle(FacetValue::Sector(Sector::Telecom)),
            Action::SetParams(Range::new(None, Some(10.0))),
            Action::SetDate(Range::new(Date::parse("2023-01").ok(), None)),
            Action::SetQuery("하이퍼 클로바~X".into()),
            Action::SetEvents(false),
            Action::SetLang(Some(Lang::En)),
        ]
        .into_iter()
        .fold(ViewState::default(), |s, a| s.apply(a));
        let q = to_query(&s);
        assert_eq!(
            q,
            "v=1&lang=en&view=ranking&sector=telecom~portal&params=..10&date=2023-01..&events=0\
             &q=%ED%95%98%EC%9D%B4%ED%8D%BC%20%ED%81%B4%EB%A1%9C%EB%B0%94%7EX"
        );
        assert_eq!(parse(&q), (s, vec![]));
    }

    #[test]
    fn reads_a_realistic_link() {
        let (s, ignored) = parse(
            "?v=1&lang=ko&view=lanes&sector=telecom~portal&org=naver~kt&size=hyperscale~undisclosed\
             &date=2021-01..2023-12&asof=2023-08-22&article=1&q=ㅎㅇㅍ&sel=hyperclova-x&cmp=hyperclova-x~midm\
             &color=org&theme=dark&embed=1&open=open-commercial&arch=moe&modality=text~vision&langs=ko&status=released",
        );
        assert_eq!(ignored, vec![]);
        assert_eq!(s.lang, Some(Lang::Ko));
        assert_eq!(s.view, View::Lanes);
        assert_eq!(
            s.filters.orgs.iter().copied().collect::<Vec<_>>(),
            ["kt", "naver"]
        );
        assert_eq!(s.filters.query, "ㅎㅇㅍ");
        assert_eq!(s.asof, Date::parse("2023-08-22").ok());
        assert_eq!(s.selected, Some("hyperclova-x"));
        assert_eq!(s.compare, ["hyperclova-x", "midm"]);
        assert!(s.filters.article && s.embed);
        assert_eq!(s.theme, Theme::Dark);
        assert_eq!(s.color, ColorBy::Org);
    }

    #[test]
    fn realistic_link_round_trips_exactly() {
        let link =
            "v=1&lang=ko&view=lanes&sector=telecom~it-services~portal&org=lg-ai-research~naver\
                    &size=mid~hyperscale&date=2021-01..2023-12&asof=2023-08-22&article=1\
                    &q=%ED%95%98%EC%9D%B4%ED%8D%BC%ED%81%B4%EB%A1%9C%EB%B0%94&sel=hyperclova-x\
                    &cmp=hyperclova-x~exaone-2-0~kogpt-6b&color=org";
        let (s, ignored) = parse(link);
        assert_eq!(ignored, vec![]);
        assert_eq!(s.filters.query, "하이퍼클로바");
        assert_eq!(to_query(&s), link);
        assert_eq!(link.len(), 270);
    }

    #[test]
    fn plus_and_encoded_tilde_are_understood() {
        let (s, ignored) = parse("q=hyperclova+x&sector=telecom%7Eportal");
        assert_eq!(ignored, vec![]);
        assert_eq!(s.filters.query, "hyperclova x");
        assert_eq!(s.filters.sectors.len(), 2);
    }

    #[test]
    fn each_problem_is_reported() {
        assert_eq!(reasons("foo=bar"), one("foo", "bar", UnknownKey));
        assert_eq!(reasons("View=table"), one("View", "table", UnknownKey));
        assert_eq!(reasons("view=chart"), one("view", "chart", UnknownId));
        assert_eq!(
            reasons("sector=telecom~banking~portal"),
            one("sector", "banking", UnknownId)
        );
        assert_eq!(
            reasons("org=naver~samsung"),
            one("org", "samsung", UnknownId)
        );
        assert_eq!(reasons("langs=ko~xx"), one("langs", "xx", UnknownId));
        assert_eq!(reasons("sel=gpt-5"), one("sel", "gpt-5", UnknownId));
        assert_eq!(reasons("params=10"), one("params", "10", Malformed));
        assert_eq!(
            reasons("params=abc..10"),
            one("params", "abc..10", Malformed)
        );
        assert_eq!(
            reasons("params=100..10"),
            one("params", "100..10", Malformed)
        );
        assert_eq!(reasons("params=-5.."), one("params", "-5..", Malformed));
        assert_eq!(
            reasons("params=1000000.001.."),
            one("params", "1000000.001..", Malformed),
            "beyond MAX_PARAMS_B"
        );
        assert_eq!(reasons("params=1e3.."), one("params", "1e3..", Malformed));
        assert_eq!(reasons("params=NaN.."), one("params", "NaN..", Malformed));
        // Links carry 0.001B (a million parameters) at most.
        assert_eq!(
            reasons("params=0.0005.."),
            one("params", "0.0005..", Malformed)
        );
        assert_eq!(reasons("params=0.125..7.5"), vec![]);
        assert_eq!(
            reasons("date=2023-13.."),
            one("date", "2023-13..", Malformed)
        );
        assert_eq!(
            reasons("date=2024-01..2023-01"),
            one("date", "2024-01..2023-01", Malformed)
        );
        assert_eq!(
            reasons("asof=yesterday"),
            one("asof", "yesterday", Malformed)
        );
        assert_eq!(reasons("events=no"), one("events", "no", Malformed));
        assert_eq!(reasons("embed=true"), one("embed", "true", Malformed));
        assert_eq!(
            reasons("view=table&view=ranking"),
            one("view", "ranking", Duplicate)
        );
        assert_eq!(parse("view=table&view=ranking").0.view, View::Table);
        assert_eq!(reasons("q=%E"), one("q", "%E", BadEncoding));
        assert_eq!(reasons("q=%zz"), one("q", "%zz", BadEncoding));
        assert_eq!(
            reasons("q=%FF%FE"),
            one("q", "\u{FFFD}\u{FFFD}", BadEncoding)
        );
        assert_eq!(reasons("v=abc"), one("v", "abc", Malformed));
        assert_eq!(reasons("cmp=midm~midm"), one("cmp", "midm", Duplicate));
        assert_eq!(
            reasons("cmp=midm~kogpt-6b~ax-4~exaone-3-5~varco-llm-13b"),
            one("cmp", "varco-llm-13b", TooMany)
        );
    }

    #[test]
    fn newer_version_is_noted_but_read() {
        let (s, ignored) = parse("v=2&view=table");
        assert_eq!(s.view, View::Table);
        assert_eq!(ignored, vec![Ignored::new("v", "2", UnsupportedVersion)]);
    }

    #[test]
    fn good_parts_survive_bad_ones() {
        let (s, ignored) = parse("sector=telecom~nope&view=nope&theme=dark&x=1&&=&q=%");
        assert_eq!(
            s.filters.sectors.iter().copied().collect::<Vec<_>>(),
            [Sector::Telecom]
        );
        assert_eq!(s.theme, Theme::Dark);
        let got: Vec<_> = ignored.iter().map(|i| i.display()).collect();
        assert_eq!(got, ["sector=nope", "view=nope", "x=1", "=", "q=%"]);
    }

    /// NUL, an RTL override and the like never reach the search box or the page.
    #[test]
    fn hidden_characters_leave_the_query() {
        let (s, ignored) = parse("q=a%00b%E2%80%AEc");
        assert_eq!(s.filters.query, "abc");
        let got: Vec<_> = ignored.iter().map(|i| (i.reason, i.display())).collect();
        assert_eq!(got, [(Malformed, "q=a\\u{0}b\\u{202e}c".to_string())]);
    }

    #[test]
    fn huge_input_is_capped() {
        let long_q = format!("view=table&q={}", "a".repeat(300));
        let (s, ignored) = parse(&long_q);
        assert_eq!(s.filters.query.len(), MAX_QUERY_CHARS);
        assert_eq!(ignored.len(), 1);
        assert_eq!(
            ignored.first().map(|i| (i.reason, i.value.chars().count())),
            Some((TooLong, 41))
        );

        let flood = format!("view=table&{}", "x=1&".repeat(3_000));
        let (s, ignored) = parse(&flood);
        assert_eq!(s.view, View::Table);
        assert_eq!(ignored.len(), MAX_IGNORED + 1);
        assert_eq!(ignored.last().map(|i| i.reason), Some(TooMany));

        let tail = format!("{}&theme=dark", "sector=telecom&".repeat(300));
        let (s, ignored) = parse(&tail);
        assert_eq!(s.theme, Theme::Auto, "keys past the cap are not read");
        assert!(ignored
            .iter()
            .any(|i| i.reason == TooLong && i.key.is_empty()));

        // A cap falling inside a multi-byte character.
        let korean = format!("q={}", "한".repeat(2_000));
        let (s, _) = parse(&korean);
        assert_eq!(s.filters, Filters::default());
    }

    #[test]
    fn display_is_cut() {
        let i = Ignored::new("org", &"x".repeat(100), UnknownId);
        assert_eq!(i.value.chars().count(), DISPLAY_CHARS + 1);
        assert!(i.display().starts_with("org=xxx"));
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use crate::state::Filters;
    use proptest::prelude::*;
    use proptest::sample::subsequence;

    static MODELS: [&str; 8] = [
        "exaone-3-5",
        "hyperclova-x",
        "ax-4",
        "varco-llm-13b",
        "kogpt-6b",
        "midm",
        "a",
        "x-1",
    ];
    static ORGS: [&str; 7] = [
        "lg-ai-research",
        "naver",
        "sk-telecom",
        "ncsoft",
        "kakao",
        "kt",
        "upstage",
    ];
    static LANGS: [&str; 4] = ["ko", "en", "ja", "zh"];

    fn known() -> Known {
        Known::new(MODELS, ORGS, LANGS)
    }

    fn set<T: Ord + Clone + std::fmt::Debug + 'static>(
        all: &'static [T],
    ) -> impl Strategy<Value = Set<T>> {
        subsequence(all, 0..=all.len()).prop_map(|v| v.into_iter().collect())
    }

    fn opt<T: std::fmt::Debug + Clone>(
        s: impl Strategy<Value = T>,
    ) -> impl Strategy<Value = Option<T>> {
        proptest::option::of(s)
    }

    fn num() -> impl Strategy<Value = f64> {
        (0u32..=1_000_000, 0i32..4).prop_map(|(n, k)| f64::from(n) / 10f64.powi(k))
    }

    fn date() -> impl Strategy<Value = Date> {
        (1950u16..=2100, 0u8..=12, 0u8..=31).prop_map(|(y, m, d)| {
            let m = if d > 0 && m == 0 { 1 } else { m };
            let d = if m == 0 {
                0
            } else {
                d.min(crate::model::days_in_month(y, m))
            };
            Date {
                year: y,
                month: m,
                day: d,
            }
        })
    }

    fn ordered<T: PartialOrd + Copy>(a: Option<T>, b: Option<T>) -> Range<T> {
        match (a, b) {
            (Some(x), Some(y)) if x > y => Range::new(Some(y), Some(x)),
            _ => Range::new(a, b),
        }
    }

    fn filters() -> impl Strategy<Value = Filters> {
        (
            (
                set(Sector::ALL),
                set(&ORGS),
                set(Modality::ALL),
                set(Weights::ALL),
                set(Arch::ALL),
                set(SizeClass::ALL),
            ),
            (opt(num()), opt(num()), opt(date()), opt(date())),
            (set(&LANGS), set(Status::ALL), any::<bool>(), "\\PC{0,40}"),
        )
            .prop_map(
                |(
                    (sectors, orgs, modalities, weights, archs, sizes),
                    (p0, p1, d0, d1),
                    (langs, status, article, query),
                )| {
                    Filters {
                        sectors,
                        orgs,
                        modalities,
                        weights,
                        archs,
                        sizes,
                        params: ordered(p0, p1),
                        // Whole ranges of month-or-year dates keep the spans ordered.
                        date: ordered(d0, d1),
                        langs,
                        status,
                        article,
                        query,
                    }
                },
            )
    }

    fn state() -> impl Strategy<Value = ViewState> {
        (
            filters(),
            opt(prop::sample::select(Lang::ALL)),
            prop::sample::select(View::ALL),
            opt(date()),
            any::<bool>(),
            opt(prop::sample::select(&MODELS[..])),
            subsequence(&MODELS[..], 0..=MAX_COMPARE).prop_shuffle(),
            (
                prop::sample::select(ColorBy::ALL),
                prop::sample::select(Theme::ALL),
                any::<bool>(),
            ),
        )
            .prop_map(
                |(filters, lang, view, asof, events, selected, compare, (color, theme, embed))| {
                    ViewState {
                        lang,
                        view,
                        filters,
                        asof,
                        events,
                        selected,
                        compare,
                        color,
                        theme,
                        embed,
                    }
                },
            )
            .prop_filter("date range must be ordered by span", |s| {
                match (s.filters.date.min, s.filters.date.max) {
                    (Some(lo), Some(hi)) => crate::filter::earliest_day(lo) <= hi.latest_day(),
                    _ => true,
                }
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2_000, ..ProptestConfig::default() })]

        #[test]
        fn every_valid_state_round_trips(s in state()) {
            let q = to_query(&s);
            prop_assert!(q.len() <= MAX_QUERY_BYTES);
            let (back, ignored) = from_query(&q, &known());
            prop_assert_eq!(ignored, vec![]);
            prop_assert_eq!(back, s);
        }
    }

    /// What the reader can do to the filters that a link must carry: any text in the search
    /// box (pasted tabs, bidi marks), any number in either range field, either order.
    fn reader_action() -> impl Strategy<Value = crate::state::Action> {
        use crate::state::Action;
        let bound = prop_oneof![
            Just(None),
            any::<f64>().prop_map(Some),
            num().prop_map(Some),
            (0.0..10.0f64).prop_map(Some),
            (1e5..1e20f64).prop_map(Some),
        ];
        prop_oneof![
            any::<String>().prop_map(Action::SetQuery),
            "[a-z\\t\\n\u{200e}\u{202e} ]{0,12}".prop_map(Action::SetQuery),
            (bound.clone(), bound).prop_map(|(a, b)| Action::SetParams(Range::new(a, b))),
            (opt(date()), opt(date())).prop_map(|(a, b)| Action::SetDate(Range::new(a, b))),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 3_000, ..ProptestConfig::default() })]

        /// The link always restores what the reader set: nothing they can type is written in
        /// a form the parser then refuses or reads differently.
        #[test]
        fn what_a_reader_sets_round_trips(actions in prop::collection::vec(reader_action(), 1..4)) {
            let mut s = ViewState::default();
            for a in actions {
                s = s.apply(a);
            }
            let (back, ignored) = from_query(&to_query(&s), &known());
            prop_assert_eq!(ignored, vec![]);
            prop_assert_eq!(back, s);
        }
    }

    fn garbage() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("&".to_owned()),
            Just("=".to_owned()),
            Just("~".to_owned()),
            Just("..".to_owned()),
            Just("%".to_owned()),
            Just("+".to_owned()),
            prop::sample::select(KEYS.map(|(k, _)| k).to_vec()).prop_map(str::to_owned),
            prop::sample::select(&MODELS[..]).prop_map(str::to_owned),
            "%[0-9A-Fa-f]{0,2}",
            "[0-9.\\-]{1,8}",
            "\\PC{0,6}",
            any::<String>(),
        ];
        prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 10_000, ..ProptestConfig::default() })]

        #[test]
        fn any_input_parses_without_panic(q in garbage()) {
            let (s, ignored) = from_query(&q, &known());
            prop_assert!(ignored.len() <= MAX_IGNORED + 1);
            // Whatever was understood is a valid state: it round-trips.
            let again = from_query(&to_query(&s), &known());
            prop_assert_eq!(again.1, vec![]);
            prop_assert_eq!(again.0, s);
        }
    }
}

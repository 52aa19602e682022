//! Validation of the human-edited data files under `data/` and generation of
//! the Rust statics the app compiles in.
//!
//! This module is shared with `build.rs` (through `#[path]`) and compiled into
//! the library only for tests, so it depends on nothing but `std`, `csv` and
//! `crate::model`. Every check reports `file:line: field: message`; all
//! problems are collected, never just the first.

use crate::model::{
    Arch, Basis, Date, DateError, EventKind, Modality, Origin, Sector, Status, Weights, YEARS,
};
use std::collections::{HashMap, HashSet};
use std::fmt::{self, Write as _};

/// The data files, in the order they are read and reported.
pub const FILES: [&str; 6] = [
    "organisations.csv",
    "families.csv",
    "models.csv",
    "sources.csv",
    "disputes.csv",
    "events.csv",
];

const ORG_COLS: &[&str] = &["id", "name_en", "name_ko", "sector", "parent", "country"];
const FAMILY_COLS: &[&str] = &["id", "name_en", "name_ko", "org"];
const MODEL_COLS: &[&str] = &[
    "id",
    "name_en",
    "name_ko",
    "family",
    "org",
    "date",
    "status",
    "params_b",
    "params_basis",
    "active_b",
    "active_basis",
    "sizes_b",
    "arch",
    "modalities",
    "languages",
    "weights",
    "license",
    "license_ko",
    "context",
    "origin",
    "base_model",
    "in_article",
    "reference",
    "note_en",
    "note_ko",
];
const SOURCE_COLS: &[&str] = &["model_id", "url", "title", "title_ko", "date"];
const DISPUTE_COLS: &[&str] = &[
    "model_id",
    "field",
    "value_b",
    "claim",
    "note_en",
    "note_ko",
    "source_url",
    "source_title",
    "source_title_ko",
    "source_date",
];
const EVENT_COLS: &[&str] = &[
    "id",
    "date",
    "kind",
    "title_en",
    "title_ko",
    "orgs",
    "in_article",
    "source_url",
    "source_title",
    "source_title_ko",
    "source_date",
    "note_en",
    "note_ko",
];

/// Disputed fields a dispute row may name.
const DISPUTE_FIELDS: &[&str] = &["params", "active"];

/// The largest parameter figure the data files accept, in billions (5 trillion;
/// the largest model in the data has 750B). Larger figures are a raw count or
/// millions typed in by mistake; raise this for a genuine larger model.
const MAX_PARAMS_B: f64 = 5000.0;

/// The language codes of `languages`: those `i18n::language_name` names (a
/// test checks it). A new language goes in both places.
const LANGUAGES: &[&str] = &["ko", "en", "ja", "zh", "es", "de", "vi", "fr"];

/// How far the largest entry of `sizes_b` may be from `params_b`, relative:
/// release names round (Polyglot-Ko "12.8B" has 12.9B parameters).
const SIZE_TOLERANCE: f64 = 0.01;

/// One data file: the name used in messages (e.g. `data/models.csv`) and its bytes.
#[derive(Clone, Copy, Debug)]
pub struct Input<'a> {
    pub name: &'a str,
    pub bytes: &'a [u8],
}

/// All data files.
#[derive(Clone, Copy, Debug)]
pub struct Inputs<'a> {
    pub organisations: Input<'a>,
    pub families: Input<'a>,
    pub models: Input<'a>,
    pub sources: Input<'a>,
    pub disputes: Input<'a>,
    pub events: Input<'a>,
}

impl<'a> Inputs<'a> {
    /// The inputs from `(file name, bytes)` pairs in [`FILES`] order; a
    /// missing pair reads as an empty file (and fails validation as one).
    pub fn from_files(files: &'a [(String, Vec<u8>)]) -> Inputs<'a> {
        let input = |i: usize| {
            let (name, bytes) = files
                .get(i)
                .map_or(("", &[][..]), |(n, b)| (n.as_str(), b.as_slice()));
            Input { name, bytes }
        };
        Inputs {
            organisations: input(0),
            families: input(1),
            models: input(2),
            sources: input(3),
            disputes: input(4),
            events: input(5),
        }
    }
}

/// A problem in a data file, shown as `file:line: field: message`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    /// 1-based line in the file; the header is line 1.
    pub line: u64,
    pub field: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: {}: {}",
            self.file, self.line, self.field, self.message
        )
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct SourceRow {
    pub url: String,
    pub title: String,
    pub title_ko: String,
    pub date: Option<Date>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct OrgRow {
    pub id: String,
    pub name_en: String,
    pub name_ko: String,
    pub sector: Sector,
    pub parent: Option<String>,
    pub country: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FamilyRow {
    pub id: String,
    pub name_en: String,
    pub name_ko: String,
    pub org: String,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ParamsRow {
    pub value_b: Option<f64>,
    pub basis: Basis,
}

#[derive(Clone, Debug, PartialEq)]
pub struct DisputeRow {
    pub field: String,
    pub value_b: Option<f64>,
    pub claim: String,
    pub note_en: String,
    pub note_ko: String,
    pub source: SourceRow,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ModelRow {
    pub id: String,
    pub name_en: String,
    pub name_ko: String,
    pub family: Option<String>,
    pub org: String,
    pub sector: Sector,
    pub date: Date,
    pub status: Status,
    pub total: ParamsRow,
    pub active: Option<ParamsRow>,
    pub sizes_b: Vec<f64>,
    pub arch: Arch,
    pub modalities: Vec<Modality>,
    pub languages: Vec<String>,
    pub weights: Weights,
    pub license: String,
    pub license_ko: String,
    pub context: Option<u32>,
    pub origin: Origin,
    pub base_model: String,
    pub in_article: bool,
    pub reference: bool,
    pub sources: Vec<SourceRow>,
    pub disputes: Vec<DisputeRow>,
    pub note_en: String,
    pub note_ko: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct EventRow {
    pub id: String,
    pub date: Date,
    pub kind: EventKind,
    pub title_en: String,
    pub title_ko: String,
    pub orgs: Vec<String>,
    pub in_article: bool,
    pub source: SourceRow,
    pub note_en: String,
    pub note_ko: String,
}

/// The validated dataset. Models and events are sorted by date, then id.
#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
    pub organisations: Vec<OrgRow>,
    pub families: Vec<FamilyRow>,
    pub models: Vec<ModelRow>,
    pub events: Vec<EventRow>,
}

// ---------------------------------------------------------------------------
// Reading rows

/// Collects problems.
#[derive(Default)]
struct Sink {
    problems: Vec<Problem>,
}

impl Sink {
    fn push(&mut self, file: &str, line: u64, field: &str, message: impl Into<String>) {
        self.problems.push(Problem {
            file: file.to_string(),
            line,
            field: field.to_string(),
            message: message.into(),
        });
    }
}

/// One data row with its position, giving trimmed cells by column name.
struct Row {
    file: String,
    line: u64,
    cols: &'static [&'static str],
    cells: Vec<String>,
}

impl Row {
    fn get(&self, col: &str) -> &str {
        self.cols
            .iter()
            .position(|c| *c == col)
            .and_then(|i| self.cells.get(i))
            .map_or("", |s| s.trim())
    }

    fn err(&self, sink: &mut Sink, field: &str, message: impl Into<String>) {
        sink.push(&self.file, self.line, field, message);
    }
}

/// Excel's Save As names for the one encoding and separator the build reads.
const SAVE_AS: &str = "save as \"CSV UTF-8 (Comma delimited)\"";

/// Why a file that is not UTF-8 fails, from its bytes: `(line, message)`.
fn encoding_problem(bytes: &[u8], valid_up_to: usize) -> (u64, String) {
    if let Some(bom @ ([0xFF, 0xFE] | [0xFE, 0xFF])) = bytes.get(..2) {
        return (
            1,
            format!(
                "file is UTF-16, not UTF-8 (it starts with the bytes 0x{:02X} 0x{:02X}; Excel's \
                 \"Unicode Text\" saves this): {SAVE_AS}",
                bom[0], bom[1]
            ),
        );
    }
    let line = bytes
        .get(..valid_up_to)
        .map_or(0, |b| b.iter().filter(|&&c| c == b'\n').count()) as u64
        + 1;
    let byte = bytes.get(valid_up_to).copied().unwrap_or(0);
    (
        line,
        format!(
            "file is not UTF-8 (byte 0x{byte:02X}; probably CP949/EUC-KR from Excel): {SAVE_AS}"
        ),
    )
}

/// What is wrong with a header row `got`, if anything: the first column that
/// differs from `cols`, or the separator when the file is not comma-separated.
fn header_problem(got: &[&str], cols: &[&str]) -> Option<String> {
    if got == cols {
        return None;
    }
    if let [only] = got {
        for (sep, name) in [(';', "semicolon"), ('\t', "tab")] {
            if only.contains(sep) {
                return Some(format!(
                    "the header is one cell with {name}s in it: the file looks {name}-separated; {SAVE_AS}"
                ));
            }
        }
    }
    let i = got
        .iter()
        .zip(cols)
        .position(|(g, c)| g != c)
        .unwrap_or(got.len().min(cols.len()));
    let n = i + 1;
    match (got.get(i), cols.get(i)) {
        (Some(g), Some(c)) => Some(format!(
            "column {n} should be {c:?}, found {g:?} (the columns, in order, are listed in data/README.md)"
        )),
        (None, Some(c)) => Some(format!(
            "column {n} {c:?} is missing: found {} columns, expected {} (listed in data/README.md)",
            got.len(),
            cols.len()
        )),
        (Some(g), None) => Some(format!(
            "column {n} {g:?} is not expected: the last column is {:?} (listed in data/README.md)",
            cols.last().copied().unwrap_or_default()
        )),
        (None, None) => None,
    }
}

/// How quoting works, for the messages about it.
const QUOTING: &str = "a cell containing a comma or a double quote goes in double quotes, \
                       and a double quote inside it is written twice: \"say \"\"hi\"\", then go\"";

/// The first quoting mistake in the record starting at `raw` (the rest of the
/// file from the record's first byte, on line `line`), as `(line, message)`.
/// The CSV reader accepts these without complaint but reads something other
/// than what the editor meant: a stray opening quote swallows the lines after
/// it, a quote inside an unquoted cell or after a closing quote is kept as is.
fn quote_problem(raw: &str, line: u64) -> Option<(u64, String)> {
    let bytes = raw.as_bytes();
    let rest = |i: usize| bytes.get(i..).unwrap_or_default();
    let newlines = |b: &[u8]| b.iter().filter(|&&c| c == b'\n').count() as u64;
    let mut i = 0;
    let mut line = line;
    loop {
        if bytes.get(i) == Some(&b'"') {
            // A quoted cell: up to a quote that is not doubled.
            let open = line;
            i += 1;
            loop {
                let Some(q) = rest(i).iter().position(|&b| b == b'"') else {
                    return Some((
                        open,
                        format!(
                            "the double quote that opens a cell on this line is never closed, so the \
                             cell swallows every following line, to line {} ({QUOTING})",
                            line + newlines(rest(i))
                        ),
                    ));
                };
                line += newlines(rest(i).get(..q).unwrap_or_default());
                i += q + 1;
                if bytes.get(i) == Some(&b'"') {
                    i += 1;
                } else {
                    break;
                }
            }
            if line > open {
                return Some((
                    open,
                    format!(
                        "the double quote that opens a cell on this line is closed only on line {line}, \
                         so the lines in between are read as one cell (a stray double quote? {QUOTING})"
                    ),
                ));
            }
            match bytes.get(i) {
                Some(b',') => i += 1,
                None | Some(b'\r' | b'\n') => return None,
                Some(_) => {
                    return Some((
                        line,
                        format!("text after the closing double quote of a cell ({QUOTING})"),
                    ))
                }
            }
        } else {
            let end = rest(i)
                .iter()
                .position(|b| matches!(b, b',' | b'\r' | b'\n'))
                .map_or(bytes.len(), |p| i + p);
            if bytes.get(i..end).is_some_and(|cell| cell.contains(&b'"')) {
                return Some((
                    line,
                    format!(
                        "a double quote in a cell that does not start with one ({QUOTING}; \
                         nothing, not even a space, before the opening quote)"
                    ),
                ));
            }
            match bytes.get(end) {
                Some(b',') => i = end + 1,
                _ => return None,
            }
        }
    }
}

/// Decodes one file and splits it into rows. Reports the file's structural
/// problems (encoding, header, quoting, number of cells), which
/// [`check`] reports alone; returns `None` when the file as a whole cannot be
/// read (encoding or header).
fn read_rows(input: Input<'_>, cols: &'static [&'static str], sink: &mut Sink) -> Option<Vec<Row>> {
    let text = match std::str::from_utf8(input.bytes) {
        Ok(text) => text,
        Err(e) => {
            let (line, message) = encoding_problem(input.bytes, e.valid_up_to());
            sink.push(input.name, line, "encoding", message);
            return None;
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Lines ended by a carriage return alone (classic Mac OS, some exports): the rows would
    // read, but every problem would be reported on line 1.
    if text.contains('\r') && !text.contains('\n') {
        sink.push(
            input.name,
            1,
            "line ends",
            format!("lines end with a carriage return alone (old Mac line ends); {SAVE_AS}"),
        );
        return None;
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    // Lines are counted here from byte offsets: the reader's own line numbers
    // are off after a blank line or in a file with CRLF line ends (Excel's).
    let (mut counted_to, mut counted_line) = (0, 1);
    let mut line_at = |byte: usize| -> (usize, u64) {
        let start = byte
            + text
                .get(byte..)
                .unwrap_or_default()
                .bytes()
                .take_while(|b| matches!(b, b'\r' | b'\n'))
                .count();
        if start >= counted_to {
            counted_line += text
                .get(counted_to..start)
                .unwrap_or_default()
                .bytes()
                .filter(|&b| b == b'\n')
                .count() as u64;
            counted_to = start;
        }
        (start, counted_line)
    };
    let mut rows = Vec::new();
    let mut header_seen = false;
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let byte = e.position().map_or(0, |p| p.byte() as usize);
                let (_, line) = line_at(byte);
                sink.push(input.name, line, "row", format!("cannot read CSV: {e}"));
                return None;
            }
        };
        let (start, line) = line_at(record.position().map_or(0, |p| p.byte() as usize));
        if let Some((at, message)) = quote_problem(text.get(start..).unwrap_or_default(), line) {
            sink.push(input.name, at, "quotes", message);
            if !header_seen {
                return None;
            }
            continue;
        }
        let cells: Vec<String> = record.iter().map(str::to_string).collect();
        if !header_seen {
            header_seen = true;
            let got: Vec<&str> = cells.iter().map(|c| c.trim()).collect();
            if let Some(message) = header_problem(&got, cols) {
                sink.push(input.name, line, "header", message);
                return None;
            }
            continue;
        }
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if cells.len() != cols.len() {
            let hint = match cells.as_slice() {
                [only] if only.contains(';') || only.contains('\t') => {
                    format!("the row looks semicolon- or tab-separated; {SAVE_AS}")
                }
                _ => format!("{QUOTING}; a stray double quote joins the cells after it"),
            };
            sink.push(
                input.name,
                line,
                "columns",
                format!(
                    "expected {} cells, found {} ({hint})",
                    cols.len(),
                    cells.len()
                ),
            );
            continue;
        }
        for (col, cell) in cols.iter().zip(&cells) {
            if let Some(message) = invisible_problem(cell) {
                sink.push(input.name, line, col, message);
            }
        }
        rows.push(Row {
            file: input.name.to_string(),
            line,
            cols,
            cells,
        });
    }
    if !header_seen {
        sink.push(
            input.name,
            1,
            "header",
            format!("file is empty; expected the columns {:?}", cols.join(",")),
        );
        return None;
    }
    Some(rows)
}

/// A character that shows as nothing (or moves text about) in a cell: pasted from a web page
/// or a word processor, it breaks search and ids without being seen. Tabs and line breaks in a
/// cell too: a name or note is one line.
fn invisible_problem(cell: &str) -> Option<String> {
    // Besides what the widget never shows: the zero-width and joining characters.
    let (at, c) = cell.char_indices().find(|(_, c)| {
        crate::model::is_hidden(*c)
            || matches!(
                c,
                '\u{00AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}'
            )
    })?;
    let name = match c {
        '\t' => "a tab",
        '\n' | '\r' => "a line break (Alt+Enter in Excel)",
        '\u{00AD}' => "a soft hyphen",
        '\u{200B}' => "a zero-width space",
        '\u{200C}' | '\u{200D}' => "a zero-width joiner",
        '\u{2060}' => "a word joiner",
        '\u{FEFF}' => "a byte-order mark",
        c if c.is_control() => "a control character",
        _ => "a bidirectional-text mark",
    };
    let before: String = cell
        .get(..at)
        .unwrap_or_default()
        .chars()
        .rev()
        .take(12)
        .collect();
    let before: String = before.chars().rev().collect();
    let place = if before.trim().is_empty() {
        "at the start".to_owned()
    } else {
        format!("after \"{before}\"")
    };
    Some(format!(
        "contains {name} (U+{:04X}) {place}, which does not show: delete it",
        u32::from(c)
    ))
}

// ---------------------------------------------------------------------------
// Cell parsers: each reports its own problem and returns None on failure.

fn is_kebab(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

fn id_cell(row: &Row, field: &str, sink: &mut Sink) -> Option<String> {
    let v = row.get(field);
    if v.is_empty() {
        row.err(sink, field, "is missing");
        None
    } else if !is_kebab(v) {
        row.err(
            sink,
            field,
            format!("must be kebab-case (a-z, 0-9 and single hyphens), got {v:?}"),
        );
        None
    } else if v.len() > MAX_ID_LEN {
        row.err(
            sink,
            field,
            format!(
                "is {} characters long, over {MAX_ID_LEN}: ids travel in links (a comparison \
                 carries four), keep it short, got {v:?}",
                v.len()
            ),
        );
        None
    } else {
        Some(v.to_string())
    }
}

/// Longest id: the longest in the data is 27 characters (`hyperclova-x-seed-vision-3b`).
const MAX_ID_LEN: usize = 48;

fn required(row: &Row, field: &str, sink: &mut Sink) -> String {
    let v = row.get(field);
    if v.is_empty() {
        row.err(sink, field, "is missing");
    }
    v.to_string()
}

/// A Korean note: required, with its dates written as the widget writes Korean dates.
fn note_ko(row: &Row, sink: &mut Sink) -> String {
    let v = required(row, "note_ko", sink);
    if let Some((iso, korean)) = iso_date_in(&v) {
        row.err(
            sink,
            "note_ko",
            format!("write the date {iso:?} the Korean way, \"{korean}\", as the widget does"),
        );
    }
    v
}

/// The first ISO date in `text` ("2025-04-30", "2025-07", or "2024-11-25/27" for two days),
/// with its Korean form ("2025년 4월 30일", "2025년 7월", "2024년 11월 25·27일"). A day may
/// lack its leading zero ("2025-07-3").
fn iso_date_in(text: &str) -> Option<(String, String)> {
    let b = text.as_bytes();
    let digits = |from: usize, n: usize| -> Option<u32> {
        let part = b.get(from..from + n)?;
        part.iter()
            .all(u8::is_ascii_digit)
            .then(|| part.iter().fold(0, |v, d| v * 10 + u32::from(d - b'0')))
    };
    // A day of the month at `at`, and where it ends.
    let day_at = |at: usize| {
        let (d, len) = digits(at, 2)
            .map(|d| (d, 2))
            .or_else(|| digits(at, 1).map(|d| (d, 1)))?;
        (1..=31).contains(&d).then_some((d, at + len))
    };
    let free = |at: usize| !b.get(at).is_some_and(|c| c.is_ascii_digit() || *c == b'-');
    (0..b.len()).find_map(|i| {
        if i > 0 && !free(i - 1) || b.get(i + 4) != Some(&b'-') {
            return None;
        }
        let year = digits(i, 4)?;
        let month = digits(i + 5, 2).filter(|m| (1..=12).contains(m))?;
        let ym = format!("{year}년 {month}월");
        // The longest reading that ends where the date does: two days, one day, the month.
        let mut readings = Vec::new();
        if let Some((d, end)) = (b.get(i + 7) == Some(&b'-'))
            .then(|| day_at(i + 8))
            .flatten()
        {
            if let Some((d2, end2)) = (b.get(end) == Some(&b'/'))
                .then(|| day_at(end + 1))
                .flatten()
            {
                readings.push((end2, format!("{ym} {d}·{d2}일")));
            }
            readings.push((end, format!("{ym} {d}일")));
        }
        readings.push((i + 7, ym));
        let (end, korean) = readings.into_iter().find(|(end, _)| free(*end))?;
        Some((text.get(i..end)?.to_string(), korean))
    })
}

macro_rules! enum_cell {
    ($fn_name:ident, $ty:ty, $what:literal) => {
        fn $fn_name(row: &Row, field: &str, sink: &mut Sink) -> Option<$ty> {
            let v = row.get(field);
            let found = <$ty>::from_id(v);
            if found.is_none() {
                row.err(
                    sink,
                    field,
                    format!(
                        concat!("unknown ", $what, " {:?} (valid: {})"),
                        v,
                        <$ty>::id_list()
                    ),
                );
            }
            found
        }
    };
}
enum_cell!(sector_cell, Sector, "sector");
enum_cell!(status_cell, Status, "status");
enum_cell!(basis_cell, Basis, "basis");
enum_cell!(arch_cell, Arch, "architecture");
enum_cell!(weights_cell, Weights, "weights value");
enum_cell!(origin_cell, Origin, "origin");
enum_cell!(kind_cell, EventKind, "event kind");

/// A date cell's text as a date, or the problem in the editor's terms.
fn parse_date(text: &str) -> Result<Date, String> {
    const FORMS: &str = "YYYY, YYYY-MM or YYYY-MM-DD";
    let year_ok = text
        .split('-')
        .next()
        .is_some_and(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()));
    let digits_and_hyphens = text.bytes().all(|b| b.is_ascii_digit() || b == b'-');
    Date::read(text).map_err(|e| match e {
        _ if text.is_empty() => format!("is missing (write {FORMS})"),
        DateError::Digits { .. } | DateError::Shape if !(year_ok && digits_and_hyphens) => {
            format!("must be written {FORMS}, got “{text}”")
        }
        DateError::Year(_) => format!(
            "year “{}” in “{text}” is out of range (allowed: {}–{})",
            text.split('-').next().unwrap_or_default(),
            YEARS.0,
            YEARS.1
        ),
        e => e.message(text),
    })
}

/// The first day a date can stand for (`2026-11` is 2026-11-01): a date is
/// after `today` only when that day is.
fn first_day(d: Date) -> Date {
    Date {
        year: d.year,
        month: d.month.max(1),
        day: d.day.max(1),
    }
}

/// Today's date where the calendar is furthest ahead (UTC+14), for [`check`]'s
/// future-date rule: a model released today in Seoul (UTC+9) is never "after
/// today" on a build machine that keeps UTC.
pub fn today_anywhere() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    date_of_day((secs + 14 * 3600) / 86_400)
}

/// The calendar date of a day counted from 1970-01-01 (H. Hinnant's `civil_from_days`).
fn date_of_day(days: u64) -> Date {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z % 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + u64::from(month <= 2);
    Date {
        year: u16::try_from(year).unwrap_or(u16::MAX),
        month: month as u8,
        day: day as u8,
    }
}

/// A required date, not after `today`.
fn date_cell(row: &Row, field: &str, today: Date, sink: &mut Sink) -> Option<Date> {
    let v = row.get(field);
    match parse_date(v) {
        Ok(d) if first_day(d) > today => {
            row.err(
                sink,
                field,
                format!(
                    "“{v}” is after today ({}): a typo? (a planned date goes in the notes)",
                    today.iso()
                ),
            );
            None
        }
        Ok(d) => Some(d),
        Err(e) => {
            row.err(sink, field, e);
            None
        }
    }
}

/// An optional date: `Ok(None)` when empty, `Err(())` after reporting.
fn opt_date_cell(row: &Row, field: &str, today: Date, sink: &mut Sink) -> Result<Option<Date>, ()> {
    if row.get(field).is_empty() {
        Ok(None)
    } else {
        date_cell(row, field, today, sink).map(Some).ok_or(())
    }
}

/// Digits with at most 3 decimals, no exponent: what the widget writes back exactly
/// (`format::trimmed`) in exports and links.
fn plain_decimal(text: &str) -> bool {
    crate::model::parse_decimal(text, 3).is_some()
}

fn parse_positive(text: &str) -> Option<f64> {
    text.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite() && *v > 0.0)
}

/// Why a parameter figure in billions, `text` read as `v`, is too large to be
/// one: a raw count (6166502400) or millions (7800) typed in by mistake.
fn magnitude_problem(text: &str, v: f64) -> Option<String> {
    (v > MAX_PARAMS_B).then(|| {
        format!(
            "{text:?} is more than {MAX_PARAMS_B} billion parameters: the unit is billions \
             (write 6.17 for 6.17B, 0.35 for 350M); for a genuine larger model raise MAX_PARAMS_B \
             in src/validate.rs"
        )
    })
}

/// An optional positive number (billions): `Ok(None)` when empty.
fn opt_number_cell(row: &Row, field: &str, sink: &mut Sink) -> Result<Option<f64>, ()> {
    let v = row.get(field);
    if v.is_empty() {
        return Ok(None);
    }
    match parse_positive(v) {
        Some(_) if !plain_decimal(v) => {
            let msg = format!(
                "must be written as a plain decimal with at most 3 decimals (0.001 = one million parameters), got {v:?}"
            );
            row.err(sink, field, msg);
            Err(())
        }
        Some(n) => match magnitude_problem(v, n) {
            Some(msg) => {
                row.err(sink, field, msg);
                Err(())
            }
            None => Ok(Some(n)),
        },
        None => {
            row.err(
                sink,
                field,
                format!("must be a positive number, got {v:?}{}", number_hint(v)),
            );
            Err(())
        }
    }
}

/// What a number cell most likely got wrong: a decimal comma, or a unit.
fn number_hint(v: &str) -> &'static str {
    let digits_around = |sep: char| {
        v.split_once(sep).is_some_and(|(a, b)| {
            a.ends_with(|c: char| c.is_ascii_digit()) && b.starts_with(|c: char| c.is_ascii_digit())
        })
    };
    if digits_around(',') {
        ": use '.' as the decimal point and no thousands separators (7.8, not 7,8)"
    } else if v.ends_with(['B', 'b', 'M', 'm', 'K', 'k', 'T', 't']) {
        ": leave the unit out, the column is in billions (7.8 for 7.8B)"
    } else {
        ""
    }
}

fn bool_cell(row: &Row, field: &str, sink: &mut Sink) -> Option<bool> {
    match row.get(field) {
        "yes" => Some(true),
        "no" => Some(false),
        v => {
            row.err(sink, field, format!("must be yes or no, got {v:?}"));
            None
        }
    }
}

/// `;`-separated items, trimmed, empty items dropped.
fn list(row: &Row, field: &str) -> Vec<String> {
    row.get(field)
        .split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// Words naming licences that publish weights for anyone to use (Apache, MIT,
/// BSD, GPL, MPL, CC0, OpenRAIL, the Llama and Gemma community licences),
/// looked for as whole words of `license`; `CC-BY…` is matched as "cc" "by".
const OPEN_LICENCE_WORDS: &[&str] = &[
    "apache", "mit", "bsd", "gpl", "lgpl", "agpl", "mpl", "cc0", "openrail", "llama", "gemma",
];

/// A licence's words, lowercase, split at anything but letters and digits
/// (`CC-BY-NC-4.0` is cc, by, nc, 4, 0).
fn licence_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// One licence (a `;`-part of `license`) is a known open licence.
fn open_licence(part: &str) -> bool {
    let words = licence_words(part);
    words
        .iter()
        .any(|w| OPEN_LICENCE_WORDS.contains(&w.as_str()))
        || words.windows(2).any(|w| w[0] == "cc" && w[1] == "by")
}

/// One licence (a `;`-part of `license`) forbids commercial use: "NC" as a
/// word (`CC-BY-NC-4.0`, `… - NC`) or "non-commercial".
fn non_commercial(part: &str) -> bool {
    let words = licence_words(part);
    words.iter().any(|w| w == "nc" || w == "noncommercial")
        || words
            .windows(2)
            .any(|w| w[0] == "non" && w[1] == "commercial")
}

/// Why `license` contradicts `weights`, if it does: an open licence on closed
/// weights, or only non-commercial licences on open-commercial weights. A row
/// whose variants differ lists each licence, separated by `;`
/// (`base Apache-2.0; Instruct CC-BY-NC-4.0` is open-commercial: the base is).
fn licence_problem(weights: Weights, license: &str) -> Option<String> {
    let parts: Vec<&str> = license
        .split(';')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    match weights {
        Weights::Closed if parts.iter().any(|p| open_licence(p)) => Some(format!(
            "{license:?} is an open licence but weights is closed (with no open weights leave \
             license and license_ko empty; with open weights set weights to open-commercial, \
             open-research or open-unverified)"
        )),
        Weights::OpenCommercial if !parts.is_empty() && parts.iter().all(|p| non_commercial(p)) => {
            Some(format!(
                "{license:?} does not allow commercial use but weights is open-commercial (use \
                 open-research; if some variants allow it, list each licence separated by ';': \
                 base Apache-2.0; Instruct CC-BY-NC-4.0)"
            ))
        }
        _ => None,
    }
}

/// Why `code` is not one of [`LANGUAGES`], if it is not, with a hint for the usual slips.
fn language_problem(code: &str) -> Option<String> {
    if LANGUAGES.contains(&code) {
        return None;
    }
    let lower = code.to_ascii_lowercase();
    let hint = match lower.as_str() {
        "kr" | "kor" => " (Korean is ko)".to_string(),
        "jp" | "jpn" => " (Japanese is ja)".to_string(),
        "cn" | "zho" | "chi" => " (Chinese is zh)".to_string(),
        "eng" => " (English is en)".to_string(),
        "vn" | "vie" => " (Vietnamese is vi)".to_string(),
        "ger" | "deu" => " (German is de)".to_string(),
        "sp" | "spa" => " (Spanish is es)".to_string(),
        "fra" | "fre" => " (French is fr)".to_string(),
        _ if LANGUAGES.contains(&lower.as_str()) => format!(" (codes are lowercase: {lower})"),
        _ => String::new(),
    };
    Some(format!(
        "unknown language code {code:?}{hint} (valid: {}; a new language goes in LANGUAGES in \
         src/validate.rs and in i18n::language_name in src/i18n.rs)",
        LANGUAGES.join(", ")
    ))
}

/// Checks an http(s) URL: scheme, a host with a dot, no spaces.
fn url_problem(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    let host_ok = rest
        .and_then(|r| r.split(['/', '?', '#']).next())
        .is_some_and(|host| host.contains('.') && !host.starts_with('.') && !host.ends_with('.'));
    if !host_ok || url.chars().any(char::is_whitespace) {
        Some(format!(
            "must be an http(s) URL like https://host/path with no spaces, got {url:?}"
        ))
    } else if url.contains(';') {
        Some(format!(
            "must not contain ';' (write it as %3B): the CSV export lists a model's sources \
             separated by ';', got {url:?}"
        ))
    } else {
        canonical_problem(rest.unwrap_or_default(), url)
    }
}

/// Why a URL is not the publisher's own page: a mobile or AMP copy, tracking parameters,
/// or a user name before the host (`https://news.example@evil.example/`).
fn canonical_problem(rest: &str, url: &str) -> Option<String> {
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let host = host
        .split(['?', '#'])
        .next()
        .unwrap_or(host)
        .to_ascii_lowercase();
    let (path, query) = path.split_once('?').unwrap_or((path, ""));
    let tracking = query
        .split('&')
        .filter_map(|pair| pair.split('=').next())
        .find(|key| {
            let key = key.to_ascii_lowercase();
            key.starts_with("utm_") || matches!(key.as_str(), "fbclid" | "gclid")
        });
    let amp_path = path
        .to_ascii_lowercase()
        .split('/')
        .any(|part| part == "amp" || part.starts_with("ampnews"));
    if host.contains('@') {
        Some(format!(
            "has a user name before its host ('@'): link the page itself, got {url:?}"
        ))
    } else if let Some(key) = tracking {
        Some(format!(
            "carries the tracking parameter {key:?}: remove it (and anything like it), got {url:?}"
        ))
    } else if host.starts_with("m.") || host.starts_with("amp.") || amp_path {
        Some(format!(
            "is a mobile or AMP copy: link the publisher's canonical page (the \
             `<link rel=\"canonical\">` of this one), got {url:?}"
        ))
    } else {
        None
    }
}

/// The card shows `base_model` as it is, in both languages ("Derived (Qwen2.5)" / "파생
/// (Qwen2.5)"), so it holds model names only; how a model was built belongs in the notes,
/// which each reader gets in their language.
fn base_model_problem(text: &str, origin: Option<Origin>) -> Option<String> {
    if text.is_empty() {
        return None;
    }
    if origin.is_some_and(|o| o != Origin::Derived) {
        return Some(format!(
            "only derived models have a base model (origin is {:?}): empty this cell or set origin to \"derived\"",
            origin.map(Origin::id).unwrap_or_default()
        ));
    }
    if text.contains(['(', ')']) {
        return Some(format!(
            "model names only, separated by ';' (e.g. \"Qwen2.5; Llama 3 8B\"), got {text:?}: \
             readers of both languages see this cell as written, so say how the model was \
             built in note_en and note_ko"
        ));
    }
    None
}

/// A source given by url/title/title_ko/date columns. The URL may be empty only when
/// `allow_no_url` (a print citation whose canonical page could not be found).
fn source_cells(
    row: &Row,
    (url_col, title_col, title_ko_col, date_col): (&str, &str, &str, &str),
    allow_no_url: bool,
    today: Date,
    sink: &mut Sink,
) -> Option<SourceRow> {
    let url = row.get(url_col);
    let mut ok = true;
    if url.is_empty() {
        if !allow_no_url {
            row.err(sink, url_col, "is missing");
            ok = false;
        }
    } else if let Some(message) = url_problem(url) {
        row.err(sink, url_col, message);
        ok = false;
    }
    // Korean readers see `title_ko`: our own short description in Korean, or the
    // headline of a Korean article.
    for col in [title_col, title_ko_col] {
        let title = row.get(col);
        if title.is_empty() {
            row.err(sink, col, "is missing");
            ok = false;
        } else if title.contains(';') {
            row.err(
                sink,
                col,
                "must not contain ';' (use ',' or '·'): the CSV export lists a model's sources \
                 separated by ';'",
            );
            ok = false;
        }
    }
    let date = opt_date_cell(row, date_col, today, sink);
    match (ok, date) {
        (true, Ok(date)) => Some(SourceRow {
            url: url.to_string(),
            title: row.get(title_col).to_string(),
            title_ko: row.get(title_ko_col).to_string(),
            date,
        }),
        _ => None,
    }
}

/// Amount and basis: `value` empty exactly when `basis` is undisclosed.
fn params_cells(row: &Row, value_col: &str, basis_col: &str, sink: &mut Sink) -> Option<ParamsRow> {
    let value = opt_number_cell(row, value_col, sink);
    let basis = basis_cell(row, basis_col, sink)?;
    let value = value.ok()?;
    match (basis, value) {
        (Basis::Undisclosed, Some(_)) => {
            row.err(
                sink,
                value_col,
                format!(
                    "must be empty when {basis_col} is undisclosed, got {:?}",
                    row.get(value_col)
                ),
            );
            None
        }
        (Basis::Undisclosed, None) => Some(ParamsRow {
            value_b: None,
            basis,
        }),
        (_, None) => {
            row.err(
                sink,
                value_col,
                format!(
                    "is empty but {basis_col} is {:?} (use undisclosed when no figure is known)",
                    basis.id()
                ),
            );
            None
        }
        (_, Some(v)) => Some(ParamsRow {
            value_b: Some(v),
            basis,
        }),
    }
}

// ---------------------------------------------------------------------------
// Files

fn check_unique(rows: &[Row], col: &str, sink: &mut Sink) {
    let mut seen: HashMap<&str, u64> = HashMap::new();
    for row in rows {
        let id = row.get(col);
        if id.is_empty() {
            continue;
        }
        if let Some(first) = seen.get(id) {
            row.err(
                sink,
                col,
                format!("duplicate id {id:?} (first on line {first})"),
            );
        } else {
            seen.insert(id, row.line);
        }
    }
}

fn parse_org(row: &Row, sink: &mut Sink) -> Option<OrgRow> {
    let id = id_cell(row, "id", sink);
    let name_en = required(row, "name_en", sink);
    let name_ko = required(row, "name_ko", sink);
    let sector = sector_cell(row, "sector", sink);
    let parent = row.get("parent");
    let country = row.get("country");
    let mut ok = true;
    let country_ok = country.is_empty()
        || (country.len() == 2 && country.bytes().all(|b| b.is_ascii_uppercase()));
    if !country_ok {
        row.err(
            sink,
            "country",
            format!("must be a two-letter ISO code like KR or US, or empty, got {country:?}"),
        );
        ok = false;
    }
    if !ok || name_en.is_empty() || name_ko.is_empty() {
        return None;
    }
    Some(OrgRow {
        id: id?,
        name_en,
        name_ko,
        sector: sector?,
        parent: (!parent.is_empty()).then(|| parent.to_string()),
        country: country.to_string(),
    })
}

fn parse_family(row: &Row, sink: &mut Sink) -> Option<FamilyRow> {
    let id = id_cell(row, "id", sink);
    let name_en = required(row, "name_en", sink);
    let name_ko = required(row, "name_ko", sink);
    let org = required(row, "org", sink);
    if name_en.is_empty() || name_ko.is_empty() || org.is_empty() {
        return None;
    }
    Some(FamilyRow {
        id: id?,
        name_en,
        name_ko,
        org,
    })
}

/// A model row before sources, disputes and the sector are attached.
fn parse_model(row: &Row, today: Date, sink: &mut Sink) -> Option<ModelRow> {
    let id = id_cell(row, "id", sink);
    let name_en = required(row, "name_en", sink);
    let name_ko = required(row, "name_ko", sink);
    let family = row.get("family");
    let org = required(row, "org", sink);
    let date = date_cell(row, "date", today, sink);
    let status = status_cell(row, "status", sink);
    let total = params_cells(row, "params_b", "params_basis", sink);
    let arch = arch_cell(row, "arch", sink);
    let weights = weights_cell(row, "weights", sink);
    let origin = origin_cell(row, "origin", sink);
    let in_article = bool_cell(row, "in_article", sink);
    let reference = bool_cell(row, "reference", sink);
    let note_en = required(row, "note_en", sink);
    let note_ko = note_ko(row, sink);
    let mut ok = !(name_en.is_empty()
        || name_ko.is_empty()
        || org.is_empty()
        || note_en.is_empty()
        || note_ko.is_empty());

    // The licence in both languages, or in neither: a Korean card must not fall back to English.
    let license = row.get("license").to_string();
    let license_ko = row.get("license_ko").to_string();
    if license.is_empty() != license_ko.is_empty() {
        let (field, other) = if license.is_empty() {
            ("license", "license_ko")
        } else {
            ("license_ko", "license")
        };
        row.err(
            sink,
            field,
            format!("required when {other} is set (the licence in both languages, or neither)"),
        );
        ok = false;
    }

    if let Some(message) = weights.and_then(|w| licence_problem(w, &license)) {
        row.err(sink, "license", message);
        ok = false;
    }
    if status == Some(Status::Announced) && weights.is_some_and(|w| w != Weights::Closed) {
        row.err(
            sink,
            "weights",
            "an announced model has no weights to download yet: set weights to closed, or \
             status to released (with the release date)",
        );
        ok = false;
    }

    // Active parameters: only for MoE, where a basis is required.
    let has_active = !row.get("active_b").is_empty() || !row.get("active_basis").is_empty();
    let mut active = None;
    match arch {
        Some(Arch::Moe) => match params_cells(row, "active_b", "active_basis", sink) {
            Some(a) => active = Some(a),
            None => ok = false,
        },
        Some(other) if has_active => {
            let field = if row.get("active_b").is_empty() {
                "active_basis"
            } else {
                "active_b"
            };
            row.err(
                sink,
                field,
                format!(
                    "only MoE models have active parameters (arch is {:?})",
                    other.id()
                ),
            );
            ok = false;
        }
        _ => {}
    }
    if let (Some(t), Some(a)) = (total, active) {
        if let (Some(tv), Some(av)) = (t.value_b, a.value_b) {
            if av > tv {
                row.err(
                    sink,
                    "active_b",
                    format!("active ({av}) exceeds total params_b ({tv})"),
                );
                ok = false;
            }
        }
    }

    // Sizes: positive, ascending, the largest matching params_b.
    let mut sizes_b = Vec::new();
    let mut sizes_ok = true;
    for item in list(row, "sizes_b") {
        match parse_positive(&item) {
            Some(v) if plain_decimal(&item) => match magnitude_problem(&item, v) {
                Some(msg) => {
                    row.err(sink, "sizes_b", msg);
                    sizes_ok = false;
                }
                None => sizes_b.push(v),
            },
            _ => {
                row.err(
                    sink,
                    "sizes_b",
                    format!("must be positive numbers (at most 3 decimals) separated by ';', got {item:?}"),
                );
                sizes_ok = false;
            }
        }
    }
    if sizes_ok && sizes_b.windows(2).any(|w| matches!(w, [a, b] if a >= b)) {
        row.err(
            sink,
            "sizes_b",
            format!(
                "must be in ascending order without repeats, got {:?}",
                row.get("sizes_b")
            ),
        );
        sizes_ok = false;
    }
    ok &= sizes_ok;
    if let (true, Some(t), Some(&max)) = (sizes_ok, total, sizes_b.last()) {
        match t.value_b {
            Some(tv) if (max - tv).abs() > tv * SIZE_TOLERANCE => {
                row.err(
                    sink,
                    "sizes_b",
                    format!("largest size ({max}) does not match params_b ({tv})"),
                );
                ok = false;
            }
            None => {
                row.err(sink, "sizes_b", "lists sizes but params_b is undisclosed (put tested or planned sizes in the notes)");
                ok = false;
            }
            _ => {}
        }
    }

    let mut modalities = Vec::new();
    let items = list(row, "modalities");
    for item in &items {
        match Modality::from_id(item) {
            Some(m) => modalities.push(m),
            None => {
                row.err(
                    sink,
                    "modalities",
                    format!("unknown modality {item:?} (valid: {})", Modality::id_list()),
                );
                ok = false;
            }
        }
    }
    if items.is_empty() {
        row.err(
            sink,
            "modalities",
            format!("is missing (valid: {})", Modality::id_list()),
        );
        ok = false;
    }

    let languages = list(row, "languages");
    for lang in &languages {
        if let Some(message) = language_problem(lang) {
            row.err(sink, "languages", message);
            ok = false;
        }
    }

    let context_text = row.get("context");
    let context = if context_text.is_empty() {
        None
    } else {
        // `u32::parse` would take "+4096" too; the rule is digits only.
        let digits = context_text.bytes().all(|b| b.is_ascii_digit());
        match context_text.parse::<u32>() {
            Ok(n) if n > 0 && digits => Some(n),
            _ => {
                row.err(
                    sink,
                    "context",
                    format!("must be a whole number of tokens (digits only), got {context_text:?}"),
                );
                ok = false;
                None
            }
        }
    };

    let base_model = row.get("base_model");
    if let Some(message) = base_model_problem(base_model, origin) {
        row.err(sink, "base_model", message);
        ok = false;
    }

    if !ok {
        return None;
    }
    Some(ModelRow {
        id: id?,
        name_en,
        name_ko,
        family: (!family.is_empty()).then(|| family.to_string()),
        org,
        sector: Sector::Startup,
        date: date?,
        status: status?,
        total: total?,
        active,
        sizes_b,
        arch: arch?,
        modalities,
        languages,
        weights: weights?,
        license,
        license_ko,
        context,
        origin: origin?,
        base_model: base_model.to_string(),
        in_article: in_article?,
        reference: reference?,
        sources: Vec::new(),
        disputes: Vec::new(),
        note_en,
        note_ko,
    })
}

fn parse_dispute(row: &Row, today: Date, sink: &mut Sink) -> Option<DisputeRow> {
    let field = row.get("field");
    let mut ok = true;
    if !DISPUTE_FIELDS.contains(&field) {
        row.err(
            sink,
            "field",
            format!(
                "unknown disputed field {field:?} (valid: {})",
                DISPUTE_FIELDS.join(", ")
            ),
        );
        ok = false;
    }
    let value_b = opt_number_cell(row, "value_b", sink);
    let claim = required(row, "claim", sink);
    let note_en = required(row, "note_en", sink);
    let note_ko = note_ko(row, sink);
    let source = source_cells(
        row,
        (
            "source_url",
            "source_title",
            "source_title_ko",
            "source_date",
        ),
        true,
        today,
        sink,
    );
    if !ok || claim.is_empty() || note_en.is_empty() || note_ko.is_empty() {
        return None;
    }
    Some(DisputeRow {
        field: field.to_string(),
        value_b: value_b.ok()?,
        claim,
        note_en,
        note_ko,
        source: source?,
    })
}

fn parse_event(row: &Row, today: Date, sink: &mut Sink) -> Option<EventRow> {
    let id = id_cell(row, "id", sink);
    let date = date_cell(row, "date", today, sink);
    let kind = kind_cell(row, "kind", sink);
    let title_en = required(row, "title_en", sink);
    let title_ko = required(row, "title_ko", sink);
    let in_article = bool_cell(row, "in_article", sink);
    let source = source_cells(
        row,
        (
            "source_url",
            "source_title",
            "source_title_ko",
            "source_date",
        ),
        true,
        today,
        sink,
    );
    let note_en = required(row, "note_en", sink);
    let note_ko = note_ko(row, sink);
    if title_en.is_empty() || title_ko.is_empty() || note_en.is_empty() || note_ko.is_empty() {
        return None;
    }
    Some(EventRow {
        id: id?,
        date: date?,
        kind: kind?,
        title_en,
        title_ko,
        orgs: list(row, "orgs"),
        in_article: in_article?,
        source: source?,
        note_en,
        note_ko,
    })
}

/// "a → b → a" when following `id`'s parents leads back to it.
fn parent_loop(id: &str, parents: &HashMap<String, Option<String>>) -> Option<String> {
    let mut chain = vec![id];
    let mut at = id;
    // A chain longer than the organisations has looped, maybe without `id` in the loop
    // (that loop is reported on its own rows).
    for _ in 0..parents.len() {
        at = parents.get(at)?.as_deref()?;
        chain.push(at);
        if at == id {
            return Some(chain.join(" → "));
        }
    }
    None
}

/// `problems` ordered by file (in [`FILES`] order) and line.
fn sorted(inputs: &Inputs<'_>, mut problems: Vec<Problem>) -> Vec<Problem> {
    let names = [
        inputs.organisations.name,
        inputs.families.name,
        inputs.models.name,
        inputs.sources.name,
        inputs.disputes.name,
        inputs.events.name,
    ];
    let order = |file: &str| names.iter().position(|n| *n == file).unwrap_or(names.len());
    problems.sort_by_key(|p| (order(&p.file), p.line));
    problems
}

/// Validates all files; a date after `today` (the build machine's date, from
/// [`today_anywhere`]; tests pass a fixed one) is a typo. On success returns the
/// dataset; otherwise every problem found, ordered by file and line. Structural
/// problems (encoding, header, quoting, number of cells) are reported alone: a
/// file read wrongly would give false problems elsewhere ("no source for …"
/// when sources.csv lost rows), so the rest is checked once they are fixed.
pub fn check(inputs: &Inputs<'_>, today: Date) -> Result<Dataset, Vec<Problem>> {
    let mut sink = Sink::default();
    let org_rows = read_rows(inputs.organisations, ORG_COLS, &mut sink);
    let family_rows = read_rows(inputs.families, FAMILY_COLS, &mut sink);
    let model_rows = read_rows(inputs.models, MODEL_COLS, &mut sink);
    let source_rows = read_rows(inputs.sources, SOURCE_COLS, &mut sink);
    let dispute_rows = read_rows(inputs.disputes, DISPUTE_COLS, &mut sink);
    let event_rows = read_rows(inputs.events, EVENT_COLS, &mut sink);
    if !sink.problems.is_empty() {
        return Err(sorted(inputs, sink.problems));
    }

    // Organisations. (Every file was readable; the reference checks below still
    // only run against a file that was.)
    let org_ids: Option<HashMap<String, Option<String>>> = org_rows.as_ref().map(|rows| {
        rows.iter()
            .map(|r| {
                (
                    r.get("id").to_string(),
                    (!r.get("parent").is_empty()).then(|| r.get("parent").to_string()),
                )
            })
            .collect()
    });
    let mut organisations = Vec::new();
    if let Some(rows) = &org_rows {
        check_unique(rows, "id", &mut sink);
        for row in rows {
            if let Some(org) = parse_org(row, &mut sink) {
                if let (Some(parent), Some(ids)) = (&org.parent, &org_ids) {
                    if parent == &org.id {
                        row.err(
                            &mut sink,
                            "parent",
                            "an organisation cannot be its own parent",
                        );
                    } else if !ids.contains_key(parent) {
                        row.err(
                            &mut sink,
                            "parent",
                            format!(
                                "unknown organisation {parent:?} (add it to organisations.csv)"
                            ),
                        );
                    } else if let Some(chain) = parent_loop(&org.id, ids) {
                        row.err(
                            &mut sink,
                            "parent",
                            format!("the parents loop back to this organisation: {chain}"),
                        );
                    }
                }
                organisations.push(org);
            }
        }
    }
    let sector_of: HashMap<&str, Sector> = organisations
        .iter()
        .map(|o| (o.id.as_str(), o.sector))
        .collect();
    let related = |a: &str, b: &str| -> bool {
        let parent = |x: &str| {
            org_ids
                .as_ref()
                .and_then(|ids| ids.get(x).cloned().flatten())
        };
        a == b || parent(a).as_deref() == Some(b) || parent(b).as_deref() == Some(a)
    };
    let unknown_org = |row: &Row, field: &str, org: &str, sink: &mut Sink| {
        if let Some(ids) = &org_ids {
            if !ids.contains_key(org) {
                // "naver,naver-cloud": a list written with the wrong separator.
                let hint = if org.contains(',') {
                    "; several organisations are separated by ';', not ','"
                } else {
                    " (add it to organisations.csv)"
                };
                row.err(sink, field, format!("unknown organisation {org:?}{hint}"));
                return true;
            }
        }
        false
    };

    // Families.
    let mut families = Vec::new();
    let family_org: Option<HashMap<String, String>> = family_rows.as_ref().map(|rows| {
        rows.iter()
            .map(|r| (r.get("id").to_string(), r.get("org").to_string()))
            .collect()
    });
    if let Some(rows) = &family_rows {
        check_unique(rows, "id", &mut sink);
        for row in rows {
            if let Some(family) = parse_family(row, &mut sink) {
                if !unknown_org(row, "org", &family.org, &mut sink) {
                    families.push(family);
                }
            }
        }
    }

    // Models.
    let mut models: Vec<(u64, ModelRow)> = Vec::new();
    let model_ids: Option<HashSet<String>> = model_rows
        .as_ref()
        .map(|rows| rows.iter().map(|r| r.get("id").to_string()).collect());
    if let Some(rows) = &model_rows {
        check_unique(rows, "id", &mut sink);
        for row in rows {
            let Some(mut model) = parse_model(row, today, &mut sink) else {
                continue;
            };
            let mut ok = !unknown_org(row, "org", &model.org, &mut sink);
            if let (Some(family), Some(fams)) = (&model.family, &family_org) {
                match fams.get(family) {
                    None => {
                        row.err(
                            &mut sink,
                            "family",
                            format!(
                                "unknown family {family:?} (add it to families.csv or leave empty)"
                            ),
                        );
                        ok = false;
                    }
                    Some(owner) if ok && org_ids.is_some() && !related(owner, &model.org) => {
                        row.err(
                            &mut sink,
                            "family",
                            format!("family {family:?} belongs to {owner:?}, which is not {:?} or its parent or child", model.org),
                        );
                        ok = false;
                    }
                    Some(_) => {}
                }
            }
            if let Some(&sector) = sector_of.get(model.org.as_str()) {
                model.sector = sector;
            }
            if ok {
                models.push((row.line, model));
            }
        }
    }
    let unknown_model = |row: &Row, id: &str, sink: &mut Sink| -> bool {
        match &model_ids {
            Some(ids) if !ids.contains(id) => {
                row.err(
                    sink,
                    "model_id",
                    format!("unknown model {id:?} (not in models.csv)"),
                );
                true
            }
            _ => false,
        }
    };

    // Sources.
    let mut sources_of: HashMap<String, Vec<SourceRow>> = HashMap::new();
    if let Some(rows) = &source_rows {
        let mut seen: HashMap<(String, String), u64> = HashMap::new();
        for row in rows {
            let Some(model_id) = id_cell(row, "model_id", &mut sink) else {
                continue;
            };
            let source = source_cells(
                row,
                ("url", "title", "title_ko", "date"),
                false,
                today,
                &mut sink,
            );
            if unknown_model(row, &model_id, &mut sink) {
                continue;
            }
            let key = (model_id.clone(), row.get("url").to_string());
            if let Some(first) = seen.get(&key) {
                row.err(
                    &mut sink,
                    "url",
                    format!("duplicate source for {model_id:?} (first on line {first})"),
                );
                continue;
            }
            seen.insert(key, row.line);
            if let Some(source) = source {
                sources_of.entry(model_id).or_default().push(source);
            }
        }
    }

    // Disputes.
    let mut disputes_of: HashMap<String, Vec<DisputeRow>> = HashMap::new();
    if let Some(rows) = &dispute_rows {
        let accepted: HashMap<&str, (u64, &ModelRow)> = models
            .iter()
            .map(|(line, m)| (m.id.as_str(), (*line, m)))
            .collect();
        // (model, field, value or, with no value, claim) -> first line.
        let mut seen: HashMap<(String, String, String), u64> = HashMap::new();
        for row in rows {
            let Some(model_id) = id_cell(row, "model_id", &mut sink) else {
                continue;
            };
            let dispute = parse_dispute(row, today, &mut sink);
            if unknown_model(row, &model_id, &mut sink) {
                continue;
            }
            let Some(dispute) = dispute else {
                continue;
            };
            let (col, what) = match dispute.value_b {
                Some(v) => ("value_b", v.to_string()),
                None => ("claim", dispute.claim.clone()),
            };
            let key = (model_id.clone(), dispute.field.clone(), what);
            if let Some(first) = seen.get(&key) {
                row.err(
                    &mut sink,
                    col,
                    format!(
                        "duplicate dispute of {model_id:?} {} {:?} (first on line {first}): one row per disputed figure",
                        key.1, key.2
                    ),
                );
                continue;
            }
            seen.insert(key, row.line);
            if let (Some(v), Some(&(line, model))) =
                (dispute.value_b, accepted.get(model_id.as_str()))
            {
                let (field, value) = match dispute.field.as_str() {
                    "active" => ("active_b", model.active.and_then(|a| a.value_b)),
                    _ => ("params_b", model.total.value_b),
                };
                if value == Some(v) {
                    row.err(
                        &mut sink,
                        "value_b",
                        format!(
                            "{v} is the accepted {field} of {model_id:?} ({}:{line}): a dispute records a figure the row does not accept",
                            inputs.models.name
                        ),
                    );
                    continue;
                }
            }
            disputes_of.entry(model_id).or_default().push(dispute);
        }
    }

    // Every model needs a source (when sources.csv itself was readable).
    if let (Some(rows), Some(srcs)) = (&model_rows, &source_rows) {
        let cited: HashSet<&str> = srcs.iter().map(|r| r.get("model_id")).collect();
        for row in rows {
            let id = row.get("id");
            if is_kebab(id) && !cited.contains(id) {
                row.err(
                    &mut sink,
                    "sources",
                    format!("no source for {id:?}: add at least one row to sources.csv"),
                );
            }
        }
    }

    // Events.
    let mut events = Vec::new();
    if let Some(rows) = &event_rows {
        check_unique(rows, "id", &mut sink);
        for row in rows {
            let Some(event) = parse_event(row, today, &mut sink) else {
                continue;
            };
            let mut ok = true;
            for org in &event.orgs {
                if unknown_org(row, "orgs", org, &mut sink) {
                    ok = false;
                }
            }
            if ok {
                events.push(event);
            }
        }
    }

    if !sink.problems.is_empty() {
        return Err(sorted(inputs, sink.problems));
    }

    let mut models: Vec<ModelRow> = models
        .into_iter()
        .map(|(_, mut m)| {
            m.sources = sources_of.remove(&m.id).unwrap_or_default();
            m.disputes = disputes_of.remove(&m.id).unwrap_or_default();
            m
        })
        .collect();
    models.sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
    events.sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
    Ok(Dataset {
        organisations,
        families,
        models,
        events,
    })
}

// ---------------------------------------------------------------------------
// Code generation

/// The dataset as three flat statics that `crate::data` reads back once, in
/// the same order: every text, one after another (`TEXT`); counts, lengths,
/// enum positions, flags and dates (`CODES`, numbers as LEB128); figures in
/// billions (`NUMBERS`). Rust statics with a pointer and a length for every
/// text cost ≈ 3 KB more gzip in the wasm than this.
#[derive(Default)]
struct Blob {
    text: String,
    codes: Vec<u8>,
    numbers: Vec<f64>,
}

impl Blob {
    fn count(&mut self, mut n: usize) {
        loop {
            let low = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                self.codes.push(low);
                return;
            }
            self.codes.push(low | 0x80);
        }
    }

    fn flag(&mut self, on: bool) {
        self.codes.push(u8::from(on));
    }

    fn text(&mut self, s: &str) {
        self.count(s.len());
        self.text.push_str(s);
    }

    /// `None` is written as an empty text: ids are never empty.
    fn opt_text(&mut self, s: Option<&str>) {
        self.text(s.unwrap_or(""));
    }

    fn texts(&mut self, items: &[String]) {
        self.count(items.len());
        for s in items {
            self.text(s);
        }
    }

    /// The position of `v` in `all` (an enum's `ALL`).
    fn pick<T: PartialEq>(&mut self, all: &[T], v: &T) {
        self.count(all.iter().position(|x| x == v).unwrap_or(0));
    }

    fn number(&mut self, v: Option<f64>) {
        self.flag(v.is_some());
        if let Some(v) = v {
            self.numbers.push(v);
        }
    }

    fn date(&mut self, d: Date) {
        self.count(d.year.into());
        self.count(d.month.into());
        self.count(d.day.into());
    }

    fn params(&mut self, p: ParamsRow) {
        self.number(p.value_b);
        self.pick(Basis::ALL, &p.basis);
    }

    fn source(&mut self, s: &SourceRow) {
        self.text(&s.url);
        self.text(&s.title);
        self.text(&s.title_ko);
        self.flag(s.date.is_some());
        if let Some(d) = s.date {
            self.date(d);
        }
    }

    fn organisation(&mut self, o: &OrgRow) {
        self.text(&o.id);
        self.text(&o.name_en);
        self.text(&o.name_ko);
        self.pick(Sector::ALL, &o.sector);
        self.opt_text(o.parent.as_deref());
        self.text(&o.country);
    }

    fn family(&mut self, f: &FamilyRow) {
        self.text(&f.id);
        self.text(&f.name_en);
        self.text(&f.name_ko);
        self.text(&f.org);
    }

    fn dispute(&mut self, d: &DisputeRow) {
        self.text(&d.field);
        self.number(d.value_b);
        self.text(&d.claim);
        self.text(&d.note_en);
        self.text(&d.note_ko);
        self.source(&d.source);
    }

    fn model(&mut self, m: &ModelRow) {
        self.text(&m.id);
        self.text(&m.name_en);
        self.text(&m.name_ko);
        self.opt_text(m.family.as_deref());
        self.text(&m.org);
        self.pick(Sector::ALL, &m.sector);
        self.date(m.date);
        self.pick(Status::ALL, &m.status);
        self.params(m.total);
        self.flag(m.active.is_some());
        if let Some(active) = m.active {
            self.params(active);
        }
        self.count(m.sizes_b.len());
        self.numbers.extend_from_slice(&m.sizes_b);
        self.pick(Arch::ALL, &m.arch);
        self.count(m.modalities.len());
        for x in &m.modalities {
            self.pick(Modality::ALL, x);
        }
        self.texts(&m.languages);
        self.pick(Weights::ALL, &m.weights);
        self.text(&m.license);
        self.text(&m.license_ko);
        // Context windows are whole tokens; 0 is "not stated".
        self.count(m.context.map_or(0, |c| c as usize));
        self.pick(Origin::ALL, &m.origin);
        self.text(&m.base_model);
        self.flag(m.in_article);
        self.flag(m.reference);
        self.count(m.sources.len());
        for s in &m.sources {
            self.source(s);
        }
        self.count(m.disputes.len());
        for d in &m.disputes {
            self.dispute(d);
        }
        self.text(&m.note_en);
        self.text(&m.note_ko);
    }

    fn event(&mut self, e: &EventRow) {
        self.text(&e.id);
        self.date(e.date);
        self.pick(EventKind::ALL, &e.kind);
        self.text(&e.title_en);
        self.text(&e.title_ko);
        self.texts(&e.orgs);
        self.flag(e.in_article);
        self.source(&e.source);
        self.text(&e.note_en);
        self.text(&e.note_ko);
    }
}

/// Generates `dataset.rs`: the statics `TEXT`, `CODES` and `NUMBERS` that
/// `crate::data` decodes into organisations, families, models and events.
pub fn generate(ds: &Dataset) -> String {
    let mut blob = Blob::default();
    blob.count(ds.organisations.len());
    ds.organisations.iter().for_each(|o| blob.organisation(o));
    blob.count(ds.families.len());
    ds.families.iter().for_each(|f| blob.family(f));
    blob.count(ds.models.len());
    ds.models.iter().for_each(|m| blob.model(m));
    blob.count(ds.events.len());
    ds.events.iter().for_each(|e| blob.event(e));

    let mut out = String::from("// @generated by build.rs from data/*.csv. Do not edit.\n\n");
    let _ = writeln!(out, "static TEXT: &str = {:?};\n", blob.text);
    out.push_str("static CODES: &[u8] = &[");
    for (i, b) in blob.codes.iter().enumerate() {
        out.push_str(if i % 32 == 0 { "\n    " } else { " " });
        let _ = write!(out, "{b},");
    }
    out.push_str("\n];\n\nstatic NUMBERS: &[f64] = &[");
    for v in &blob.numbers {
        let _ = write!(out, "{v:?}, ");
    }
    out.push_str("];\n");
    out
}

/// The real data files, compiled into the tests.
#[cfg(test)]
pub(crate) fn real_inputs() -> Inputs<'static> {
    Inputs {
        organisations: Input {
            name: "data/organisations.csv",
            bytes: include_bytes!("../data/organisations.csv"),
        },
        families: Input {
            name: "data/families.csv",
            bytes: include_bytes!("../data/families.csv"),
        },
        models: Input {
            name: "data/models.csv",
            bytes: include_bytes!("../data/models.csv"),
        },
        sources: Input {
            name: "data/sources.csv",
            bytes: include_bytes!("../data/sources.csv"),
        },
        disputes: Input {
            name: "data/disputes.csv",
            bytes: include_bytes!("../data/disputes.csv"),
        },
        events: Input {
            name: "data/events.csv",
            bytes: include_bytes!("../data/events.csv"),
        },
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/data/");

    /// "Today" for the fixtures, fixed so that the future-date rule is tested
    /// the same on any day.
    const TODAY: Date = Date {
        year: 2025,
        month: 6,
        day: 15,
    };

    fn real() -> Inputs<'static> {
        real_inputs()
    }

    /// The data rows of a CSV file (those whose column `only.0` is `only.1`),
    /// counted with the csv crate alone, not with this module's reader.
    pub(crate) fn csv_rows(bytes: &[u8], only: Option<(&str, &str)>) -> usize {
        let mut reader = csv::Reader::from_reader(bytes);
        let column = only.map(|(col, _)| {
            let headers = reader.headers().unwrap();
            headers.iter().position(|h| h == col).unwrap()
        });
        reader
            .records()
            .map(Result::unwrap)
            .filter(|r| match (column, only) {
                (Some(i), Some((_, value))) => r.get(i) == Some(value),
                _ => true,
            })
            .count()
    }

    /// The small valid fixture set with `fixture` (e.g. "models-bad-date.csv")
    /// standing in for the base file of the same kind ("models.csv").
    fn check_fixture(fixture: Option<&str>) -> Result<Dataset, Vec<String>> {
        let files: Vec<(String, Vec<u8>)> = FILES
            .iter()
            .map(|base| {
                let name = match fixture {
                    Some(f) if f.starts_with(base.trim_end_matches(".csv")) => f.to_string(),
                    _ => format!("base/{base}"),
                };
                let bytes = std::fs::read(format!("{FIXTURES}{name}")).unwrap();
                (format!("tests/fixtures/data/{name}"), bytes)
            })
            .collect();
        let inputs = Inputs::from_files(&files);
        check(&inputs, TODAY).map_err(|ps| ps.iter().map(ToString::to_string).collect())
    }

    /// The fixture produces exactly one problem, starting with `prefix`.
    #[track_caller]
    fn assert_one(fixture: &str, prefix: &str) {
        let problems = check_fixture(Some(fixture)).expect_err("fixture should fail");
        assert_eq!(problems.len(), 1, "{fixture}: {problems:#?}");
        assert!(
            problems[0].starts_with(prefix),
            "{fixture}: expected {prefix:?}, got {:?}",
            problems[0]
        );
    }

    #[test]
    fn real_data_passes() {
        let ds = match check(&real(), today_anywhere()) {
            Ok(ds) => ds,
            Err(problems) => panic!(
                "data/ has problems:\n{}",
                problems
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("\n")
            ),
        };
        // Nothing dropped: the counts come from the files, read with the csv
        // crate alone, so adding a row correctly keeps this test passing.
        let inputs = real();
        let kept = |what: &str, file: &Input<'_>, only: Option<(&str, &str)>, got: usize| {
            let rows = csv_rows(file.bytes, only);
            assert_eq!(
                got,
                rows,
                "{}: {rows} rows{} but {got} {what} after validation",
                file.name,
                only.map(|(c, v)| format!(" with {c}={v}"))
                    .unwrap_or_default()
            );
        };
        kept("models", &inputs.models, None, ds.models.len());
        let korean = ds.models.iter().filter(|m| !m.reference).count();
        kept(
            "Korean models",
            &inputs.models,
            Some(("reference", "no")),
            korean,
        );
        let announced = ds.models.iter().filter(|m| m.status == Status::Announced);
        kept(
            "announced models",
            &inputs.models,
            Some(("status", "announced")),
            announced.count(),
        );
        let sources = ds.models.iter().map(|m| m.sources.len()).sum();
        kept("sources", &inputs.sources, None, sources);
        let disputes = ds.models.iter().map(|m| m.disputes.len()).sum();
        kept("disputes", &inputs.disputes, None, disputes);
        kept("events", &inputs.events, None, ds.events.len());
        kept(
            "organisations",
            &inputs.organisations,
            None,
            ds.organisations.len(),
        );
        kept("families", &inputs.families, None, ds.families.len());
        assert!(ds
            .models
            .windows(2)
            .all(|w| (w[0].date, &w[0].id) <= (w[1].date, &w[1].id)));
        let gpt3 = ds.models.iter().find(|m| m.id == "gpt-3").unwrap();
        assert!(gpt3.reference && gpt3.in_article);
        assert_eq!(
            gpt3.total,
            ParamsRow {
                value_b: Some(175.0),
                basis: Basis::Official
            }
        );
        let kogpt = ds.models.iter().find(|m| m.id == "kogpt-6b").unwrap();
        assert_eq!(kogpt.sector, Sector::Messenger);
        assert!(kogpt.disputes.iter().any(|d| d.value_b == Some(30.0)));
        let exaone2 = ds.models.iter().find(|m| m.id == "exaone-2-0").unwrap();
        assert_eq!(exaone2.total.basis, Basis::Undisclosed);
        assert!(exaone2.disputes.iter().any(|d| d.value_b.is_none()));
        assert!(ds.models.iter().all(|m| !m.sources.is_empty()));
        // No mirrors among the sources.
        let mirrors = [
            "031202.xyz",
            "icepanda",
            "hf-mirror",
            "workers.dev",
            "sciencestack",
            "alphaxiv",
            "raw.githubusercontent",
            "emergentmind",
        ];
        for m in &ds.models {
            for s in &m.sources {
                assert!(
                    !mirrors.iter().any(|x| s.url.contains(x)),
                    "{}: mirror {}",
                    m.id,
                    s.url
                );
            }
        }
    }

    /// The statics `crate::data` reads (its test reads every field back).
    #[test]
    fn generated_code_has_the_three_statics() {
        let ds = check(&real(), today_anywhere()).unwrap();
        let code = generate(&ds);
        for start in [
            "static TEXT: &str = \"",
            "static CODES: &[u8] = &[",
            "static NUMBERS: &[f64] = &[",
        ] {
            assert_eq!(code.matches(start).count(), 1, "{start}");
        }
        assert!(code.contains("하이퍼클로바X"));
        assert!(code.contains(" 6.17, "));
    }

    #[test]
    fn base_fixture_passes_and_bom_is_accepted() {
        let ds = check_fixture(None).unwrap();
        assert_eq!(ds.models.len(), 2);
        assert_eq!(ds.models[0].note_en, "Note, with a comma.");
        assert_eq!(
            ds.models[1].active,
            Some(ParamsRow {
                value_b: Some(10.0),
                basis: Basis::Reported
            })
        );
        assert_eq!(check_fixture(Some("models-bom.csv")).unwrap(), ds);
    }

    #[test]
    fn cp949_file_is_reported_with_its_line() {
        assert_one(
            "models-cp949.csv",
            "tests/fixtures/data/models-cp949.csv:2: encoding: ",
        );
        let problems = check_fixture(Some("models-cp949.csv")).unwrap_err();
        assert!(
            problems[0].contains("save as \"CSV UTF-8"),
            "{}",
            problems[0]
        );
    }

    #[test]
    fn wrong_column_count() {
        assert_one(
            "models-columns.csv",
            "tests/fixtures/data/models-columns.csv:3: columns: expected 25 cells, found 24",
        );
    }

    #[test]
    fn context_is_digits_only() {
        assert_one(
            "models-signed-context.csv",
            "tests/fixtures/data/models-signed-context.csv:2: context: must be a whole number of tokens (digits only), got \"+4096\"",
        );
    }

    #[test]
    fn licence_in_one_language_only() {
        let problems = check_fixture(Some("models-license-one-language.csv")).unwrap_err();
        assert_eq!(
            problems,
            [
                "tests/fixtures/data/models-license-one-language.csv:2: license_ko: required when license is set (the licence in both languages, or neither)",
                "tests/fixtures/data/models-license-one-language.csv:3: license: required when license_ko is set (the licence in both languages, or neither)",
            ]
        );
    }

    #[test]
    fn duplicate_and_malformed_ids() {
        assert_one("models-duplicate-id.csv", "tests/fixtures/data/models-duplicate-id.csv:4: id: duplicate id \"rocket-1\" (first on line 2)");
        assert_one(
            "models-bad-id.csv",
            "tests/fixtures/data/models-bad-id.csv:4: id: must be kebab-case",
        );
    }

    #[test]
    fn unknown_references() {
        assert_one(
            "models-unknown-org.csv",
            "tests/fixtures/data/models-unknown-org.csv:2: org: unknown organisation \"acme-corp\"",
        );
        assert_one(
            "models-unknown-family.csv",
            "tests/fixtures/data/models-unknown-family.csv:2: family: unknown family \"rockets\"",
        );
        assert_one(
            "organisations-unknown-parent.csv",
            "tests/fixtures/data/organisations-unknown-parent.csv:2: parent: unknown organisation",
        );
        let file = "tests/fixtures/data/organisations-parent-loop.csv";
        assert_eq!(
            check_fixture(Some("organisations-parent-loop.csv")).unwrap_err(),
            [
                format!("{file}:2: parent: the parents loop back to this organisation: acme → acme-lab → acme"),
                format!("{file}:3: parent: the parents loop back to this organisation: acme-lab → acme → acme-lab"),
            ]
        );
        // A chain that runs into a loop it is not part of: the loop's members are named.
        let file = "tests/fixtures/data/organisations-parent-tail.csv";
        assert_eq!(
            check_fixture(Some("organisations-parent-tail.csv")).unwrap_err(),
            [
                format!("{file}:3: parent: the parents loop back to this organisation: acme-lab → acme-x → acme-lab"),
                format!("{file}:4: parent: the parents loop back to this organisation: acme-x → acme-lab → acme-x"),
            ]
        );
        assert_one("disputes-unknown-model.csv", "tests/fixtures/data/disputes-unknown-model.csv:2: model_id: unknown model \"rocket-9\"");
        assert_one("events-unknown-org.csv", "tests/fixtures/data/events-unknown-org.csv:2: orgs: unknown organisation \"acme-telecom\"");
    }

    #[test]
    fn unknown_enum_values_list_the_valid_ids() {
        assert_one(
            "organisations-unknown-sector.csv",
            "tests/fixtures/data/organisations-unknown-sector.csv:2: sector: unknown sector \"Telecom\" (valid: manufacturing, telecom, it-services, portal, messenger, game, startup, research)",
        );
        assert_one(
            "models-unknown-enum.csv",
            "tests/fixtures/data/models-unknown-enum.csv:2: weights: unknown weights value \"open\" (valid: open-commercial, open-research, open-unverified, closed)",
        );
    }

    #[test]
    fn malformed_and_impossible_dates() {
        assert_one(
            "models-bad-date.csv",
            "tests/fixtures/data/models-bad-date.csv:2: date: month must be 2 digits",
        );
        assert_one(
            "models-impossible-date.csv",
            "tests/fixtures/data/models-impossible-date.csv:3: date: day 30 does not exist",
        );
    }

    #[test]
    fn bad_sizes() {
        assert_one("models-negative-size.csv", "tests/fixtures/data/models-negative-size.csv:2: params_b: must be a positive number, got \"-3\"");
        assert_one("models-nonnumeric-size.csv", "tests/fixtures/data/models-nonnumeric-size.csv:2: params_b: must be a positive number, got \"13B\"");
        assert_one("models-too-precise-size.csv", "tests/fixtures/data/models-too-precise-size.csv:2: params_b: must be written as a plain decimal with at most 3 decimals (0.001 = one million parameters), got \"1.2345\"");
        assert_one(
            "models-zero-size.csv",
            "tests/fixtures/data/models-zero-size.csv:2: sizes_b: must be positive numbers",
        );
        assert_one(
            "models-sizes-order.csv",
            "tests/fixtures/data/models-sizes-order.csv:2: sizes_b: must be in ascending order",
        );
        assert_one("models-sizes-max.csv", "tests/fixtures/data/models-sizes-max.csv:2: sizes_b: largest size (6.4) does not match params_b (13)");
    }

    #[test]
    fn params_and_basis_must_agree() {
        assert_one("models-active-gt-total.csv", "tests/fixtures/data/models-active-gt-total.csv:3: active_b: active (120) exceeds total params_b (100)");
        assert_one("models-undisclosed-with-number.csv", "tests/fixtures/data/models-undisclosed-with-number.csv:2: params_b: must be empty when params_basis is undisclosed");
        assert_one("models-missing-number.csv", "tests/fixtures/data/models-missing-number.csv:3: params_b: is empty but params_basis is \"reported\"");
        assert_one("models-active-on-dense.csv", "tests/fixtures/data/models-active-on-dense.csv:2: active_b: only MoE models have active parameters");
    }

    #[test]
    fn sources_names_and_urls() {
        assert_one(
            "sources-missing.csv",
            "tests/fixtures/data/base/models.csv:3: sources: no source for \"rocket-2\"",
        );
        assert_one(
            "sources-bad-url.csv",
            "tests/fixtures/data/sources-bad-url.csv:3: url: must be an http(s) URL",
        );
        // The CSV export lists a model's source URLs and titles separated by ";".
        let problems =
            check_fixture(Some("sources-semicolon.csv")).expect_err("fixture should fail");
        assert_eq!(problems.len(), 3, "{problems:#?}");
        assert!(
            problems[0].starts_with(
                "tests/fixtures/data/sources-semicolon.csv:2: url: must not contain ';'"
            ),
            "{problems:#?}"
        );
        assert!(
            problems[1].starts_with(
                "tests/fixtures/data/sources-semicolon.csv:3: title: must not contain ';'"
            ),
            "{problems:#?}"
        );
        assert!(
            problems[2].starts_with(
                "tests/fixtures/data/sources-semicolon.csv:3: title_ko: must not contain ';'"
            ),
            "{problems:#?}"
        );
        assert_one(
            "sources-missing-title-ko.csv",
            "tests/fixtures/data/sources-missing-title-ko.csv:2: title_ko: is missing",
        );
        assert_one(
            "models-missing-name.csv",
            "tests/fixtures/data/models-missing-name.csv:2: name_en: is missing",
        );
        assert_one(
            "events-missing-title.csv",
            "tests/fixtures/data/events-missing-title.csv:2: title_en: is missing",
        );
    }

    #[test]
    fn an_announced_model_has_no_open_weights() {
        assert_one(
            "models-announced-open.csv",
            "tests/fixtures/data/models-announced-open.csv:2: weights: an announced model has no weights to download yet: set weights to closed, or status to released (with the release date)",
        );
    }

    #[test]
    fn base_model_holds_names_of_a_derived_models_bases() {
        let problems = check_fixture(Some("models-base-model.csv")).unwrap_err();
        let file = "tests/fixtures/data/models-base-model.csv";
        assert_eq!(
            problems,
            vec![
                format!("{file}:2: base_model: only derived models have a base model (origin is \"scratch\"): empty this cell or set origin to \"derived\""),
                format!("{file}:3: base_model: model names only, separated by ';' (e.g. \"Qwen2.5; Llama 3 8B\"), got \"Mistral 7B (depth up-scaling)\": readers of both languages see this cell as written, so say how the model was built in note_en and note_ko"),
            ]
        );
    }

    #[test]
    fn korean_notes_write_dates_the_korean_way() {
        let found = |t: &str| iso_date_in(t).map(|(iso, ko)| format!("{iso} → {ko}"));
        assert_eq!(
            found("2025-04-30 출시"),
            Some("2025-04-30 → 2025년 4월 30일".into())
        );
        assert_eq!(
            found("KoGPT(2021-11-16)는"),
            Some("2021-11-16 → 2021년 11월 16일".into())
        );
        assert_eq!(
            found("보고서 2025-07."),
            Some("2025-07 → 2025년 7월".into())
        );
        assert_eq!(
            found("2024-11-25/27 업로드"),
            Some("2024-11-25/27 → 2024년 11월 25·27일".into())
        );
        // Two ISO dates in a row: the first is named, then (once written in Korean) the next.
        assert_eq!(
            found("2024-11-25/2024-11-27"),
            Some("2024-11-25 → 2024년 11월 25일".into())
        );
        assert_eq!(
            found("2024-11-25/2024년 11월 27일"),
            Some("2024-11-25 → 2024년 11월 25일".into())
        );
        assert_eq!(
            found("2024-11-25/270"),
            Some("2024-11-25 → 2024년 11월 25일".into())
        );
        assert_eq!(
            found("2025-07-3 출시"),
            Some("2025-07-3 → 2025년 7월 3일".into())
        );
        assert_eq!(
            found("2025-07-31/1"),
            Some("2025-07-31/1 → 2025년 7월 31·1일".into())
        );
        // Not dates: year ranges, months past 12, days past 31, model names, longer numbers.
        for text in [
            "2023-2024년",
            "2025-13",
            "2025-07-00",
            "2025-07-32",
            "Llama-3-8B",
            "A.X-2025-07",
            "12025-07-01",
            "2025-07-011",
        ] {
            assert_eq!(found(text), None, "{text}");
        }
        assert_eq!(found("2025년 4월 30일 출시"), None);
        assert_one(
            "disputes-iso-date-ko.csv",
            "tests/fixtures/data/disputes-iso-date-ko.csv:2: note_ko: write the date \"2023-08-22\" the Korean way, \"2023년 8월 22일\", as the widget does",
        );
        assert_one(
            "models-iso-date-ko.csv",
            "tests/fixtures/data/models-iso-date-ko.csv:2: note_ko: write the date \"2023-08-22\" the Korean way, \"2023년 8월 22일\", as the widget does",
        );
    }

    #[test]
    fn all_problems_in_a_file_are_reported() {
        let problems = check_fixture(Some("models-three-mistakes.csv")).unwrap_err();
        let file = "tests/fixtures/data/models-three-mistakes.csv";
        assert_eq!(
            problems,
            vec![
                format!("{file}:2: params_b: must be a positive number, got \"-3\""),
                format!("{file}:3: date: day 30 does not exist in “2023-02-30”"),
                format!(
                    "{file}:3: weights: unknown weights value \"shut\" (valid: open-commercial, open-research, open-unverified, closed)"
                ),
            ]
        );
    }

    #[test]
    fn parameter_figures_are_in_billions() {
        let unit = "is more than 5000 billion parameters: the unit is billions (write 6.17 for 6.17B, 0.35 for 350M); for a genuine larger model raise MAX_PARAMS_B in src/validate.rs";
        assert_eq!(
            check_fixture(Some("models-raw-count.csv")).unwrap_err(),
            [format!(
                "tests/fixtures/data/models-raw-count.csv:2: params_b: \"6166502400\" {unit}"
            )]
        );
        assert_eq!(
            check_fixture(Some("models-millions-size.csv")).unwrap_err(),
            [format!(
                "tests/fixtures/data/models-millions-size.csv:2: sizes_b: \"7800\" {unit}"
            )]
        );
        assert_eq!(
            check_fixture(Some("disputes-raw-count.csv")).unwrap_err(),
            [format!(
                "tests/fixtures/data/disputes-raw-count.csv:2: value_b: \"30000000000\" {unit}"
            )]
        );
        assert_eq!(magnitude_problem("5000", 5000.0), None);
        assert!(magnitude_problem("5000.001", 5000.001).is_some());
    }

    #[test]
    fn dates_after_today_are_typos() {
        assert_eq!(
            check_fixture(Some("models-future-date.csv")).unwrap_err(),
            ["tests/fixtures/data/models-future-date.csv:2: date: “2052-07-15” is after today (2025-06-15): a typo? (a planned date goes in the notes)"]
        );
        assert_one(
            "events-future-date.csv",
            "tests/fixtures/data/events-future-date.csv:2: date: “2025-07” is after today (2025-06-15): a typo?",
        );
        assert_one(
            "disputes-future-date.csv",
            "tests/fixtures/data/disputes-future-date.csv:2: source_date: “2052” is after today",
        );
        assert_one(
            "sources-future-date.csv",
            "tests/fixtures/data/sources-future-date.csv:2: date: “2025-06-16” is after today",
        );
        // A month or a year is after today only from its first day on.
        let after = |text: &str| first_day(Date::parse(text).unwrap()) > TODAY;
        for (text, later) in [
            ("2025-06-15", false),
            ("2025-06-16", true),
            ("2025-06", false),
            ("2025-07", true),
            ("2025", false),
            ("2026", true),
        ] {
            assert_eq!(after(text), later, "{text}");
        }
    }

    #[test]
    fn today_is_a_calendar_date() {
        let d = |year, month, day| Date { year, month, day };
        assert_eq!(date_of_day(0), d(1970, 1, 1));
        assert_eq!(date_of_day(19_591), d(2023, 8, 22));
        assert_eq!(date_of_day(19_782), d(2024, 2, 29));
        assert_eq!(date_of_day(20_420), d(2025, 11, 28));
        assert_eq!(date_of_day(20_818), d(2026, 12, 31));
        let today = today_anywhere();
        assert!(today >= d(2026, 1, 1) && today.day > 0, "{today:?}");
    }

    #[test]
    fn language_codes_are_the_ones_the_widget_names() {
        use crate::i18n::language_name;
        use crate::state::Lang;
        for code in LANGUAGES {
            for lang in [Lang::En, Lang::Ko] {
                assert_ne!(
                    language_name(code, lang),
                    *code,
                    "{code} has no name in i18n::language_name: add it there"
                );
            }
        }
        assert_eq!(
            check_fixture(Some("models-bad-language.csv")).unwrap_err(),
            ["tests/fixtures/data/models-bad-language.csv:2: languages: unknown language code \"kr\" (Korean is ko) (valid: ko, en, ja, zh, es, de, vi, fr; a new language goes in LANGUAGES in src/validate.rs and in i18n::language_name in src/i18n.rs)"]
        );
        assert!(language_problem("ko").is_none());
        assert!(language_problem("KO")
            .unwrap()
            .contains("(codes are lowercase: ko)"));
        assert!(language_problem("jp").unwrap().contains("(Japanese is ja)"));
        assert!(language_problem("xx")
            .unwrap()
            .starts_with("unknown language code \"xx\" (valid: "));
    }

    #[test]
    fn duplicate_and_accepted_disputes() {
        assert_eq!(
            check_fixture(Some("disputes-duplicate.csv")).unwrap_err(),
            ["tests/fixtures/data/disputes-duplicate.csv:3: value_b: duplicate dispute of \"rocket-1\" params \"30\" (first on line 2): one row per disputed figure"]
        );
        assert_eq!(
            check_fixture(Some("disputes-accepted-value.csv")).unwrap_err(),
            [
                "tests/fixtures/data/disputes-accepted-value.csv:3: value_b: 13 is the accepted params_b of \"rocket-1\" (tests/fixtures/data/base/models.csv:2): a dispute records a figure the row does not accept",
                "tests/fixtures/data/disputes-accepted-value.csv:4: value_b: 10 is the accepted active_b of \"rocket-2\" (tests/fixtures/data/base/models.csv:3): a dispute records a figure the row does not accept",
            ]
        );
    }

    #[test]
    fn licence_agrees_with_weights() {
        assert_eq!(
            check_fixture(Some("models-closed-open-licence.csv")).unwrap_err(),
            ["tests/fixtures/data/models-closed-open-licence.csv:3: license: \"Apache-2.0\" is an open licence but weights is closed (with no open weights leave license and license_ko empty; with open weights set weights to open-commercial, open-research or open-unverified)"]
        );
        assert_eq!(
            check_fixture(Some("models-commercial-nc-licence.csv")).unwrap_err(),
            ["tests/fixtures/data/models-commercial-nc-licence.csv:2: license: \"CC-BY-NC-4.0\" does not allow commercial use but weights is open-commercial (use open-research; if some variants allow it, list each licence separated by ';': base Apache-2.0; Instruct CC-BY-NC-4.0)"]
        );
        let closed = |l: &str| licence_problem(Weights::Closed, l).is_some();
        let commercial = |l: &str| licence_problem(Weights::OpenCommercial, l).is_some();
        for open in [
            "MIT",
            "Apache-2.0 (Hugging Face tags)",
            "Solar-Apache License 2.0",
            "CC-BY-4.0",
            "Llama 3 / Llama 3.1 Community License",
            "Gemma Terms of Use",
        ] {
            assert!(closed(open), "{open}");
        }
        // "mit" inside a word is no MIT licence.
        for other in [
            "",
            "commercial-use licence (per model unverified)",
            "proprietary",
        ] {
            assert!(!closed(other), "{other}");
        }
        for nc in [
            "CC-BY-NC-4.0",
            "EXAONE AI Model License 1.1 - NC",
            "EXAONE AI Model License 1.0 (non-commercial)",
            "weights CC-BY-NC-ND 4.0",
        ] {
            assert!(commercial(nc), "{nc}");
        }
        for ok in [
            "",
            "Apache-2.0",
            "HyperCLOVA X SEED licence",
            "base Apache-2.0; Instruct CC-BY-NC-4.0",
        ] {
            assert!(!commercial(ok), "{ok}");
        }
        assert_eq!(licence_problem(Weights::OpenResearch, "CC-BY-NC-4.0"), None);
    }

    #[test]
    fn quoting_mistakes_name_the_line_where_the_quote_opened() {
        assert_eq!(
            check_fixture(Some("models-stray-quote.csv")).unwrap_err(),
            [format!("tests/fixtures/data/models-stray-quote.csv:2: quotes: the double quote that opens a cell on this line is never closed, so the cell swallows every following line, to line 4 ({QUOTING})")]
        );
        assert_eq!(
            check_fixture(Some("models-quote-spans-lines.csv")).unwrap_err(),
            [format!("tests/fixtures/data/models-quote-spans-lines.csv:2: quotes: the double quote that opens a cell on this line is closed only on line 4, so the lines in between are read as one cell (a stray double quote? {QUOTING})")]
        );
        assert_eq!(
            check_fixture(Some("models-quote-unquoted.csv")).unwrap_err(),
            [format!("tests/fixtures/data/models-quote-unquoted.csv:3: quotes: a double quote in a cell that does not start with one ({QUOTING}; nothing, not even a space, before the opening quote)")]
        );
        assert_eq!(
            check_fixture(Some("models-quote-after-closing.csv")).unwrap_err(),
            [format!("tests/fixtures/data/models-quote-after-closing.csv:2: quotes: text after the closing double quote of a cell ({QUOTING})")]
        );
        assert_eq!(quote_problem("a,\"b \"\"c\"\"\",d\r\ne,f", 7), None);
        assert_eq!(quote_problem(" \"a\"", 7).map(|p| p.0), Some(7));
    }

    #[test]
    fn structural_problems_are_reported_alone() {
        // sources.csv loses rocket-2's row to the stray quote: no "no source for" follows.
        assert_eq!(
            check_fixture(Some("sources-stray-quote.csv")).unwrap_err(),
            [format!("tests/fixtures/data/sources-stray-quote.csv:2: quotes: the double quote that opens a cell on this line is never closed, so the cell swallows every following line, to line 4 ({QUOTING})")]
        );
        // The bad date on line 2 is reported once line 3 has its cells.
        assert_eq!(
            check_fixture(Some("models-columns-and-bad-date.csv")).unwrap_err(),
            [format!("tests/fixtures/data/models-columns-and-bad-date.csv:3: columns: expected 25 cells, found 24 ({QUOTING}; a stray double quote joins the cells after it)")]
        );
    }

    #[test]
    fn line_numbers_with_crlf_and_blank_lines() {
        assert_one(
            "models-crlf.csv",
            "tests/fixtures/data/models-crlf.csv:3: date: month must be 2 digits",
        );
        assert_one(
            "models-blank-lines.csv",
            "tests/fixtures/data/models-blank-lines.csv:5: date: month must be 2 digits",
        );
    }

    #[test]
    fn header_mismatch_names_the_first_differing_column() {
        assert_eq!(
            check_fixture(Some("models-header-renamed.csv")).unwrap_err(),
            ["tests/fixtures/data/models-header-renamed.csv:1: header: column 3 should be \"name_ko\", found \"name\" (the columns, in order, are listed in data/README.md)"]
        );
        assert_eq!(
            check_fixture(Some("models-semicolon.csv")).unwrap_err(),
            ["tests/fixtures/data/models-semicolon.csv:1: header: the header is one cell with semicolons in it: the file looks semicolon-separated; save as \"CSV UTF-8 (Comma delimited)\""]
        );
        let cols = &["id", "name", "date"];
        assert_eq!(header_problem(&["id", "name", "date"], cols), None);
        assert!(header_problem(&["id\tname\tdate"], cols)
            .unwrap()
            .contains("tab-separated"));
        assert_eq!(
            header_problem(&["id", "name"], cols).unwrap(),
            "column 3 \"date\" is missing: found 2 columns, expected 3 (listed in data/README.md)"
        );
        assert_eq!(
            header_problem(&["id", "name", "date", "x"], cols).unwrap(),
            "column 4 \"x\" is not expected: the last column is \"date\" (listed in data/README.md)"
        );
    }

    #[test]
    fn dates_not_in_the_three_forms() {
        assert_eq!(
            check_fixture(Some("models-slash-date.csv")).unwrap_err(),
            ["tests/fixtures/data/models-slash-date.csv:2: date: must be written YYYY, YYYY-MM or YYYY-MM-DD, got “2025/03/01”"]
        );
        assert_eq!(
            check_fixture(Some("models-year-range.csv")).unwrap_err(),
            ["tests/fixtures/data/models-year-range.csv:2: date: year “0225” in “0225-07-15” is out of range (allowed: 1950–2100)"]
        );
        for text in [
            "12/9/2024",
            "March 2025",
            "20250301",
            "23-08-01",
            "2025.03.01",
        ] {
            assert_eq!(
                parse_date(text),
                Err(format!(
                    "must be written YYYY, YYYY-MM or YYYY-MM-DD, got “{text}”"
                ))
            );
        }
        assert!(parse_date("").unwrap_err().starts_with("is missing"));
        // The message's range is what `Date::read` accepts.
        for (year, ok) in [
            (YEARS.0 - 1, false),
            (YEARS.0, true),
            (YEARS.1, true),
            (YEARS.1 + 1, false),
        ] {
            assert_eq!(Date::read(&year.to_string()).is_ok(), ok, "{year}");
        }
    }

    #[test]
    fn utf16_file_is_named_as_such() {
        assert_eq!(
            check_fixture(Some("models-utf16.csv")).unwrap_err(),
            ["tests/fixtures/data/models-utf16.csv:1: encoding: file is UTF-16, not UTF-8 (it starts with the bytes 0xFF 0xFE; Excel's \"Unicode Text\" saves this): save as \"CSV UTF-8 (Comma delimited)\""]
        );
    }

    #[test]
    fn invisible_characters_in_a_cell_are_named_and_placed() {
        assert_one(
            "models-invisible.csv",
            "tests/fixtures/data/models-invisible.csv:2: name_ko: contains a zero-width space (U+200B) after \"로켓\", which does not show: delete it",
        );
        assert_eq!(invisible_problem("하이퍼클로바X 1.0 (HyperCLOVA X)"), None);
        for (cell, named) in [
            ("\u{feff}rocket", "a byte-order mark (U+FEFF) at the start"),
            ("a\tb", "a tab (U+0009) after \"a\""),
            ("a\u{202e}b", "a bidirectional-text mark (U+202E)"),
            ("a\u{ad}b", "a soft hyphen (U+00AD)"),
        ] {
            let message = invisible_problem(cell).unwrap_or_default();
            assert!(message.contains(named), "{cell:?}: {message}");
        }
    }

    #[test]
    fn old_mac_line_ends_are_named() {
        assert_one(
            "models-cr.csv",
            "tests/fixtures/data/models-cr.csv:1: line ends: lines end with a carriage return alone",
        );
    }

    #[test]
    fn ids_are_kept_short_and_org_lists_hint_at_their_separator() {
        let long = format!("rocket-{}", "x".repeat(MAX_ID_LEN));
        let base = std::fs::read_to_string(format!("{FIXTURES}base/models.csv")).unwrap();
        let files: Vec<(String, Vec<u8>)> = FILES
            .iter()
            .map(|f| {
                let text = std::fs::read_to_string(format!("{FIXTURES}base/{f}")).unwrap();
                let text = match *f {
                    "models.csv" => {
                        base.replacen("rocket-1,Rocket 1", &format!("{long},Rocket 1"), 1)
                    }
                    "events.csv" => text.replacen("acme;acme-lab", "\"acme,acme-lab\"", 1),
                    _ => text,
                };
                (format!("data/{f}"), text.into_bytes())
            })
            .collect();
        let problems: Vec<String> = check(&Inputs::from_files(&files), TODAY)
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert!(
            problems
                .iter()
                .any(|p| p.starts_with("data/models.csv:2: id: is 55 characters long, over 48")),
            "{problems:#?}"
        );
        assert!(
            problems.iter().any(|p| p.contains("orgs: unknown organisation \"acme,acme-lab\"; several organisations are separated by ';'")),
            "{problems:#?}"
        );
    }

    #[test]
    fn number_cells_say_what_is_likely_wrong() {
        assert!(number_hint("7,8").contains("decimal point"));
        assert!(number_hint("1,750").contains("thousands"));
        assert!(number_hint("7.8B").contains("billions"));
        assert_eq!(number_hint("abc"), "");
    }

    #[test]
    fn source_links_are_the_publishers_own_pages() {
        assert_one(
            "sources-mobile-copy.csv",
            "tests/fixtures/data/sources-mobile-copy.csv:2: url: carries the tracking parameter \"utm_source\"",
        );
        for bad in [
            "https://m.hankyung.com/article/2021121480651",
            "https://amp.example.com/news/1",
            "https://www.example.com/news/amp/123",
            "https://fnnews.com/ampNews/202112140914064354",
            "https://www.example.com/news/123?utm_medium=social",
            "https://www.example.com/news/123?id=1&fbclid=abc",
            "https://www.example.com/news/123?GCLID=abc",
            "https://www.example.com@evil.example/news",
        ] {
            assert!(url_problem(bad).is_some(), "{bad}");
        }
        for good in [
            "https://www.example.com/amplifier/1",
            "https://www.example.com/news?page=2",
            "https://huggingface.co/amphion/x",
        ] {
            assert_eq!(url_problem(good), None, "{good}");
        }
    }

    #[test]
    fn url_check() {
        assert_eq!(url_problem("https://huggingface.co/skt/A.X-K1"), None);
        assert_eq!(
            url_problem("http://news.bizwatch.co.kr/article/mobile/2023/07/10/0013"),
            None
        );
        for bad in [
            "huggingface.co/x",
            "https://",
            "https://localhost/x",
            "ftp://a.b/c",
            "https://a.b/c d",
            "https://.com/",
        ] {
            assert!(url_problem(bad).is_some(), "{bad}");
        }
    }

    #[test]
    fn kebab_case() {
        assert!(is_kebab("42dot-llm-1-3b") && is_kebab("gpt-3"));
        for bad in ["", "-a", "a-", "a--b", "A-b", "a_b", "a b", "에이"] {
            assert!(!is_kebab(bad), "{bad}");
        }
    }
}

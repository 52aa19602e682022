//! Downloads of the current filtered set: CSV (UTF-8 with BOM, so Korean Excel
//! opens it correctly) and JSON, both with sources. Pure string builders; the
//! component only wraps the result in a Blob.
//!
//! JSON is written by hand rather than with serde_json: the shapes are fixed
//! and small, and it keeps a JSON serialiser out of the WASM bundle.

use crate::data;
use crate::format;
use crate::model::{Date, Dispute, Model, Params};
use crate::state::Lang;

/// Columns of the CSV export, in order. Ids and numbers are language-neutral;
/// names and notes come in both languages.
pub const CSV_COLUMNS: &[&str] = &[
    "id",
    "name_en",
    "name_ko",
    "organisation_id",
    "organisation_en",
    "organisation_ko",
    "sector",
    "date",
    "status",
    "family",
    "params_b",
    "params_basis",
    "active_b",
    "active_basis",
    "sizes_b",
    "architecture",
    "modalities",
    "languages",
    "weights",
    "license",
    "license_ko",
    "context",
    "origin",
    "base_model",
    "in_2023_article",
    "sources",
    "source_titles",
    "source_titles_ko",
    "source_dates",
    "disputed",
    "note_en",
    "note_ko",
    "disputed_ko",
];

/// One CSV field: quoted when it holds a comma, quote or line break; text that
/// a spreadsheet would run as a formula gets a leading apostrophe.
fn csv_field(out: &mut String, value: &str, is_text: bool) {
    let formula = is_text && value.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let needs_quotes = formula || value.contains([',', '"', '\n', '\r']);
    if needs_quotes {
        out.push('"');
    }
    if formula {
        out.push('\'');
    }
    for c in value.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if needs_quotes {
        out.push('"');
    }
}

fn number(v: Option<f64>) -> String {
    v.map(|v| format::trimmed(v).to_string())
        .unwrap_or_default()
}

fn yes_no(b: bool) -> &'static str {
    if b {
        "yes"
    } else {
        "no"
    }
}

fn joined<T>(items: &[T], f: impl Fn(&T) -> String) -> String {
    items.iter().map(f).collect::<Vec<_>>().join(";")
}

/// One disputed figure with its source's title; in Korean, with the source's title in Korean
/// and the figure in 억 first, as the card shows it ("params: 310억 (31B) — …").
fn dispute_cell(d: &Dispute, lang: Lang) -> String {
    let title = d.source.title_in(lang);
    let mut cell = format!("{}: {} — {title}", d.field, format::claim(d, lang));
    if let Some(date) = d.source.date {
        cell.push_str(", ");
        cell.push_str(&date.iso());
    }
    if !d.source.url.is_empty() {
        cell.push_str(" <");
        cell.push_str(d.source.url);
        cell.push('>');
    }
    cell
}

/// The row's cells, paired with whether each is free text.
fn cells(m: &Model) -> Vec<(String, bool)> {
    let org = data::organisation(m.org);
    let active = m.active.and_then(|a: Params| a.value_b);
    vec![
        (m.id.into(), false),
        (m.name_en.into(), true),
        (m.name_ko.into(), true),
        (m.org.into(), false),
        (org.map_or("", |o| o.name_en).into(), true),
        (org.map_or("", |o| o.name_ko).into(), true),
        (m.sector.id().into(), false),
        (m.date.iso(), false),
        (m.status.id().into(), false),
        (m.family.unwrap_or_default().into(), false),
        (number(m.total.value_b), false),
        (m.total.basis.id().into(), false),
        (number(active), false),
        (m.active.map_or("", |a| a.basis.id()).into(), false),
        (
            joined(m.sizes_b, |s| format::trimmed(*s).to_string()),
            false,
        ),
        (m.arch.id().into(), false),
        (joined(m.modalities, |x| x.id().to_string()), false),
        (m.languages.join(";"), false),
        (m.weights.id().into(), false),
        (m.license.into(), true),
        (m.license_ko.into(), true),
        (m.context.map(|c| c.to_string()).unwrap_or_default(), false),
        (m.origin.id().into(), false),
        (m.base_model.into(), true),
        (yes_no(m.in_article).into(), false),
        // Four aligned lists: the build refuses ";" inside a source's URL or titles.
        (joined(m.sources, |s| s.url.to_string()), true),
        (joined(m.sources, |s| s.title.to_string()), true),
        (joined(m.sources, |s| s.title_ko.to_string()), true),
        (
            joined(m.sources, |s| s.date.map(|d| d.iso()).unwrap_or_default()),
            false,
        ),
        // Figures other sources give, ";"-separated, each with its source:
        // "params: 300억 (30B) — The Elec, 2023-08-22" (and " <url>" when it has one).
        (joined(m.disputes, |d| dispute_cell(d, Lang::En)), true),
        (m.note_en.into(), true),
        (m.note_ko.into(), true),
        // Last, so that the columns before it keep their places from before it was added.
        (joined(m.disputes, |d| dispute_cell(d, Lang::Ko)), true),
    ]
}

/// The CSV export, starting with a UTF-8 byte-order mark, CRLF line ends (RFC 4180).
pub fn to_csv(models: &[&Model]) -> String {
    let mut out = String::from('\u{FEFF}');
    out.push_str(&CSV_COLUMNS.join(","));
    out.push_str("\r\n");
    for m in models {
        for (i, (value, is_text)) in cells(m).iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            csv_field(&mut out, value, *is_text);
        }
        out.push_str("\r\n");
    }
    out
}

/// Appends `s` as a JSON string literal.
fn json_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            // Also escape < so the JSON can never close a script element it is pasted into.
            c if (c as u32) < 0x20 || c == '<' || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A text field: `null` when empty (unknown, or not applicable such as a dense model's active
/// basis), as numbers and dates are.
fn json_text(out: &mut String, s: &str) {
    if s.is_empty() {
        out.push_str("null");
    } else {
        json_str(out, s);
    }
}

/// An ISO date string, or `null` when there is none.
fn json_date(out: &mut String, d: Option<Date>) {
    match d {
        Some(d) => json_str(out, &d.iso()),
        None => out.push_str("null"),
    }
}

fn json_num(out: &mut String, v: Option<f64>) {
    match v {
        Some(v) if v.is_finite() => out.push_str(&format::trimmed(v).to_string()),
        _ => out.push_str("null"),
    }
}

/// The JSON export: `{ "title", "exported", "count", "models": [...] }`.
pub fn to_json(models: &[&Model], exported: Date) -> String {
    let mut o = String::from("{\n  \"title\": \"K-AI Atlas\",\n  \"exported\": ");
    json_str(&mut o, &exported.iso());
    o.push_str(&format!(
        ",\n  \"count\": {},\n  \"models\": [",
        models.len()
    ));
    for (i, m) in models.iter().enumerate() {
        o.push_str(if i == 0 { "\n    {" } else { ",\n    {" });
        let org = data::organisation(m.org);
        let field = |o: &mut String, k: &str| {
            o.push_str("\n      ");
            json_str(o, k);
            o.push_str(": ");
        };
        for (k, v) in [
            ("id", m.id),
            ("name_en", m.name_en),
            ("name_ko", m.name_ko),
            ("organisation_id", m.org),
            ("organisation_en", org.map_or("", |x| x.name_en)),
            ("organisation_ko", org.map_or("", |x| x.name_ko)),
            ("sector", m.sector.id()),
            ("status", m.status.id()),
            ("family", m.family.unwrap_or_default()),
            ("params_basis", m.total.basis.id()),
            ("active_basis", m.active.map_or("", |a| a.basis.id())),
            ("architecture", m.arch.id()),
            ("weights", m.weights.id()),
            ("license", m.license),
            ("license_ko", m.license_ko),
            ("origin", m.origin.id()),
            ("base_model", m.base_model),
            ("note_en", m.note_en),
            ("note_ko", m.note_ko),
        ] {
            field(&mut o, k);
            json_text(&mut o, v);
            o.push(',');
        }
        field(&mut o, "date");
        json_str(&mut o, &m.date.iso());
        o.push_str(",\n      \"params_b\": ");
        json_num(&mut o, m.total.value_b);
        o.push_str(",\n      \"active_b\": ");
        json_num(&mut o, m.active.and_then(|a| a.value_b));
        o.push_str(",\n      \"sizes_b\": [");
        for (j, s) in m.sizes_b.iter().enumerate() {
            if j > 0 {
                o.push_str(", ");
            }
            json_num(&mut o, Some(*s));
        }
        o.push_str("],\n      \"modalities\": ");
        json_list(&mut o, m.modalities.iter().map(|x| x.id()));
        o.push_str(",\n      \"languages\": ");
        json_list(&mut o, m.languages.iter().copied());
        o.push_str(",\n      \"context\": ");
        json_num(&mut o, m.context.map(f64::from));
        o.push_str(&format!(
            ",\n      \"in_2023_article\": {},\n      \"sources\": [",
            m.in_article
        ));
        for (j, s) in m.sources.iter().enumerate() {
            o.push_str(if j == 0 {
                "\n        {\"url\": "
            } else {
                ",\n        {\"url\": "
            });
            json_str(&mut o, s.url);
            o.push_str(", \"title\": ");
            json_str(&mut o, s.title);
            o.push_str(", \"title_ko\": ");
            json_str(&mut o, s.title_ko);
            o.push_str(", \"date\": ");
            json_date(&mut o, s.date);
            o.push('}');
        }
        o.push_str("\n      ],\n      \"disputes\": [");
        for (j, d) in m.disputes.iter().enumerate() {
            o.push_str(if j == 0 {
                "\n        {\"field\": "
            } else {
                ",\n        {\"field\": "
            });
            json_str(&mut o, d.field);
            o.push_str(", \"value_b\": ");
            json_num(&mut o, d.value_b);
            o.push_str(", \"claim\": ");
            json_str(&mut o, d.claim);
            for (k, v) in [
                ("note_en", d.note_en),
                ("note_ko", d.note_ko),
                ("source_url", d.source.url),
                ("source_title", d.source.title),
                ("source_title_ko", d.source.title_ko),
            ] {
                o.push_str(", ");
                json_str(&mut o, k);
                o.push_str(": ");
                json_text(&mut o, v);
            }
            o.push_str(", \"source_date\": ");
            json_date(&mut o, d.source.date);
            o.push('}');
        }
        o.push_str("\n      ]\n    }");
    }
    o.push_str("\n  ]\n}\n");
    o
}

/// A JSON array of strings.
fn json_list<'a>(o: &mut String, items: impl Iterator<Item = &'a str>) {
    o.push('[');
    for (i, item) in items.enumerate() {
        if i > 0 {
            o.push_str(", ");
        }
        json_str(o, item);
    }
    o.push(']');
}

/// `kai-atlas-2026-11-28.csv` for data; pictures also name what they show,
/// `kai-atlas-lanes-org-ko-2026-11-28.svg`, so a day's views and languages
/// do not overwrite one another.
pub fn file_name(what: &str, date: Date, ext: &str) -> String {
    let sep = if what.is_empty() { "" } else { "-" };
    format!("kai-atlas-{what}{sep}{}.{ext}", date.iso())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Basis, Source};

    const SOURCES: &[Source] = &[Source {
        url: "https://example.org/a,b",
        title: "A \"quoted\" title",
        title_ko: "따옴표 \"제목\", 쉼표",
        date: None,
    }];

    fn row() -> Model {
        Model {
            id: "m-1",
            name_en: "Model, \"One\"",
            name_ko: "모델 하나",
            total: Params {
                value_b: Some(7.8),
                basis: Basis::Official,
            },
            sizes_b: &[2.4, 7.8],
            note_en: "line one\nline two",
            note_ko: "=SUM(A1)",
            sources: SOURCES,
            disputes: DISPUTES,
            ..Model::BLANK
        }
    }

    const DISPUTES: &[crate::model::Dispute] = &[crate::model::Dispute {
        field: "params",
        value_b: Some(30.0),
        claim: "30B",
        note_en: "",
        note_ko: "",
        source: Source {
            url: "https://example.org/d",
            title: "D",
            title_ko: "디",
            date: None,
        },
    }];

    #[test]
    fn csv_starts_with_bom_and_quotes_what_needs_quoting() {
        let m = row();
        let csv = to_csv(&[&m]);
        assert!(csv.starts_with("\u{FEFF}id,name_en,name_ko,"));
        let line = csv.lines().nth(1).unwrap_or_default();
        assert!(
            line.starts_with("m-1,\"Model, \"\"One\"\"\",모델 하나,"),
            "{line}"
        );
        assert!(csv.contains("\"line one\nline two\""));
        assert!(
            csv.contains("\"'=SUM(A1)\""),
            "formula-like text is neutralised"
        );
        assert!(csv.contains(",7.8,official,,,2.4;7.8,"), "{csv}");
        assert!(csv.contains("\"https://example.org/a,b\""));
        assert!(
            csv.contains(",params: 30B — D <https://example.org/d>,"),
            "{csv}"
        );
        assert!(csv.ends_with("\r\n"));
    }

    #[test]
    fn csv_parses_back_with_a_csv_reader() {
        let m = row();
        let csv = to_csv(&[&m, &m]);
        let body = csv.trim_start_matches('\u{FEFF}');
        let mut reader = csv::Reader::from_reader(body.as_bytes());
        let rows: Vec<csv::StringRecord> = reader.records().filter_map(Result::ok).collect();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].len(), CSV_COLUMNS.len());
        assert_eq!(&rows[0][1], "Model, \"One\"");
        assert_eq!(&rows[0][2], "모델 하나");
        let col = |name: &str| CSV_COLUMNS.iter().position(|c| *c == name).unwrap();
        assert_eq!(&rows[0][col("sources")], "https://example.org/a,b");
        assert_eq!(&rows[0][col("source_titles")], "A \"quoted\" title");
        assert_eq!(&rows[0][col("source_titles_ko")], "따옴표 \"제목\", 쉼표");
        assert_eq!(&rows[0][col("source_dates")], "");
        assert_eq!(
            &rows[0][col("disputed")],
            "params: 30B — D <https://example.org/d>"
        );
        assert_eq!(
            &rows[0][col("disputed_ko")],
            "params: 300억 (30B) — 디 <https://example.org/d>",
            "Korean title, and 억 first as the card shows it"
        );
        let note_en = col("note_en");
        assert_eq!(&rows[0][note_en], "line one\nline two");
    }

    #[test]
    fn json_escapes_and_keeps_nulls() {
        let m = row();
        let json = to_json(
            &[&m],
            Date {
                year: 2026,
                month: 11,
                day: 28,
            },
        );
        assert!(json.contains("\"name_en\": \"Model, \\\"One\\\"\""));
        assert!(json.contains("\"name_ko\": \"모델 하나\""));
        assert!(json.contains("\"note_en\": \"line one\\nline two\""));
        assert!(
            json.contains("\"date\": \"2023-01-01\",\n      \"params_b\": 7.8"),
            "{json}"
        );
        assert!(json.contains("\"active_b\": null"));
        // Unknown text is null too, as the README says, not "".
        for key in ["family", "active_basis", "license", "base_model"] {
            assert!(json.contains(&format!("\"{key}\": null,")), "{key}: {json}");
        }
        assert!(!json.contains(": \"\""), "{json}");
        assert!(json.contains("\"sizes_b\": [2.4, 7.8]"));
        assert!(json.contains("\"count\": 1"));
        assert!(
            json.contains("\"disputes\": [\n        {\"field\": \"params\", \"value_b\": 30"),
            "{json}"
        );
        assert!(
            json.contains("\"claim\": \"30B\", \"note_en\": null, \"note_ko\": null, \"source_url\": \"https://example.org/d\", \"source_title\": \"D\", \"source_title_ko\": \"디\", \"source_date\": null}"),
            "{json}"
        );
        assert!(
            json.contains("\"modalities\": [\"text\"],\n      \"languages\": [],"),
            "{json}"
        );
        assert!(!json.contains('<'));
    }

    #[test]
    fn file_names_carry_the_date_and_what_a_picture_shows() {
        let day = Date {
            year: 2026,
            month: 11,
            day: 28,
        };
        assert_eq!(file_name("", day, "csv"), "kai-atlas-2026-11-28.csv");
        assert_eq!(
            file_name("lanes-org-en", day, "png"),
            "kai-atlas-lanes-org-en-2026-11-28.png"
        );
    }
}

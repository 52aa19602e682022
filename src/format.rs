//! Numbers, dates and name ordering in Korean and English, pure.

use std::cmp::Ordering;

pub use crate::model::parse_decimal;
use crate::model::{Date, Dispute, Precision};
use crate::state::Lang;

const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Inserts `,` every three digits of a run of ASCII digits.
fn group_digits(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    let len = digits.len();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (len - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `v` rounded to at most 3 decimals, trailing zeros trimmed, thousands grouped.
fn decimal(v: f64) -> String {
    if !v.is_finite() {
        return "–".to_owned();
    }
    let text = trimmed(v.abs()).to_string();
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let sign = if v < 0.0 && text != "0" { "-" } else { "" };
    if frac.is_empty() {
        format!("{sign}{}", group_digits(int))
    } else {
        format!("{sign}{}.{frac}", group_digits(int))
    }
}

/// A number written with a fixed number of decimals by integer arithmetic, so that the bundle
/// carries none of the standard library's float formatting (its tables and code are a few KB
/// of gzip). Rounds half away from zero; magnitudes past 2^53 / 10^decimals saturate, which no
/// coordinate or parameter count comes near. Non-finite values print as `0`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fixed {
    value: f64,
    decimals: u8,
    trim: bool,
}

/// `v` rounded to `decimals` places as it is written (half away from zero, as shown), `None`
/// when it is not a finite number.
pub fn rounded(v: f64, decimals: u8) -> Option<f64> {
    let text = Fixed {
        value: v,
        decimals,
        trim: true,
    }
    .to_string();
    v.is_finite()
        .then(|| parse_decimal(&text, usize::from(decimals)))
        .flatten()
}

/// `v` with exactly one decimal: SVG coordinates ("12.5", "-3.0").
pub fn dp1(value: f64) -> Fixed {
    Fixed {
        value,
        decimals: 1,
        trim: false,
    }
}

/// `v` rounded to a whole number: pixel sizes ("320").
pub fn dp0(value: f64) -> Fixed {
    Fixed {
        value,
        decimals: 0,
        trim: false,
    }
}

/// `v` with at most three decimals and no trailing zeros: "7.8", "175", "0.125". Plain (no
/// grouping), so [`parse_decimal`] reads it back to the same value.
pub fn trimmed(value: f64) -> Fixed {
    Fixed {
        value,
        decimals: 3,
        trim: true,
    }
}

impl std::fmt::Display for Fixed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let scale = 10u64.pow(u32::from(self.decimals));
        let v = if self.value.is_finite() {
            self.value
        } else {
            0.0
        };
        // `as` saturates; the `+ 0.5` rounds half away from zero on the magnitude.
        let n = (v.abs() * scale as f64 + 0.5) as u64;
        let sign = if v < 0.0 && n != 0 { "-" } else { "" };
        let (int, mut frac, mut width) = (n / scale, n % scale, usize::from(self.decimals));
        if self.trim {
            while width > 0 && frac % 10 == 0 {
                frac /= 10;
                width -= 1;
            }
        }
        if width == 0 {
            write!(f, "{sign}{int}")
        } else {
            write!(f, "{sign}{int}.{frac:0width$}")
        }
    }
}

/// A parameter count given in billions, in the reader's units.
///
/// Korean: 억 (10⁸) below 1조, 조 (10¹²) from 1,000B, 만 below 1억:
/// 7.8 → "78억", 175 → "1,750억", 1800 → "1.8조", 0.05 → "5,000만".
/// English: 7.8 → "7.8B", 1800 → "1.8T", 0.5 → "500M". At most 3 decimals.
pub fn params(value_b: f64, lang: Lang) -> String {
    if !value_b.is_finite() {
        return "–".to_owned();
    }
    let size = value_b.abs();
    if size == 0.0 {
        return "0".to_owned();
    }
    match lang {
        Lang::Ko if size >= 1_000.0 => format!("{}조", decimal(value_b / 1_000.0)),
        Lang::Ko if size >= 0.1 => format!("{}억", decimal(value_b * 10.0)),
        Lang::Ko => format!("{}만", decimal(value_b * 100_000.0)),
        Lang::En if size >= 1_000.0 => format!("{}T", decimal(value_b / 1_000.0)),
        Lang::En if size >= 1.0 => format!("{}B", decimal(value_b)),
        Lang::En if size >= 0.001 => format!("{}M", decimal(value_b * 1_000.0)),
        Lang::En => format!("{}K", decimal(value_b * 1_000_000.0)),
    }
}

/// A disputed figure as its source wrote it; in Korean with 억/조 first when the source gave
/// B ("310억 (31B)").
pub fn claim(d: &Dispute, lang: Lang) -> String {
    match d.value_b {
        Some(v) if lang == Lang::Ko && !d.claim.contains('억') && !d.claim.contains('조') => {
            format!("{} ({})", params(v, lang), d.claim)
        }
        _ => d.claim.to_string(),
    }
}

fn month_en(month: u8) -> String {
    MONTHS_EN
        .get(usize::from(month).wrapping_sub(1))
        .map_or_else(|| month.to_string(), |m| (*m).to_owned())
}

/// A date at its own precision: "2023년 8월 22일" / "22 Aug 2023", "2023년 8월" / "Aug 2023",
/// "2023년" / "2023".
pub fn date(d: Date, lang: Lang) -> String {
    match (d.precision(), lang) {
        (Precision::Day, Lang::Ko) => format!("{}년 {}월 {}일", d.year, d.month, d.day),
        (Precision::Day, Lang::En) => format!("{} {} {}", d.day, month_en(d.month), d.year),
        (Precision::Month, Lang::Ko) => format!("{}년 {}월", d.year, d.month),
        (Precision::Month, Lang::En) => format!("{} {}", month_en(d.month), d.year),
        (Precision::Year, Lang::Ko) => format!("{}년", d.year),
        (Precision::Year, Lang::En) => d.year.to_string(),
    }
}

/// A short time-axis label: the year for January (or `month` 0, a year tick), else the
/// month: "2023", "8월" / "Aug".
pub fn month_tick(year: u16, month: u8, lang: Lang) -> String {
    match lang {
        _ if month <= 1 => year.to_string(),
        Lang::Ko => format!("{month}월"),
        Lang::En => month_en(month),
    }
}

/// `text` with its dates kept whole on a line: a word joiner (U+2060) after each hyphen between
/// two digits ("2025-09-24" never becomes "(2025-09-" / "24)" on a phone; Korean fonts lack the
/// no-break hyphen, the joiner needs no glyph), and a no-break space inside a Korean date
/// ("2024년 7월 29일", not "2024년 7월" / "29일").
pub fn unbroken_dates(text: &str) -> String {
    let joined = joined_hyphens(text, |b| b.is_ascii_digit());
    let mut out = String::with_capacity(joined.len());
    let mut chars = joined.chars().peekable();
    // The two characters before the current one.
    let (mut prev, mut prev2) = (' ', ' ');
    while let Some(c) = chars.next() {
        let inside = c == ' '
            && matches!(prev, '년' | '월')
            && prev2.is_ascii_digit()
            && chars.peek().is_some_and(char::is_ascii_digit);
        out.push(if inside { '\u{a0}' } else { c });
        (prev2, prev) = (prev, c);
    }
    out
}

/// A licence such as "CC-BY-NC-4.0" or "Apache-2.0" kept whole on its line, as
/// [`unbroken_dates`] keeps dates: a word joiner after each hyphen between letters or digits.
pub fn unbroken_hyphens(text: &str) -> String {
    joined_hyphens(text, |b| b.is_ascii_alphanumeric())
}

/// `text` with a word joiner after each hyphen that has a byte `side` accepts on both sides.
fn joined_hyphens(text: &str, side: fn(&u8) -> bool) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        out.push(c);
        let at = |j: usize| bytes.get(j).is_some_and(side);
        if c == '-' && i > 0 && at(i - 1) && at(i + 1) {
            out.push('\u{2060}');
        }
    }
    out
}

/// A count with thousands separators: 12345 → "12,345" (same in both languages).
pub fn count(n: usize, _lang: Lang) -> String {
    group_digits(&n.to_string())
}

/// `lang="ko"` for mostly Korean text on the English page (a Korean name, a Korean
/// source's title, "300억 (30B)"), so a screen reader switches voice; `None` otherwise,
/// and for English with a Korean aside ("3,000 parameters (3000개 매개변수)").
pub fn hangul_lang(text: &str, page: Lang) -> Option<&'static str> {
    let (mut hangul, mut latin) = (0_usize, 0_usize);
    for c in text.chars() {
        match group(c) {
            1 => hangul += 1,
            3 => latin += 1,
            _ => {}
        }
    }
    (page == Lang::En && hangul > 0 && hangul >= latin).then_some("ko")
}

/// `lang="ko"` for a model's Korean name on the English page: any Hangul makes it Korean
/// ("코GPT (KoGPT6B-ryan1.5b)"), so a screen reader reads it in a Korean voice, Latin and all.
pub fn name_lang(name: &str, page: Lang) -> Option<&'static str> {
    (page == Lang::En && name.chars().any(|c| group(c) == 1)).then_some("ko")
}

/// Sort groups of characters for [`compare_names`].
fn group(c: char) -> u8 {
    match c {
        _ if c.is_whitespace() || c.is_ascii_punctuation() => 0,
        '\u{AC00}'..='\u{D7A3}' | '\u{3131}'..='\u{318E}' | '\u{1100}'..='\u{11FF}' => 1,
        _ if c.is_ascii_digit() => 2,
        // Latin (and other alphabets before the CJK blocks).
        'a'..='z' | 'A'..='Z' | '\u{C0}'..='\u{24F}' | '\u{FF21}'..='\u{FF5A}' => 3,
        _ => 4,
    }
}

/// Reads a run of ASCII digits starting at the front of `chars`; returns it without leading zeros.
fn digit_run(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) -> String {
    let mut run = String::new();
    while let Some(c) = chars.peek().copied().filter(char::is_ascii_digit) {
        chars.next();
        if !(run.is_empty() && c == '0') {
            run.push(c);
        }
    }
    run
}

/// Orders display names for lists: Hangul before Latin (가나다 order, which is code-point order
/// for Hangul syllables), spaces and punctuation before both, letters case-insensitively, and
/// numbers by value ("EXAONE 3.5" before "EXAONE 10"). Used for Korean and English labels alike:
/// in English lists Korean-only names simply come first. Ties fall back to the raw strings so
/// the order is total.
pub fn compare_names(a: &str, b: &str) -> Ordering {
    let mut x = a.chars().peekable();
    let mut y = b.chars().peekable();
    loop {
        match (x.peek().copied(), y.peek().copied()) {
            (None, None) => return a.cmp(b),
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(p), Some(q)) if p.is_ascii_digit() && q.is_ascii_digit() => {
                let (m, n) = (digit_run(&mut x), digit_run(&mut y));
                let by_value = m.len().cmp(&n.len()).then_with(|| m.cmp(&n));
                if by_value != Ordering::Equal {
                    return by_value;
                }
            }
            (Some(p), Some(q)) => {
                let key = |c: char| (group(c), crate::search::fold_case(c));
                let by_key = key(p).cmp(&key(q));
                if by_key != Ordering::Equal {
                    return by_key;
                }
                x.next();
                y.next();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Lang::{En, Ko};

    #[test]
    fn korean_is_marked_only_where_it_leads_and_only_on_the_english_page() {
        for ko in [
            "하이퍼클로바",
            "300억 (30B)",
            "The Elec (디일렉), '제조·통신 대기업'",
        ] {
            assert_eq!(hangul_lang(ko, Lang::En), Some("ko"), "{ko}");
            assert_eq!(hangul_lang(ko, Lang::Ko), None, "{ko}");
            assert_eq!(name_lang(ko, Lang::En), Some("ko"), "{ko}");
        }
        for en in [
            "3,000 parameters (3000개 매개변수)",
            "HyperCLOVA",
            "31B",
            "",
        ] {
            assert_eq!(hangul_lang(en, Lang::En), None, "{en}");
        }
        // A model's Korean name is Korean whatever its Latin part.
        assert_eq!(name_lang("코GPT (KoGPT6B-ryan1.5b)", Lang::En), Some("ko"));
        assert_eq!(name_lang("코GPT (KoGPT6B-ryan1.5b)", Lang::Ko), None);
        assert_eq!(name_lang("KT", Lang::En), None);
    }

    #[test]
    fn fixed_point_numbers() {
        let s = |f: Fixed| f.to_string();
        assert_eq!(s(dp1(12.34)), "12.3");
        assert_eq!(s(dp1(12.35)), "12.4");
        assert_eq!(s(dp1(-3.0)), "-3.0");
        assert_eq!(s(dp1(-0.04)), "0.0");
        assert_eq!(s(dp1(0.05)), "0.1");
        assert_eq!(s(dp1(f64::NAN)), "0.0");
        assert_eq!(s(dp0(319.5)), "320");
        assert_eq!(s(dp0(-7.4)), "-7");
        assert_eq!(s(trimmed(175.0)), "175");
        assert_eq!(s(trimmed(6.17)), "6.17");
        assert_eq!(s(trimmed(0.125)), "0.125");
        assert_eq!(s(trimmed(764.5)), "764.5");
        assert_eq!(s(trimmed(0.0004)), "0");
        assert_eq!(s(trimmed(1_000_000.0)), "1000000");
    }

    #[test]
    fn plain_decimals_parse_exactly() {
        assert_eq!(parse_decimal("7.8", 3), Some(7.8));
        assert_eq!(parse_decimal("0.125", 3), Some(0.125));
        assert_eq!(parse_decimal("175", 3), Some(175.0));
        assert_eq!(parse_decimal("1.", 3), Some(1.0));
        assert_eq!(parse_decimal(".5", 3), Some(0.5));
        assert_eq!(parse_decimal("007", 3), Some(7.0));
        for bad in [
            "", ".", "1.2345", "-1", "+1", "1e3", "NaN", "inf", "1.2.3", "1,000", " 1",
        ] {
            assert_eq!(parse_decimal(bad, 3), None, "{bad:?}");
        }
        assert_eq!(parse_decimal("1234567890123456", 3), None, "16 digits");
        assert_eq!(
            parse_decimal("123456789012345", 0),
            Some(123_456_789_012_345.0)
        );
        // Every value with at most 3 decimals survives printing and reading back.
        for n in (0..200_000_u32).step_by(7) {
            let v = f64::from(n) / 1000.0;
            assert_eq!(parse_decimal(&trimmed(v).to_string(), 3), Some(v), "{v}");
        }
    }

    #[test]
    fn korean_parameter_units() {
        let cases = [
            (7.8, "78억"),
            (175.0, "1,750억"),
            (204.0, "2,040억"),
            (1800.0, "1.8조"),
            (0.5, "5억"),
            (6.17, "61.7억"),
            (1000.0, "1조"),
            (14.74, "147.4억"),
            (0.05, "5,000만"),
            (0.0, "0"),
        ];
        for (v, want) in cases {
            assert_eq!(params(v, Ko), want, "{v}");
        }
    }

    #[test]
    fn english_parameter_units() {
        let cases = [
            (7.8, "7.8B"),
            (175.0, "175B"),
            (1800.0, "1.8T"),
            (0.5, "500M"),
            (14.74, "14.74B"),
            (1.3, "1.3B"),
            (32.0, "32B"),
            (236.0, "236B"),
            (1.2346, "1.235B"),
        ];
        for (v, want) in cases {
            assert_eq!(params(v, En), want, "{v}");
        }
        assert_eq!(params(f64::NAN, En), "–");
    }

    #[test]
    fn dates_at_their_precision() {
        let d = |s: &str| {
            Date::parse(s).unwrap_or(Date {
                year: 0,
                month: 0,
                day: 0,
            })
        };
        assert_eq!(date(d("2023-08-22"), Ko), "2023년 8월 22일");
        assert_eq!(date(d("2023-08-22"), En), "22 Aug 2023");
        assert_eq!(date(d("2023-08"), Ko), "2023년 8월");
        assert_eq!(date(d("2023-08"), En), "Aug 2023");
        assert_eq!(date(d("2023"), Ko), "2023년");
        assert_eq!(date(d("2023"), En), "2023");
        assert_eq!(
            date(
                Date {
                    year: 2023,
                    month: 13,
                    day: 0
                },
                En
            ),
            "13 2023"
        );
    }

    #[test]
    fn axis_ticks() {
        assert_eq!(month_tick(2023, 8, Ko), "8월");
        assert_eq!(month_tick(2023, 8, En), "Aug");
        assert_eq!(month_tick(2023, 1, Ko), "2023");
        assert_eq!(month_tick(2024, 0, En), "2024");
    }

    #[test]
    fn dates_in_notes_do_not_wrap_at_their_hyphens() {
        assert_eq!(
            unbroken_dates("(2025-09-24)"),
            "(2025-\u{2060}09-\u{2060}24)"
        );
        assert_eq!(
            unbroken_dates("A.X K1 - K-EXAONE 32-B"),
            "A.X K1 - K-EXAONE 32-B"
        );
        assert_eq!(unbroken_dates("-1 2-"), "-1 2-");
        assert_eq!(unbroken_dates("엑사원 2024-12"), "엑사원 2024-\u{2060}12");
        // Rounding as shown: once, half away from zero; nothing for what is not a number.
        assert_eq!(rounded(12.345_1, 2), Some(12.35));
        assert_eq!(rounded(0.005_1, 2), Some(0.01));
        assert_eq!(rounded(0.004, 2), Some(0.0));
        assert_eq!(rounded(78.0, 2), Some(78.0));
        assert_eq!(rounded(f64::NAN, 2), None);
        assert_eq!(rounded(f64::INFINITY, 2), None);
        assert_eq!(rounded(-1.0, 2), None);
        assert_eq!(
            unbroken_dates("8B(2024년 7월 29일), 2025년 3월 출시, 3년 2개월"),
            // A span such as "3년 2개월" is kept whole too, which does no harm.
            "8B(2024년\u{a0}7월\u{a0}29일), 2025년\u{a0}3월 출시, 3년\u{a0}2개월"
        );
        let j = '\u{2060}';
        assert_eq!(
            unbroken_hyphens("weights CC-BY-NC-4.0, code Apache-2.0 -"),
            format!("weights CC-{j}BY-{j}NC-{j}4.0, code Apache-{j}2.0 -")
        );
    }

    #[test]
    fn counts() {
        assert_eq!(count(0, Ko), "0");
        assert_eq!(count(999, En), "999");
        assert_eq!(count(1000, Ko), "1,000");
        assert_eq!(count(1234567, En), "1,234,567");
    }

    #[test]
    fn names_sort_in_ganada_order_hangul_first() {
        let mut names = vec![
            "하이퍼클로바 X",
            "EXAONE 10",
            "엑사원",
            "A.X 4.0",
            "가나",
            "EXAONE 3.5",
            "exaone",
            "믿:음",
            "42dot",
        ];
        names.sort_by(|a, b| compare_names(a, b));
        assert_eq!(
            names,
            [
                "가나",
                "믿:음",
                "엑사원",
                "하이퍼클로바 X",
                "42dot",
                "A.X 4.0",
                "exaone",
                "EXAONE 3.5",
                "EXAONE 10"
            ]
        );
        assert_eq!(compare_names("abc", "abc"), Ordering::Equal);
        assert_ne!(compare_names("abc", "ABC"), Ordering::Equal);
    }
}

//! The dataset's vocabulary: row types and the closed sets of ids.
//!
//! This file is shared with `build.rs` (through `#[path]`), so it must stay
//! plain Rust with no dependency beyond `core`/`std`. Every enum has a stable
//! ASCII id used in the data files and in URLs; ids never change once published.

/// Defines a closed set of ids with `ALL`, `id()` and `from_id()`.
macro_rules! id_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $id:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub const fn id(self) -> &'static str {
                match self { $($name::$variant => $id),+ }
            }

            pub fn from_id(id: &str) -> Option<Self> {
                match id { $($id => Some($name::$variant),)+ _ => None }
            }

            /// The first value: what a bad read of the compiled-in data falls back to.
            pub const FIRST: $name = $name::ALL[0];

            /// All ids joined for error messages: "a, b, c".
            #[allow(dead_code)]
            pub fn id_list() -> String {
                Self::ALL.iter().map(|v| v.id()).collect::<Vec<_>>().join(", ")
            }
        }
    };
}
#[allow(unused_imports)] // build.rs includes this file but defines no state
pub(crate) use id_enum;

id_enum!(
    /// The industry an organisation belongs to (the 2023 article's frame, plus startups and labs).
    Sector {
        Manufacturing = "manufacturing",
        Telecom = "telecom",
        ItServices = "it-services",
        Portal = "portal",
        Messenger = "messenger",
        Game = "game",
        Startup = "startup",
        Research = "research",
    }
);

id_enum!(
    /// Whether a model shipped or was only announced.
    Status {
        Released = "released",
        Announced = "announced",
    }
);

id_enum!(
    /// How a parameter figure is known.
    Basis {
        Official = "official",
        Reported = "reported",
        Estimated = "estimated",
        Undisclosed = "undisclosed",
    }
);

id_enum!(
    Arch {
        Dense = "dense",
        Moe = "moe",
        Unknown = "unknown",
    }
);

id_enum!(
    /// What a model takes in or gives out, beyond plain text.
    Modality {
        Text = "text",
        Vision = "vision",
        ImageGeneration = "image-gen",
        Speech = "speech",
        Video = "video",
        Code = "code",
    }
);

id_enum!(
    /// How precisely a release date is known.
    Precision {
        Day = "day",
        Month = "month",
        Year = "year",
    }
);

id_enum!(
    /// Whether the weights can be downloaded, and on what terms.
    Weights {
        OpenCommercial = "open-commercial",
        OpenResearch = "open-research",
        OpenUnverified = "open-unverified",
        Closed = "closed",
    }
);

id_enum!(
    /// Whether a model was pre-trained from scratch or built on another model.
    Origin {
        Scratch = "scratch",
        Derived = "derived",
        Unknown = "unknown",
    }
);

id_enum!(
    /// Kind of dated milestone that is not a model.
    EventKind {
        Alliance = "alliance",
        Service = "service",
        Programme = "programme",
    }
);

/// The years a date may have (the data checks quote them).
pub const YEARS: (u32, u32) = (1950, 2100);

/// A calendar date whose precision may be month or year only.
/// Unknown parts are 0; ordering sorts year-only dates before the months of that year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

/// Why [`Date::read`] rejected a text; [`DateError::message`] words it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum DateError {
    /// A part has the wrong number of digits, or something other than digits.
    Digits {
        part: &'static str,
        len: usize,
    },
    /// Not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    Shape,
    Year(u32),
    Month(u32),
    Day(u32),
}

impl DateError {
    /// The build error's wording for `text`. Quoted with “” rather than `{:?}`.
    pub fn message(self, text: &str) -> String {
        match self {
            DateError::Digits { part, len } => {
                format!("{part} must be {len} digits in “{text}” (use YYYY, YYYY-MM or YYYY-MM-DD)")
            }
            DateError::Shape => {
                format!("“{text}” is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)")
            }
            DateError::Year(year) => format!("year {year} is out of range"),
            DateError::Month(month) => format!("month {month} does not exist in “{text}”"),
            DateError::Day(day) => format!("day {day} does not exist in “{text}”"),
        }
    }
}

impl Date {
    pub const fn precision(self) -> Precision {
        if self.month == 0 {
            Precision::Year
        } else if self.day == 0 {
            Precision::Month
        } else {
            Precision::Day
        }
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking the calendar, with a message that
    /// names the problem (for the build's data checks).
    pub fn parse(text: &str) -> Result<Date, String> {
        Date::read(text).map_err(|e| e.message(text))
    }

    /// [`Date::parse`] without the wording: what the widget itself uses, so the messages'
    /// formatting code stays out of the bundle.
    pub fn read(text: &str) -> Result<Date, DateError> {
        let parts: Vec<&str> = text.split('-').collect();
        let num = |s: &str, len: usize, part: &'static str| -> Result<u32, DateError> {
            if s.len() != len || !s.bytes().all(|b| b.is_ascii_digit()) {
                return Err(DateError::Digits { part, len });
            }
            Ok(s.bytes().fold(0, |n, b| n * 10 + u32::from(b - b'0')))
        };
        let (year, month, day) = match parts.as_slice() {
            [y] => (num(y, 4, "year")?, 0, 0),
            [y, m] => (num(y, 4, "year")?, num(m, 2, "month")?, 0),
            [y, m, d] => (num(y, 4, "year")?, num(m, 2, "month")?, num(d, 2, "day")?),
            _ => return Err(DateError::Shape),
        };
        if !(YEARS.0..=YEARS.1).contains(&year) {
            return Err(DateError::Year(year));
        }
        if parts.len() >= 2 && !(1..=12).contains(&month) {
            return Err(DateError::Month(month));
        }
        if parts.len() == 3 && (day == 0 || day > days_in_month(year as u16, month as u8) as u32) {
            return Err(DateError::Day(day));
        }
        Ok(Date {
            year: year as u16,
            month: month as u8,
            day: day as u8,
        })
    }

    /// Position on a continuous time axis, in fractional years. Unknown parts
    /// take the middle of their span, so a year-only date sits mid-year.
    pub fn as_year_fraction(self) -> f64 {
        let y = f64::from(self.year);
        match self.precision() {
            Precision::Year => y + 0.5,
            Precision::Month => y + (f64::from(self.month) - 0.5) / 12.0,
            Precision::Day => {
                let days = f64::from(days_in_month(self.year, self.month));
                y + (f64::from(self.month) - 1.0 + (f64::from(self.day) - 0.5) / days) / 12.0
            }
        }
    }

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as written in the data files.
    pub fn iso(self) -> String {
        match self.precision() {
            Precision::Year => format!("{:04}", self.year),
            Precision::Month => format!("{:04}-{:02}", self.year, self.month),
            Precision::Day => format!("{:04}-{:02}-{:02}", self.year, self.month, self.day),
        }
    }

    /// The last day this date could stand for (used by the "as of" control:
    /// a model dated 2025-07 counts as known on 2025-07-31).
    pub fn latest_day(self) -> Date {
        match self.precision() {
            Precision::Year => Date {
                year: self.year,
                month: 12,
                day: 31,
            },
            Precision::Month => Date {
                day: days_in_month(self.year, self.month),
                ..self
            },
            Precision::Day => self,
        }
    }
}

pub const fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        _ => 0,
    }
}

/// A parameter count in billions, with how it is known. `value_b` is `None`
/// exactly when the basis is `Undisclosed`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Params {
    pub value_b: Option<f64>,
    pub basis: Basis,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Source {
    pub url: &'static str,
    /// Our short English description of the page ("EXAONE 3.5 technical report (arXiv …)").
    pub title: &'static str,
    /// The same in Korean, for Korean readers.
    pub title_ko: &'static str,
    pub date: Option<Date>,
}

/// A figure some source gives that differs from the accepted one.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Dispute {
    /// Which field is disputed (currently always "params").
    pub field: &'static str,
    /// The disputed value in billions, when the claim is a number that can be drawn.
    pub value_b: Option<f64>,
    /// The claim as the source wrote it, e.g. "300억 (30B)" or "3000개 매개변수".
    pub claim: &'static str,
    pub note_en: &'static str,
    pub note_ko: &'static str,
    pub source: Source,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Organisation {
    pub id: &'static str,
    pub name_en: &'static str,
    pub name_ko: &'static str,
    pub sector: Sector,
    pub parent: Option<&'static str>,
    pub country: &'static str,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Family {
    pub id: &'static str,
    pub name_en: &'static str,
    pub name_ko: &'static str,
    pub org: &'static str,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Model {
    pub id: &'static str,
    pub name_en: &'static str,
    pub name_ko: &'static str,
    pub family: Option<&'static str>,
    pub org: &'static str,
    /// The organisation's sector, copied in by `build.rs` so views need no lookup.
    pub sector: Sector,
    pub date: Date,
    pub status: Status,
    pub total: Params,
    /// Active parameters per token, for MoE models.
    pub active: Option<Params>,
    /// The sizes the release shipped in, in billions, ascending.
    pub sizes_b: &'static [f64],
    pub arch: Arch,
    pub modalities: &'static [Modality],
    /// ISO 639-1 codes.
    pub languages: &'static [&'static str],
    pub weights: Weights,
    /// The licence as the developer words it, and in Korean (names stay as written).
    pub license: &'static str,
    pub license_ko: &'static str,
    pub context: Option<u32>,
    pub origin: Origin,
    /// What a derived model was built on, free text ("Qwen2.5", "Llama 3.1 70B").
    pub base_model: &'static str,
    /// Named in The Elec's 2023-08-22 article.
    pub in_article: bool,
    /// A non-Korean model shown only for scale (GPT-3).
    pub reference: bool,
    pub sources: &'static [Source],
    pub disputes: &'static [Dispute],
    pub note_en: &'static str,
    pub note_ko: &'static str,
}

impl Model {
    /// An empty row for struct-update syntax in tests and synthetic benchmarks:
    /// `Model { id: "x", total: ..., ..Model::BLANK }`.
    pub const BLANK: Model = Model {
        id: "",
        name_en: "",
        name_ko: "",
        family: None,
        org: "",
        sector: Sector::Startup,
        date: Date {
            year: 2023,
            month: 1,
            day: 1,
        },
        status: Status::Released,
        total: Params {
            value_b: None,
            basis: Basis::Undisclosed,
        },
        active: None,
        sizes_b: &[],
        arch: Arch::Unknown,
        modalities: &[Modality::Text],
        languages: &[],
        weights: Weights::Closed,
        license: "",
        license_ko: "",
        context: None,
        origin: Origin::Unknown,
        base_model: "",
        in_article: false,
        reference: false,
        sources: &[],
        disputes: &[],
        note_en: "",
        note_ko: "",
    };

    pub fn is_moe(&self) -> bool {
        self.arch == Arch::Moe
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Event {
    pub id: &'static str,
    pub date: Date,
    pub kind: EventKind,
    pub title_en: &'static str,
    pub title_ko: &'static str,
    /// Organisations involved, by id (may be empty).
    pub orgs: &'static [&'static str],
    pub in_article: bool,
    pub source: Source,
    pub note_en: &'static str,
    pub note_ko: &'static str,
}

/// Control and bidi-formatting characters (NUL, U+202E RTL override…): never shown, and
/// dropped from search text (`state::clean_query`); the data's checks refuse them in any cell.
pub fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Reads a plain decimal, `digits[.digits]`, with at most `max_decimals` decimals and 15
/// significant digits: no sign, exponent, `inf` or `NaN` — the syntax of parameter counts in
/// the data files (checked by the build), in links and in the filter inputs. The value is exact
/// to the last place (the integer of all digits divided by a power of ten is one correctly
/// rounded division), and it keeps the standard library's float parser out of the bundle.
pub fn parse_decimal(text: &str, max_decimals: usize) -> Option<f64> {
    let (int, frac) = text.split_once('.').unwrap_or((text, ""));
    let digits = || int.bytes().chain(frac.bytes());
    if frac.len() > max_decimals
        || int.len() + frac.len() == 0
        || !digits().all(|b| b.is_ascii_digit())
        || digits().skip_while(|&b| b == b'0').count() > 15
    {
        return None;
    }
    let n = digits().fold(0u64, |n, b| n * 10 + u64::from(b - b'0'));
    Some(n as f64 / 10f64.powi(i32::try_from(frac.len()).ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip() {
        for s in Sector::ALL {
            assert_eq!(Sector::from_id(s.id()), Some(*s));
        }
        assert_eq!(Sector::from_id("Telecom"), None);
        assert_eq!(
            Weights::from_id("open-commercial"),
            Some(Weights::OpenCommercial)
        );
    }

    #[test]
    fn dates_parse_with_precision() {
        assert_eq!(
            Date::parse("2023-08-22").map(Date::precision),
            Ok(Precision::Day)
        );
        assert_eq!(
            Date::parse("2023-08").map(Date::precision),
            Ok(Precision::Month)
        );
        assert_eq!(
            Date::parse("2022").map(Date::precision),
            Ok(Precision::Year)
        );
        assert!(Date::parse("2023-02-29").is_err());
        assert!(Date::parse("2024-02-29").is_ok());
        assert!(Date::parse("2023-13").is_err());
        assert!(Date::parse("2023-8-1").is_err());
        assert!(Date::parse("23-08-01").is_err());
        assert!(Date::parse("").is_err());
        assert_eq!(
            Date::read("2023-8-1"),
            Err(DateError::Digits {
                part: "month",
                len: 2
            })
        );
        assert_eq!(Date::read("2023-01-02-03"), Err(DateError::Shape));
        assert_eq!(Date::read("1900"), Err(DateError::Year(1900)));
        assert_eq!(Date::read("2023-13"), Err(DateError::Month(13)));
        assert_eq!(Date::read("2023-02-29"), Err(DateError::Day(29)));
        assert_eq!(
            Date::parse("2023-02-29"),
            Err("day 29 does not exist in “2023-02-29”".to_string())
        );
    }

    #[test]
    fn year_fraction_orders_dates() {
        let a = Date::parse("2023-08-22").map(Date::as_year_fraction);
        let b = Date::parse("2023-08").map(Date::as_year_fraction);
        let c = Date::parse("2023").map(Date::as_year_fraction);
        assert_eq!(c, Ok(2023.5));
        assert!(
            matches!((a, b), (Ok(a), Ok(b)) if (a - 2023.0 - (7.0 + 21.5 / 31.0) / 12.0).abs() < 1e-9 && (b - (2023.0 + 7.5 / 12.0)).abs() < 1e-9)
        );
    }

    #[test]
    fn latest_day_covers_the_span() {
        assert_eq!(
            Date::parse("2024-02").map(Date::latest_day),
            Date::parse("2024-02-29")
        );
        assert_eq!(
            Date::parse("2022").map(Date::latest_day),
            Date::parse("2022-12-31")
        );
    }
}

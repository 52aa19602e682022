//! The compiled-in dataset. `build.rs` validates the files under `data/` and
//! generates three flat statics (see `validate::generate`); they are read
//! back once, on first use, into the slices below. Nothing is parsed: no text
//! is checked or converted, the reading only slices `TEXT` at lengths the build
//! wrote.

use crate::model::{
    Arch, Basis, Date, Dispute, Event, EventKind, Family, Modality, Model, Organisation, Origin,
    Params, Sector, Source, Status, Weights,
};
use crate::state::Lang;

include!(concat!(env!("OUT_DIR"), "/dataset.rs"));

/// The dataset, read once from the generated statics.
#[derive(Default)]
struct Dataset {
    organisations: &'static [Organisation],
    families: &'static [Family],
    models: &'static [Model],
    events: &'static [Event],
}

fn dataset() -> &'static Dataset {
    static DATASET: std::sync::OnceLock<Dataset> = std::sync::OnceLock::new();
    DATASET.get_or_init(|| read().0)
}

/// Reads the statics, and says where the reading stopped (for tests).
fn read() -> (Dataset, Reader) {
    read_from(TEXT, CODES, NUMBERS)
}

fn read_from(
    text: &'static str,
    codes: &'static [u8],
    numbers: &'static [f64],
) -> (Dataset, Reader) {
    let mut r = Reader {
        all_text: text,
        codes,
        numbers,
        text: 0,
        code: 0,
        number: 0,
        bad: false,
    };
    let read = Dataset {
        organisations: r.list(Reader::organisation),
        families: r.list(Reader::family),
        models: r.list(Reader::model),
        events: r.list(Reader::event),
    };
    // The build wrote the statics from validated rows, and a test reads them
    // back field by field, so a bad read is a build bug: the widget then
    // shows an empty dataset rather than wrong rows.
    if r.bad {
        return (Dataset::default(), r);
    }
    (read, r)
}

/// Reads `TEXT`, `CODES` and `NUMBERS` in the order `validate::Blob` wrote
/// them. Reading past an end, or a text cut inside a character, gives an empty
/// value and marks the read `bad`.
struct Reader {
    all_text: &'static str,
    codes: &'static [u8],
    numbers: &'static [f64],
    text: usize,
    code: usize,
    number: usize,
    bad: bool,
}

impl Reader {
    fn count(&mut self) -> usize {
        let mut n = 0;
        let mut shift = 0;
        while let Some(&b) = self.codes.get(self.code) {
            self.code += 1;
            n |= usize::from(b & 0x7f) << shift;
            shift += 7;
            if b < 0x80 || shift > 28 {
                return n;
            }
        }
        self.bad = true;
        0
    }

    fn flag(&mut self) -> bool {
        self.count() != 0
    }

    fn text(&mut self) -> &'static str {
        let end = self.text + self.count();
        let s = self.all_text.get(self.text..end);
        self.bad |= s.is_none();
        self.text = end;
        s.unwrap_or_default()
    }

    fn opt_text(&mut self) -> Option<&'static str> {
        Some(self.text()).filter(|s| !s.is_empty())
    }

    /// A value of an enum, by its position in `all`.
    fn pick<T: Copy>(&mut self, all: &[T], first: T) -> T {
        let v = all.get(self.count());
        self.bad |= v.is_none();
        v.copied().unwrap_or(first)
    }

    fn float(&mut self) -> f64 {
        let v = self.numbers.get(self.number);
        self.bad |= v.is_none();
        self.number += 1;
        v.copied().unwrap_or_default()
    }

    fn number(&mut self) -> Option<f64> {
        self.flag().then(|| self.float())
    }

    fn date(&mut self) -> Date {
        Date {
            year: u16::try_from(self.count()).unwrap_or_default(),
            month: u8::try_from(self.count()).unwrap_or_default(),
            day: u8::try_from(self.count()).unwrap_or_default(),
        }
    }

    /// A count, then that many items, kept for the page's lifetime.
    fn list<T>(&mut self, item: fn(&mut Self) -> T) -> &'static [T] {
        let n = self.count();
        let mut items = Vec::new();
        for _ in 0..n {
            if self.bad {
                break;
            }
            items.push(item(self));
        }
        Vec::leak(items)
    }

    fn params(&mut self) -> Params {
        Params {
            value_b: self.number(),
            basis: self.pick(Basis::ALL, Basis::FIRST),
        }
    }

    fn source(&mut self) -> Source {
        Source {
            url: self.text(),
            title: self.text(),
            title_ko: self.text(),
            date: self.flag().then(|| self.date()),
        }
    }

    fn organisation(&mut self) -> Organisation {
        Organisation {
            id: self.text(),
            name_en: self.text(),
            name_ko: self.text(),
            sector: self.pick(Sector::ALL, Sector::FIRST),
            parent: self.opt_text(),
            country: self.text(),
        }
    }

    fn family(&mut self) -> Family {
        Family {
            id: self.text(),
            name_en: self.text(),
            name_ko: self.text(),
            org: self.text(),
        }
    }

    fn dispute(&mut self) -> Dispute {
        Dispute {
            field: self.text(),
            value_b: self.number(),
            claim: self.text(),
            note_en: self.text(),
            note_ko: self.text(),
            source: self.source(),
        }
    }

    fn model(&mut self) -> Model {
        Model {
            id: self.text(),
            name_en: self.text(),
            name_ko: self.text(),
            family: self.opt_text(),
            org: self.text(),
            sector: self.pick(Sector::ALL, Sector::FIRST),
            date: self.date(),
            status: self.pick(Status::ALL, Status::FIRST),
            total: self.params(),
            active: self.flag().then(|| self.params()),
            sizes_b: self.list(Self::float),
            arch: self.pick(Arch::ALL, Arch::FIRST),
            modalities: self.list(|r| r.pick(Modality::ALL, Modality::FIRST)),
            languages: self.list(Self::text),
            weights: self.pick(Weights::ALL, Weights::FIRST),
            license: self.text(),
            license_ko: self.text(),
            context: u32::try_from(self.count()).ok().filter(|&c| c > 0),
            origin: self.pick(Origin::ALL, Origin::FIRST),
            base_model: self.text(),
            in_article: self.flag(),
            reference: self.flag(),
            sources: self.list(Self::source),
            disputes: self.list(Self::dispute),
            note_en: self.text(),
            note_ko: self.text(),
        }
    }

    fn event(&mut self) -> Event {
        Event {
            id: self.text(),
            date: self.date(),
            kind: self.pick(EventKind::ALL, EventKind::FIRST),
            title_en: self.text(),
            title_ko: self.text(),
            orgs: self.list(Self::text),
            in_article: self.flag(),
            source: self.source(),
            note_en: self.text(),
            note_ko: self.text(),
        }
    }
}

/// Every organisation, in file order.
pub fn organisations() -> &'static [Organisation] {
    dataset().organisations
}

/// The organisation with this id.
pub fn organisation(id: &str) -> Option<&'static Organisation> {
    organisations().iter().find(|o| o.id == id)
}

/// An organisation's name in `lang` (its id when it is unknown).
pub fn organisation_name(id: &'static str, lang: Lang) -> &'static str {
    organisation(id).map_or(id, |o| match lang {
        Lang::Ko => o.name_ko,
        Lang::En => o.name_en,
    })
}

/// The name of a model's family in `lang`, if it has one.
pub fn family_name(m: &Model, lang: Lang) -> Option<&'static str> {
    let f = m.family.and_then(family)?;
    Some(match lang {
        Lang::Ko => f.name_ko,
        Lang::En => f.name_en,
    })
}

/// A model's name in `lang`.
pub fn model_name(m: &Model, lang: Lang) -> &'static str {
    match lang {
        Lang::Ko => m.name_ko,
        Lang::En => m.name_en,
    }
}

/// The model with this id (binary search over an index built once: views
/// look up every drawn mark, which must stay cheap at 10,000 models).
pub fn model(id: &str) -> Option<&'static Model> {
    static BY_ID: std::sync::OnceLock<Vec<&'static Model>> = std::sync::OnceLock::new();
    let index = BY_ID.get_or_init(|| {
        let mut all: Vec<&'static Model> = dataset().models.iter().collect();
        crate::set::sort_by(&mut all, &|a, b| a.id.cmp(b.id));
        all
    });
    let at = index.binary_search_by(|m| m.id.cmp(id)).ok()?;
    index.get(at).copied()
}

pub fn family(id: &str) -> Option<&'static Family> {
    dataset().families.iter().find(|f| f.id == id)
}

/// Korean models (released and announced), without the non-Korean references.
pub fn korean_models() -> impl Iterator<Item = &'static Model> {
    dataset().models.iter().filter(|m| !m.reference)
}

/// Non-Korean models kept for scale (GPT-3).
pub fn reference_models() -> impl Iterator<Item = &'static Model> {
    dataset().models.iter().filter(|m| m.reference)
}

pub fn events() -> &'static [Event] {
    dataset().events
}

/// The Korean models as a slice, built once (views and filters share it).
pub fn korean() -> &'static [&'static Model] {
    static KOREAN: std::sync::OnceLock<Vec<&'static Model>> = std::sync::OnceLock::new();
    KOREAN.get_or_init(|| korean_models().collect())
}

/// The ids a URL may name: Korean models, organisations, language codes.
pub fn known() -> &'static crate::url::Known {
    static KNOWN: std::sync::OnceLock<crate::url::Known> = std::sync::OnceLock::new();
    KNOWN.get_or_init(|| {
        crate::url::Known::new(
            korean_models().map(|m| m.id),
            organisations().iter().map(|o| o.id),
            dataset()
                .models
                .iter()
                .flat_map(|m| m.languages.iter().copied()),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::{self, DisputeRow, ParamsRow, SourceRow};

    fn text(s: &str) -> &'static str {
        Box::leak(s.to_owned().into_boxed_str())
    }

    fn texts(items: &[String]) -> &'static [&'static str] {
        Vec::leak(items.iter().map(|s| text(s)).collect())
    }

    fn params(p: ParamsRow) -> Params {
        Params {
            value_b: p.value_b,
            basis: p.basis,
        }
    }

    fn source(s: &SourceRow) -> Source {
        Source {
            url: text(&s.url),
            title: text(&s.title),
            title_ko: text(&s.title_ko),
            date: s.date,
        }
    }

    fn dispute(d: &DisputeRow) -> Dispute {
        Dispute {
            field: text(&d.field),
            value_b: d.value_b,
            claim: text(&d.claim),
            note_en: text(&d.note_en),
            note_ko: text(&d.note_ko),
            source: source(&d.source),
        }
    }

    /// The rows of data/models.csv, counted with the csv crate alone: the
    /// compiled-in models must be as many, whatever the editors add.
    fn model_rows() -> usize {
        validate::tests::csv_rows(validate::real_inputs().models.bytes, None)
    }

    const DROPPED: &str = "the compiled-in models are not as many as the rows of data/models.csv";

    /// What the build validated from `data/`, read back from the compiled-in
    /// statics: every row, every field, and not one byte left over.
    #[test]
    fn compiled_in_data_reads_back_as_validated() {
        let ds = validate::check(&validate::real_inputs(), validate::today_anywhere()).unwrap();
        let (read, reader) = read();
        assert!(!reader.bad);
        assert_eq!(
            (reader.text, reader.code, reader.number),
            (TEXT.len(), CODES.len(), NUMBERS.len())
        );

        let organisations: Vec<Organisation> = ds
            .organisations
            .iter()
            .map(|o| Organisation {
                id: text(&o.id),
                name_en: text(&o.name_en),
                name_ko: text(&o.name_ko),
                sector: o.sector,
                parent: o.parent.as_deref().map(text),
                country: text(&o.country),
            })
            .collect();
        assert_eq!(read.organisations, organisations);

        let families: Vec<Family> = ds
            .families
            .iter()
            .map(|f| Family {
                id: text(&f.id),
                name_en: text(&f.name_en),
                name_ko: text(&f.name_ko),
                org: text(&f.org),
            })
            .collect();
        assert_eq!(read.families, families);

        let models: Vec<Model> = ds
            .models
            .iter()
            .map(|m| Model {
                id: text(&m.id),
                name_en: text(&m.name_en),
                name_ko: text(&m.name_ko),
                family: m.family.as_deref().map(text),
                org: text(&m.org),
                sector: m.sector,
                date: m.date,
                status: m.status,
                total: params(m.total),
                active: m.active.map(params),
                sizes_b: Vec::leak(m.sizes_b.clone()),
                arch: m.arch,
                modalities: Vec::leak(m.modalities.clone()),
                languages: texts(&m.languages),
                weights: m.weights,
                license: text(&m.license),
                license_ko: text(&m.license_ko),
                context: m.context,
                origin: m.origin,
                base_model: text(&m.base_model),
                in_article: m.in_article,
                reference: m.reference,
                sources: Vec::leak(m.sources.iter().map(source).collect()),
                disputes: Vec::leak(m.disputes.iter().map(dispute).collect()),
                note_en: text(&m.note_en),
                note_ko: text(&m.note_ko),
            })
            .collect();
        assert_eq!(read.models.len(), model_rows(), "{DROPPED}");
        assert_eq!(read.models, models);

        let events: Vec<Event> = ds
            .events
            .iter()
            .map(|e| Event {
                id: text(&e.id),
                date: e.date,
                kind: e.kind,
                title_en: text(&e.title_en),
                title_ko: text(&e.title_ko),
                orgs: texts(&e.orgs),
                in_article: e.in_article,
                source: source(&e.source),
                note_en: text(&e.note_en),
                note_ko: text(&e.note_ko),
            })
            .collect();
        assert_eq!(read.events, events);
    }

    /// Statics cut short or with a byte changed (a build bug, never data)
    /// read as an empty dataset (or, where a changed byte still reads, as
    /// other values) and never panic.
    #[test]
    fn damaged_statics_never_panic() {
        let read = |all: &str, codes: &[u8], numbers: &[f64]| {
            let all = text(all);
            let codes: &'static [u8] = Vec::leak(codes.to_vec());
            let numbers: &'static [f64] = Vec::leak(numbers.to_vec());
            read_from(all, codes, numbers)
        };
        let (whole, _) = read(TEXT, CODES, NUMBERS);
        assert_eq!(whole.models.len(), model_rows(), "{DROPPED}");
        for cut in [0, 1, CODES.len() / 2, CODES.len() - 1] {
            let (ds, r) = read(TEXT, &CODES[..cut], NUMBERS);
            assert!(r.bad, "codes cut at {cut}");
            assert!(ds.models.is_empty());
        }
        let half = (0..=TEXT.len() / 2)
            .rev()
            .find(|&i| TEXT.is_char_boundary(i))
            .unwrap();
        let (ds, r) = read(&TEXT[..half], CODES, NUMBERS);
        assert!(r.bad && ds.models.is_empty());
        let (_, r) = read(TEXT, CODES, &NUMBERS[..1]);
        assert!(r.bad);
        // Every single byte of CODES changed: no panic, whatever is read.
        let mut codes = CODES.to_vec();
        for i in (0..codes.len()).step_by(7) {
            let old = codes[i];
            for new in [0, 0x7f, 0x80, 0xff] {
                codes[i] = new;
                let _ = read(TEXT, &codes, NUMBERS);
            }
            codes[i] = old;
        }
    }
}

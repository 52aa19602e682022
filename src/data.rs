//! The compiled-in dataset. `build.rs` validates the files under `data/` and
//! generates these statics; nothing is parsed at page load.

use crate::model::{Event, Family, Model, Organisation};
use crate::state::Lang;

include!(concat!(env!("OUT_DIR"), "/dataset.rs"));

/// The organisation with this id.
pub fn organisation(id: &str) -> Option<&'static Organisation> {
    ORGANISATIONS.iter().find(|o| o.id == id)
}

/// An organisation's name in `lang` (its id when it is unknown).
pub fn organisation_name(id: &'static str, lang: Lang) -> &'static str {
    organisation(id).map_or(id, |o| match lang {
        Lang::Ko => o.name_ko,
        Lang::En => o.name_en,
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
        let mut all: Vec<&'static Model> = MODELS.iter().collect();
        crate::set::sort_by(&mut all, &|a, b| a.id.cmp(b.id));
        all
    });
    let at = index.binary_search_by(|m| m.id.cmp(id)).ok()?;
    index.get(at).copied()
}

pub fn family(id: &str) -> Option<&'static Family> {
    FAMILIES.iter().find(|f| f.id == id)
}

/// Korean models (released and announced), without the non-Korean references.
pub fn korean_models() -> impl Iterator<Item = &'static Model> {
    MODELS.iter().filter(|m| !m.reference)
}

/// Non-Korean models kept for scale (GPT-3).
pub fn reference_models() -> impl Iterator<Item = &'static Model> {
    MODELS.iter().filter(|m| m.reference)
}

pub fn events() -> &'static [Event] {
    EVENTS
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
            ORGANISATIONS.iter().map(|o| o.id),
            MODELS.iter().flat_map(|m| m.languages.iter().copied()),
        )
    })
}

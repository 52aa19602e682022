//! Hangul-aware search, pure.
//!
//! Matching is a substring test after normalisation: case-insensitive, and
//! blind to spaces, hyphens, dots and other punctuation ("hyperclova x" finds
//! "HyperCLOVA X", "ax4" finds "A.X 4.0"). On top of that:
//!
//! - a compatibility consonant (ㄱ..ㅎ) in the query matches any syllable with
//!   that initial consonant (초성), so "ㅎㅇㅍㅋㄹㅂ" finds 하이퍼클로바 and
//!   "엑사ㅇ" finds 엑사원;
//! - the query's last syllable may still be in the IME's hands: "하이퍼클로" +
//!   "바" typed as "하이퍼클롭" matches because a final consonant may turn out
//!   to be the next syllable's initial (롭 → 로 + ㅂ…), a syllable without
//!   final matches the same syllable with any final (바 → 박), a final may be
//!   the first half of a compound final (달 → 닭) and a simple vowel may be the
//!   first half of a compound vowel (고 → 과).
//!
//! A query that starts with a Latin letter or a digit matches only from the
//! start of a word: after a space or punctuation, at a lower-to-upper case
//! change ("clova" in "HyperCLOVA"), after Hangul ("x" in "하이퍼클로바X") or at
//! a letter-to-digit change. So "kt" finds KT but not "SK Telecom", and "ax"
//! finds "A.X" but not "HyperCLOVA X". Hangul is matched anywhere, since Korean
//! names run words together ("클로바" finds 하이퍼클로바).
//!
//! A query with several words also matches when every word is found in some
//! haystack ("lg exaone" finds EXAONE by LG AI Research).

use std::cell::RefCell;

/// Whether `query` is found in any of `haystacks` (see the module docs).
pub fn matches(query: &str, haystacks: &[&str]) -> bool {
    Query::new(query).matches(haystacks)
}

/// Whether a key event is part of an IME composition (a Hangul syllable still
/// being composed) and must therefore not be treated as a command: true when
/// `KeyboardEvent.isComposing` is set or `keyCode` is 229 (what Chrome and
/// Safari report for keys the IME consumes). Ignore Enter when this is true.
pub fn ime_composing_enter(is_composing: bool, key_code: u32) -> bool {
    is_composing || key_code == 229
}

/// One element of a prepared query.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Unit {
    /// A normalised character matched as is.
    Char(char),
    /// A compatibility consonant: matches itself or any syllable with this initial.
    Initial { cho: u8, jamo: char },
    /// The query's last syllable, possibly still being composed.
    Partial(Syllable),
}

#[derive(Clone, Copy, Debug, PartialEq)]
struct Syllable {
    cho: u8,
    jung: u8,
    jong: u8,
}

const SYLLABLE_BASE: u32 = 0xAC00;
const SYLLABLE_LAST: u32 = 0xD7A3;

/// The 19 initial consonants as compatibility jamo, in Unicode order.
const CHOSEONG: [char; 19] = [
    'ㄱ', 'ㄲ', 'ㄴ', 'ㄷ', 'ㄸ', 'ㄹ', 'ㅁ', 'ㅂ', 'ㅃ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅉ', 'ㅊ', 'ㅋ',
    'ㅌ', 'ㅍ', 'ㅎ',
];

fn decompose(c: char) -> Option<Syllable> {
    let code = u32::from(c);
    if !(SYLLABLE_BASE..=SYLLABLE_LAST).contains(&code) {
        return None;
    }
    let index = code - SYLLABLE_BASE;
    // All three values are < 28 by construction.
    Some(Syllable {
        cho: (index / 588) as u8,
        jung: ((index % 588) / 28) as u8,
        jong: (index % 28) as u8,
    })
}

fn initial_of_jamo(c: char) -> Option<u8> {
    CHOSEONG.iter().position(|j| *j == c).map(|i| i as u8)
}

/// A simple final consonant read as the next syllable's initial.
fn jong_as_cho(jong: u8) -> Option<u8> {
    Some(match jong {
        1 => 0,   // ㄱ
        2 => 1,   // ㄲ
        4 => 2,   // ㄴ
        7 => 3,   // ㄷ
        8 => 5,   // ㄹ
        16 => 6,  // ㅁ
        17 => 7,  // ㅂ
        19 => 9,  // ㅅ
        20 => 10, // ㅆ
        21 => 11, // ㅇ
        22 => 12, // ㅈ
        23 => 14, // ㅊ
        24 => 15, // ㅋ
        25 => 16, // ㅌ
        26 => 17, // ㅍ
        27 => 18, // ㅎ
        _ => return None,
    })
}

/// A compound final split into (first final, second as an initial).
fn split_jong(jong: u8) -> Option<(u8, u8)> {
    Some(match jong {
        3 => (1, 9),   // ㄳ = ㄱ + ㅅ
        5 => (4, 12),  // ㄵ = ㄴ + ㅈ
        6 => (4, 18),  // ㄶ = ㄴ + ㅎ
        9 => (8, 0),   // ㄺ = ㄹ + ㄱ
        10 => (8, 6),  // ㄻ = ㄹ + ㅁ
        11 => (8, 7),  // ㄼ = ㄹ + ㅂ
        12 => (8, 9),  // ㄽ = ㄹ + ㅅ
        13 => (8, 16), // ㄾ = ㄹ + ㅌ
        14 => (8, 17), // ㄿ = ㄹ + ㅍ
        15 => (8, 18), // ㅀ = ㄹ + ㅎ
        18 => (17, 9), // ㅄ = ㅂ + ㅅ
        _ => return None,
    })
}

/// Whether medial `full` is `typed` or a compound vowel starting with it (ㅘ starts with ㅗ).
fn jung_extends(full: u8, typed: u8) -> bool {
    full == typed
        || match full {
            9..=11 => typed == 8,   // ㅘ ㅙ ㅚ ← ㅗ
            14..=16 => typed == 13, // ㅝ ㅞ ㅟ ← ㅜ
            19 => typed == 18,      // ㅢ ← ㅡ
            _ => false,
        }
}

/// Whether final `full` is `typed` or a compound final starting with it (ㄺ starts with ㄹ).
fn jong_extends(full: u8, typed: u8) -> bool {
    full == typed || split_jong(full).is_some_and(|(first, _)| first == typed)
}

fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || c.is_ascii_punctuation()
        || matches!(
            c,
            '·' | '・' | '‧' | '‐' | '‑' | '‒' | '–' | '—' | '､' | '。' | '、'
        )
}

/// Case folding for the scripts in the data: ASCII, fullwidth Latin (as typed
/// by Korean IMEs) and Latin-1 capitals. Hangul has no case. The general
/// `char::to_lowercase` would bring an 11 KB Unicode table into the bundle.
pub fn fold_case(c: char) -> char {
    match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        // Fullwidth Ａ–Ｚ and ａ–ｚ → ASCII.
        '\u{FF21}'..='\u{FF3A}' => char::from_u32(u32::from(c) - 0xFF21 + 0x61).unwrap_or(c),
        '\u{FF41}'..='\u{FF5A}' => char::from_u32(u32::from(c) - 0xFF41 + 0x61).unwrap_or(c),
        // Latin-1 capitals À–Þ (but not ×) are 0x20 below their small letters.
        '\u{C0}'..='\u{DE}' if c != '\u{D7}' => char::from_u32(u32::from(c) + 0x20).unwrap_or(c),
        _ => c,
    }
}

/// Appends the normalised form of `text` (lower case, separators dropped) and where its
/// words start.
fn normalize_into(text: &str, key: &mut Key) {
    let mut prev: Option<char> = None;
    for c in text.chars() {
        if is_separator(c) {
            prev = None;
            continue;
        }
        let start = match prev {
            None => true,
            Some(p) => {
                (p.is_ascii_lowercase() && c.is_ascii_uppercase())
                    || (!p.is_ascii_alphanumeric() && c.is_ascii_alphanumeric())
                    || (p.is_ascii_alphabetic() && c.is_ascii_digit())
            }
        };
        key.chars.push(fold_case(c));
        key.starts.push(start);
        prev = Some(c);
    }
}

fn units_of(text: &str) -> Vec<Unit> {
    let mut key = Key::default();
    normalize_into(text, &mut key);
    let chars = key.chars;
    let last = chars.len().saturating_sub(1);
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| match (initial_of_jamo(c), decompose(c)) {
            (Some(cho), _) => Unit::Initial { cho, jamo: c },
            (None, Some(s)) if i == last => Unit::Partial(s),
            _ => Unit::Char(c),
        })
        .collect()
}

fn unit_matches(unit: Unit, hay: char, next: Option<char>) -> bool {
    match unit {
        Unit::Char(c) => c == hay,
        Unit::Initial { cho, jamo } => hay == jamo || decompose(hay).is_some_and(|s| s.cho == cho),
        Unit::Partial(q) => {
            let Some(h) = decompose(hay) else {
                return false;
            };
            if h.cho != q.cho {
                return false;
            }
            if q.jong == 0 {
                return jung_extends(h.jung, q.jung);
            }
            if h.jung != q.jung {
                return false;
            }
            if jong_extends(h.jong, q.jong) {
                return true;
            }
            let next_cho = next.and_then(decompose).map(|s| s.cho);
            // 롭 typed on the way to 로바: the final is the next initial.
            if h.jong == 0 && next_cho.is_some() && next_cho == jong_as_cho(q.jong) {
                return true;
            }
            // 닭 typed on the way to 달기: the compound splits across syllables.
            split_jong(q.jong)
                .is_some_and(|(first, second)| h.jong == first && next_cho == Some(second))
        }
    }
}

/// Whether `units` occur in `hay`; from a word start (`starts`) when they begin
/// with a Latin letter or a digit.
fn find(units: &[Unit], hay: &[char], starts: &[bool]) -> bool {
    let Some(first) = units.first() else {
        return true;
    };
    if units.len() > hay.len() {
        return false;
    }
    let from_word_start = matches!(first, Unit::Char(c) if c.is_ascii_alphanumeric());
    (0..=hay.len() - units.len()).any(|start| {
        (!from_word_start || starts.get(start).copied().unwrap_or(false))
            && units
                .iter()
                .enumerate()
                .all(|(k, u)| match hay.get(start + k) {
                    Some(&h) => unit_matches(*u, h, hay.get(start + k + 1).copied()),
                    None => false,
                })
    })
}

/// Separates haystacks inside a key; never produced by normalisation.
const BOUNDARY: char = '\0';

/// Normalised haystacks of one row with their word starts, prepared once and
/// reused for every query.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchKey(Key);

#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Key {
    chars: Vec<char>,
    /// Whether a word starts at each of `chars`.
    starts: Vec<bool>,
}

impl SearchKey {
    pub fn new(haystacks: &[&str]) -> SearchKey {
        let mut key = Key::default();
        fill_key(haystacks, &mut key);
        SearchKey(key)
    }
}

fn fill_key(haystacks: &[&str], key: &mut Key) {
    key.chars.clear();
    key.starts.clear();
    for h in haystacks {
        normalize_into(h, key);
        key.chars.push(BOUNDARY);
        key.starts.push(false);
    }
}

/// A prepared search query.
#[derive(Clone, Debug, Default)]
pub struct Query {
    whole: Vec<Unit>,
    /// The whitespace-separated words, when there are several.
    words: Vec<Vec<Unit>>,
    /// Reused buffer for [`Query::matches`], so matching allocates once per query, not per row.
    scratch: RefCell<Key>,
}

impl Query {
    pub fn new(text: &str) -> Query {
        let words: Vec<Vec<Unit>> = text
            .split_whitespace()
            .map(units_of)
            .filter(|w| !w.is_empty())
            .collect();
        Query {
            whole: units_of(text),
            words: if words.len() > 1 { words } else { Vec::new() },
            scratch: RefCell::new(Key::default()),
        }
    }

    /// An empty query matches everything.
    pub fn is_empty(&self) -> bool {
        self.whole.is_empty()
    }

    /// Whether the query is found in any of `haystacks`.
    pub fn matches(&self, haystacks: &[&str]) -> bool {
        if self.is_empty() {
            return true;
        }
        match self.scratch.try_borrow_mut() {
            Ok(mut buf) => {
                fill_key(haystacks, &mut buf);
                self.matches_in(&buf)
            }
            // Re-entrant use (not expected): fall back to a fresh buffer.
            Err(_) => self.matches_key(&SearchKey::new(haystacks)),
        }
    }

    /// Whether the query is found in a prepared key.
    pub fn matches_key(&self, key: &SearchKey) -> bool {
        self.is_empty() || self.matches_in(&key.0)
    }

    fn matches_in(&self, key: &Key) -> bool {
        let (hay, starts) = (&key.chars, &key.starts);
        find(&self.whole, hay, starts)
            || (!self.words.is_empty() && self.words.iter().all(|w| find(w, hay, starts)))
    }
}

#[cfg(test)]
mod fold_tests {
    use super::*;

    #[test]
    fn folds_ascii_fullwidth_and_latin1() {
        assert_eq!(fold_case('E'), 'e');
        assert_eq!(fold_case('Ｅ'), 'e');
        assert_eq!(fold_case('ｘ'), 'x');
        assert_eq!(fold_case('É'), 'é');
        assert_eq!(fold_case('×'), '×');
        assert_eq!(fold_case('엑'), '엑');
        assert!(matches("ＥＸＡＯＮＥ", &["EXAONE 3.5"]));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_space_and_punctuation_blind() {
        assert!(matches("hyperclova x", &["HyperCLOVA X"]));
        assert!(matches("HYPERCLOVAX", &["HyperCLOVA X"]));
        assert!(matches("ax4", &["A.X 4.0"]));
        assert!(matches("a.x 4", &["A.X 4.0"]));
        assert!(matches("exaone-3", &["EXAONE 3.5"]));
        assert!(matches("", &["anything"]));
        assert!(matches("   ", &["anything"]));
        assert!(!matches("exaone", &["HyperCLOVA X"]));
        assert!(!matches("ax5", &["A.X 4.0"]));
    }

    /// Latin and digits match from a word start, so short queries stop
    /// finding the middle of other names; Hangul matches anywhere.
    #[test]
    fn latin_matches_from_word_starts() {
        assert!(matches("kt", &["KT"]));
        assert!(!matches("kt", &["SK Telecom"]));
        assert!(matches("ax", &["A.X 4.0"]));
        assert!(!matches("ax", &["HyperCLOVA X"]));
        assert!(matches("clova", &["HyperCLOVA X"]));
        assert!(matches("x", &["하이퍼클로바X"]));
        assert!(matches("7b", &["Tri-7B"]));
        assert!(matches("3", &["EXAONE3"]));
        assert!(!matches("b", &["Tri-7B"]));
        assert!(matches("exaone", &["K-EXAONE"]));
        assert!(!matches("xaone", &["EXAONE"]));
        assert!(matches("클로바", &["하이퍼클로바X"]));
        assert!(matches("엑사원", &["K-엑사원"]));
        assert!(matches("k엑사원", &["K-엑사원"]));
    }

    #[test]
    fn initial_consonants() {
        assert!(matches("ㅎㅇㅍㅋㄹㅂ", &["하이퍼클로바 X"]));
        assert!(matches("ㅇㅅㅇ", &["엑사원"]));
        assert!(matches("ㅋㄹㅂ", &["하이퍼클로바"]));
        assert!(matches("엑사ㅇ", &["엑사원 3.0"]));
        assert!(!matches("ㅁㅇㄷ", &["믿:음"]));
        assert!(matches("ㅁㅇ", &["믿:음"]));
        assert!(!matches("ㅎㅇㅍㅋㄹㅂ", &["엑사원"]));
        assert!(!matches("ㄱ", &["EXAONE"]));
        // A literal jamo in a name still matches itself.
        assert!(matches("ㅋ", &["ㅋㅋ"]));
    }

    #[test]
    fn syllable_still_being_composed() {
        assert!(matches("하이퍼클롭", &["하이퍼클로바"]));
        assert!(matches("엑상", &["엑사원"]));
        assert!(matches("하이퍼클로바", &["하이퍼클로바"]));
        assert!(!matches("하이퍼클로박", &["하이퍼클로바"]));
        assert!(matches("바", &["박"]));
        assert!(matches("고", &["과학"]));
        assert!(matches("달", &["닭"]));
        assert!(matches("닭", &["달기"]));
        // Only the last syllable is lenient.
        assert!(!matches("롭바", &["로바"]));
        assert!(!matches("클롭", &["클로다"]));
    }

    #[test]
    fn words_may_hit_different_haystacks() {
        let hay = ["EXAONE 3.5", "엑사원 3.5", "LG AI Research", "LG AI연구원"];
        assert!(matches("lg exaone", &hay));
        assert!(matches("엑사원 lg", &hay));
        assert!(!matches("lg clova", &hay));
        // A single run never spans two haystacks.
        assert!(!matches("3.5lg", &hay));
    }

    #[test]
    fn prepared_key_and_scratch_buffer_agree() {
        let q = Query::new("ㅋㄹㅂ");
        let key = SearchKey::new(&["하이퍼클로바 X", "HyperCLOVA X"]);
        assert!(q.matches_key(&key));
        assert!(q.matches(&["하이퍼클로바 X"]));
        assert!(!q.matches(&["엑사원"]));
        assert!(q.matches(&["클로바"]));
    }

    #[test]
    fn ime_enter_is_ignored_while_composing() {
        assert!(ime_composing_enter(true, 13));
        assert!(ime_composing_enter(false, 229));
        assert!(!ime_composing_enter(false, 13));
    }
}

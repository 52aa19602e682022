//! Every UI string, in Korean and English. The `texts!` macro makes a missing
//! language a compile error; the tests catch empty strings.

use crate::model::{Arch, Basis, EventKind, Modality, Sector, Status, Weights};
use crate::state::Lang;

macro_rules! texts {
    ($($key:ident => $ko:literal, $en:literal;)+) => {
        /// A UI string key.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum T { $($key),+ }

        impl T {
            pub const ALL: &'static [T] = &[$(T::$key),+];

            pub const fn ko(self) -> &'static str {
                match self { $(T::$key => $ko),+ }
            }

            pub const fn en(self) -> &'static str {
                match self { $(T::$key => $en),+ }
            }
        }
    };
}

texts! {
    AppTitle => "한국 AI 모델 아틀라스", "K-AI Atlas";
    AppSubtitle => "누가 언제 어떤 AI 모델을 내놨나 — 크기\u{2060}·\u{2060}공개\u{a0}여부\u{2060}·\u{2060}출처까지", "Which Korean organisations released which AI models, when — with size, openness and sources";
    Loading => "불러오는 중…", "Loading…";
    ModelsShown => "개 모델", " models";
    ModelShown => "개 모델", " model";
    Views => "보기", "Views";
    ViewTimeline => "타임라인", "Timeline";
    ViewRanking => "크기 순위", "Ranking";
    ViewLanes => "업종별", "By sector";
    ViewTable => "표", "Table";
    Language => "언어", "Language";
    SwitchLanguage => "English", "한국어";
    SwitchLanguageLabel => "Switch to English", "한국어로 보기";
    // The button's name says what it does, and holds its visible word (WCAG 2.5.3).
    ThemeToLight => "밝게 보기로 바꾸기", "Switch to light theme";
    ThemeToDark => "어둡게 보기로 바꾸기", "Switch to dark theme";
    ThemeAuto => "시스템", "System";
    ThemeLight => "밝게", "Light";
    ThemeDark => "어둡게", "Dark";
    Filters => "필터", "Filters";
    ShowFilters => "필터 열기", "Show filters";
    HideFilters => "필터 닫기", "Hide filters";
    ClearAll => "초기화", "Clear all";
    Clear => "해제", "Clear";
    Search => "검색", "Search";
    SearchPlaceholder => "모델·기관 검색(예: ㅎㅇㅍㅋㄹㅂ)", "Search models, organisations";
    FacetSector => "업종", "Sector";
    FacetOrg => "기관", "Organisation";
    FacetModality => "모달리티", "Modality";
    FacetOpen => "가중치 공개·라이선스", "Open weights & licence";
    FacetArch => "구조", "Architecture";
    FacetSize => "크기", "Size";
    FacetParams => "매개변수 범위(단위: 억)", "Parameter range (billions)";
    FacetDate => "출시 시기", "Release date";
    FacetLangs => "언어", "Languages";
    FacetStatus => "상태", "Status";
    FacetArticle => "2023년 기사", "2023 article";
    ArticleOnly => "2023년 기사에 나온 모델만", "Only models named in the 2023 article";
    From => "시작", "From";
    To => "끝", "To";
    Min => "최소", "Min";
    Max => "최대", "Max";
    NoMatch => "조건에 맞는 모델이 없습니다.", "No models match.";
    NoMatchHint => "필터를 줄이거나 초기화해 보세요.", "Remove a filter or clear them all.";
    ActiveFilters => "적용된 필터", "Active filters";
    SizeSmall => "소형(100억 미만)", "Small (< 10B)";
    SizeMid => "중형(100억~1,000억 미만)", "Mid-size (10–100B)";
    SizeHyperscale => "초거대(1,000억 이상)", "Hyperscale (≥ 100B)";
    SizeUndisclosed => "비공개", "Undisclosed";
    Undisclosed => "비공개", "Undisclosed";
    UndisclosedLane => "크기 비공개", "Size undisclosed";
    Hyperscale => "초거대", "hyperscale";
    Gpt3Line => "GPT-3 (1,750억)", "GPT-3 (175B)";
    Parameters => "매개변수", "Parameters";
    TotalParams => "전체 매개변수", "Total parameters";
    ActiveParams => "활성 매개변수", "Active parameters";
    Sizes => "크기 구성", "Sizes released";
    ReleaseDate => "출시일", "Release date";
    AnnouncedDate => "발표일", "Announcement date";
    NotShown => "현재 필터·기준일에서는 보이지 않는 모델입니다.", "Not among the models shown with the current filters or date.";
    Date => "날짜", "Date";
    Organisation => "기관", "Organisation";
    Sector => "업종", "Sector";
    Family => "계열", "Family";
    Architecture => "구조", "Architecture";
    Modality => "모달리티", "Modality";
    Languages => "언어", "Languages";
    Weights => "가중치", "Weights";
    Licence => "라이선스", "Licence";
    Context => "컨텍스트 길이", "Context length";
    Tokens => "토큰", "tokens";
    Origin => "개발 방식", "Origin";
    BaseModel => "기반 모델", "Based on";
    Notes => "설명", "Notes";
    Sources => "출처", "Sources";
    Source => "출처", "Source";
    Disputed => "출처마다 다른 수치", "Disputed figure";
    Status => "상태", "Status";
    NamedInArticle => "2023년 기사 언급", "Named in the 2023 article";
    ArticleColumn => "2023년 기사", "2023 article";
    Name => "모델명", "Name";
    Close => "닫기", "Close";
    Details => "자세히", "Details";
    Pin => "비교에 추가", "Add to compare";
    PinReplaces => "비교는 최대 4개라서 추가하면 빠지는 모델:", "Compare is full; this replaces";
    Unpin => "비교에서 제외", "Remove from compare";
    Compare => "비교", "Compare";
    CompareFull => "최대 4개까지 비교할 수 있습니다.", "You can compare up to 4 models.";
    CompareEmpty => "모델 카드에서 ‘비교에 추가’를 누르세요.", "Use “Add to compare” on a model card.";
    ClearCompare => "비교 비우기", "Clear comparison";
    Events => "주요 동향", "Events";
    ShowEvents => "동향 표시", "Show events";
    AsOf => "기준일", "As of";
    AsOfToday => "오늘", "Today";
    AsOfArticle => "2023년 기사 시점", "As of the 2023 article";
    NoLink => " (원문 링크를 찾지 못함)", " (no canonical URL found)";
    ArticleLater => "기사에 언급됐지만 그 뒤 출시된 모델: ", "Named by the article but released after it: ";
    ArticleNeverShipped => "기사에 출시 예정으로 나왔지만 아직 출시되지 않은 모델: ", "Named by the article as coming, and still not released: ";
    ArticleSince => "기사 이후 출시: ", "Released since: ";
    ArticleSinceTail => " (‘오늘’을 누르면 모두 보입니다).", " (“Today” shows them all).";
    ArticleHint => "2023년 8월 22일 디일렉 기사 시점의 지형입니다. 굵은 테두리는 기사에 나온 모델입니다.", "The landscape on 22 Aug 2023, the date of The Elec’s article. Thick outlines mark the models it named.";
    NeverShipped => "발표만 되고 출시되지 않음", "announced, never shipped";
    ColorBy => "색 기준", "Colour by";
    ColorBySector => "업종", "Sector";
    ColorByOrg => "기관", "Organisation";
    OtherOrgs => "기타 기관", "Other organisations";
    ViewLanesOrg => "기관별", "By organisation";
    Legend => "범례", "Legend";
    Marks => "모양", "Marks";
    OpenWeightsMark => "● 가중치 공개", "● open weights";
    ClosedWeightsMark => "■ 폐쇄형(가중치 비공개)", "■ closed weights";
    AnnouncedMark => "○ 발표만 됨", "○ announced only";
    MoeMark => "안쪽 점: MoE 활성 매개변수", "inner dot: MoE active parameters";
    ActiveBarMark => "안쪽 띠: MoE 활성 매개변수", "inner band: MoE active parameters";
    NamedMark => "굵은 테두리: 2023년 기사에 나온 모델", "thick outline: named in the 2023 article";
    GhostMark => "점선 원: 출처마다 다른 수치", "dashed ring: disputed figure";
    EventMark => "세로 점선: 주요 동향", "dotted line: event";
    LogBarsMark => "막대 길이: 로그 척도(눈금마다 10배)", "bar length: log scale (×10 per gridline)";
    ChartSummary => "출시일(가로축)과 전체 매개변수 수(세로축, 로그 척도)로 본 한국 AI 모델.", "Korean AI models by release date (horizontal axis) and total parameters (vertical axis, log scale).";
    RankingSummary => "전체 매개변수 수(로그 척도)가 큰 순서로 본 한국 AI 모델.", "Korean AI models by total parameters, largest first (log scale).";
    LanesSummary => "출시일(가로축)로 본 한국 AI 모델, 한 줄에 한 업종:", "Korean AI models by release date (horizontal axis), one lane per sector:";
    LanesSummaryOrg => "출시일(가로축)로 본 한국 AI 모델, 한 줄에 한 기관:", "Korean AI models by release date (horizontal axis), one lane per organisation:";
    SkipChart => "차트로 건너뛰기", "Skip to the chart";
    SkipTable => "표로 건너뛰기", "Skip to the table";
    SkipResults => "결과로 건너뛰기", "Skip to the results";
    ChartKeys => "화살표 키로 모델 사이를 이동하고 Enter로 카드를 엽니다.", "Use the arrow keys to move between models and Enter to open a card.";
    LaneKeys => "좌우 화살표 키로 모델 사이를, 위아래 화살표 키로 줄 사이를 이동하고 Enter로 카드를 엽니다.", "Use the left and right arrow keys to move between models, up and down to change lanes, and Enter to open a card.";
    Share => "공유", "Share";
    CopyLink => "링크 복사", "Copy link";
    LinkHint => "현재 화면 링크", "Link to this view";
    Copied => "복사했습니다", "Copied";
    CopyFailed => "복사하지 못했습니다. 직접 선택해 복사하세요.", "Could not copy. Select the text and copy it.";
    Embed => "퍼가기", "Embed";
    CopySnippet => "코드 복사", "Copy code";
    EmbedHint => "기사에 이 코드를 붙여 넣으세요. 스크립트를 허용하지 않는 CMS에서는 iframe 부분만 넣어도 됩니다.", "Paste this into your article. Where the CMS strips scripts, the iframe alone works.";
    Download => "내려받기", "Download";
    OpenFull => "전체 페이지로 보기", "Open full view";
    Downloaded => "내려받은 날", "Downloaded";
    Credit => "한국 AI 모델 아틀라스 · 자료: 모델 카드·논문·언론 보도(모델별 출처 참조)", "K-AI Atlas · Sources: model cards, papers, press (see each model)";
    NoticeIgnored => "링크에서 읽을 수 없는 항목은 무시했습니다:", "Some parts of the link were not understood and were ignored:";
    Dismiss => "알림 닫기", "Dismiss";
    PanicTitle => "문제가 생겼습니다.", "Something went wrong.";
    PanicBody => "페이지를 새로고침해 주세요.", "Please reload the page.";
    ShowMore => "더 보기", "Show more";
    SortAscending => "오름차순 정렬됨", "sorted ascending";
    SortDescending => "내림차순 정렬됨", "sorted descending";
    Yes => "예", "Yes";
    No => "아니요", "No";
    Unknown => "미확인", "Unverified";
    Reference => "참고용(해외 모델)", "reference (non-Korean)";
}

impl T {
    /// " models" after a count, " model" after 1.
    pub const fn models(n: usize) -> T {
        if n == 1 {
            T::ModelShown
        } else {
            T::ModelsShown
        }
    }

    pub const fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Ko => self.ko(),
            Lang::En => self.en(),
        }
    }
}

/// Labels for the closed sets of the data model.
pub trait Label {
    fn label(self, lang: Lang) -> &'static str;
}

macro_rules! labels {
    ($ty:ty { $($variant:ident => $ko:literal, $en:literal;)+ }) => {
        impl Label for $ty {
            fn label(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((<$ty>::$variant, Lang::Ko) => $ko, (<$ty>::$variant, Lang::En) => $en,)+
                }
            }
        }
    };
}

labels!(Sector {
    Manufacturing => "제조", "Manufacturing";
    Telecom => "통신", "Telecom";
    ItServices => "IT서비스", "IT services";
    Portal => "포털", "Portal";
    Messenger => "메신저·SNS", "Messenger & SNS";
    Game => "게임", "Games";
    Startup => "스타트업", "Startups";
    Research => "연구·공공", "Research & public";
});

labels!(Status {
    Released => "출시", "Released";
    Announced => "발표만 됨", "Announced";
});

labels!(Basis {
    Official => "공식", "official";
    Reported => "보도", "reported";
    Estimated => "추정", "estimated";
    Undisclosed => "비공개", "undisclosed";
});

labels!(Arch {
    Dense => "밀집(Dense)", "Dense";
    Moe => "전문가 혼합(MoE)", "Mixture of experts";
    Unknown => "미확인", "Unverified";
});

labels!(Modality {
    Text => "텍스트", "Text";
    Vision => "이미지 이해", "Vision";
    ImageGeneration => "이미지 생성", "Image generation";
    Speech => "음성", "Speech";
    Video => "동영상", "Video";
    Code => "코드", "Code";
});

labels!(Weights {
    OpenCommercial => "공개(상업적 이용 가능)", "Open · commercial use";
    // Word joiners around "·": the browser may break a line at a middle dot ("공개(연구·" /
    // "비상업)"); only before the "(" then.
    OpenResearch => "공개(연구\u{2060}·\u{2060}비상업)", "Open · research / non-commercial";
    OpenUnverified => "공개(이용 조건 미확인)", "Open · terms unverified";
    Closed => "폐쇄형", "Closed";
});

labels!(EventKind {
    Alliance => "동맹", "Alliance";
    Service => "서비스 출시", "Service launch";
    Programme => "정부 사업", "Government programme";
});

/// Name of a language code used in the data.
pub fn language_name(code: &str, lang: Lang) -> &str {
    let (ko, en) = match code {
        "ko" => ("한국어", "Korean"),
        "en" => ("영어", "English"),
        "ja" => ("일본어", "Japanese"),
        "zh" => ("중국어", "Chinese"),
        "es" => ("스페인어", "Spanish"),
        "de" => ("독일어", "German"),
        "vi" => ("베트남어", "Vietnamese"),
        "fr" => ("프랑스어", "French"),
        other => (other, other),
    };
    match lang {
        Lang::Ko => ko,
        Lang::En => en,
    }
}

/// Sources carry a title in each language (the build requires both).
impl crate::model::Source {
    /// The title in the reader's language.
    pub fn title_in(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Ko => self.title_ko,
            Lang::En => self.title,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_model_is_singular_in_english() {
        assert_eq!(T::models(1).get(Lang::En), " model");
        assert_eq!(T::models(0).get(Lang::En), " models");
        assert_eq!(T::models(2).get(Lang::En), " models");
        assert_eq!(T::models(1).get(Lang::Ko), "개 모델");
    }

    /// "비공개" is the undisclosed size only; closed weights read differently.
    #[test]
    fn closed_weights_and_undisclosed_size_read_apart() {
        assert_ne!(
            Weights::Closed.label(Lang::Ko),
            Basis::Undisclosed.label(Lang::Ko)
        );
        assert!(!Weights::OpenUnverified.label(Lang::En).contains("licence"));
    }

    #[test]
    fn every_text_exists_in_both_languages() {
        for t in T::ALL {
            assert!(!t.ko().trim().is_empty(), "{t:?} lacks Korean");
            assert!(!t.en().trim().is_empty(), "{t:?} lacks English");
        }
    }

    #[test]
    fn every_label_exists_in_both_languages() {
        for lang in [Lang::Ko, Lang::En] {
            for s in Sector::ALL {
                assert!(!s.label(lang).is_empty());
            }
            for w in Weights::ALL {
                assert!(!w.label(lang).is_empty());
            }
            for m in Modality::ALL {
                assert!(!m.label(lang).is_empty());
            }
        }
        assert_eq!(Sector::Messenger.label(Lang::Ko), "메신저·SNS");
        assert_eq!(language_name("ko", Lang::En), "Korean");
    }
}

//! Thin Yew views over the pure parts. Each view is passed the shared [`Ctx`]
//! (state handle, language, today) and dispatches [`Action`]s.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::{Date, Model};
use crate::state::{Action, Lang, ViewState};

mod app;
pub mod browser;
mod card;
mod chart_export;
mod chart_frame;
mod charts;
mod compare;
mod filters;
mod header;
mod notice;
mod table;
mod toolbar;
mod views;

pub use app::App;

/// What every view reads: the state (and its dispatcher), the resolved language and
/// today's date. Passed down as an argument or a prop (no Yew context).
#[derive(Clone, PartialEq)]
pub struct Ctx {
    pub state: UseReducerHandle<ViewState>,
    pub lang: Lang,
    pub today: Date,
}

impl Ctx {
    pub fn dispatch(&self, action: Action) {
        self.state.dispatch(action);
    }

    /// A callback that dispatches a fixed action.
    pub fn on<E>(&self, action: Action) -> Callback<E> {
        let state = self.state.clone();
        Callback::from(move |_| state.dispatch(action.clone()))
    }

    /// As [`Ctx::on`], for a button the action removes: focus then goes to the first of
    /// `to` that is in the page after the render, rather than being lost to the page body.
    pub fn on_then_focus<E>(&self, action: Action, to: &'static [&'static str]) -> Callback<E> {
        let state = self.state.clone();
        Callback::from(move |_| {
            state.dispatch(action.clone());
            browser::focus_soon(to);
        })
    }
}

/// Where focus goes when what held it is gone and nothing nearer is left: the chart,
/// else the table, else the empty state's way back, else the selected view tab (always
/// there).
pub const FOCUS_MAIN: &[&str] = &[
    "#atlas-chart",
    ".table-wrap",
    "[data-empty] .chip",
    "[data-action=clear-all-empty]",
    "[role=tab][aria-selected=true]",
];

/// An ARIA state value: a static string, no `bool::to_string` allocation and formatting.
pub fn aria(b: bool) -> &'static str {
    if b {
        "true"
    } else {
        "false"
    }
}

/// The models that pass the current filters, shared by every view.
#[derive(Clone)]
pub struct Filtered(pub Rc<Vec<&'static Model>>);

/// Same models in the same order, by identity: every model is a static row, so comparing
/// addresses is exact, and props checks neither walk every field of every model nor link
/// `Model`'s field-by-field equality into the bundle.
impl PartialEq for Filtered {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
            || (self.0.len() == other.0.len()
                && self
                    .0
                    .iter()
                    .zip(other.0.iter())
                    .all(|(a, b)| std::ptr::eq(*a, *b)))
    }
}

impl std::ops::Deref for Filtered {
    type Target = [&'static Model];

    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

/// The state behind "open full view" and behind links shared from any mode: embed mode
/// off. An embed's `theme` goes too: it is the article's choice, and whoever opens the
/// link has their own. A theme the reader picked in the full view stays: it is theirs.
pub fn full_view(state: &ViewState) -> ViewState {
    let full = state.apply(Action::SetEmbed(false));
    if state.embed {
        full.apply(Action::SetTheme(crate::state::Theme::Auto))
    } else {
        full
    }
}

/// The page's own URL for [`full_view`].
pub fn full_view_url(state: &ViewState) -> String {
    share_url(&full_view(state))
}

/// The shareable URL of a state.
pub fn share_url(state: &ViewState) -> String {
    let query = crate::url::to_query(state);
    let base = browser::base_url();
    if query.is_empty() {
        base
    } else {
        format!("{base}?{query}")
    }
}

/// A source's title, linked only when its URL is http(s); a print citation without a
/// canonical page is plain text that says so in the reader's language, never a dead
/// `href="#"`.
pub fn source_link(source: &crate::model::Source, lang: crate::state::Lang) -> Html {
    let href = safe_href(source.url);
    let title = source.title_in(lang);
    let title_lang = crate::format::hangul_lang(title, lang);
    if href == "#" {
        html! { <><cite lang={title_lang}>{ title }</cite>{ crate::i18n::T::NoLink.get(lang) }</> }
    } else {
        html! { <a {href} target="_blank" rel="noopener noreferrer" lang={title_lang}>{ title }</a> }
    }
}

/// Only http(s) links from the data reach an `href`; anything else becomes inert.
pub fn safe_href(url: &str) -> String {
    let lower = url.trim_start().to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        url.to_string()
    } else {
        "#".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::full_view;
    use crate::state::{Action, Theme, ViewState};
    use crate::url::{to_query, Known};

    fn from_query(q: &str) -> ViewState {
        let known = Known::new([], ["sk-telecom"], ["ko", "en"]);
        crate::url::from_query(q, &known).0
    }

    #[test]
    fn full_view_keeps_the_readers_theme_and_drops_the_articles() {
        let picked = ViewState::default().apply(Action::SetTheme(Theme::Dark));
        assert_eq!(
            full_view(&picked),
            picked,
            "the full view's own theme toggle is the reader's choice"
        );
        let embed = from_query("?view=table&theme=dark&embed=1");
        assert_eq!(to_query(&full_view(&embed)), "v=1&view=table");
    }

    #[test]
    fn the_snippet_src_is_written_by_to_query_without_a_theme() {
        let embed_src = |q: &str| to_query(&super::toolbar::embed_state(&from_query(q)));
        assert_eq!(embed_src(""), "v=1&embed=1");
        // The editor's own theme is not forced on the article's readers.
        assert_eq!(
            embed_src("?view=ranking&theme=light"),
            "v=1&view=ranking&embed=1"
        );
        assert_eq!(
            embed_src("?embed=1&theme=dark&sector=telecom"),
            "v=1&sector=telecom&embed=1"
        );
    }
}

//! The dismissible notice naming the parts of a link that were ignored.

use yew::prelude::*;

use super::Ctx;
use crate::i18n::T;
use crate::url::Ignored;

/// A plain view function (see [`super::header::header`]).
pub fn notice(ctx: &Ctx, ignored: &[Ignored], on_dismiss: Callback<MouseEvent>) -> Html {
    if ignored.is_empty() {
        return html! {};
    }
    let lang = ctx.lang;
    html! {
        <div class="notice" role="status" data-notice="ignored">
            <div>
                { T::NoticeIgnored.get(lang) }
                <ul>
                    { for ignored.iter().map(|i| html! {
                        <li><code>{ i.display() }</code></li>
                    }) }
                </ul>
            </div>
            <button type="button" class="btn" onclick={on_dismiss} aria-label={T::Dismiss.get(lang)}>{ "×" }</button>
        </div>
    }
}

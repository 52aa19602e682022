//! The dismissible notice naming the parts of a link that were ignored.

use yew::prelude::*;

use super::use_ctx;
use crate::i18n::T;
use crate::url::Ignored;

#[derive(Properties, PartialEq)]
pub struct NoticeProps {
    pub ignored: Vec<Ignored>,
    pub on_dismiss: Callback<()>,
}

#[component]
pub fn Notice(props: &NoticeProps) -> Html {
    let Some(ctx) = use_ctx() else {
        return html! {};
    };
    if props.ignored.is_empty() {
        return html! {};
    }
    let lang = ctx.lang;
    let dismiss = props.on_dismiss.reform(|_: MouseEvent| ());
    html! {
        <div class="notice" role="status" data-notice="ignored">
            <div>
                { T::NoticeIgnored.get(lang) }
                <ul>
                    { for props.ignored.iter().map(|i| html! {
                        <li><code>{ i.display() }</code></li>
                    }) }
                </ul>
            </div>
            <button type="button" class="btn" onclick={dismiss} aria-label={T::Dismiss.get(lang)}>{ "×" }</button>
        </div>
    }
}

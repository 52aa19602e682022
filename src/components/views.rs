//! The chart views (timeline, ranking, lanes), their shared controls (colour,
//! events, "as of") and the empty state.

use yew::prelude::*;

use super::{use_ctx, Ctx, Filtered};
use crate::i18n::T;
use crate::state::{Action, View};

/// "No models match", with the way back.
pub fn empty_state(ctx: &Ctx) -> Html {
    let lang = ctx.lang;
    html! {
        <div class="empty" data-empty="">
            <p><strong>{ T::NoMatch.get(lang) }</strong></p>
            <p>{ T::NoMatchHint.get(lang) }</p>
            <button type="button" class="btn primary" data-action="clear-all-empty" onclick={ctx.on(Action::ClearFilters)}>
                { T::ClearAll.get(lang) }
            </button>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct MainViewProps {
    pub filtered: Filtered,
}

#[component]
pub fn MainView(props: &MainViewProps) -> Html {
    let Some(ctx) = use_ctx() else { return html! {} };
    if props.filtered.is_empty() {
        return empty_state(&ctx);
    }
    match ctx.state.view {
        View::Timeline | View::Ranking | View::Lanes | View::Table => html! {
            <super::table::Table filtered={props.filtered.clone()} />
        },
    }
}

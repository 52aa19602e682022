//! The root: one reducer holds the view state; the URL mirrors it; every view
//! reads the same filtered list.

use std::rc::Rc;

use yew::prelude::*;

use super::browser;
use super::filters::text_matcher;
use super::{Ctx, Filtered};
use crate::components::{
    card::{card, use_card_focus},
    compare::compare,
    filters::{filter_panel, use_filter_panel},
    header::header,
    notice::notice,
    table::Table,
    toolbar::{share_tools, toolbar, use_share_tools},
    views::main_view,
};
use crate::data;
use crate::filter;
use crate::i18n::T;
use crate::state::{Action, Theme, ViewState};
use crate::url::{self, Ignored};

impl Reducible for ViewState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        crate::state::reduce_rc(self, action)
    }
}

/// Reads the state from the current URL, with what had to be ignored.
fn state_from_location() -> (ViewState, Vec<Ignored>) {
    url::from_query(&browser::query(), data::known())
}

#[component]
pub fn App() -> Html {
    let initial = use_memo((), |()| state_from_location());
    let state = use_reducer_eq({
        let initial = initial.clone();
        move || initial.0.clone()
    });
    let ignored = use_state_eq({
        let initial = initial.clone();
        move || initial.1.clone()
    });
    let today = use_memo((), |()| browser::today());
    let lang = state.lang.unwrap_or_else(browser::browser_lang);

    // Mirror the state into the URL (replaceState: no history spam).
    {
        let query = url::to_query(&state);
        use_effect_with(query, |query| browser::replace_query(query));
    }

    // Back/Forward (and links that only change the query) restore the state.
    {
        let state = state.clone();
        let ignored = ignored.clone();
        use_effect_with((), move |()| {
            let listener = web_sys::window().map(|w| {
                gloo::events::EventListener::new(&w, "popstate", move |_| {
                    let (next, dropped) = state_from_location();
                    ignored.set(dropped);
                    state.dispatch(Action::Replace(Box::new(next)));
                })
            });
            move || drop(listener)
        });
    }

    // Language and theme on <html>, so CSS and screen readers follow.
    use_effect_with((lang, state.theme), |(lang, theme)| {
        browser::set_root_attr("lang", Some(lang.id()));
        browser::set_root_attr(
            "data-theme",
            match theme {
                Theme::Auto => None,
                Theme::Light => Some("light"),
                Theme::Dark => Some("dark"),
            },
        );
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            doc.set_title(&format!(
                "{} · {}",
                T::AppTitle.get(*lang),
                T::AppSubtitle.get(*lang)
            ));
        }
    });

    let filtered = {
        let key = (state.filters.clone(), state.asof);
        Filtered(use_memo(key, |(filters, asof)| {
            let state = ViewState::for_filters(filters, *asof);
            filter::filtered_with(data::korean(), &state, &text_matcher(&filters.query))
        }))
    };

    // The DOM contract: data-count now, data-ready once the first view is drawn.
    use_effect_with(filtered.len(), |count| {
        browser::set_app_attr("data-count", &count.to_string());
        browser::set_app_attr("data-ready", "true");
    });

    // Printing shows the table under the chart: it is rendered only while the
    // browser prepares to print (beforeprint / afterprint), not kept in the page.
    let printing = use_state_eq(|| false);
    {
        let printing = printing.clone();
        use_effect_with((), move |()| {
            let listeners = web_sys::window().map(|w| {
                let (on, off) = (printing.clone(), printing);
                [
                    gloo::events::EventListener::new(&w, "beforeprint", move |_| on.set(true)),
                    gloo::events::EventListener::new(&w, "afterprint", move |_| off.set(false)),
                ]
            });
            move || drop(listeners)
        });
    }

    // The system's colour scheme, read once and then on each change, not at every render
    // (reading a media query can force a style recalculation inside Yew's update).
    let system_dark = use_state_eq(browser::prefers_dark);
    {
        let system_dark = system_dark.clone();
        use_effect_with((), move |()| {
            let listener = browser::dark_query().map(|q| {
                gloo::events::EventListener::new(&q, "change", move |_| {
                    system_dark.set(browser::prefers_dark())
                })
            });
            move || drop(listener)
        });
    }

    // Framed: report our height to the parent page whenever it changes.
    let root = use_node_ref();
    {
        let root = root.clone();
        use_effect_with((), move |()| {
            if let Some(el) = root.cast::<web_sys::Element>() {
                browser::report_height(&el);
            }
        });
    }

    let card_heading = use_card_focus(state.selected);
    let panel = use_filter_panel(&state);
    let share = use_share_tools(state.embed);
    let ctx = Ctx {
        state: state.clone(),
        lang,
        today: *today,
    };
    let embed = state.embed;
    let skip = Callback::from(|e: MouseEvent| {
        e.prevent_default();
        browser::focus_soon(super::FOCUS_MAIN);
    });
    let dismiss = {
        let ignored = ignored.clone();
        Callback::from(move |_: MouseEvent| {
            ignored.set(Vec::new());
            // The notice goes: on to what follows it, the view tabs.
            browser::focus_soon(&["[role=tab][aria-selected=true]"]);
        })
    };
    html! {
            <div ref={root} class="atlas" data-embed={embed.then_some("true")} lang={lang.id()}>
                // Past the filters' thirty-odd stops, straight to what they filter.
                <a class="skip" href="#atlas-panel" onclick={skip}>
                    { if filtered.is_empty() { T::SkipResults } else if state.view == crate::state::View::Table { T::SkipTable } else { T::SkipChart }.get(lang) }
                </a>
                { header(&ctx, *system_dark) }
                { notice(&ctx, &ignored, dismiss) }
                { toolbar(&ctx, &filtered, &share) }
                <div class="layout">
                    { filter_panel(&ctx, &panel) }
                    <section class="panel" id="atlas-panel" role="tabpanel" aria-labelledby={format!("tab-{}", state.view.id())}>
                        { main_view(&ctx, &filtered) }
                        // Not in an embed: its frame prints at its on-screen height,
                        // which would cut the table off.
                        if *printing && !embed && state.view != crate::state::View::Table && !filtered.is_empty() {
                            <div class="print-table"><Table filtered={filtered.clone()} ctx={ctx.clone()} /></div>
                        }
                        { card(&ctx, card_heading, &filtered) }
                        { compare(&ctx) }
                    </section>
                </div>
                if embed {
                    { share_tools(&ctx, &filtered, &share) }
                }
                <footer class="credit">
                    <span>{ T::Credit.get(lang) }</span>
                    if embed {
                        <a href={super::full_view_url(&state)} target="_blank" rel="noopener">{ T::OpenFull.get(lang) }</a>
                    }
                </footer>
            </div>
    }
}

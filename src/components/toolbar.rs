//! View tabs, the model count, and share / embed / download.

use wasm_bindgen::JsValue;
use yew::prelude::*;

use super::{browser, chart_export, Ctx, Filtered};
use crate::export;
use crate::i18n::T;
use crate::state::{Action, ColorBy, Lang, View};

/// The tab's name; the lanes group by organisation when colouring by it.
pub fn view_label(view: View, color: ColorBy) -> T {
    match view {
        View::Timeline => T::ViewTimeline,
        View::Ranking => T::ViewRanking,
        View::Lanes if color == ColorBy::Org => T::ViewLanesOrg,
        View::Lanes => T::ViewLanes,
        View::Table => T::ViewTable,
    }
}

/// Height that fits the default embedded view (timeline, legend, credit) in a bare iframe (no
/// resize script), from 288 px (a 320 px phone with 16 px article margins) to desktops, in both
/// languages: the tallest measured was 1,161 px (English, 288 px). The end-to-end suite checks
/// it; see README.
pub const EMBED_MIN_HEIGHT: u32 = 1200;

/// The state an embed snippet shows: the current view in embed mode, without a theme.
pub fn embed_state(state: &crate::state::ViewState) -> crate::state::ViewState {
    state
        .apply(Action::SetEmbed(true))
        .apply(Action::SetTheme(crate::state::Theme::Auto))
}

/// The copy-paste snippet for the current view; `src` is the view's embed URL (from
/// `url::to_query`, like every other link).
pub fn embed_snippet(src: &str, script_url: &str, lang: Lang) -> String {
    let src = src.replace('&', "&amp;").replace('"', "&quot;");
    format!(
        "<iframe src=\"{src}\" title=\"{title}\" loading=\"lazy\" data-kai-atlas \
         allow=\"clipboard-write; web-share\" \
         style=\"width:100%;min-height:{EMBED_MIN_HEIGHT}px;border:0\"></iframe>\n\
         <script src=\"{script_url}\" async></script>",
        title = T::AppTitle.get(lang),
    )
}

/// An exported picture's caption: the view, the count, the "as of" date, the search, the
/// filters and the day it was downloaded ("Timeline · 6 models · As of: 22 Aug 2023 · Sector:
/// Telecom · Downloaded: 29 Nov 2026"), the colours shown and what the marks mean.
fn caption(ctx: &Ctx, models: &[&'static crate::model::Model]) -> chart_export::Caption {
    let (lang, state) = (ctx.lang, &ctx.state);
    let mut parts = vec![
        view_label(state.view, state.color).get(lang).to_string(),
        format!(
            "{}{}",
            crate::format::count(models.len(), lang),
            T::models(models.len()).get(lang)
        ),
    ];
    if let Some(d) = state.asof {
        parts.push(format!(
            "{}: {}",
            T::AsOf.get(lang),
            crate::format::date(d, lang)
        ));
    }
    if !state.filters.query.is_empty() {
        parts.push(format!(
            "{}: “{}”",
            T::Search.get(lang),
            state.filters.query
        ));
    }
    parts.extend(
        super::filters::active_filters(ctx)
            .into_iter()
            .map(|(_, text)| text),
    );
    // A picture published later still says when it was taken (the day of the click: a page
    // can stay open past midnight).
    parts.push(format!(
        "{}: {}",
        T::Downloaded.get(lang),
        crate::format::date(browser::today(), lang)
    ));
    let marks = super::views::mark_keys(models, state);
    let marks = if marks.is_empty() {
        String::new()
    } else {
        let keys: Vec<&str> = marks.iter().map(|k| k.get(lang)).collect();
        format!("{}: {}", T::Marks.get(lang), keys.join(" · "))
    };
    chart_export::Caption {
        subtitle: parts.join(" · "),
        keys: super::views::colour_keys(models, state.color, lang),
        marks,
    }
}

/// A click handler that copies `text` and says whether it worked. When the browser refuses
/// (an iframe without `clipboard-write`, a denied permission), the sheet `shown` opens with
/// the text selected in its field `field`, for the reader to copy by hand.
fn copier(
    share: &ShareState,
    text: String,
    (shown, field): (Sheet, &'static str),
    lang: Lang,
) -> Callback<MouseEvent> {
    let (sheet, status) = (share.sheet.clone(), share.status.clone());
    Callback::from(move |_: MouseEvent| {
        let (sheet, status, text) = (sheet.clone(), status.clone(), text.clone());
        // Cleared first, so a second copy is announced again.
        status.set(String::new());
        wasm_bindgen_futures::spawn_local(async move {
            let ok = browser::copy_text(text).await;
            if !ok {
                sheet.set(shown);
                browser::select_soon(field);
            }
            status.set(
                if ok { T::Copied } else { T::CopyFailed }
                    .get(lang)
                    .to_string(),
            );
        });
    })
}

#[derive(Clone, Copy, PartialEq)]
enum Sheet {
    None,
    /// The link, to copy by hand when the browser refused to.
    Link,
    Embed,
    Download,
}

/// The share tools' own state, kept by [`super::app::App`] (see [`super::filters::PanelState`]):
/// which sheet is open, and the last status message ("Link copied").
pub struct ShareState {
    sheet: UseStateHandle<Sheet>,
    status: UseStateHandle<String>,
}

#[hook]
pub fn use_share_tools(embed: bool) -> ShareState {
    let sheet = use_state_eq(|| Sheet::None);
    let status = use_state_eq(String::new);
    {
        // The tools move between the toolbar and the page foot with embed mode (Back/Forward
        // can switch it): they start closed there, as a freshly mounted component would.
        let (sheet, status) = (sheet.clone(), status.clone());
        use_effect_with(embed, move |_| {
            sheet.set(Sheet::None);
            status.set(String::new());
        });
    }
    ShareState { sheet, status }
}

/// View tabs and the model count; in full mode the share tools sit beside
/// them, in embed mode they move to the bottom (chart and filters first).
///
/// A plain view function (see [`super::header::header`]).
pub fn toolbar(ctx: &Ctx, filtered: &Filtered, share: &ShareState) -> Html {
    let lang = ctx.lang;
    let state = &ctx.state;
    // The ARIA tabs pattern: one tab stop (the selected tab), arrow keys move between tabs.
    let on_tab_key = {
        let (state, current) = (ctx.state.clone(), state.view);
        Callback::from(move |e: KeyboardEvent| {
            let all = View::ALL;
            let at = all.iter().position(|v| *v == current).unwrap_or(0);
            let next = match e.key().as_str() {
                "ArrowRight" | "ArrowDown" => all.get((at + 1) % all.len()),
                "ArrowLeft" | "ArrowUp" => all.get((at + all.len() - 1) % all.len()),
                "Home" => all.first(),
                "End" => all.last(),
                _ => return,
            };
            if let Some(view) = next.copied() {
                e.prevent_default();
                state.dispatch(Action::SetView(view));
                browser::focus_first(&format!("[data-view=\"{}\"]", view.id()));
            }
        })
    };
    let tabs = View::ALL.iter().map(|view| {
        let selected = state.view == *view;
        html! {
            <button type="button" role="tab" class="tab" aria-selected={super::aria(selected)}
                id={format!("tab-{}", view.id())} aria-controls="atlas-panel"
                tabindex={if selected { "0" } else { "-1" }}
                data-view={view.id()} onclick={ctx.on(Action::SetView(*view))}>
                { view_label(*view, state.color).get(lang) }
            </button>
        }
    });
    html! {
        <div class="toolbar">
            <div class="tabs" role="tablist" aria-label={T::Views.get(lang)} onkeydown={on_tab_key}>{ for tabs }</div>
            <p class="count" aria-live="polite" aria-atomic="true">
                <strong data-count-label="">{ crate::format::count(filtered.len(), lang) }</strong>
                { T::models(filtered.len()).get(lang) }
                // Said, not shown: the empty state below shows it.
                if filtered.is_empty() {
                    <span class="visually-hidden">{ " " }{ T::NoMatch.get(lang) }</span>
                }
            </p>
            <span class="spacer"></span>
            if !state.embed {
                { share_tools(ctx, filtered, share) }
            }
        </div>
    }
}

/// Copy link, native share, the embed snippet and the downloads.
pub fn share_tools(ctx: &Ctx, filtered: &Filtered, share: &ShareState) -> Html {
    let ShareState { sheet, status } = share;
    let open = **sheet;
    let lang = ctx.lang;
    let state = ctx.state.clone();
    // The link and the snippet show the reader's view in the full page, whatever mode we
    // are in now: a link copied inside an article's embed opens the whole atlas.
    let url = super::full_view_url(&state);

    let script_url = format!(
        "{}embed.js",
        browser::base_url().trim_end_matches("index.html")
    );
    // Without a theme: the widget then follows each article reader's colour scheme, whatever
    // the editor who copied it had picked (README: add `&theme=` to force one).
    let embed_src = super::share_url(&embed_state(&state));
    let snippet = embed_snippet(&embed_src, &script_url, lang);
    let copy = copier(share, url.clone(), (Sheet::Link, "share-link"), lang);
    let copy_snippet = copier(
        share,
        snippet.clone(),
        (Sheet::Embed, "embed-snippet"),
        lang,
    );
    let native_share = browser::can_share().then(|| {
        let url = url.clone();
        Callback::from(move |_: MouseEvent| {
            let url = url.clone();
            wasm_bindgen_futures::spawn_local(async move {
                browser::share(T::AppTitle.get(lang).to_string(), url).await;
            });
        })
    });
    let toggle = |which: Sheet| {
        let (sheet, status) = (sheet.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            // "Copied" belongs to what was copied; another sheet starts without it.
            status.set(String::new());
            sheet.set(if *sheet == which { Sheet::None } else { which })
        })
    };

    // Files are named by the day of the click, as their pictures are captioned.
    let today = browser::today;
    let models = filtered.clone();
    let download_csv = {
        let models = models.clone();
        Callback::from(move |_: MouseEvent| {
            let csv = export::to_csv(&models);
            browser::download(
                &export::file_name("", today(), "csv"),
                "text/csv;charset=utf-8",
                &JsValue::from_str(&csv),
            );
        })
    };
    let download_json = {
        let models = models.clone();
        Callback::from(move |_: MouseEvent| {
            let json = export::to_json(&models, today());
            browser::download(
                &export::file_name("", today(), "json"),
                "application/json",
                &JsValue::from_str(&json),
            );
        })
    };
    // The exported picture says what it shows, as the page around the chart does, and its
    // file name says which view (by organisation or not) and language it is.
    let by_org = if state.color == ColorBy::Org {
        "-org"
    } else {
        ""
    };
    let picture = format!("{}{by_org}-{}", state.view.id(), lang.id());
    let download_svg = {
        let (models, ctx, picture) = (models.clone(), ctx.clone(), picture.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some((svg, _, _)) = chart_export::standalone_svg(&caption(&ctx, &models), lang) {
                browser::download(
                    &export::file_name(&picture, today(), "svg"),
                    "image/svg+xml",
                    &JsValue::from_str(&svg),
                );
            }
        })
    };
    let download_png = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| {
            let name = export::file_name(&picture, today(), "png");
            chart_export::download_png(&caption(&ctx, &models), lang, name)
        })
    };
    // Nothing to draw, nothing to export as a picture (the empty state).
    let has_chart = state.view != View::Table && !filtered.is_empty();
    // Escape closes an open sheet and returns focus to the button that opened it.
    let on_key = {
        let sheet = sheet.clone();
        Callback::from(move |e: KeyboardEvent| {
            let back = match *sheet {
                Sheet::Link => "[data-action=\"copy-link\"]",
                Sheet::Embed => "[data-action=\"embed\"]",
                Sheet::Download => "[data-action=\"download\"]",
                Sheet::None => return,
            };
            if e.key() == "Escape" {
                sheet.set(Sheet::None);
                browser::focus_first(back);
            }
        })
    };

    html! {
        <div class="share-tools" onkeydown={on_key}>
                <div class="sharebar">
                    <button type="button" class="btn" data-action="copy-link" onclick={copy}>{ T::CopyLink.get(lang) }</button>
                    if let Some(share) = native_share {
                        <button type="button" class="btn" data-action="share" onclick={share}>{ T::Share.get(lang) }</button>
                    }
                    <button type="button" class="btn" data-action="embed" aria-expanded={super::aria(open == Sheet::Embed)}
                        onclick={toggle(Sheet::Embed)}>{ T::Embed.get(lang) }</button>
                    <button type="button" class="btn" data-action="download" aria-expanded={super::aria(open == Sheet::Download)}
                        onclick={toggle(Sheet::Download)}>{ T::Download.get(lang) }</button>
                    <span class="status-msg" role="status">{ (**status).clone() }</span>
                </div>
            if open == Sheet::Link {
                <div class="sheet" data-sheet="link">
                    <label for="share-link">{ T::LinkHint.get(lang) }</label>
                    <input id="share-link" type="url" readonly=true value={url.clone()} />
                </div>
            }
            if open == Sheet::Embed {
                <div class="sheet" data-sheet="embed">
                    <label for="embed-snippet">{ T::EmbedHint.get(lang) }</label>
                    <textarea id="embed-snippet" readonly=true value={snippet.clone()} />
                    <button type="button" class="btn" data-action="copy-snippet" onclick={copy_snippet}>{ T::CopySnippet.get(lang) }</button>
                </div>
            }
            if open == Sheet::Download {
                <div class="sheet sharebar" data-sheet="download">
                    <button type="button" class="btn" data-download="csv" onclick={download_csv}>{ "CSV" }</button>
                    <button type="button" class="btn" data-download="json" onclick={download_json}>{ "JSON" }</button>
                    if has_chart {
                        <button type="button" class="btn" data-download="svg" onclick={download_svg}>{ "SVG" }</button>
                        <button type="button" class="btn" data-download="png" onclick={download_png}>{ "PNG (2×)" }</button>
                    }
                </div>
            }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippet_escapes_the_url_and_keeps_the_view() {
        let s = embed_snippet(
            "https://a.example/?view=table&sector=telecom&embed=1",
            "https://a.example/embed.js",
            Lang::En,
        );
        assert!(s.contains("src=\"https://a.example/?view=table&amp;sector=telecom&amp;embed=1\""));
        assert!(s.contains("title=\"K-AI Atlas\""));
        assert!(s.contains("loading=\"lazy\""));
        assert!(s.contains("min-height:1200px"));
        assert!(s.contains("allow=\"clipboard-write; web-share\""));
        assert!(s.contains("<script src=\"https://a.example/embed.js\" async></script>"));
    }
}

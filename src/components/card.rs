//! The detail card of the selected model: every field and every source.

use yew::prelude::*;

use super::{safe_href, Ctx};
use crate::components::table::params_text;
use crate::data;
use crate::format;
use crate::i18n::{language_name, Label, T};
use crate::model::{Model, Origin, Status};
use crate::state::{Action, Lang};

fn pick(lang: Lang, ko: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Ko if !ko.is_empty() => ko,
        _ => en,
    }
}

/// "320억 (공식)"; an undisclosed figure is only "비공개", not "비공개 (비공개)".
fn params_with_basis(p: crate::model::Params, lang: Lang) -> String {
    match p.value_b {
        Some(_) => format!("{} ({})", params_text(p.value_b, lang), p.basis.label(lang)),
        None => params_text(None, lang),
    }
}

/// The rows of field/value pairs shared by the card and the compare panel.
pub fn fields(m: &Model, lang: Lang) -> Vec<(T, String)> {
    let org = data::organisation(m.org);
    let mut rows = vec![
        (
            T::Organisation,
            org.map_or(m.org.to_string(), |o| {
                pick(lang, o.name_ko, o.name_en).to_string()
            }),
        ),
        (T::Sector, m.sector.label(lang).to_string()),
        (
            match m.status {
                Status::Released => T::ReleaseDate,
                Status::Announced => T::AnnouncedDate,
            },
            format::date(m.date, lang),
        ),
        (T::Status, m.status.label(lang).to_string()),
        (T::TotalParams, params_with_basis(m.total, lang)),
    ];
    if let Some(a) = m.active {
        rows.push((T::ActiveParams, params_with_basis(a, lang)));
    }
    if let Some(sizes) = sizes_text(m, lang) {
        rows.push((T::Sizes, sizes));
    }
    rows.push((T::Architecture, m.arch.label(lang).to_string()));
    rows.push((T::Modality, modalities_text(m, lang)));
    rows.push((T::Languages, languages_text(m, lang)));
    rows.push((T::Weights, m.weights.label(lang).to_string()));
    if !m.license.is_empty() {
        let licence = pick(lang, m.license_ko, m.license);
        rows.push((T::Licence, format::unbroken_hyphens(licence)));
    }
    rows.push((
        T::Context,
        m.context.map_or_else(
            || T::Unknown.get(lang).to_string(),
            |c| {
                format!(
                    "{} {}",
                    format::count(c as usize, lang),
                    T::Tokens.get(lang)
                )
            },
        ),
    ));
    let origin = match (m.origin, m.base_model.is_empty()) {
        (Origin::Derived, false) => format!("{} ({})", origin_label(m.origin, lang), m.base_model),
        _ => origin_label(m.origin, lang).to_string(),
    };
    rows.push((T::Origin, origin));
    rows
}

/// The sizes a release shipped in ("1.3B · 6.4B · 13B"), when there are two or more.
pub fn sizes_text(m: &Model, lang: Lang) -> Option<String> {
    let sizes: Vec<String> = m.sizes_b.iter().map(|s| format::params(*s, lang)).collect();
    (sizes.len() > 1).then(|| sizes.join(" · "))
}

/// "Korean, English"; "Unknown" when no source says (never a blank, which reads as "none").
pub fn languages_text(m: &Model, lang: Lang) -> String {
    if m.languages.is_empty() {
        return T::Unknown.get(lang).into();
    }
    let names: Vec<&str> = m.languages.iter().map(|c| language_name(c, lang)).collect();
    names.join(", ")
}

/// "Text, Vision".
pub fn modalities_text(m: &Model, lang: Lang) -> String {
    m.modalities
        .iter()
        .map(|x| x.label(lang))
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn origin_label(o: Origin, lang: Lang) -> &'static str {
    match (o, lang) {
        (Origin::Scratch, Lang::Ko) => "처음부터 학습",
        (Origin::Scratch, Lang::En) => "Trained from scratch",
        (Origin::Derived, Lang::Ko) => "다른 모델 기반",
        (Origin::Derived, Lang::En) => "Built on another model",
        // Capitalised like the other values of the card and the table.
        (Origin::Unknown, _) => crate::model::Arch::Unknown.label(lang),
    }
}

/// When the card closes, focus goes back to the chart (one tab stop) or, in the
/// table, to the model's row button: never lost to `<body>`.
fn focus_back(id: &str) {
    use wasm_bindgen::JsCast;
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(svg) = doc
        .get_element_by_id(super::chart_export::CHART_ID)
        .and_then(|e| e.dyn_into::<web_sys::SvgElement>().ok())
    {
        let _ = svg.focus();
    } else if let Some(button) = doc
        .query_selector(&format!("tr[data-model-id=\"{id}\"] button"))
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = button.focus();
    }
}

/// The card heading's ref, focused when the reader opens a card — not when a shared link
/// opens with a selection (that would scroll the page on load). Used by [`super::App`].
#[hook]
pub fn use_card_focus(selected: Option<&'static str>) -> NodeRef {
    let heading = use_node_ref();
    let mounted = use_mut_ref(|| false);
    {
        let heading = heading.clone();
        use_effect_with(selected, move |selected| {
            let first = !std::mem::replace(&mut *mounted.borrow_mut(), true);
            if selected.is_some() && !first {
                if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                    // Focus now, scroll a moment later: a tap's compatibility click arrives
                    // after this, and would land on whatever the scroll had put under the
                    // finger (the card's own × closed the card it had just opened).
                    let opts = web_sys::FocusOptions::new();
                    opts.set_prevent_scroll(true);
                    let _ = h.focus_with_options(&opts);
                    gloo::timers::callback::Timeout::new(350, || {
                        // The card, not its heading: its top edge and × come into view too
                        // (scroll-margin is not carried up to an article around a frame).
                        super::browser::reveal("card", true)
                    })
                    .forget();
                }
            }
        });
    }
    heading
}

/// The selected model's card: a plain view function (see [`super::header::header`]);
/// `heading` comes from [`use_card_focus`].
pub fn card(ctx: &Ctx, heading: NodeRef, shown: &super::Filtered) -> Html {
    let Some(m) = ctx.state.selected.and_then(data::model) else {
        return html! {};
    };
    // A link may name a model that its own filters or date leave out of the chart.
    let hidden = !shown.0.iter().any(|s| std::ptr::eq(*s, m));
    let lang = ctx.lang;
    let close = {
        let state = ctx.state.clone();
        let id = m.id;
        Callback::from(move |_: MouseEvent| {
            focus_back(id);
            state.dispatch(Action::Select(None));
        })
    };
    let on_key = {
        let state = ctx.state.clone();
        let id = m.id;
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                focus_back(id);
                state.dispatch(Action::Select(None));
            }
        })
    };
    let pinned = ctx.state.compare.contains(&m.id);
    let replaced = (!pinned && ctx.state.compare.len() >= crate::state::MAX_COMPARE)
        .then(|| ctx.state.compare.first().copied())
        .flatten();
    let note = format::unbroken_dates(pick(lang, m.note_ko, m.note_en));
    html! {
        <article class="card" id="card" data-card={m.id} aria-labelledby="card-title" onkeydown={on_key}>
            <h2 id="card-title" ref={heading} tabindex="-1">{ pick(lang, m.name_ko, m.name_en) }</h2>
            <p class="org" lang={format::name_lang(pick(lang, m.name_en, m.name_ko), lang)}>{ pick(lang, m.name_en, m.name_ko) }</p>
            <button type="button" class="btn close" aria-label={T::Close.get(lang)} onclick={close}>{ "×" }</button>
            if m.in_article {
                <p class="org"><span aria-hidden="true">{ "★ " }</span>{ T::NamedInArticle.get(lang) }</p>
            }
            if hidden {
                <p class="org" data-hidden="">{ T::NotShown.get(lang) }</p>
            }
            <dl>
                { for fields(m, lang).into_iter().map(|(k, v)| html! { <><dt>{ k.get(lang) }</dt><dd>{ v }</dd></> }) }
            </dl>
            { for m.disputes.iter().map(|d| html! {
                <div class="dispute" data-dispute={d.field}>
                    <strong>{ T::Disputed.get(lang) }{ ": " }</strong><span lang={format::hangul_lang(d.claim, lang)}>{ format::claim(d, lang) }</span>{ " — " }{ format::unbroken_dates(pick(lang, d.note_ko, d.note_en)) }
                    { " " }{ super::source_link(&d.source, lang) }
                </div>
            }) }
            if !note.is_empty() {
                <p>{ note }</p>
            }
            <h3>{ T::Sources.get(lang) }</h3>
            <ul class="sources">
                { for m.sources.iter().map(|s| { let title = s.title_in(lang); html! {
                    <li>
                        <a href={safe_href(s.url)} target="_blank" rel="noopener noreferrer" data-source="" lang={format::hangul_lang(title, lang)}>{ title }</a>
                        { s.date.map(|d| format!(" ({})", format::date(d, lang))).unwrap_or_default() }
                    </li>
                } }) }
            </ul>
            <div class="card-actions">
                <button type="button" class="btn" data-action="pin" aria-pressed={super::aria(pinned)}
                    onclick={ctx.on(Action::TogglePin(m.id))}>
                    { if pinned { T::Unpin } else { T::Pin }.get(lang) }
                </button>
                // Pinning a fifth model drops the oldest: say which, before the click.
                if let Some(oldest) = replaced.and_then(crate::data::model) {
                    <span class="sub" data-replaces={oldest.id}>
                        { format!("{} {}", T::PinReplaces.get(lang), data::model_name(oldest, lang)) }
                    </span>
                }
            </div>
        </article>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_announced_model_has_an_announcement_date_not_a_release_date() {
        let announced = data::model("varco-52b").unwrap();
        let released = data::model("exaone-3-5").unwrap();
        let keys = |m| {
            fields(m, Lang::En)
                .into_iter()
                .map(|(k, _)| k)
                .collect::<Vec<_>>()
        };
        assert!(keys(announced).contains(&T::AnnouncedDate));
        assert!(!keys(announced).contains(&T::ReleaseDate));
        assert!(keys(released).contains(&T::ReleaseDate));
    }

    #[test]
    fn a_disputed_figure_leads_with_eok_in_korean() {
        let kanana = data::model("kanana-2-30b-a3b").unwrap();
        let d = kanana.disputes.iter().find(|d| d.claim == "31B").unwrap();
        assert_eq!(format::claim(d, Lang::Ko), "310억 (31B)");
        assert_eq!(format::claim(d, Lang::En), "31B");
        // A claim already in 억 is left as written.
        let kogpt = data::model("kogpt-6b").unwrap();
        assert_eq!(format::claim(&kogpt.disputes[0], Lang::Ko), "300억 (30B)");
    }
}

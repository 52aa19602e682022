//! The filter panel: search, every facet with live counts, ranges, clearing.
//! On phones it collapses behind a toggle.

use std::rc::Rc;

use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

use super::Ctx;
use crate::data;
use crate::filter;
use crate::format;
use crate::i18n::{language_name, Label, T};
use crate::model::Date;
use crate::search;
use crate::state::{Action, ColorBy, Facet, FacetValue, Lang, Range, SizeClass, ViewState};

pub fn facet_title(facet: Facet) -> T {
    match facet {
        Facet::Sector => T::FacetSector,
        Facet::Org => T::FacetOrg,
        Facet::Modality => T::FacetModality,
        Facet::Weights => T::FacetOpen,
        Facet::Arch => T::FacetArch,
        Facet::Size => T::FacetSize,
        Facet::Lang => T::FacetLangs,
        Facet::Status => T::FacetStatus,
        Facet::Article => T::FacetArticle,
        Facet::Params => T::FacetParams,
        Facet::Date => T::FacetDate,
    }
}

/// What a reader sees for a facet value.
pub fn value_label(value: FacetValue, lang: Lang) -> String {
    match value {
        FacetValue::Sector(s) => s.label(lang).into(),
        FacetValue::Org(id) => data::organisation_name(id, lang).into(),
        FacetValue::Modality(m) => m.label(lang).into(),
        FacetValue::Weights(w) => w.label(lang).into(),
        FacetValue::Arch(a) => a.label(lang).into(),
        FacetValue::Size(s) => match s {
            SizeClass::Small => T::SizeSmall,
            SizeClass::Mid => T::SizeMid,
            SizeClass::Hyperscale => T::SizeHyperscale,
            SizeClass::Undisclosed => T::SizeUndisclosed,
        }
        .get(lang)
        .into(),
        FacetValue::Lang(code) => language_name(code, lang).into(),
        FacetValue::Status(s) => s.label(lang).into(),
        FacetValue::Article => T::ArticleOnly.get(lang).into(),
    }
}

/// The search text also matches organisation and family display names.
pub fn text_matcher(query: &str) -> impl Fn(&crate::model::Model) -> bool {
    let q = search::Query::new(query);
    move |m| {
        let org = data::organisation(m.org);
        let fam = m.family.and_then(data::family);
        q.matches(&[
            m.name_en,
            m.name_ko,
            m.id,
            org.map_or("", |o| o.name_en),
            org.map_or("", |o| o.name_ko),
            fam.map_or("", |f| f.name_en),
            fam.map_or("", |f| f.name_ko),
        ])
    }
}

/// The number fields' unit, as (how many make a billion, decimals): the unit the reader's
/// language writes sizes in (억 = 0.1B in Korean, billions in English), to the 0.001B that
/// links carry (0.01억). Links carry billions.
fn field_unit(lang: Lang) -> (f64, u8) {
    match lang {
        Lang::Ko => (10.0, 2),
        Lang::En => (1.0, 3),
    }
}

/// A typed bound in billions, as the browser reads the number field ("1e2" is 100) and as
/// links carry it (rounded to 0.001B, capped); `None` when empty, negative or not a number.
fn typed_num(input: &HtmlInputElement, lang: Lang) -> Option<f64> {
    // Rounded in the field's own unit, so a value is rounded once, as the reader reads it.
    let (per, places) = field_unit(lang);
    let typed = format::rounded(input.value_as_number(), places)?;
    crate::state::param_bound(typed / per)
}

/// Whether the reader typed something a field cannot give as a value: the browser's own
/// verdict ("10e" in a number field, a date filled in halfway, whose value is then empty), or
/// text the field has that `read` could not read (a browser without a date picker).
pub(super) fn unreadable(input: &HtmlInputElement, read: bool) -> bool {
    input.validity().bad_input() || (!read && !input.value().trim().is_empty())
}

/// A bound in billions as its field shows it, in the field's unit.
fn fmt_num(v: Option<f64>, lang: Lang) -> String {
    v.map(|v| format::trimmed(v * field_unit(lang).0).to_string())
        .unwrap_or_default()
}

/// A bound in a month field: a year-only end bound ("..2023", through December) shows its
/// last month, a start bound its first.
fn month_value(d: Option<Date>, is_end: bool) -> String {
    d.map(|d| {
        let month = match d.month {
            0 if is_end => 12,
            0 => 1,
            m => m,
        };
        format!("{:04}-{month:02}", d.year)
    })
    .unwrap_or_default()
}

fn parse_month(text: &str) -> Option<Date> {
    Date::read(text.trim()).ok()
}

/// The filter panel's own state, kept by [`super::app::App`]: whether the phone drawer is
/// open, and every facet's counts for the current filters. (A plain view function with a
/// hook rather than a component: each component links Yew's lifecycle code again.)
pub struct PanelState {
    open: UseStateHandle<bool>,
    counts: Rc<filter::AllCounts>,
    /// The facets the reader (or a selection) has unfolded: they stay so when their last
    /// value is cleared, rather than folding up under the reader's keyboard focus.
    unfolded: Rc<std::cell::RefCell<Vec<&'static str>>>,
}

#[hook]
pub fn use_filter_panel(state: &ViewState) -> PanelState {
    let open = use_state_eq(|| false);
    let key = (state.filters.clone(), state.asof);
    let counts = use_memo(key, |(filters, asof)| {
        let state = ViewState::for_filters(filters, *asof);
        filter::all_facet_counts_with(data::korean(), &state, &text_matcher(&filters.query))
    });
    let unfolded = use_mut_ref(Vec::new);
    PanelState {
        open,
        counts,
        unfolded,
    }
}

pub fn filter_panel(ctx: &Ctx, panel: &PanelState) -> Html {
    let PanelState { open, counts, .. } = panel;
    let is_open = **open;
    let lang = ctx.lang;
    let filters = &ctx.state.filters;

    let toggle_open = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!is_open))
    };
    // Escape closes the phone drawer and returns focus to its button.
    let on_key = {
        let open = open.clone();
        Callback::from(move |e: KeyboardEvent| {
            if is_open && e.key() == "Escape" {
                open.set(false);
                super::browser::focus_first(".filters-toggle");
            }
        })
    };

    let on_search = {
        let state = ctx.state.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                let typed = input.value();
                let kept = crate::state::searched(&typed);
                if kept != typed {
                    // A pasted tab, say: the box shows what is kept, with the caret after the
                    // same text (Yew would then write the same value, leaving the caret alone;
                    // a new value from Yew puts the caret at the end).
                    let caret = input.selection_start().ok().flatten();
                    input.set_value(&kept);
                    if let Some(at) = caret.map(|c| crate::state::searched_caret(&typed, c)) {
                        // Fails only on input types without a caret; search has one.
                        let _ = input.set_selection_range(at, at);
                    }
                }
                state.dispatch(Action::SetQuery(typed));
            }
        })
    };
    // Enter while a Hangul syllable is being composed belongs to the IME.
    let on_search_key = Callback::from(|e: KeyboardEvent| {
        if e.key() == "Enter" && search::ime_composing_enter(e.is_composing(), e.key_code()) {
            e.prevent_default();
        }
    });

    let facets = counts
        .iter()
        .map(|(facet, values)| facet_group(ctx, panel, *facet, values));
    let active = filters.active_count();

    html! {
        <aside class="filters" data-open={is_open.then_some("true")} aria-label={T::Filters.get(lang)} onkeydown={on_key}>
            <div class="filters-head">
                <h2>{ T::Filters.get(lang) }</h2>
                <button type="button" class="btn filters-toggle" aria-expanded={super::aria(is_open)} onclick={toggle_open}>
                    { if is_open { T::HideFilters } else { T::ShowFilters }.get(lang) }
                    if active > 0 { { format!(" ({active})") } }
                </button>
                if active > 0 {
                    <button type="button" class="btn link" data-action="clear-all" onclick={ctx.on_then_focus(Action::ClearFilters, &[".filters [data-filter=q]"])}>
                        { T::ClearAll.get(lang) }
                    </button>
                }
            </div>
            <input type="search" class="search" data-filter="q" aria-label={T::Search.get(lang)}
                placeholder={T::SearchPlaceholder.get(lang)} value={filters.query.clone()}
                oninput={on_search} onkeydown={on_search_key} />
            <div class="filters-body">
                { for facets }
                { params_group(ctx, panel) }
                { date_group(ctx, panel) }
            </div>
        </aside>
    }
}

fn clear_button(ctx: &Ctx, facet: Facet) -> Html {
    if ctx.state.filters.is_clear(facet) {
        return html! {};
    }
    // The button goes with what it cleared: focus its group's first choice.
    let clear = {
        let state = ctx.state.clone();
        Callback::from(move |_: MouseEvent| {
            state.dispatch(Action::ClearFacet(facet));
            super::browser::focus_first(&format!("[data-facet-group=\"{}\"] input", facet.id()));
        })
    };
    html! {
        <button type="button" class="btn link" data-clear={facet.id()}
            aria-label={match ctx.lang {
                Lang::Ko => format!("{} {}", facet_title(facet).get(ctx.lang), T::Clear.get(ctx.lang)),
                Lang::En => format!("{} {}", T::Clear.get(ctx.lang), facet_title(facet).get(ctx.lang).to_ascii_lowercase()),
            }}
            onclick={clear}>{ T::Clear.get(ctx.lang) }</button>
    }
}

fn facet_group(
    ctx: &Ctx,
    panel: &PanelState,
    facet: Facet,
    values: &[(FacetValue, usize)],
) -> Html {
    let lang = ctx.lang;
    let mut values: Vec<(FacetValue, usize, String)> = values
        .iter()
        .map(|(v, n)| (*v, *n, value_label(*v, lang)))
        .collect();
    if facet == Facet::Org {
        // Busiest organisations first, then by name in 가나다 / A–Z order.
        crate::set::sort_by(&mut values, &|a, b| {
            b.1.cmp(&a.1)
                .then_with(|| crate::format::compare_names(&a.2, &b.2))
        });
    } else if facet == Facet::Lang {
        // Languages by name in the reader's order (가나다 / A–Z), not by their codes.
        crate::set::sort_by(&mut values, &|a, b| {
            crate::format::compare_names(&a.2, &b.2)
        });
    }
    let chips = values.into_iter().map(|(value, count, label)| {
        let on = ctx.state.filters.has(value);
        // Sector swatches only while the charts colour by sector; otherwise they would
        // contradict the organisation colours.
        let swatch = match value {
            FacetValue::Sector(s) if ctx.state.color == ColorBy::Sector => {
                html! { <span class="swatch" data-c={s.id()} aria-hidden="true"></span> }
            }
            _ => html! {},
        };
        html! {
            <label class="chip" data-state={chip_state(on, count)} data-facet={facet.id()} data-value={value.id()}>
                <input type="checkbox" checked={on} onchange={ctx.on(Action::Toggle(value))} />
                { swatch }
                <span>{ label }</span>
                <span class="chip-count" aria-label={format!("{count}")}>{ count }</span>
            </label>
        }
    });
    facet_box(
        ctx,
        panel,
        facet,
        html! { <div class="facet-values">{ for chips }</div> },
    )
}

/// Facets open by default; the long ones start folded unless they hold a selection. Embedded
/// in an article only the sectors start open, so the panel is no taller than the chart.
fn starts_open(facet: Facet, embed: bool) -> bool {
    match facet {
        Facet::Sector => true,
        Facet::Weights | Facet::Size | Facet::Status | Facet::Article => !embed,
        _ => false,
    }
}

/// A foldable facet: `<details>` for folding, `<fieldset>` + legend for the group's name.
fn facet_box(ctx: &Ctx, panel: &PanelState, facet: Facet, body: Html) -> Html {
    let lang = ctx.lang;
    let id = facet.id();
    let open = starts_open(facet, ctx.state.embed)
        || !ctx.state.filters.is_clear(facet)
        || panel.unfolded.borrow().contains(&id);
    let ontoggle = {
        let unfolded = panel.unfolded.clone();
        Callback::from(move |e: Event| {
            let now_open = e
                .target_dyn_into::<web_sys::Element>()
                .is_some_and(|d| d.has_attribute("open"));
            let mut unfolded = unfolded.borrow_mut();
            unfolded.retain(|f| *f != id);
            if now_open {
                unfolded.push(id);
            }
        })
    };
    html! {
        <details class="facet" data-facet-group={id} {open} {ontoggle}>
            <summary class="facet-title"><span>{ facet_title(facet).get(lang) }</span></summary>
            <fieldset>
                <legend class="visually-hidden">{ facet_title(facet).get(lang) }</legend>
                { clear_button(ctx, facet) }
                { body }
            </fieldset>
        </details>
    }
}

/// `data-state` of a facet chip: checked, or matching nothing. Toggled classes would be
/// shorter to write, but `class={..}` goes through Yew's `Classes` (an index map, ≈ 3 KB gzip of
/// wasm for the six places that used it); the styles select on these attributes instead.
fn chip_state(on: bool, count: usize) -> Option<&'static str> {
    if on {
        Some("on")
    } else if count == 0 {
        Some("zero")
    } else {
        None
    }
}

fn params_group(ctx: &Ctx, panel: &PanelState) -> Html {
    let lang = ctx.lang;
    let range = ctx.state.filters.params;
    let set = |is_min: bool| {
        let state = ctx.state.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                let v = typed_num(&input, lang);
                // What cannot be read shows as what is applied, not as if it were; what is
                // applied shows as applied ("10.0004" → "10").
                if unreadable(&input, v.is_some()) {
                    input.set_value(&fmt_num(if is_min { range.min } else { range.max }, lang));
                    return;
                }
                input.set_value(&fmt_num(v, lang));
                let next = if is_min {
                    Range::new(v, range.max)
                } else {
                    Range::new(range.min, v)
                };
                state.dispatch(Action::SetParams(next));
            }
        })
    };
    facet_box(
        ctx,
        panel,
        Facet::Params,
        html! {
                <div class="range">
                    <label>{ T::Min.get(lang) }
                        <input type="number" min="0" step="any" inputmode="decimal" data-filter="params-min"
                            value={fmt_num(range.min, lang)} onchange={set(true)} /></label>
                    <label>{ T::Max.get(lang) }
                        <input type="number" min="0" step="any" inputmode="decimal" data-filter="params-max"
                            value={fmt_num(range.max, lang)} onchange={set(false)} /></label>
                </div>
        },
    )
}

fn date_group(ctx: &Ctx, panel: &PanelState) -> Html {
    let lang = ctx.lang;
    let range = ctx.state.filters.date;
    let set = |is_min: bool| {
        let state = ctx.state.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                let v = parse_month(&input.value());
                // What cannot be read (a month picker filled in halfway, free text where a
                // browser has no picker) shows as what is applied.
                if unreadable(&input, v.is_some()) {
                    input.set_value(&month_value(
                        if is_min { range.min } else { range.max },
                        !is_min,
                    ));
                    return;
                }
                let next = if is_min {
                    Range::new(v, range.max)
                } else {
                    Range::new(range.min, v)
                };
                state.dispatch(Action::SetDate(next));
            }
        })
    };
    facet_box(
        ctx,
        panel,
        Facet::Date,
        html! {
                <div class="range">
                    <label>{ T::From.get(lang) }
                        <input type="month" data-filter="date-min" min="1950-01" max="2100-12"
                            value={month_value(range.min, false)} onchange={set(true)} /></label>
                    <label>{ T::To.get(lang) }
                        <input type="month" data-filter="date-max" min="1950-01" max="2100-12"
                            value={month_value(range.max, true)} onchange={set(false)} /></label>
                </div>
        },
    )
}

/// A range as a reader says it: "5억~78억", "300억 이상", "2021년 1월부터", "2022년까지" /
/// "0.5B–7.8B", "300B or more", "from Jan 2021", "up to 2022". A bare dash at one end
/// ("–2022") would read as a minus sign.
fn range_text<V: Copy>(
    min: Option<V>,
    max: Option<V>,
    lang: Lang,
    show: fn(V, Lang) -> String,
    dates: bool,
) -> String {
    let end = |v: V| show(v, lang);
    match (min, max, lang) {
        (Some(a), Some(b), Lang::Ko) => format!("{}~{}", end(a), end(b)),
        (Some(a), Some(b), Lang::En) => format!("{}–{}", end(a), end(b)),
        (Some(a), None, Lang::Ko) if dates => format!("{}부터", end(a)),
        (Some(a), None, Lang::Ko) => format!("{} 이상", end(a)),
        (Some(a), None, Lang::En) if dates => format!("from {}", end(a)),
        (Some(a), None, Lang::En) => format!("{} or more", end(a)),
        (None, Some(b), Lang::Ko) if dates => format!("{}까지", end(b)),
        (None, Some(b), Lang::Ko) => format!("{} 이하", end(b)),
        (None, Some(b), Lang::En) => format!("up to {}", end(b)),
        (None, None, _) => String::new(),
    }
}

/// The active filters, each as (facet, "what: set to"), for the empty state's chips and
/// the exported pictures' captions. Values read as everywhere else: 억 and Korean dates.
pub fn active_filters(ctx: &Ctx) -> Vec<(Facet, String)> {
    let lang = ctx.lang;
    let f = &ctx.state.filters;
    let mut out = Vec::new();
    for facet in Facet::ALL {
        if f.is_clear(*facet) {
            continue;
        }
        let text = match facet {
            Facet::Params => range_text(f.params.min, f.params.max, lang, format::params, false),
            Facet::Date => range_text(f.date.min, f.date.max, lang, format::date, true),
            _ => {
                let values = filter::facet_counts(&[], &ctx.state, *facet);
                let mut chosen: Vec<String> = values
                    .iter()
                    .filter(|(v, _)| f.has(*v))
                    .map(|(v, _)| value_label(*v, lang))
                    .collect();
                // Ids that no model has (and so no count row) still show.
                if chosen.is_empty() {
                    chosen.push(T::Unknown.get(lang).to_string());
                }
                chosen.join(", ")
            }
        };
        // The panel's unit ("단위: 억", "billions") is for its number fields; here the values
        // carry their units.
        let title = match facet {
            Facet::Params => T::Parameters,
            _ => facet_title(*facet),
        };
        out.push((*facet, format!("{}: {text}", title.get(lang))));
    }
    out
}

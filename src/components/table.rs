//! The table: every model that passes the filters, every field, sortable by
//! any column; the accessible full-data alternative of the charts.

use std::cmp::Ordering;

use yew::prelude::*;

use super::card::{modalities_text as modalities, origin_label, sizes_text};
use super::{Ctx, Filtered};
use crate::data::{family_name, model_name as name};
use crate::format;
use crate::i18n::{Label, T};
use crate::model::{Model, Origin};
use crate::state::{Action, Lang};
use crate::svg::org_name;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Column {
    Name,
    Org,
    Family,
    Sector,
    Date,
    Status,
    Params,
    Active,
    Arch,
    Origin,
    Modality,
    Weights,
    Context,
    Languages,
    Article,
    Sources,
}

impl Column {
    const ALL: [Column; 16] = [
        Column::Name,
        Column::Org,
        Column::Family,
        Column::Sector,
        Column::Date,
        Column::Status,
        Column::Params,
        Column::Active,
        Column::Arch,
        Column::Origin,
        Column::Modality,
        Column::Weights,
        Column::Context,
        Column::Languages,
        Column::Article,
        Column::Sources,
    ];

    fn title(self) -> T {
        match self {
            Column::Name => T::Name,
            Column::Org => T::Organisation,
            Column::Family => T::Family,
            Column::Sector => T::Sector,
            Column::Date => T::Date,
            Column::Status => T::Status,
            Column::Params => T::TotalParams,
            Column::Active => T::ActiveParams,
            Column::Arch => T::Architecture,
            Column::Origin => T::Origin,
            Column::Modality => T::Modality,
            Column::Weights => T::Weights,
            Column::Context => T::Context,
            Column::Languages => T::Languages,
            Column::Article => T::ArticleColumn,
            Column::Sources => T::Sources,
        }
    }

    fn id(self) -> &'static str {
        match self {
            Column::Name => "name",
            Column::Org => "org",
            Column::Family => "family",
            Column::Sector => "sector",
            Column::Date => "date",
            Column::Status => "status",
            Column::Params => "params",
            Column::Active => "active",
            Column::Arch => "arch",
            Column::Origin => "origin",
            Column::Modality => "modality",
            Column::Weights => "weights",
            Column::Context => "context",
            Column::Languages => "langs",
            Column::Article => "article",
            Column::Sources => "sources",
        }
    }
}

/// Missing values sort last in both directions.
fn by_option<T: PartialOrd>(a: Option<T>, b: Option<T>, asc: bool) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => {
            let o = a.partial_cmp(&b).unwrap_or(Ordering::Equal);
            if asc {
                o
            } else {
                o.reverse()
            }
        }
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Sorts rows by a column; names compare in 가나다 (Korean) or A–Z order.
pub fn sort_rows(rows: &mut [&'static Model], column: Column, asc: bool, lang: Lang) {
    let dir = |o: Ordering| if asc { o } else { o.reverse() };
    crate::set::sort_by(rows, &|a, b| {
        let primary = match column {
            Column::Name => dir(format::compare_names(name(a, lang), name(b, lang))),
            Column::Org => dir(format::compare_names(org_name(a, lang), org_name(b, lang))),
            // Models outside any family sort last both ways.
            Column::Family => match (family_name(a, lang), family_name(b, lang)) {
                (Some(x), Some(y)) => dir(format::compare_names(x, y)),
                (x, y) => x.is_none().cmp(&y.is_none()),
            },
            Column::Sector => dir(a.sector.cmp(&b.sector)),
            Column::Date => dir(a.date.cmp(&b.date)),
            Column::Status => dir(a.status.cmp(&b.status)),
            Column::Params => by_option(a.total.value_b, b.total.value_b, asc),
            Column::Active => by_option(
                a.active.and_then(|x| x.value_b),
                b.active.and_then(|x| x.value_b),
                asc,
            ),
            Column::Arch => dir(a.arch.cmp(&b.arch)),
            // As read: by label, unverified last both ways.
            Column::Origin => (a.origin == Origin::Unknown)
                .cmp(&(b.origin == Origin::Unknown))
                .then_with(|| {
                    dir(format::compare_names(
                        origin_label(a.origin, lang),
                        origin_label(b.origin, lang),
                    ))
                }),
            Column::Modality => dir(format::compare_names(
                &modalities(a, lang),
                &modalities(b, lang),
            )),
            Column::Weights => dir(a.weights.cmp(&b.weights)),
            Column::Context => by_option(a.context, b.context, asc),
            Column::Languages => dir(a.languages.len().cmp(&b.languages.len())),
            // Named first when ascending.
            Column::Article => dir(b.in_article.cmp(&a.in_article)),
            Column::Sources => dir(a.sources.len().cmp(&b.sources.len())),
        };
        primary
            .then_with(|| a.date.cmp(&b.date))
            .then_with(|| a.id.cmp(b.id))
    });
}

/// The figures other sources give for a field, under the accepted one (the charts' ghost marks).
fn disputed(m: &Model, field: &str, lang: Lang) -> Html {
    m.disputes
        .iter()
        .filter(|d| d.field == field)
        .map(|d| html! {
            <span class="sub" data-disputed="">{ T::Disputed.get(lang) }{ ": " }<span lang={format::hangul_lang(d.claim, lang)}>{ format::claim(d, lang) }</span></span>
        })
        .collect()
}

/// Rows added per "show more".
const PAGE: usize = 500;

pub fn params_text(value_b: Option<f64>, lang: Lang) -> String {
    value_b.map_or_else(
        || T::Undisclosed.get(lang).to_string(),
        |v| format::params(v, lang),
    )
}

#[derive(Properties, PartialEq)]
pub struct TableProps {
    pub filtered: Filtered,
    /// See [`super::views::ChartProps::ctx`].
    pub ctx: Ctx,
}

#[component]
pub fn Table(props: &TableProps) -> Html {
    let sort = use_state_eq(|| (Column::Date, true));
    // Rows drawn so far: thousands of rows at once would stall the page, so
    // large sets are shown a page at a time (every row stays one click away).
    let limit = use_state_eq(|| PAGE);
    let ctx = &props.ctx;
    let lang = ctx.lang;
    if props.filtered.is_empty() {
        return super::views::empty_state(ctx);
    }
    let (column, asc) = *sort;
    let mut rows: Vec<&'static Model> = props.filtered.to_vec();
    sort_rows(&mut rows, column, asc, lang);

    let header = Column::ALL.iter().map(|c| {
        let active = *c == column;
        let aria_sort = match (active, asc) {
            (false, _) => "none",
            (true, true) => "ascending",
            (true, false) => "descending",
        };
        let onclick = {
            let sort = sort.clone();
            let c = *c;
            Callback::from(move |_: MouseEvent| {
                let (cur, asc) = *sort;
                sort.set(if cur == c { (c, !asc) } else { (c, true) });
            })
        };
        html! {
            <th scope="col" aria-sort={aria_sort}>
                <button type="button" data-sort={c.id()} onclick={onclick}>
                    { c.title().get(lang) }
                    // aria-sort says it; the arrow is for the eye.
                    <span aria-hidden="true">{ match (active, asc) { (false, _) => "", (true, true) => " ▲", (true, false) => " ▼" } }</span>
                </button>
            </th>
        }
    });

    let total = rows.len();
    let more = total.saturating_sub(*limit);
    let show_more = {
        let limit = limit.clone();
        Callback::from(move |_: MouseEvent| limit.set(*limit + PAGE))
    };
    let body = rows.iter().take(*limit).map(|m| {
        let m: &'static Model = m;
        let select = ctx.on(Action::Select(Some(m.id)));
        let (other_name, license) = match lang {
            Lang::Ko => (m.name_en, m.license_ko),
            Lang::En => (m.name_ko, m.license),
        };
        let selected = ctx.state.selected == Some(m.id);
        html! {
            <tr data-model-id={m.id} data-selected={selected.then_some("true")}>
                <th scope="row">
                    <button type="button" class="btn link" onclick={select}>{ name(m, lang) }</button>
                    <span class="sub" lang={crate::format::name_lang(other_name, lang)}>{ other_name }</span>
                </th>
                <td>{ org_name(m, lang) }</td>
                <td>{ family_name(m, lang).unwrap_or_default() }</td>
                <td class="nowrap">{ m.sector.label(lang) }</td>
                <td class="num">{ format::date(m.date, lang) }</td>
                // An announced model's date is the announcement's (it never shipped).
                <td class="nowrap">{ m.status.label(lang) }</td>
                <td class="num" data-col="params">
                    { params_text(m.total.value_b, lang) }
                    if m.total.value_b.is_some() {
                        <span class="sub">{ m.total.basis.label(lang) }</span>
                    }
                    if let Some(sizes) = sizes_text(m, lang) {
                        <span class="sub">{ sizes }</span>
                    }
                    { disputed(m, "params", lang) }
                </td>
                <td class="num">{ m.active.map(|a| params_text(a.value_b, lang)).unwrap_or_default() }{ disputed(m, "active", lang) }</td>
                <td>{ m.arch.label(lang) }</td>
                <td>
                    { origin_label(m.origin, lang) }
                    if !m.base_model.is_empty() {
                        <span class="sub">{ m.base_model }</span>
                    }
                </td>
                <td>{ modalities(m, lang) }</td>
                <td>{ m.weights.label(lang) }<span class="sub">{ crate::format::unbroken_hyphens(license) }</span></td>
                // Unknown, as the card says, rather than a blank that reads as "not applicable".
                <td class="num">{ m.context.map_or_else(|| T::Unknown.get(lang).to_string(), |c| format::count(c as usize, lang)) }</td>
                <td>{ super::card::languages_text(m, lang) }</td>
                <td>{ if m.in_article { T::Yes } else { T::No }.get(lang) }</td>
                <td class="source-links">{ for m.sources.iter().enumerate().map(|(i, s)| { let title = s.title_in(lang); html! {
                    <>{ if i > 0 { " " } else { "" } }<a href={super::safe_href(s.url)} target="_blank" rel="noopener noreferrer" {title}
                        aria-label={format!("{} {}: {}", T::Source.get(lang), i + 1, title)} lang={crate::format::hangul_lang(title, lang)}>{ format!("[{}]", i + 1) }</a></>
                } }) }</td>
            </tr>
        }
    });

    html! {
        <div class="table-wrap" tabindex="0" role="region" aria-label={T::ViewTable.get(lang)}>
            <table class="models">
                <thead><tr>{ for header }</tr></thead>
                <tbody>{ for body }</tbody>
            </table>
            if more > 0 {
                <p class="more-rows">
                    <button type="button" class="btn" data-action="more-rows" onclick={show_more}>
                        { format!("{} ({})", T::ShowMore.get(lang), format::count(more, lang)) }
                    </button>
                </p>
            }
        </div>
    }
}

//! Up to four pinned models side by side.

use yew::prelude::*;

use super::Ctx;
use crate::components::card::fields;
use crate::data;
use crate::i18n::T;
use crate::model::Model;
use crate::state::Action;

/// A plain view function (see [`super::header::header`]).
pub fn compare(ctx: &Ctx) -> Html {
    let lang = ctx.lang;
    let models: Vec<&'static Model> = ctx
        .state
        .compare
        .iter()
        .filter_map(|id| data::model(id))
        .collect();
    if models.is_empty() {
        return html! {};
    }
    let columns: Vec<Vec<(T, String)>> = models.iter().map(|m| fields(m, lang)).collect();
    let keys: Vec<T> = columns
        .first()
        .map(|c| c.iter().map(|(k, _)| *k).collect())
        .unwrap_or_default();
    let value = |col: &Vec<(T, String)>, key: T| {
        col.iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.clone())
            .unwrap_or_else(|| "—".into())
    };
    // Dates and sizes are read whole ("2021년 11월 16일", "2,000억 (보도)"): the grid scrolls.
    let nowrap = |k: T| {
        matches!(
            k,
            T::ReleaseDate | T::AnnouncedDate | T::TotalParams | T::ActiveParams
        )
        .then_some("")
    };
    // Rows that only some models have (sizes, active parameters) still get a line.
    let mut all_keys = keys;
    for col in &columns {
        for (k, _) in col {
            if !all_keys.contains(k) {
                all_keys.push(*k);
            }
        }
    }
    // Focus goes to the column that takes the removed one's place (the next), else the one
    // before it; with none left, where focus goes when nothing nearer is left.
    let unpin = |i: usize| {
        let state = ctx.state.clone();
        let id = models.get(i).map_or("", |m| m.id);
        let neighbour = models
            .get(i + 1)
            .or(i.checked_sub(1).and_then(|j| models.get(j)));
        let then =
            neighbour.map(|n| format!("[data-compare] th[data-model-id=\"{}\"] button", n.id));
        Callback::from(move |_: MouseEvent| {
            state.dispatch(Action::Unpin(id));
            super::browser::focus_soon_after(then.clone(), super::FOCUS_MAIN);
        })
    };
    html! {
        <section class="compare" data-compare="" aria-labelledby="compare-title">
            <div class="compare-head">
                <h2 id="compare-title">{ T::Compare.get(lang) }{ format!(" ({}/{})", models.len(), crate::state::MAX_COMPARE) }</h2>
                <button type="button" class="btn link" data-action="clear-compare"
                    onclick={ctx.on_then_focus(Action::ClearCompare, super::FOCUS_MAIN)}>{ T::ClearCompare.get(lang) }</button>
            </div>
            <div class="compare-grid">
                <table>
                    <caption class="visually-hidden">{ T::Compare.get(lang) }</caption>
                    <thead>
                        <tr>
                            <td></td>
                            { for models.iter().enumerate().map(|(i, m)| html! {
                                // Named by the model alone: a header is read again with every cell.
                                <th scope="col" data-model-id={m.id} aria-label={data::model_name(m, lang)}>
                                    { data::model_name(m, lang) }
                                    // The × stays with the name's last word.
                                    { "\u{a0}" }
                                    <button type="button" class="btn link" aria-label={format!("{}: {}", T::Unpin.get(lang), data::model_name(m, lang))}
                                        onclick={unpin(i)}>{ "×" }</button>
                                </th>
                            }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for all_keys.iter().map(|k| html! {
                            <tr>
                                <th scope="row">{ k.get(lang) }</th>
                                { for columns.iter().map(|c| html! { <td data-nowrap={nowrap(*k)}>{ value(c, *k) }</td> }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}

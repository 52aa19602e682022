//! Browser tests: the real components mounted in headless Chromium
//! (`cargo test --target wasm32-unknown-unknown --test browser`).
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use kai_atlas::components::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the app into a fresh `#app` element, as index.html does.
async fn mount() -> web_sys::Element {
    let doc = gloo::utils::document();
    if let Some(old) = doc.get_element_by_id("app") {
        old.remove();
    }
    let root = doc.create_element("main").unwrap();
    root.set_id("app");
    root.set_attribute("data-app", "kai-atlas").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    // Effects run after the render; give them one more turn.
    gloo_timers::future::TimeoutFuture::new(0).await;
    yew::scheduler::flush().await;
    root
}

fn korean_model_count() -> usize {
    kai_atlas::data::korean().len()
}

fn click(root: &web_sys::Element, selector: &str) {
    let el = root
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("{selector} not found"));
    el.dyn_into::<web_sys::HtmlElement>().unwrap().click();
}

#[wasm_bindgen_test]
async fn app_mounts_and_keeps_the_dom_contract() {
    let root = mount().await;
    assert_eq!(root.get_attribute("data-ready").as_deref(), Some("true"));
    let count: usize = root.get_attribute("data-count").unwrap().parse().unwrap();
    assert_eq!(count, korean_model_count());
    assert!(count > 0, "the dataset is compiled in");
    let marks = root.query_selector_all("[data-model-id]").unwrap().length() as usize;
    assert!(
        marks >= count,
        "every model is drawn ({marks} elements for {count} models)"
    );
}

#[wasm_bindgen_test]
async fn switching_to_the_table_shows_one_row_per_model() {
    let root = mount().await;
    click(&root, "[data-view='table']");
    yew::scheduler::flush().await;
    let rows = root
        .query_selector_all("table.models tbody tr[data-model-id]")
        .unwrap()
        .length() as usize;
    assert_eq!(rows, korean_model_count());
    let selected = root.query_selector("[data-view='table']").unwrap().unwrap();
    assert_eq!(
        selected.get_attribute("aria-selected").as_deref(),
        Some("true")
    );
}

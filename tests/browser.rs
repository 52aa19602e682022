//! Browser tests: the real components mounted in headless Chromium
//! (`cargo test --target wasm32-unknown-unknown --test browser`).
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use kai_atlas::components::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The app mounted for one test; dropping it unmounts it and clears the URL,
/// so tests do not see each other's state.
struct Mounted {
    root: web_sys::Element,
    handle: Option<yew::AppHandle<App>>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
        self.root.remove();
        reset_url();
    }
}

impl std::ops::Deref for Mounted {
    type Target = web_sys::Element;
    fn deref(&self) -> &web_sys::Element {
        &self.root
    }
}

fn reset_url() {
    let window = gloo::utils::window();
    let path = window.location().pathname().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path))
        .unwrap();
}

/// Mounts the app into a fresh `#app` element, as index.html does.
async fn mount() -> Mounted {
    reset_url();
    let doc = gloo::utils::document();
    if let Some(old) = doc.get_element_by_id("app") {
        old.remove();
    }
    let root = doc.create_element("main").unwrap();
    root.set_id("app");
    root.set_attribute("data-app", "kai-atlas").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    let handle = yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    // Effects run after the render; give them one more turn.
    gloo_timers::future::TimeoutFuture::new(0).await;
    yew::scheduler::flush().await;
    Mounted {
        root,
        handle: Some(handle),
    }
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

fn count(root: &web_sys::Element) -> usize {
    root.get_attribute("data-count").unwrap().parse().unwrap()
}

#[wasm_bindgen_test]
async fn a_sector_chip_filters_the_models() {
    let root = mount().await;
    click(&root, "[data-facet='sector'][data-value='telecom'] input");
    yew::scheduler::flush().await;
    gloo_timers::future::TimeoutFuture::new(0).await;
    let telecom = kai_atlas::data::korean()
        .iter()
        .filter(|m| m.sector == kai_atlas::model::Sector::Telecom)
        .count();
    assert!(telecom > 0);
    assert_eq!(count(&root), telecom);
    let marks = root
        .query_selector_all("#atlas-chart [data-model-id]")
        .unwrap()
        .length() as usize;
    assert_eq!(marks, telecom, "the chart redraws with the filtered models");
}

#[wasm_bindgen_test]
async fn initial_consonant_search_finds_hyperclova() {
    let root = mount().await;
    let input: web_sys::HtmlInputElement = root
        .query_selector("[data-filter='q']")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    input.set_value("ㅎㅇㅍㅋㄹㅂ");
    let event = web_sys::InputEvent::new("input").unwrap();
    input.dispatch_event(&event).unwrap();
    yew::scheduler::flush().await;
    gloo_timers::future::TimeoutFuture::new(0).await;
    let ids: Vec<String> = {
        let list = root
            .query_selector_all("#atlas-chart [data-model-id]")
            .unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
            .filter_map(|e| e.get_attribute("data-model-id"))
            .collect()
    };
    assert!(ids.iter().any(|id| id == "hyperclova"), "{ids:?}");
    assert!(
        ids.iter().all(|id| id.starts_with("hyperclova")),
        "only HyperCLOVA models: {ids:?}"
    );
}

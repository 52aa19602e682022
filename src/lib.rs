//! K-AI Atlas: an embeddable, interactive comparison of Korean AI models.
//!
//! Pure parts (data, filters, URL contract, search, formatting, chart geometry,
//! exports) are plain Rust tested on the host; `components` is the thin Yew
//! layer on top, and `main.rs` only mounts it.

pub mod chart;
pub mod components;
pub mod data;
pub mod export;
pub mod filter;
pub mod format;
pub mod i18n;
pub mod model;
pub mod panic;
pub mod search;
pub mod set;
pub mod state;
pub mod svg;
pub mod url;
#[cfg(test)]
mod validate;

/// Mounts the app into `#app` and installs the friendly panic fallback.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    panic::install();
    let root = gloo::utils::document().get_element_by_id("app");
    if let Some(root) = root {
        // The loading line and its hidden "could not load" twin (index.html).
        for id in ["boot", "boot-failed"] {
            if let Some(boot) = gloo::utils::document().get_element_by_id(id) {
                boot.remove();
            }
        }
        yew::Renderer::<components::App>::with_root(root).render();
    }
}

/// The widget only runs in a browser; on the host this does nothing.
#[cfg(not(target_arch = "wasm32"))]
pub fn start() {}

//! Mounts the widget into `#app` (from index.html). Everything else is in the library.

/// Talc instead of the default dlmalloc: smaller code, same behaviour (README, "Size work").
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    kai_atlas::start();
}

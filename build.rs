// Placeholder until the dataset pipeline lands: empty statics so the crate compiles.
use std::{env, fs, path::Path};
fn main() {
    let out = Path::new(&env::var("OUT_DIR").unwrap_or_default()).join("dataset.rs");
    let _ = fs::write(out, "pub static ORGANISATIONS: &[Organisation] = &[];\npub static FAMILIES: &[Family] = &[];\npub static MODELS: &[Model] = &[];\npub static EVENTS: &[Event] = &[];\n");
    println!("cargo::rerun-if-changed=build.rs");
}

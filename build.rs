//! Validates the data files under `data/` (or `$KAI_ATLAS_DATA_DIR`) and
//! generates `$OUT_DIR/dataset.rs` (see `src/validate.rs`). Any problem fails
//! the build with one `file:line: field: message` line per problem and no
//! panic trace.

#[path = "src/model.rs"]
#[allow(dead_code)]
mod model;
#[path = "src/validate.rs"]
mod validate;

use std::path::{Path, PathBuf};
use std::process::exit;

fn fail(messages: &[String]) -> ! {
    for message in messages {
        println!("cargo::error={message}");
    }
    // `cargo::error` alone fails the build. Exiting 0 keeps cargo from dumping
    // the script's whole stdout after the errors, so the editor sees only them.
    exit(0);
}

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=src/model.rs");
    println!("cargo::rerun-if-changed=src/validate.rs");
    println!("cargo::rerun-if-env-changed=KAI_ATLAS_DATA_DIR");
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    // The data directory: `data/` by default, or KAI_ATLAS_DATA_DIR (relative
    // to the crate) for another dataset, such as the benchmark's synthetic one.
    let data_dir = match std::env::var_os("KAI_ATLAS_DATA_DIR") {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => PathBuf::from("data"),
    };

    let mut contents: Vec<(String, Vec<u8>)> = Vec::new();
    let mut errors = Vec::new();
    for file in validate::FILES {
        let name = data_dir.join(file).display().to_string();
        let path = manifest.join(&name);
        println!("cargo::rerun-if-changed={}", path.display());
        match std::fs::read(&path) {
            Ok(bytes) => contents.push((name, bytes)),
            Err(e) => {
                errors.push(format!("{name}:1: file: cannot read: {e}"));
                contents.push((name, Vec::new()));
            }
        }
    }
    if !errors.is_empty() {
        fail(&errors);
    }
    let inputs = validate::Inputs::from_files(&contents);
    // Dates after today (anywhere on Earth) are typos. The script reruns
    // only when a data file changes, and days only add up, so a passing build
    // stays valid.
    let dataset = match validate::check(&inputs, validate::today_anywhere()) {
        Ok(dataset) => dataset,
        Err(problems) => fail(&problems.iter().map(ToString::to_string).collect::<Vec<_>>()),
    };

    let Some(out_dir) = std::env::var_os("OUT_DIR") else {
        fail(&["build.rs: OUT_DIR is not set".to_string()]);
    };
    let out = Path::new(&out_dir).join("dataset.rs");
    if let Err(e) = std::fs::write(&out, validate::generate(&dataset)) {
        fail(&[format!("build.rs: cannot write {}: {e}", out.display())]);
    }
}

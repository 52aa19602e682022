//! Project commands. Each one first installs what is missing (idempotently and
//! quietly when everything is there), then does its job:
//!
//!   cargo xtask serve [--port N]   build and serve the widget on 127.0.0.1
//!   cargo xtask test               every test: format, lint, host, browser, end-to-end
//!   cargo xtask dist               release build into dist/
//!   cargo xtask bench              timings in headless Chromium (not part of the tests)
//!   cargo xtask setup              only install the tools

use std::env;
use std::path::{Path, PathBuf};
use std::process::{exit, Command, Stdio};
use std::time::Instant;

const TRUNK_VERSION: &str = "0.21.14";
const WASM_TARGET: &str = "wasm32-unknown-unknown";
const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

type Result<T = ()> = std::result::Result<T, String>;

fn main() {
    let args: Vec<String> = env::args().skip(1).collect();
    let root = project_root();
    if let Err(e) = env::set_current_dir(&root) {
        fail(&format!("cannot enter {}: {e}", root.display()));
    }
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve(&args[1..]),
        Some("test") => test(),
        Some("dist") => setup_build().and_then(|()| dist()),
        Some("bench") => bench(&args[1..]),
        Some("setup") => setup_build().and_then(|()| setup_browser()),
        // Called by Trunk's post_build hook (Trunk.toml), not by hand.
        Some("postbuild") => postbuild(),
        _ => {
            eprintln!("usage: cargo xtask <serve [--port N] | test | dist | bench | setup>");
            exit(2);
        }
    };
    if let Err(e) = result {
        fail(&e);
    }
}

fn fail(message: &str) -> ! {
    eprintln!("\nxtask: {message}");
    exit(1);
}

fn project_root() -> PathBuf {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    here.parent().map(Path::to_path_buf).unwrap_or(here)
}

fn step(what: &str) {
    println!("\n==> {what}");
}

/// Runs a command, streaming its output; an error names the command.
fn run(program: &str, args: &[&str], envs: &[(&str, &str)]) -> Result {
    let shown = format!("{program} {}", args.join(" "));
    println!("    $ {shown}");
    let status = Command::new(program)
        .args(args)
        .envs(envs.iter().copied())
        .status()
        .map_err(|e| format!("could not start `{shown}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{shown}` failed ({status})"))
    }
}

/// Runs a command quietly and returns its stdout, or None if it cannot run.
fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program)
        .args(args)
        .stderr(Stdio::null())
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The wasm-bindgen version locked in Cargo.lock: the CLI must match it exactly.
fn locked_wasm_bindgen() -> Result<String> {
    let lock = std::fs::read_to_string("Cargo.lock")
        .map_err(|e| format!("Cargo.lock missing ({e}): run `cargo generate-lockfile`"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines.next().and_then(|l| l.strip_prefix("version = \"")) {
                return Ok(v.trim_end_matches('"').to_string());
            }
        }
    }
    Err("wasm-bindgen is not in Cargo.lock".into())
}

/// Rust target, Trunk and the wasm-bindgen CLI: what building the widget needs.
fn setup_build() -> Result {
    let targets = output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if !targets.lines().any(|t| t.trim() == WASM_TARGET) {
        step("installing the wasm32 target");
        run("rustup", &["target", "add", WASM_TARGET], &[])?;
    }
    let trunk = output("trunk", &["--version"]).unwrap_or_default();
    if trunk.trim() != format!("trunk {TRUNK_VERSION}") {
        step(&format!(
            "installing Trunk {TRUNK_VERSION} (about 11 minutes on 2 cores, once)"
        ));
        run(
            "cargo",
            &["install", "--locked", "trunk", "--version", TRUNK_VERSION],
            &[],
        )?;
    }
    let wanted = locked_wasm_bindgen()?;
    let cli = output("wasm-bindgen", &["--version"]).unwrap_or_default();
    let runner = output("wasm-bindgen-test-runner", &["--version"]).unwrap_or_default();
    let expected = format!("wasm-bindgen {wanted}");
    if cli.trim() != expected || !runner.contains(&wanted) {
        step(&format!(
            "installing wasm-bindgen-cli {wanted} (about 3 minutes, once)"
        ));
        // Not --locked: its lockfile pins a crate version the registry lacks.
        run(
            "cargo",
            &["install", "wasm-bindgen-cli", "--version", &wanted],
            &[],
        )?;
    }
    ensure_minifier()
}

/// terser (npm), which the release build uses to minify the JS glue (see `postbuild`).
fn ensure_minifier() -> Result {
    if !Path::new("tools/minify/node_modules/terser").exists() {
        if output("node", &["--version"]).is_none() {
            return Err(
                "Node.js (20 or later) is needed to minify the JS glue: install it \
                 (e.g. `apt-get install nodejs npm`) and run this again"
                    .into(),
            );
        }
        step("installing the JS minifier for release builds (npm ci)");
        npm_ci("tools/minify")?;
    }
    Ok(())
}

/// Installs the locked npm packages of the project folder `dir`.
fn npm_ci(dir: &str) -> Result {
    let args = [
        "ci",
        "--prefix",
        dir,
        "--no-audit",
        "--no-fund",
        "--loglevel=error",
    ];
    run("npm", &args, &[])
}

/// Chromium, ChromeDriver, Korean fonts and the end-to-end test's npm packages.
fn setup_browser() -> Result {
    let fonts = output("fc-list", &[":lang=ko", "family"]).unwrap_or_default();
    if !Path::new(CHROMIUM).exists() || !Path::new(CHROMEDRIVER).exists() || fonts.trim().is_empty()
    {
        step("installing Chromium, ChromeDriver and Noto CJK fonts (apt)");
        let sudo = output("id", &["-u"]).is_some_and(|u| u.trim() != "0");
        let apt = |args: &[&str]| {
            if sudo {
                let mut all = vec!["apt-get"];
                all.extend_from_slice(args);
                run("sudo", &all, &[])
            } else {
                run("apt-get", args, &[])
            }
        };
        apt(&["update", "-qq"])?;
        apt(&[
            "install",
            "-y",
            "-qq",
            "chromium",
            "chromium-driver",
            "fonts-noto-cjk",
        ])?;
    }
    if !Path::new("tests/e2e/node_modules/playwright-core").exists()
        || !Path::new("tests/e2e/node_modules/axe-core").exists()
    {
        step("installing the end-to-end test packages (npm ci)");
        npm_ci("tests/e2e")?;
    }
    Ok(())
}

/// Moves Trunk's inline module loader out of index.html into `loader-<hash>.js`,
/// so the page runs under `script-src 'self' 'wasm-unsafe-eval'` with no hash
/// or 'unsafe-inline'. Runs in Trunk's staging directory.
fn postbuild() -> Result {
    let staging = env::var("TRUNK_STAGING_DIR")
        .map_err(|_| "TRUNK_STAGING_DIR is not set: run through trunk")?;
    let index = Path::new(&staging).join("index.html");
    let html = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    // Trunk's minifier drops the quotes; either way the loader is the only module script.
    let found = ["<script type=\"module\">", "<script type=module>"]
        .iter()
        .find_map(|open| html.find(open).map(|start| (start, open.len())));
    let Some((start, open_len)) = found else {
        if html.contains("src=\"./loader-") || html.contains("src=./loader-") {
            return Ok(()); // already external
        }
        return Err("no inline loader script found in index.html".into());
    };
    let body_start = start + open_len;
    let end = html[body_start..]
        .find("</script>")
        .map(|i| body_start + i)
        .ok_or("unterminated loader script in index.html")?;
    let script = loader(html[body_start..end].trim())?;
    // FNV-1a: a content hash for the file name (cache busting, not security).
    let hash = script.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    let name = format!("loader-{hash:016x}.js");
    std::fs::write(Path::new(&staging).join(&name), format!("{script}\n"))
        .map_err(|e| e.to_string())?;
    // A classic script, not a module: it blocks the first paint until it has run, so
    // `theme=` holds from the first frame (modules are deferred; the page would paint in
    // the reader's scheme first). The glue is imported from it all the same; `crossorigin`
    // keeps that import's base URL in a sandboxed frame, whose opaque origin would
    // otherwise make the loader a cross-origin script that cannot import by path.
    let tag = format!("<script src=\"./{name}\" crossorigin></script>");
    let html = format!(
        "{}{}{}",
        &html[..start],
        tag,
        &html[end + "</script>".len()..]
    );
    std::fs::write(&index, html).map_err(|e| e.to_string())?;
    // Trunk minifies CSS and HTML (`minify = "on_release"`), not the wasm-bindgen glue;
    // minify.mjs does that and drops the wasm's custom sections.
    let release = env::var("TRUNK_PROFILE").map_or(true, |p| p == "release");
    if release {
        ensure_minifier()?;
        let script = project_root().join("tools/minify/minify.mjs");
        run("node", &[&script.to_string_lossy(), &staging], &[])?;
    }
    Ok(())
}

/// Our loader in place of Trunk's (whose only parts kept are the two file names):
/// - `theme=` from the URL is applied before the wasm arrives, so a dark article's
///   frame is not a white block while it loads (the app keeps it in step after);
/// - a glue or wasm that fails to load or start swaps the "Loading…" line for a
///   bilingual "could not load" alert instead of leaving it forever.
fn loader(trunk: &str) -> std::result::Result<String, String> {
    let between = |open: &str| {
        let start = trunk.find(open)? + open.len();
        let len = trunk[start..].find('\'')?;
        Some(&trunk[start..start + len])
    };
    let (Some(glue), Some(wasm)) = (between("from '"), between("module_or_path: '")) else {
        return Err(format!(
            "Trunk's loader has changed shape; cannot read its file names:\n{trunk}"
        ));
    };
    Ok(format!(
        "{{const t=new URLSearchParams(location.search).get(\"theme\");\
         if(t==\"dark\"||t==\"light\")document.documentElement.dataset.theme=t;\
         import(\"{glue}\").then(m=>m.default({{module_or_path:\"{wasm}\"}})).catch(e=>{{\
         console.error(e);const b=document.getElementById(\"boot\"),f=document.getElementById(\"boot-failed\");\
         if(b&&f){{b.hidden=true;f.hidden=false}}}})}}"
    ))
}

fn serve(args: &[String]) -> Result {
    setup_build()?;
    let port = match args {
        [] => "8080".to_string(),
        [flag, port] if flag == "--port" && port.parse::<u16>().is_ok() => port.clone(),
        _ => return Err("usage: cargo xtask serve [--port N]".into()),
    };
    step(&format!(
        "serving the widget on http://127.0.0.1:{port}/ (Ctrl-C stops)"
    ));
    run(
        "trunk",
        &[
            "serve",
            "--release",
            // The served page is then the release page: no inline reload script.
            "--no-autoreload",
            "--address",
            "127.0.0.1",
            "--port",
            &port,
        ],
        &[],
    )
}

fn dist() -> Result {
    step("release build into dist/");
    run("trunk", &["build", "--release"], &[])
}

fn test() -> Result {
    let started = Instant::now();
    setup_build()?;
    setup_browser()?;
    let driver = [("CHROMEDRIVER", CHROMEDRIVER)];

    step("1/6 format (cargo fmt --check)");
    run("cargo", &["fmt", "--all", "--check"], &[])?;

    step("2/6 lint (clippy, host and wasm32, -D warnings)");
    run(
        "cargo",
        &[
            "clippy",
            "--workspace",
            "--all-targets",
            "--quiet",
            "--",
            "-D",
            "warnings",
        ],
        &[],
    )?;
    run(
        "cargo",
        &[
            "clippy",
            "--target",
            WASM_TARGET,
            "--lib",
            "--bins",
            "--tests",
            "--quiet",
            "--",
            "-D",
            "warnings",
        ],
        &[],
    )?;

    step("3/6 host tests (cargo test)");
    run("cargo", &["test", "--workspace"], &[])?;

    step("4/6 browser tests (wasm-bindgen-test in headless Chromium)");
    run(
        "cargo",
        &["test", "--target", WASM_TARGET, "--test", "browser"],
        &driver,
    )?;

    step("5/6 release build (trunk build --release)");
    dist()?;

    step("6/6 end-to-end (release dist on loopback, headless Chromium)");
    run(
        "node",
        &["--test", "--test-concurrency=1", "tests/e2e/"],
        &[("CHROMIUM", CHROMIUM)],
    )?;

    println!(
        "\nall tests passed in {:.0} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn bench(args: &[String]) -> Result {
    setup_build()?;
    setup_browser()?;
    let mut all = vec!["tests/bench/bench.mjs"];
    all.extend(args.iter().map(String::as_str));
    run("node", &all, &[("CHROMIUM", CHROMIUM)])
}

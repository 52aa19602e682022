//! Mounts the widget into `#app` (from index.html). Everything else is in the library.

fn main() {
    kai_atlas::start();
}

//! The few browser APIs the widget touches, each wrapped so that a throwing or
//! missing API (sandboxed iframe, old browser) degrades to "nothing happens".

use wasm_bindgen::{JsCast, JsValue};

use crate::model::Date;
use crate::state::Lang;

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// `location.search` without the leading `?` ("" when unavailable).
pub fn query() -> String {
    window()
        .and_then(|w| w.location().search().ok())
        .map(|s| s.trim_start_matches('?').to_string())
        .unwrap_or_default()
}

/// The page URL without its query (for building share links).
pub fn base_url() -> String {
    window()
        .and_then(|w| {
            let l = w.location();
            Some(format!("{}{}", l.origin().ok()?, l.pathname().ok()?))
        })
        .unwrap_or_default()
}

/// Writes the query with `history.replaceState`; a throwing `history`
/// (opaque-origin iframe) is ignored: the view still works, only the URL stays.
pub fn replace_query(query: &str) {
    let Some(w) = window() else { return };
    let Ok(history) = w.history() else { return };
    let location = w.location();
    let path = location.pathname().unwrap_or_default();
    // The fragment stays: a host page's link to an anchor in it keeps working.
    let hash = location.hash().unwrap_or_default();
    let url = if query.is_empty() {
        format!("{path}{hash}")
    } else {
        format!("{path}?{query}{hash}")
    };
    let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
}

/// Korean for a Korean browser, English otherwise.
pub fn browser_lang() -> Lang {
    let lang = window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_default();
    if lang.to_ascii_lowercase().starts_with("ko") {
        Lang::Ko
    } else {
        Lang::En
    }
}

/// Today's date in the reader's time zone.
pub fn today() -> Date {
    let d = js_sys::Date::new_0();
    Date {
        year: u16::try_from(d.get_full_year()).unwrap_or(2026),
        month: u8::try_from(d.get_month() + 1).unwrap_or(1),
        day: u8::try_from(d.get_date()).unwrap_or(1),
    }
}

/// Scrolls the element with `id` into view. `to_top`: a card opened below the chart comes to the
/// top of the window when it starts above it or in its lower half, so what follows it shows too;
/// otherwise only as far as needed (the keyboard walk through a chart taller than the window).
pub fn reveal(id: &str, to_top: bool) {
    let Some(w) = window() else { return };
    let Some(el) = w.document().and_then(|d| d.get_element_by_id(id)) else {
        return;
    };
    let block = if to_top {
        let top = el.get_bounding_client_rect().top();
        let height = w
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(0.0);
        // In a frame the window is the widget, often sized to all of it by the host page, so
        // "in its upper half" says nothing about the reader's screen: always scroll (the
        // browser carries the scroll up to the article).
        if top >= 0.0 && top <= height * 0.5 && !is_framed() {
            return;
        }
        web_sys::ScrollLogicalPosition::Start
    } else {
        web_sys::ScrollLogicalPosition::Nearest
    };
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_block(block);
    opts.set_inline(web_sys::ScrollLogicalPosition::Nearest);
    el.scroll_into_view_with_scroll_into_view_options(&opts);
}

/// Moves focus to the first element matching `selector`, if any.
pub fn focus_first(selector: &str) {
    if let Some(el) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
    {
        focus(&el);
    }
}

/// Focuses an HTML or SVG element (the chart is an `<svg>`); false for anything else.
fn focus(el: &web_sys::Element) -> bool {
    if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
        el.focus().is_ok()
    } else if let Some(el) = el.dyn_ref::<web_sys::SvgElement>() {
        el.focus().is_ok()
    } else {
        false
    }
}

/// Once the current render is in the page, focuses the first element matching one of
/// `selectors`, in that order of preference.
pub fn focus_soon(selectors: &'static [&'static str]) {
    focus_soon_after(None, selectors);
}

/// As [`focus_soon`], trying `first` before the others.
pub fn focus_soon_after(first: Option<String>, selectors: &'static [&'static str]) {
    gloo::timers::callback::Timeout::new(0, move || {
        let Some(doc) = window().and_then(|w| w.document()) else {
            return;
        };
        let all = first
            .iter()
            .map(String::as_str)
            .chain(selectors.iter().copied());
        let _ = all
            .filter_map(|s| doc.query_selector(s).ok().flatten())
            .any(|el| focus(&el));
    })
    .forget();
}

/// Focuses the text field with this id and selects its text, once the current render is in
/// the page (a copy the browser refused leaves the reader this to copy by hand).
pub fn select_soon(id: &'static str) {
    gloo::timers::callback::Timeout::new(0, move || {
        let field = window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(id));
        if let Some(input) = field
            .clone()
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            let _ = input.focus();
            input.select();
        } else if let Some(area) =
            field.and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        {
            let _ = area.focus();
            area.select();
        }
    })
    .forget();
}

/// The system colour scheme's media query (it fires `change`).
pub fn dark_query() -> Option<web_sys::MediaQueryList> {
    window().and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
}

/// Whether the system asks for a dark colour scheme.
pub fn prefers_dark() -> bool {
    dark_query().is_some_and(|m| m.matches())
}

/// True when the widget runs inside a frame.
pub fn is_framed() -> bool {
    window()
        .and_then(|w| {
            let parent = w.parent().ok().flatten()?;
            Some(!js_sys::Object::is(&parent, &w))
        })
        .unwrap_or(false)
}

/// Sets (or removes, for `None`) an attribute on `<html>`.
pub fn set_root_attr(name: &str, value: Option<&str>) {
    if let Some(el) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = match value {
            Some(v) => el.set_attribute(name, v),
            None => el.remove_attribute(name),
        };
    }
}

/// Sets an attribute on the app root `#app` (the DOM contract lives there).
pub fn set_app_attr(name: &str, value: &str) {
    if let Some(el) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
    {
        let _ = el.set_attribute(name, value);
    }
}

/// Copies text to the clipboard; resolves to false when refused.
pub async fn copy_text(text: String) -> bool {
    let Some(w) = window() else { return false };
    let promise = w.navigator().clipboard().write_text(&text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Opens the native share sheet when the browser has one.
pub fn can_share() -> bool {
    window()
        .map(|w| js_sys::Reflect::has(&w.navigator(), &JsValue::from_str("share")).unwrap_or(false))
        .unwrap_or(false)
}

pub async fn share(title: String, url: String) -> bool {
    let Some(w) = window() else { return false };
    let data = web_sys::ShareData::new();
    data.set_title(&title);
    data.set_url(&url);
    wasm_bindgen_futures::JsFuture::from(w.navigator().share_with_data(&data))
        .await
        .is_ok()
}

/// Offers `content` as a download named `name`.
pub fn download(name: &str, mime: &str, content: &JsValue) {
    let parts = js_sys::Array::of1(content);
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return;
    };
    download_blob(name, &blob);
}

pub fn download_blob(name: &str, blob: &web_sys::Blob) {
    let Some(doc) = window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(blob) else {
        return;
    };
    if let Some(a) = doc
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(name);
        if let Some(body) = doc.body() {
            let _ = body.append_child(&a);
            a.click();
            a.remove();
        }
    }
    // Some browsers start the download after the click returns: revoke later.
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
}

/// When framed, reports the height of `el` to the parent page each time it
/// changes, as `{type: "kai-atlas:height", v: 1, height}` and nothing else, and
/// again when the parent asks with `{type: "kai-atlas:measure"}` (an embed
/// script that arrived after the first report). The observer and the listener
/// live as long as the page.
pub fn report_height(el: &web_sys::Element) {
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;
    if !is_framed() {
        return;
    }
    let Some(w) = window() else {
        return;
    };
    let Some(parent) = w.parent().ok().flatten() else {
        return;
    };
    let last = Rc::new(Cell::new(-1.0_f64));
    let target = el.clone();
    let report = {
        let (last, parent) = (last.clone(), parent.clone());
        Rc::new(move || {
            let height = target.get_bounding_client_rect().height().ceil();
            if !height.is_finite() || (height - last.get()).abs() < 1.0 {
                return;
            }
            last.set(height);
            let message = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&message, &"type".into(), &"kai-atlas:height".into());
            let _ = js_sys::Reflect::set(&message, &"v".into(), &1.into());
            let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
            // The target origin is "*": the parent's origin is unknown to an embed,
            // and the message carries nothing but a height.
            let _ = parent.post_message(&message, "*");
        })
    };
    let observed = report.clone();
    let callback = Closure::<dyn FnMut()>::new(move || observed());
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(el);
        callback.forget();
        std::mem::forget(observer);
    }
    // Only the parent's window is heard, and only this exact request; nothing
    // in the message is used beyond its type.
    gloo::events::EventListener::new(&w, "message", move |event| {
        let Some(event) = event.dyn_ref::<web_sys::MessageEvent>() else {
            return;
        };
        let from_parent = event
            .source()
            .is_some_and(|source| js_sys::Object::is(&source, &parent));
        let data = event.data();
        let asks = from_parent
            && data.is_object()
            && js_sys::Reflect::get(&data, &"type".into())
                .is_ok_and(|t| t.as_string().as_deref() == Some("kai-atlas:measure"));
        if asks {
            last.set(-1.0);
            report();
        }
    })
    .forget();
}

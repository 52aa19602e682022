//! An unexpected panic must never leave a frozen page: the hook replaces the
//! widget with a short bilingual message and a reload link.

use crate::i18n::T;
use crate::state::Lang;

/// The fallback's markup. Static text only, so nothing from the panic payload
/// (which could echo input) reaches the page.
pub fn fallback_html() -> String {
    format!(
        "<div class=\"panic\" role=\"alert\"><p lang=\"ko\"><strong>{}</strong> {}</p>\
         <p lang=\"en\"><strong>{}</strong> {}</p><p><a href=\"\">↻</a></p></div>",
        T::PanicTitle.get(Lang::Ko),
        T::PanicBody.get(Lang::Ko),
        T::PanicTitle.get(Lang::En),
        T::PanicBody.get(Lang::En),
    )
}

#[cfg(target_arch = "wasm32")]
pub fn install() {
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("K-AI Atlas: {info}").into());
        if let Some(root) = gloo::utils::document().get_element_by_id("app") {
            root.set_inner_html(&fallback_html());
            let _ = root.set_attribute("data-ready", "error");
        }
    }));
}

#[cfg(test)]
mod tests {
    #[test]
    fn fallback_is_bilingual_and_static() {
        let html = super::fallback_html();
        assert!(html.contains("문제가 생겼습니다") && html.contains("Something went wrong"));
        assert!(html.contains("role=\"alert\""));
    }
}

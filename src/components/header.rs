//! Title, language switch and theme switch.

use yew::prelude::*;

use super::Ctx;
use crate::i18n::T;
use crate::state::{Action, Lang, Theme};

/// A plain view function, not a component: it re-renders with [`super::App`] either way
/// (it takes the state through [`Ctx`]), and each component costs Yew lifecycle code in the
/// bundle.
/// `system_dark`: whether the system asks for a dark scheme (what `theme` auto shows).
pub fn header(ctx: &Ctx, system_dark: bool) -> Html {
    let lang = ctx.lang;
    let other = match lang {
        Lang::Ko => Lang::En,
        Lang::En => Lang::Ko,
    };
    // The button offers the other scheme than the one on screen; with no choice made, the
    // one on screen is the system's.
    let dark_now = match ctx.state.theme {
        Theme::Auto => system_dark,
        Theme::Light => false,
        Theme::Dark => true,
    };
    let next_theme = if dark_now { Theme::Light } else { Theme::Dark };
    let theme_label = match next_theme {
        Theme::Dark => T::ThemeDark,
        _ => T::ThemeLight,
    };
    html! {
        <header class="atlas-header">
            <div>
                <h1 class="atlas-title">{ T::AppTitle.get(lang) }</h1>
                <p class="atlas-sub">{ T::AppSubtitle.get(lang) }</p>
            </div>
            <div class="header-tools">
                <button type="button" class="btn" lang={other.id()} data-action="lang"
                    title={T::SwitchLanguageLabel.get(lang)}
                    onclick={ctx.on(Action::SetLang(Some(other)))}>
                    { T::SwitchLanguage.get(lang) }
                </button>
                <button type="button" class="btn" data-action="theme"
                    aria-label={if next_theme == Theme::Dark { T::ThemeToDark } else { T::ThemeToLight }.get(lang)}
                    onclick={ctx.on(Action::SetTheme(next_theme))}>
                    { if next_theme == Theme::Dark { "◐ " } else { "◑ " } }{ theme_label.get(lang) }
                </button>
            </div>
        </header>
    }
}

//! The current chart as a standalone SVG (title, legend, source line, styles
//! inlined) and as a 2× PNG drawn from that SVG on a canvas.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::browser;
use super::views::ColourKey;
use crate::format::{dp0, dp1, parse_decimal};
use crate::i18n::T;
use crate::state::Lang;

/// The id of the live chart `<svg>` every chart view renders.
pub const CHART_ID: &str = "atlas-chart";

/// Chart styles with concrete light-theme colours: the exported file must not
/// depend on the page's stylesheet or custom properties.
const EXPORT_CSS: &str = "#atlas-chart{overflow:visible}text{font-family:system-ui,'Apple SD Gothic Neo','Noto Sans CJK KR','Malgun Gothic',sans-serif;fill:#16181d}\
.axis text,.tick-label,.axis-title,.ref-label{fill:#4a505c;font-size:11px}.grid-line{stroke:#e8ebef}\
.band{fill:#fff4d6}.band-label{fill:#5c4300;font-size:11px;font-weight:600}\
.lane-bg{fill:#f4f5f7}.lane-label{fill:#4a505c;font-size:11px;font-weight:600}.ref-line{stroke:#6b7280;stroke-dasharray:4 3}\
.lineage{stroke:#6b7280;fill:none;opacity:.55}.size-range{stroke-width:3;stroke-linecap:round;opacity:.35}\
.asof-line{stroke:#5c4300;stroke-width:1.5;stroke-dasharray:6 3}.asof-label{fill:#5c4300;font-size:11px;font-weight:600}\
.event-line{stroke:#6b7280;stroke-dasharray:2 3}.event-dot{fill:#6b7280}.event-hit{fill:transparent}\
.mark{stroke-width:1.5}.mark.hollow{fill:#fff!important;stroke-dasharray:3 2;stroke-width:2}\
.mark.named{stroke:#16181d!important;stroke-width:3}.mark-active{fill:#fff;opacity:.9}\
.mark-label{font-size:11px}\
.bar-active{fill:#fff;opacity:.45}.bar-label{font-size:12px}.bar-value,.bar-org{fill:#4a505c;font-size:11px}\
.c-manufacturing,.c-o0{fill:#0072b2;stroke:#0072b2}.c-telecom,.c-o1{fill:#d55e00;stroke:#d55e00}\
.c-portal,.c-o2{fill:#009e73;stroke:#009e73}.c-messenger,.c-o3{fill:#e69f00;stroke:#e69f00}\
.c-game,.c-o4{fill:#cc79a7;stroke:#cc79a7}.c-startup,.c-o5{fill:#56b4e9;stroke:#56b4e9}\
.c-it-services,.c-o6{fill:#b59b00;stroke:#b59b00}.c-research,.c-o7{fill:#555;stroke:#555}\
.focused,.selected{stroke:#c2410c!important}\
.ghost{fill:none;stroke-dasharray:3 2;stroke-width:1.5}.ghost-tie{stroke-dasharray:2 2}\
.halo{fill:#fff;stroke:#fff;stroke-width:3px;stroke-linejoin:round}.halo.band-label{fill:#fff4d6;stroke:#fff4d6}\
.halo.lane-label{fill:#f4f5f7;stroke:#f4f5f7}";

/// The labels drawn with a halo on screen (`paint-order: stroke` in the page's styles).
const HALOED: [&str; 5] = [
    "mark-label",
    "ref-label",
    "band-label",
    "lane-label",
    "asof-label",
];

/// `inner` with a copy of each haloed label just before it, classed `halo`, that draws the
/// halo: design tools and SVG 1.1 renderers ignore `paint-order` (SVG 2) and would paint the
/// page's halo stroke over the letters.
fn with_halos(inner: &str) -> String {
    const OPEN: &str = "<text class=\"";
    const CLOSE: &str = "</text>";
    let mut out = String::with_capacity(inner.len() + inner.len() / 4);
    let mut rest = inner;
    while let Some(at) = rest.find(OPEN) {
        let (before, from) = rest.split_at(at);
        out.push_str(before);
        let Some(end) = from.find(CLOSE).map(|e| e + CLOSE.len()) else {
            rest = from;
            break;
        };
        let (element, after) = from.split_at(end);
        let class = element
            .get(OPEN.len()..)
            .and_then(|c| c.split('"').next())
            .unwrap_or("");
        if class.split(' ').any(|c| HALOED.contains(&c)) {
            // Hidden from screen readers, which read the label itself (once).
            let tag = element.split('>').next().unwrap_or("");
            let copy = if tag.contains(" aria-hidden=") {
                "<text class=\"halo "
            } else {
                "<text aria-hidden=\"true\" class=\"halo "
            };
            out.push_str(&element.replacen(OPEN, copy, 1));
        }
        out.push_str(element);
        rest = after;
    }
    out.push_str(rest);
    out
}

/// The light palette of a legend key's `data-c` value (the same hues as [`EXPORT_CSS`]).
fn hex(c: &str) -> &'static str {
    match c {
        "manufacturing" | "o0" => "#0072b2",
        "telecom" | "o1" => "#d55e00",
        "portal" | "o2" => "#009e73",
        "messenger" | "o3" => "#e69f00",
        "game" | "o4" => "#cc79a7",
        "startup" | "o5" => "#56b4e9",
        "it-services" | "o6" => "#b59b00",
        _ => "#555555",
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Space above the chart (title, then the caption's lines); below it, legend rows of
/// `LEGEND_ROW`, the marks key's lines and the credit line.
const SVG_TOP: f64 = 40.0;
const LEGEND_ROW: f64 = 18.0;
const CAPTION_LINE: f64 = 15.0;

/// What an exported picture says besides the chart, so that it stands on its own in an
/// article: what is shown (view, count, date, filters), the colours, and what the marks mean.
pub struct Caption {
    pub subtitle: String,
    pub keys: Vec<ColourKey>,
    pub marks: String,
}

/// `text` in lines no wider than `max_px`, broken at spaces.
fn wrap_words(text: &str, max_px: f64, font_px: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        match lines.last_mut() {
            Some(line)
                if crate::chart::labels::text_width(line, font_px)
                    + crate::chart::labels::text_width(word, font_px)
                    + font_px * 0.3
                    <= max_px =>
            {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// Lines of 11 px text from `y` down, `CAPTION_LINE` apart.
fn text_lines(lines: &[String], y: f64, fill: &str) -> String {
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        out.push_str(&format!(
            "<text x=\"16\" y=\"{}\" font-size=\"11\" fill=\"{fill}\">{}</text>",
            dp1(y + i as f64 * CAPTION_LINE),
            escape(line)
        ));
    }
    out
}

/// The legend under the chart: the colours shown, in rows that wrap at the chart's width.
/// Returns the markup and the number of rows (at least one, which may stay empty).
fn legend_rows(keys: &[ColourKey], width: f64, y0: f64) -> (String, usize) {
    let mut out = String::new();
    let (mut x, mut row) = (16.0, 0usize);
    for k in keys {
        let w = 24.0 + crate::chart::labels::text_width(&k.label, 11.0);
        if x > 16.0 && x + w > width - 8.0 {
            x = 16.0;
            row += 1;
        }
        let y = y0 + row as f64 * LEGEND_ROW;
        out.push_str(&format!(
            "<circle cx=\"{}\" cy=\"{}\" r=\"5\" fill=\"{}\"/><text x=\"{}\" y=\"{}\" font-size=\"11\">{}</text>",
            dp1(x + 5.0),
            dp1(y + 14.0),
            hex(k.c),
            dp1(x + 14.0),
            dp1(y + 18.0),
            escape(&k.label)
        ));
        x += w;
    }
    (out, row + 1)
}

/// Wraps already-serialised chart markup of `width × height` into a standalone document with
/// its caption; returns it with its total height.
pub fn wrap_svg(
    inner: &str,
    width: f64,
    height: f64,
    caption: &Caption,
    lang: Lang,
) -> (String, f64) {
    let room = width - 24.0;
    let sub_lines = wrap_words(&caption.subtitle, room, 11.0);
    let top = SVG_TOP + sub_lines.len() as f64 * CAPTION_LINE;
    let subtitle = text_lines(&sub_lines, SVG_TOP + 4.0, "#4a505c");
    let (legend, rows) = legend_rows(&caption.keys, width, height + top);
    let mark_lines = wrap_words(&caption.marks, room, 11.0);
    // Below the legend: the marks key's lines, then the credit line's baseline 8 px lower.
    let mut below = height + top + 16.0 + rows as f64 * LEGEND_ROW;
    let marks = text_lines(&mark_lines, below + 8.0, "#4a505c");
    below += mark_lines.len() as f64 * CAPTION_LINE;
    let total = below + 18.0;
    let svg = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{total}\" viewBox=\"0 0 {width} {total}\">\
<title>{title}</title><style>{EXPORT_CSS}</style><rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\
<text x=\"16\" y=\"26\" font-size=\"16\" font-weight=\"700\">{title}</text>{subtitle}\
<g transform=\"translate(0,{top})\">{inner}</g>{legend}{marks}\
<text x=\"16\" y=\"{src_y}\" font-size=\"10\" fill=\"#6b7280\">{credit}</text></svg>\n",
        title = escape(T::AppTitle.get(lang)),
        credit = escape(T::Credit.get(lang)),
        src_y = dp0(total - 10.0),
        top = dp0(top),
        width = dp0(width),
        total = dp0(total),
    );
    (svg, total)
}

/// The live chart serialised and wrapped with its width and height, or None when no chart is
/// on screen.
pub fn standalone_svg(caption: &Caption, lang: Lang) -> Option<(String, f64, f64)> {
    let doc = web_sys::window()?.document()?;
    let svg = doc.get_element_by_id(CHART_ID)?;
    let (width, height) = view_box_size(&svg)?;
    let inner = web_sys::XmlSerializer::new()
        .ok()?
        .serialize_to_string(&svg)
        .ok()?;
    let (svg, total) = wrap_svg(&with_halos(&inner), width, height, caption, lang);
    Some((svg, width.round(), total.round()))
}

fn view_box_size(svg: &web_sys::Element) -> Option<(f64, f64)> {
    let vb = svg.get_attribute("viewBox")?;
    let nums: Vec<f64> = vb
        .split_whitespace()
        .filter_map(|n| parse_decimal(n, 6))
        .collect();
    match nums.as_slice() {
        [_, _, w, h] if *w > 0.0 && *h > 0.0 => Some((*w, *h)),
        _ => None,
    }
}

/// Draws the standalone SVG on a 2× canvas and downloads it as PNG.
pub fn download_png(caption: &Caption, lang: Lang, name: String) {
    let Some((svg, w, h)) = standalone_svg(caption, lang) else {
        return;
    };
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let parts = js_sys::Array::of1(&JsValue::from_str(&svg));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("image/svg+xml");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let Ok(img) = web_sys::HtmlImageElement::new() else {
        return;
    };
    let Some(canvas) = doc
        .create_element("canvas")
        .ok()
        .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
    else {
        return;
    };
    canvas.set_width((w * 2.0) as u32);
    canvas.set_height((h * 2.0) as u32);
    let img2 = img.clone();
    let url2 = url.clone();
    let onload = Closure::once(move || {
        let _ = web_sys::Url::revoke_object_url(&url2);
        let Some(ctx) = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
        else {
            return;
        };
        let _ = ctx.scale(2.0, 2.0);
        let _ = ctx.draw_image_with_html_image_element(&img2, 0.0, 0.0);
        let done = Closure::once(move |blob: Option<web_sys::Blob>| {
            if let Some(blob) = blob {
                browser::download_blob(&name, &blob);
            }
        });
        let _ = canvas.to_blob_with_type(done.as_ref().unchecked_ref(), "image/png");
        done.forget();
    });
    img.set_onload(Some(onload.as_ref().unchecked_ref()));
    onload.forget();
    img.set_src(&url);
}

#[cfg(test)]
mod tests {
    #[test]
    fn labels_get_a_halo_copy_behind_them() {
        let inner = "<line/><text class=\"mark-label\" x=\"1\">엑사원 &amp; 1</text><text class=\"tick-label\">10</text><text class=\"lane-label\">제조</text>";
        assert_eq!(
            super::with_halos(inner),
            "<line/><text aria-hidden=\"true\" class=\"halo mark-label\" x=\"1\">엑사원 &amp; 1</text><text class=\"mark-label\" x=\"1\">엑사원 &amp; 1</text><text class=\"tick-label\">10</text><text aria-hidden=\"true\" class=\"halo lane-label\">제조</text><text class=\"lane-label\">제조</text>"
        );
        // A label already hidden from screen readers is not hidden twice (a malformed file).
        assert_eq!(
            super::with_halos("<text class=\"mark-label\" aria-hidden=\"true\">a</text>"),
            "<text class=\"halo mark-label\" aria-hidden=\"true\">a</text><text class=\"mark-label\" aria-hidden=\"true\">a</text>"
        );
        // An unclosed element (never drawn so) is left as it was.
        assert_eq!(
            super::with_halos("<g><text class=\"mark-label\">a"),
            "<g><text class=\"mark-label\">a"
        );
        assert!(!super::EXPORT_CSS.contains("paint-order"));
    }

    use super::*;

    #[test]
    fn wrapped_svg_is_standalone_with_title_legend_and_source() {
        let caption = Caption {
            subtitle: String::new(),
            keys: vec![ColourKey {
                label: "Telecom".into(),
                c: "telecom",
            }],
            marks: String::new(),
        };
        let (svg, total) = wrap_svg(
            "<svg id=\"atlas-chart\" viewBox=\"0 0 600 400\"></svg>",
            600.0,
            400.0,
            &caption,
            Lang::En,
        );
        assert!(svg.starts_with("<?xml"));
        assert!(svg.contains("xmlns=\"http://www.w3.org/2000/svg\""));
        assert_eq!(total, 492.0);
        assert!(svg.contains("height=\"492\""));
        assert!(svg.contains("<title>K-AI Atlas</title>"));
        assert!(svg.contains(
            "fill=\"#d55e00\"/><text x=\"30.0\" y=\"458.0\" font-size=\"11\">Telecom</text>"
        ));
        assert!(!svg.contains(">Portal</text>"), "only the colours shown");
        assert!(svg.contains("Sources: model cards"));
        assert!(svg.contains("<style>"));
    }

    #[test]
    fn legend_wraps_at_the_chart_width_and_grows_the_document() {
        let keys: Vec<ColourKey> = [
            "LG AI Research",
            "SK Telecom",
            "NAVER Cloud",
            "Upstage",
            "Kakao",
        ]
        .iter()
        .zip(["o0", "o1", "o2", "o3", "o4"])
        .map(|(l, c)| ColourKey {
            label: l.to_string(),
            c,
        })
        .collect();
        let caption = Caption {
            subtitle: String::new(),
            keys,
            marks: String::new(),
        };
        let (one_row, wide) = wrap_svg("", 1200.0, 400.0, &caption, Lang::En);
        let (rows, narrow) = wrap_svg("", 320.0, 400.0, &caption, Lang::En);
        assert_eq!(wide, 492.0);
        assert!(narrow >= wide + LEGEND_ROW, "{narrow}");
        let texts = |svg: &str| svg.matches("font-size=\"11\"").count();
        assert_eq!(texts(&one_row), 5);
        assert_eq!(texts(&rows), 5);
    }

    #[test]
    fn the_caption_says_what_is_shown_and_what_marks_mean_in_wrapped_lines() {
        let caption = Caption {
            subtitle: "Timeline · 6 models · As of: 22 Aug 2023 · Sector: Telecom".into(),
            keys: Vec::new(),
            marks: "Marks: ● open weights · ■ closed weights · ○ announced only".into(),
        };
        let (wide, tall) = wrap_svg("", 1200.0, 400.0, &caption, Lang::En);
        assert!(wide.contains(">Timeline · 6 models · As of: 22 Aug 2023 · Sector: Telecom</text>"));
        assert!(
            wide.contains(">Marks: ● open weights · ■ closed weights · ○ announced only</text>")
        );
        assert!(
            wide.contains("<g transform=\"translate(0,55)\">"),
            "the chart moves down one line"
        );
        assert_eq!(tall, 492.0 + 2.0 * CAPTION_LINE);
        let (narrow, taller) = wrap_svg("", 320.0, 400.0, &caption, Lang::En);
        assert!(taller > tall, "{taller}");
        for line in narrow
            .split("<text ")
            .filter(|t| t.contains("font-size=\"11\""))
        {
            let text = line
                .split('>')
                .nth(1)
                .and_then(|t| t.split('<').next())
                .unwrap_or("");
            assert!(
                crate::chart::labels::text_width(text, 11.0) <= 320.0 - 24.0,
                "{text}"
            );
        }
    }

    #[test]
    fn ghosts_stay_hollow_after_the_colour_rules() {
        // Same specificity: the later rule wins, so `.ghost` must come after the `.c-*` fills.
        let ghost = EXPORT_CSS.rfind(".ghost{fill:none").unwrap_or(0);
        assert!(ghost > EXPORT_CSS.rfind(".c-research").unwrap_or(usize::MAX));
    }
}

//! HTML: saved web pages become plain text before normalisation. Scripts,
//! styles, forms' widgets and navigation (`nav`, `header`, `footer`, and
//! elements whose class or id says nav, menu, breadcrumb, sidebar, share …)
//! are dropped; paragraphs, `<br>`, headings, list items and table cells each
//! end a line, so a table comes out one cell per line like the flattened
//! tables in plain-text copies. For an HTML document the "original" text that
//! positions and quotes refer to is this extracted text, not the markup.

use scraper::{Html, Node};
use std::path::Path;

/// Elements whose whole content is dropped: code, widgets, furniture, and
/// what a browser does not show as the page's text (`template`, `object`
/// fallbacks, `xmp` listings).
const DROPPED: [&str; 16] = [
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "iframe", "svg",
    "select", "button", "textarea", "object", "xmp", "embed",
];

/// Elements whose content the fallback reader (a page too deep to parse)
/// skips to their end tag.
const RAW_DROPPED: [&str; 5] = ["script", "style", "xmp", "template", "object"];

/// Elements that start and end a line.
const BLOCKS: [&str; 33] = [
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "tr",
    "td",
    "th",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "caption",
    "section",
    "article",
    "main",
    "blockquote",
    "pre",
    "title",
    "hr",
    "body",
    "figure",
    "figcaption",
];

/// Parts of a class or id (split at `-` and `_`) that mark navigation.
const NAVIGATION_PARTS: [&str; 11] = [
    "nav",
    "navbar",
    "menu",
    "breadcrumb",
    "crumb",
    "crumbs",
    "sidebar",
    "share",
    "topbar",
    "toolbar",
    "copyright",
];

/// Whole class or id tokens that mark page furniture.
const FURNITURE_TOKENS: [&str; 5] = ["header", "head", "footer", "foot", "bottom"];

/// Whether a file should be read as HTML: by extension, or by content that
/// starts with markup.
pub fn looks_like_html(path: &Path, text: &str) -> bool {
    let by_extension = path.extension().and_then(|x| x.to_str()).is_some_and(|x| {
        matches!(
            x.to_ascii_lowercase().as_str(),
            "htm" | "html" | "xhtml" | "shtml"
        )
    });
    let start = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    let mut chars = start.chars();
    let by_content = chars.next() == Some('<')
        && chars
            .next()
            .is_some_and(|c| c == '!' || c == '?' || c.is_ascii_alphabetic());
    by_extension || by_content
}

/// Nesting beyond which a page is not handed to the HTML parser: building
/// the tree takes time in the square of the depth (60 000 levels: 11 s),
/// and no real page comes near it.
pub const MAX_NESTING: usize = 4000;

/// Elements that never hold others or whose end tag is usually left out;
/// the nesting estimate does not count them.
const UNNESTED: [&str; 22] = [
    "br", "img", "hr", "input", "meta", "link", "area", "base", "col", "embed", "source", "track",
    "wbr", "param", "p", "li", "td", "th", "tr", "dt", "dd", "option",
];

/// The text of an HTML page, one block per line.
#[inline(never)]
pub fn extract_text(markup: &str) -> String {
    if nesting_estimate(markup) > MAX_NESTING {
        return strip_tags(markup);
    }
    let html = Html::parse_document(markup);
    let root = html.tree.root();
    let mut out = TextOut::default();
    // Open `<pre>` elements on the way down, so text need not look up its ancestors.
    let mut pre_depth = 0usize;
    let is_pre = |value: &Node| matches!(value, Node::Element(el) if el.name() == "pre");
    let mut next = root.first_child();
    while let Some(node) = next {
        let mut descend = true;
        match node.value() {
            Node::Element(el) => {
                let name = el.name();
                if DROPPED.contains(&name)
                    || is_hidden(el.attr("hidden"), el.attr("style"))
                    || is_navigation(el.id(), el.attr("class"))
                {
                    descend = false;
                } else if BLOCKS.contains(&name) {
                    out.end_line();
                }
            }
            Node::Text(text) => out.text(text, pre_depth > 0),
            _ => {}
        }
        if descend {
            if let Some(child) = node.first_child() {
                pre_depth += usize::from(is_pre(node.value()));
                next = Some(child);
                continue;
            }
        }
        // Leave this node and every ancestor that has no next sibling.
        let mut current = node;
        next = loop {
            if let Node::Element(el) = current.value() {
                if BLOCKS.contains(&el.name()) {
                    out.end_line();
                }
            }
            if let Some(sibling) = current.next_sibling() {
                break Some(sibling);
            }
            match current.parent() {
                Some(parent) if parent.id() != root.id() => {
                    pre_depth = pre_depth.saturating_sub(usize::from(is_pre(parent.value())));
                    current = parent;
                }
                _ => break None,
            }
        };
    }
    out.finish()
}

/// The deepest nesting of elements, counted from start and end tags without
/// parsing (elements that hold nothing or leave out their end tag are not
/// counted). An estimate, good enough to tell a page from a pathological one.
fn nesting_estimate(markup: &str) -> usize {
    let bytes = markup.as_bytes();
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut i = 0;
    while let Some(found) = bytes
        .get(i..)
        .and_then(|b| b.iter().position(|&c| c == b'<'))
    {
        let at = i + found + 1;
        let closing = bytes.get(at) == Some(&b'/');
        let name_start = at + usize::from(closing);
        let name_len = bytes
            .get(name_start..)
            .unwrap_or_default()
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        let name = markup
            .get(name_start..name_start + name_len)
            .unwrap_or_default();
        if name_len > 0 && !UNNESTED.iter().any(|u| u.eq_ignore_ascii_case(name)) {
            if closing {
                depth = depth.saturating_sub(1);
            } else {
                depth += 1;
                deepest = deepest.max(depth);
            }
        }
        i = name_start + name_len.max(1);
    }
    deepest
}

/// The text of a page too deeply nested to parse: tags removed, block tags
/// ending lines, the content of scripts and styles dropped, and the common
/// entities decoded.
fn strip_tags(markup: &str) -> String {
    let mut out = TextOut::default();
    let mut rest = markup;
    while let Some(open) = rest.find('<') {
        out.text(&decode_entities(&rest[..open]), false);
        let tag_end = rest[open..].find('>').map_or(rest.len(), |e| open + e + 1);
        let tag = &rest[open..tag_end];
        let name: String = tag
            .trim_start_matches(['<', '/'])
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        rest = &rest[tag_end..];
        if BLOCKS.contains(&name.as_str()) {
            out.end_line();
        }
        if !tag.starts_with("</") && RAW_DROPPED.contains(&name.as_str()) {
            let close = format!("</{name}");
            rest = find_ascii_caseless(rest, &close).map_or("", |at| &rest[at..]);
        }
    }
    out.text(&decode_entities(rest), false);
    out.finish()
}

/// Where `needle` (lower-case ASCII) first occurs in `haystack`, ignoring
/// ASCII case; linear, with no copy of the haystack.
fn find_ascii_caseless(haystack: &str, needle: &str) -> Option<usize> {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    let first = n.first()?;
    let mut from = 0;
    while let Some(at) = h[from..]
        .iter()
        .position(|b| b.to_ascii_lowercase() == *first)
    {
        let start = from + at;
        if h.len() - start >= n.len() && h[start..start + n.len()].eq_ignore_ascii_case(n) {
            return Some(start);
        }
        from = start + 1;
    }
    None
}

/// Whether an element is hidden from readers: the `hidden` attribute, or an
/// inline style of `display: none` or `visibility: hidden`.
fn is_hidden(hidden: Option<&str>, style: Option<&str>) -> bool {
    let style: String = style
        .unwrap_or_default()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    hidden.is_some() || style.contains("display:none") || style.contains("visibility:hidden")
}

/// `&nbsp;` `&lt;` `&gt;` `&quot;` `&#39;` and `&amp;` decoded.
fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    s.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

fn is_navigation(id: Option<&str>, class: Option<&str>) -> bool {
    id.into_iter()
        .chain(class.into_iter().flat_map(str::split_whitespace))
        .any(|token| {
            let token = token.to_ascii_lowercase();
            FURNITURE_TOKENS.contains(&token.as_str())
                || token
                    .split(['-', '_'])
                    .any(|part| NAVIGATION_PARTS.contains(&part))
        })
}

/// The text being written: whitespace collapsed as a browser would, lines
/// ended at block boundaries, no empty lines.
#[derive(Default)]
struct TextOut {
    text: String,
    pending_space: bool,
}

impl TextOut {
    fn end_line(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push('\n');
        }
        self.pending_space = false;
    }

    fn text(&mut self, s: &str, preformatted: bool) {
        // Runs between ASCII whitespace are copied whole: only ASCII bytes
        // can be ASCII whitespace, so every run is whole characters.
        let mut rest = s;
        while !rest.is_empty() {
            let run = rest
                .bytes()
                .position(|b| b.is_ascii_whitespace())
                .unwrap_or(rest.len());
            if run > 0 {
                if self.pending_space && !self.text.is_empty() && !self.text.ends_with('\n') {
                    self.text.push(' ');
                }
                self.pending_space = false;
                self.text.push_str(rest.get(..run).unwrap_or_default());
            }
            let Some(space) = rest.as_bytes().get(run) else {
                break;
            };
            if preformatted && *space == b'\n' {
                self.end_line();
            } else {
                self.pending_space = true;
            }
            rest = rest.get(run + 1..).unwrap_or_default();
        }
    }

    fn finish(mut self) -> String {
        self.end_line();
        self.text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = include_str!("../../fixtures/html/baiyun-2021-h1-page.html");

    /// The text of `pieces` written one character at a time, as a browser
    /// collapses whitespace: what `TextOut::text` must equal.
    fn by_characters(pieces: &[(&str, bool)]) -> String {
        let (mut text, mut pending) = (String::new(), false);
        for (s, preformatted) in pieces {
            for c in s.chars() {
                if *preformatted && c == '\n' {
                    if !text.is_empty() && !text.ends_with('\n') {
                        text.push('\n');
                    }
                    pending = false;
                } else if c.is_ascii_whitespace() {
                    pending = true;
                } else {
                    if pending && !text.is_empty() && !text.ends_with('\n') {
                        text.push(' ');
                    }
                    pending = false;
                    text.push(c);
                }
            }
        }
        text
    }

    #[test]
    fn text_runs_collapse_whitespace_as_characters_do() {
        let pieces: [&[(&str, bool)]; 5] = [
            &[
                ("  新增公办学位\n 1.3万个。\t", false),
                ("完成 ", false),
                ("率", false),
            ],
            &[("表1\n  指标\r\n\n年度", true), (" 目标 ", false)],
            &[(" ", false), ("\u{3000}全角空格不折叠\u{a0}", false)],
            &[("", false), ("\n\n", true), ("a", false)],
            &[("x\x0cy", false), ("  ", true), ("z\n", true)],
        ];
        for case in pieces {
            let mut out = TextOut::default();
            for (s, preformatted) in case {
                out.text(s, *preformatted);
            }
            assert_eq!(out.text, by_characters(case), "{case:?}");
        }
    }

    #[test]
    fn navigation_scripts_and_furniture_are_dropped() {
        let text = extract_text(PAGE);
        for furniture in [
            "首页",
            "无障碍",
            "粤ICP备",
            "统计代码",
            "initShare",
            "font-family",
            "相关信息",
            "微博",
        ] {
            assert!(!text.contains(furniture), "{furniture} kept in:\n{text}");
        }
        assert!(
            text.starts_with("广州市白云区人民政府关于2021年上半年"),
            "{text}"
        );
    }

    #[test]
    fn hidden_content_is_not_report_text() {
        let page = "<html><body><p>新增中小学学位5200个</p>\
            <p hidden>隐藏一</p><div style=\"DISPLAY : none\">隐藏二</div>\
            <span style=\"visibility:hidden\">隐藏三</span>\
            <object data=x>隐藏四</object><xmp>隐藏五</xmp>\
            <template><p>隐藏六</p></template></body></html>";
        let text = extract_text(page);
        assert!(text.contains("5200"), "{text}");
        assert!(!text.contains("隐藏"), "{text}");
        let deep = format!(
            "{}<xmp>隐藏</XMP><p>留下</p>{}",
            "<div>".repeat(5000),
            "</div>".repeat(5000)
        );
        let text = extract_text(&deep);
        assert!(text.contains("留下") && !text.contains("隐藏"), "{text}");
    }

    #[test]
    fn blocks_and_cells_get_their_own_lines() {
        let text = extract_text(PAGE);
        assert!(
            text.contains(
                "\n指标\n年度预期目标\n上半年完成情况\n1.地区生产总值\n增长7%以上\n增长20.2%\n"
            ),
            "{text}"
        );
        assert!(
            text.contains("\n——2021年7月26日在广州市白云区\n第十六届人大常委会第六十五次会议上\n")
        );
        assert!(text.contains("\n一、上半年国民经济和社会发展计划执行情况\n"));
        assert!(!text.contains("\n\n"));
    }

    #[test]
    fn detection_by_extension_or_markup() {
        assert!(looks_like_html(Path::new("a.HTM"), "plain"));
        assert!(looks_like_html(
            Path::new("a.txt"),
            "\u{FEFF}  <!DOCTYPE html><html>"
        ));
        assert!(!looks_like_html(Path::new("a.txt"), "<2021年>报告"));
        assert!(!looks_like_html(Path::new("a.txt"), "广州市白云区"));
    }

    #[test]
    fn a_pathologically_deep_page_is_read_without_the_parser() {
        let deep = format!(
            "<html><body><script>var x = '<div>';</script>{}<p>新增中小学学位5200个&nbsp;</p>{}</body></html>",
            "<div>".repeat(MAX_NESTING + 10),
            "</div>".repeat(MAX_NESTING + 10)
        );
        assert!(nesting_estimate(&deep) > MAX_NESTING);
        assert_eq!(extract_text(&deep), "新增中小学学位5200个\n");
        assert!(nesting_estimate(PAGE) < 100);
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let deep = "<div>".repeat(2_000) + "深处" + &"</div>".repeat(2_000);
        assert_eq!(extract_text(&deep).trim(), "深处");
    }
}

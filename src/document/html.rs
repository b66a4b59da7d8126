//! HTML: saved web pages become plain text before normalisation. Scripts,
//! styles, forms' widgets and navigation (`nav`, `header`, `footer`, and
//! elements whose class or id says nav, menu, breadcrumb, sidebar, share …)
//! are dropped; paragraphs, `<br>`, headings, list items and table cells each
//! end a line, so a table comes out one cell per line like the flattened
//! tables in plain-text copies. For an HTML document the "original" text that
//! positions and quotes refer to is this extracted text, not the markup.

use scraper::{Html, Node};
use std::path::Path;

/// Elements whose whole content is dropped.
const DROPPED: [&str; 13] = [
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "iframe", "svg",
    "select", "button", "textarea",
];

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

/// The text of an HTML page, one block per line.
pub fn extract_text(markup: &str) -> String {
    let html = Html::parse_document(markup);
    let root = html.tree.root();
    let mut out = TextOut::default();
    let mut next = root.first_child();
    while let Some(node) = next {
        let mut descend = true;
        match node.value() {
            Node::Element(el) => {
                let name = el.name();
                if DROPPED.contains(&name) || is_navigation(el.id(), el.attr("class")) {
                    descend = false;
                } else if BLOCKS.contains(&name) {
                    out.end_line();
                }
            }
            Node::Text(text) => {
                let preformatted = node
                    .ancestors()
                    .any(|a| matches!(a.value(), Node::Element(el) if el.name() == "pre"));
                out.text(text, preformatted);
            }
            _ => {}
        }
        if descend {
            if let Some(child) = node.first_child() {
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
                Some(parent) if parent.id() != root.id() => current = parent,
                _ => break None,
            }
        };
    }
    out.finish()
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
        for c in s.chars() {
            if preformatted && c == '\n' {
                self.end_line();
            } else if c.is_ascii_whitespace() {
                self.pending_space = true;
            } else {
                if self.pending_space && !self.text.is_empty() && !self.text.ends_with('\n') {
                    self.text.push(' ');
                }
                self.pending_space = false;
                self.text.push(c);
            }
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
    fn deep_nesting_does_not_overflow() {
        let deep = "<div>".repeat(2_000) + "深处" + &"</div>".repeat(2_000);
        assert_eq!(extract_text(&deep).trim(), "深处");
    }
}

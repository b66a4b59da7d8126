//! The one escaping function of the report page: every piece of text that
//! came from a document, a file name or a rule goes through [`Text`].

use std::fmt;

/// Text escaped for HTML content and quoted attribute values. Control
/// characters and Unicode noncharacters (which a validator rejects and a
/// hostile file may carry) become a space or U+FFFD.
#[derive(Debug, Clone, Copy)]
pub struct Text<'a>(pub &'a str);

impl fmt::Display for Text<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.0;
        let mut from = 0;
        for (i, c) in s.char_indices() {
            let replacement = match c {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                '\n' | '\t' => continue,
                c if c.is_control() => " ",
                c if is_noncharacter(c) => "\u{FFFD}",
                _ => continue,
            };
            f.write_str(&s[from..i])?;
            f.write_str(replacement)?;
            from = i + c.len_utf8();
        }
        f.write_str(&s[from..])
    }
}

/// U+FDD0–U+FDEF and the last two code points of every plane.
fn is_noncharacter(c: char) -> bool {
    let u = c as u32;
    (0xFDD0..=0xFDEF).contains(&u) || (u & 0xFFFE) == 0xFFFE
}

#[cfg(test)]
mod tests {
    use super::Text;

    #[test]
    fn markup_quotes_and_controls_are_neutralised() {
        let s = Text("<script>alert('x')</script> & \"\u{1b}[31m\u{FFFF}").to_string();
        assert_eq!(
            s,
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot; [31m\u{FFFD}"
        );
        assert_eq!(Text("新增学位5200个").to_string(), "新增学位5200个");
    }
}

//! Full-width characters that a Chinese input method types in place of ASCII
//! punctuation, digits and letters, each with its ASCII twin.

/// The ASCII twin of a full-width character, and the catalogue word that names
/// the character; `None` for every other character.
pub fn twin(c: char) -> Option<(String, &'static str)> {
    let (ascii, name) = match c {
        '：' => (":", "full-width-colon"),
        '，' => (",", "full-width-comma"),
        '；' => (";", "full-width-semicolon"),
        '（' => ("(", "full-width-open-paren"),
        '）' => (")", "full-width-close-paren"),
        '【' => ("[", "full-width-open-bracket"),
        '】' => ("]", "full-width-close-bracket"),
        '“' => ("\"", "full-width-open-quote"),
        '”' => ("\"", "full-width-close-quote"),
        '‘' => ("'", "full-width-open-single-quote"),
        '’' => ("'", "full-width-close-single-quote"),
        '－' => ("-", "full-width-minus"),
        '→' => ("->", "full-width-arrow"),
        '＞' => (">", "full-width-greater"),
        '＜' => ("<", "full-width-less"),
        '＝' => ("=", "full-width-equals"),
        '\u{3000}' => (" ", "full-width-space"),
        // The full-width forms of `0`–`9`, `A`–`Z` and `a`–`z` sit 0xFEE0 above them.
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => {
            let ascii = char::from_u32(c as u32 - 0xFEE0)?;
            let name = if ascii.is_ascii_digit() {
                "full-width-digit"
            } else {
                "full-width-letter"
            };
            return Some((ascii.to_string(), name));
        }
        _ => return None,
    };
    Some((ascii.to_string(), name))
}

/// Whether a byte can start one of the characters [`twin`] knows (all are three
/// bytes long in UTF-8: U+2018–U+2192, U+3000–U+3011, U+FF08–U+FF5A).
pub const fn may_start(byte: u8) -> bool {
    matches!(byte, 0xE2 | 0xE3 | 0xEF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_twin_is_ascii_and_every_lead_byte_is_known() {
        let chars = "：，；（）【】“”‘’－→＞＜＝\u{3000}０９ＡＺａｚ";
        for c in chars.chars() {
            let (ascii, _) = twin(c).unwrap_or_else(|| panic!("{c}"));
            assert!(ascii.is_ascii(), "{c}");
            let mut bytes = [0; 4];
            assert!(may_start(c.encode_utf8(&mut bytes).as_bytes()[0]), "{c}");
        }
        assert_eq!(twin('５').unwrap().0, "5");
        assert_eq!(twin('ｂ').unwrap().0, "b");
        assert_eq!(twin('→').unwrap().0, "->");
        for other in ['中', '新', ':', '。', '、', 'a'] {
            assert!(twin(other).is_none(), "{other}");
        }
    }
}

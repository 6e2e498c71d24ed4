//! `file:` URIs ⇄ paths, for a project's files: the loader reads paths, the editor
//! names documents by URI (percent-encoded: `新客.journey` arrives as
//! `%E6%96%B0%E5%AE%A2.journey`).

use lsp_types::Uri;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// The path of a `file:` URI; `None` for another scheme (`untitled:`), whose
/// document is checked alone.
pub fn to_path(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    // `file://localhost/p` and `file:///p`: the authority, if any, is skipped.
    let path = &rest[rest.find('/')?..];
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let bytes = decode(path)?;
    String::from_utf8(bytes).ok().map(PathBuf::from)
}

/// The `file:` URI of an absolute path, every byte but the unreserved ones and `/`
/// percent-encoded (in upper case, as VS Code writes them).
pub fn from_path(path: &Path) -> Option<Uri> {
    let mut out = String::from("file://");
    for &b in path.to_string_lossy().as_bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    Uri::from_str(&out).ok()
}

fn decode(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_paths_round_trip_through_percent_encoding() {
        let uri = Uri::from_str("file:///work/%E6%96%B0%E5%AE%A2.journey").unwrap();
        let path = to_path(&uri).unwrap();
        assert_eq!(path, Path::new("/work/新客.journey"));
        assert_eq!(from_path(&path).unwrap(), uri);
        let spaced = from_path(Path::new("/a b/c.journey")).unwrap();
        assert_eq!(spaced.as_str(), "file:///a%20b/c.journey");
        assert_eq!(to_path(&spaced).unwrap(), Path::new("/a b/c.journey"));
        let host = Uri::from_str("file://localhost/x.journey").unwrap();
        assert_eq!(to_path(&host).unwrap(), Path::new("/x.journey"));
        assert_eq!(
            to_path(&Uri::from_str("untitled:Untitled-1").unwrap()),
            None
        );
    }
}

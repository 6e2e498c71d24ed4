//! Annotated test inputs: `$0` marks the cursor.

use super::Document;
use crate::source::Span;

pub struct Fixture {
    pub doc: Document,
    pub cursor: usize,
}

impl Fixture {
    pub fn new(annotated: &str) -> Fixture {
        let cursor = annotated.find("$0").expect("the fixture has a `$0` cursor");
        Fixture {
            doc: Document::new(annotated.replacen("$0", "", 1)),
            cursor,
        }
    }

    /// The texts of `spans`, for readable assertions.
    pub fn texts(&self, spans: &[Span]) -> Vec<&str> {
        spans.iter().map(|s| self.doc.slice(*s)).collect()
    }
}

//! Go to definition and find references.

use super::Document;
use crate::source::Span;

/// The name span of the declaration of the name at `offset`.
pub fn definition(doc: &Document, offset: usize) -> Option<Span> {
    let (def, _) = doc.index.at(offset)?;
    Some(doc.index.defs[def].name_span)
}

/// Every use of the name at `offset`, in file order, with its declaration first
/// when `include_declaration` is set.
pub fn references(doc: &Document, offset: usize, include_declaration: bool) -> Vec<Span> {
    let Some((def, _)) = doc.index.at(offset) else {
        return Vec::new();
    };
    let declaration = include_declaration.then_some(doc.index.defs[def].name_span);
    declaration
        .into_iter()
        .chain(doc.index.references(def))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::fixture::Fixture;
    use super::*;

    const TWO_JOURNEYS: &str = "\
tag persona: enum { 白领, 宝妈 }
event signup
journey a {
  entry on signup
  stage 新手 { on signup -> 老客 }
  stage 老客 { after 1d if persona == 白领: goto 新手 }
}
journey b {
  entry on signup if persona in [白领, 宝妈]
  stage 新手 { when in stage 老客 -> 老客 }
  stage 老客 { }
}
population p {
  arrivals signup over 1d
  tag persona: 白领 50%, 宝妈 50%
}
";

    fn at(marked: &str) -> Fixture {
        let plain = marked.replace('|', "");
        Fixture::new(&TWO_JOURNEYS.replacen(&plain, &marked.replace('|', "$0"), 1))
    }

    #[test]
    fn names_in_journey_wide_rules_resolve_and_hover() {
        let f = Fixture::new(
            "event e\ntag vip: bool\njourney j {\n  entry on e\n  on e unless v$0ip -> 老客\n  stage 新手 { }\n  stage 老客 { }\n}\n",
        );
        assert_eq!(f.doc.slice(definition(&f.doc, f.cursor).unwrap()), "vip");
        assert!(crate::ide::hover(&f.doc, f.cursor).is_some());
        let f = Fixture::new(
            "event e\njourney j {\n  entry on e\n  on e -> 老$0客\n  stage 新手 { }\n  stage 老客 { }\n}\n",
        );
        let def = definition(&f.doc, f.cursor).unwrap();
        assert_eq!(f.doc.slice(def), "老客");
        assert!(def.start > f.doc.text().find("stage 新手").unwrap());
        assert_eq!(references(&f.doc, f.cursor, true).len(), 2);
    }

    #[test]
    fn stages_resolve_within_their_journey() {
        let f = at("when in stage 老|客");
        let def = definition(&f.doc, f.cursor).unwrap();
        let b = f.doc.text().find("journey b").unwrap();
        assert!(def.start > b && f.doc.slice(def) == "老客");
        assert_eq!(
            references(&f.doc, f.cursor, false).len(),
            2,
            "`in stage 老客` and `-> 老客` in journey b only"
        );
    }

    #[test]
    fn references_span_segments_rules_and_populations() {
        let f = at("tag per|sona");
        let refs = references(&f.doc, f.cursor, true);
        assert_eq!(f.texts(&refs), ["persona"; 4]);
        let f = at("== 白|领");
        let refs = references(&f.doc, f.cursor, true);
        assert_eq!(f.texts(&refs), ["白领"; 4]);
        assert_eq!(f.doc.slice(definition(&f.doc, f.cursor).unwrap()), "白领");
        assert!(definition(&f.doc, f.cursor).unwrap().start < 30);
    }

    #[test]
    fn a_cursor_right_after_a_name_counts() {
        let f = at("entry on signup| if");
        assert_eq!(references(&f.doc, f.cursor, false).len(), 4);
    }

    /// The index is the checker's resolution: in a journey declared twice, each
    /// journey's stage names still mean its own stages (a second resolver that
    /// looked journeys up by name sent them to the first journey's).
    #[test]
    fn a_journey_declared_twice_keeps_its_own_stages() {
        let f = Fixture::new(
            "event e\njourney j {\n  entry on e\n  stage 新手 { }\n}\njourney j {\n  entry on e\n  stage 老客 { after 1d -> 新$0手 }\n  stage 新手 { }\n}\n",
        );
        let def = definition(&f.doc, f.cursor).unwrap();
        let second = f.doc.text().rfind("journey j").unwrap();
        assert!(def.start > second, "the second journey's own stage");
        assert_eq!(f.doc.slice(def), "新手");
    }

    /// A broken file's index is the checker's resolution of the recovered AST.
    #[test]
    fn a_broken_file_resolves_through_the_checker() {
        let f = Fixture::new(
            "tag 已付费: bool\njourney j {\n  entry when 已付$0费\n  stage a {\n    on enter: send\n  }\n}\n",
        );
        assert!(f.doc.parsed.has_errors());
        let refs = references(&f.doc, f.cursor, false);
        assert_eq!(f.texts(&refs), ["已付费"]);
        let table = crate::check::resolve(f.doc.ast());
        assert_eq!(table.refs().count(), f.doc.index.refs.len());
    }

    #[test]
    fn nothing_between_names() {
        let f = at("over| 1d");
        assert!(definition(&f.doc, f.cursor).is_none());
        assert!(references(&f.doc, f.cursor, true).is_empty());
    }
}

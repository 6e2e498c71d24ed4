//! Rename a declared name and every reference to it.

use super::index::parent_of;
use super::Document;
use crate::check;
use crate::i18n::Lang;
use crate::source::Span;
use crate::syntax::{self, ast, RESERVED};

/// Replace `span` with `text`.
#[derive(Clone, Debug, PartialEq)]
pub struct Edit {
    pub span: Span,
    pub text: String,
}

/// The span of the renamable name at `offset`.
pub fn prepare_rename(doc: &Document, offset: usize) -> Option<Span> {
    doc.index.at(offset).map(|(_, span)| span)
}

/// The edits that rename the name at `offset` to `new_name`, or why not.
pub fn rename(doc: &Document, offset: usize, new_name: &str) -> Result<Vec<Edit>, String> {
    let (id, _) = doc
        .index
        .at(offset)
        .ok_or("there is no declared name here to rename")?;
    let def = &doc.index.defs[id];
    if RESERVED.contains(&new_name) {
        return Err(format!("`{new_name}` is a keyword and cannot be a name"));
    }
    if !is_name(new_name) {
        return Err(format!(
            "`{new_name}` is not a valid name: use letters, digits and `_`, not starting with a digit"
        ));
    }
    if new_name != &*def.name
        && doc
            .index
            .lookup(def.kind, parent_of(def), new_name)
            .is_some()
    {
        return Err(format!(
            "a {} named `{new_name}` already exists",
            def.kind.as_str()
        ));
    }
    let spans = std::iter::once(def.name_span).chain(doc.index.references(id));
    let edits: Vec<Edit> = spans
        .map(|span| Edit {
            span,
            text: new_name.to_string(),
        })
        .collect();
    unbroken(doc.text(), &edits)?;
    Ok(edits)
}

/// `Err` when `edits` would make a file that checks fail: names in two lists that
/// must agree, as the variants of an enum field and of a tag set from it
/// (`tag 风格 = 下单.风格`), are renamed one list at a time.
fn unbroken(text: &str, edits: &[Edit]) -> Result<(), String> {
    if check::check_source(text).has_errors() {
        return Ok(());
    }
    let mut edits = edits.to_vec();
    edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
    let mut out = text.to_string();
    for e in edits {
        out.replace_range(e.span.start..e.span.end, &e.text);
    }
    let after = check::check_source(&out);
    match after.diagnostics.iter().find(|d| d.is_error()) {
        Some(d) => Err(format!(
            "after this rename the file would no longer check: {}",
            d.words(Lang::En).message
        )),
        None => Ok(()),
    }
}

/// Whether `name` can be written bare where a name is expected (no backticks).
pub fn is_name(name: &str) -> bool {
    let parsed = syntax::parse(&format!("event {name}"));
    parsed.diagnostics.is_empty()
        && matches!(parsed.ast.items.as_slice(), [ast::Item::Event(e)]
            if e.name.name == name && e.name.span.len() == name.len())
}

#[cfg(test)]
mod tests {
    use super::super::fixture::Fixture;
    use super::*;

    const SRC: &str = "\
touchpoint wecom { channel wecom }
touchpoint sms { channel sms }
event signup
journey j {
  entry on signup
  stage s { on enter: send we$0com \"hi\"  after 1d: split { 50% A: send wecom \"a\" 50% B: send sms \"b\" } }
}
";

    fn apply(text: &str, mut edits: Vec<Edit>) -> String {
        let mut out = text.to_string();
        edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
        for e in edits {
            out.replace_range(e.span.start..e.span.end, &e.text);
        }
        out
    }

    #[test]
    fn renames_the_declaration_and_every_use() {
        let f = Fixture::new(SRC);
        assert_eq!(
            f.doc.slice(prepare_rename(&f.doc, f.cursor).unwrap()),
            "wecom"
        );
        let edits = rename(&f.doc, f.cursor, "企业微信").unwrap();
        let out = apply(f.doc.text(), edits);
        assert!(
            out.starts_with("touchpoint 企业微信 { channel wecom }"),
            "{out}"
        );
        assert_eq!(out.matches("send 企业微信").count(), 2, "{out}");
        assert!(!crate::check::check_source(&out).has_errors());
    }

    #[test]
    fn renames_a_journey_where_enter_names_it() {
        let src =
            "event e\njourney 新客 {\n  entry on e\n  stage s { after 7d: enter 复$0购 }\n}\n\
                   journey 复购 {\n  entry on e\n  stage t { after 1d: enter 新客 }\n}\n";
        let f = Fixture::new(src);
        let def = super::super::navigate::definition(&f.doc, f.cursor).unwrap();
        assert!(f.doc.text()[def.start..].starts_with("复购 {"));
        let out = apply(f.doc.text(), rename(&f.doc, f.cursor, "老客").unwrap());
        assert_eq!(out.matches("老客").count(), 2, "{out}");
        assert!(
            out.contains("enter 老客") && out.contains("journey 老客"),
            "{out}"
        );
        assert!(!crate::check::check_source(&out).has_errors(), "{out}");
    }

    #[test]
    fn renames_an_event_field_where_rules_read_it() {
        let src = "tag 品: enum { 彩妆, 护肤 }\nevent 下单 { 品类: enum { 彩妆, 护肤 } }\n\
                   journey j {\n  entry on 下单 if 下单.品类 == 彩妆\n  \
                   stage s { on 下单: tag 品 = 下单.品$0类 }\n}\n";
        let f = Fixture::new(src);
        let def = super::super::navigate::definition(&f.doc, f.cursor).unwrap();
        assert!(f.doc.text()[def.start..].starts_with("品类: enum"));
        let out = apply(f.doc.text(), rename(&f.doc, f.cursor, "类目").unwrap());
        assert_eq!(out.matches("类目").count(), 3, "{out}");
        assert!(out.contains("tag 品 = 下单.类目"), "{out}");
        assert!(!crate::check::check_source(&out).has_errors(), "{out}");
    }

    #[test]
    fn renames_a_named_split_and_refuses_a_clash() {
        let src = "event e\njourney j {\n  entry on e\n  stage s {\n    \
                   after 1d: split 券型$0实验 { 50% A: exit  50% B: exit }\n    \
                   after 2d: split 文案实验 { 50% A: exit  50% B: exit }\n  }\n}\n";
        let f = Fixture::new(src);
        let out = apply(
            f.doc.text(),
            rename(&f.doc, f.cursor, "首单券实验").unwrap(),
        );
        assert!(out.contains("split 首单券实验 {"), "{out}");
        assert!(!crate::check::check_source(&out).has_errors(), "{out}");
        let err = rename(&f.doc, f.cursor, "文案实验").unwrap_err();
        assert!(
            err.contains("a split named `文案实验` already exists"),
            "{err}"
        );
        // a stage's name is another kind: no clash
        assert!(rename(&f.doc, f.cursor, "s").is_ok());
    }

    #[test]
    fn backticked_names_become_bare() {
        let f = Fixture::new("event `sign up`\ntag t: bool\nsegment x = did `sign$0 up`\n");
        let out = apply(f.doc.text(), rename(&f.doc, f.cursor, "signup").unwrap());
        assert_eq!(out, "event signup\ntag t: bool\nsegment x = did signup\n");
    }

    #[test]
    fn rejects_keywords_invalid_names_and_clashes() {
        let f = Fixture::new(SRC);
        for (name, why) in [
            ("send", "keyword"),
            ("1st", "not a valid name"),
            ("a b", "not a valid name"),
            ("`x`", "not a valid name"),
            ("", "not a valid name"),
            ("sms", "a touchpoint named `sms` already exists"),
        ] {
            let err = rename(&f.doc, f.cursor, name).unwrap_err();
            assert!(err.contains(why), "{name}: {err}");
        }
        assert!(rename(&f.doc, 0, "x").is_err());
    }
}

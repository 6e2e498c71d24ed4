//! Hover, definition, rename and completion of enum variants — a tag's and an enum
//! field's — wherever the file writes them: conditions, tag actions, populations' tag
//! and field distributions, and comparisons of event fields.

use super::fixture::Fixture;
use super::{definition, hover, rename, Document};
use crate::source::Span;

/// One file using both kinds of variant everywhere; `$0` is put at each `@` in turn.
const FILE: &str = "\
tag 风格: enum { 商务风, 休闲风 }
event 下单 { 金额: number, 品类: enum { 美妆, 母婴 } }
touchpoint wecom { channel wecom }
journey j {
  timezone \"UTC\"
  entry on 下单 if 下单.品类 == @美妆
  stage s {
    after 1d if 风格 == @商务风: send wecom \"a\"
    on 下单 if 下单.品类 != @母婴: tag 风格 = @休闲风
  }
}
population p {
  size 10
  start 2026-03-02
  days 30
  arrivals 下单 over 7d
  tag 风格: @商务风 60%, 休闲风 40%
  behavior 下单 {
    rate 1% per day
    品类: 美妆 50%, @母婴 50%
  }
}
";

/// The fixture with the cursor at the `n`th `@` (the others removed).
fn at(n: usize) -> Fixture {
    let parts: Vec<&str> = FILE.split('@').collect();
    assert!(n + 1 < parts.len(), "no @ number {n}");
    let mut annotated = String::new();
    for (i, part) in parts.iter().enumerate() {
        if i == n + 1 {
            annotated.push_str("$0");
        }
        annotated.push_str(part);
    }
    Fixture::new(&annotated)
}

fn apply(doc: &Document, mut edits: Vec<super::rename::Edit>) -> String {
    let mut out = doc.text().to_string();
    edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
    for e in edits {
        out.replace_range(e.span.start..e.span.end, &e.text);
    }
    out
}

fn line_of(doc: &Document, span: Span) -> &str {
    let text = doc.text();
    let start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let end = text[span.start..]
        .find('\n')
        .map_or(text.len(), |i| span.start + i);
    &text[start..end]
}

#[test]
fn the_file_checks() {
    let f = at(0);
    let checked = crate::check::check_source(f.doc.text());
    assert!(!checked.has_errors(), "{:#?}", checked.diagnostics);
}

#[test]
fn hover_on_a_tag_variant_shows_the_tag_and_its_variants() {
    for n in [1, 3, 4] {
        let f = at(n);
        let h = hover(&f.doc, f.cursor).expect("a hover");
        assert!(
            h.markdown.contains("tag 风格: enum { 商务风, 休闲风 }"),
            "{n}: {}",
            h.markdown
        );
        assert!(h.markdown.contains("variant of tag `风格`"), "{n}");
    }
}

#[test]
fn hover_on_a_field_variant_shows_the_field_and_its_variants() {
    for n in [0, 2, 5] {
        let f = at(n);
        let h = hover(&f.doc, f.cursor).expect("a hover");
        let md = &h.markdown;
        assert!(md.contains("variant of field `下单.品类`"), "{n}: {md}");
        assert!(md.contains("type: `enum { 美妆, 母婴 }`"), "{n}: {md}");
        assert!(md.contains("event 下单 {"), "{n}: {md}");
    }
}

#[test]
fn definition_jumps_to_the_variant_in_its_declaration() {
    for (n, line, name) in [
        (0, 1, "美妆"),
        (1, 0, "商务风"),
        (2, 1, "母婴"),
        (3, 0, "休闲风"),
        (4, 0, "商务风"),
        (5, 1, "母婴"),
    ] {
        let f = at(n);
        let def = definition(&f.doc, f.cursor).unwrap_or_else(|| panic!("{n}: no definition"));
        assert_eq!(f.doc.slice(def), name, "{n}");
        assert_eq!(line_of(&f.doc, def), FILE.lines().nth(line).unwrap(), "{n}");
    }
}

#[test]
fn renaming_a_tag_variant_renames_every_use() {
    let f = at(1);
    let out = apply(&f.doc, rename(&f.doc, f.cursor, "通勤风").unwrap());
    assert!(
        out.starts_with("tag 风格: enum { 通勤风, 休闲风 }"),
        "{out}"
    );
    assert!(out.contains("if 风格 == 通勤风:"), "{out}");
    assert!(out.contains("tag 风格: 通勤风 60%"), "{out}");
    // The field's variants are another list.
    assert!(out.contains("品类: enum { 美妆, 母婴 }"), "{out}");
    assert!(!crate::check::check_source(&out).has_errors(), "{out}");
}

#[test]
fn renaming_a_field_variant_renames_every_use() {
    let f = at(2);
    let out = apply(&f.doc, rename(&f.doc, f.cursor, "母婴用品").unwrap());
    assert!(out.contains("品类: enum { 美妆, 母婴用品 }"), "{out}");
    assert!(out.contains("下单.品类 != 母婴用品"), "{out}");
    assert!(out.contains("品类: 美妆 50%, 母婴用品 50%"), "{out}");
    assert_eq!(out.matches("母婴").count(), 3, "{out}");
    assert!(!crate::check::check_source(&out).has_errors(), "{out}");
}

#[test]
fn renaming_a_variant_to_a_sibling_is_refused() {
    let f = at(1);
    let err = rename(&f.doc, f.cursor, "休闲风").unwrap_err();
    assert!(
        err.contains("a variant named `休闲风` already exists"),
        "{err}"
    );
    let f = at(0);
    let err = rename(&f.doc, f.cursor, "母婴").unwrap_err();
    assert!(
        err.contains("a variant named `母婴` already exists"),
        "{err}"
    );
    // Another list's name is no clash: a field's variant may share a tag's.
    assert!(rename(&f.doc, f.cursor, "商务风").is_ok());
}

/// `tag 风格 = 下单.风格` needs every variant of the field among the tag's: renaming
/// one side alone would break the file, so it is refused.
#[test]
fn a_rename_that_breaks_a_tag_set_from_a_field_is_refused() {
    let f = Fixture::new(
        "tag 风格: enum { 商务风, 休闲风 }\nevent 下单 { 风格: enum { 商$0务风 } }\n\
         journey j {\n  entry on 下单\n  stage s { on 下单: tag 风格 = 下单.风格 }\n}\n",
    );
    let err = rename(&f.doc, f.cursor, "通勤风").unwrap_err();
    assert!(err.contains("would no longer check"), "{err}");
}

#[test]
fn completion_offers_a_field_variants_where_a_value_goes() {
    let labels = |n: usize, from: &str, to: &str| {
        let f = at(n);
        let text = f.doc.text().replacen(from, to, 1);
        let f = Fixture::new(&text);
        let items = super::completion(&f.doc, f.cursor).items;
        items.into_iter().map(|c| c.label).collect::<Vec<_>>()
    };
    assert_eq!(labels(0, "== 美妆", "== $0"), ["美妆", "母婴"]);
    assert_eq!(labels(0, "!= 母婴", "!= $0"), ["美妆", "母婴"]);
    assert_eq!(labels(0, "品类: 美妆 50%", "品类: $0"), ["美妆", "母婴"]);
    assert_eq!(labels(0, "50%, 母婴 50%", "50%, $0"), ["美妆", "母婴"]);
    // A number field has no variants.
    assert!(labels(0, "rate 1% per day", "金额: $0").is_empty());
}

//! The module graph of docs/architecture.md, checked on the source: each top-level
//! module uses only the modules of lower layers, sibling modules inside one module do
//! not import each other in a circle, and only the program sets the allocator.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers, lowest first: a module may use the modules of lower layers only (the
/// modules of one layer do not use each other). Keep in step with docs/architecture.md.
const LAYERS: &[&[&str]] = &[
    &["source", "units", "suggest", "limits", "i18n", "par"],
    &["diag"],
    &["syntax"],
    &["check"],
    &["plan", "sim", "fmt", "project"],
    &["report", "ide"],
    &["lsp", "diff"],
    &["cli"],
    &["api"],
];

fn layer(module: &str) -> usize {
    LAYERS
        .iter()
        .position(|l| l.contains(&module))
        .unwrap_or_else(|| {
            panic!("module `{module}` is in no layer: add it to LAYERS and docs/architecture.md")
        })
}

/// Every `.rs` file under `dir`.
fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// A file's code without its comments and without its unit tests (a `tests` module
/// at the end, or a file or directory of tests), which may reach anywhere.
fn code(path: &Path) -> String {
    let name = path.file_stem().unwrap().to_str().unwrap();
    let in_tests = path.parent().unwrap().iter().any(|dir| dir == "tests");
    if in_tests || name == "tests" || name.ends_with("_tests") || name == "fixture" {
        return String::new();
    }
    let text = std::fs::read_to_string(path).unwrap();
    let text = match text.find("#[cfg(test)]\nmod tests") {
        Some(at) => &text[..at],
        None => &text[..],
    };
    text.lines()
        .map(|l| l.split("//").next().unwrap())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The first segments of the paths after each `prefix` in `code`: `crate::a::b` and
/// `crate::{a, b::c}` both give `a` (and `b`).
fn paths_after(code: &str, prefix: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    for (at, _) in code.match_indices(prefix) {
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
            continue; // `super::super::x` is not `super::x`; `foo_crate::x` is not `crate::x`
        }
        let rest = &code[at + prefix.len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 0;
            let mut part = String::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        out.insert(ident(part.trim()));
                        part.clear();
                        continue;
                    }
                    _ => {}
                }
                part.push(c);
            }
            out.insert(ident(part.trim()));
        } else {
            out.insert(ident(rest));
        }
    }
    out.retain(|s| !s.is_empty() && s != "self");
    out
}

/// `(module path under src, code)` of every source file: `sim/user.rs` is
/// `["sim", "user"]`, `lsp/handlers/mod.rs` is `["lsp", "handlers"]`.
fn files() -> Vec<(Vec<String>, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut paths = Vec::new();
    sources(&src, &mut paths);
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let rel = p.strip_prefix(&src).unwrap().with_extension("");
            let mut module: Vec<String> = rel
                .iter()
                .map(|c| c.to_str().unwrap().to_string())
                .collect();
            if module.last().is_some_and(|m| m == "mod") {
                module.pop();
            }
            (module, code(p))
        })
        .collect()
}

#[test]
fn modules_use_only_lower_layers() {
    let mut wrong = Vec::new();
    for (module, code) in files() {
        let top = &module[0];
        if ["lib", "main"].contains(&top.as_str()) {
            continue;
        }
        for used in paths_after(&code, "crate::") {
            if &used != top && layer(&used) >= layer(top) {
                wrong.push(format!("{} uses crate::{used}", module.join("/")));
            }
        }
    }
    assert!(wrong.is_empty(), "upward or sideways imports: {wrong:#?}");
}

/// The sibling modules that a module of `top` imports: `super::x` from a file
/// directly in `top` (or its `mod.rs` one level down), `super::super::x` two levels
/// down, and `crate::top::x` anywhere.
fn sibling_edges(top: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, code) in files() {
        if module[0] != top || module.len() < 2 {
            continue;
        }
        let node = &module[1];
        let mut used = paths_after(&code, &format!("crate::{top}::"));
        match module.len() {
            2 => used.extend(paths_after(&code, "super::")),
            3 => used.extend(paths_after(&code, "super::super::")),
            _ => {}
        }
        let siblings = edges.entry(node.clone()).or_default();
        siblings.extend(used.into_iter().filter(|u| u != node && is_module(top, u)));
    }
    edges
}

fn is_module(top: &str, name: &str) -> bool {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(top);
    src.join(format!("{name}.rs")).exists() || src.join(name).is_dir()
}

/// A circle in `edges`, as the path that closes it, if there is one.
fn circle(edges: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut found = path[at..].to_vec();
            found.push(node.to_string());
            return Some(found);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in edges.get(node).into_iter().flatten() {
            if let Some(found) = visit(next, edges, path, done) {
                return Some(found);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    edges
        .keys()
        .find_map(|n| visit(n, edges, &mut Vec::new(), &mut done))
}

#[test]
fn sibling_modules_import_each_other_one_way() {
    let tops: BTreeSet<String> = files().into_iter().map(|(m, _)| m[0].clone()).collect();
    for top in tops {
        let edges = sibling_edges(&top);
        assert_eq!(circle(&edges), None, "an import circle in src/{top}");
    }
}

#[test]
fn the_circle_finder_finds_circles() {
    let edges: BTreeMap<String, BTreeSet<String>> = [("a", "b"), ("b", "c"), ("c", "a")]
        .iter()
        .map(|(a, b)| (a.to_string(), BTreeSet::from([b.to_string()])))
        .collect();
    assert_eq!(circle(&edges).unwrap(), ["a", "b", "c", "a"]);
    let paths = paths_after(
        "use crate::{diag::{Code, X}, source::Span};\nuse crate::check;",
        "crate::",
    );
    assert_eq!(
        paths,
        BTreeSet::from(["check".into(), "diag".into(), "source".into()])
    );
}

#[test]
fn only_the_program_sets_the_global_allocator() {
    let setters: Vec<String> = files()
        .into_iter()
        .filter(|(_, code)| code.contains("#[global_allocator]"))
        .map(|(m, _)| m.join("/"))
        .collect();
    assert_eq!(setters, ["main"]);
}

/// The library's public surface is the facade in src/api: src/lib.rs declares every
/// other module private to the crate, so no `pub mod` can widen it unnoticed.
#[test]
fn the_library_exports_only_the_facade() {
    let lib =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs")).unwrap();
    let public: Vec<&str> = lib
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with("pub ") && *l != "pub use api::*;")
        .collect();
    assert!(
        public.is_empty(),
        "public items besides the facade: {public:?}"
    );
}

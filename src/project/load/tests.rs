//! `load_all`: several entries, each file loaded once whichever entry reaches it first.

use super::*;

fn read(path: &Path) -> Result<String, Message> {
    std::fs::read_to_string(path).map_err(|e| Message::Text(e.to_string()))
}

#[test]
fn entries_that_import_each_other_load_each_file_once_in_import_order() {
    let dir = std::env::temp_dir().join(format!("journey-load-all-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let dir = dir.canonicalize().unwrap();
    let files = [
        ("a.journey", "import \"b.journey\"\ntag a: bool\n"),
        ("b.journey", "import \"c.journey\"\ntag b: bool\n"),
        ("c.journey", "tag c: bool\n"),
    ];
    for (name, text) in files {
        std::fs::write(dir.join(name), text).unwrap();
    }
    let entries = |names: &[&str]| -> Vec<(PathBuf, String)> {
        (names.iter())
            .map(|n| (dir.join(n), read(&dir.join(n)).unwrap()))
            .collect()
    };
    let tags = |loaded: &Loaded| -> Vec<String> {
        (loaded.parsed.ast.items.iter())
            .map(|i| match i {
                ast::Item::Tag(t) => t.name.name.clone(),
                _ => String::new(),
            })
            .collect()
    };
    // An entry imported by an earlier one is not walked again; a later entry imported
    // by an earlier one is found unopened, not open (no cycle); either way each file
    // is loaded once and each after its imports.
    for order in [["a.journey", "c.journey"], ["c.journey", "a.journey"]] {
        let loaded = load_all(entries(&order), (&dir, &dir), &read);
        assert!(loaded.parsed.diagnostics.is_empty(), "{order:?}");
        assert_eq!(loaded.map.files.len(), 3, "{order:?}");
        assert_eq!(tags(&loaded), ["c", "b", "a"], "{order:?}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

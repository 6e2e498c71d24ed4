//! Test support: a generated file checked into the repository (a JSON Schema under
//! `docs/`) must equal what the code generates now, so that the two cannot drift.

use std::path::Path;

/// Fails unless `docs_file` (relative to the crate root) holds `generated`; with
/// `UPDATE_SCHEMA=1` it writes `generated` there instead. `regenerate` says how.
pub(crate) fn assert_checked_in(docs_file: &str, generated: &str, regenerate: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(docs_file);
    if std::env::var_os("UPDATE_SCHEMA").is_some_and(|v| v == "1") {
        std::fs::write(&path, generated).unwrap_or_else(|e| panic!("write {docs_file}: {e}"));
        return;
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == generated,
        "{docs_file} differs from the types it is generated from; regenerate it with \
         `UPDATE_SCHEMA=1 cargo test schema` or {regenerate}"
    );
}

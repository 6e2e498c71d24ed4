//! The binary run from the repository root, for the tests of commands' output
//! (tests/cli_io.rs, tests/cli_lang.rs, tests/portfolio*.rs, tests/sim_cli.rs,
//! tests/v2_bcast.rs, ...): `lang::run_in` for any run, `ok` for one that must succeed.
//! (`lang` stays a file of its own for the tests that need only it, so that no test
//! binary holds a helper it never calls.)

#[path = "lang.rs"]
pub mod lang;

/// The standard output of `journey ARGS` in English, which must succeed (else the
/// test fails with the arguments and the standard error).
pub fn ok(args: &[&str]) -> Vec<u8> {
    let out = lang::run_in("en", args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

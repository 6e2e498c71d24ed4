//! Format any text that parses: the output parses again, and formatting it again
//! changes nothing.
#![no_main]

use journey::format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(once) = format(text) else {
        return;
    };
    let twice = format(&once).unwrap_or_else(|errors| {
        panic!("formatted output does not parse: {errors:?}\n--- output ---\n{once}")
    });
    assert_eq!(once, twice, "formatting is not idempotent");
});

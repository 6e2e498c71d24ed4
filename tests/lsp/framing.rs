//! Messages a client should not send: the server ends with exit status 2 and a
//! message saying what was wrong, without aborting or allocating the announced size.

use serde_json::json;
use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `journey lsp` on `input` as its whole stdin.
fn serve(input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_journey"))
        .env("JOURNEY_LANG", "en") // messages as the snapshots have them
        .arg("lsp")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // The server may stop reading early; a broken pipe here is expected.
    let _ = stdin.write_all(input);
    drop(stdin);
    child.wait_with_output().unwrap()
}

fn assert_refused(input: &[u8], reason: &str) {
    let out = serve(input);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains(reason), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn a_huge_content_length_is_refused_not_allocated() {
    assert_refused(
        b"Content-Length: 9223372036854775807\r\n\r\n{}",
        "a message of 9223372036854775807 bytes is over the limit of 64 MB",
    );
    assert_refused(
        b"Content-Length: 18446744073709551616\r\n\r\n",
        "Content-Length `18446744073709551616` is not a number of bytes",
    );
}

#[test]
fn a_malformed_header_is_refused() {
    assert_refused(b"Content-Length 2\r\n\r\n{}", "malformed message header");
    assert_refused(b"Content-Length: 2\n\n{}", "malformed message header");
    assert_refused(b"Content-Type: x\r\n\r\n{}", "no Content-Length");
    assert_refused(b"Content-Length: 3\r\n\r\n{}x", "not JSON-RPC");
}

#[test]
fn a_body_cut_short_is_refused() {
    assert_refused(
        b"Content-Length: 60000000\r\n\r\n{\"jsonrpc\"",
        "the input ended 10 bytes into a message of 60000000",
    );
}

/// `msg` framed as a client frames it.
fn framed(msg: serde_json::Value) -> Vec<u8> {
    let body = msg.to_string();
    format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
}

#[test]
fn a_huge_message_after_initialization_ends_the_session_with_its_reason() {
    let mut input = framed(json!({ "jsonrpc": "2.0", "id": 1, "method": "initialize",
        "params": { "processId": null, "rootUri": null, "capabilities": {} } }));
    input.extend(framed(
        json!({ "jsonrpc": "2.0", "method": "initialized", "params": {} }),
    ));
    input.extend(b"Content-Length: 99999999999\r\n\r\n");
    let out = serve(&input);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("over the limit of 64 MB"), "{stderr}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains(r#""id":1"#),
        "initialize was answered: {stdout}"
    );
}

//! The server's stdio transport: JSON-RPC messages framed by a `Content-Length`
//! header, as `lsp_server::Connection::stdio` frames them, but read with limits. A
//! client controls the header, so a length is checked before anything is allocated
//! for it (lsp-server allocates the announced length at once: 2^63 - 1 aborted the
//! process), a message is at most [`MAX_MESSAGE`] bytes, and a body grows as its
//! bytes arrive. A malformed or oversized message ends the session with an error
//! that names it.

use crossbeam_channel::{bounded, Receiver, Sender};
use lsp_server::{Connection, Message, Notification};
use std::io::{self, BufRead, Read, Write};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};

/// The largest message read: far above any document an editor sends.
pub const MAX_MESSAGE: usize = 64 << 20;

/// The longest header line read (a header is a line such as `Content-Length: 123`).
const MAX_HEADER_LINE: usize = 1024;

/// The reader and writer threads of a connection over stdin and stdout.
pub struct IoThreads {
    reader: JoinHandle<()>,
    writer: JoinHandle<io::Result<()>>,
    /// Why the reader stopped, when it failed; set before the connection's receiver
    /// disconnects, so that a server that sees the disconnection can report it.
    read_error: Arc<Mutex<Option<io::Error>>>,
}

impl IoThreads {
    /// The reader's failure, if it failed.
    pub fn read_error(&self) -> Option<io::Error> {
        self.read_error.lock().unwrap().take()
    }

    /// Waits for the writer to flush what the server sent, after the server stopped
    /// on an error (the reader may still be blocked on the input, so it is left).
    /// Without this the process could end before an answer already sent — the one to
    /// `initialize`, say — reached the output.
    pub fn finish_writing(self) {
        // A write failure here is secondary to the error that stopped the server.
        let _ = self.writer.join();
    }

    /// Waits for both threads (after the client's `exit`); the first failure wins.
    pub fn join(self) -> io::Result<()> {
        self.reader
            .join()
            .expect("the reader thread does not panic");
        // The writer finishes what the server sent before the reader's error is
        // returned: the process ends right after, and would cut an answer short.
        let written = self
            .writer
            .join()
            .expect("the writer thread does not panic");
        match self.read_error.lock().unwrap().take() {
            Some(e) => Err(e),
            None => written,
        }
    }
}

/// A connection over the process's stdin and stdout.
pub fn stdio() -> (Connection, IoThreads) {
    let (to_server, receiver) = bounded::<Message>(0);
    let (sender, from_server) = bounded::<Message>(0);
    let read_error = Arc::new(Mutex::new(None));
    let slot = Arc::clone(&read_error);
    let reader = thread::spawn(move || {
        if let Err(e) = read_messages(&mut io::stdin().lock(), &to_server) {
            *slot.lock().unwrap() = Some(e);
        }
        drop(to_server); // after the error is stored
    });
    let writer = thread::spawn(move || write_messages(&mut io::stdout().lock(), &from_server));
    let threads = IoThreads {
        reader,
        writer,
        read_error,
    };
    (Connection { sender, receiver }, threads)
}

/// Reads messages until the input ends, the client sends `exit` or the server stops.
fn read_messages(input: &mut impl BufRead, to_server: &Sender<Message>) -> io::Result<()> {
    while let Some(body) = read_frame(input)? {
        let msg: Message = serde_json::from_slice(&body)
            .map_err(|e| invalid(format!("a message is not JSON-RPC: {e}")))?;
        let is_exit = matches!(&msg, Message::Notification(n) if n.method == "exit");
        if to_server.send(msg).is_err() || is_exit {
            break;
        }
    }
    Ok(())
}

/// The body of the next message, or `None` at the end of the input.
pub fn read_frame(input: &mut impl BufRead) -> io::Result<Option<Vec<u8>>> {
    let mut length = None;
    let mut line = Vec::new();
    for first in std::iter::once(true).chain(std::iter::repeat(false)) {
        line.clear();
        let limit = MAX_HEADER_LINE as u64 + 2;
        input.by_ref().take(limit).read_until(b'\n', &mut line)?;
        if line.is_empty() && first {
            return Ok(None);
        }
        let Some(header) = line.strip_suffix(b"\r\n") else {
            return Err(invalid(format!(
                "malformed message header {:?}: a header is a line of at most {MAX_HEADER_LINE} bytes ending in CR LF",
                String::from_utf8_lossy(&line[..line.len().min(80)])
            )));
        };
        if header.is_empty() {
            break;
        }
        let header = String::from_utf8_lossy(header);
        let Some((name, value)) = header.split_once(':') else {
            return Err(invalid(format!(
                "malformed message header {header:?}: no `:`"
            )));
        };
        if name.trim().eq_ignore_ascii_case("Content-Length") {
            length = Some(content_length(value.trim())?);
        }
    }
    let length = length.ok_or_else(|| invalid("a message has no Content-Length header".into()))?;
    // `take` + `read_to_end` grows the body as its bytes arrive: a length announced
    // for a body that never comes costs nothing.
    let mut body = Vec::new();
    input.take(length as u64).read_to_end(&mut body)?;
    if body.len() < length {
        return Err(io::Error::new(
            io::ErrorKind::UnexpectedEof,
            format!(
                "the input ended {} bytes into a message of {length}",
                body.len()
            ),
        ));
    }
    Ok(Some(body))
}

fn content_length(value: &str) -> io::Result<usize> {
    let length: u64 = value
        .parse()
        .map_err(|_| invalid(format!("Content-Length `{value}` is not a number of bytes")))?;
    if length > MAX_MESSAGE as u64 {
        return Err(invalid(format!(
            "a message of {length} bytes is over the limit of {} MB",
            MAX_MESSAGE >> 20
        )));
    }
    Ok(length as usize)
}

fn invalid(message: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, message)
}

/// A notification whose params are already serialized (JSON text): built as a `serde_json::Value`
/// tree, the params of a large `publishDiagnostics` took ~3 KB per diagnostic (a
/// map per object), 300 MB for 100,000 diagnostics. JSON-RPC params are an object
/// or an array, never a string, so a string here is unambiguous: the writer splices
/// it in as it is. Only the stdio writer understands it.
pub fn text_notification(method: &str, params: String) -> Message {
    Notification::new(method.to_string(), serde_json::Value::String(params)).into()
}

fn write_messages(output: &mut impl Write, from_server: &Receiver<Message>) -> io::Result<()> {
    for msg in from_server {
        match &msg {
            Message::Notification(Notification {
                method,
                params: serde_json::Value::String(params),
            }) => {
                let method = serde_json::to_string(method)?;
                let head = format!(r#"{{"jsonrpc":"2.0","method":{method},"params":"#);
                let length = head.len() + params.len() + 1;
                write!(output, "Content-Length: {length}\r\n\r\n{head}{params}}}")?;
                output.flush()?;
            }
            _ => msg.write(output)?,
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    fn frame(input: &str) -> io::Result<Option<Vec<u8>>> {
        read_frame(&mut Cursor::new(input.as_bytes()))
    }

    #[test]
    fn a_message_is_its_header_and_body() {
        let mut input = Cursor::new(
            &b"Content-Length: 2\r\nContent-Type: x\r\n\r\n{}content-length:1\r\n\r\n7"[..],
        );
        assert_eq!(read_frame(&mut input).unwrap().unwrap(), b"{}");
        assert_eq!(read_frame(&mut input).unwrap().unwrap(), b"7");
        assert_eq!(read_frame(&mut input).unwrap(), None);
    }

    #[test]
    fn an_oversized_length_is_refused_before_any_allocation() {
        let e = frame("Content-Length: 9223372036854775807\r\n\r\n").unwrap_err();
        assert!(e.to_string().contains("over the limit of 64 MB"), "{e}");
        let e = frame("Content-Length: 99999999999999999999999\r\n\r\n").unwrap_err();
        assert!(e.to_string().contains("not a number"), "{e}");
    }

    #[test]
    fn a_body_that_never_arrives_is_an_error_not_an_allocation() {
        let e = frame(&format!("Content-Length: {MAX_MESSAGE}\r\n\r\n{{}}")).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::UnexpectedEof);
        assert!(
            e.to_string().contains("2 bytes into a message of 67108864"),
            "{e}"
        );
    }

    #[test]
    fn malformed_headers_are_errors() {
        for input in [
            "Content-Length 5\r\n\r\nhello",
            "Content-Length: 5\n\nhello",
            "Content-Length: -1\r\n\r\n",
            "Content-Type: x\r\n\r\n{}",
            "Content-Length: 2\r\n",
        ] {
            assert!(frame(input).is_err(), "{input:?}");
        }
        let endless = "X".repeat(10 * MAX_HEADER_LINE);
        let e = frame(&endless).unwrap_err();
        assert!(e.to_string().contains("at most 1024 bytes"), "{e}");
    }

    #[test]
    fn serialized_params_are_written_as_they_are() {
        let (sender, receiver) = bounded(1);
        let msg = text_notification("a/b", r#"{"x":[1,2]}"#.to_string());
        sender.send(msg).unwrap();
        drop(sender);
        let mut out = Vec::new();
        write_messages(&mut out, &receiver).unwrap();
        let body = r#"{"jsonrpc":"2.0","method":"a/b","params":{"x":[1,2]}}"#;
        let expected = format!("Content-Length: {}\r\n\r\n{body}", body.len());
        assert_eq!(String::from_utf8(out).unwrap(), expected);
    }
}

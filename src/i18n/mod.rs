//! Words in two languages. A message is data — a catalogue id and its arguments
//! ([`Message`]) — until it is rendered; the catalogues (`en/*.ftl`, `zh/*.ftl`,
//! Project Fluent syntax) put it into words in the reader's [`Lang`].

mod catalogue;
mod lang;
mod message;

pub use catalogue::words;
pub use lang::Lang;
pub(crate) use message::msg;
pub use message::{Arg, Message};

#[cfg(test)]
mod tests;

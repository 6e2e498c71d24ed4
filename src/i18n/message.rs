//! A message as data: what a diagnostic (or a line of the CLI) says, before it is
//! put into words.

/// A catalogue message and its arguments, or text that is already words.
#[derive(Clone, Debug, PartialEq)]
pub enum Message {
    /// A message of the catalogues (`src/i18n/*/*.ftl`), by id, with its arguments
    /// (boxed: a diagnostic holds several messages, and is moved around a lot).
    Catalogue {
        id: &'static str,
        args: Box<[(&'static str, Arg)]>,
    },
    /// Words that are the same in every language (text quoted from the file, the
    /// system's own reason for an I/O failure). There is no conversion from a
    /// string: a message is built with `msg!` or names this variant.
    Text(String),
}

/// An argument of a catalogue message.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    /// Text from the file or the command line (a name, a value), shown as it is.
    Text(String),
    /// A whole number (messages choose plural forms by it).
    Count(u64),
    /// Another catalogue message without arguments, put into words in the same
    /// language (the word for a kind: `kind-tag`).
    Word(&'static str),
    /// Names, each in backticks, joined as the language lists them.
    Names(Vec<String>),
    /// Names, each in backticks, all of them together: "`a`, `b` and `c`".
    AllNames(Vec<String>),
    /// Names, each in backticks, listed with the language's commas: "`a`, `b`, `c`",
    /// "`a`、`b`、`c`" (the journeys a file has).
    NameList(Vec<String>),
    /// Alternatives, each put into words in the same language, joined as the
    /// language says "or" ("a number or `(`").
    OneOf(Vec<Arg>),
    /// Another message (with its own arguments), put into words in the same language.
    Message(Box<Message>),
    /// Messages put into words and listed, the last joined by "and": "a, b and c".
    All(Vec<Message>),
    /// Messages put into words and listed, all joined by commas: "a, b, c".
    Each(Vec<Message>),
}

impl Message {
    pub fn new(id: &'static str) -> Message {
        Message::Catalogue {
            id,
            args: Box::new([]),
        }
    }

    /// Adds an argument to a catalogue message (text is left as it is).
    pub fn with(mut self, name: &'static str, value: impl Into<Arg>) -> Message {
        if let Message::Catalogue { args, .. } = &mut self {
            let mut list = std::mem::take(args).into_vec();
            list.push((name, value.into()));
            *args = list.into_boxed_slice();
        }
        self
    }

    /// Whether this message says nothing (an unlabelled span).
    pub fn is_empty(&self) -> bool {
        matches!(self, Message::Text(t) if t.is_empty())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Arg {
        Arg::Text(text)
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Arg {
        Arg::Text(text.to_string())
    }
}

impl From<&String> for Arg {
    fn from(text: &String) -> Arg {
        Arg::Text(text.clone())
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Count(n as u64)
    }
}

impl From<u64> for Arg {
    fn from(n: u64) -> Arg {
        Arg::Count(n)
    }
}

impl From<Message> for Arg {
    fn from(message: Message) -> Arg {
        Arg::Message(Box::new(message))
    }
}

impl From<Vec<String>> for Arg {
    fn from(names: Vec<String>) -> Arg {
        Arg::Names(names)
    }
}

/// A catalogue message: `msg!("unknown-name", kind = Arg::Word("kind-tag"), name = n)`.
macro_rules! msg {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::Message::new($id)$(.with(stringify!($name), $value))*
    };
}

pub(crate) use msg;

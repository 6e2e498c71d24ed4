//! Where the cursor is, read from the text of the current item rather than from the
//! AST, because the item being typed rarely parses: which block it is in, the tokens
//! of the statement before it, and the partial word it is completing.

use crate::source::Span;
use crate::syntax;

/// The innermost open `{ … }` at the cursor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Block<'a> {
    Top,
    Journey,
    Stage,
    /// A rule's or split arm's `{ actions }`.
    Actions,
    Split,
    Touchpoint,
    Team,
    Population,
    /// `behavior EVENT { … }`.
    Behavior(&'a str),
    /// Event fields, enum or set variants, or anything unrecognised.
    Other,
}

#[derive(Debug)]
pub struct Context<'a> {
    /// The partial name before the cursor: what a completion replaces.
    pub word: Span,
    pub block: Block<'a>,
    /// The statement's tokens before `word`, from the start of the line or the last
    /// brace. Strings are `"`; backticked names lose their backticks.
    pub tokens: Vec<&'a str>,
    /// Stage names declared anywhere in the current item.
    pub stages: Vec<&'a str>,
}

/// The context at `offset`, or `None` inside a string or a comment.
pub fn context(text: &str, offset: usize) -> Option<Context<'_>> {
    let (start, end) = syntax::chunks(text)
        .into_iter()
        .find(|&(s, e)| s <= offset && offset <= e)
        .unwrap_or((0, text.len()));
    let before = &text[start..offset];
    let word_len = before
        .chars()
        .rev()
        .take_while(|c| is_word_char(*c))
        .map(char::len_utf8)
        .sum::<usize>();
    let (toks, open) = lex(&before[..before.len() - word_len]);
    if open {
        return None;
    }
    let (all, _) = lex(&text[start..end]);
    let stages = all
        .windows(2)
        .enumerate()
        // `in stage S` and a goal's `from stage S` name a stage, not declare one
        .filter(|&(i, w)| w[0].0 == "stage" && (i == 0 || !matches!(all[i - 1].0, "in" | "from")))
        .map(|(_, w)| w[1].0)
        .collect();
    let line_start = before[..before.len() - word_len]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let mut statement = toks
        .iter()
        .position(|&(_, at)| at >= line_start)
        .unwrap_or(toks.len());
    let mut stack = Vec::new();
    for (i, &(t, _)) in toks.iter().enumerate() {
        match t {
            "{" => stack.push(block_of(&toks[..i])),
            "}" => {
                stack.pop();
            }
            _ => continue,
        }
        statement = statement.max(i + 1);
    }
    Some(Context {
        word: Span::new(offset - word_len, offset),
        block: stack.last().copied().unwrap_or(Block::Top),
        tokens: toks[statement..].iter().map(|&(t, _)| t).collect(),
        stages,
    })
}

/// The block a `{` opens, from the tokens before it.
fn block_of<'a>(before: &[(&'a str, usize)]) -> Block<'a> {
    match before {
        [.., (":", _)] => return Block::Actions,
        [.., ("split", _)] => return Block::Split,
        _ => {}
    }
    let recent = &before[before.len().saturating_sub(3)..];
    for (i, &(t, _)) in recent.iter().enumerate().rev() {
        match t {
            "journey" => return Block::Journey,
            "stage" => return Block::Stage,
            "touchpoint" => return Block::Touchpoint,
            "team" => return Block::Team,
            "population" => return Block::Population,
            "behavior" => return Block::Behavior(recent.get(i + 1).map_or("", |t| t.0)),
            "{" | "}" => break,
            _ => {}
        }
    }
    Block::Other
}

pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Tokens with their offsets into `text`, and whether `text` ends inside a string
/// or a comment.
fn lex(text: &str) -> (Vec<(&str, usize)>, bool) {
    let mut toks = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            c if c.is_whitespace() => {}
            '#' => match text[i..].find('\n') {
                Some(n) => while chars.next_if(|&(j, _)| j <= i + n).is_some() {},
                None => return (toks, true),
            },
            '"' => {
                let mut escaped = false;
                let mut closed = false;
                for (_, c) in chars.by_ref() {
                    match c {
                        '\\' if !escaped => escaped = true,
                        '"' if !escaped => {
                            closed = true;
                            break;
                        }
                        '\n' => break,
                        _ => escaped = false,
                    }
                }
                if !closed && chars.peek().is_none() {
                    return (toks, true);
                }
                toks.push(("\"", i));
            }
            '`' => {
                let name_end = text[i + 1..].find(['`', '\n']).map(|n| i + 1 + n);
                match name_end {
                    Some(e) if text[e..].starts_with('`') => {
                        toks.push((&text[i + 1..e], i));
                        while chars.next_if(|&(j, _)| j <= e).is_some() {}
                    }
                    _ => return (toks, true),
                }
            }
            c if is_word_char(c) => {
                // Numbers keep their clock colon, decimal point and percent sign.
                let digit = c.is_ascii_digit();
                while let Some(&(j, n)) = chars.peek() {
                    let next_digit = text[j + n.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(|d| d.is_ascii_digit());
                    if is_word_char(n)
                        || digit && (n == '%' || (n == ':' || n == '.') && next_digit)
                    {
                        chars.next();
                    } else {
                        break;
                    }
                }
                let end = chars.peek().map_or(text.len(), |&(j, _)| j);
                toks.push((&text[i..end], i));
            }
            _ => {
                let two = text[i..].get(..2).unwrap_or("");
                if ["->", "==", "!=", "<=", ">=", "+=", "-=", ".."].contains(&two) {
                    chars.next();
                    toks.push((two, i));
                } else {
                    toks.push((&text[i..i + c.len_utf8()], i));
                }
            }
        }
    }
    (toks, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(annotated: &str) -> (Block<'static>, Vec<&'static str>, String) {
        let text: &'static str = Box::leak(annotated.replace("$0", "").into_boxed_str());
        let c = context(text, annotated.find("$0").unwrap()).expect("a context");
        (
            c.block,
            c.tokens,
            text[c.word.start..c.word.end].to_string(),
        )
    }

    #[test]
    fn blocks_statements_and_words() {
        let (block, toks, word) = ctx("journey j {\n  stage s {\n    after 7d at 20:00: send we$0");
        assert_eq!(block, Block::Stage);
        assert_eq!(toks, ["after", "7d", "at", "20:00", ":", "send"]);
        assert_eq!(word, "we");
        let (block, toks, _) = ctx("journey j {\n  stage s {\n    on enter: {\n      $0");
        assert_eq!((block, toks.len()), (Block::Actions, 0));
        let (block, toks, _) = ctx("population p {\n  behavior buy {\n    if vip: x2\n    $0");
        assert_eq!((block, toks.len()), (Block::Behavior("buy"), 0));
        let (block, toks, word) = ctx("tag t \"标签\": enum { a }\nsegment s = `my tag` == 白$0");
        assert_eq!(
            (block, toks, word.as_str()),
            (Block::Top, vec!["segment", "s", "=", "my tag", "=="], "白")
        );
    }

    #[test]
    fn closed_blocks_pop() {
        let (block, _, _) = ctx("journey j {\n  stage s { after 1d -> t }\n  $0");
        assert_eq!(block, Block::Journey);
    }

    #[test]
    fn no_context_inside_strings_and_comments() {
        let text = "journey j { stage s { on enter: send w \"wel";
        assert!(context(text, text.len()).is_none());
        let text = "journey j { # a comm";
        assert!(context(text, text.len()).is_none());
    }

    #[test]
    fn stages_of_the_current_item() {
        let text = "journey a {\n stage x { }\n}\njourney b {\n stage y { when in stage q -> }\n stage `z z` { }\n stage w {}\n}\n";
        let at = text.find("-> ").unwrap() + 3;
        let c = context(text, at).unwrap();
        assert_eq!(c.stages, ["y", "z z", "w"]);
    }
}

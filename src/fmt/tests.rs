use super::format;
use crate::diag::Code;

/// Formats `input`, checks that formatting the result changes nothing, and
/// returns the result.
fn fmt(input: &str) -> String {
    let once = format(input).unwrap_or_else(|e| panic!("{e:#?}"));
    let twice = format(&once).unwrap_or_else(|e| panic!("{e:#?}"));
    assert_eq!(once, twice, "not idempotent; first pass:\n{once}");
    once
}

#[test]
fn lays_out_one_statement_per_line_with_two_space_indentation() {
    let input = "journey j{timezone \"Asia/Shanghai\" entry on signup stage a{on enter:{send w \"x\" tag vip} after 1d->b}stage b{}}";
    assert_eq!(
        fmt(input),
        "\
journey j {
  timezone \"Asia/Shanghai\"
  entry on signup

  stage a {
    on enter: {
      send w \"x\"
      tag vip
    }
    after 1d -> b
  }

  stage b {}
}
"
    );
}

#[test]
fn spaces_operators_and_lists() {
    assert_eq!(
        fmt("segment s=a>=1 and b in[x,y,]or count(e,7d)<2\ntag t:enum{x,y}"),
        "segment s = a >= 1 and b in [x, y] or count(e, 7d) < 2\ntag t: enum { x, y }\n"
    );
}

#[test]
fn keeps_names_strings_and_literals_as_written() {
    let input = "tag `after sales` \"售后 \\\"VIP\\\" \\u{1F381}\": number 0..1_000\n\
                 journey j {\n  reentry after 1d12h\n  stage s { every sat,sun at 9:05: send w \"a\\\\b\" }\n}\n";
    let out = fmt(input);
    assert!(out.contains("tag `after sales` \"售后 \\\"VIP\\\" \\u{1F381}\": number 0..1_000"));
    assert!(out.contains("reentry after 1d12h"));
    assert!(out.contains("every sat, sun at 9:05: send w \"a\\\\b\""));
}

#[test]
fn keeps_written_parentheses_once() {
    assert_eq!(
        fmt("segment s = ((a or b)) and not (c) and not not d"),
        "segment s = (a or b) and not (c) and d\n"
    );
}

#[test]
fn folds_blocks_with_one_one_line_child() {
    let input = "team t {\n  capacity 4 per day\n}\ntouchpoint w {\n}\n\
                 journey j {\n  stage s {\n    on enter: { send w \"x\" }\n  }\n}\n";
    assert_eq!(
        fmt(input),
        "\
team t { capacity 4 per day }
touchpoint w {}

journey j {
  stage s { on enter: send w \"x\" }
}
"
    );
}

#[test]
fn a_comment_inside_keeps_a_block_open() {
    let input = "team t { # people\n capacity 4 per day }\n\
                 journey j {\n  stage s {\n    on enter: # why\n send w \"x\"\n  }\n}\n";
    assert_eq!(
        fmt(input),
        "\
team t {  # people
  capacity 4 per day
}

journey j {
  stage s {
    on enter: {  # why
      send w \"x\"
    }
  }
}
"
    );
}

#[test]
fn comments_stay_in_place() {
    let input = "\
# header

  # about t
tag t: bool   # trailing
journey j {
      # about the stage
  stage s {
    after 1d -> s # loop
        # before the brace
  }
  # before the journey's brace
} # after
# the end
";
    assert_eq!(
        fmt(input),
        "\
# header

# about t
tag t: bool  # trailing

journey j {
  # about the stage
  stage s {
    after 1d -> s  # loop
    # before the brace
  }
  # before the journey's brace
}  # after
# the end
"
    );
}

#[test]
fn a_comment_in_the_middle_of_a_line_moves_above_it() {
    let input = "segment s = a # first\n  or b # second\n";
    assert_eq!(fmt(input), "# first\nsegment s = a or b  # second\n");
}

#[test]
fn blank_lines_collapse_to_one_and_set_off_blocks_and_stages() {
    let input = "\n\ntag a: bool\n\n\n\ntag b: bool\ntag c: bool\nteam t {\n\n capacity 1 per day\n capacity 2 per day\n\n}\n\
                 journey j {\n  entry on e\n  stage s {}\n  stage r {}\n  limit 1 per day\n}\n\n\n";
    assert_eq!(
        fmt(input),
        "\
tag a: bool

tag b: bool
tag c: bool

team t {
  capacity 1 per day
  capacity 2 per day
}

journey j {
  entry on e

  stage s {}

  stage r {}

  limit 1 per day
}
"
    );
}

#[test]
fn aligns_by_display_width() {
    let input = "population p {\n  tag 宝宝月龄: uniform 0..24\n  tag vip: 5%\n  size 1 # 一\n  days 12 # two\n}\n";
    assert_eq!(
        fmt(input),
        "\
population p {
  tag 宝宝月龄: uniform 0..24
  tag vip:      5%
  size 1   # 一
  days 12  # two
}
"
    );
}

#[test]
fn splits_put_one_arm_per_line() {
    let input =
        "journey j { stage s { after 1d: { split { 50% A: send w \"a\" 50% B: { exit } } } } }";
    assert_eq!(
        fmt(input),
        "\
journey j {
  stage s {
    after 1d: split {
      50% A: send w \"a\"
      50% B: exit
    }
  }
}
"
    );
}

/// The README's example: a comment after `split {` trails that line and does not
/// wrap the split in a block of its own. A comment between the rule's `:` and the
/// split, or after the split, still opens the rule's braces.
#[test]
fn a_comment_after_split_brace_stays_on_the_split_line() {
    let split = "split {  # T+21 A/B test\n      50% A: send w \"a\"\n      50% B: exit\n    }";
    let input = format!("journey j {{\n  stage s {{\n    after 21d: {split}\n  }}\n}}\n");
    assert_eq!(fmt(&input), input);
    let nested =
        "journey j {\n  stage s {\n    after 1d: split {\n      50% A: split {  # inner\n        \
                  50% C: exit\n        50% D: exit\n      }\n      50% B: exit\n    }\n  }\n}\n";
    assert_eq!(fmt(nested), nested);
    let before = "journey j { stage s { after 1d: # why\n split { 50% A: exit 50% B: exit } } }";
    assert!(fmt(before).contains("after 1d: {  # why\n      split {\n"));
}

#[test]
fn normalises_line_ends_bom_tabs_and_trailing_spaces() {
    assert_eq!(
        fmt("\u{FEFF}# hi   \r\ntag a:\tbool\r\n\r\n\r\ntag b: bool"),
        "# hi\ntag a: bool\n\ntag b: bool\n"
    );
    assert_eq!(fmt(""), "");
    assert_eq!(fmt("\n\n  \n"), "");
    assert_eq!(fmt("# only\n\n\n# comments"), "# only\n\n# comments\n");
}

#[test]
fn a_file_with_syntax_errors_is_not_formatted() {
    let errors = format("tag a: bool\njourney j { stage s { after 1d -> } }\n").unwrap_err();
    assert!(!errors.is_empty());
    assert!(errors.iter().all(|e| e.code == Code::Syntax), "{errors:#?}");
}

/// U+FEFF is whitespace to the grammar (but not to `char::is_whitespace`): it
/// separates tokens like a space, also before `{`, `(` and `:`, and goes away.
#[test]
fn a_zero_width_no_break_space_between_tokens_is_a_space() {
    let z = '\u{FEFF}';
    let input = format!(
        "journey j{z}{{{z}timezone{z}\"Asia/Shanghai\"\n  entry when{z}(did e)\n  \
         stage s{z}{{ every daily{z}at 08:30: exit\n    on enter:{z}{{{z}tag a{z}tag b }}\n    \
         every mon,{z}tue{z},wed at 9:00: split{z}{{ 50% A{z}:{z}exit 50% B: exit }} }}\n}}\n"
    );
    assert_eq!(
        fmt(&input),
        "\
journey j {
  timezone \"Asia/Shanghai\"
  entry when (did e)

  stage s {
    every daily at 08:30: exit
    on enter: {
      tag a
      tag b
    }
    every mon, tue, wed at 9:00: split {
      50% A: exit
      50% B: exit
    }
  }
}
"
    );
}

#[test]
fn a_zero_width_no_break_space_before_a_comment_keeps_it_on_its_own_line() {
    assert_eq!(
        fmt("tag a: bool\n\u{FEFF}# about b \u{FEFF}\ntag b: bool\n"),
        "tag a: bool\n# about b\ntag b: bool\n"
    );
}

/// Only the grammar's whitespace is trimmed from a comment's end: U+3000 and U+00A0
/// are part of the comment's text.
#[test]
fn trims_only_grammar_whitespace_from_comments() {
    assert_eq!(
        fmt("tag a: bool # 说明\u{3000}\u{A0}\t \n"),
        "tag a: bool  # 说明\u{3000}\u{A0}\n"
    );
}

/// A lone carriage return ends a comment, as in the grammar: the code after it
/// stays code, laid out as after a line feed.
#[test]
fn a_lone_carriage_return_ends_a_comment() {
    for input in [
        "team t # people\r{ capacity 4 per day }",
        "journey j {\n  reentry # cr\rnever\n}\n",
    ] {
        assert_eq!(fmt(input), fmt(&input.replace('\r', "\n")), "{input:?}");
    }
}

/// Unicode whitespace the grammar does not know is a syntax error between tokens,
/// never a panic or a silently changed file.
#[test]
fn other_unicode_whitespace_between_tokens_is_a_syntax_error() {
    for space in ['\u{A0}', '\u{3000}', '\u{2028}'] {
        let input = format!("journey j {{ stage s {{ every daily{space}at 08:30: exit }} }}");
        let errors = format(&input).unwrap_err();
        // The ideographic space is the full-width twin of a space (J0007, with its fix).
        let expected =
            |e: &Code| *e == Code::Syntax || space == '\u{3000}' && *e == Code::FullWidth;
        assert!(errors.iter().all(|e| expected(&e.code)), "{errors:#?}");
    }
}

/// Comments in a run each find the code after the run (one pass, not one scan
/// of the run per comment).
#[test]
fn a_long_run_of_comments_keeps_its_places() {
    let run: String = (0..1000).map(|i| format!("# {i}\n")).collect();
    let input = format!("segment s = a\n{run} or b\n{run}tag t: bool\n{run}");
    let out = fmt(&input);
    assert!(out.starts_with(&format!("{run}segment s = a or b\n{run}tag t: bool\n# 0\n")));
    assert!(out.ends_with("# 999\n"));
}

#[test]
fn a_policy_keeps_its_lines_in_order_with_their_comments() {
    let input = "policy p \"x\"{\n# daily\nlimit 4 per day # four\nexcept a ,b\n  # weekly\nlimit 10 per week except c}";
    assert_eq!(
        fmt(input),
        "\
policy p \"x\" {
  # daily
  limit 4 per day  # four
  except a, b
  # weekly
  limit 10 per week
  except c
}
"
    );
}

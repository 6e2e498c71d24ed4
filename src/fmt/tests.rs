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

use super::ast::*;
use super::*;
use crate::diag::Code;

fn ok(text: &str) -> File {
    let p = parse(text);
    assert!(p.diagnostics.is_empty(), "{:#?}", p.diagnostics);
    p.ast
}

fn first_error(text: &str) -> Diagnostic {
    let p = parse(text);
    p.diagnostics
        .into_iter()
        .find(|d| d.is_error())
        .expect("an error")
}

const SPEC_JOURNEY: &str = r#"
tag persona "用户画像": enum { 白领, 宝妈, 学生 }
tag age_band: enum { "20-30", "30-45", "45+" }
event purchase { amount: number, sku: text }
touchpoint wecom "企业微信1v1" { channel wecom limit 2 per day quiet 22:00..08:00 cost 0.3 }
segment 高价值 = vip or sum(purchase.amount, 90d) >= 1000
team 销售 "门店销售" { capacity 40 per day }
journey 美妆新客 "美妆新客 W2 运营" {
  timezone "Asia/Shanghai"
  entry on signup
  reentry never
  exit on unsubscribe
  goal 首单: purchase within 30d
  holdout 10%
  limit 3 per day
  stage 新手 "新手阶段" {
    on enter: {
      send wecom "welcome_gift"
      tag interests += 护肤
    }
    after 1h: send wecom "beauty_tips"
    after 7d at 20:00 unless did purchase: send 社群 "newcomer_groupbuy"
    after 10d if persona == 白领: send 朋友圈 "trial_lottery"
    every mon, wed, fri at 20:00: send 社群 "daily_seeding"
    on purchase -> 新客
    after 30d -> 沉睡
  }
  stage 新客 {
    on purchase after 24h: send wecom "thanks_and_cross_sell"
    after 21d: split {
      50% A: send wecom "coupon_21d"
      50% B: send 社群 "countdown_21d"
    }
    when count(purchase, 60d) >= 2 -> 老客
  }
  stage 沉睡 {
    when inactive 30d on weekend at 10:00: send wecom "wakeup_coupon"
    on visit -> 新客
  }
  stage `after sales` { every sat at 10:00: send 公众号 "welfare_day" }
}
population 美妆用户 {
  size 100_000
  start 2026-03-02 09:00
  days 90
  arrivals signup over 14d
  tag persona: 白领 55%, 宝妈 35%, 学生 10%
  tag age: uniform 18..60
  tag vip: 5%
  behavior purchase {
    rate 0.5% per day
    if persona == 白领: x1.5
    after send wecom within 2d: x3
    amount: uniform 80..400
    sku: "A1" 50%, "B2" 50%
  }
  behavior unsubscribe { after send any within 1d: 0.5% }
}
"#;

#[test]
fn the_spec_journey_parses_into_the_expected_shape() {
    let file = ok(SPEC_JOURNEY);
    assert_eq!(file.items.len(), 8);
    let Item::Journey(j) = &file.items[6] else {
        panic!()
    };
    assert_eq!(j.name.name, "美妆新客");
    assert_eq!(j.settings.len(), 7);
    assert_eq!(j.stages.len(), 4);
    assert_eq!(j.stages[3].name.name, "after sales");
    let r = &j.stages[0].rules[2];
    assert!(matches!(r.trigger, Trigger::After(ref d, _) if d.value.minutes() == 7 * 24 * 60));
    assert_eq!(r.timing.at.as_ref().unwrap().value.to_string(), "20:00");
    assert!(r.guard.as_ref().unwrap().negated);
    let every = &j.stages[0].rules[4].trigger;
    assert!(
        matches!(every, Trigger::Every { days, clocks, .. } if days.value.len() == 3 && clocks.len() == 1)
    );
    let Item::Population(p) = &file.items[7] else {
        panic!()
    };
    assert_eq!(p.settings.len(), 9);
}

#[test]
fn spans_point_at_the_exact_text() {
    let text = "tag 风格: enum { 休闲, 商务 }";
    let file = ok(text);
    let Item::Tag(t) = &file.items[0] else {
        panic!()
    };
    assert_eq!(&text[t.name.span.start..t.name.span.end], "风格");
    let TagType::Enum(vs) = &t.ty else { panic!() };
    assert_eq!(&text[vs[1].span.start..vs[1].span.end], "商务");
}

#[test]
fn keywords_need_a_word_boundary() {
    // `notable` is a tag, not `not able`; `diddy` is not `did dy`.
    let file = ok("segment s = notable and diddy or inactive_users\n");
    let Item::Segment(s) = &file.items[0] else {
        panic!()
    };
    let Cond::Or(parts, _) = &*s.cond else {
        panic!("{:?}", s.cond)
    };
    assert!(
        matches!(&parts[0], Cond::And(xs, _) if matches!(&xs[0], Cond::Name(i) if i.name == "notable"))
    );
}

#[test]
fn newlines_bom_and_crlf_are_whitespace() {
    ok("\u{FEFF}touchpoint t { channel sms  cost 0.05 }\r\nevent e\r\n");
}

/// The pairs of `text` as (rule, start, end), or `None` when it does not parse.
fn pairs_of(text: &str) -> Option<Vec<(parser::Rule, usize, usize)>> {
    let pairs = JourneyParser::parse(parser::Rule::file, text).ok()?;
    Some(
        pairs
            .flatten()
            .map(|p| (p.as_rule(), p.as_span().start(), p.as_span().end()))
            .collect(),
    )
}

/// Without attempt tracking the patched pest skips the blanks between tokens in a loop
/// (vendor/pest_generator/JOURNEY.md), with it pest's own loop runs: the pairs are
/// the same, for every example written with tabs, CRLF, comments and a BOM too.
#[test]
fn blanks_skipped_in_a_loop_make_the_pairs_of_pests_own_loop() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut texts = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap_or_default();
        texts.push(format!("\u{FEFF}{}", text.replace('\n', "\r\n")));
        texts.push(text.replace("  ", "\t").replace(" {\n", " { # 注释\n\t \n"));
        // One blank fewer before each brace: a syntax error at some places.
        texts.push(text.replace(" {", "{").replace("\n}", "}"));
        texts.push(text);
    }
    assert!(texts.len() >= 40, "the examples are read");
    let mut parsed = 0;
    for text in &texts {
        pest::set_attempt_tracking(false);
        let fast = pairs_of(text);
        // Error detail implies tracking; the lock keeps other tests from turning it off.
        let own = {
            let _detail = ERROR_DETAIL.lock().unwrap_or_else(|e| e.into_inner());
            pest::set_error_detail(true);
            let own = pairs_of(text);
            pest::set_error_detail(false);
            own
        };
        assert_eq!(fast, own, "{text}");
        parsed += usize::from(own.is_some());
    }
    assert!(parsed >= texts.len() / 2, "most of the texts parse");
}

#[test]
fn even_nots_fold_away() {
    let file = ok("segment s = not not not vip\n");
    let Item::Segment(s) = &file.items[0] else {
        panic!()
    };
    assert!(matches!(&*s.cond, Cond::Not(inner, _) if matches!(**inner, Cond::Name(_))));
}

#[test]
fn a_bad_duration_says_duration() {
    let d = first_error("journey j { stage a { after 3x -> b } }");
    assert_eq!(d.code, Code::Syntax);
    let message = crate::i18n::words(&d.message, crate::i18n::Lang::En);
    assert!(message.contains("duration"), "{message}");
}

#[test]
fn a_reserved_word_as_a_name_is_explained() {
    let d = first_error("journey j { stage after { } }");
    assert_eq!(d.code, Code::ReservedWord);
}

#[test]
fn string_escapes() {
    let file = ok(r#"event e "a\"b\\c\n\u{4E2D}""#);
    let Item::Event(e) = &file.items[0] else {
        panic!()
    };
    assert_eq!(e.label.as_ref().unwrap().value, "a\"b\\c\n中");
    assert_eq!(first_error(r#"event e "\q""#).code, Code::InvalidEscape);
}

#[test]
fn invalid_literals_are_diagnosed_not_panicked() {
    assert_eq!(
        first_error("touchpoint t { quiet 24:00..08:00 }").code,
        Code::InvalidClock
    );
    assert_eq!(
        first_error("journey j { holdout 120% }").code,
        Code::PercentOutOfRange
    );
    assert_eq!(
        first_error("population p { start 2026-02-30 }").code,
        Code::InvalidDate
    );
    assert_eq!(
        first_error("population p { size 99999999999999999999999 }").code,
        Code::NumberTooLarge
    );
}

#[test]
fn several_syntax_errors_are_reported_item_by_item() {
    let p = parse("event a {\ntag b: enum {\nevent c\ntag d: bool\n");
    let errors: Vec<_> = p.diagnostics.iter().filter(|d| d.is_error()).collect();
    assert_eq!(errors.len(), 2, "{errors:#?}");
    assert_eq!(p.ast.items.len(), 2);
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let text = format!(
        "segment s = {}vip{}",
        "(".repeat(100_000),
        ")".repeat(100_000)
    );
    assert_eq!(first_error(&text).code, Code::NestingTooDeep);
    let nots = format!("segment s = {}vip", "not ".repeat(100_000));
    ok(&nots);
}

#[test]
fn spans_end_at_the_last_token_not_at_trailing_comments() {
    let text = "segment a = vip or not vip   # 注释 \"x\"\n\nsegment b = did e  # c\nsegment c = city == \"a # b\" or vip # c\n";
    let file = ok(text);
    let spans: Vec<&str> = file
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Segment(s) => Some(&text[s.cond.span().start..s.cond.span().end]),
            _ => None,
        })
        .collect();
    assert_eq!(
        spans,
        ["vip or not vip", "did e", "city == \"a # b\" or vip"]
    );
}

/// The builder keeps a pair's length when it ends with a token before the end of the
/// text; a comment can still end a pair at the end of the text (no line break after
/// it), after a name in any script, or after a lone `\r`.
#[test]
fn spans_end_before_a_comment_at_the_end_of_the_text() {
    let cond_text = |text: &str| -> String {
        let file = ok(text);
        let Some(Item::Segment(s)) = file.items.last() else {
            panic!("a segment last in {text:?}");
        };
        text[s.cond.span().start..s.cond.span().end].to_string()
    };
    assert_eq!(cond_text("segment a = vip or 白领 # 注释"), "vip or 白领");
    assert_eq!(cond_text("segment a = vip or 白领 # 注释\r"), "vip or 白领");
    assert_eq!(
        cond_text("segment a = not 白领 and vip #"),
        "not 白领 and vip"
    );
    assert_eq!(cond_text("segment a = not vip\n"), "not vip");
    assert_eq!(
        cond_text("segment a = 白领 or not `a # b`\n"),
        "白领 or not `a # b`"
    );
}

/// A file can hold 100,000 rules and as many items and journey lines: conditions
/// (about 300 bytes) are boxed where they are optional or rare, so these nodes stay
/// small (issue 11, item 9: memory in proportion to the source).
#[test]
fn frequent_nodes_do_not_hold_a_condition_inline() {
    use std::mem::size_of;
    assert!(size_of::<Cond>() > 256, "the reason for boxing is gone");
    let rule = size_of::<ast::Rule>();
    assert!(rule <= 256, "Rule: {rule} bytes");
    assert!(
        size_of::<Trigger>() <= 64,
        "Trigger: {}",
        size_of::<Trigger>()
    );
    assert!(size_of::<Item>() <= 160, "Item: {}", size_of::<Item>());
    let setting = size_of::<JourneySetting>();
    // 72: a goal (its `if`/`when` condition, names and `from stage`) is boxed whole
    assert!(setting <= 72, "JourneySetting: {setting}");
    let behavior = size_of::<BehaviorItem>();
    assert!(behavior <= 128, "BehaviorItem: {behavior}");
}

fn en(message: &crate::i18n::Message) -> String {
    crate::i18n::words(message, crate::i18n::Lang::En)
}

fn zh(message: &crate::i18n::Message) -> String {
    crate::i18n::words(message, crate::i18n::Lang::Zh)
}

/// Each edit of each fix of `diagnostics`, applied to `text` back to front.
fn with_fixes(text: &str, diagnostics: &[Diagnostic]) -> String {
    let mut edits: Vec<_> = (diagnostics.iter())
        .flat_map(|d| d.fixes.iter().flat_map(|f| f.edits.iter()))
        .collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
    let mut out = text.to_string();
    for e in edits {
        out.replace_range(e.span.start..e.span.end, &e.text);
    }
    out
}

#[test]
fn each_full_width_character_is_named_with_its_twin_and_a_safe_fix() {
    let text = "journey j {\n  stage a {\n    on enter： send wecom \"x\"\n    after １d → b\n  }\u{3000}\n  stage b {}\n}\n";
    let p = parse(text);
    let found: Vec<_> = (p.diagnostics.iter())
        .map(|d| {
            let s = d.primary_span();
            (d.code, &text[s.start..s.end], en(&d.message))
        })
        .collect();
    assert_eq!(
        found,
        [
            (
                Code::FullWidth,
                "：",
                "`：` is a full-width colon; write `:`".to_string()
            ),
            (
                Code::FullWidth,
                "１",
                "`１` is a full-width digit; write `1`".to_string()
            ),
            (
                Code::FullWidth,
                "→",
                "`→` is a full-width arrow; write `->`".to_string()
            ),
            (
                Code::FullWidth,
                "\u{3000}",
                "`\u{3000}` is a full-width space; write ` `".to_string()
            ),
        ]
    );
    assert_eq!(zh(&p.diagnostics[0].message), "`：` 是全角冒号，请写成 `:`");
    assert!(p
        .diagnostics
        .iter()
        .all(|d| d.fixes.len() == 1 && d.fixes[0].safety == crate::diag::Safety::Safe));
    let fixed = with_fixes(text, &p.diagnostics);
    assert_eq!(
        fixed,
        text.replace('：', ":")
            .replace('１', "1")
            .replace('→', "->")
            .replace('\u{3000}', " ")
    );
    ok(&fixed);
}

#[test]
fn full_width_characters_in_strings_comments_and_quoted_names_are_text() {
    ok("event e \"（注册）：完成\" # 注册：（完成）\nevent `a：b`\n");
}

#[test]
fn a_template_in_chinese_quotes_is_one_error_whose_fix_writes_both_quotes() {
    let text = "touchpoint wecom { channel wecom }\njourney j {\n  stage a { on enter: send wecom “欢迎语” }\n}\n";
    let p = parse(text);
    assert_eq!(p.diagnostics.len(), 1, "{:#?}", p.diagnostics);
    let d = &p.diagnostics[0];
    assert_eq!(d.code, Code::FullWidth);
    assert_eq!(
        &text[d.primary_span().start..d.primary_span().end],
        "“欢迎语”"
    );
    assert_eq!(
        en(&d.message),
        "this text is in Chinese quotes; write it in straight double quotes `\"`"
    );
    assert_eq!(d.fixes[0].edits.len(), 2);
    assert_eq!(en(&d.fixes[0].title), "replace `“` and `”` with `\"`");
    assert_eq!(
        with_fixes(text, &p.diagnostics),
        text.replace(['“', '”'], "\"")
    );
    // A lone quote, or one around a `\`, is a character of its own.
    let p = parse("event e “a\\b”\n");
    let names: Vec<_> = p.diagnostics.iter().map(|d| en(&d.message)).collect();
    assert_eq!(
        names,
        [
            "`“` is a Chinese opening quote; write `\"`",
            "`”` is a Chinese closing quote; write `\"`"
        ]
    );
}

#[test]
fn an_unclosed_brace_points_at_the_brace_and_names_its_item() {
    let text = "event signup\n\njourney 美妆新客 \"W2\" {\n  entry on signup\n  stage a {\n  }\n";
    let d = first_error(text);
    assert_eq!(d.code, Code::Syntax);
    assert_eq!(
        en(&d.message),
        "the journey `美妆新客` opened on line 3 is never closed"
    );
    assert_eq!(zh(&d.message), "第 3 行开始的旅程 `美妆新客` 没有结束");
    let brace = text.find('{').unwrap();
    assert_eq!(d.primary_span(), Span::new(brace, brace + 1));
    assert_eq!(d.labels[1].span, Span::new(text.len(), text.len()));
    assert_eq!(en(&d.labels[1].message), "the file ends here");
    // The innermost brace left open, named by its own line.
    let d = first_error("journey j {\n  stage `新 手` {\n    after 1d -> b\n");
    assert_eq!(
        en(&d.message),
        "the stage `新 手` opened on line 2 is never closed"
    );
    // A brace of no item, and an item cut short by the next one.
    let d = first_error("journey j {\n  stage a {\n    on enter: {\n      send x \"}\"\nevent e\n");
    assert_eq!(en(&d.message), "the `{` opened on line 3 is never closed");
    assert_eq!(en(&d.labels[1].message), "the next item starts here");
}

#[test]
fn a_misspelt_keyword_gets_the_one_close_keyword_as_a_safe_fix() {
    let text = "journey j { stage a { on enter: sned wecom \"x\" } }";
    let d = first_error(text);
    assert_eq!(en(d.help.as_deref().unwrap()), "did you mean `send`?");
    assert_eq!(d.fixes.len(), 1);
    assert_eq!(d.fixes[0].safety, crate::diag::Safety::Safe);
    assert_eq!(with_fixes(text, &[d]), text.replace("sned", "send"));
}

/// A file large enough to be cut in parallel blocks: every item start is found, in
/// order, wherever the blocks' edges fall, and nothing else is taken for one.
#[test]
fn a_large_file_is_cut_at_every_item_and_nowhere_else() {
    let mut text = String::new();
    let mut starts = Vec::new();
    for i in 0..6_000 {
        starts.push(text.len());
        match i % 3 {
            0 => text.push_str(&format!("tag t_{i}: bool # tagged 旅程\n")),
            1 => text.push_str(&format!(
                "journey j_{i} {{\n  stage s {{ on visit: tag t_0 = true }}\ntagged\njourney_x\n}}\n"
            )),
            _ => text.push_str(&format!("event e_{i} {{ amount: number }}\n\n  event x\n")),
        }
    }
    assert!(text.len() >= PARALLEL_BYTES, "{}", text.len());
    let ends = starts.iter().skip(1).copied().chain([text.len()]);
    let expected: Vec<_> = starts.iter().copied().zip(ends).collect();
    assert_eq!(chunks(&text), expected);
}

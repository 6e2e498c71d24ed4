//! What a Chinese typist's slips look like in both languages: full-width
//! punctuation, a template in Chinese quotes, a `{` never closed, a control
//! character pasted into the file. Human output, pinned by snapshots.

use journey::{check, render_human, HumanStyle, Lang, SourceFile};

fn both_languages(name: &str, text: &str) -> String {
    let file = SourceFile::new(format!("{name}.journey"), text);
    let diagnostics = check(text).diagnostics;
    let mut out = String::new();
    for lang in [Lang::En, Lang::Zh] {
        let style = HumanStyle {
            lang,
            ..HumanStyle::PLAIN
        };
        out.push_str(&format!("--lang {lang}\n"));
        out.push_str(&render_human(&file, &diagnostics, style));
    }
    out
}

#[test]
fn full_width_punctuation_and_chinese_quotes() {
    let text = "touchpoint wecom { channel wecom }\nevent signup\njourney 新客 {\n  entry on signup\n  stage 新手 {\n    on enter： send wecom “欢迎语”\n    after 1d（at 20：00）→ 老客\n  }\n  stage 老客 {}\n}\n";
    insta::assert_snapshot!(both_languages("full_width", text));
}

#[test]
fn an_unclosed_journey() {
    let text = "event signup\n\njourney 美妆新客 \"W2\" {\n  entry on signup\n  stage 新手 {\n    after 1d -> 老客\n  }\n  stage 老客 {\n  }\n";
    insta::assert_snapshot!(both_languages("unclosed", text));
}

#[test]
fn a_control_character_and_a_misspelt_keyword() {
    let text = "event signup\u{1b}[2J\nevent e\njourney j {\n  entry on signup\n  stage a { on enter: sned wecom \"x\" }\n}\n";
    insta::assert_snapshot!(both_languages("pasted", text));
}

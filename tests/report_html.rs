//! The HTML report in a browser: headless Chromium renders the page of an example in
//! each language with a checking script injected into a copy (the shipped page has no
//! script), which reports charts without a title, boxes whose content overflows at a
//! 1280 px window and text outside its chart; and the page prints to a PDF. Without
//! Chromium the test says so and passes, unless `CI` is set. The page itself is
//! snapshot-tested in both languages.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[path = "support/cli.rs"]
mod cli;
use cli::ok;

#[path = "support/scratch.rs"]
mod scratch;
use scratch::scratch;

const BEAUTY: &str = "examples/beauty_w2.journey";
const COURSE: &str = "examples/course.journey";

/// The HTML report of `example` in `lang`, as `journey simulate` writes it.
fn page(example: &str, lang: &str, users: &str) -> String {
    let args = ["simulate", example, "--users", users, "--seed", "3"];
    String::from_utf8(ok(
        &[&args[..], &["--lang", lang, "--format", "html"]].concat()
    ))
    .unwrap()
}

#[test]
fn the_page_in_each_language() {
    for lang in ["en", "zh"] {
        let html = page(BEAUTY, lang, "300");
        let tag = if lang == "zh" { "zh-CN" } else { "en" };
        assert!(html.contains(&format!("<html lang=\"{tag}\">")));
        insta::assert_snapshot!(format!("beauty_{lang}"), html);
    }
}

/// Runs in the page after it is laid out; the result goes into `#check-result`.
const CHECK: &str = r#"<script>
(function () {
  const problems = [];
  const svgs = document.querySelectorAll("svg");
  svgs.forEach((svg, i) => {
    const title = svg.querySelector(":scope > title");
    if (!title || !title.textContent.trim()) problems.push(`chart ${i} has no title`);
    const box = svg.viewBox.baseVal;
    svg.querySelectorAll("text").forEach((text) => {
      const b = text.getBBox();
      if (b.x < box.x - 1 || b.y < box.y - 1 || b.x + b.width > box.x + box.width + 1
          || b.y + b.height > box.y + box.height + 1) {
        problems.push(`text outside chart ${i}: ${text.textContent}`);
      }
    });
  });
  document.querySelectorAll("body *").forEach((el) => {
    if (el.closest("svg")) return;
    if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) {
      problems.push(`overflows: <${el.tagName.toLowerCase()}> ${el.textContent.slice(0, 60)}`);
    }
  });
  if (document.documentElement.scrollWidth > window.innerWidth) {
    problems.push("the page is wider than the window");
  }
  const out = document.createElement("pre");
  out.id = "check-result";
  out.textContent = JSON.stringify({ width: window.innerWidth, charts: svgs.length, problems });
  document.body.appendChild(out);
})();
</script>"#;

/// The browser, or `None` (with a note) where there is none and `CI` is not set.
fn chromium() -> Option<PathBuf> {
    let found = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find_map(|name| {
            let path = std::env::var_os("PATH")?;
            std::env::split_paths(&path)
                .map(|dir| dir.join(name))
                .find(|p| p.is_file())
        });
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI is set and Chromium is not installed (apt-get install chromium)"
        );
        eprintln!("note: Chromium not found; the HTML report is not checked in a browser");
    }
    found
}

/// Runs headless Chromium on `args` with a profile of its own, and gives its standard
/// output; a run longer than two minutes is killed and fails the test.
fn run_chromium(browser: &Path, dir: &Path, args: &[String]) -> String {
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", dir.join("profile").display()))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(120);
    let reader = {
        let mut stdout = child.stdout.take().unwrap();
        std::thread::spawn(move || {
            let mut text = String::new();
            std::io::Read::read_to_string(&mut stdout, &mut text).unwrap();
            text
        })
    };
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            child.kill().unwrap();
            panic!("Chromium did not finish within two minutes: {args:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    reader.join().unwrap()
}

/// The checking script's verdict on `html` at a 1280 px wide window.
fn check_in_browser(browser: &Path, dir: &Path, html: &str) -> serde_json::Value {
    let checked = dir.join("checked.html");
    std::fs::write(
        &checked,
        html.replace("</body>", &format!("{CHECK}</body>")),
    )
    .unwrap();
    let dom = run_chromium(
        browser,
        dir,
        &[
            "--window-size=1280,1000".into(),
            "--dump-dom".into(),
            format!("file://{}", checked.display()),
        ],
    );
    let result = dom
        .split("<pre id=\"check-result\">")
        .nth(1)
        .and_then(|rest| rest.split("</pre>").next())
        .unwrap_or_else(|| panic!("the checking script did not run: {dom:.2000}"));
    let json = result
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    serde_json::from_str(&json).unwrap()
}

/// The size in points of each page of `pdf` (a PDF written by Chromium: one
/// `/MediaBox [0 0 W H]` per page).
fn pdf_pages(pdf: &[u8]) -> Vec<(f64, f64)> {
    let text = String::from_utf8_lossy(pdf);
    text.split("/MediaBox [")
        .skip(1)
        .map(|rest| {
            let numbers: Vec<f64> = (rest.split(']').next().unwrap().split_whitespace())
                .map(|n| n.parse().unwrap())
                .collect();
            (numbers[2] - numbers[0], numbers[3] - numbers[1])
        })
        .collect()
}

/// A page with each fault the script looks for, to show that it finds them.
const FAULTY: &str = "<!DOCTYPE html><html><body style=\"width: 600px\">\
    <svg viewBox=\"0 0 100 40\" width=\"100\" height=\"40\"><text x=\"60\" y=\"20\">far too long a label</text></svg>\
    <div style=\"width: 200px\"><table><tr><td style=\"white-space: nowrap\">a cell much wider than its box, far too wide</td></tr></table></div>\
    </body></html>";

#[test]
fn the_page_renders_fits_1280_px_and_prints() {
    let Some(browser) = chromium() else { return };
    let dir = scratch("faulty", &[]);
    let verdict = check_in_browser(&browser, &dir, FAULTY);
    let problems: Vec<&str> = (verdict["problems"].as_array().unwrap().iter())
        .map(|p| p.as_str().unwrap())
        .collect();
    let found = |start: &str| problems.iter().any(|p| p.starts_with(start));
    assert!(found("chart 0 has no title"), "{problems:?}");
    assert!(found("text outside chart 0"), "{problems:?}");
    assert!(found("overflows: <div>"), "{problems:?}");
    std::fs::remove_dir_all(dir).unwrap();
    for (example, lang) in [(BEAUTY, "zh"), (COURSE, "zh"), (COURSE, "en")] {
        let name = Path::new(example).file_stem().unwrap().to_string_lossy();
        let dir = scratch(&format!("{name}-{lang}"), &[]);
        let html = page(example, lang, "2000");
        let verdict = check_in_browser(&browser, &dir, &html);
        assert_eq!(verdict["width"], 1280, "{example} {lang}: {verdict}");
        assert!(
            verdict["charts"].as_u64().unwrap() >= 4,
            "{example} {lang}: {verdict}"
        );
        assert_eq!(
            verdict["problems"],
            serde_json::json!([]),
            "{example} {lang}"
        );
        let page_file = dir.join("report.html");
        std::fs::write(&page_file, &html).unwrap();
        let pdf = dir.join("report.pdf");
        run_chromium(
            &browser,
            &dir,
            &[
                "--no-pdf-header-footer".into(),
                format!("--print-to-pdf={}", pdf.display()),
                format!("file://{}", page_file.display()),
            ],
        );
        let pdf = std::fs::read(&pdf).expect("Chromium printed the page");
        assert!(pdf.starts_with(b"%PDF"), "{example} {lang}");
        let pages = pdf_pages(&pdf);
        assert!(!pages.is_empty(), "{example} {lang}");
        // A4: 210 × 297 mm.
        for (w, h) in pages {
            assert!(
                (w - 595.3).abs() < 2.0 && (h - 841.9).abs() < 2.0,
                "{w} × {h}"
            );
        }
        std::fs::remove_dir_all(dir).unwrap();
    }
}

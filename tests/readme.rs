//! What the README's quick start says a first run shows is what it shows.

mod common;

fn readme() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap()
}

/// The first fenced block of `language` after `from` in `text`, without its fences.
fn block_after<'a>(text: &'a str, from: &str, language: &str) -> &'a str {
    let at = text.find(from).unwrap_or_else(|| panic!("no {from}"));
    let fence = format!("```{language}\n");
    let start = at + text[at..].find(&fence).unwrap() + fence.len();
    let len = text[start..].find("```").unwrap();
    &text[start..start + len]
}

/// The quick start's bundled example exits 1, and each line shown of its output (the elided
/// `…` aside) is a line vsslint prints, in that order.
#[test]
fn the_quick_start_example_prints_what_the_readme_shows() {
    let readme = readme();
    let commands = block_after(&readme, "## Quick start", "sh");
    let example = commands
        .lines()
        .find_map(|l| l.strip_prefix("cargo run --release -- "))
        .expect("the quick start runs a bundled example");
    let file = example.split_whitespace().next().unwrap();
    let o = common::vsslint(&[file]);
    assert_eq!(o.status.code(), Some(1), "{}", common::stderr(&o));
    assert!(
        readme.contains("exits 1, on purpose"),
        "the quick start says the exit status"
    );
    let printed = common::stdout(&o);
    let mut rest = printed.lines();
    let shown = block_after(&readme, "## Quick start", "text");
    for line in shown.lines().filter(|l| l.trim() != "…") {
        assert!(
            rest.any(|p| p == line),
            "the README shows {line:?}, which vsslint does not print there:\n{printed}"
        );
    }
}

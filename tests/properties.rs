//! Properties that hold for any input: arbitrary bytes, and real documents broken in the
//! ways files really break (flipped bytes, truncation, stray markup characters, NULs, a change
//! of encoding). Nothing panics, every span lies inside the text on character boundaries, and
//! every position is at least line 1, column 1.
//!
//! The seeds are the rule examples and the small real documents of the shared corpus
//! (required under CI, see `real_documents_are_among_the_seeds`).

mod common;

#[path = "../fuzz/src/lib.rs"]
#[allow(dead_code)]
mod exercise;

use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::RngSeed;
use std::path::Path;
use std::sync::OnceLock;
use vsslint::lint_owned;
use vsslint::report::full::Style;
use vsslint::{lint_bytes, Settings};

/// Cases per property: a quick suite; the fuzz target searches for longer.
const CASES: u32 = 256;

/// The same cases on every run, so that a failure is the change's and not the draw's. For a
/// longer search set `PROPTEST_RNG_SEED` (any number) and `PROPTEST_CASES`.
fn config() -> ProptestConfig {
    let mut config = ProptestConfig::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = CASES;
    }
    if std::env::var_os("PROPTEST_RNG_SEED").is_none() {
        config.rng_seed = RngSeed::Fixed(0x0076_5373_6C69_6E74);
    }
    config
}

fn seeds() -> &'static [Vec<u8>] {
    static SEEDS: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let mut out = Vec::new();
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        collect(
            &root.join("fixtures/rules"),
            &mut |p| p.file_name().is_some_and(|n| n == "good.xml"),
            &mut out,
        );
        // Without the corpus the properties mutate the rule examples only; whether it may be
        // absent is `real_documents_are_among_the_seeds`' business, decided once rather than
        // in every case.
        let corpus = common::corpus_path();
        if corpus.is_dir() {
            real_documents(&corpus, &mut out);
        }
        out.sort();
        assert!(!out.is_empty(), "no seed documents found");
        out
    })
}

/// The small real documents below `dir`. The 2 MB System writer document would make each case
/// slow; the benchmarks cover it.
fn real_documents(dir: &Path, out: &mut Vec<Vec<u8>>) {
    collect(
        dir,
        &mut |p| {
            p.extension().is_some_and(|e| e == "xml")
                && std::fs::metadata(p).is_ok_and(|m| m.len() < 64 * 1024)
        },
        out,
    );
}

/// The real documents are among the seeds.
#[test]
#[cfg_attr(
    no_corpus,
    ignore = "needs ../shared/corpus (see README, Running the tests)"
)]
fn real_documents_are_among_the_seeds() {
    let dir = common::corpus();
    let mut real = Vec::new();
    real_documents(&dir, &mut real);
    assert!(
        !real.is_empty(),
        "no real document under 64 KB in {}",
        dir.display()
    );
    let seeds = seeds();
    assert!(real.iter().all(|doc| seeds.contains(doc)));
}

fn collect(dir: &Path, keep: &mut dyn FnMut(&Path) -> bool, out: &mut Vec<Vec<u8>>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, keep, out);
        } else if keep(&path) {
            out.push(std::fs::read(&path).unwrap());
        }
    }
}

/// What breaks in real files.
#[derive(Debug, Clone)]
enum Mutation {
    FlipByte(Index, u8),
    Truncate(Index),
    Insert(Index, &'static [u8]),
    Delete(Index, usize),
    /// Copies a slice of the document elsewhere, as a botched merge does.
    Duplicate(Index, usize, Index),
}

const INSERTS: &[&[u8]] = &[
    b"<",
    b">",
    b"&",
    b"\"",
    b"'",
    b"\0",
    b"\0\0",
    b"/",
    b"=",
    b"</",
    b"<!--",
    b"-->",
    b"<![CDATA[",
    b"]]>",
    b"<?xml version=\"1.0\"?>",
    b"<!DOCTYPE x [<!ENTITY e \"&e;\">]>",
    b"&amp;",
    b"&#0;",
    b"&#x110000;",
    b"&#xD800;",
    b"&#x9B;",
    b"&#10;",
    b"\r",
    b"\r\n",
    b"\t",
    b"\xEF\xBB\xBF",
    b"\xFF\xFE",
    b"\xC3",
    b"\xE2\x82",
    b"\xF0\x9F\x98\x80",
    b"\xED\xA0\x80",
    b"xmlns=\"\"",
    b"xmlns:p=\"u\"",
    b"p:",
    b"{",
    b"}",
    b"0x",
    b"-1",
    b"4294967296",
];

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        3 => (any::<Index>(), 1..=255u8).prop_map(|(i, m)| Mutation::FlipByte(i, m)),
        1 => any::<Index>().prop_map(Mutation::Truncate),
        4 => (any::<Index>(), prop::sample::select(INSERTS))
            .prop_map(|(i, s)| Mutation::Insert(i, s)),
        2 => (any::<Index>(), 1..64usize).prop_map(|(i, n)| Mutation::Delete(i, n)),
        1 => (any::<Index>(), 1..200usize, any::<Index>())
            .prop_map(|(i, n, to)| Mutation::Duplicate(i, n, to)),
    ]
}

fn apply(doc: &mut Vec<u8>, m: &Mutation) {
    let at = |i: &Index, len: usize| if len == 0 { 0 } else { i.index(len + 1) };
    match m {
        Mutation::FlipByte(i, mask) => {
            if !doc.is_empty() {
                let i = i.index(doc.len());
                doc[i] ^= mask;
            }
        }
        Mutation::Truncate(i) => {
            let i = at(i, doc.len());
            doc.truncate(i);
        }
        Mutation::Insert(i, s) => {
            let i = at(i, doc.len());
            doc.splice(i..i, s.iter().copied());
        }
        Mutation::Delete(i, n) => {
            let i = at(i, doc.len());
            let end = (i + n).min(doc.len());
            doc.drain(i..end);
        }
        Mutation::Duplicate(i, n, to) => {
            let i = at(i, doc.len());
            let end = (i + n).min(doc.len());
            let part = doc[i..end].to_vec();
            let to = at(to, doc.len());
            doc.splice(to..to, part);
        }
    }
}

#[derive(Debug, Clone, Copy)]
enum Encoding {
    Same,
    Utf16Le { bom: bool },
    Utf16Be { bom: bool },
}

fn encoding() -> impl Strategy<Value = Encoding> {
    prop_oneof![
        4 => Just(Encoding::Same),
        1 => any::<bool>().prop_map(|bom| Encoding::Utf16Le { bom }),
        1 => any::<bool>().prop_map(|bom| Encoding::Utf16Be { bom }),
    ]
}

/// Re-encodes a document as UTF-16, when its bytes are UTF-8 (lossily otherwise).
fn reencode(doc: &[u8], enc: Encoding) -> Vec<u8> {
    let (le, bom) = match enc {
        Encoding::Same => return doc.to_vec(),
        Encoding::Utf16Le { bom } => (true, bom),
        Encoding::Utf16Be { bom } => (false, bom),
    };
    let text = String::from_utf8_lossy(doc);
    let mut out = Vec::with_capacity(doc.len() * 2 + 2);
    if bom {
        out.extend_from_slice(if le { &[0xFF, 0xFE] } else { &[0xFE, 0xFF] });
    }
    for unit in text.encode_utf16() {
        out.extend_from_slice(&if le {
            unit.to_le_bytes()
        } else {
            unit.to_be_bytes()
        });
    }
    out
}

fn profiles() -> &'static [(&'static str, Settings)] {
    static PROFILES: OnceLock<Vec<(&'static str, Settings)>> = OnceLock::new();
    PROFILES.get_or_init(|| {
        exercise::profiles()
            .into_iter()
            .filter(|(name, _)| matches!(*name, "default" | "everything"))
            .collect()
    })
}

/// Lints with the default profile and with everything on, checks every span, renders every
/// format.
fn holds(bytes: &[u8]) -> Result<(), TestCaseError> {
    for (name, settings) in profiles() {
        let file = lint_bytes("prop.xml", bytes, settings);
        if let Err(e) = exercise::check_spans(&file) {
            return Err(TestCaseError::fail(format!("profile {name}: {e}")));
        }
        exercise::render_all(&file, Style::plain(60));
        // Linting bytes given up (the command line's path, which reuses them as the text)
        // finds the same.
        let owned = lint_owned("prop.xml", bytes.to_vec(), settings);
        prop_assert_eq!(&owned.text, &file.text, "profile {}", name);
        prop_assert_eq!(
            format!("{:?}", owned.diagnostics),
            format!("{:?}", file.diagnostics),
            "profile {}",
            name
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..1024)) {
        holds(&bytes)?;
    }

    #[test]
    fn arbitrary_text(text in ".{0,400}") {
        holds(text.as_bytes())?;
    }

    #[test]
    fn mutated_documents(
        seed in any::<Index>(),
        mutations in prop::collection::vec(mutation(), 1..6),
        enc in encoding(),
    ) {
        let seeds = seeds();
        let mut doc = seeds[seed.index(seeds.len())].clone();
        for m in &mutations {
            apply(&mut doc, m);
        }
        holds(&reencode(&doc, enc))?;
    }

    /// A good document says the same in UTF-16 with a byte-order mark as in UTF-8, at the
    /// same places: decoding changes the bytes, not the text the spans index.
    #[test]
    fn utf16_with_bom_changes_nothing(seed in any::<Index>(), le in any::<bool>()) {
        let texts = utf8_seeds();
        let text = texts[seed.index(texts.len())];
        let settings = Settings::default();
        let utf8 = lint_bytes("a.xml", text.as_bytes(), &settings);
        let enc = if le { Encoding::Utf16Le { bom: true } } else { Encoding::Utf16Be { bom: true } };
        let utf16 = lint_bytes("a.xml", &reencode(text.as_bytes(), enc), &settings);
        let key = |f: &vsslint::LintedFile| {
            f.diagnostics.iter().map(|d| (d.rule.slug, d.span, d.message.clone())).collect::<Vec<_>>()
        };
        prop_assert_eq!(&utf8.text, &utf16.text);
        prop_assert_eq!(key(&utf8), key(&utf16));
    }
}

/// The seeds that are UTF-8 text and declare no encoding (which new bytes would rightly
/// contradict). UTF-16 seeds are valid UTF-8 too, NULs and all: they are left out.
fn utf8_seeds() -> Vec<&'static str> {
    seeds()
        .iter()
        .filter_map(|doc| std::str::from_utf8(doc).ok())
        .map(|t| t.strip_prefix('\u{FEFF}').unwrap_or(t))
        .filter(|t| !t.contains('\0'))
        .filter(|t| !t.starts_with("<?xml") || !t[..t.find("?>").unwrap_or(0)].contains("encoding"))
        .collect()
}

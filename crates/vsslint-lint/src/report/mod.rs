//! Turning diagnostics into output: positions, the summary, and one module per format, each
//! an [`Emitter`] of a [`Format`].

pub mod concise;
mod emitter;
pub mod escape;
mod format;
pub mod full;
pub mod github;
pub mod json;
#[cfg(feature = "direct-json")]
mod json_direct;
mod json_report;
mod locate;
pub mod paths;
mod pretty;
pub mod sarif;
mod snippet;
pub mod statistics;
mod style;
mod summary;

pub use crate::pipeline::HiddenBy;
pub use emitter::{EmitContext, Emitter};
pub use format::{Format, UnknownFormat};
pub use locate::{container_entry, locate, locate_in_place, Located};
pub use summary::{rule_counts, HiddenReasons, Summary};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::LintedFile;
    use crate::pipeline::{lint_bytes, lint_transcript};
    use crate::settings::Settings;
    use locate::line_index;
    use std::rc::Rc;
    use std::sync::Arc;

    #[test]
    fn a_transcript_text_is_indexed_once_for_all_its_writers() {
        let mut text = String::from("VSHADOW.EXE 3.0\n");
        for n in 0..4 {
            text.push_str(&format!("\n--[Writer {n}]--\n<WRITER_METADATA/>\n"));
        }
        text.push_str("\n--[end of data]--\n");
        let t = lint_transcript("t.txt", text.into_bytes(), &Settings::default()).unwrap();
        let first = line_index(&t.writers[0].1.text);
        for (_, f) in &t.writers {
            assert!(Rc::ptr_eq(&first, &line_index(&f.text)));
        }
        // A document's own text is indexed for it, and not kept.
        let f = lint_bytes("a.xml", b"<WRITER_METADATA/>", &Settings::default());
        let a = line_index(&f.text);
        assert!(!Rc::ptr_eq(&a, &line_index(&f.text)));
        assert!(a.indexes(&f.text));
    }

    #[test]
    fn located_findings_are_reported_alike_without_their_text() {
        // Non-ASCII before a finding: columns count characters, not bytes.
        let doc = "<!-- é -->\r\n<WRITER_METADATA xmlns=\"x-schema:#VssWriterMetadataInfo\" version=\"1.1\">\r\n  <IDENTIFICATION writerId=\"{not-a-guid}\"/>\r\n</WRITER_METADATA>\r\n";
        let f = lint_bytes("a.xml", doc.as_bytes(), &Settings::default());
        assert!(f.diagnostics.len() > 1);
        let report = |f: &LintedFile| {
            let (mut c, mut g) = (Vec::new(), Vec::new());
            concise::write(&mut c, std::slice::from_ref(f)).unwrap();
            github::write(&mut g, std::slice::from_ref(f)).unwrap();
            (String::from_utf8(c).unwrap(), String::from_utf8(g).unwrap())
        };
        let before = report(&f);
        let mut located = lint_bytes("a.xml", doc.as_bytes(), &Settings::default());
        locate_in_place(&mut located);
        located.text = Arc::default();
        assert_eq!(report(&located), before);
        assert!(before.0.contains("a.xml:3:"), "{}", before.0);
    }
}

//! What a new user meets first on the command line: a mistyped command, `dump`'s formats, a
//! fix offered where the help says exactly what to write.

mod common;
use common::*;

const UNDEFINED_BITS: &str = "fixtures/rules/schema/undefined-bits/bad.xml";

/// A word that is not a command is taken for a path; when it names nothing and is close to a
/// command, the error says which command was probably meant.
#[test]
fn a_mistyped_command_gets_a_suggestion() {
    let o = vsslint(&["chek"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("cannot read `chek`"), "{err}");
    assert!(err.contains("did you mean `vsslint check`?"), "{err}");
    assert!(o.stdout.is_empty());

    let o = vsslint(&["dupm", "fixtures/valid/database-writer.xml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("did you mean `vsslint dump`?"),
        "{}",
        stderr(&o)
    );

    // A path that is not a bare word, or a word nothing like a command, gets no suggestion.
    for path in ["no/such/chek", "zzzzzzzz"] {
        let o = vsslint(&[path]);
        assert_eq!(o.status.code(), Some(2));
        assert!(!stderr(&o).contains("did you mean"), "{}", stderr(&o));
    }
}

/// One document's dump is JSON only; asking for the backup's table is a usage error that
/// says which formats there are, not JSON under another name.
#[test]
fn dump_full_of_one_document_is_a_usage_error() {
    let o = vsslint(&[
        "dump",
        "--format",
        "full",
        "fixtures/valid/database-writer.xml",
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
    assert!(o.stdout.is_empty(), "{}", stdout(&o));
    let err = stderr(&o);
    assert!(err.contains("JSON only"), "{err}");
    assert!(
        err.contains("--format full is the table of a backup"),
        "{err}"
    );

    let o = vsslint(&[
        "dump",
        "--format",
        "json",
        "fixtures/valid/database-writer.xml",
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(json(&o)["detection"], "declaration");
}

/// `schema/undefined-bits` offers the value its help names, as an unsafe fix: the declared
/// value changes.
#[test]
fn undefined_schema_bits_have_an_unsafe_fix() {
    let o = vsslint(&["--diff", UNDEFINED_BITS]);
    assert!(
        !stdout(&o).contains("backupSchema=\"16\""),
        "{}",
        stdout(&o)
    );

    let o = vsslint(&["--diff", "--unsafe-fixes", UNDEFINED_BITS]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let diff = stdout(&o);
    assert!(diff.contains("-<WRITER_METADATA"), "{diff}");
    assert!(diff.contains("backupSchema=\"2064\""), "{diff}");
    assert!(diff.contains("+<WRITER_METADATA"), "{diff}");
    assert!(diff.contains("backupSchema=\"16\""), "{diff}");
}

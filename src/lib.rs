//! vsslint: a parser and linter for Microsoft VSS writer metadata documents.
//!
//! - Lint one document: [`lint_bytes`] (or [`lint_owned`] for bytes you give up) with
//!   [`Settings`] gives a [`LintedFile`]: its text, kind, [`Diagnostic`]s and identity.
//!   Documents linted together get the checks across documents with [`check_across`].
//! - Lint the writer metadata documents a `vshadow -wm3` transcript prints: [`lint_transcript`]
//!   gives a [`LintedFile`] for each, at the transcript's lines and columns.
//! - Lint what a command line names (files, directories, globs, standard input), with
//!   configuration discovery and a report: [`run`] with [`Options`], as `vsslint` does.
//! - The typed model of a document: [`with_model`] (or [`with_model_in`] for one inside a
//!   larger text), or [`parse`], which keeps it as a [`Parsed`]; the types are in [`model`].
//! - Reports: [`report`] (full, concise, JSON, SARIF, GitHub).
//! - The rules: [`all_rules`], [`find_rule`], and their documentation in [`reference`](mod@reference).
//! - Containers: [`read_cab`] opens a cabinet (DiskShadow's `set metadata` file) in memory,
//!   within [`CabLimits`], and gives its entries' names and bytes.
//!
//! The layers, bottom to top: rule metadata; diagnostics and settings; the rule API; the
//! shared rule toolkit; the rule files; the registry; the engine; the pipeline; the reports;
//! the orchestration ([`run`]) and the server, which resolve settings through one module
//! (`resolve`). No layer imports one above it (`tests/architecture.rs`).

#![deny(missing_docs)]

mod run;
pub mod server;

pub use vsslint_lint::{config, fix, reference, report};
pub use vsslint_model::{model, os, span, suggest, vocab};

pub use run::coverage::{coverage, Coverage};
pub use run::dump::{dump, schema as dump_schema, BackupDump};
pub use run::{
    compat, run, show_settings, CompatOptions, Failure, FixMode, Options, OptionsError, Outcome,
};
pub use vsslint_container::cab::{
    read_cab, read_cab_with_stats, CabEntry, CabError, CabLimits, CabStats, EntryRef, Place,
};
pub use vsslint_container::{open as open_input, Entry, Frame, Opened, Origin, Transcript};
pub use vsslint_lint::diagnostic::{Applicability, Diagnostic, Edit, Fix, Related};
pub use vsslint_lint::pipeline::{
    check_across, compare, lint_bytes, lint_owned, lint_set, lint_transcript, FileKind, LintedFile,
    LintedTranscript,
};
pub use vsslint_lint::report::Format;
pub use vsslint_lint::rule_api::Rule;
pub use vsslint_lint::rule_meta::{Cost, Profile, RuleMeta, Severity, DOCS_BASE};
pub use vsslint_lint::rules::{all as all_rules, find as find_rule};
pub use vsslint_lint::settings::{ExtraSpellings, Settings};
pub use vsslint_model::decode::{
    decode, decode_owned, DecodeError, Decoded, DecodedText, Detection,
};
pub use vsslint_model::flags::{BackupSchema, ComponentFlags, FileSpecBackupType, Mask};
pub use vsslint_model::parse::{parse, with_model, with_model_in, Parsed, SyntaxError};

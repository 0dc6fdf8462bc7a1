//! vsslint: a parser and linter for Microsoft VSS writer metadata documents.

pub mod config;
pub mod decode;
pub mod diagnostic;
pub mod flags;
pub mod inbox;
pub mod lint;
pub mod model;
pub mod os;
pub mod parse;
pub mod reference;
pub mod report;
pub mod rules;
pub mod settings;
pub mod span;
pub mod suppress;
pub mod vocab;

pub use diagnostic::{Diagnostic, Severity};
pub use lint::{lint_bytes, FileKind, LintedFile};
pub use settings::Settings;

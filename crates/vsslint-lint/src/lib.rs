//! The linter of VSS writer metadata documents and backups: the rules, the engine that runs
//! them, the pipeline from bytes to findings, fixes, settings and their configuration files,
//! and the reports.
//!
//! The layers, bottom to top: rule metadata; diagnostics and settings; the rule API; the
//! shared rule toolkit; the rule files; the registry; the engine; the pipeline; the reports.
//! No layer imports one above it (`tests/architecture.rs`); below them all lie the model
//! (`vsslint-model`) and the container readers (`vsslint-container`).

#![deny(missing_docs)]

pub mod config;
pub mod diagnostic;
pub mod engine;
pub mod fix;
pub mod inbox;
pub mod pipeline;
pub mod reference;
pub mod report;
pub mod resolve;
pub mod rule_api;
pub mod rule_meta;
pub mod rules;
pub mod settings;
pub mod toolkit;

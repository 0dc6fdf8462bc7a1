//! §3.H: component dependencies.
//!
//! No public document shows a dependency in writer metadata: the parser accepts `DEPENDENCY`
//! and `COMPONENT_DEPENDENCY` with `onWriterId`/`writerId`, `onLogicalPath`/`logicalPath` and
//! `onComponentName`/`componentName`, after the parameters of `AddComponentDependency` and the
//! VSS Test Writer's configuration format.

pub mod duplicate;
pub mod outside_component;
pub mod remote_syntax;
pub mod same_writer;
pub mod target_name_missing;
pub mod writer_id_braced;
pub mod writer_id_format;

use crate::rule_api::Rule;

/// The rules of this group.
pub static RULES: &[&Rule] = &[
    &writer_id_format::RULE,
    &writer_id_braced::RULE,
    &same_writer::RULE,
    &target_name_missing::RULE,
    &outside_component::RULE,
    &remote_syntax::RULE,
    &duplicate::RULE,
];

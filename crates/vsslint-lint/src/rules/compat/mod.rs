//! The `compat` group: what a writer's new release changed in its metadata that breaks, or
//! may break, the restore of its previous release's backups and backup applications' saved
//! selections (`vsslint compat OLD NEW`, the compat specification).
//!
//! Each rule is a [`Check::Compare`](crate::rule_api::Check::Compare): it is given one pair of
//! documents of one writer (OLD and NEW), or the whole comparison, and reads the matches the
//! toolkit made (`crate::toolkit::compat_pairs`, `crate::toolkit::compat_match`). These rules
//! never run under `check`.
//!
//! Codes are numbered from VSL1001 in the order of the specification's §2 tables. Each rule
//! takes the code this table gives it, whether or not it is written yet:
//!
//! | Code | Rule | Severity | Spec | File |
//! |---|---|---|---|---|
//! | VSL1001 | `compat/not-same-writer` | error | §2.A | `not_same_writer.rs` |
//! | VSL1002 | `compat/writer-class-changed` | error | §2.A | `writer_class_changed.rs` |
//! | VSL1003 | `compat/writer-removed` | error | §2.A | `writer_removed.rs` |
//! | VSL1004 | `compat/writer-added` | info | §2.A | `writer_added.rs` |
//! | VSL1005 | `compat/ambiguous-pairing` | warning | §2.A | `ambiguous_pairing.rs` |
//! | VSL1006 | `compat/instance-name-changed` | error | §2.A | `instance_name_changed.rs` |
//! | VSL1007 | `compat/instance-name-removed` | error | §2.A | `instance_name_removed.rs` |
//! | VSL1008 | `compat/instance-name-added` | warning | §2.A | `instance_name_added.rs` |
//! | VSL1009 | `compat/friendly-name-changed` | info | §2.A | `friendly_name_changed.rs` |
//! | VSL1010 | `compat/usage-changed` | warning | §2.A | `usage_changed.rs` |
//! | VSL1011 | `compat/data-source-changed` | info | §2.A | `data_source_changed.rs` |
//! | VSL1012 | `compat/version-decreased` | warning | §2.A | `version_decreased.rs` |
//! | VSL1013 | `compat/version-not-bumped` | warning | §2.A | `version_not_bumped.rs` |
//! | VSL1014 | `compat/document-version-changed` | info, optional | §2.A | `document_version_changed.rs` |
//! | VSL1015 | `compat/schema-backup-type-removed` | error | §2.B | `schema_backup_type_removed.rs` |
//! | VSL1016 | `compat/schema-restore-capability-removed` | error | §2.B | `schema_restore_capability_removed.rs` |
//! | VSL1017 | `compat/schema-incremental-mechanism-removed` | warning | §2.B | `schema_incremental_mechanism_removed.rs` |
//! | VSL1018 | `compat/schema-restriction-added` | warning | §2.B | `schema_restriction_added.rs` |
//! | VSL1019 | `compat/schema-system-state-changed` | warning | §2.B | `schema_system_state_changed.rs` |
//! | VSL1020 | `compat/schema-bit-added` | info | §2.B | `schema_bit_added.rs` |
//! | VSL1021 | `compat/backup-stamp-format` | info, optional | §2.B | `backup_stamp_format.rs` |
//! | VSL1022 | `compat/restore-method-changed` | warning | §2.C | `restore_method_changed.rs` |
//! | VSL1023 | `compat/restore-service-changed` | warning | §2.C | `restore_service_changed.rs` |
//! | VSL1024 | `compat/writer-restore-dropped` | warning | §2.C | `writer_restore_dropped.rs` |
//! | VSL1025 | `compat/writer-restore-required` | warning | §2.C | `writer_restore_required.rs` |
//! | VSL1026 | `compat/writer-restore-changed` | info | §2.C | `writer_restore_changed.rs` |
//! | VSL1027 | `compat/reboot-required-added` | warning | §2.C | `reboot_required_added.rs` |
//! | VSL1028 | `compat/reboot-required-removed` | info | §2.C | `reboot_required_removed.rs` |
//! | VSL1029 | `compat/alm-removed` | warning | §2.D | `alm_removed.rs` |
//! | VSL1030 | `compat/alm-destination-changed` | warning | §2.D | `alm_destination_changed.rs` |
//! | VSL1031 | `compat/alm-added` | info | §2.D | `alm_added.rs` |
//! | VSL1032 | `compat/alm-added-alternate-method` | warning | §2.D | `alm_added_alternate_method.rs` |
//! | VSL1033 | `compat/component-removed` | error | §2.E | `component_removed.rs` |
//! | VSL1034 | `compat/component-renamed` | error | §2.E | `component_renamed.rs` |
//! | VSL1035 | `compat/component-case-changed` | warning | §2.E | `component_case_changed.rs` |
//! | VSL1036 | `compat/component-type-changed` | error | §2.E | `component_type_changed.rs` |
//! | VSL1037 | `compat/component-added` | info | §2.E | `component_added.rs` |
//! | VSL1038 | `compat/required-component-added` | warning | §2.E | `required_component_added.rs` |
//! | VSL1039 | `compat/became-implicit` | error | §2.E | `became_implicit.rs` |
//! | VSL1040 | `compat/became-required` | warning | §2.E | `became_required.rs` |
//! | VSL1041 | `compat/selectable-added` | info | §2.E | `selectable_added.rs` |
//! | VSL1042 | `compat/selectable-for-restore-removed` | warning | §2.E | `selectable_for_restore_removed.rs` |
//! | VSL1043 | `compat/selectable-for-restore-added` | info | §2.E | `selectable_for_restore_added.rs` |
//! | VSL1044 | `compat/component-set-changed` | warning | §2.E | `component_set_changed.rs` |
//! | VSL1045 | `compat/not-system-state-changed` | warning | §2.E | `not_system_state_changed.rs` |
//! | VSL1046 | `compat/auto-recovery-added` | warning | §2.E | `auto_recovery_added.rs` |
//! | VSL1047 | `compat/auto-recovery-removed` | info | §2.E | `auto_recovery_removed.rs` |
//! | VSL1048 | `compat/caption-changed` | info, optional | §2.E | `caption_changed.rs` |
//! | VSL1049 | `compat/file-set-removed` | warning | §2.F | `file_set_removed.rs` |
//! | VSL1050 | `compat/file-set-moved` | warning | §2.F | `file_set_moved.rs` |
//! | VSL1051 | `compat/file-set-filespec-changed` | warning | §2.F | `file_set_filespec_changed.rs` |
//! | VSL1052 | `compat/file-set-recursion-changed` | warning | §2.F | `file_set_recursion_changed.rs` |
//! | VSL1053 | `compat/file-set-moved-component` | warning | §2.F | `file_set_moved_component.rs` |
//! | VSL1054 | `compat/file-set-added` | info | §2.F | `file_set_added.rs` |
//! | VSL1055 | `compat/fsbt-backup-bits-removed` | warning | §2.F | `fsbt_backup_bits_removed.rs` |
//! | VSL1056 | `compat/fsbt-snapshot-bits-removed` | info | §2.F | `fsbt_snapshot_bits_removed.rs` |
//! | VSL1057 | `compat/fsbt-bits-added` | info | §2.F | `fsbt_bits_added.rs` |
//! | VSL1058 | `compat/exclude-changed` | info | §2.F | `exclude_changed.rs` |
//! | VSL1059 | `compat/dependency-target-removed` | error | §2.G | `dependency_target_removed.rs` |
//! | VSL1060 | `compat/dependency-added` | warning | §2.G | `dependency_added.rs` |
//! | VSL1061 | `compat/dependency-retargeted` | warning | §2.G | `dependency_retargeted.rs` |
//! | VSL1062 | `compat/dependency-removed` | info | §2.G | `dependency_removed.rs` |

pub mod alm_added;
pub mod alm_added_alternate_method;
pub mod alm_destination_changed;
pub mod alm_removed;
pub mod ambiguous_pairing;
pub mod auto_recovery_added;
pub mod auto_recovery_removed;
pub mod backup_stamp_format;
pub mod became_implicit;
pub mod became_required;
pub mod caption_changed;
pub mod component_added;
pub mod component_case_changed;
pub mod component_removed;
pub mod component_renamed;
pub mod component_set_changed;
pub mod component_type_changed;
pub mod data_source_changed;
pub mod dependency_added;
pub mod dependency_removed;
pub mod dependency_retargeted;
pub mod dependency_target_removed;
pub mod document_version_changed;
pub mod exclude_changed;
pub mod file_set_added;
pub mod file_set_filespec_changed;
pub mod file_set_moved;
pub mod file_set_moved_component;
pub mod file_set_recursion_changed;
pub mod file_set_removed;
pub mod friendly_name_changed;
pub mod fsbt_backup_bits_removed;
pub mod fsbt_bits_added;
pub mod fsbt_snapshot_bits_removed;
pub mod instance_name_added;
pub mod instance_name_changed;
pub mod instance_name_removed;
pub mod not_same_writer;
pub mod not_system_state_changed;
pub mod reboot_required_added;
pub mod reboot_required_removed;
pub mod required_component_added;
pub mod restore_method_changed;
pub mod restore_service_changed;
pub mod schema_backup_type_removed;
pub mod schema_bit_added;
pub mod schema_incremental_mechanism_removed;
pub mod schema_restore_capability_removed;
pub mod schema_restriction_added;
pub mod schema_system_state_changed;
pub mod selectable_added;
pub mod selectable_for_restore_added;
pub mod selectable_for_restore_removed;
pub mod usage_changed;
pub mod version_decreased;
pub mod version_not_bumped;
pub mod writer_added;
pub mod writer_class_changed;
pub mod writer_removed;
pub mod writer_restore_changed;
pub mod writer_restore_dropped;
pub mod writer_restore_required;

use crate::rule_api::Rule;

/// The rules of this group, in code order.
pub static RULES: &[&Rule] = &[
    &not_same_writer::RULE,
    &writer_class_changed::RULE,
    &writer_removed::RULE,
    &writer_added::RULE,
    &ambiguous_pairing::RULE,
    &instance_name_changed::RULE,
    &instance_name_removed::RULE,
    &instance_name_added::RULE,
    &friendly_name_changed::RULE,
    &usage_changed::RULE,
    &data_source_changed::RULE,
    &version_decreased::RULE,
    &version_not_bumped::RULE,
    &document_version_changed::RULE,
    &schema_backup_type_removed::RULE,
    &schema_restore_capability_removed::RULE,
    &schema_incremental_mechanism_removed::RULE,
    &schema_restriction_added::RULE,
    &schema_system_state_changed::RULE,
    &schema_bit_added::RULE,
    &backup_stamp_format::RULE,
    &restore_method_changed::RULE,
    &restore_service_changed::RULE,
    &writer_restore_dropped::RULE,
    &writer_restore_required::RULE,
    &writer_restore_changed::RULE,
    &reboot_required_added::RULE,
    &reboot_required_removed::RULE,
    &alm_removed::RULE,
    &alm_destination_changed::RULE,
    &alm_added::RULE,
    &alm_added_alternate_method::RULE,
    &component_removed::RULE,
    &component_renamed::RULE,
    &component_case_changed::RULE,
    &component_type_changed::RULE,
    &component_added::RULE,
    &required_component_added::RULE,
    &became_implicit::RULE,
    &became_required::RULE,
    &selectable_added::RULE,
    &selectable_for_restore_removed::RULE,
    &selectable_for_restore_added::RULE,
    &component_set_changed::RULE,
    &not_system_state_changed::RULE,
    &auto_recovery_added::RULE,
    &auto_recovery_removed::RULE,
    &caption_changed::RULE,
    &file_set_removed::RULE,
    &file_set_moved::RULE,
    &file_set_filespec_changed::RULE,
    &file_set_recursion_changed::RULE,
    &file_set_moved_component::RULE,
    &file_set_added::RULE,
    &fsbt_backup_bits_removed::RULE,
    &fsbt_snapshot_bits_removed::RULE,
    &fsbt_bits_added::RULE,
    &exclude_changed::RULE,
    &dependency_target_removed::RULE,
    &dependency_added::RULE,
    &dependency_retargeted::RULE,
    &dependency_removed::RULE,
];

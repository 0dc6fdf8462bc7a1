//! The target-OS rules against the feature table: every versioned feature is reported on the
//! last release before its minimum and accepted on the minimum itself.

mod common;

use std::collections::BTreeSet;
use vsslint::os::{Feature, FeatureInfo, WindowsVersion, FEATURES};
use vsslint::{all_rules as all, find_rule as find, Profile};
use vsslint::{lint_bytes, Settings};

/// The pieces of a small writer metadata document that the features change.
struct Parts {
    schema: Option<u32>,
    identification: &'static str,
    method: &'static str,
    component: String,
    path: &'static str,
    file_set: &'static str,
    inside_component: &'static str,
    inside_locations: &'static str,
    express: bool,
}

impl Default for Parts {
    fn default() -> Self {
        Parts {
            schema: None,
            identification: "",
            method: "REPLACE_AT_REBOOT\" rebootRequired=\"yes",
            component: "selectableForRestore=\"no\" componentFlags=\"0\"".into(),
            path: r"C:\ProgramData\Contoso\Ledger",
            file_set: "filespecBackupType=\"3855\"",
            inside_component: "",
            inside_locations: "",
            express: false,
        }
    }
}

impl Parts {
    fn xml(&self) -> String {
        let schema = self
            .schema
            .map(|s| format!(" backupSchema=\"{s}\""))
            .unwrap_or_default();
        format!(
            r#"<WRITER_METADATA xmlns="x-schema:#VssWriterMetadataInfo" version="1.2"{schema}>
  <IDENTIFICATION writerId="5cbc3b8e-4c7a-4b9e-9a5c-2f6f2a1e7d10" instanceId="9f1f5c0a-3b7e-4d2a-8c61-0e4b2d7a9c33" friendlyName="Contoso Ledger Writer" usage="USER_DATA" dataSource="OTHER"{id}/>
  <RESTORE_METHOD method="{method}" writerRestore="never"/>
  <BACKUP_LOCATIONS>
    <FILE_GROUP logicalPath="Ledger" componentName="Journal" selectable="yes" {component}>
      <FILE_LIST path="{path}" filespec="*.dat" recursive="no" {file_set}/>{inside_component}
    </FILE_GROUP>{inside_locations}
  </BACKUP_LOCATIONS>
</WRITER_METADATA>"#,
            id = self.identification,
            method = self.method,
            component = self.component,
            path = self.path,
            file_set = self.file_set,
            inside_component = self.inside_component,
            inside_locations = self.inside_locations,
        )
    }
}

/// A document that uses `f` and nothing newer.
fn using(f: &FeatureInfo) -> Parts {
    match f.feature {
        Feature::BackupSchema => Parts {
            schema: Some(16),
            ..Parts::default()
        },
        Feature::RestoreWithMove
        | Feature::IndependentSystemState
        | Feature::RollforwardRestore
        | Feature::RestoreRename
        | Feature::AuthoritativeRestore
        | Feature::ParallelRestores => Parts {
            schema: Some(f.bit),
            ..Parts::default()
        },
        Feature::BackupRecovery | Feature::AppRollbackRecovery | Feature::NotSystemState => Parts {
            component: format!("componentFlags=\"{}\"", f.bit),
            ..Parts::default()
        },
        Feature::RestoreAtRebootIfCannotReplace => Parts {
            method: "REPLACE_AT_REBOOT_IF_CANNOT_REPLACE\" rebootRequired=\"no",
            ..Parts::default()
        },
        Feature::FileSpecBackupType => Parts {
            file_set: "filespecBackupType=\"257\"",
            ..Parts::default()
        },
        Feature::Dependency => Parts {
            inside_component: "\n      <DEPENDENCY onWriterId=\"0f3b2a51-7d6c-4e8a-9b1f-3c5d7e9a2b4c\" onLogicalPath=\"Archive\" onComponentName=\"History\"/>",
            ..Parts::default()
        },
        Feature::RemoteDependency => Parts {
            inside_component: "\n      <DEPENDENCY onWriterId=\"0f3b2a51-7d6c-4e8a-9b1f-3c5d7e9a2b4c\" onLogicalPath=\"\\\\archive-host\\Archive\" onComponentName=\"History\"/>",
            ..Parts::default()
        },
        Feature::SelectableForRestore => Parts {
            component: "selectableForRestore=\"yes\"".into(),
            ..Parts::default()
        },
        Feature::InstanceName => Parts {
            identification: " instanceName=\"Contoso Ledger Writer:Main\"",
            ..Parts::default()
        },
        Feature::ExcludeFromSnapshot => Parts {
            inside_locations: "\n    <EXCLUDE_FILES_FROM_SNAPSHOT path=\"C:\\ProgramData\\Contoso\\Ledger\\Temp\" filespec=\"*.tmp\" recursive=\"no\"/>",
            ..Parts::default()
        },
        Feature::WriterVersion => Parts {
            identification: " majorVersion=\"2\" minorVersion=\"1\"",
            ..Parts::default()
        },
        Feature::UncPath => Parts {
            path: r"\\ledger-server\Ledger",
            ..Parts::default()
        },
        Feature::ExpressWriter => Parts {
            express: true,
            ..Parts::default()
        },
    }
}

/// The target-OS findings on `parts` for `target`: (rule, message).
fn os_findings(parts: &Parts, target: WindowsVersion) -> Vec<(&'static str, String)> {
    let settings = Settings {
        target_os: Some(target),
        express: parts.express,
        ..Default::default()
    };
    let file = lint_bytes("feature.xml", parts.xml().as_bytes(), &settings);
    file.diagnostics
        .iter()
        .filter(|d| d.rule.profile == Profile::TargetOs)
        .map(|d| (d.rule.slug, d.message.to_string()))
        .collect()
}

#[test]
fn each_feature_is_reported_before_its_minimum_and_accepted_from_it() {
    let mut failures = Vec::new();
    for f in FEATURES {
        let parts = using(f);
        let min = f.min();
        let before = min
            .previous()
            .unwrap_or_else(|| panic!("{:?}: no release before {min:?}", f.feature));

        let found = os_findings(&parts, before);
        let rules: BTreeSet<&str> = found.iter().map(|(r, _)| *r).collect();
        if rules != BTreeSet::from([f.rule]) {
            failures.push(format!(
                "{:?} on {}: expected only {}, got {found:?}",
                f.feature,
                before.name(),
                f.rule
            ));
        } else {
            let wanted = format!(
                "{} needs {}; the target is {}",
                f.label(),
                min.display(),
                before.display()
            );
            if !found.iter().any(|(_, m)| m.contains(&wanted)) {
                failures.push(format!(
                    "{:?} on {}: no message saying {wanted:?} in {found:?}",
                    f.feature,
                    before.name()
                ));
            }
        }

        let at_min = os_findings(&parts, min);
        if !at_min.is_empty() {
            failures.push(format!(
                "{:?} on {}: expected nothing, got {at_min:?}",
                f.feature,
                min.name()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn pairs_named_in_the_brief() {
    let move_ = FEATURES
        .iter()
        .find(|f| f.feature == Feature::RestoreWithMove)
        .unwrap();
    assert_eq!(move_.min(), WindowsVersion::Ws2003Sp1);
    assert_eq!(
        os_findings(&using(move_), WindowsVersion::Ws2003),
        vec![(
            "os/backup-schema-bits",
            "VSS_BS_WRITER_SUPPORTS_RESTORE_WITH_MOVE (0x200) needs Windows Server 2003 SP1; the target is Windows Server 2003".to_string()
        )]
    );
    let parallel = FEATURES
        .iter()
        .find(|f| f.feature == Feature::ParallelRestores)
        .unwrap();
    assert_eq!(
        os_findings(&using(parallel), WindowsVersion::Vista).len(),
        1
    );
    assert!(os_findings(&using(parallel), WindowsVersion::Ws2008).is_empty());
}

#[test]
fn every_table_row_belongs_to_a_target_os_rule_and_back() {
    for f in FEATURES {
        let rule = find(f.rule).unwrap_or_else(|| panic!("{:?}: no rule {}", f.feature, f.rule));
        assert_eq!(rule.meta.profile, Profile::TargetOs, "{}", f.rule);
    }
    for rule in all() {
        let m = &rule.meta;
        if m.group() != "os" || m.slug == "os/in-box-writer-availability" {
            continue;
        }
        assert!(
            FEATURES.iter().any(|f| f.rule == m.slug),
            "{} has no feature in the table",
            m.slug
        );
        assert!(
            m.example_target
                .and_then(WindowsVersion::from_name)
                .is_some(),
            "{} has no valid example target",
            m.slug
        );
    }
}

#[test]
fn nothing_without_a_target() {
    for f in FEATURES {
        let parts = using(f);
        let settings = Settings {
            express: parts.express,
            ..Default::default()
        };
        let file = lint_bytes("feature.xml", parts.xml().as_bytes(), &settings);
        assert!(
            file.diagnostics
                .iter()
                .all(|d| d.rule.profile != Profile::TargetOs),
            "{:?}",
            f.feature
        );
    }
}

#[test]
fn express_rule_needs_express() {
    let parts = Parts::default();
    assert!(os_findings(&parts, WindowsVersion::Vista).is_empty());
    let express = Parts {
        express: true,
        ..Parts::default()
    };
    assert_eq!(os_findings(&express, WindowsVersion::Vista).len(), 1);
}

#[test]
fn several_bits_in_one_finding() {
    // ROLLFORWARD_RESTORE | PARALLEL_RESTORES | COPY on Windows Server 2003 SP1.
    let parts = Parts {
        schema: Some(0x1000 | 0x8000 | 0x10),
        ..Parts::default()
    };
    let found = os_findings(&parts, WindowsVersion::Ws2003Sp1);
    assert_eq!(
        found,
        vec![(
            "os/backup-schema-bits",
            "VSS_BS_ROLLFORWARD_RESTORE (0x1000) needs Windows Vista, VSS_BS_WRITER_SUPPORTS_PARALLEL_RESTORES (0x8000) needs Windows Server 2008 (Windows Vista SP1); the target is Windows Server 2003 SP1".to_string()
        )]
    );
    // On XP the whole attribute is reported once, not bit by bit.
    let found = os_findings(&parts, WindowsVersion::Xp);
    let rules: Vec<&str> = found.iter().map(|(r, _)| *r).collect();
    assert_eq!(rules, vec!["os/backup-schema-xp"]);
}

#[test]
#[cfg_attr(
    no_corpus,
    ignore = "needs ../shared/corpus (see README, Running the tests)"
)]
fn real_documents_on_their_own_release() {
    let dir = common::corpus();
    let sets = std::fs::read_dir(&dir).unwrap();
    let settings = Settings {
        target_os: Some(WindowsVersion::Ws2012),
        ..Default::default()
    };
    let mut seen = 0;
    for set in sets.flatten().filter(|e| e.path().is_dir()) {
        for doc in std::fs::read_dir(set.path()).unwrap().flatten() {
            let bytes = std::fs::read(doc.path()).unwrap();
            let file = lint_bytes(&doc.path().to_string_lossy(), &bytes, &settings);
            let os: Vec<_> = file
                .diagnostics
                .iter()
                .filter(|d| d.rule.profile == Profile::TargetOs)
                .map(|d| &d.message)
                .collect();
            assert!(os.is_empty(), "{}: {os:?}", doc.path().display());
            seen += 1;
        }
    }
    assert!(seen > 0);
}

//! Windows versions, in the order VSS features reached them, and the table of writer metadata
//! features that not every version understands.
//!
//! [`FEATURES`] is the only place a minimum version is written down: the `os/*` rules look
//! their features up in it, their messages name the versions it gives, and their documentation
//! tables are rendered from it at compile time (see [`os_doc!`](crate::os::os_doc)).

use serde::Serialize;

/// A release of Windows that a writer can target. Client and server releases that share a
/// VSS code base are adjacent; the order is the order in which features became available.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum WindowsVersion {
    /// Windows XP (`xp`).
    Xp,
    /// Windows Server 2003 (`ws2003`).
    Ws2003,
    /// Windows Server 2003 SP1 (`ws2003sp1`).
    Ws2003Sp1,
    /// Windows Vista (`vista`).
    Vista,
    /// Windows Server 2008, and Windows Vista SP1 with it (`ws2008`).
    Ws2008,
    /// Windows 7 (`win7`).
    Win7,
    /// Windows Server 2008 R2 (`ws2008r2`).
    Ws2008R2,
    /// Windows 8 (`win8`).
    Win8,
    /// Windows Server 2012 (`ws2012`).
    Ws2012,
    /// Windows 8.1 (`win81`).
    Win81,
    /// Windows Server 2012 R2 (`ws2012r2`).
    Ws2012R2,
    /// Windows 10 (`win10`).
    Win10,
    /// Windows Server 2016 (`ws2016`).
    Ws2016,
    /// Windows Server 2019 (`ws2019`).
    Ws2019,
    /// Windows Server 2022 (`ws2022`).
    Ws2022,
    /// Windows 11 (`win11`).
    Win11,
    /// Windows Server 2025 (`ws2025`).
    Ws2025,
}

use WindowsVersion::*;

// A `const` so that the compile-time documentation renderer can read it.
const VERSION_TABLE: &[(WindowsVersion, &str, &str)] = &[
    (Xp, "xp", "Windows XP"),
    (Ws2003, "ws2003", "Windows Server 2003"),
    (Ws2003Sp1, "ws2003sp1", "Windows Server 2003 SP1"),
    (Vista, "vista", "Windows Vista"),
    (Ws2008, "ws2008", "Windows Server 2008 (Windows Vista SP1)"),
    (Win7, "win7", "Windows 7"),
    (Ws2008R2, "ws2008r2", "Windows Server 2008 R2"),
    (Win8, "win8", "Windows 8"),
    (Ws2012, "ws2012", "Windows Server 2012"),
    (Win81, "win81", "Windows 8.1"),
    (Ws2012R2, "ws2012r2", "Windows Server 2012 R2"),
    (Win10, "win10", "Windows 10"),
    (Ws2016, "ws2016", "Windows Server 2016"),
    (Ws2019, "ws2019", "Windows Server 2019"),
    (Ws2022, "ws2022", "Windows Server 2022"),
    (Win11, "win11", "Windows 11"),
    (Ws2025, "ws2025", "Windows Server 2025"),
];

/// `--target-os` names, in order, with the release each stands for.
pub static VERSIONS: &[(WindowsVersion, &str, &str)] = VERSION_TABLE;

impl WindowsVersion {
    /// A version by its name (`ws2012r2`, `win10`), any case, or by a common alias: a server
    /// release by its year with or without a prefix (`2012r2`, `server2012`, `win2012`,
    /// `windows-server-2012`), a client with `windows` spelt out (`windows10`).
    pub fn from_name(name: &str) -> Option<Self> {
        Self::exact(name).or_else(|| Self::exact(&Self::canonical(name)))
    }

    fn exact(name: &str) -> Option<Self> {
        VERSIONS
            .iter()
            .find(|(_, known, _)| known.eq_ignore_ascii_case(name))
            .map(|(v, _, _)| *v)
    }

    /// An alias in the form of the table's names: `ws` and a year for a server (only
    /// servers are named by a year), `win` and a number for a client.
    fn canonical(name: &str) -> String {
        let squeezed: String = name
            .chars()
            .filter(|c| !matches!(c, '-' | '_' | ' ' | '.'))
            .collect::<String>()
            .to_ascii_lowercase();
        let rest = [
            "windowsserver",
            "winserver",
            "server",
            "windows",
            "win",
            "ws",
        ]
        .iter()
        .find_map(|p| squeezed.strip_prefix(p))
        .unwrap_or(&squeezed);
        let is_year = rest.len() >= 4 && rest.as_bytes()[..4].iter().all(u8::is_ascii_digit);
        if is_year {
            format!("ws{rest}")
        } else {
            format!("win{rest}")
        }
    }

    /// The known name closest to a mistyped one, for "did you mean".
    pub fn nearest_name(name: &str) -> Option<&'static str> {
        let names = || VERSIONS.iter().map(|e| e.1);
        crate::suggest::nearest(name, names())
            .or_else(|| crate::suggest::nearest(&Self::canonical(name), names()))
    }

    /// The `--target-os` name (`ws2012r2`).
    pub fn name(self) -> &'static str {
        VERSIONS
            .iter()
            .find(|(v, _, _)| *v == self)
            .map_or("", |e| e.1)
    }

    /// The release's name in messages (`Windows Server 2012 R2`), which `Display` writes.
    pub const fn display(self) -> &'static str {
        let mut i = 0;
        while i < VERSION_TABLE.len() {
            if VERSION_TABLE[i].0 as u8 == self as u8 {
                return VERSION_TABLE[i].2;
            }
            i += 1;
        }
        ""
    }

    /// The release just before this one in the order, if any.
    pub fn previous(self) -> Option<Self> {
        let i = VERSIONS.iter().position(|(v, _, _)| *v == self)?;
        i.checked_sub(1).map(|p| VERSIONS[p].0)
    }

    /// `xp, ws2003, …` for usage messages.
    pub fn all_names() -> String {
        VERSIONS.iter().map(|e| e.1).collect::<Vec<_>>().join(", ")
    }

    const fn earlier(a: Self, b: Self) -> Self {
        if (a as u8) <= (b as u8) {
            a
        } else {
            b
        }
    }
}

impl std::fmt::Display for WindowsVersion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.display())
    }
}

/// Something a writer metadata document can say that older Windows releases do not understand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Feature {
    /// A backup schema: `backupSchema`.
    BackupSchema,
    /// `VSS_BS_WRITER_SUPPORTS_RESTORE_WITH_MOVE` (0x200) in `backupSchema`.
    RestoreWithMove,
    /// `VSS_BS_INDEPENDENT_SYSTEM_STATE` (0x400) in `backupSchema`.
    IndependentSystemState,
    /// `VSS_BS_ROLLFORWARD_RESTORE` (0x1000) in `backupSchema`.
    RollforwardRestore,
    /// `VSS_BS_RESTORE_RENAME` (0x2000) in `backupSchema`.
    RestoreRename,
    /// `VSS_BS_AUTHORITATIVE_RESTORE` (0x4000) in `backupSchema`.
    AuthoritativeRestore,
    /// `VSS_BS_WRITER_SUPPORTS_PARALLEL_RESTORES` (0x8000) in `backupSchema`.
    ParallelRestores,
    /// `VSS_CF_BACKUP_RECOVERY` (0x1) in `componentFlags`.
    BackupRecovery,
    /// `VSS_CF_APP_ROLLBACK_RECOVERY` (0x2) in `componentFlags`.
    AppRollbackRecovery,
    /// `VSS_CF_NOT_SYSTEM_STATE` (0x4) in `componentFlags`.
    NotSystemState,
    /// The restore method `VSS_RME_RESTORE_AT_REBOOT_IF_CANNOT_REPLACE`.
    RestoreAtRebootIfCannotReplace,
    /// A file set's backup type: `filespecBackupType`.
    FileSpecBackupType,
    /// A component dependency.
    Dependency,
    /// A dependency on a component of another computer.
    RemoteDependency,
    /// Selectability for restore: `selectableForRestore`.
    SelectableForRestore,
    /// A writer instance name: `instanceName`.
    InstanceName,
    /// An `EXCLUDE_FILES_FROM_SNAPSHOT` list.
    ExcludeFromSnapshot,
    /// A writer version: `majorVersion` and `minorVersion`.
    WriterVersion,
    /// A UNC path: files on a file share.
    UncPath,
    /// An express writer (`IVssCreateExpressWriterMetadata`).
    ExpressWriter,
}

/// A Microsoft page that states a feature's minimum version.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Source {
    /// The page's title.
    pub title: &'static str,
    /// The page's address.
    pub url: &'static str,
}

/// One row of the feature table.
#[derive(Debug, Serialize)]
pub struct FeatureInfo {
    /// The feature.
    pub feature: Feature,
    /// How messages name it.
    pub name: &'static str,
    /// The bit, for the features that are one bit of a mask (0 otherwise).
    pub bit: u32,
    /// The `os/*` rule that reports it.
    pub rule: &'static str,
    /// The first server release Microsoft documents for it.
    pub server: WindowsVersion,
    /// The first client release Microsoft documents for it.
    pub client: WindowsVersion,
    /// The page that gives the first releases.
    pub source: Source,
}

impl FeatureInfo {
    /// The release checked against: client and server releases interleave in
    /// [`WindowsVersion`]'s order, and where Microsoft gives a different first client and
    /// first server release, the earlier of the two in that order is the first that has it.
    pub const fn min(&self) -> WindowsVersion {
        WindowsVersion::earlier(self.server, self.client)
    }

    /// Whether a writer targeting `target` cannot use it.
    pub fn too_new_for(&self, target: WindowsVersion) -> bool {
        target < self.min()
    }

    /// `VSS_BS_WRITER_SUPPORTS_RESTORE_WITH_MOVE (0x200)`, or the plain name.
    pub fn label(&self) -> String {
        if self.bit == 0 {
            self.name.to_string()
        } else {
            format!("{} (0x{:X})", self.name, self.bit)
        }
    }

    /// `… needs Windows Server 2003 SP1; the target is Windows Server 2003`.
    pub fn needs(&self, target: WindowsVersion) -> String {
        format!(
            "{} needs {}; the target is {}",
            self.label(),
            self.min(),
            target
        )
    }
}

const SCHEMA: Source = Source {
    title: "VSS_BACKUP_SCHEMA",
    url: "https://learn.microsoft.com/en-us/windows/win32/api/vss/ne-vss-vss_backup_schema",
};
const COMPONENT_FLAGS: Source = Source {
    title: "VSS_COMPONENT_FLAGS",
    url: "https://learn.microsoft.com/en-us/windows/win32/api/vswriter/ne-vswriter-vss_component_flags",
};
const DEPENDENCY: Source = Source {
    title: "IVssCreateWriterMetadata::AddComponentDependency",
    url: "https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-addcomponentdependency",
};

const fn row(
    feature: Feature,
    name: &'static str,
    bit: u32,
    rule: &'static str,
    server: WindowsVersion,
    client: WindowsVersion,
    source: Source,
) -> FeatureInfo {
    FeatureInfo {
        feature,
        name,
        bit,
        rule,
        server,
        client,
        source,
    }
}

// Where a page only says that an older release of one line lacks a feature, that line's
// column holds its next release.
const FEATURE_TABLE: &[FeatureInfo] = &[
    row(
        Feature::BackupSchema,
        "a backup schema (backupSchema)",
        0,
        "os/backup-schema-xp",
        Ws2003,
        Vista,
        Source {
            title: "IVssCreateWriterMetadata::SetBackupSchema",
            url: "https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-setbackupschema",
        },
    ),
    row(
        Feature::RestoreWithMove,
        "VSS_BS_WRITER_SUPPORTS_RESTORE_WITH_MOVE",
        0x200,
        "os/backup-schema-bits",
        Ws2003Sp1,
        Vista,
        SCHEMA,
    ),
    row(
        Feature::IndependentSystemState,
        "VSS_BS_INDEPENDENT_SYSTEM_STATE",
        0x400,
        "os/backup-schema-bits",
        Ws2008,
        Vista,
        SCHEMA,
    ),
    row(
        Feature::RollforwardRestore,
        "VSS_BS_ROLLFORWARD_RESTORE",
        0x1000,
        "os/backup-schema-bits",
        Ws2008,
        Vista,
        SCHEMA,
    ),
    row(
        Feature::RestoreRename,
        "VSS_BS_RESTORE_RENAME",
        0x2000,
        "os/backup-schema-bits",
        Ws2008,
        Vista,
        SCHEMA,
    ),
    row(
        Feature::AuthoritativeRestore,
        "VSS_BS_AUTHORITATIVE_RESTORE",
        0x4000,
        "os/backup-schema-bits",
        Ws2008,
        Vista,
        SCHEMA,
    ),
    row(
        Feature::ParallelRestores,
        "VSS_BS_WRITER_SUPPORTS_PARALLEL_RESTORES",
        0x8000,
        "os/backup-schema-bits",
        Ws2008,
        Ws2008,
        Source {
            title: "What's New in VSS in Windows Server 2008 and Windows Vista SP1",
            url: "https://learn.microsoft.com/en-us/windows/win32/vss/what-s-new-in-vss-in-windows-server-2008-and-windows-vista-sp1",
        },
    ),
    row(
        Feature::BackupRecovery,
        "VSS_CF_BACKUP_RECOVERY",
        0x1,
        "os/component-flags",
        Ws2003Sp1,
        Vista,
        COMPONENT_FLAGS,
    ),
    row(
        Feature::AppRollbackRecovery,
        "VSS_CF_APP_ROLLBACK_RECOVERY",
        0x2,
        "os/component-flags",
        Ws2003Sp1,
        Vista,
        COMPONENT_FLAGS,
    ),
    row(
        Feature::NotSystemState,
        "VSS_CF_NOT_SYSTEM_STATE",
        0x4,
        "os/component-flags",
        Ws2008,
        Vista,
        COMPONENT_FLAGS,
    ),
    row(
        Feature::RestoreAtRebootIfCannotReplace,
        "VSS_RME_RESTORE_AT_REBOOT_IF_CANNOT_REPLACE",
        0,
        "os/restore-at-reboot-if-cannot-replace",
        Ws2003,
        Vista,
        Source {
            title: "Summary of VSS API Changes in the Current Release",
            url: "https://learn.microsoft.com/en-us/windows/win32/vss/summary-of-vss-api-changes-in-the-current-release",
        },
    ),
    row(
        Feature::FileSpecBackupType,
        "a file-set backup type (filespecBackupType)",
        0,
        "os/fsbt",
        Ws2003,
        Vista,
        Source {
            title: "IVssWMFiledesc::GetBackupTypeMask",
            url: "https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsswmfiledesc-getbackuptypemask",
        },
    ),
    row(
        Feature::Dependency,
        "a component dependency",
        0,
        "os/dependencies",
        Ws2003,
        Vista,
        DEPENDENCY,
    ),
    row(
        Feature::RemoteDependency,
        "a remote component dependency",
        0,
        "os/dependencies",
        Ws2003Sp1,
        Vista,
        DEPENDENCY,
    ),
    row(
        Feature::SelectableForRestore,
        "selectability for restore (selectableForRestore)",
        0,
        "os/selectable-for-restore",
        Ws2003,
        Vista,
        Source {
            title: "New Functionality Available in the Current Release",
            url: "https://learn.microsoft.com/en-us/windows/win32/vss/new-functionality-available-in-the-current-release",
        },
    ),
    row(
        Feature::InstanceName,
        "a writer instance name (instanceName)",
        0,
        "os/instance-name",
        Ws2003Sp1,
        Vista,
        Source {
            title: "CVssWriter::Initialize",
            url: "https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-cvsswriter-initialize",
        },
    ),
    row(
        Feature::ExcludeFromSnapshot,
        "EXCLUDE_FILES_FROM_SNAPSHOT",
        0,
        "os/exclude-from-snapshot",
        Ws2008,
        Vista,
        Source {
            title: "IVssCreateWriterMetadataEx::AddExcludeFilesFromSnapshot",
            url: "https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadataex-addexcludefilesfromsnapshot",
        },
    ),
    row(
        Feature::WriterVersion,
        "a writer version (majorVersion/minorVersion)",
        0,
        "os/writer-version",
        Ws2008,
        Vista,
        Source {
            title: "CVssWriterEx::InitializeEx",
            url: "https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-cvsswriterex-initializeex",
        },
    ),
    row(
        Feature::UncPath,
        "a UNC path",
        0,
        "os/unc-paths",
        Ws2012,
        Win8,
        Source {
            title: "IVssCreateWriterMetadata::AddFilesToFileGroup",
            url: "https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-addfilestofilegroup",
        },
    ),
    row(
        Feature::ExpressWriter,
        "an express writer",
        0,
        "os/express",
        Ws2008R2,
        Win7,
        Source {
            title: "IVssCreateExpressWriterMetadata",
            url: "https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nl-vswriter-ivsscreateexpresswritermetadata",
        },
    ),
];

/// Every versioned feature, with its minimum releases and where they are documented.
pub static FEATURES: &[FeatureInfo] = FEATURE_TABLE;

/// The row of one feature.
pub fn feature(f: Feature) -> &'static FeatureInfo {
    FEATURES
        .iter()
        .find(|i| i.feature == f)
        .expect("every feature has a row in the table")
}

/// The `--target-os` name of the last release without `f`: the target of a rule's bad example.
pub const fn last_without(f: Feature) -> &'static str {
    let mut i = 0;
    while i < FEATURE_TABLE.len() {
        if FEATURE_TABLE[i].feature as u8 == f as u8 {
            let min = FEATURE_TABLE[i].min() as usize;
            if min == 0 {
                panic!("the feature exists on every release");
            }
            return VERSION_TABLE[min - 1].1;
        }
        i += 1;
    }
    panic!("every feature has a row in the table")
}

/// The features one rule reports.
pub fn features_of(rule: &str) -> impl Iterator<Item = &'static FeatureInfo> + '_ {
    FEATURES.iter().filter(move |i| i.rule == rule)
}

/// Rendering of the documentation tables at compile time, so that rule pages show the
/// versions of [`FEATURES`] without restating them.
pub mod doc {
    use super::{FeatureInfo, FEATURE_TABLE, VERSION_TABLE};

    /// Writes into a fixed buffer; with `N = 0` it only counts, which gives the size to use.
    pub struct Out<const N: usize> {
        /// The bytes written, as many as `N` holds.
        pub buf: [u8; N],
        /// The number of bytes written, counting those beyond `N` that did not fit.
        pub len: usize,
    }

    impl<const N: usize> Out<N> {
        const fn push(&mut self, s: &str) {
            let b = s.as_bytes();
            let mut i = 0;
            while i < b.len() {
                if self.len < N {
                    self.buf[self.len] = b[i];
                }
                self.len += 1;
                i += 1;
            }
        }

        const fn push_hex(&mut self, mut n: u32) {
            let mut digits = [0u8; 8];
            let mut k = 0;
            loop {
                let d = (n % 16) as u8;
                digits[k] = if d < 10 { b'0' + d } else { b'A' + d - 10 };
                k += 1;
                n /= 16;
                if n == 0 {
                    break;
                }
            }
            self.push("0x");
            while k > 0 {
                k -= 1;
                let one = [digits[k]];
                match core::str::from_utf8(&one) {
                    Ok(s) => self.push(s),
                    Err(_) => panic!("hex digits are ASCII"),
                }
            }
        }

        const fn feature(&mut self, f: &FeatureInfo) {
            self.push("| ");
            if f.bit != 0 {
                self.push("`");
                self.push(f.name);
                self.push("` (");
                self.push_hex(f.bit);
                self.push(")");
            } else {
                self.push(f.name);
            }
            self.push(" | ");
            self.push(f.min().display());
            self.push(" | ");
            self.push(f.server.display());
            self.push(" | ");
            self.push(f.client.display());
            self.push(" | [");
            self.push(f.source.title);
            self.push("](");
            self.push(f.source.url);
            self.push(") |\n");
        }
    }

    const fn same(a: &str, b: &str) -> bool {
        let (a, b) = (a.as_bytes(), b.as_bytes());
        if a.len() != b.len() {
            return false;
        }
        let mut i = 0;
        while i < a.len() {
            if a[i] != b[i] {
                return false;
            }
            i += 1;
        }
        true
    }

    /// `prose`, then the table of the features `rule` reports.
    pub const fn render<const N: usize>(prose: &str, rule: &str) -> Out<N> {
        let mut out = Out {
            buf: [0; N],
            len: 0,
        };
        out.push(prose);
        out.push(
            "\n\n| Feature | Checked from | First server release | First client release | Source |\n\
             |---|---|---|---|---|\n",
        );
        let mut i = 0;
        let mut found = false;
        while i < FEATURE_TABLE.len() {
            if same(FEATURE_TABLE[i].rule, rule) {
                out.feature(&FEATURE_TABLE[i]);
                found = true;
            }
            i += 1;
        }
        if !found {
            panic!("no feature in the table belongs to this rule");
        }
        out.push("\n`--target-os` names follow one order in which client and server releases interleave (");
        let mut v = 0;
        while v < VERSION_TABLE.len() {
            if v > 0 {
                out.push(" < ");
            }
            out.push("`");
            out.push(VERSION_TABLE[v].1);
            out.push("`");
            v += 1;
        }
        out.push(
            "). A feature is checked from the earlier of its first server and first client \
             release in that order, and a target below it is reported. The minimums come from \
             vsslint's feature table (`crates/vsslint-model/src/os.rs`).",
        );
        out
    }

    /// The rendered bytes as text.
    ///
    /// # Panics
    ///
    /// When they are not UTF-8 (at compile time, when called in a constant).
    pub const fn as_str(bytes: &'static [u8]) -> &'static str {
        match core::str::from_utf8(bytes) {
            Ok(s) => s,
            Err(_) => panic!("rule documentation is UTF-8"),
        }
    }
}

/// The `what` text of an `os/*` rule: its prose followed by the table of its features.
#[macro_export]
macro_rules! os_doc {
    ($rule:literal, $prose:expr) => {{
        const LEN: usize = $crate::os::doc::render::<0>($prose, $rule).len;
        const BYTES: [u8; LEN] = $crate::os::doc::render::<LEN>($prose, $rule).buf;
        const TEXT: &str = $crate::os::doc::as_str(&BYTES);
        TEXT
    }};
}
pub use crate::os_doc;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_aliases() {
        let ws2012 = WindowsVersion::from_name("ws2012");
        assert!(ws2012.is_some());
        for alias in [
            "WS2012",
            "win2012",
            "server2012",
            "windows-server-2012",
            "2012",
        ] {
            assert_eq!(WindowsVersion::from_name(alias), ws2012, "{alias}");
        }
        assert_eq!(
            WindowsVersion::from_name("2012r2"),
            WindowsVersion::from_name("ws2012r2")
        );
        assert_eq!(
            WindowsVersion::from_name("windows10"),
            WindowsVersion::from_name("win10")
        );
        assert_eq!(WindowsVersion::from_name("win2013"), None);
        assert_eq!(WindowsVersion::nearest_name("ws2012r3"), Some("ws2012r2"));
        assert_eq!(WindowsVersion::nearest_name("vsta"), Some("vista"));
    }

    #[test]
    fn every_feature_has_one_row() {
        for (i, a) in FEATURES.iter().enumerate() {
            assert!(
                FEATURES[i + 1..].iter().all(|b| b.feature != a.feature),
                "{:?} twice",
                a.feature
            );
        }
    }

    #[test]
    fn earliest_of_client_and_server() {
        assert_eq!(feature(Feature::BackupSchema).min(), Ws2003);
        assert_eq!(feature(Feature::NotSystemState).min(), Vista);
        assert_eq!(feature(Feature::ExpressWriter).min(), Win7);
        assert_eq!(feature(Feature::UncPath).min(), Win8);
    }

    #[test]
    fn message_names_feature_and_versions() {
        assert_eq!(
            feature(Feature::RestoreWithMove).needs(Ws2003),
            "VSS_BS_WRITER_SUPPORTS_RESTORE_WITH_MOVE (0x200) needs Windows Server 2003 SP1; the target is Windows Server 2003"
        );
    }

    #[test]
    fn documentation_table_is_rendered_from_the_rows() {
        let text = os_doc!("os/backup-schema-bits", "Prose.");
        assert!(text.starts_with("Prose.\n\n| Feature |"));
        assert!(text.contains(
            "| `VSS_BS_WRITER_SUPPORTS_PARALLEL_RESTORES` (0x8000) | Windows Server 2008 (Windows Vista SP1) |"
        ));
        assert!(text.contains("`VSS_BS_WRITER_SUPPORTS_RESTORE_WITH_MOVE` (0x200) | Windows Server 2003 SP1 | Windows Server 2003 SP1 | Windows Vista |"));
        assert!(!text.contains("VSS_CF_"));
    }

    #[test]
    fn example_targets_come_from_the_table() {
        assert_eq!(last_without(Feature::RestoreWithMove), "ws2003");
        assert_eq!(last_without(Feature::ParallelRestores), "vista");
        assert_eq!(last_without(Feature::BackupSchema), "xp");
    }

    #[test]
    fn previous_release() {
        assert_eq!(Xp.previous(), None);
        assert_eq!(Ws2003Sp1.previous(), Some(Ws2003));
    }
}

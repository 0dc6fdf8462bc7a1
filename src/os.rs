//! Windows versions, in the order VSS features reached them.

use serde::Serialize;

/// A release of Windows that a writer can target. Client and server releases that share a
/// VSS code base are adjacent; the order is the order in which features became available.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum WindowsVersion {
    Xp,
    Ws2003,
    Ws2003Sp1,
    Vista,
    Ws2008,
    Win7,
    Ws2008R2,
    Win8,
    Ws2012,
    Win81,
    Ws2012R2,
    Win10,
    Ws2016,
    Ws2019,
    Ws2022,
    Win11,
    Ws2025,
}

use WindowsVersion::*;

/// `--target-os` names, in order, with the release each stands for.
pub static VERSIONS: &[(WindowsVersion, &str, &str)] = &[
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

impl WindowsVersion {
    pub fn from_name(name: &str) -> Option<Self> {
        VERSIONS
            .iter()
            .find(|(_, n, _)| n.eq_ignore_ascii_case(name))
            .map(|(v, _, _)| *v)
    }

    pub fn name(self) -> &'static str {
        VERSIONS
            .iter()
            .find(|(v, _, _)| *v == self)
            .map_or("", |e| e.1)
    }

    pub fn display(self) -> &'static str {
        VERSIONS
            .iter()
            .find(|(v, _, _)| *v == self)
            .map_or("", |e| e.2)
    }

    /// `xp, ws2003, …` for usage messages.
    pub fn all_names() -> String {
        VERSIONS.iter().map(|e| e.1).collect::<Vec<_>>().join(", ")
    }
}

impl std::fmt::Display for WindowsVersion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.display())
    }
}

//! Microsoft's documented in-box writers: the writers that ship with Windows, their class IDs,
//! the names the documentation gives them, and the releases it says they are missing from.
//!
//! The table follows the "In-Box VSS Writers" page of the VSS documentation. That page gives no
//! class ID for the Hyper-V, DFSR, FRS and Data Deduplication writers; their IDs come from the
//! Microsoft pages it links to (noted per entry). The Cluster Service writer is left out: no
//! Microsoft page found gives its ID.

use uuid::{uuid, Uuid};
use vsslint_model::os::WindowsVersion::{self, *};

/// The in-box writers page of the VSS documentation.
pub const INBOX_PAGE: &str =
    "https://learn.microsoft.com/en-us/windows/win32/vss/in-box-vss-writers";

/// One documented in-box writer.
#[derive(Debug)]
pub struct InboxWriter {
    /// The writer class ID (`IDENTIFICATION/@writerId`).
    pub id: Uuid,
    /// The writer as the documentation titles it.
    pub title: &'static str,
    /// The writer name string the documentation gives; `<…>` marks a part that varies per
    /// instance. `None` when the documentation gives no name.
    pub name: Option<&'static str>,
    /// The releases the documentation says the writer is not supported on.
    pub not_on: &'static [WindowsVersion],
    /// Documented as shipping only with Windows Server ("it does not ship in Windows Client").
    pub server_only: bool,
    /// The documentation's availability statement, in short.
    pub availability: &'static str,
    /// Where the class ID is documented, when not on the in-box writers page.
    pub source: Option<&'static str>,
}

impl InboxWriter {
    /// Whether the documentation allows the writer on `v`.
    pub fn available_on(&self, v: WindowsVersion) -> bool {
        let missing = self.not_on.contains(&v) || (self.server_only && is_client(v));
        !missing
    }

    /// Whether `friendly` is the documented name (letter case aside). Names with a varying
    /// part, and writers without a documented name, match anything.
    pub fn name_matches(&self, friendly: &str) -> bool {
        match self.name {
            Some(n) if !n.contains('<') => n.eq_ignore_ascii_case(friendly.trim()),
            _ => true,
        }
    }
}

/// Client releases: writers documented as server-only are absent from them. (`Ws2008` also
/// stands for Vista SP1, but as a target it names the server.)
fn is_client(v: WindowsVersion) -> bool {
    matches!(v, Xp | Vista | Win7 | Win8 | Win81 | Win10 | Win11)
}

/// "Windows XP: not supported."
const NOT_XP: &[WindowsVersion] = &[Xp];
/// "Windows Server 2003: not supported" (service packs and R2 are still Windows Server 2003).
const NOT_2003: &[WindowsVersion] = &[Ws2003, Ws2003Sp1];
/// "Windows Server 2003 and Windows XP: not supported."
const NOT_2003_XP: &[WindowsVersion] = &[Xp, Ws2003, Ws2003Sp1];
/// "Not supported until Windows Vista with SP1 and Windows Server 2008."
const FROM_2008: &[WindowsVersion] = &[Xp, Ws2003, Ws2003Sp1, Vista];
/// "Windows Server 2008, Windows Vista, Windows Server 2003 and Windows XP: not supported."
const NOT_2008: &[WindowsVersion] = &[Xp, Ws2003, Ws2003Sp1, Vista, Ws2008];
/// "Windows Server 2008 R2, Windows 7, … and Windows XP: not supported."
const NOT_2008R2: &[WindowsVersion] = &[Xp, Ws2003, Ws2003Sp1, Vista, Ws2008, Win7, Ws2008R2];
/// "Windows Server 2008 R2, Windows Server 2008 and Windows Server 2003: not supported" (server
/// writers: the client releases are excluded by `server_only`).
const NOT_SERVER_2008R2: &[WindowsVersion] = &[Ws2003, Ws2003Sp1, Ws2008, Ws2008R2];
/// "Included with Windows Server 2012 R2 and newer server versions."
const FROM_2012R2: &[WindowsVersion] = &[
    Xp, Ws2003, Ws2003Sp1, Vista, Ws2008, Win7, Ws2008R2, Win8, Ws2012, Win81,
];

const NO_LIMIT: &str = "no release restriction documented";
const NOT_2003_XP_TEXT: &str = "not supported on Windows Server 2003 or Windows XP";
const FROM_2008_TEXT: &str = "not supported until Windows Vista SP1 and Windows Server 2008";
const NOT_2008_TEXT: &str = "not supported on Windows Server 2008, Windows Vista or earlier";
const NOT_2008R2_TEXT: &str = "not supported on Windows Server 2008 R2, Windows 7 or earlier";

macro_rules! writer {
    ($id:literal, $title:literal, $name:expr, $not_on:expr, $server:expr, $avail:expr) => {
        writer!($id, $title, $name, $not_on, $server, $avail, None)
    };
    ($id:literal, $title:literal, $name:expr, $not_on:expr, $server:expr, $avail:expr, $source:expr) => {
        InboxWriter {
            id: uuid!($id),
            title: $title,
            name: $name,
            not_on: $not_on,
            server_only: $server,
            availability: $avail,
            source: $source,
        }
    };
}

/// The documented in-box writers, in the order of the documentation.
pub static INBOX_WRITERS: &[InboxWriter] = &[
    writer!("B2014C9E-8711-4C5C-A5A9-3CF384484757", "Active Directory Domain Services (NTDS) VSS Writer", Some("NTDS"), &[], false, NO_LIMIT),
    writer!("772C45F8-AE01-4F94-940C-94961864ACAD", "Active Directory Federation Services Writer", Some("ADFS VSS Writer"), NOT_2008R2, false, NOT_2008R2_TEXT),
    writer!("DD846AAA-A1B6-42A8-AAF8-03DCB6114BFD", "Active Directory Lightweight Directory Services (LDS) VSS Writer", Some("ADAM (instance<N>) Writer"), NOT_XP, false, "not supported on Windows XP; one writer ID for all instances"),
    writer!("886C43B1-D455-4428-A37F-4D6B9E43F50F", "Active Directory Rights Management Services (AD RMS) Writer", Some("AD RMS Writer"), NOT_2008R2, false, NOT_2008R2_TEXT),
    writer!("BE000CBE-11FE-4426-9C58-531AA6355FC4", "Automated System Recovery (ASR) Writer", Some("ASR Writer"), NOT_2003_XP, false, NOT_2003_XP_TEXT),
    writer!("4969D978-BE47-48B0-B100-F328F07AC1E0", "Background Intelligent Transfer Service (BITS) Writer", Some("BITS Writer"), NOT_2003_XP, false, NOT_2003_XP_TEXT),
    writer!("6F5B15B5-DA24-4D88-B737-63063E3A1F86", "Certificate Authority Writer", Some("Certificate Authority"), &[], false, "no release restriction documented; named \"Certificate Server Writer\" on Windows XP"),
    writer!("1072AE1C-E5A7-4EA1-9E4A-6F7964656570", "Cluster Shared Volume (CSV) VSS Writer", Some("Cluster Shared Volume VSS Writer"), NOT_SERVER_2008R2, true, "Windows Server only; not supported on Windows Server 2008 R2 or earlier"),
    writer!("542DA469-D3E1-473C-9F4F-7847F01FC64F", "COM+ Class Registration Database Writer", Some("COM+ REGDB Writer"), NOT_2003_XP, false, NOT_2003_XP_TEXT),
    writer!("41DB4DBF-6046-470E-8AD5-D5081DFB1B70", "Data Deduplication Writer", Some("Dedup Writer"), NOT_SERVER_2008R2, true, "Windows Server only; not supported on Windows Server 2008 R2 or earlier",
        Some("\"Backup and Restore of Data Deduplication-Enabled Volumes\", in the Data Deduplication documentation the in-box writers page links to: https://msdn.microsoft.com/en-us/library/Hh769304(v=VS.85).aspx")),
    writer!("2707761B-2324-473D-88EB-EB007A359533", "Distributed File System Replication (DFSR)", Some("DFS Replication service writer"), FROM_2008, false, FROM_2008_TEXT,
        Some("\"DFSR Replicated Folders\", in the DFSR documentation the in-box writers page links to: https://msdn.microsoft.com/en-us/library/Bb540026(v=VS.85).aspx")),
    writer!("BE9AC81E-3619-421F-920F-4C6FEA9E93AD", "Dynamic Host Configuration Protocol (DHCP) Writer", Some("Dhcp Jet Writer"), &[], true, "Windows Server only"),
    writer!("D76F5A28-3092-4589-BA48-2958FB88CE29", "File Replication Service (FRS)", Some("FRS Writer"), FROM_2008, false, FROM_2008_TEXT,
        Some("Backing Up and Restoring an FRS-Replicated SYSVOL Folder: https://learn.microsoft.com/en-us/windows/win32/vss/backing-up-and-restoring-an-frs-replicated-sysvol-folder")),
    // "Not supported until Windows Server 2003 R2": R2 shares the Server 2003 SP1 code base, so
    // only plain Server 2003 is known to lack it.
    writer!("12CE4370-5BB7-4C58-A76A-E5D5097E3674", "File Server Resource Manager (FSRM) Writer", Some("FSRM Writer"), &[Ws2003], true, "Windows Server only; not supported until Windows Server 2003 R2"),
    writer!("66841CD4-6DED-4F4B-8F17-FD23F8DDC3DE", "Hyper-V Writer", Some("Microsoft Hyper-V VSS Writer"), NOT_2003, true, "Windows Server only; not supported until Windows Server 2008",
        Some("Backing up and restoring virtual machines: https://learn.microsoft.com/en-us/windows/win32/hyperv_v2/backing-up-and-restoring-virtual-machines")),
    writer!("2A40FD15-DFCA-4AA8-A654-1F8C654603F6", "IIS Configuration Writer", None, FROM_2008, false, FROM_2008_TEXT),
    writer!("59B1F0CF-90EF-465F-9609-6CA8B2938366", "IIS Metabase Writer", None, FROM_2008, false, FROM_2008_TEXT),
    writer!("7E47B561-971A-46E6-96B9-696EEAA53B2A", "Microsoft Message Queuing (MSMQ) Writer", Some("MSMQ Writer (<service name>)"), NOT_2008R2, false, NOT_2008R2_TEXT),
    writer!("CD3F2362-8BEF-46C7-9181-D62844CDC062", "MSSearch Service Writer", Some("MSSearch Service Writer"), NOT_2003, false, "not supported on Windows Server 2003"),
    // The page writes this ID with a stray "0x" in front.
    writer!("35E81631-13E1-48DB-97FC-D5BC721BB18A", "NPS VSS Writer", Some("NPS VSS Writer"), FROM_2008, false, FROM_2008_TEXT),
    writer!("0BADA1DE-01A9-4625-8278-69E735F39DD2", "Performance Counters Writer", Some("Performance Counters Writer"), NOT_2008, false, NOT_2008_TEXT),
    writer!("AFBAB4A2-367D-4D15-A586-71DBB18F8485", "Registry Writer", Some("Registry Writer"), NOT_XP, false, "not supported on Windows XP; on Windows Server 2003 it works through an intermediate (spit) file"),
    writer!("368753EC-572E-4FC7-B4B9-CCD9BDC624CB", "Remote Desktop Services (Terminal Services) Gateway VSS Writer", Some("TS Gateway Writer"), NOT_2003, true, "Windows Server only; not supported on Windows Server 2003"),
    writer!("5382579C-98DF-47A7-AC6C-98A6D7106E09", "Remote Desktop Services (Terminal Services) Licensing VSS Writer", Some("TermServLicensing"), NOT_2003, true, "Windows Server only; not supported on Windows Server 2003"),
    writer!("4DC3BDD4-AB48-4D07-ADB0-3BEE2926FD7F", "Shadow Copy Optimization Writer", Some("Shadow Copy Optimization Writer"), NOT_2003_XP, false, NOT_2003_XP_TEXT),
    writer!("D46BF321-FDBA-4A35-8EC3-454DF03BC86A", "Sync Share Service Writer", Some("Sync Share Service VSS writer"), FROM_2012R2, true, "Windows Server 2012 R2 and later server releases only"),
    writer!("E8132975-6F93-4464-A53E-1050253AE220", "System Writer", Some("System Writer"), NOT_2003_XP, false, NOT_2003_XP_TEXT),
    writer!("D61D61C8-D73A-4EEE-8CDD-F6F9786B7124", "Task Scheduler Writer", Some("Task Scheduler Writer"), NOT_2008, false, NOT_2008_TEXT),
    writer!("75DFB225-E2E4-4D39-9AC9-FFAFF65DDF06", "VSS Metadata Store Writer", Some("VSS Express Writer Metadata Store Writer"), NOT_2008, false, NOT_2008_TEXT),
    writer!("82CB5521-68DB-4626-83A4-7FC6F88853E9", "Windows Deployment Services (WDS) Writer", Some("WDS VSS Writer"), NOT_2008, false, NOT_2008_TEXT),
    writer!("8D5194E1-E455-434A-B2E5-51296CCE67DF", "Windows Internal Database (WID) Writer", Some("WIDWriter"), NOT_2008R2, false, NOT_2008R2_TEXT),
    writer!("F08C1483-8407-4A26-8C26-6C267A629741", "Windows Internet Name Service (WINS) Writer", Some("WINS Jet Writer"), NOT_XP, false, "not supported on Windows XP"),
    writer!("A6AD56C2-B509-4E6C-BB19-49D8F43532F0", "WMI Writer", Some("WMI Writer"), NOT_2003_XP, false, NOT_2003_XP_TEXT),
];

/// The documented in-box writer with this class ID.
pub fn find(id: Uuid) -> Option<&'static InboxWriter> {
    INBOX_WRITERS.iter().find(|w| w.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique() {
        for (i, w) in INBOX_WRITERS.iter().enumerate() {
            assert!(
                INBOX_WRITERS[i + 1..].iter().all(|o| o.id != w.id),
                "{} twice",
                w.title
            );
        }
    }

    #[test]
    fn real_writers_are_found_and_available_where_they_ran() {
        // The corpus documents come from a Windows Server 2012-family host.
        for id in [
            "D61D61C8-D73A-4EEE-8CDD-F6F9786B7124",
            "75dfb225-e2e4-4d39-9ac9-ffaff65ddf06",
            "0bada1de-01a9-4625-8278-69e735f39dd2",
            "e8132975-6f93-4464-a53e-1050253ae220",
            "be000cbe-11fe-4426-9c58-531aa6355fc4",
            "4dc3bdd4-ab48-4d07-adb0-3bee2926fd7f",
            "4969d978-be47-48b0-b100-f328f07ac1e0",
            "a6ad56c2-b509-4e6c-bb19-49d8f43532f0",
            "afbab4a2-367d-4d15-a586-71dbb18f8485",
            "542da469-d3e1-473c-9f4f-7847f01fc64f",
        ] {
            let w = find(Uuid::parse_str(id).unwrap()).unwrap_or_else(|| panic!("{id}"));
            assert!(w.available_on(Ws2012), "{}", w.title);
        }
        // SQL Server's writer is not an in-box writer.
        assert!(find(uuid!("a65faa63-5ea8-4ebc-9dbd-a0c4db26912a")).is_none());
    }

    #[test]
    fn availability_follows_the_documentation() {
        let task = find(uuid!("D61D61C8-D73A-4EEE-8CDD-F6F9786B7124")).unwrap();
        assert!(!task.available_on(Ws2008));
        assert!(!task.available_on(Vista));
        assert!(task.available_on(Win7));
        let csv = find(uuid!("1072AE1C-E5A7-4EA1-9E4A-6F7964656570")).unwrap();
        assert!(!csv.available_on(Ws2008R2));
        assert!(!csv.available_on(Win10), "server only");
        assert!(csv.available_on(Ws2012));
        let sync = find(uuid!("D46BF321-FDBA-4A35-8EC3-454DF03BC86A")).unwrap();
        assert!(!sync.available_on(Ws2012));
        assert!(sync.available_on(Ws2012R2));
        assert!(!sync.available_on(Win81));
        let ntds = find(uuid!("B2014C9E-8711-4C5C-A5A9-3CF384484757")).unwrap();
        assert!(ntds.available_on(Xp));
    }

    #[test]
    fn names() {
        let store = find(uuid!("75DFB225-E2E4-4D39-9AC9-FFAFF65DDF06")).unwrap();
        assert!(!store.name_matches("VSS Metadata Store Writer"));
        let lds = find(uuid!("DD846AAA-A1B6-42A8-AAF8-03DCB6114BFD")).unwrap();
        assert!(lds.name_matches("ADAM (instance1) Writer"));
        let wmi = find(uuid!("A6AD56C2-B509-4E6C-BB19-49D8F43532F0")).unwrap();
        assert!(wmi.name_matches("WMI Writer"));
    }
}

//! Path and file-specification syntax shared by the file-set, exclude-list and express rules.
//!
//! Comparisons fold ASCII case only: NTFS folds with its own upcase table, but every path in
//! real documents is ASCII, and folding only ASCII never makes two different names equal.
//! Environment variables are compared as written, never expanded: their values on the
//! machine that will run the backup are unknown, so `%SystemRoot%\x` and `C:\Windows\x` are
//! different paths here.

use crate::rule_api::Cx;
use std::fmt;
use vsslint_model::model::is_blank;
use vsslint_model::model::{Component, Node, Text, WriterMetadata};

/// The prefix of Win32 long and volume-GUID paths (`\\?\Volume{GUID}\Boot`); its `?` is
/// part of the syntax, not a wildcard.
pub const LONG_PREFIX: &str = r"\\?\";

/// The NT object-manager spelling of the same prefix; seen in ASR captions, not a Win32 path.
const NT_PREFIX: &str = r"\??\";

/// The first wildcard (`*` or `?`) of a directory path, past a leading `\\?\`.
pub(crate) fn path_wildcard(path: &str) -> Option<char> {
    let rest = path.strip_prefix(LONG_PREFIX).unwrap_or(path).as_bytes();
    memchr::memchr2(b'*', b'?', rest).map(|i| char::from(rest[i]))
}

/// Help for a path with a wildcard: a volume path written the NT way gets the Win32 spelling.
pub(crate) fn wildcard_help(attr: &str, path: &str) -> String {
    match path.strip_prefix(NT_PREFIX) {
        Some(rest) if path_wildcard(rest).is_none() => format!(
            "\\??\\ is the NT object-manager prefix; write the Win32 form {attr}=\"\\\\?\\{rest}\""
        ),
        _ => format!(
            "{attr} names one directory and cannot hold * or ?; put the pattern in filespec, or list each directory as its own entry"
        ),
    }
}

/// How a directory path is anchored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathForm {
    /// `C:\…`
    DriveAbsolute,
    /// `%SystemRoot%\…`: absolute once expanded, which is all a writer can promise.
    EnvVar,
    /// `\\?\Volume{GUID}\…`
    VolumeGuid,
    /// Any other `\\?\…` or `\\.\…` path (`\\?\C:\…`, `\\?\UNC\…`, devices).
    Prefixed,
    /// `\\server\share\…`
    Unc,
    /// `\System Volume Information\…`: rooted, but on whichever volume is current.
    Rooted,
    /// `C:foo`: relative to the current directory of drive C.
    DriveRelative,
    /// `foo\bar`
    Relative,
}

impl PathForm {
    pub(crate) fn is_absolute(self) -> bool {
        matches!(
            self,
            PathForm::DriveAbsolute
                | PathForm::EnvVar
                | PathForm::VolumeGuid
                | PathForm::Prefixed
                | PathForm::Unc
        )
    }
}

/// The form of a `path` a writer declares: what kind of absolute or relative path it is.
pub fn classify(path: &str) -> PathForm {
    let b = path.as_bytes();
    if let Some(rest) = path.strip_prefix(LONG_PREFIX) {
        let volume = rest
            .get(..7)
            .is_some_and(|p| p.eq_ignore_ascii_case("Volume{"));
        return if volume {
            PathForm::VolumeGuid
        } else {
            PathForm::Prefixed
        };
    }
    if path.starts_with(r"\\.\") {
        return PathForm::Prefixed;
    }
    if path.starts_with(r"\\") {
        return PathForm::Unc;
    }
    if path.starts_with('%') {
        return PathForm::EnvVar;
    }
    if b.len() >= 2 && b[0].is_ascii_alphabetic() && b[1] == b':' {
        return if b.get(2) == Some(&b'\\') {
            PathForm::DriveAbsolute
        } else {
            PathForm::DriveRelative
        };
    }
    if path.starts_with('\\') {
        return PathForm::Rooted;
    }
    PathForm::Relative
}

/// Whether a path names a network share: `\\server\share` or `\\?\UNC\server\share`. The
/// local device forms `\\?\C:\`, `\\?\Volume{…}\` and `\\.\…` are not shares.
pub fn is_unc(path: &str) -> bool {
    let p = path.trim();
    if let Some(rest) = p.strip_prefix(LONG_PREFIX) {
        return rest
            .get(..4)
            .is_some_and(|p| p.eq_ignore_ascii_case(r"UNC\"))
            && rest.len() > 4;
    }
    if p.starts_with(r"\\.\") {
        return false;
    }
    p.strip_prefix(r"\\")
        .is_some_and(|rest| !rest.is_empty() && !rest.starts_with('\\'))
}

/// Every directory path a writer declares, with its element and attribute: file sets' paths
/// and alternate paths, exclude lists, and both ends of alternate location mappings.
pub(crate) fn declared_paths<'a, 'm>(
    w: &'a WriterMetadata<'m>,
) -> impl Iterator<Item = (&'a str, &'static str, &'a Text<'m>)> {
    let file_sets = w.file_sets().flat_map(|(_, f)| {
        let e = f.kind.element();
        [("path", &f.path), ("alternatePath", &f.alternate_path)]
            .into_iter()
            .filter_map(move |(attr, a)| a.as_ref().map(|a| (e, attr, a)))
    });
    let excludes = w
        .excludes
        .iter()
        .filter_map(|x| x.path.as_ref().map(|a| (x.kind.element(), "path", a)));
    let mappings = w.mappings.iter().flat_map(|m| {
        [("path", &m.path), ("destination", &m.destination)]
            .into_iter()
            .filter_map(move |(attr, a)| a.as_ref().map(|a| (m.node.name, attr, a)))
    });
    file_sets.chain(excludes).chain(mappings)
}

/// Whether a path has an odd number of `%`, leaving one environment variable unterminated.
pub(crate) fn unterminated_envvar(path: &str) -> bool {
    path.bytes().filter(|&b| b == b'%').count() % 2 == 1
}

/// The directory separator inside a filespec, `\` before `/`.
pub(crate) fn filespec_separator(spec: &str) -> Option<char> {
    if spec.contains('\\') {
        Some('\\')
    } else if spec.contains('/') {
        Some('/')
    } else {
        None
    }
}

pub(crate) fn has_wildcard(s: &str) -> bool {
    s.bytes().any(|b| b == b'*' || b == b'?')
}

/// `*` and `*.*` both match every file name (Windows matches `*.*` against names without a
/// dot too).
pub(crate) fn matches_all(spec: &str) -> bool {
    spec == "*" || spec == "*.*"
}

/// The spelling that keys and matching compare: `*.*` matches what `*` does.
pub(super) fn fold(spec: &str) -> &str {
    if matches_all(spec) {
        "*"
    } else {
        spec
    }
}

/// Whether a pattern matches `name`. With `name_is_pattern`, the wildcards of `name` stand
/// for whatever they may match: `?` only meets a `?` or `*` of the pattern, `*` only a `*`.
fn match_bytes(pattern: &[u8], name: &[u8], name_is_pattern: bool) -> bool {
    let one = |p: u8, n: u8| {
        if name_is_pattern && (n == b'*' || n == b'?') {
            p == b'?' && n == b'?'
        } else {
            p == b'?' || p.eq_ignore_ascii_case(&n)
        }
    };
    let (mut i, mut j) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while j < name.len() {
        if i < pattern.len() && pattern[i] == b'*' {
            star = Some((i, j));
            i += 1;
        } else if i < pattern.len() && one(pattern[i], name[j]) {
            i += 1;
            j += 1;
        } else if let Some((si, sj)) = star {
            i = si + 1;
            j = sj + 1;
            star = Some((si, sj + 1));
        } else {
            return false;
        }
    }
    pattern[i..].iter().all(|&c| c == b'*')
}

/// Whether some file name matches both patterns.
pub(crate) fn globs_intersect(a: &str, b: &str) -> bool {
    let (a, b) = (fold(a).as_bytes(), fold(b).as_bytes());
    let compatible = |x: u8, y: u8| x == b'?' || y == b'?' || x.eq_ignore_ascii_case(&y);
    // Up to the first `*` of either, both patterns pin the same positions from the start;
    // after the last `*`, from the end. Most disjoint pairs differ there.
    let lead = a
        .iter()
        .zip(b)
        .take_while(|&(&x, &y)| x != b'*' && y != b'*');
    for (&x, &y) in lead {
        if !compatible(x, y) {
            return false;
        }
    }
    let trail = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|&(&x, &y)| x != b'*' && y != b'*');
    for (&x, &y) in trail {
        if !compatible(x, y) {
            return false;
        }
    }
    let cols = b.len() + 1;
    let cells = (a.len() + 1) * cols;
    let mut small = [false; 1024];
    let mut large = Vec::new();
    let reach: &mut [bool] = if cells <= small.len() {
        &mut small[..cells]
    } else {
        large.resize(cells, false);
        &mut large
    };
    // reach[i * cols + j]: a[i..] and b[j..] can match a common suffix.
    for i in (0..=a.len()).rev() {
        for j in (0..=b.len()).rev() {
            let at = |i: usize, j: usize| reach[i * cols + j];
            let v = match (a.get(i), b.get(j)) {
                (None, None) => true,
                (Some(b'*'), _) if at(i + 1, j) => true,
                (Some(b'*'), Some(_)) => at(i, j + 1),
                (_, Some(b'*')) if at(i, j + 1) => true,
                (Some(_), Some(b'*')) => at(i + 1, j),
                (Some(&x), Some(&y)) => compatible(x, y) && at(i + 1, j + 1),
                _ => false,
            };
            reach[i * cols + j] = v;
        }
    }
    reach[0]
}

/// Whether every name `inner` matches is also matched by `outer`. Sound, not complete: it
/// answers `true` only when it is sure.
pub(crate) fn glob_covers(outer: &str, inner: &str) -> bool {
    matches_all(outer) || match_bytes(fold(outer).as_bytes(), fold(inner).as_bytes(), true)
}

/// `"C:\Data" "*.dat"` (the path and filespec of a file set or exclusion), for messages.
pub(crate) fn show(path: &str, filespec: &str) -> String {
    format!("\"{path}\" \"{filespec}\"")
}

/// What holds a path or filespec, for messages: `<FILE_LIST> in component "Ledger"` or
/// `<EXCLUDE_FILES>`; formatted only when a finding is reported.
#[derive(Clone, Copy)]
pub(crate) struct Owner<'m> {
    pub node: &'m Node<'m>,
    pub component: Option<&'m Component<'m>>,
}

impl fmt::Display for Owner<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.component {
            Some(c) => write!(f, "<{}> in component \"{}\"", self.node.name, c.full_name()),
            None => write!(f, "<{}>", self.node.name),
        }
    }
}

const PATH_HELP: &str =
    "add the directory the files are in, e.g. path=\"C:\\ProgramData\\Contoso\"";
const FILESPEC_HELP: &str = "add the files to take: a name such as filespec=\"ledger.dat\", a pattern such as filespec=\"*.dat\", or filespec=\"*\" for every file";

/// A missing or blank `path`. Returns the path when there is one to check further.
pub(crate) fn require_path<'t>(
    cx: &mut Cx,
    owner: Owner,
    attr: Option<&'t Text<'t>>,
) -> Option<&'t Text<'t>> {
    require(cx, owner, "path", attr, PATH_HELP)
}

/// A missing or blank `filespec`. Returns the filespec when there is one to check further.
pub(crate) fn require_filespec<'t>(
    cx: &mut Cx,
    owner: Owner,
    attr: Option<&'t Text<'t>>,
) -> Option<&'t Text<'t>> {
    require(cx, owner, "filespec", attr, FILESPEC_HELP)
}

fn require<'t>(
    cx: &mut Cx,
    owner: Owner,
    name: &str,
    attr: Option<&'t Text<'t>>,
    help: &'static str,
) -> Option<&'t Text<'t>> {
    match attr {
        None => {
            cx.report(owner.node.span, format!("{owner} has no {name}"))
                .label(format!("no {name} attribute"))
                .help(help);
            None
        }
        Some(a) if is_blank(a.raw) => {
            cx.report(a.span, format!("{owner} has an empty {name}"))
                .label(format!("empty {name}"))
                .help(help);
            None
        }
        Some(a) => Some(a),
    }
}

/// `*` or `?` in a directory attribute (`path`, `alternatePath`).
pub(crate) fn report_path_wildcard(cx: &mut Cx, owner: Owner, name: &str, a: &Text) {
    if let Some(w) = path_wildcard(a.raw) {
        cx.report(
            a.span,
            format!(
                "{name} \"{}\" of {owner} contains the wildcard '{w}'",
                a.raw
            ),
        )
        .label("wildcard in a directory")
        .help(wildcard_help(name, a.raw));
    }
}

/// An odd number of `%` in a directory attribute. `%` is also a legal character of a file
/// name, so the variable may not be meant: each rule that reports it is a warning or an info.
pub(crate) fn report_envvar(cx: &mut Cx, owner: Owner, name: &str, a: &Text) {
    if unterminated_envvar(a.raw) {
        cx.report(
            a.span,
            format!(
                "{name} \"{}\" of {owner} has an odd number of '%': an environment variable may be left open",
                a.raw
            ),
        )
        .label("unbalanced %")
        .help("if a '%' is part of a directory name (it is a legal character), nothing is wrong; otherwise close the variable between two percent signs, e.g. %SystemRoot%\\System32");
    }
}

/// A directory separator in `filespec`, `\` or `/`: the pages say a file specification
/// cannot contain directory specifications, whichever separator writes them.
pub(crate) fn report_filespec_separator(cx: &mut Cx, owner: Owner, a: &Text) {
    let Some(sep) = filespec_separator(a.raw) else {
        return;
    };
    let label = match sep {
        '\\' => "backslash in a filespec",
        _ => "slash in a filespec",
    };
    let cut = a.raw.rfind(['\\', '/']).unwrap_or(0);
    let (dir, name) = (&a.raw[..cut], &a.raw[cut + 1..]);
    let help = if name.is_empty() || dir.is_empty() {
        "a filespec is a file name or pattern only; move the directory part into path".to_string()
    } else {
        format!(
            "a filespec is a file name or pattern only: append \"{}\" to path and write filespec=\"{name}\"",
            dir.replace('/', "\\")
        )
    };
    cx.report(
        a.span,
        format!(
            "filespec \"{}\" of {owner} contains a directory separator '{sep}'",
            a.raw
        ),
    )
    .label(label)
    .help(help);
}

/// The drive a path lies on, upper case, such as `C:` (also behind `\\?\`); `None` when
/// the path names no drive: a volume GUID path, an unexpanded variable, a network path.
pub fn drive(path: &str) -> Option<String> {
    drive_letter(path).map(drive_name)
}

/// The upper-case letter of [`drive`], without making its name: the `set/volume-*` checks
/// ask it of every file set of a backup (18,925 in the System writer document), and naming
/// each drive was 6.7 million of the 9.8 million instructions `set/volume-not-shadowed`
/// took on that backup (callgrind, one thread).
pub(crate) fn drive_letter(path: &str) -> Option<u8> {
    let p = path.trim();
    let p = p.strip_prefix(LONG_PREFIX).unwrap_or(p);
    let b = p.as_bytes();
    (b.len() >= 2 && b[0].is_ascii_alphabetic() && b[1] == b':').then(|| b[0].to_ascii_uppercase())
}

/// A drive's name from its upper-case letter: `C:`.
pub(crate) fn drive_name(letter: u8) -> String {
    format!("{}:", letter as char)
}

/// The drive a shadow copy's `OriginalVolume` is, when it is a drive's root (`C:\`, `C:` or
/// `\\?\C:\`), upper case. A mounted folder (`Y:\MountX\`) is a volume of its own, not drive
/// Y:, and a volume GUID path names no drive: both are `None`, as is a network share.
pub(crate) fn drive_root(volume: &str) -> Option<String> {
    let v = volume.trim();
    let rest = v.strip_prefix(LONG_PREFIX).unwrap_or(v);
    let d = drive(rest)?;
    matches!(&rest[2..], "" | "\\").then_some(d)
}

/// Calls `report` on the path of every file set and exclude list: `fs/path-not-absolute`
/// and `fs/path-rooted` look at both.
pub(crate) fn each_path(cx: &mut Cx, w: &WriterMetadata, report: fn(&mut Cx, Owner, &Text)) {
    for (c, f) in w.file_sets() {
        if let Some(a) = &f.path {
            let owner = Owner {
                node: &f.node,
                component: Some(c),
            };
            report(cx, owner, a);
        }
    }
    for e in &w.excludes {
        if let Some(a) = &e.path {
            let owner = Owner {
                node: &e.node,
                component: None,
            };
            report(cx, owner, a);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unc_forms() {
        assert!(is_unc(r"\\server\share\dir"));
        assert!(is_unc(r"\\?\UNC\server\share"));
        assert!(is_unc(r"\\?\unc\server\share"));
        assert!(!is_unc(
            r"\\?\Volume{0e5b3a4c-0000-0000-0000-100000000000}\Boot"
        ));
        assert!(!is_unc(r"\\?\C:\Program Files"));
        assert!(!is_unc(r"\\.\PhysicalDrive0"));
        assert!(!is_unc(r"C:\Windows"));
        assert!(!is_unc(r"\System Volume Information\Heat"));
        assert!(!is_unc(r"%SystemRoot%\Tasks"));
        assert!(!is_unc(r"\\"));
        assert!(!is_unc("\\\\?\\é€"));
    }

    #[test]
    fn wildcards_past_the_long_prefix() {
        assert_eq!(path_wildcard(r"\\?\Volume{c7463aba-f40d-11e9}\Boot"), None);
        assert_eq!(path_wildcard(r"\\?\C:\Data\*"), Some('*'));
        assert_eq!(path_wildcard(r"C:\Da?a"), Some('?'));
        assert_eq!(path_wildcard(r"\??\Volume{x}\Boot"), Some('?'));
    }

    #[test]
    fn path_forms() {
        use PathForm::*;
        for (p, f) in [
            (r"C:\Windows", DriveAbsolute),
            (r"c:\program files\x\", DriveAbsolute),
            (r"%SystemRoot%\System32", EnvVar),
            (
                r"\\?\Volume{c7463aba-f40d-11e9-80c7-806e6f6e6963}\Boot",
                VolumeGuid,
            ),
            (r"\\?\C:\Data", Prefixed),
            (r"\\.\PhysicalDrive0", Prefixed),
            (r"\\server\share\dir", Unc),
            (r"\System Volume Information\Heat", Rooted),
            (r"C:Data", DriveRelative),
            (r"Data\Logs", Relative),
        ] {
            assert_eq!(classify(p), f, "{p}");
        }
        assert!(is_unc(r"\\server\share"));
        assert!(is_unc(r"\\?\UNC\server\share"));
        assert!(!is_unc(r"\\?\Volume{x}\"));
        assert!(!is_unc(r"C:\x"));
    }

    #[test]
    fn drive_roots() {
        assert_eq!(drive_root(r"C:\").as_deref(), Some("C:"));
        assert_eq!(drive_root("e:").as_deref(), Some("E:"));
        assert_eq!(drive_root(r"\\?\F:\").as_deref(), Some("F:"));
        assert_eq!(drive_root(r"Y:\MountX\"), None);
        assert_eq!(
            drive_root(r"\\?\Volume{c7463aba-f40d-11e9-80c7-806e6f6e6963}\"),
            None
        );
        assert_eq!(drive_root(r"\\Clusterx\Share1\"), None);
    }

    #[test]
    fn env_vars() {
        assert!(!unterminated_envvar(r"%SystemRoot%\System32"));
        assert!(unterminated_envvar(r"%SystemRoot\System32"));
        assert!(!unterminated_envvar(r"C:\Data"));
    }

    fn glob_match(pattern: &str, name: &str) -> bool {
        match_bytes(fold(pattern).as_bytes(), name.as_bytes(), false)
    }

    #[test]
    fn globs() {
        assert!(glob_match("Perfc???.dat", "PERFC009.DAT"));
        assert!(!glob_match("Perfc???.dat", "Perfd009.dat"));
        assert!(glob_match("*.*", "NoDot"));
        assert!(glob_match("*.ost", "a.b.ost"));
        assert!(!glob_match("*.ost", "a.ost.bak"));
        assert!(globs_intersect("*.dat", "Perfc???.dat"));
        assert!(!globs_intersect("Perfc???.dat", "Perfd???.dat"));
        assert!(!globs_intersect("Prfc????.dat", "Perfc???.dat"));
        assert!(globs_intersect("a*", "*b"));
        assert!(!globs_intersect("a*", "b*"));
        assert!(globs_intersect("*", "x"));
        assert!(!globs_intersect("default", "default.LOG"));
        assert!(!globs_intersect("q1.z", "q2.z"));
        assert!(globs_intersect("ab?", "a?c"));
        assert!(!globs_intersect("f1_*.dat", "f2_*.dat"));
        assert!(globs_intersect("*x*", "*y*"));
        let long = "a".repeat(100);
        assert!(globs_intersect(&format!("*{long}"), &format!("{long}*")));
        assert!(glob_covers("*.*", "*.dat"));
        assert!(glob_covers("*.LOG", "system.log"));
        assert!(!glob_covers("*.log", "*.l?g"));
        assert!(glob_covers("*.log", "x?.LOG"));
        assert!(!glob_covers("*.?og", "*.l?g"));
        assert!(glob_covers("a*", "ab*"));
        assert!(!glob_covers("ab*", "a*"));
        assert!(glob_covers("???.dat", "a?c.dat"));
        assert!(!glob_covers("???.dat", "a*.dat"));
        assert!(glob_covers("Perfc???.dat", "perfc???.DAT"));
    }
}

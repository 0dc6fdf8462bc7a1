//! How reports for machines name files. People see paths as they typed them; JSON, SARIF and
//! GitHub see them relative to the working directory with `/`, on every OS, so a report
//! written on Windows and one written on Linux name the same file the same way.

use std::path::{Path, PathBuf};

/// `path` relative to the working directory when it lies inside it, with `/` separators and
/// no leading `./`; other paths keep their form, with `/`. A document inside a cabinet
/// (`backup.cab!/WM3.xml`) keeps its entry name.
pub fn machine_path(path: &str) -> String {
    if let Some((container, entry)) = super::locate::container_entry(path) {
        return format!("{}!/{entry}", machine_path(container));
    }
    let p = without_verbatim(Path::new(path));
    if let Some(plain) = plain_relative(&p) {
        return plain;
    }
    let rel = std::env::current_dir()
        .ok()
        .and_then(|cwd| {
            let abs = without_verbatim(&std::path::absolute(&p).ok()?);
            abs.strip_prefix(without_verbatim(&cwd))
                .ok()
                .map(Path::to_path_buf)
        })
        .unwrap_or(p);
    let s = rel.to_string_lossy().replace('\\', "/");
    let mut s = s.as_str();
    while let Some(rest) = s.strip_prefix("./") {
        s = rest;
    }
    s.to_string()
}

/// A relative path of plain names only (`many/wm0001.xml`), as [`machine_path`] writes it:
/// its names joined with `/`, which is what making it absolute and taking the working
/// directory off again gives, without asking the system for the working directory twice a
/// file (4,000 calls, 2.5% of the instructions of `--format json` over 2,000 documents).
/// `None` for any other path, for a name with a backslash (a separator to reports), and on
/// Windows, whose system rewrites some names as it makes them absolute (`a.xml.`, `CON`).
fn plain_relative(p: &Path) -> Option<String> {
    use std::path::Component;
    if cfg!(windows) {
        return None;
    }
    let mut out = String::with_capacity(p.as_os_str().len());
    for c in p.components() {
        let Component::Normal(name) = c else {
            return None;
        };
        let name = name.to_str().filter(|n| !n.contains('\\'))?;
        if !out.is_empty() {
            out.push('/');
        }
        out.push_str(name);
    }
    (!out.is_empty()).then_some(out)
}

/// `\\?\C:\x` as `C:\x`, and `\\?\UNC\server\share\x` as `\\server\share\x`: the long-path
/// spelling names the same file as the plain one, in which the working directory is written,
/// and a report should not depend on which of the two the user typed.
fn without_verbatim(path: &Path) -> PathBuf {
    if cfg!(windows) {
        if let Some(s) = path.to_str() {
            if let Some(rest) = s.strip_prefix(r"\\?\UNC\") {
                return PathBuf::from(format!(r"\\{rest}"));
            }
            if let Some(rest) = s.strip_prefix(r"\\?\") {
                if rest.as_bytes().get(1) == Some(&b':') {
                    return PathBuf::from(rest);
                }
            }
        }
    }
    path.to_path_buf()
}

/// A relative path as a URI reference (RFC 3986): every byte outside the unreserved set is
/// percent-encoded, segment by segment, so `my dir/é.xml` becomes `my%20dir/%C3%A9.xml`.
pub fn uri_path(path: &str) -> String {
    path.split('/')
        .map(|s| encode_segment(s, false))
        .collect::<Vec<_>>()
        .join("/")
}

/// The working directory as a `file:` URI ending in `/`, percent-encoded like [`uri_path`];
/// a Windows drive (`C:`) keeps its colon.
pub fn root_uri() -> String {
    let Ok(cwd) = std::env::current_dir() else {
        return "file:///".into();
    };
    let s = cwd.to_string_lossy().replace('\\', "/");
    let encoded: Vec<String> = s
        .trim_start_matches('/')
        .split('/')
        .enumerate()
        .map(|(i, seg)| encode_segment(seg, i == 0 && is_drive(seg)))
        .collect();
    let mut uri = format!("file:///{}", encoded.join("/"));
    if !uri.ends_with('/') {
        uri.push('/');
    }
    uri
}

fn is_drive(segment: &str) -> bool {
    let b = segment.as_bytes();
    b.len() == 2 && b[0].is_ascii_alphabetic() && b[1] == b':'
}

fn encode_segment(segment: &str, drive: bool) -> String {
    if drive {
        return segment.to_string();
    }
    let mut out = String::with_capacity(segment.len());
    for b in segment.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(char::from(b))
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_encoded_once() {
        assert_eq!(uri_path("my dir/é.xml"), "my%20dir/%C3%A9.xml");
        assert_eq!(uri_path("a%20b.xml"), "a%2520b.xml");
    }

    #[test]
    fn machine_paths_are_relative_with_slashes() {
        let cwd = std::env::current_dir().unwrap();
        let inside = cwd.join("fixtures").join("a b.xml");
        assert_eq!(machine_path(&inside.to_string_lossy()), "fixtures/a b.xml");
        assert_eq!(machine_path("./x.xml"), "x.xml");
        assert_eq!(machine_path("backup.cab!/WM3.xml"), "backup.cab!/WM3.xml");
        // Plain relative paths, taken apart without asking for the working directory, come
        // out as the longer way gives them.
        for path in [
            "x.xml",
            "many/wm0001.xml",
            "a//b.xml",
            "a/./b.xml",
            "a/../b.xml",
            "d\\e.xml",
        ] {
            let slow = cwd.join(path);
            assert_eq!(
                machine_path(path),
                machine_path(&slow.to_string_lossy()),
                "{path}"
            );
        }
    }

    /// On Windows the separator of machine paths is still `/`, and the long-path and UNC
    /// spellings are read for what they name.
    #[cfg(windows)]
    #[test]
    fn windows_paths_are_relative_with_slashes() {
        let cwd = std::env::current_dir().unwrap();
        let inside = cwd.join("fixtures").join("a.xml");
        let shown = inside.to_string_lossy();
        assert_eq!(machine_path(&shown), "fixtures/a.xml");
        assert_eq!(machine_path(&format!(r"\\?\{shown}")), "fixtures/a.xml");
        assert_eq!(
            machine_path(r"fixtures\rules\a.xml"),
            "fixtures/rules/a.xml"
        );
        assert_eq!(machine_path(r".\a.xml"), "a.xml");
        assert_eq!(
            machine_path(r"\\server\share\writers\a.xml"),
            "//server/share/writers/a.xml"
        );
        assert_eq!(
            machine_path(r"\\?\UNC\server\share\writers\a.xml"),
            "//server/share/writers/a.xml"
        );
        let drive = &shown[..2];
        let other = if drive.eq_ignore_ascii_case("Q:") {
            "R:"
        } else {
            "Q:"
        };
        assert_eq!(
            machine_path(&format!(r"{other}\data\a.xml")),
            format!("{other}/data/a.xml")
        );
    }

    #[test]
    fn the_root_is_a_valid_uri() {
        let root = root_uri();
        assert!(root.starts_with("file:///") && root.ends_with('/'));
        assert!(!root.contains(' '));
    }
}

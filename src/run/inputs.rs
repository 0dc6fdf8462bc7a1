//! What to lint: paths, directories, glob patterns and standard input, turned into files;
//! and reading a file within the size limit.

use super::Failure;
use globset::{Glob, GlobSet, GlobSetBuilder};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// One document to lint.
pub(crate) enum Input {
    Stdin,
    File(PathBuf),
}

fn has_glob_chars(s: &str) -> bool {
    s.contains(['*', '?', '[', '{'])
}

fn exclusions(globs: &[String]) -> Result<GlobSet, Failure> {
    let mut b = GlobSetBuilder::new();
    for g in globs {
        let glob = Glob::new(g)
            .map_err(|e| Failure::Usage(format!("invalid --exclude glob `{g}`: {}", e.kind())))?;
        b.add(glob);
        // `--exclude vendor` also excludes what is inside it.
        if let Ok(inner) = Glob::new(&format!("{}/**", g.trim_end_matches('/'))) {
            b.add(inner);
        }
    }
    b.build().map_err(|e| Failure::Usage(e.to_string()))
}

fn excluded(set: &GlobSet, path: &Path) -> bool {
    if set.is_empty() {
        return false;
    }
    let shown = path.to_string_lossy();
    let trimmed = Path::new(shown.trim_start_matches("./"));
    set.is_match(trimmed) || path.file_name().is_some_and(|n| set.is_match(n))
}

/// What a directory's walk takes: documents, and the cabinets DiskShadow saves backups in.
fn is_input(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xml") || e.eq_ignore_ascii_case("cab"))
}

/// Every `*.xml` and `*.cab` file below `dir` that git would not ignore, sorted.
fn walk(dir: &Path, exclude: &GlobSet, out: &mut Vec<PathBuf>) -> Result<(), Failure> {
    let mut found = Vec::new();
    let walker = ignore::WalkBuilder::new(dir)
        .follow_links(false)
        .git_global(in_git_repository(dir))
        .build();
    for entry in walker {
        let entry =
            entry.map_err(|e| Failure::Usage(format!("cannot read `{}`: {e}", dir.display())))?;
        let path = entry.path();
        if entry.file_type().is_some_and(|t| t.is_file())
            && is_input(path)
            && !excluded(exclude, path)
        {
            found.push(path.to_path_buf());
        }
    }
    // By bytes, as the report is ordered: comparing paths component by component costs
    // more than the rest of the walk.
    found.sort_unstable_by(|a, b| a.as_os_str().cmp(b.as_os_str()));
    out.extend(found);
    Ok(())
}

/// Whether `dir` lies in a git work tree. Git's rules, the user's global excludes among them,
/// apply only there; outside one, reading the git configuration for them is wasted.
fn in_git_repository(dir: &Path) -> bool {
    let Ok(dir) = std::path::absolute(dir) else {
        return true;
    };
    dir.ancestors().any(|d| d.join(".git").exists())
}

/// `writers/**/*.xml` when the shell did not expand it: walk the literal prefix and match.
fn expand_glob(pattern: &str, exclude: &GlobSet, out: &mut Vec<PathBuf>) -> Result<(), Failure> {
    let matcher = Glob::new(pattern)
        .map_err(|e| Failure::Usage(format!("invalid pattern `{pattern}`: {}", e.kind())))?
        .compile_matcher();
    let prefix: PathBuf = Path::new(pattern)
        .components()
        .take_while(|c| !has_glob_chars(&c.as_os_str().to_string_lossy()))
        .collect();
    let base = if prefix.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        prefix
    };
    let mut found = Vec::new();
    let walker = ignore::WalkBuilder::new(&base)
        .git_global(in_git_repository(&base))
        .build();
    for entry in walker.flatten() {
        let path = entry.path();
        let rel = path.strip_prefix("./").unwrap_or(path);
        if entry.file_type().is_some_and(|t| t.is_file())
            && matcher.is_match(rel)
            && !excluded(exclude, rel)
        {
            found.push(rel.to_path_buf());
        }
    }
    if found.is_empty() {
        return Err(Failure::Usage(format!("no file matches `{pattern}`")));
    }
    found.sort();
    out.extend(found);
    Ok(())
}

pub(crate) fn inputs(paths: &[PathBuf], exclude: &[String]) -> Result<Vec<Input>, Failure> {
    let exclude = exclusions(exclude)?;
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Input::Stdin);
            continue;
        }
        let shown = p.to_string_lossy();
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => {
                let mut files = Vec::new();
                walk(p, &exclude, &mut files)?;
                out.extend(files.into_iter().map(Input::File));
            }
            Ok(_) => {
                if !excluded(&exclude, p) {
                    out.push(Input::File(p.clone()));
                }
            }
            Err(_) if has_glob_chars(&shown) => {
                let mut files = Vec::new();
                expand_glob(&shown, &exclude, &mut files)?;
                out.extend(files.into_iter().map(Input::File));
            }
            Err(e) => {
                return Err(Failure::Usage(format!(
                    "cannot read `{shown}`: {}",
                    describe_io(&e)
                )));
            }
        }
    }
    Ok(out)
}

pub(crate) fn describe_io(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

pub(crate) fn read_file(path: &Path, max: u64) -> Result<Vec<u8>, String> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        // Opening a FIFO waits for a writer; without blocking, it opens at once and is
        // refused below. Reads of regular files do not heed the flag.
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    #[cfg(not(unix))]
    if !std::fs::metadata(path)
        .map_err(|e| describe_io(&e))?
        .is_file()
    {
        return Err("it is not a regular file".into());
    }
    let file = options.open(path).map_err(|e| describe_io(&e))?;
    let meta = file.metadata().map_err(|e| describe_io(&e))?;
    if !meta.is_file() {
        return Err("it is not a regular file".into());
    }
    let len = meta.len();
    if len > max {
        return Err(format!(
            "it is {len} bytes, more than --max-file-size ({max}); raise the limit to lint it"
        ));
    }
    let mut buf = Vec::with_capacity(len as usize);
    // The size known, the file is read as it was then, in one call; a size of 0 may be a
    // file whose size the system does not know (under /proc), read up to the limit.
    let limit = if len > 0 { len } else { max + 1 };
    file.take(limit)
        .read_to_end(&mut buf)
        .map_err(|e| describe_io(&e))?;
    if buf.len() as u64 > max {
        return Err(format!(
            "it is larger than --max-file-size ({max}); raise the limit to lint it"
        ));
    }
    Ok(buf)
}

//! What to lint: paths, directories, glob patterns and standard input, turned into files;
//! and reading a file within the size limit.

use super::options::{Failure, OptionsError};
use globset::{Glob, GlobSet, GlobSetBuilder};
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use vsslint_lint::config::portable_glob;

/// One document to lint.
pub(crate) enum Input {
    Stdin,
    File(PathBuf),
}

fn has_glob_chars(s: &str) -> bool {
    s.contains(['*', '?', '[', '{'])
}

/// `--exclude` patterns, as `.gitignore` reads them: a pattern without a `/` (a trailing one
/// aside) is a name, matched against every component of a path at any depth, so `legacy`
/// skips `a/legacy/b.xml` and `*.bak.xml` any such file; a pattern with a `/` is matched
/// against the whole path, and against every path below it.
pub(crate) struct Exclusions {
    names: GlobSet,
    paths: GlobSet,
}

impl Exclusions {
    pub(crate) fn new(globs: &[String]) -> Result<Self, Failure> {
        let invalid = |g: &str, e: globset::Error| {
            Failure::from(OptionsError::InvalidExclude {
                glob: g.to_string(),
                why: e.kind().to_string(),
            })
        };
        let mut names = GlobSetBuilder::new();
        let mut paths = GlobSetBuilder::new();
        for g in globs {
            let trimmed = g.trim_end_matches(['/', '\\']);
            if trimmed.contains(['/', '\\']) {
                let portable = portable_glob(trimmed);
                let trimmed = portable.trim_start_matches("./");
                paths.add(Glob::new(trimmed).map_err(|e| invalid(g, e))?);
                paths.add(Glob::new(&format!("{trimmed}/**")).map_err(|e| invalid(g, e))?);
            } else {
                let glob = globset::GlobBuilder::new(trimmed)
                    .literal_separator(true)
                    .build()
                    .map_err(|e| invalid(g, e))?;
                names.add(glob);
            }
        }
        let build = |b: GlobSetBuilder| b.build().map_err(|e| Failure::Usage(e.to_string()));
        Ok(Exclusions {
            names: build(names)?,
            paths: build(paths)?,
        })
    }

    pub(crate) fn excludes(&self, path: &Path) -> bool {
        let named = |c: std::path::Component| matches!(c, std::path::Component::Normal(n) if self.names.is_match(n));
        if !self.names.is_empty() && path.components().any(named) {
            return true;
        }
        if self.paths.is_empty() {
            return false;
        }
        let shown = path.to_string_lossy();
        let shown = portable_glob(&shown);
        self.paths
            .is_match(Path::new(shown.trim_start_matches("./")))
    }
}

/// What a directory's walk takes: documents, and the cabinets DiskShadow saves backups in.
fn is_input(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xml") || e.eq_ignore_ascii_case("cab"))
}

/// Every `*.xml` and `*.cab` file below `dir` that git would not ignore, sorted.
fn walk(dir: &Path, exclude: &Exclusions, out: &mut Vec<PathBuf>) -> Result<(), Failure> {
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
            && !exclude.excludes(path)
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
fn expand_glob(pattern: &str, exclude: &Exclusions, out: &mut Vec<PathBuf>) -> Result<(), Failure> {
    let matcher = Glob::new(&portable_glob(pattern))
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
            && !exclude.excludes(rel)
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

/// What the paths given name.
pub(crate) struct Inputs {
    pub(crate) inputs: Vec<Input>,
    /// Files named on the command line and skipped by `--exclude`.
    pub(crate) excluded: Vec<PathBuf>,
    /// Directories that held nothing to lint.
    pub(crate) empty: Vec<PathBuf>,
}

pub(crate) fn inputs(paths: &[PathBuf], exclude: &Exclusions) -> Result<Inputs, Failure> {
    if paths.iter().filter(|p| p.as_os_str() == "-").count() > 1 {
        return Err(Failure::Usage(
            "standard input (`-`) is named more than once, but it can be read only once: name `-` once".into(),
        ));
    }
    let mut found = Inputs {
        inputs: Vec::new(),
        excluded: Vec::new(),
        empty: Vec::new(),
    };
    for p in paths {
        if p.as_os_str() == "-" {
            found.inputs.push(Input::Stdin);
            continue;
        }
        let shown = p.to_string_lossy();
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => {
                let mut files = Vec::new();
                walk(p, exclude, &mut files)?;
                if files.is_empty() {
                    found.empty.push(p.clone());
                }
                found.inputs.extend(
                    files
                        .into_iter()
                        .map(|f| Input::File(in_separators_of(&shown, f))),
                );
            }
            Ok(_) => {
                if exclude.excludes(p) {
                    found.excluded.push(p.clone());
                } else {
                    found.inputs.push(Input::File(p.clone()));
                }
            }
            Err(_) if has_glob_chars(&shown) => {
                let mut files = Vec::new();
                expand_glob(&shown, exclude, &mut files)?;
                found.inputs.extend(
                    files
                        .into_iter()
                        .map(|f| Input::File(in_separators_of(&shown, f))),
                );
            }
            Err(e) => {
                return Err(Failure::Usage(format!(
                    "cannot read `{shown}`: {}",
                    describe_io(&e)
                )));
            }
        }
    }
    Ok(found)
}

/// A file found below `given` (a folder or a pattern the user typed), written with the user's
/// separator. Windows takes `/` too, and joins what it walks with `\`: `writers/` would list
/// `writers/a\b.xml`. A user who typed only `/` sees only `/`; one who typed `\`, or no
/// separator at all, sees Windows' own.
fn in_separators_of(given: &str, found: PathBuf) -> PathBuf {
    if cfg!(windows) && given.contains('/') && !given.contains('\\') {
        if let Some(s) = found.to_str() {
            return PathBuf::from(s.replace('\\', "/"));
        }
    }
    found
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

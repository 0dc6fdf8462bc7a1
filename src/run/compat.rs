//! `vsslint compat OLD NEW`: a writer's documents of two releases, read as `check` reads its
//! inputs, linted for what makes a document unreadable (`doc/*`), then compared by the
//! engine's checks of that kind. The report, configuration, suppressions (in NEW) and exit
//! codes are `check`'s.

use super::inputs::{describe_io, inputs, read_file, Exclusions, Input};
use super::options::{Failure, Options, Outcome};
use super::sink::{to_sink, too_many_warnings_note, write_report};
use std::io::Write;
use std::path::{Path, PathBuf};
use vsslint_container::cab::CabLimits;
use vsslint_container::{self, Opened, Origin};
use vsslint_lint::engine::Registry;
use vsslint_lint::pipeline::{compare_with, unreadable, HiddenBy, Unparsed};
use vsslint_lint::report::Summary;
use vsslint_lint::rule_api::Check;
use vsslint_lint::rule_meta::{Profile, Severity};
use vsslint_lint::settings::Settings;
use vsslint_model::decode::decode_owned;

/// What to compare and how to report it.
#[derive(Debug, Clone)]
pub struct CompatOptions {
    /// The previous release: a document, a folder, a backup, or `git:REF:PATH`.
    pub old: String,
    /// The new release, the same kind of input as `old`.
    pub new: String,
    /// Turns on the optional rules of the comparison.
    pub show_harmless: bool,
    /// Format, output, configuration, selection and exit options, as `check` takes them;
    /// its paths are not read.
    pub options: Options,
}

/// One side as read: its documents, decoded, with their settings.
struct Read {
    /// A folder, a backup or a transcript, rather than one document.
    collection: bool,
    files: Vec<(Unparsed, Settings)>,
}

/// Compares `opts.old` with `opts.new` with the built-in rules and writes the report.
pub fn compat(opts: &CompatOptions, out: &mut dyn Write) -> Result<Outcome, Failure> {
    compat_with(opts, out, Registry::for_compat())
}

pub(crate) fn compat_with(
    opts: &CompatOptions,
    out: &mut dyn Write,
    registry: &Registry,
) -> Result<Outcome, Failure> {
    let o = &opts.options;
    let mut configs = super::configs::Configs::new(o.config.as_deref(), o.style.width)?;
    // Rules are named as everywhere else: a configuration written for `check` is valid here.
    let selection = super::configs::Selection::new(o, Registry::builtin())?;
    let mut settings_for = |p: &Path| -> Result<Settings, Failure> {
        let mut s = configs.settings_for(p, o, &selection)?;
        // The comparison's findings are suppressed in NEW once they are known.
        s.inline_suppressions = false;
        if opts.show_harmless {
            for r in registry.rules() {
                if matches!(r.check, Check::Compare(_)) && r.meta.profile == Profile::Optional {
                    s.rules.entry(r.meta.slug).or_insert(Some(r.meta.severity));
                }
            }
        }
        Ok(s)
    };
    let old = read_side(&opts.old, o, &mut settings_for)?;
    let new = read_side(&opts.new, o, &mut settings_for)?;
    if old.collection != new.collection {
        let kind = |r: &Read| {
            if r.collection {
                "a collection (a folder, a backup or a transcript)"
            } else {
                "one document"
            }
        };
        return Err(Failure::Usage(format!(
            "OLD `{}` is {} but NEW `{}` is {}: compare a document with a document, or a collection with a collection",
            opts.old,
            kind(&old),
            opts.new,
            kind(&new)
        )));
    }
    let n_old = old.files.len();
    let (files, settings): (Vec<Unparsed>, Vec<Settings>) =
        old.files.into_iter().chain(new.files).unzip();
    let settings: Vec<&Settings> = settings.iter().collect();
    let mut files = compare_with(
        files,
        &settings,
        n_old,
        old.collection,
        o.inline_suppressions,
        registry,
    );
    // What is listed is as in check, except that a backup's infos are listed: a comparison
    // says what one writer changed, whoever wrote the documents around it.
    for (f, s) in files.iter_mut().zip(&settings) {
        if o.quiet {
            f.hide_below(Severity::Error, HiddenBy::Quiet);
        } else if let (min, true) = s.listed_from(false) {
            f.hide_below(min, HiddenBy::MinSeverity(min));
        }
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    let summary = Summary::of(&files);
    let parts = vec![None; files.len()];
    to_sink(o, out, |sink| write_report(sink, o, &files, &parts))?;
    let too_many_warnings = o.max_warnings.is_some_and(|max| summary.warnings > max);
    let failed = summary.errors > 0 || too_many_warnings;
    let notes: Vec<String> = too_many_warnings_note(o, &summary).into_iter().collect();
    Ok(Outcome {
        code: if failed && !o.exit_zero { 1 } else { 0 },
        notes,
    })
}

/// Reads and lints one side.
fn read_side(
    arg: &str,
    opts: &Options,
    settings_for: &mut dyn FnMut(&Path) -> Result<Settings, Failure>,
) -> Result<Read, Failure> {
    let limits = CabLimits {
        max_bytes: opts.max_file_size,
        max_expansion: opts.max_cabinet_expansion,
        ..CabLimits::default()
    };
    if let Some(spec) = arg.strip_prefix("git:") {
        let (bytes, path) = git_show(spec)?;
        if bytes.len() as u64 > opts.max_file_size {
            return Err(Failure::Usage(format!(
                "`{arg}` is larger than --max-file-size ({})",
                opts.max_file_size
            )));
        }
        let settings = settings_for(&path)?;
        return Ok(open_one(arg, bytes, settings, &limits));
    }
    let path = PathBuf::from(arg);
    let meta = std::fs::metadata(&path)
        .map_err(|e| Failure::Usage(format!("cannot read `{arg}`: {}", describe_io(&e))))?;
    if !meta.is_dir() {
        let settings = settings_for(&path)?;
        let bytes = read_file(&path, opts.max_file_size)
            .map_err(|why| Failure::Usage(format!("cannot read `{arg}`: {why}")))?;
        return Ok(open_one(arg, bytes, settings, &limits));
    }
    let found = inputs(
        std::slice::from_ref(&path),
        &Exclusions::new(&opts.exclude)?,
    )?;
    if found.inputs.is_empty() {
        return Err(Failure::Usage(format!(
            "no writer metadata documents found under `{arg}` (looked for *.xml and *.cab files)"
        )));
    }
    let mut files = Vec::new();
    for input in found.inputs {
        let Input::File(p) = input else { continue };
        let shown = p.to_string_lossy().into_owned();
        let settings = settings_for(&p)?;
        let read = match read_file(&p, opts.max_file_size) {
            Ok(bytes) => open_one(&shown, bytes, settings, &limits).files,
            Err(why) => {
                let f = unreadable(&shown, &why, &settings);
                vec![(Unparsed::linted(f), settings)]
            }
        };
        files.extend(read);
    }
    Ok(Read {
        collection: true,
        files,
    })
}

/// Decodes the documents of one input: a document, a cabinet's entries, a transcript's
/// writers. They are parsed and linted with the other side's.
fn open_one(shown: &str, bytes: Vec<u8>, settings: Settings, limits: &CabLimits) -> Read {
    let (collection, files) = match vsslint_container::open(bytes, limits) {
        Err(why) => (
            false,
            vec![Unparsed::linted(unreadable(shown, &why, &settings))],
        ),
        Ok(Opened::Document(bytes)) => (
            false,
            vec![Unparsed::document(shown, decode_owned(bytes), &settings)],
        ),
        Ok(Opened::Cabinet(entries)) => (
            true,
            entries
                .into_iter()
                .map(|entry| {
                    let path = format!("{shown}!/{}", entry.name);
                    let mut u = match entry.bytes {
                        Ok(bytes) => Unparsed::document(&path, decode_owned(bytes), &settings),
                        Err(why) => Unparsed::linted(unreadable(&path, &why, &settings)),
                    };
                    u.file_mut().origin = Origin::CabinetEntry;
                    u
                })
                .collect(),
        ),
        Ok(Opened::Transcript(t)) => (true, Unparsed::transcript(shown, t)),
    };
    Read {
        collection,
        files: files.into_iter().map(|f| (f, settings.clone())).collect(),
    }
}

/// `REF:PATH` read with `git show` in the repository that holds the working directory: the
/// bytes, and the path of the file in the working tree (for its configuration).
fn git_show(spec: &str) -> Result<(Vec<u8>, PathBuf), Failure> {
    let Some((reference, path)) = spec.split_once(':') else {
        return Err(Failure::Usage(format!(
            "`git:{spec}` names no file: write git:REF:PATH, such as git:v1.4.0:metadata/writer.xml"
        )));
    };
    if reference.is_empty() || path.is_empty() {
        return Err(Failure::Usage(format!(
            "`git:{spec}` needs both a ref and a path: write git:REF:PATH, such as git:v1.4.0:metadata/writer.xml"
        )));
    }
    let git = |args: &[&str], dir: Option<&Path>| {
        let mut cmd = std::process::Command::new("git");
        cmd.args(args);
        if let Some(d) = dir {
            cmd.current_dir(d);
        }
        cmd.output().map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                Failure::Usage(format!(
                    "`git:{spec}` is read with git, which is not on PATH: install git, or compare with a file"
                ))
            } else {
                Failure::Usage(format!("cannot run git to read `git:{spec}`: {e}"))
            }
        })
    };
    let top = git(&["rev-parse", "--show-toplevel"], None)?;
    if !top.status.success() {
        return Err(Failure::Usage(format!(
            "`git:{spec}`: the working directory is not in a git repository"
        )));
    }
    let root = PathBuf::from(String::from_utf8_lossy(&top.stdout).trim_end_matches(['\n', '\r']));
    let commit = format!("{reference}^{{commit}}");
    let known = git(&["rev-parse", "--verify", "--quiet", &commit], Some(&root))?;
    if !known.status.success() {
        return Err(Failure::Usage(format!(
            "`git:{spec}`: no commit `{reference}` in the repository at `{}`: name a tag, branch or commit it has (`git tag` lists the tags; a shallow clone may need `fetch-depth: 0`)",
            root.display()
        )));
    }
    let object = format!("{reference}:{path}");
    let kind = git(&["cat-file", "-t", &object], Some(&root))?;
    if kind.status.success() && kind.stdout.trim_ascii() != b"blob" {
        return Err(Failure::Usage(format!(
            "`git:{spec}`: `{path}` at `{reference}` is a folder, not a file: git:REF:PATH reads one document or cabinet"
        )));
    }
    let shown = git(&["show", &object], Some(&root))?;
    if !kind.status.success() || !shown.status.success() {
        return Err(Failure::Usage(format!(
            "`git:{spec}`: no file `{path}` at `{reference}`: PATH is relative to the repository's root and written with `/`"
        )));
    }
    Ok((shown.stdout, root.join(path)))
}

//! The first stage of a run: what to lint, each file with its settings, and the members of
//! the backups named that were not named themselves.

use super::backups::{self, Folders, Listed};
use super::configs::{Configs, Selection};
use super::inputs::{self, Exclusions, Input};
use super::options::{Failure, Options, OptionsError};
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use vsslint_lint::engine::Registry;
use vsslint_lint::settings::Settings;

/// One file to lint: the name shown, where to read it (`None`: standard input), its settings.
pub(super) struct Job {
    pub(super) shown: String,
    pub(super) path: Option<PathBuf>,
    pub(super) settings: Arc<Settings>,
    /// The backup set it belongs to, as far as file names tell.
    pub(super) set: Option<String>,
    /// A member of a backup that was not named: read for the checks across the backup's
    /// documents, never reported on.
    pub(super) context: bool,
}

/// The files of a run, and what finds more of them once some are linted.
pub(super) struct Plan<'o> {
    opts: &'o Options,
    configs: Configs,
    selection: Selection,
    /// The folders of the files named, with their files not named.
    folders: Folders,
    pub(super) jobs: Vec<Job>,
    /// The files named and left out by `exclude`, as shown.
    pub(super) skipped: Vec<String>,
    /// Standard input, when it is one of the inputs.
    pub(super) stdin: Option<Vec<u8>>,
}

/// Finds the files `opts` names and settles each one's settings; then adds, for context,
/// the other documents of every folder that is a backup by its file names.
pub(super) fn plan_inputs<'o>(opts: &'o Options, registry: &Registry) -> Result<Plan<'o>, Failure> {
    let exclude = Exclusions::new(&opts.exclude)?;
    // The folders named are listed while the walk runs: a folder's other documents are known
    // without listing it again once its files are found.
    let (found, listed) = rayon::join(
        || inputs::inputs(&opts.paths, &exclude),
        || Listed::ahead(&opts.paths),
    );
    let found = found?;
    let mut plan = Plan {
        opts,
        configs: Configs::new(opts.config.as_deref(), opts.style.width)?,
        selection: Selection::new(opts, registry)?,
        folders: Folders::default(),
        jobs: Vec::with_capacity(found.inputs.len()),
        skipped: found
            .excluded
            .iter()
            .map(|p| p.to_string_lossy().into_owned())
            .collect(),
        stdin: None,
    };
    let named: Vec<&Path> = (found.inputs.iter())
        .filter_map(|input| match input {
            Input::File(p) => Some(p.as_path()),
            Input::Stdin => None,
        })
        .collect();
    // Telling each folder's other documents from the files named and settling each file's
    // settings need only the file names, so they run side by side: for the 2,000 documents
    // of scripts/bench-inputs.py they take 3.4 and 3.0 million instructions (callgrind).
    let (folders, planned) = rayon::join(
        || Folders::of(&named, listed),
        || plan.add_named(&found.inputs, &exclude),
    );
    planned?;
    if plan.jobs.is_empty() && plan.skipped.is_empty() && !opts.allow_no_files {
        let excluding = !opts.exclude.is_empty();
        return Err(OptionsError::NoDocuments {
            under: found.empty,
            excluding,
        }
        .into());
    }
    plan.add_named_backups(folders)?;
    Ok(plan)
}

impl Plan<'_> {
    /// The jobs of the inputs named, standard input among them.
    fn add_named(&mut self, inputs: &[Input], exclude: &Exclusions) -> Result<(), Failure> {
        let opts = self.opts;
        let stdin_name = opts
            .stdin_filename
            .clone()
            .unwrap_or_else(|| PathBuf::from("<stdin>"));
        // An editor hands over a buffer by name: the project's exclusions hold for it too.
        let stdin_excluded = opts
            .stdin_filename
            .as_deref()
            .is_some_and(|p| exclude.excludes(p));
        for input in inputs {
            match input {
                Input::Stdin if stdin_excluded => {
                    self.skipped.push(stdin_name.to_string_lossy().into())
                }
                Input::Stdin => {
                    self.stdin = Some(read_stdin(opts.max_file_size)?);
                    let job = self.job(&stdin_name, None, None)?;
                    self.jobs.push(job);
                }
                Input::File(p) => {
                    let job = self.job(p, Some(p.clone()), None)?;
                    self.jobs.push(job);
                }
            }
        }
        Ok(())
    }

    /// The job of a file shown as `shown`, read from `path`; a member of the backup `set`
    /// read for context when there is one.
    fn job(
        &mut self,
        shown: &Path,
        path: Option<PathBuf>,
        set: Option<String>,
    ) -> Result<Job, Failure> {
        Ok(Job {
            shown: shown.to_string_lossy().into_owned(),
            settings: self
                .configs
                .shared_settings_for(shown, self.opts, &self.selection)?,
            path,
            context: set.is_some(),
            set,
        })
    }

    /// Takes in the folders of the files named: a file in a folder named like a backup is
    /// that backup's, and the folder's other documents are read for context.
    fn add_named_backups(&mut self, folders: Folders) -> Result<(), Failure> {
        self.folders = folders;
        let backups = self.folders.named_backups();
        // Without a folder named like a backup, no file's folder needs working out.
        if backups.is_empty() {
            return Ok(());
        }
        for job in &mut self.jobs {
            job.set = job
                .path
                .as_deref()
                .and_then(|p| self.folders.set_by_name(p));
        }
        let mut members = Vec::new();
        for dir in backups {
            members.extend(self.folders.take_others(&dir));
        }
        self.add_members(members)
    }

    /// Adds the files of `dirs` not named, once each folder, to be read for context; whether
    /// there were any.
    pub(super) fn add_members_of(&mut self, dirs: &[PathBuf]) -> Result<bool, Failure> {
        let members: Vec<PathBuf> = dirs
            .iter()
            .flat_map(|dir| self.folders.take_others(dir))
            .collect();
        let any = !members.is_empty();
        self.add_members(members)?;
        Ok(any)
    }

    fn add_members(&mut self, paths: Vec<PathBuf>) -> Result<(), Failure> {
        for p in paths {
            let set = backups::set_name(backups::folder(&p));
            let job = self.job(&p, Some(p.clone()), Some(set))?;
            self.jobs.push(job);
        }
        Ok(())
    }
}

fn read_stdin(max: u64) -> Result<Vec<u8>, Failure> {
    let mut buf = Vec::new();
    io::stdin()
        .take(max + 1)
        .read_to_end(&mut buf)
        .map_err(|e| Failure::Usage(format!("cannot read standard input: {e}")))?;
    if buf.len() as u64 > max {
        return Err(OptionsError::StdinTooLarge { max }.into());
    }
    Ok(buf)
}

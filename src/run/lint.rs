//! Opening and linting the files of a run, in parallel: each input through the container
//! entrance, each file then made ready for the report on the thread that linted it.

use super::fixes::{container_refusal, fix_file, FixRecord};
use super::inputs::read_file;
use super::options::{FixMode, Options};
use super::plan::Job;
use rayon::prelude::*;
use std::sync::Arc;
use vsslint_container::cab::CabLimits;
use vsslint_container::{self, Opened, Origin};
use vsslint_lint::engine::Registry;
use vsslint_lint::pipeline::{
    keeps_text, lint_owned_with, lint_read_transcript, unreadable, LintedFile,
};
use vsslint_lint::report::{self, Emitter};

/// How the files of a run are linted, and what is kept of each.
pub(super) struct Linter<'r> {
    opts: &'r Options,
    registry: &'r Registry,
    stdin: Option<&'r [u8]>,
    /// Renders each file's part of the report as soon as it is linted, when the report's
    /// format does (JSON); `None` when nothing is rendered ahead.
    ahead: Option<&'r dyn Emitter>,
    /// The report shows positions and no source lines.
    positions_only: bool,
}

/// What linting one job gave: its files, each with its part of the report when rendered
/// ahead, and what fixing it did.
pub(super) struct Done {
    pub(super) files: Vec<(LintedFile, Option<Vec<u8>>)>,
    pub(super) fix: Option<FixRecord>,
}

impl<'r> Linter<'r> {
    pub(super) fn new(
        opts: &'r Options,
        registry: &'r Registry,
        stdin: Option<&'r [u8]>,
        emitter: &'r dyn Emitter,
    ) -> Self {
        Linter {
            opts,
            registry,
            stdin,
            // `quiet` hides findings only once every file is linted.
            ahead: (!opts.quiet).then_some(emitter),
            // 20,000 small documents in `concise` peak at 82 MB instead of 112 MB when their
            // texts go as soon as their findings are located (scripts/bench-memory.sh).
            positions_only: !opts.format.emitter().shows_source()
                && opts.fix != Some(FixMode::Diff),
        }
    }

    /// Lints every job, in parallel; the results in the order of the jobs.
    pub(super) fn lint_in_parallel(&self, jobs: &[Job]) -> Vec<Done> {
        jobs.par_iter().map(|job| self.lint(job)).collect()
    }

    /// A file's part of the report, rendered ahead.
    pub(super) fn render(&self, file: &LintedFile) -> Option<Vec<u8>> {
        self.ahead.and_then(|e| e.render(file))
    }

    fn lint(&self, job: &Job) -> Done {
        let (files, fix) = match self.open(job) {
            Ok(opened) => self.lint_opened(job, opened),
            Err(why) => (vec![unreadable(&job.shown, &why, &job.settings)], None),
        };
        // Done on the thread that linted the file, so that no more texts are held at once
        // than files are being linted.
        let files = files.into_iter().map(|f| self.ready(job, f)).collect();
        Done { files, fix }
    }

    /// A file rendered ahead, or located, for the report. Nothing reads a rendered file's
    /// text again unless a check across files may add to it: freed now, its memory serves
    /// the next file's.
    fn ready(&self, job: &Job, mut file: LintedFile) -> (LintedFile, Option<Vec<u8>>) {
        // What the settings do not list leaves before the part is rendered: rendered with it,
        // the part would be rendered again once it left, without the text that places the
        // findings. What checks across files add is left out after them.
        if !job.context && !self.opts.quiet && !self.opts.statistics {
            file.hide_unlisted(&job.settings);
        }
        let part = (!job.context).then(|| self.render(&file)).flatten();
        let located = self.positions_only && !job.context;
        if (part.is_some() || located) && !keeps_text(&file, &job.settings, self.registry) {
            if located {
                report::locate_in_place(&mut file);
            }
            file.text = Arc::default();
        }
        (file, part)
    }

    /// Reads a job's input and opens it: a document, a cabinet or a transcript; or why it
    /// yields no document (one `doc/unreadable` finding, and the run goes on).
    fn open(&self, job: &Job) -> Result<Opened, String> {
        let bytes = match &job.path {
            None => self.stdin.unwrap_or_default().to_vec(),
            Some(p) => read_file(p, self.opts.max_file_size)?,
        };
        let limits = CabLimits {
            max_bytes: self.opts.max_file_size,
            max_expansion: self.opts.max_cabinet_expansion,
            ..CabLimits::default()
        };
        vsslint_container::open(bytes, &limits)
    }

    /// Lints what an input holds: a document (fixed when asked), each document of a cabinet
    /// as one backup (`backup.cab!/WM3.xml`), each writer of a transcript.
    fn lint_opened(&self, job: &Job, opened: Opened) -> (Vec<LintedFile>, Option<FixRecord>) {
        let (settings, registry) = (&job.settings, self.registry);
        let linted: Vec<LintedFile> = match opened {
            Opened::Document(bytes) => {
                let (mut file, fix) = match self.opts.fix.filter(|_| !job.context) {
                    None => (lint_owned_with(&job.shown, bytes, settings, registry), None),
                    Some(mode) => {
                        let (file, fix) = fix_file(job, &bytes, mode, self.opts, registry);
                        (file, Some(fix))
                    }
                };
                file.set = job.set.clone();
                return (vec![file], fix);
            }
            Opened::Cabinet(entries) => entries
                .into_par_iter()
                .map(|entry| {
                    let path = format!("{}!/{}", job.shown, entry.name);
                    let mut file = match entry.bytes {
                        Ok(bytes) => lint_owned_with(&path, bytes, settings, registry),
                        Err(why) => unreadable(&path, &why, settings),
                    };
                    file.set = Some(job.shown.clone());
                    file.origin = Origin::CabinetEntry;
                    file
                })
                .collect(),
            Opened::Transcript(transcript) => {
                lint_read_transcript(&job.shown, transcript, settings, registry)
                    .writers
                    .into_iter()
                    .map(|(_, f)| f)
                    .collect()
            }
        };
        // The documents of a container are never rewritten: their fixes are only reported.
        let fix = self
            .opts
            .fix
            .filter(|_| !job.context)
            .and_then(|_| container_refusal(job, &linted, self.opts));
        (linted, fix)
    }
}

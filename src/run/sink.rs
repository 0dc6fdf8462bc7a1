//! Where a run's report goes, and what writes it.

use super::inputs::describe_io;
use super::options::{Failure, Options};
use std::io::{self, Write};
use vsslint_lint::pipeline::LintedFile;
use vsslint_lint::report::{EmitContext, Emitter, Summary};

/// Reports of thousands of findings are megabytes: written in large pieces, they cost few
/// system calls.
const OUTPUT_BUFFER: usize = 1 << 16;

/// Writes through `write` to `--output-file` when one is given, otherwise to `out`,
/// buffered either way.
pub(super) fn to_sink(
    opts: &Options,
    out: &mut dyn Write,
    write: impl FnOnce(&mut dyn Write) -> Result<(), Failure>,
) -> Result<(), Failure> {
    match &opts.output_file {
        Some(p) => {
            let file = std::fs::File::create(p).map_err(|e| {
                Failure::Usage(format!(
                    "cannot write `{}`: {}",
                    p.display(),
                    describe_io(&e)
                ))
            })?;
            let mut sink = io::BufWriter::with_capacity(OUTPUT_BUFFER, file);
            write(&mut sink)?;
            sink.flush()?;
        }
        None => {
            let mut sink = io::BufWriter::with_capacity(OUTPUT_BUFFER, out);
            write(&mut sink)?;
            sink.flush()?;
        }
    }
    Ok(())
}

/// The note of a run with more warnings than `--max-warnings`, unless `--exit-zero`.
pub(super) fn too_many_warnings_note(opts: &Options, summary: &Summary) -> Option<String> {
    let max = opts.max_warnings?;
    (summary.warnings > max && !opts.exit_zero).then(|| {
        format!(
            "vsslint: {} warning{}, more than --max-warnings {max}",
            summary.warnings,
            if summary.warnings == 1 { "" } else { "s" },
        )
    })
}

/// Writes the report of `files` as `opts` asks, joining the parts rendered ahead.
pub(super) fn write_report(
    sink: &mut dyn Write,
    opts: &Options,
    files: &[LintedFile],
    parts: &[Option<Vec<u8>>],
) -> Result<(), Failure> {
    let cx = EmitContext {
        style: opts.style,
        max_diagnostics: opts.max_diagnostics,
        rendered: parts,
        step_summary: opts.step_summary.as_deref(),
    };
    Ok(report_emitter(opts).emit(sink, files, &cx)?)
}

/// What writes the report: the findings in the format asked for, or how often each rule
/// fired.
pub(super) fn report_emitter(opts: &Options) -> &'static dyn Emitter {
    if opts.statistics {
        opts.format.statistics_emitter()
    } else {
        opts.format.emitter()
    }
}

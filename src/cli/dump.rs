//! `vsslint dump FILE`: the typed model of a document as JSON.

use super::args::{DumpFormat, FINDINGS, OK};
use super::check::terminal_width;
use std::io::{self, Read, Write};
use std::path::Path;
use vsslint::report::escape::terminal;
use vsslint::report::{self, full::Style};
use vsslint::Failure;

pub(super) fn dump(file: &Path, format: DumpFormat) -> Result<i32, Failure> {
    if file.is_dir() {
        return dump_backup(file, format);
    }
    let shown = file.display().to_string();
    // Names reach the terminal as data: escaped in every message of the dump.
    let named = terminal(&shown).into_owned();
    let bytes = if file.as_os_str() == "-" {
        let mut buf = Vec::new();
        io::stdin().read_to_end(&mut buf)?;
        buf
    } else {
        std::fs::read(file)
            .map_err(|e| Failure::Usage(format!("cannot read `{named}`: {}", describe_io(&e))))?
    };
    // What the file is comes from its bytes, through the one entrance every input takes.
    let bytes = match vsslint::open_input(bytes, &vsslint::CabLimits::default()) {
        Err(why) => {
            eprintln!("vsslint: cannot read `{named}`: {}", terminal(&why));
            return Ok(FINDINGS);
        }
        Ok(vsslint::Opened::Cabinet(entries)) => return dump_cabinet(&shown, entries, format),
        Ok(vsslint::Opened::Transcript(t)) => {
            eprintln!(
                "vsslint: `{named}` is a vshadow transcript of {} writers: dump one document, a backup's folder or its cabinet (lint the transcript with `vsslint {named}`)",
                t.frames.len()
            );
            return Ok(FINDINGS);
        }
        Ok(vsslint::Opened::Document(bytes)) => bytes,
    };
    if format == DumpFormat::Full {
        return Err(Failure::Usage(format!(
            "`{named}` is one document, whose dump is JSON only: drop --format (or write --format json); --format full is the table of a backup, for a backup's folder or its cabinet"
        )));
    }
    match vsslint::dump(&file.display().to_string(), &bytes) {
        Ok(value) => {
            let mut out = io::stdout().lock();
            serde_json::to_writer_pretty(&mut out, &value).map_err(io::Error::from)?;
            writeln!(out)?;
            Ok(OK)
        }
        // Shown as the linter would show it.
        Err(file) => {
            let mut err = io::stderr().lock();
            report::full::write(
                &mut err,
                std::slice::from_ref(&*file),
                Style::plain(terminal_width()),
            )?;
            Ok(FINDINGS)
        }
    }
}

fn describe_io(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// What the backup in a DiskShadow cabinet contains; an entry that cannot be read is said on
/// standard error and left out.
fn dump_cabinet(
    shown: &str,
    entries: Vec<vsslint::Entry>,
    format: DumpFormat,
) -> Result<i32, Failure> {
    let mut files = Vec::new();
    let mut unreadable = false;
    for entry in entries {
        match entry.bytes {
            Ok(bytes) => files.push((entry.name, bytes)),
            Err(why) => {
                eprintln!(
                    "vsslint: cannot read `{}`: {}",
                    terminal(&format!("{shown}!/{}", entry.name)),
                    terminal(&why)
                );
                unreadable = true;
            }
        }
    }
    let code = show_coverage(shown, &files, format)?;
    Ok(if unreadable { FINDINGS } else { code })
}

/// What the backup in folder `dir` contains.
fn dump_backup(dir: &Path, format: DumpFormat) -> Result<i32, Failure> {
    let read = |e: io::Error| {
        Failure::Usage(format!(
            "cannot read `{}`: {}",
            dir.display(),
            describe_io(&e)
        ))
    };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(read)? {
        let path = entry.map_err(read)?.path();
        let is_xml = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("xml"));
        if path.is_file() && is_xml {
            let name = path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            files.push((name, std::fs::read(&path).map_err(read)?));
        }
    }
    files.sort();
    show_coverage(&dir.display().to_string(), &files, format)
}

fn show_coverage(
    backup: &str,
    files: &[(String, Vec<u8>)],
    format: DumpFormat,
) -> Result<i32, Failure> {
    let Some(coverage) = vsslint::coverage(backup, files) else {
        return Err(Failure::Usage(format!(
            "`{backup}` holds no backup components document; dump a backup's folder or cabinet, or one document"
        )));
    };
    let mut out = io::stdout().lock();
    match format {
        DumpFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &vsslint::BackupDump::new(&coverage))
                .map_err(io::Error::from)?;
            writeln!(out)?;
        }
        DumpFormat::Full => out.write_all(coverage.table().as_bytes())?,
    }
    Ok(OK)
}

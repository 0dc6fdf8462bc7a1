//! `vsslint dump FILE`: the typed model of a document as JSON.

use super::check::terminal_width;
use super::{FINDINGS, OK};
use std::io::{self, Read, Write};
use std::path::Path;
use vsslint::report::{self, full::Style};
use vsslint::Failure;

pub(super) fn dump(file: &Path) -> Result<i32, Failure> {
    let bytes = if file.as_os_str() == "-" {
        let mut buf = Vec::new();
        io::stdin().read_to_end(&mut buf)?;
        buf
    } else {
        std::fs::read(file).map_err(|e| {
            Failure::Usage(format!(
                "cannot read `{}`: {}",
                file.display(),
                describe_io(&e)
            ))
        })?
    };
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

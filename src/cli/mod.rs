//! The `vsslint` command line: the arguments, and a module for each command.

mod args;
mod check;
mod compat;
mod dump;
mod rules;

use args::{Cli, Command, OK, USAGE};
use clap::{CommandFactory, Parser};
use std::io;
use std::path::PathBuf;
use vsslint::Failure;

/// A usage error of the default command, with "did you mean" when a path it was given is a
/// bare word that names nothing on disk and is close to a command's name (`vsslint chek`):
/// the command line takes any word that is not a command for a path.
fn command_hint(paths: &[PathBuf], failure: Failure) -> Failure {
    let Failure::Usage(message) = failure else {
        return failure;
    };
    let cli = Cli::command();
    let commands: Vec<&str> = cli
        .get_subcommands()
        .filter(|c| !c.is_hide_set())
        .map(|c| c.get_name())
        .collect();
    let hint = paths.iter().find_map(|p| {
        let word = p.to_str()?;
        let bare = !word.is_empty() && word.chars().all(|c| c.is_alphanumeric() || c == '-');
        if !bare || p.exists() {
            return None;
        }
        let command = vsslint::suggest::nearest(word, commands.iter().copied())?;
        Some(format!(
            "\n`{word}` is not a command either: did you mean `vsslint {command}`? (a path \
             named like a command goes after `check`: `vsslint check {word}`)"
        ))
    });
    Failure::Usage(message + hint.as_deref().unwrap_or(""))
}

pub fn run() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { USAGE } else { OK };
        }
    };
    let result = match cli.command {
        Some(Command::Dump { file, format }) => dump::dump(&file, format),
        Some(Command::Rules { format, write_docs }) => {
            rules::list_rules(format, write_docs.as_deref())
        }
        Some(Command::Explain { rule }) => rules::explain(&rule),
        Some(Command::Completions { shell }) => {
            clap_complete::generate(shell, &mut Cli::command(), "vsslint", &mut io::stdout());
            Ok(OK)
        }
        Some(Command::Check(args)) => check::check(&args),
        Some(Command::Compat(args)) => compat::compat(&args),
        Some(Command::Server) => vsslint::server::run().map(|()| OK).map_err(Failure::Usage),
        None => check::check(&cli.check).map_err(|e| command_hint(&cli.check.paths, e)),
    };
    match result {
        Ok(code) => code,
        Err(Failure::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => OK,
        Err(e) => {
            // A failure may quote a name from the input: escaped, its line feeds kept.
            eprintln!(
                "error: {}",
                vsslint::report::escape::terminal_lines(&e.to_string())
            );
            USAGE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::args::FormatArg;
    use super::*;
    use clap::ValueEnum;
    use vsslint::Format;

    /// `--format` takes the names the library gives its formats, which its errors quote.
    #[test]
    fn each_format_flag_value_is_the_library_format_of_that_name() {
        for arg in FormatArg::value_variants() {
            let name = arg.to_possible_value().expect("no value is hidden");
            assert_eq!(name.get_name(), Format::from(*arg).name());
        }
        assert_eq!(FormatArg::value_variants().len(), Format::ALL.len());
    }

    /// The library's errors in the options, said with the flags that set them.
    #[test]
    fn option_errors_name_their_flags() {
        use vsslint::OptionsError;
        let said = |e: OptionsError| check::in_flags(&e);
        assert_eq!(
            said(OptionsError::InvalidExclude {
                glob: "a[".into(),
                why: "unclosed character class; missing ']'".into(),
            }),
            "invalid --exclude glob `a[`: unclosed character class; missing ']'"
        );
        assert_eq!(
            said(OptionsError::StdinTooLarge { max: 10 }),
            "standard input is larger than --max-file-size (10)"
        );
        assert!(said(OptionsError::StatisticsIn(Format::Sarif))
            .starts_with("--statistics cannot be written as --format sarif:"));
    }
}

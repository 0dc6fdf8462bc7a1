//! The report formats, and the emitter of each.

use super::emitter::Emitter;
use super::{concise, full, github, json, sarif, statistics};
use std::fmt;
use std::str::FromStr;

/// The report formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// For people: each finding with the lines around it, labels, help and the rule's link.
    Full,
    /// One line per finding: path:line:col: severity: message [CODE rule].
    Concise,
    /// One JSON object: every finding with its position, help and related places, and a
    /// summary with counts.
    Json,
    /// One JSON object per finding, one per line, for streaming tools.
    JsonLines,
    /// SARIF 2.1.0, for code-scanning services (GitHub code scanning, Azure DevOps).
    Sarif,
    /// GitHub Actions annotations (workflow commands), then the concise list in a log group.
    Github,
}

impl Format {
    /// Every format, in the order they are listed.
    pub const ALL: [Format; 6] = [
        Format::Full,
        Format::Concise,
        Format::Json,
        Format::JsonLines,
        Format::Sarif,
        Format::Github,
    ];

    /// The format's name: `full`, `concise`, `json`, `json-lines`, `sarif`, `github`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Full => "full",
            Format::Concise => "concise",
            Format::Json => "json",
            Format::JsonLines => "json-lines",
            Format::Sarif => "sarif",
            Format::Github => "github",
        }
    }

    /// The emitter that writes the findings in this format.
    pub fn emitter(self) -> &'static dyn Emitter {
        match self {
            Format::Full => &full::Full,
            Format::Concise => &concise::Concise,
            Format::Json => &json::Json,
            Format::JsonLines => &json::JsonLines,
            Format::Sarif => &sarif::Sarif,
            Format::Github => &github::Github,
        }
    }

    /// Whether the format has a form for how often each rule fired: a table (full, concise)
    /// or a JSON list (json).
    pub fn holds_statistics(self) -> bool {
        matches!(self, Format::Full | Format::Concise | Format::Json)
    }

    /// The emitter of how often each rule fired: a JSON list for `json`, else a table.
    pub fn statistics_emitter(self) -> &'static dyn Emitter {
        if self == Format::Json {
            &statistics::Statistics { json: true }
        } else {
            &statistics::Statistics { json: false }
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A name that is no format's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownFormat(pub String);

impl fmt::Display for UnknownFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
        write!(
            f,
            "unknown report format `{}`: the formats are {}",
            self.0,
            names.join(", ")
        )
    }
}

impl std::error::Error for UnknownFormat {}

impl FromStr for Format {
    type Err = UnknownFormat;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Format::ALL
            .into_iter()
            .find(|f| f.name() == s)
            .ok_or_else(|| UnknownFormat(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_format_is_read_back_from_its_name() {
        for format in Format::ALL {
            assert_eq!(format.name().parse(), Ok(format));
            assert_eq!(format.to_string(), format.name());
        }
        let unknown = "xml".parse::<Format>().unwrap_err();
        assert_eq!(
            unknown.to_string(),
            "unknown report format `xml`: the formats are full, concise, json, json-lines, sarif, github"
        );
    }

    /// Each format is written by the emitter of that format, and statistics by theirs.
    #[test]
    fn each_format_is_written_by_its_own_module() {
        use super::super::emitter::EmitContext;
        use crate::pipeline::{lint_bytes, LintedFile};
        use crate::settings::Settings;
        use std::io::{self, Write};
        /// A format module's own writer.
        type Writer = fn(&mut dyn Write, &[LintedFile]) -> io::Result<()>;
        let doc = b"<WRITER_METADATA xmlns=\"x-schema:#VssWriterMetadataInfo\" version=\"1.1\">\n  <IDENTIFICATION writerId=\"{not-a-guid}\"/>\n</WRITER_METADATA>\n";
        let files = [lint_bytes("a.xml", doc, &Settings::default())];
        assert!(!files[0].diagnostics.is_empty());
        let emitted = |e: &dyn Emitter| {
            let mut out = Vec::new();
            e.emit(&mut out, &files, &EmitContext::default()).unwrap();
            out
        };
        let written = |w: Writer| {
            let mut out = Vec::new();
            w(&mut out, &files).unwrap();
            out
        };
        let full = |out: &mut dyn Write, f: &[LintedFile]| {
            full::write(out, f, super::super::style::Style::plain(100))
        };
        let table = |out: &mut dyn Write, f: &[LintedFile]| statistics::write(out, f, false);
        let list = |out: &mut dyn Write, f: &[LintedFile]| statistics::write(out, f, true);
        let expected: [(Format, Writer); 6] = [
            (Format::Full, full),
            (Format::Concise, concise::write),
            (Format::Json, json::write),
            (Format::JsonLines, json::write_lines),
            (Format::Sarif, sarif::write),
            (Format::Github, github::write),
        ];
        for (format, write) in expected {
            assert_eq!(emitted(format.emitter()), written(write), "{format}");
            let stats = if format == Format::Json { list } else { table };
            assert_eq!(
                emitted(format.statistics_emitter()),
                written(stats),
                "{format}"
            );
        }
    }
}

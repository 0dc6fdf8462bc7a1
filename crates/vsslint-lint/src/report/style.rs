//! How the graphical report (`full`) looks: what the run sets once and every emitter is given.

use miette::{GraphicalReportHandler, GraphicalTheme};

/// How the graphical report looks.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// Colours (ANSI escapes).
    pub color: bool,
    /// Unicode box-drawing characters and arrows; ASCII otherwise.
    pub unicode: bool,
    /// The rule's URL, printed in full, is also an OSC 8 hyperlink (for terminals known to
    /// support them).
    pub links: bool,
    /// The width, in columns, the report is wrapped to.
    pub width: usize,
}

impl Style {
    /// What tests and pipes get: no colour, ASCII-free of escapes, fixed width.
    pub fn plain(width: usize) -> Self {
        Style {
            color: false,
            unicode: true,
            links: false,
            width,
        }
    }

    /// The miette handler that renders one finding in this style.
    pub fn handler(self) -> GraphicalReportHandler {
        let theme = match (self.unicode, self.color) {
            (true, true) => GraphicalTheme::unicode(),
            (true, false) => GraphicalTheme::unicode_nocolor(),
            (false, true) => GraphicalTheme::ascii(),
            (false, false) => GraphicalTheme::none(),
        };
        GraphicalReportHandler::new_themed(theme)
            .with_width(self.width)
            .with_links(false)
            // A URL or a path cut at a hyphen or in the middle can no longer be copied.
            .with_break_words(false)
            .with_word_splitter(textwrap::WordSplitter::NoHyphenation)
            .with_context_lines(1)
    }
}

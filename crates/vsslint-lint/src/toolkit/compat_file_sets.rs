//! Shared by the `compat/file-set-*` and `compat/fsbt-*` rules: the file sets the toolkit
//! matched (`crate::toolkit::compat_match::file_sets`), as the rules report them.

use crate::rule_api::{CompareCx, Pair};
use crate::toolkit::compat_match::{file_sets, At, FileSetFound};
use crate::toolkit::mappings::describe;
use vsslint_model::flags::FileSpecBackupType;
use vsslint_model::model::{Component, FileSet, Node, Text, YesNo};
use vsslint_model::span::Span;

/// A file set and its component, in one release.
pub type Located<'p, 'a> = (&'p Component<'a>, &'p FileSet<'a>);

fn at<'p, 'a>(doc: &'p vsslint_model::model::WriterMetadata<'a>, (c, f): At) -> Located<'p, 'a> {
    let c = &doc.components[c];
    (c, &c.file_sets[f])
}

/// The file sets found as `how`: (OLD, NEW), each `None` where the match has no side there.
pub fn found<'p, 'a>(
    pair: &'p Pair<'a>,
    how: FileSetFound,
) -> impl Iterator<
    Item = (
        Option<Located<'p, 'a>>,
        Option<Located<'p, 'a>>,
        Option<usize>,
    ),
> + 'p {
    file_sets(pair)
        .iter()
        .filter(move |m| m.found == how)
        .map(move |m| {
            (
                m.old.map(|o| at(pair.old.doc, o)),
                m.new.map(|n| at(pair.new.doc, n)),
                m.old.map(|(c, _)| c),
            )
        })
}

/// The file sets of both releases: (OLD, NEW, index of the OLD component), whatever else
/// changed about them.
pub fn in_both<'p, 'a>(
    pair: &'p Pair<'a>,
) -> impl Iterator<Item = (Located<'p, 'a>, Located<'p, 'a>, usize)> + 'p {
    file_sets(pair).iter().filter_map(move |m| {
        let (o, n) = (m.old?, m.new?);
        Some((at(pair.old.doc, o), at(pair.new.doc, n), o.0))
    })
}

/// What a rule says of a file set that changed in place.
pub struct InPlace {
    /// Where the finding points in either release.
    pub at: fn(&FileSet) -> Span,
    /// The message, from the NEW component and the OLD and NEW file sets.
    pub say: fn(&Component, &FileSet, &FileSet) -> String,
    pub label: &'static str,
    pub help: &'static str,
}

/// Reports each file set found as `how` in both releases, at `what.at` in NEW with the place
/// in OLD: the one shape of the rules on a file set's path, filespec or recursion.
pub fn report_changed_in_place(cx: &mut CompareCx, pair: &Pair, how: FileSetFound, what: &InPlace) {
    for (old, new, c) in found(pair, how) {
        let (Some((_, ofs)), Some((nc, nfs))) = (old, new) else {
            continue;
        };
        cx.changed((what.at)(ofs), (what.at)(nfs), (what.say)(nc, ofs, nfs))
            .label(what.label)
            .help(what.help);
        if let Some(c) = c {
            cx.note_recorded(c);
        }
    }
}

/// `FILE_LIST C:\Data\*.dat (not recursive)`, as written, for messages.
pub fn describe_file_set(fs: &FileSet) -> String {
    format!(
        "{} `{}`",
        fs.kind.element(),
        describe(
            fs.path.as_ref().map_or("", |a| a.raw),
            fs.filespec.as_ref().map_or("", |a| a.raw),
            YesNo::is_yes(&fs.recursive),
        )
    )
}

/// Where a finding about an attribute points: the attribute's value, or the element's name
/// when the attribute is absent.
pub fn attr_or_element<T>(attr: &Option<vsslint_model::model::Attr<T>>, node: &Node) -> Span {
    attr.as_ref().map_or(node.span, |a| a.span)
}

/// An attribute's text, or `absent`, for messages.
pub fn shown(attr: &Option<Text>) -> String {
    attr.as_ref()
        .map_or("absent".to_string(), |a| format!("`{}`", a.raw))
}

/// `filespecBackupType` as compared: absent is the default mask VSS uses (3855); `None`
/// when it is not a number (the lint rules say so).
pub fn backup_type(fs: &FileSet) -> Option<FileSpecBackupType> {
    match &fs.backup_type {
        None => Some(FileSpecBackupType::from_bits_retain(
            FileSpecBackupType::DEFAULT,
        )),
        Some(a) => a.value,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::toolkit::testing::writer;

    #[test]
    fn an_absent_filespec_backup_type_is_the_default_mask_and_a_bad_one_is_not_compared() {
        let body = r#"<FILE_GROUP componentName="A" selectable="yes"><FILE_LIST path="C:\A" filespec="*"/><FILE_LIST path="C:\B" filespec="*" filespecBackupType="3855"/><FILE_LIST path="C:\C" filespec="*" filespecBackupType="lots"/></FILE_GROUP>"#;
        writer(body, |w| {
            let sets = &w.components[0].file_sets;
            assert_eq!(backup_type(&sets[0]), backup_type(&sets[1]));
            assert_eq!(backup_type(&sets[0]).map(|m| m.bits()), Some(3855));
            assert_eq!(backup_type(&sets[2]), None);
        });
    }
}

//! XML text to the typed model, in one walk over the tree.

mod split;

use crate::flags::{BackupSchema, ComponentFlags, FileSpecBackupType};
use crate::model::*;
use crate::span::Span;
use crate::vocab::{DataSource, Method, Usage, WriterRestore, WRITER_NAMESPACE};
use roxmltree::{Error as XmlError, NodeType, ParsingOptions};

/// A document that is not well-formed XML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub message: String,
    pub help: String,
    /// Byte offset in the text.
    pub offset: usize,
}

/// The node limit keeps memory bounded on hostile input; the System writer's 2 MB
/// document has about 40,000 nodes.
pub const NODES_LIMIT: u32 = 20_000_000;

/// Namespace declarations in one document: real ones have one or two. The XML parser's work
/// grows with the square of nested declarations, so a flood of them would hang it.
pub const NAMESPACE_DECLARATIONS_LIMIT: usize = 256;
/// Attributes on one element: the parser compares each with all before it.
pub const ATTRIBUTES_LIMIT: usize = 10_000;

/// Parses `text` and builds its model, then hands the result to `f`. A large document is
/// parsed in pieces on several threads (see `split`), with the same result as a whole parse.
pub fn with_model<R>(text: &str, f: impl FnOnce(Result<Document<'_>, SyntaxError>) -> R) -> R {
    if let Err(e) = prescan(text) {
        return f(Err(e));
    }
    #[cfg(feature = "split-parse")]
    if let Some(layout) = split::Layout::find(text) {
        let texts = layout.texts(text);
        let docs = layout.parse(&texts);
        if let Some(model) = layout.build(&docs) {
            return f(Ok(model));
        }
    }
    match parse_checked(text) {
        Ok(xml) => f(Ok(build(&xml))),
        Err(e) => f(Err(e)),
    }
}

/// Parses `text` whole.
pub fn parse_xml(text: &str) -> Result<roxmltree::Document<'_>, SyntaxError> {
    prescan(text)?;
    parse_checked(text)
}

/// [`parse_xml`] after the prescan.
fn parse_checked(text: &str) -> Result<roxmltree::Document<'_>, SyntaxError> {
    roxmltree::Document::parse_with_options(text, parsing_options(NODES_LIMIT))
        .map_err(|e| explain(text, &e))
}

/// How every text is parsed: no DTD (so no entity is ever expanded or fetched), at most
/// `nodes_limit` nodes.
fn parsing_options<'input>(nodes_limit: u32) -> ParsingOptions<'input> {
    ParsingOptions {
        allow_dtd: false,
        nodes_limit,
        ..ParsingOptions::default()
    }
}

/// Refuses inputs that would make the parser quadratic, before parsing.
///
/// Most documents are cleared by two vectorised passes: fewer `xmlns` in the whole text than
/// the declaration limit, and no stretch between two `<` long enough to hold more attributes
/// than the limit (a well-formed attribute value cannot contain `<`, and an attribute takes
/// at least five bytes, ` a=""`). Only a stretch that fails the second test is scanned
/// exactly; only a text that fails the first is scanned whole.
fn prescan(text: &str) -> Result<(), SyntaxError> {
    let b = text.as_bytes();
    let declarations = memchr::memmem::find_iter(b, b"xmlns").count();
    if declarations > NAMESPACE_DECLARATIONS_LIMIT {
        return scan_start_tags(text, 0, b.len());
    }
    const WIDEST_GAP: usize = ATTRIBUTES_LIMIT * 5;
    for_wide_stretches(b, WIDEST_GAP, |from, to| scan_start_tags(text, from, to))
}

/// Calls `f` for each stretch between two `<` (or the start or end of `b`) longer than
/// `widest`. From each `<` it jumps to the last `<` within `widest`: no stretch on the way
/// can be too long, and a large document is crossed in a few dozen searches rather than one
/// for each of its tags.
fn for_wide_stretches<E>(
    b: &[u8],
    widest: usize,
    mut f: impl FnMut(usize, usize) -> Result<(), E>,
) -> Result<(), E> {
    let mut previous = 0;
    loop {
        let window = (previous + 1).min(b.len())..(previous + 1 + widest).min(b.len());
        if b.len() - previous <= widest {
            return Ok(());
        }
        match memchr::memrchr(b'<', &b[window.clone()]) {
            Some(at) => previous = window.start + at,
            None => {
                let lt =
                    memchr::memchr(b'<', &b[window.end..]).map_or(b.len(), |at| window.end + at);
                f(previous, lt)?;
                if lt == b.len() {
                    return Ok(());
                }
                previous = lt;
            }
        }
    }
}

/// Counts the attributes and namespace declarations of the start tags that begin in
/// `from..to` (a tag may run past `to`). Approximate (it does not parse), but exact for
/// well-formed start tags.
fn scan_start_tags(text: &str, from: usize, to: usize) -> Result<(), SyntaxError> {
    let b = text.as_bytes();
    let mut i = from;
    let mut declarations = 0;
    while i < to {
        let Some(lt) = memchr::memchr(b'<', &b[i..to]) else {
            break;
        };
        let start = i + lt;
        i = start + 1;
        if matches!(b.get(i), Some(b'!' | b'?' | b'/') | None) {
            continue;
        }
        // Inside a start tag: count `=` outside quotes, and attribute names starting `xmlns`.
        let mut quote = None;
        let mut attributes = 0;
        let mut after_space = false;
        while let Some(&c) = b.get(i) {
            match (quote, c) {
                (Some(q), _) if c == q => quote = None,
                (Some(_), _) => {}
                (None, b'"' | b'\'') => quote = Some(c),
                (None, b'>') => break,
                (None, b'=') => attributes += 1,
                (None, b'x') if after_space && b[i..].starts_with(b"xmlns") => declarations += 1,
                _ => {}
            }
            after_space = quote.is_none() && c.is_ascii_whitespace();
            i += 1;
        }
        if attributes > ATTRIBUTES_LIMIT {
            return Err(SyntaxError {
                message: format!("an element has {attributes} attributes, more than vsslint reads ({ATTRIBUTES_LIMIT})"),
                help: "a writer metadata element has at most a dozen attributes; check that this is the right file".into(),
                offset: start,
            });
        }
        if declarations > NAMESPACE_DECLARATIONS_LIMIT {
            return Err(SyntaxError {
                message: format!("the document declares more than {NAMESPACE_DECLARATIONS_LIMIT} namespaces"),
                help: "a writer metadata document declares one namespace, x-schema:#VssWriterMetadataInfo; check that this is the right file".into(),
                offset: start,
            });
        }
    }
    Ok(())
}

fn explain(text: &str, e: &XmlError) -> SyntaxError {
    let at = |p: roxmltree::TextPos| offset_of(text, p.row, p.col);
    let found = |p: roxmltree::TextPos| describe_at(text, at(p));
    let err = |offset: usize, message: String, help: &str| SyntaxError {
        message,
        help: help.to_string(),
        offset,
    };
    match e {
        XmlError::DtdDetected => err(
            text.find("<!DOCTYPE").unwrap_or(0),
            "a document type declaration (<!DOCTYPE …>) is not allowed".into(),
            "writer metadata documents have no DTD; remove the <!DOCTYPE …> declaration (vsslint never expands entities or fetches external files)",
        ),
        XmlError::NoRootNode => err(
            text.len(),
            if text.trim().is_empty() {
                "the document is empty".into()
            } else if text.contains('<') {
                "the document ends before its first element is complete".into()
            } else {
                "the document has no root element".into()
            },
            "a writer metadata document starts with <WRITER_METADATA xmlns=\"x-schema:#VssWriterMetadataInfo\" …>; export it again",
        ),
        XmlError::UnclosedRootNode => err(
            text.len(),
            "the document ends before its root element is closed".into(),
            "the file looks truncated: export the writer metadata again, or add the missing end tags",
        ),
        XmlError::UnexpectedCloseTag(expected, actual, p) => err(
            at(*p),
            format!("end tag </{actual}> does not match the open element <{expected}>"),
            &format!("close <{expected}> with </{expected}> before </{actual}>, or fix the misspelt tag"),
        ),
        XmlError::DuplicatedAttribute(name, p) => err(
            at(*p),
            format!("attribute `{name}` appears twice on one element"),
            "keep one of the two attributes",
        ),
        XmlError::UnknownEntityReference(name, p) => err(
            at(*p),
            format!("unknown entity reference `&{name};`"),
            "only &lt; &gt; &amp; &apos; &quot; and character references such as &#x41; are defined; write `&amp;` for a literal ampersand",
        ),
        XmlError::MalformedEntityReference(p) => err(
            at(*p),
            format!("a `&` that does not start an entity reference (found {})", found(*p)),
            "write a literal ampersand as `&amp;`",
        ),
        XmlError::EntityReferenceLoop(p) => err(
            at(*p),
            "entity references nest too deeply".into(),
            "remove the entity definitions; writer metadata documents use none",
        ),
        XmlError::InvalidAttributeValue(p) => err(
            at(*p),
            "an attribute value contains `<`".into(),
            "write `<` inside attribute values as `&lt;`",
        ),
        XmlError::UnknownNamespace(prefix, p) => err(
            at(*p),
            format!("namespace prefix `{prefix}` is not declared"),
            &format!("declare it with xmlns:{prefix}=\"…\" or remove the prefix"),
        ),
        XmlError::NodesLimitReached => err(
            0,
            format!("the document has more than {NODES_LIMIT} nodes"),
            "a real writer metadata document has far fewer; check that this is the right file",
        ),
        XmlError::InvalidChar(expected, actual, p) => err(
            at(*p),
            format!(
                "expected `{}` but found {}",
                char::from(*expected),
                describe_byte(*actual)
            ),
            "fix the markup at this position (a quote, bracket or `=` is missing or misplaced)",
        ),
        XmlError::InvalidChar2(expected, actual, p) => err(
            at(*p),
            format!("expected {expected} but found {}", describe_byte(*actual)),
            "fix the markup at this position (a quote, bracket or `=` is missing or misplaced)",
        ),
        XmlError::InvalidString(expected, p) => err(
            at(*p),
            format!("expected `{expected}` but found {}", found(*p)),
            "fix the markup at this position",
        ),
        XmlError::NonXmlChar(c, p) => err(
            at(*p),
            format!("character U+{:04X} is not allowed in XML", *c as u32),
            "remove the control character; if the file is binary or in another encoding, export it again as UTF-8 or UTF-16",
        ),
        XmlError::InvalidName(p) => err(
            at(*p),
            format!("expected an element or attribute name but found {}", found(*p)),
            "names start with a letter or `_`",
        ),
        XmlError::UnexpectedDeclaration(p) => err(
            at(*p),
            "an XML declaration (<?xml …?>) must be the very first thing in the file".into(),
            "move the declaration to the start of the file or remove it",
        ),
        XmlError::InvalidComment(p) => err(
            at(*p),
            "a comment contains `--` or ends with `-`".into(),
            "remove the double hyphen from the comment",
        ),
        other => {
            let pos = other.pos();
            err(
                at(pos),
                other.to_string(),
                "fix the markup at this position",
            )
        }
    }
}

fn describe_byte(b: u8) -> String {
    match b {
        b' ' => "a space".into(),
        b'\n' | b'\r' => "a line break".into(),
        b'\t' => "a tab".into(),
        0x21..=0x7E => format!("`{}`", char::from(b)),
        _ => format!("byte 0x{b:02X}"),
    }
}

fn describe_at(text: &str, offset: usize) -> String {
    match text[offset.min(text.len())..].chars().next() {
        None => "the end of the file".into(),
        Some(c) if c.is_ascii() => describe_byte(c as u8),
        Some(c) => format!("`{c}`"),
    }
}

/// roxmltree positions are 1-based rows and character columns.
fn offset_of(text: &str, row: u32, col: u32) -> usize {
    let mut offset = 0;
    for _ in 1..row {
        match text[offset..].find('\n') {
            Some(i) => offset += i + 1,
            None => return text.len(),
        }
    }
    text[offset..]
        .char_indices()
        .nth(col.saturating_sub(1) as usize)
        .map_or(text.len(), |(i, _)| offset + i)
}

type XNode<'a> = roxmltree::Node<'a, 'a>;

/// Turns offsets in the text a parser saw into offsets in the document. A document parsed
/// whole saw the document itself; a piece of a large one (see `split`) saw part of it moved:
/// everything from `cut` on lies `shift` bytes further on in the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Loc {
    cut: usize,
    shift: usize,
}

impl Loc {
    pub(crate) const WHOLE: Loc = Loc {
        cut: usize::MAX,
        shift: 0,
    };

    pub(crate) fn new(cut: usize, shift: usize) -> Self {
        Loc { cut, shift }
    }

    /// A range that ends at the cut ends before what was cut out; one that starts there
    /// starts after it.
    pub(crate) fn span(self, r: std::ops::Range<usize>) -> Span {
        if r.start >= self.cut {
            Span::new(r.start + self.shift, r.end + self.shift)
        } else if r.end <= self.cut {
            Span::new(r.start, r.end)
        } else {
            Span::new(r.start, r.end + self.shift)
        }
    }
}

fn node<'a>(n: XNode<'a>, loc: Loc) -> Node<'a> {
    let range = n.range();
    let name = n.tag_name().name();
    let input = n.document().input_text();
    // The label covers `prefix:name` after the `<`. The local name is a slice of the text, so
    // its end is found without a search.
    let local_end = (name.as_ptr() as usize)
        .checked_sub(input.as_ptr() as usize)
        .map(|at| at + name.len())
        .filter(|&end| end > range.start && end <= range.end);
    let end = local_end.unwrap_or_else(|| {
        input
            .get(range.start + 1..)
            .and_then(|s| s.find(|c: char| c.is_whitespace() || c == '/' || c == '>'))
            .map_or(range.start + 1 + name.len(), |len| range.start + 1 + len)
    });
    Node {
        name,
        span: loc.span(range.start + 1..end),
        range: loc.span(range),
    }
}

/// Most attributes an element of the vocabulary has.
const MAX_KNOWN: usize = 12;

/// The attributes an element has in the vocabulary, and where each is kept: a `match` on
/// the name, which costs about one comparison where a search of the list costs one a name.
struct Known {
    names: &'static [&'static str],
    slot: fn(&str) -> Option<usize>,
}

/// `known!("name" => slot, …)`, slots numbered from 0 in the order of the names.
macro_rules! known {
    ($($name:literal => $slot:literal),* $(,)?) => {
        Known {
            names: &[$($name),*],
            slot: |n| match n {
                $($name => Some($slot),)*
                _ => None,
            },
        }
    };
}

/// The attributes of one element, read in one pass: those of its vocabulary by name, every
/// other one recorded as a stray.
struct Attrs<'a> {
    known: &'static Known,
    slots: [Option<roxmltree::Attribute<'a, 'a>>; MAX_KNOWN],
    input: &'a str,
    loc: Loc,
}

/// The model's view of one attribute: its value as written, where that is, what it means.
fn attr<'a, T>(
    a: roxmltree::Attribute<'a, 'a>,
    input: &str,
    loc: Loc,
    parse: impl Fn(&str) -> T,
) -> Attr<'a, T> {
    let raw = a.value();
    let span = if raw.is_empty() {
        a.range()
    } else {
        attribute_spans(input, a.range()).1
    };
    Attr {
        raw,
        span: loc.span(span),
        value: parse(raw),
    }
}

fn unknown_attribute<'a>(
    a: roxmltree::Attribute<'a, 'a>,
    input: &str,
    loc: Loc,
    parent: &'a str,
) -> Stray<'a> {
    Stray {
        kind: StrayKind::UnknownAttribute,
        name: a.name(),
        parent,
        span: loc.span(attribute_spans(input, a.range()).0),
    }
}

impl<'a> Attrs<'a> {
    fn new(el: XNode<'a>, known: &'static Known, loc: Loc, strays: &mut Vec<Stray<'a>>) -> Self {
        debug_assert!(known.names.len() <= MAX_KNOWN);
        let input = el.document().input_text();
        let mut slots = [None; MAX_KNOWN];
        for a in el.attributes() {
            match (known.slot)(a.name()) {
                Some(i) if a.namespace().is_none() => slots[i] = Some(a),
                _ => strays.push(unknown_attribute(a, input, loc, el.tag_name().name())),
            }
        }
        Attrs {
            known,
            slots,
            input,
            loc,
        }
    }

    fn get<T>(&self, name: &str, parse: impl Fn(&str) -> T) -> Option<Attr<'a, T>> {
        let i = (self.known.slot)(name);
        debug_assert!(i.is_some(), "{name} is not among {:?}", self.known.names);
        Some(attr(self.slots[i?]?, self.input, self.loc, parse))
    }

    fn text(&self, name: &str) -> Option<Text<'a>> {
        self.get(name, |_| ())
    }

    fn first_text(&self, names: &[&str]) -> Option<Text<'a>> {
        names.iter().find_map(|n| self.text(n))
    }

    fn yes_no(&self, name: &str) -> Option<YesNo<'a>> {
        self.get(name, yes_no)
    }

    fn number(&self, name: &str) -> Option<Number<'a>> {
        self.get(name, parse_unsigned)
    }

    fn guid(&self, names: &[&str]) -> Option<Attr<'a, Guid>> {
        names.iter().find_map(|n| self.get(n, Guid::parse))
    }
}

/// `yes` and `no`, as written; any other spelling is `None`.
fn yes_no(s: &str) -> Option<bool> {
    match s {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    }
}

/// An unsigned decimal as VSS writes it: digits only.
pub fn parse_unsigned(s: &str) -> Option<u32> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

const IDENTIFICATION_ATTRS: Known = known!(
    "writerId" => 0,
    "instanceId" => 1,
    "instanceName" => 2,
    "friendlyName" => 3,
    "usage" => 4,
    "dataSource" => 5,
    "majorVersion" => 6,
    "minorVersion" => 7,
);
const RESTORE_METHOD_ATTRS: Known = known!(
    "method" => 0,
    "writerRestore" => 1,
    "rebootRequired" => 2,
    "service" => 3,
    "userProcedure" => 4,
);
const MAPPING_ATTRS: Known = known!(
    "path" => 0,
    "filespec" => 1,
    "recursive" => 2,
    "alternatePath" => 3,
    "destination" => 4,
);
const COMPONENT_ATTRS: Known = known!(
    "logicalPath" => 0,
    "componentName" => 1,
    "caption" => 2,
    "restoreMetadata" => 3,
    "notifyOnBackupComplete" => 4,
    "selectable" => 5,
    "selectableForRestore" => 6,
    "componentFlags" => 7,
    "icon" => 8,
);
const WRITER_ATTRS: Known = known!("version" => 0, "backupSchema" => 1);
const NO_ATTRS: Known = known!();
const EXCLUDE_ATTRS: Known = known!(
    "path" => 0,
    "filespec" => 1,
    "recursive" => 2,
);
const DEPENDENCY_ATTRS: Known = known!(
    "onWriterId" => 0,
    "writerId" => 1,
    "onLogicalPath" => 2,
    "logicalPath" => 3,
    "onComponentName" => 4,
    "componentName" => 5,
);
/// Element names accepted for a component dependency (no public sample shows one).
pub const DEPENDENCY_ELEMENTS: &[&str] = &["DEPENDENCY", "COMPONENT_DEPENDENCY"];
pub const MAPPING_ELEMENT: &str = "ALTERNATE_LOCATION_MAPPING";
const INCLUDE_ELEMENTS: &[&str] = &["INCLUDE_FILES", "INCLUDE_FILE_LIST"];
/// Every element name of the vocabulary, to tell a misplaced element from an unknown one.
const KNOWN_ELEMENTS: &[&str] = &[
    "WRITER_METADATA",
    "IDENTIFICATION",
    "RESTORE_METHOD",
    "ALTERNATE_LOCATION_MAPPING",
    "BACKUP_LOCATIONS",
    "FILE_GROUP",
    "DATABASE",
    "FILE_LIST",
    "DATABASE_FILES",
    "DATABASE_LOGFILES",
    "EXCLUDE_FILES",
    "EXCLUDE_FILES_FROM_SNAPSHOT",
    "DEPENDENCY",
    "COMPONENT_DEPENDENCY",
];

/// Builds the model of a parsed document.
pub fn build<'a>(doc: &'a roxmltree::Document<'a>) -> Document<'a> {
    let root = doc.root_element();
    let name = root.tag_name().name();
    let loc = Loc::WHOLE;
    let mut comments = Vec::new();
    collect_comments(doc.root(), loc, &mut comments);
    if name == "WRITER_METADATA" {
        let walk = Walk::new(root, loc, None);
        return Document::WriterMetadata(Box::new(walk.writer(root, None, comments)));
    }
    match name {
        "BACKUP_COMPONENTS" => {
            return Document::Other {
                what: OtherKind::BackupComponents,
                root: node(root, loc),
            }
        }
        "Manifest" => {
            return Document::Other {
                what: OtherKind::DiskShadowManifest,
                root: node(root, loc),
            }
        }
        _ => {}
    }
    // The wrapper shape: one XDR `Schema` and one WRITER_METADATA, nothing else.
    let children: Vec<_> = root.children().filter(|c| c.is_element()).collect();
    let writers: Vec<_> = children
        .iter()
        .filter(|c| c.tag_name().name() == "WRITER_METADATA")
        .collect();
    let only_schema_besides = children
        .iter()
        .all(|c| matches!(c.tag_name().name(), "WRITER_METADATA" | "Schema"));
    if writers.len() == 1 && only_schema_besides {
        collect_comments(root, loc, &mut comments);
        let walk = Walk::new(*writers[0], loc, None);
        return Document::WriterMetadata(Box::new(walk.writer(
            *writers[0],
            Some(node(root, loc)),
            comments,
        )));
    }
    Document::UnknownRoot {
        root: node(root, loc),
        namespace: root.tag_name().namespace(),
    }
}

/// The model of a writer metadata document parsed in pieces: `first` holds the start and
/// the end of the document, `join` says which of its elements the other pieces continue.
pub(crate) fn build_first<'a>(
    doc: &'a roxmltree::Document<'a>,
    loc: Loc,
    join: Join,
) -> (WriterMetadata<'a>, Option<Marks>) {
    let root = doc.root_element();
    let mut comments = Vec::new();
    collect_comments(doc.root(), loc, &mut comments);
    Walk::new(root, loc, Some(join)).writer_marked(root, comments)
}

fn collect_comments<'a>(parent: XNode<'a>, loc: Loc, out: &mut Vec<Comment<'a>>) {
    for c in parent.children().filter(|c| c.is_comment()) {
        out.push(comment(c, loc, None));
    }
}

/// `next_piece`: where the element after the last child of this piece's part of the split
/// parent is, for a comment that comes last in the piece.
fn comment<'a>(c: XNode<'a>, loc: Loc, next_piece: Option<Span>) -> Comment<'a> {
    Comment {
        text: c.text().unwrap_or(""),
        span: loc.span(c.range()),
        next: c
            .next_siblings()
            .find(|n| n.is_element())
            .map(|n| loc.span(n.range()))
            .or(next_piece),
    }
}

/// Where a piece of a document parsed in pieces meets the others: the element whose
/// children the pieces share (`BACKUP_LOCATIONS` or one component).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Join {
    /// Where the shared parent starts, in this piece's text.
    pub(crate) parent: usize,
    /// The first child of the parent in the next piece.
    pub(crate) next: Option<Span>,
    /// Element children of the parent in the other pieces.
    pub(crate) more_children: usize,
}

/// Which element the pieces of a document share the children of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Level {
    BackupLocations,
    Component(ComponentKind),
}

/// Lengths of the model's lists in the first piece where the other pieces' findings go: after
/// the shared parent's own text and comments (`head_*`), and after its children (the rest).
#[derive(Debug, Default)]
pub(crate) struct Marks {
    head_strays: usize,
    head_comments: usize,
    strays: usize,
    comments: usize,
    foreign: usize,
    components: usize,
    excludes: usize,
    mappings: usize,
    loose_dependencies: usize,
    /// The shared component, when the parent is one.
    component: Option<usize>,
}

/// What one later piece adds to the shared parent.
pub(crate) struct Part<'a> {
    head_strays: Vec<Stray<'a>>,
    head_comments: Vec<Comment<'a>>,
    body: WriterMetadata<'a>,
    file_sets: Vec<FileSet<'a>>,
    dependencies: Vec<Dependency<'a>>,
}

/// Models the children of the shared parent `el` in a later piece.
pub(crate) fn build_part<'a>(el: XNode<'a>, level: Level, loc: Loc, join: Join) -> Part<'a> {
    let mut walk = Walk::new(el, loc, Some(join));
    // The parent's own attributes are the first piece's to report.
    let mut comp = match level {
        Level::BackupLocations => None,
        Level::Component(kind) => Some(walk.component_start(el, kind)),
    };
    walk.w.strays.clear();
    walk.non_elements(el);
    let head_strays = std::mem::take(&mut walk.w.strays);
    let head_comments = std::mem::take(&mut walk.w.comments);
    let (file_sets, dependencies) = match &mut comp {
        None => {
            walk.backup_locations_children(el);
            (Vec::new(), Vec::new())
        }
        Some(comp) => {
            walk.component_children(el, comp);
            (
                std::mem::take(&mut comp.file_sets),
                std::mem::take(&mut comp.dependencies),
            )
        }
    };
    Part {
        head_strays,
        head_comments,
        body: walk.w,
        file_sets,
        dependencies,
    }
}

/// Puts the later pieces' findings where a walk over the whole document would have put them.
pub(crate) fn splice<'a>(w: &mut WriterMetadata<'a>, marks: &Marks, parts: Vec<Part<'a>>) {
    fn put<T>(list: &mut Vec<T>, at: usize, items: impl IntoIterator<Item = T>) {
        list.splice(at..at, items);
    }
    let mut head_strays = Vec::new();
    let mut head_comments = Vec::new();
    let mut strays = Vec::new();
    let mut comments = Vec::new();
    let mut foreign = Vec::new();
    let mut components = Vec::new();
    let mut excludes = Vec::new();
    let mut mappings = Vec::new();
    let mut loose_dependencies = Vec::new();
    for p in parts {
        head_strays.extend(p.head_strays);
        head_comments.extend(p.head_comments);
        strays.extend(p.body.strays);
        comments.extend(p.body.comments);
        foreign.extend(p.body.foreign);
        components.extend(p.body.components);
        excludes.extend(p.body.excludes);
        mappings.extend(p.body.mappings);
        loose_dependencies.extend(p.body.loose_dependencies);
        if let Some(c) = marks.component {
            let c = &mut w.components[c];
            c.file_sets.extend(p.file_sets);
            c.dependencies.extend(p.dependencies);
        }
    }
    // Later marks first, so that earlier ones still point where they did.
    put(&mut w.strays, marks.strays, strays);
    put(&mut w.strays, marks.head_strays, head_strays);
    put(&mut w.comments, marks.comments, comments);
    put(&mut w.comments, marks.head_comments, head_comments);
    put(&mut w.foreign, marks.foreign, foreign);
    put(&mut w.components, marks.components, components);
    put(&mut w.excludes, marks.excludes, excludes);
    put(&mut w.mappings, marks.mappings, mappings);
    put(
        &mut w.loose_dependencies,
        marks.loose_dependencies,
        loose_dependencies,
    );
}

struct Walk<'a> {
    w: WriterMetadata<'a>,
    loc: Loc,
    join: Option<Join>,
    /// Where the other pieces' findings go, once the shared parent has been walked.
    marks: Option<Marks>,
}

impl<'a> Walk<'a> {
    fn new(el: XNode<'a>, loc: Loc, join: Option<Join>) -> Self {
        Walk {
            w: WriterMetadata {
                node: node(el, loc),
                wrapper: None,
                namespace: el.tag_name().namespace(),
                version: None,
                backup_schema: None,
                identifications: Vec::new(),
                restore_methods: Vec::new(),
                backup_locations: Vec::new(),
                components: Vec::new(),
                excludes: Vec::new(),
                mappings: Vec::new(),
                loose_dependencies: Vec::new(),
                foreign: Vec::new(),
                strays: Vec::new(),
                comments: Vec::new(),
            },
            loc,
            join,
            marks: None,
        }
    }

    fn node(&self, el: XNode<'a>) -> Node<'a> {
        node(el, self.loc)
    }

    /// The attributes of `el` among `known`; the others are strays.
    fn attrs(&mut self, el: XNode<'a>, known: &'static Known) -> Attrs<'a> {
        Attrs::new(el, known, self.loc, &mut self.w.strays)
    }

    /// Whether `el` is the element whose children other pieces continue.
    fn is_shared(&self, el: XNode<'a>) -> bool {
        self.join.is_some_and(|j| j.parent == el.range().start)
    }

    fn ns(&mut self, el: XNode<'a>) {
        let ns = el.tag_name().namespace();
        if ns != Some(WRITER_NAMESPACE) {
            self.w.foreign.push(Foreign {
                node: self.node(el),
                namespace: ns,
            });
        }
    }

    /// Text and comments among the children of a known element.
    fn non_elements(&mut self, el: XNode<'a>) {
        let next_piece = if self.is_shared(el) {
            self.join.and_then(|j| j.next)
        } else {
            None
        };
        for c in el.children() {
            match c.node_type() {
                NodeType::Text => {
                    // The raw text, not the parsed one: parsing folds CRLF and expands
                    // references, which would shift the span.
                    let t = &c.document().input_text()[c.range()];
                    if !t.trim().is_empty() {
                        self.w.strays.push(Stray {
                            kind: StrayKind::Text,
                            name: "",
                            parent: el.tag_name().name(),
                            span: self.loc.span(trimmed_range(c.range().start, t)),
                        });
                    }
                }
                NodeType::Comment => self.w.comments.push(comment(c, self.loc, next_piece)),
                _ => {}
            }
        }
    }

    fn stray(&mut self, el: XNode<'a>, parent: XNode<'a>) {
        let name = el.tag_name().name();
        let kind = if INCLUDE_ELEMENTS.contains(&name) {
            StrayKind::IncludeList
        } else if KNOWN_ELEMENTS.contains(&name) {
            StrayKind::MisplacedElement
        } else {
            StrayKind::UnknownElement
        };
        self.w.strays.push(Stray {
            kind,
            name,
            parent: parent.tag_name().name(),
            span: self.node(el).span,
        });
    }

    fn identification(&mut self, el: XNode<'a>) {
        let a = self.attrs(el, &IDENTIFICATION_ATTRS);
        self.w.identifications.push(Identification {
            node: self.node(el),
            writer_id: a.guid(&["writerId"]),
            instance_id: a.guid(&["instanceId"]),
            instance_name: a.text("instanceName"),
            friendly_name: a.text("friendlyName"),
            usage: a.get("usage", Usage::parse),
            data_source: a.get("dataSource", DataSource::parse),
            major_version: a.number("majorVersion"),
            minor_version: a.number("minorVersion"),
        });
        self.leaf(el);
    }

    /// An element that has no element children in the vocabulary.
    fn leaf(&mut self, el: XNode<'a>) {
        self.non_elements(el);
        for c in el.children().filter(|c| c.is_element()) {
            self.ns(c);
            self.stray(c, el);
        }
    }

    fn restore_method(&mut self, el: XNode<'a>) {
        let a = self.attrs(el, &RESTORE_METHOD_ATTRS);
        self.w.restore_methods.push(RestoreMethod {
            node: self.node(el),
            method: a.get("method", Method::parse),
            writer_restore: a.get("writerRestore", WriterRestore::parse),
            reboot_required: a.yes_no("rebootRequired"),
            service: a.text("service"),
            user_procedure: a.text("userProcedure"),
        });
        self.non_elements(el);
        for c in el.children().filter(|c| c.is_element()) {
            self.ns(c);
            match c.tag_name().name() {
                MAPPING_ELEMENT => self.mapping(c, el),
                _ => self.stray(c, el),
            }
        }
    }

    fn mapping(&mut self, el: XNode<'a>, parent: XNode<'a>) {
        let a = self.attrs(el, &MAPPING_ATTRS);
        self.w.mappings.push(Mapping {
            node: self.node(el),
            parent: parent.tag_name().name(),
            path: a.text("path"),
            filespec: a.text("filespec"),
            recursive: a.yes_no("recursive"),
            destination: a.first_text(&["alternatePath", "destination"]),
        });
        self.leaf(el);
    }

    /// Records where the other pieces' findings about the shared parent's own text go.
    fn mark_head(&mut self, el: XNode<'a>) {
        if self.is_shared(el) {
            self.marks = Some(Marks {
                head_strays: self.w.strays.len(),
                head_comments: self.w.comments.len(),
                ..Marks::default()
            });
        }
    }

    /// Records where the other pieces' findings about the shared parent's children go.
    fn mark_body(&mut self, el: XNode<'a>, component: Option<usize>) {
        if self.is_shared(el) {
            if let Some(m) = &mut self.marks {
                m.strays = self.w.strays.len();
                m.comments = self.w.comments.len();
                m.foreign = self.w.foreign.len();
                m.components = self.w.components.len();
                m.excludes = self.w.excludes.len();
                m.mappings = self.w.mappings.len();
                m.loose_dependencies = self.w.loose_dependencies.len();
                m.component = component;
            }
        }
    }

    fn backup_locations(&mut self, el: XNode<'a>) {
        self.w.backup_locations.push(self.node(el));
        self.attrs(el, &NO_ATTRS);
        self.non_elements(el);
        self.mark_head(el);
        self.backup_locations_children(el);
        self.mark_body(el, None);
    }

    fn backup_locations_children(&mut self, el: XNode<'a>) {
        for c in el.children().filter(|c| c.is_element()) {
            self.ns(c);
            match c.tag_name().name() {
                "FILE_GROUP" => self.component(c, ComponentKind::FileGroup),
                "DATABASE" => self.component(c, ComponentKind::Database),
                "EXCLUDE_FILES" => self.exclude(c, ExcludeKind::ExcludeFiles),
                "EXCLUDE_FILES_FROM_SNAPSHOT" => {
                    self.exclude(c, ExcludeKind::ExcludeFilesFromSnapshot)
                }
                MAPPING_ELEMENT => self.mapping(c, el),
                n if DEPENDENCY_ELEMENTS.contains(&n) => {
                    let d = self.dependency(c);
                    self.w.loose_dependencies.push(d);
                }
                _ => self.stray(c, el),
            }
        }
    }

    /// A component without its children: its attributes, checked.
    fn component_start(&mut self, el: XNode<'a>, kind: ComponentKind) -> Component<'a> {
        let a = self.attrs(el, &COMPONENT_ATTRS);
        Component {
            node: self.node(el),
            kind,
            logical_path: a.text("logicalPath"),
            name: a.text("componentName"),
            caption: a.text("caption"),
            restore_metadata: a.yes_no("restoreMetadata"),
            notify_on_backup_complete: a.yes_no("notifyOnBackupComplete"),
            selectable: a.yes_no("selectable"),
            selectable_for_restore: a.yes_no("selectableForRestore"),
            flags: a.get("componentFlags", |s| {
                parse_unsigned(s).map(ComponentFlags::from_bits_retain)
            }),
            file_sets: Vec::new(),
            dependencies: Vec::new(),
        }
    }

    fn component(&mut self, el: XNode<'a>, kind: ComponentKind) {
        let mut comp = self.component_start(el, kind);
        self.non_elements(el);
        self.mark_head(el);
        self.component_children(el, &mut comp);
        self.mark_body(el, Some(self.w.components.len()));
        self.w.components.push(comp);
    }

    fn component_children(&mut self, el: XNode<'a>, comp: &mut Component<'a>) {
        // Sized once: the System writer's components hold thousands of file sets each.
        let more = if self.is_shared(el) {
            self.join.map_or(0, |j| j.more_children)
        } else {
            0
        };
        comp.file_sets
            .reserve_exact(el.children().filter(|c| c.is_element()).count() + more);
        for c in el.children().filter(|c| c.is_element()) {
            self.ns(c);
            match c.tag_name().name() {
                "FILE_LIST" => comp.file_sets.push(self.file_set(c, FileSetKind::FileList)),
                "DATABASE_FILES" => comp
                    .file_sets
                    .push(self.file_set(c, FileSetKind::DatabaseFiles)),
                "DATABASE_LOGFILES" => comp
                    .file_sets
                    .push(self.file_set(c, FileSetKind::DatabaseLogfiles)),
                n if DEPENDENCY_ELEMENTS.contains(&n) => {
                    let d = self.dependency(c);
                    comp.dependencies.push(d);
                }
                _ => self.stray(c, el),
            }
        }
    }

    /// File sets are most of a large document: their attributes are matched by name right
    /// here rather than through [`Attrs`], whose table and second lookup cost the System
    /// writer's 18,925 file sets 4% of the whole run (measured with callgrind).
    fn file_set(&mut self, el: XNode<'a>, kind: FileSetKind) -> FileSet<'a> {
        let input = el.document().input_text();
        let loc = self.loc;
        let mut set = FileSet {
            node: self.node(el),
            kind,
            path: None,
            filespec: None,
            recursive: None,
            backup_type: None,
            alternate_path: None,
        };
        for a in el.attributes() {
            let known = a.namespace().is_none();
            match a.name() {
                "path" if known => set.path = Some(attr(a, input, loc, |_| ())),
                "filespec" if known => set.filespec = Some(attr(a, input, loc, |_| ())),
                "recursive" if known => set.recursive = Some(attr(a, input, loc, yes_no)),
                "filespecBackupType" if known => {
                    set.backup_type = Some(attr(a, input, loc, |s| {
                        parse_unsigned(s).map(FileSpecBackupType::from_bits_retain)
                    }))
                }
                "alternatePath" if known => set.alternate_path = Some(attr(a, input, loc, |_| ())),
                _ => self
                    .w
                    .strays
                    .push(unknown_attribute(a, input, loc, el.tag_name().name())),
            }
        }
        self.leaf(el);
        set
    }

    fn exclude(&mut self, el: XNode<'a>, kind: ExcludeKind) {
        let a = self.attrs(el, &EXCLUDE_ATTRS);
        self.w.excludes.push(Exclude {
            node: self.node(el),
            kind,
            path: a.text("path"),
            filespec: a.text("filespec"),
            recursive: a.yes_no("recursive"),
        });
        self.leaf(el);
    }

    fn dependency(&mut self, el: XNode<'a>) -> Dependency<'a> {
        let a = self.attrs(el, &DEPENDENCY_ATTRS);
        self.leaf(el);
        Dependency {
            node: self.node(el),
            writer_id: a.guid(&["onWriterId", "writerId"]),
            logical_path: a.first_text(&["onLogicalPath", "logicalPath"]),
            component_name: a.first_text(&["onComponentName", "componentName"]),
        }
    }

    fn writer(
        self,
        el: XNode<'a>,
        wrapper: Option<Node<'a>>,
        comments: Vec<Comment<'a>>,
    ) -> WriterMetadata<'a> {
        let (mut w, _) = self.writer_marked(el, comments);
        w.wrapper = wrapper;
        w
    }

    /// The writer metadata element, and where other pieces' findings go if it is shared.
    fn writer_marked(
        mut self,
        el: XNode<'a>,
        comments: Vec<Comment<'a>>,
    ) -> (WriterMetadata<'a>, Option<Marks>) {
        let a = self.attrs(el, &WRITER_ATTRS);
        self.w.comments = comments;
        self.w.version = a.text("version");
        self.w.backup_schema = a.get("backupSchema", |s| {
            parse_unsigned(s).map(BackupSchema::from_bits_retain)
        });
        self.ns(el);
        self.non_elements(el);
        for c in el.children().filter(|c| c.is_element()) {
            self.ns(c);
            match c.tag_name().name() {
                "IDENTIFICATION" => self.identification(c),
                "RESTORE_METHOD" => self.restore_method(c),
                "BACKUP_LOCATIONS" => self.backup_locations(c),
                MAPPING_ELEMENT => self.mapping(c, el),
                _ => self.stray(c, el),
            }
        }
        (self.w, self.marks)
    }
}

/// The name and the value (between the quotes) of the attribute written at `range`. Found in
/// the raw text because roxmltree's own name and value ranges saturate on very long names
/// and on long runs of space around `=`.
fn attribute_spans(
    input: &str,
    range: std::ops::Range<usize>,
) -> (std::ops::Range<usize>, std::ops::Range<usize>) {
    let raw = &input.as_bytes()[range.clone()];
    let name_end = raw
        .iter()
        .position(|&c| c == b'=' || c.is_ascii_whitespace())
        .unwrap_or(raw.len());
    let name = range.start..range.start + name_end;
    // The quote follows `=` and maybe a few spaces: a plain loop finds it sooner than a
    // vectorised search sets up.
    let value = raw[name_end..]
        .iter()
        .position(|&c| c == b'"' || c == b'\'')
        .map(|q| name_end + q)
        .filter(|&q| q + 1 < raw.len())
        .map_or(name.clone(), |q| range.start + q + 1..range.end - 1);
    (name, value)
}

fn trimmed_range(start: usize, t: &str) -> std::ops::Range<usize> {
    let lead = t.len() - t.trim_start().len();
    let s = start + lead;
    s..s + t.trim().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_known_name_has_its_own_slot() {
        for known in [
            &WRITER_ATTRS,
            &NO_ATTRS,
            &IDENTIFICATION_ATTRS,
            &RESTORE_METHOD_ATTRS,
            &MAPPING_ATTRS,
            &COMPONENT_ATTRS,
            &EXCLUDE_ATTRS,
            &DEPENDENCY_ATTRS,
        ] {
            assert!(known.names.len() <= MAX_KNOWN);
            for (i, name) in known.names.iter().enumerate() {
                assert_eq!((known.slot)(name), Some(i), "{name}");
            }
            assert_eq!((known.slot)("xmlns"), None);
        }
    }

    #[test]
    fn offsets_from_positions() {
        let t = "ab\ncé<x";
        assert_eq!(offset_of(t, 2, 3), 6);
        assert_eq!(&t[offset_of(t, 2, 3)..], "<x");
    }

    #[test]
    fn truncated_document() {
        let e = parse_xml("<WRITER_METADATA><IDENTIFICATION/>").unwrap_err();
        assert!(e.message.contains("ends before"), "{}", e.message);
    }

    fn element_with(attributes: usize, lead: &str) -> String {
        let mut doc = format!("{lead}<x");
        for i in 0..attributes {
            doc.push_str(&format!(" a{i}=\"\""));
        }
        doc.push_str("/>");
        doc
    }

    #[test]
    fn attribute_limit_is_exact_wherever_the_tag_is() {
        // Before and after other tags, so that the gate's stretch is not the whole text.
        let lead = "<r>".to_string() + &"<y/>".repeat(100);
        let at_limit = element_with(ATTRIBUTES_LIMIT, &lead) + "</r>";
        assert_eq!(prescan(&at_limit), Ok(()));
        let over = element_with(ATTRIBUTES_LIMIT + 1, &lead) + "</r>";
        let e = prescan(&over).unwrap_err();
        assert!(e.message.contains("10001 attributes"), "{}", e.message);
        assert_eq!(e.offset, lead.len());
    }

    #[test]
    fn wide_stretches_are_those_between_neighbouring_tags() {
        let naive = |b: &[u8], widest: usize| {
            let mut out = Vec::new();
            let mut previous = 0;
            for lt in memchr::memchr_iter(b'<', b).chain([b.len()]) {
                if lt - previous > widest {
                    out.push((previous, lt));
                }
                previous = lt;
            }
            out
        };
        let mut seed: u64 = 0x853c_49e6_748f_ea9b;
        for _ in 0..3000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let len = (seed % 200) as usize;
            let density = 1 + (seed >> 8) % 30;
            let b: Vec<u8> = (0..len as u64)
                .map(|i| {
                    let x = (seed >> (i % 40)) ^ i.wrapping_mul(0x9e37_79b9);
                    if x % density == 0 {
                        b'<'
                    } else {
                        b'a'
                    }
                })
                .collect();
            for widest in [1, 2, 3, 7, 20, 64, 500] {
                let mut got = Vec::new();
                for_wide_stretches::<()>(&b, widest, |from, to| {
                    got.push((from, to));
                    Ok(())
                })
                .unwrap();
                assert_eq!(
                    got,
                    naive(&b, widest),
                    "{widest} {:?}",
                    String::from_utf8_lossy(&b)
                );
            }
        }
    }

    #[test]
    fn namespace_limit_counts_declarations_not_mentions() {
        let mentions = format!("<r a=\"{}\"/>", "xmlns ".repeat(1_000));
        assert_eq!(prescan(&mentions), Ok(()));
        let declarations = format!(
            "<r>{}</r>",
            "<p xmlns:q=\"u\"/>".repeat(NAMESPACE_DECLARATIONS_LIMIT + 1)
        );
        let e = prescan(&declarations).unwrap_err();
        assert!(e.message.contains("namespaces"), "{}", e.message);
    }
}

//! XML text to the typed model, in one walk over the tree.

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

pub fn parse_xml(text: &str) -> Result<roxmltree::Document<'_>, SyntaxError> {
    prescan(text)?;
    let options = ParsingOptions {
        allow_dtd: false,
        nodes_limit: NODES_LIMIT,
        ..ParsingOptions::default()
    };
    roxmltree::Document::parse_with_options(text, options).map_err(|e| explain(text, &e))
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
    let mut previous = 0;
    for lt in memchr::memchr_iter(b'<', b).chain([b.len()]) {
        if lt - previous > WIDEST_GAP {
            scan_start_tags(text, previous, lt)?;
        }
        previous = lt;
    }
    Ok(())
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

fn node<'a>(n: XNode<'a>) -> Node<'a> {
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
        span: Span::new(range.start + 1, end),
        range: range.into(),
    }
}

/// Reads attributes of one element by name; names it was not asked for are strays.
struct Attrs<'a> {
    el: XNode<'a>,
    parent_name: &'a str,
}

/// The model's view of one attribute: its value as written, where that is, what it means.
fn attr<'a, T>(
    a: roxmltree::Attribute<'a, 'a>,
    input: &str,
    parse: impl Fn(&str) -> T,
) -> Attr<'a, T> {
    let raw = a.value();
    let span = if raw.is_empty() {
        a.range().into()
    } else {
        attribute_spans(input, a.range()).1
    };
    Attr {
        raw,
        span,
        value: parse(raw),
    }
}

fn unknown_attribute<'a>(
    a: roxmltree::Attribute<'a, 'a>,
    input: &str,
    parent: &'a str,
) -> Stray<'a> {
    Stray {
        kind: StrayKind::UnknownAttribute,
        name: a.name(),
        parent,
        span: attribute_spans(input, a.range()).0,
    }
}

impl<'a> Attrs<'a> {
    fn get<T>(&self, name: &str, parse: impl Fn(&str) -> T) -> Option<Attr<'a, T>> {
        let a = self
            .el
            .attributes()
            .find(|a| a.name() == name && a.namespace().is_none())?;
        Some(attr(a, self.el.document().input_text(), parse))
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

    /// Records every attribute outside `known` as a stray.
    fn check(&self, known: &[&str], strays: &mut Vec<Stray<'a>>) {
        let input = self.el.document().input_text();
        for a in self.el.attributes() {
            if a.namespace().is_some() || !known.contains(&a.name()) {
                strays.push(unknown_attribute(a, input, self.parent_name));
            }
        }
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

fn attrs(el: XNode<'_>) -> Attrs<'_> {
    Attrs {
        el,
        parent_name: el.tag_name().name(),
    }
}

/// An unsigned decimal as VSS writes it: digits only.
pub fn parse_unsigned(s: &str) -> Option<u32> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

const IDENTIFICATION_ATTRS: &[&str] = &[
    "writerId",
    "instanceId",
    "instanceName",
    "friendlyName",
    "usage",
    "dataSource",
    "majorVersion",
    "minorVersion",
];
const RESTORE_METHOD_ATTRS: &[&str] = &[
    "method",
    "writerRestore",
    "rebootRequired",
    "service",
    "userProcedure",
];
const MAPPING_ATTRS: &[&str] = &[
    "path",
    "filespec",
    "recursive",
    "alternatePath",
    "destination",
];
const COMPONENT_ATTRS: &[&str] = &[
    "logicalPath",
    "componentName",
    "caption",
    "restoreMetadata",
    "notifyOnBackupComplete",
    "selectable",
    "selectableForRestore",
    "componentFlags",
    "icon",
];
const EXCLUDE_ATTRS: &[&str] = &["path", "filespec", "recursive"];
const DEPENDENCY_ATTRS: &[&str] = &[
    "onWriterId",
    "writerId",
    "onLogicalPath",
    "logicalPath",
    "onComponentName",
    "componentName",
];
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
    let mut comments = Vec::new();
    collect_comments(doc.root(), &mut comments);
    if name == "WRITER_METADATA" {
        return Document::WriterMetadata(Box::new(writer(root, None, comments)));
    }
    match name {
        "BACKUP_COMPONENTS" => {
            return Document::Other {
                what: OtherKind::BackupComponents,
                root: node(root),
            }
        }
        "Manifest" => {
            return Document::Other {
                what: OtherKind::DiskShadowManifest,
                root: node(root),
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
        collect_comments(root, &mut comments);
        return Document::WriterMetadata(Box::new(writer(*writers[0], Some(node(root)), comments)));
    }
    Document::UnknownRoot {
        root: node(root),
        namespace: root.tag_name().namespace(),
    }
}

fn collect_comments<'a>(parent: XNode<'a>, out: &mut Vec<Comment<'a>>) {
    for c in parent.children().filter(|c| c.is_comment()) {
        out.push(comment(c));
    }
}

fn comment<'a>(c: XNode<'a>) -> Comment<'a> {
    Comment {
        text: c.text().unwrap_or(""),
        span: c.range().into(),
        next: c
            .next_siblings()
            .find(|n| n.is_element())
            .map(|n| n.range().into()),
    }
}

struct Walk<'a> {
    w: WriterMetadata<'a>,
}

impl<'a> Walk<'a> {
    fn ns(&mut self, el: XNode<'a>) {
        let ns = el.tag_name().namespace();
        if ns != Some(WRITER_NAMESPACE) {
            self.w.foreign.push(Foreign {
                node: node(el),
                namespace: ns,
            });
        }
    }

    /// Text and comments among the children of a known element.
    fn non_elements(&mut self, el: XNode<'a>) {
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
                            span: trimmed_span(c.range().start, t),
                        });
                    }
                }
                NodeType::Comment => self.w.comments.push(comment(c)),
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
            span: node(el).span,
        });
    }

    fn identification(&mut self, el: XNode<'a>) {
        let a = attrs(el);
        a.check(IDENTIFICATION_ATTRS, &mut self.w.strays);
        self.w.identifications.push(Identification {
            node: node(el),
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
        let a = attrs(el);
        a.check(RESTORE_METHOD_ATTRS, &mut self.w.strays);
        self.w.restore_methods.push(RestoreMethod {
            node: node(el),
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
        let a = attrs(el);
        a.check(MAPPING_ATTRS, &mut self.w.strays);
        self.w.mappings.push(Mapping {
            node: node(el),
            parent: parent.tag_name().name(),
            path: a.text("path"),
            filespec: a.text("filespec"),
            recursive: a.yes_no("recursive"),
            destination: a.first_text(&["alternatePath", "destination"]),
        });
        self.leaf(el);
    }

    fn backup_locations(&mut self, el: XNode<'a>) {
        self.w.backup_locations.push(node(el));
        attrs(el).check(&[], &mut self.w.strays);
        self.non_elements(el);
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

    fn component(&mut self, el: XNode<'a>, kind: ComponentKind) {
        let a = attrs(el);
        a.check(COMPONENT_ATTRS, &mut self.w.strays);
        let mut comp = Component {
            node: node(el),
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
        };
        self.non_elements(el);
        // Sized once: the System writer's components hold thousands of file sets each.
        comp.file_sets
            .reserve_exact(el.children().filter(|c| c.is_element()).count());
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
        self.w.components.push(comp);
    }

    /// File sets are most of a large document: their attributes are read in one pass rather
    /// than looked up by name.
    fn file_set(&mut self, el: XNode<'a>, kind: FileSetKind) -> FileSet<'a> {
        let input = el.document().input_text();
        let mut set = FileSet {
            node: node(el),
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
                "path" if known => set.path = Some(attr(a, input, |_| ())),
                "filespec" if known => set.filespec = Some(attr(a, input, |_| ())),
                "recursive" if known => set.recursive = Some(attr(a, input, yes_no)),
                "filespecBackupType" if known => {
                    set.backup_type = Some(attr(a, input, |s| {
                        parse_unsigned(s).map(FileSpecBackupType::from_bits_retain)
                    }))
                }
                "alternatePath" if known => set.alternate_path = Some(attr(a, input, |_| ())),
                _ => self
                    .w
                    .strays
                    .push(unknown_attribute(a, input, el.tag_name().name())),
            }
        }
        self.leaf(el);
        set
    }

    fn exclude(&mut self, el: XNode<'a>, kind: ExcludeKind) {
        let a = attrs(el);
        a.check(EXCLUDE_ATTRS, &mut self.w.strays);
        self.w.excludes.push(Exclude {
            node: node(el),
            kind,
            path: a.text("path"),
            filespec: a.text("filespec"),
            recursive: a.yes_no("recursive"),
        });
        self.leaf(el);
    }

    fn dependency(&mut self, el: XNode<'a>) -> Dependency<'a> {
        let a = attrs(el);
        a.check(DEPENDENCY_ATTRS, &mut self.w.strays);
        self.leaf(el);
        Dependency {
            node: node(el),
            writer_id: a.guid(&["onWriterId", "writerId"]),
            logical_path: a.first_text(&["onLogicalPath", "logicalPath"]),
            component_name: a.first_text(&["onComponentName", "componentName"]),
        }
    }
}

/// The name and the value (between the quotes) of the attribute written at `range`. Found in
/// the raw text because roxmltree's own name and value ranges saturate on very long names
/// and on long runs of space around `=`.
fn attribute_spans(input: &str, range: std::ops::Range<usize>) -> (Span, Span) {
    let raw = &input.as_bytes()[range.clone()];
    let name_end = raw
        .iter()
        .position(|&c| c == b'=' || c.is_ascii_whitespace())
        .unwrap_or(raw.len());
    let name = Span::new(range.start, range.start + name_end);
    let value = memchr::memchr2(b'"', b'\'', &raw[name_end..])
        .map(|q| name_end + q)
        .filter(|&q| q + 1 < raw.len())
        .map_or(name, |q| Span::new(range.start + q + 1, range.end - 1));
    (name, value)
}

fn trimmed_span(start: usize, t: &str) -> Span {
    let lead = t.len() - t.trim_start().len();
    let s = start + lead;
    Span::new(s, s + t.trim().len())
}

fn writer<'a>(
    el: XNode<'a>,
    wrapper: Option<Node<'a>>,
    comments: Vec<Comment<'a>>,
) -> WriterMetadata<'a> {
    let a = attrs(el);
    let mut walk = Walk {
        w: WriterMetadata {
            node: node(el),
            wrapper,
            namespace: el.tag_name().namespace(),
            version: a.text("version"),
            backup_schema: a.get("backupSchema", |s| {
                parse_unsigned(s).map(BackupSchema::from_bits_retain)
            }),
            identifications: Vec::new(),
            restore_methods: Vec::new(),
            backup_locations: Vec::new(),
            components: Vec::new(),
            excludes: Vec::new(),
            mappings: Vec::new(),
            loose_dependencies: Vec::new(),
            foreign: Vec::new(),
            strays: Vec::new(),
            comments,
        },
    };
    walk.ns(el);
    a.check(&["version", "backupSchema"], &mut walk.w.strays);
    walk.non_elements(el);
    for c in el.children().filter(|c| c.is_element()) {
        walk.ns(c);
        match c.tag_name().name() {
            "IDENTIFICATION" => walk.identification(c),
            "RESTORE_METHOD" => walk.restore_method(c),
            "BACKUP_LOCATIONS" => walk.backup_locations(c),
            MAPPING_ELEMENT => walk.mapping(c, el),
            _ => walk.stray(c, el),
        }
    }
    walk.w
}

#[cfg(test)]
mod tests {
    use super::*;

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

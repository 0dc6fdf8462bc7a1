//! The walk from a parsed XML tree to the typed model: each element of the vocabulary read
//! once, its attributes by name, everything else recorded as a stray for the rules.

use crate::flags::{BackupSchema, ComponentFlags, FileSpecBackupType};
use crate::model::*;
use crate::span::Span;
use crate::vocab::{DataSource, Method, Usage, WriterRestore, WRITER_NAMESPACE};
use roxmltree::NodeType;

pub(super) type XNode<'a> = roxmltree::Node<'a, 'a>;

/// Turns offsets in the text a parser saw into offsets in the document. A document parsed
/// whole saw the document itself; a text made of parts of a document saw part of it moved:
/// everything from `cut` on lies `shift` bytes further on in the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Loc {
    cut: usize,
    shift: usize,
}

impl Loc {
    pub(super) const WHOLE: Loc = Loc {
        cut: usize::MAX,
        shift: 0,
    };

    pub(super) fn new(cut: usize, shift: usize) -> Self {
        Loc { cut, shift }
    }

    /// A range that ends at the cut ends before what was cut out; one that starts there
    /// starts after it.
    pub(super) fn span(self, r: std::ops::Range<usize>) -> Span {
        if r.start >= self.cut {
            Span::new(r.start + self.shift, r.end + self.shift)
        } else if r.end <= self.cut {
            Span::new(r.start, r.end)
        } else {
            Span::new(r.start, r.end + self.shift)
        }
    }
}

pub(super) fn node<'a>(n: XNode<'a>, loc: Loc) -> Node<'a> {
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
pub(super) fn attr<'a, T>(
    a: roxmltree::Attribute<'a, 'a>,
    input: &str,
    loc: Loc,
    parse: impl Fn(&str) -> T,
) -> Attr<'a, T> {
    let raw = a.value();
    let span = if raw.is_empty() {
        a.range()
    } else {
        value_span(raw, input, a.range())
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
pub(super) fn yes_no(s: &str) -> Option<bool> {
    match s {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    }
}

/// An unsigned decimal as VSS writes it: digits only.
pub(super) fn parse_unsigned(s: &str) -> Option<u32> {
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
/// The attributes of a file set (`FILE_LIST`, `DATABASE_FILES`, `DATABASE_LOGFILES`), which
/// [`Walk::file_set`] matches by hand.
const FILE_SET_ATTRS: &[&str] = &[
    "path",
    "filespec",
    "recursive",
    "filespecBackupType",
    "alternatePath",
];

/// The attributes an element of the vocabulary has, as the walk reads them: what an editor
/// may offer inside its start tag.
pub fn attributes_of(element: &str) -> Option<&'static [&'static str]> {
    Some(match element {
        "WRITER_METADATA" => WRITER_ATTRS.names,
        "IDENTIFICATION" => IDENTIFICATION_ATTRS.names,
        "RESTORE_METHOD" => RESTORE_METHOD_ATTRS.names,
        MAPPING_ELEMENT => MAPPING_ATTRS.names,
        "BACKUP_LOCATIONS" => NO_ATTRS.names,
        "FILE_GROUP" | "DATABASE" => COMPONENT_ATTRS.names,
        "FILE_LIST" | "DATABASE_FILES" | "DATABASE_LOGFILES" => FILE_SET_ATTRS,
        "EXCLUDE_FILES" | "EXCLUDE_FILES_FROM_SNAPSHOT" => EXCLUDE_ATTRS.names,
        e if DEPENDENCY_ELEMENTS.contains(&e) => DEPENDENCY_ATTRS.names,
        _ => return None,
    })
}

/// Element names accepted for a component dependency (no public sample shows one).
pub const DEPENDENCY_ELEMENTS: &[&str] = &["DEPENDENCY", "COMPONENT_DEPENDENCY"];
pub const MAPPING_ELEMENT: &str = "ALTERNATE_LOCATION_MAPPING";
const INCLUDE_ELEMENTS: &[&str] = &["INCLUDE_FILES", "INCLUDE_FILE_LIST"];
/// Every element name of the vocabulary, to tell a misplaced element from an unknown one.
pub const KNOWN_ELEMENTS: &[&str] = &[
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

/// The model of a parsed document that is not one of the backup's other documents: a writer
/// metadata document (perhaps in its wrapper), or an unknown root. `loc` says where its text
/// lies in the document.
pub(super) fn writer_document<'a>(doc: &'a roxmltree::Document<'a>, loc: Loc) -> Document<'a> {
    let root = doc.root_element();
    let name = root.tag_name().name();
    let mut comments = Vec::new();
    collect_comments(doc.root(), loc, &mut comments);
    if name == "WRITER_METADATA" {
        let (w, ()) = Walk::new(root, loc, ()).writer(root, comments);
        return Document::WriterMetadata(Box::new(w));
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
        let (mut w, ()) = Walk::new(*writers[0], loc, ()).writer(*writers[0], comments);
        w.wrapper = Some(node(root, loc));
        return Document::WriterMetadata(Box::new(w));
    }
    Document::UnknownRoot {
        root: node(root, loc),
        namespace: root.tag_name().namespace(),
    }
}

pub(super) fn collect_comments<'a>(parent: XNode<'a>, loc: Loc, out: &mut Vec<Comment<'a>>) {
    for c in parent.children().filter(|c| c.is_comment()) {
        out.push(comment(c, loc, None));
    }
}

/// `next_elsewhere`: where the element after the comment is, when another tree holds it.
fn comment<'a>(c: XNode<'a>, loc: Loc, next_elsewhere: Option<Span>) -> Comment<'a> {
    Comment {
        text: c.text().unwrap_or(""),
        span: loc.span(c.range()),
        next: c
            .next_siblings()
            .find(|n| n.is_element())
            .map(|n| loc.span(n.range()))
            .or(next_elsewhere),
    }
}

/// How a caller that models a document from several trees takes part in the walk of one of
/// them: it can size an element's lists for children modelled elsewhere, point a trailing
/// comment at an element in another tree, and note how long the model's lists are when an
/// element's own text and its children have been walked. A whole document needs none of it.
pub(super) trait Hooks<'a> {
    /// Element children of `el` that another tree holds.
    fn more_children(&self, _el: XNode<'a>) -> Option<usize> {
        None
    }

    /// Where the element after `el`'s last child starts, when another tree holds it.
    fn next_after(&self, _el: XNode<'a>) -> Option<Span> {
        None
    }

    /// `el`'s own text and comments are walked, its children not yet.
    fn own_text_walked(&mut self, _w: &WriterMetadata<'a>, _el: XNode<'a>) {}

    /// `el`'s children are walked; `component` is `el`'s index when it is a component.
    fn children_walked(
        &mut self,
        _w: &WriterMetadata<'a>,
        _el: XNode<'a>,
        _component: Option<usize>,
    ) {
    }
}

/// A whole document.
impl Hooks<'_> for () {}

pub(super) struct Walk<'a, H = ()> {
    pub(super) w: WriterMetadata<'a>,
    loc: Loc,
    hooks: H,
}

impl<'a, H: Hooks<'a>> Walk<'a, H> {
    pub(super) fn new(el: XNode<'a>, loc: Loc, hooks: H) -> Self {
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
            hooks,
        }
    }

    fn node(&self, el: XNode<'a>) -> Node<'a> {
        node(el, self.loc)
    }

    /// The attributes of `el` among `known`; the others are strays.
    fn attrs(&mut self, el: XNode<'a>, known: &'static Known) -> Attrs<'a> {
        Attrs::new(el, known, self.loc, &mut self.w.strays)
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
    pub(super) fn non_elements(&mut self, el: XNode<'a>) {
        let next_elsewhere = self.hooks.next_after(el);
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
                NodeType::Comment => self.w.comments.push(comment(c, self.loc, next_elsewhere)),
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

    fn backup_locations(&mut self, el: XNode<'a>) {
        self.w.backup_locations.push(self.node(el));
        self.attrs(el, &NO_ATTRS);
        self.non_elements(el);
        self.hooks.own_text_walked(&self.w, el);
        self.backup_locations_children(el);
        self.hooks.children_walked(&self.w, el, None);
    }

    pub(super) fn backup_locations_children(&mut self, el: XNode<'a>) {
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
    pub(super) fn component_start(&mut self, el: XNode<'a>, kind: ComponentKind) -> Component<'a> {
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
            icon: a.text("icon"),
            file_sets: Vec::new(),
            dependencies: Vec::new(),
        }
    }

    fn component(&mut self, el: XNode<'a>, kind: ComponentKind) {
        let mut comp = self.component_start(el, kind);
        self.non_elements(el);
        self.hooks.own_text_walked(&self.w, el);
        self.component_children(el, &mut comp);
        self.hooks
            .children_walked(&self.w, el, Some(self.w.components.len()));
        self.w.components.push(comp);
    }

    pub(super) fn component_children(&mut self, el: XNode<'a>, comp: &mut Component<'a>) {
        // Sized once: the System writer's components hold thousands of file sets each.
        let more = self.hooks.more_children(el).unwrap_or(0);
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

    /// The writer metadata element and everything in it; the hooks, with what they noted.
    pub(super) fn writer(
        mut self,
        el: XNode<'a>,
        comments: Vec<Comment<'a>>,
    ) -> (WriterMetadata<'a>, H) {
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
        (self.w, self.hooks)
    }
}

/// Where the non-empty value `raw` of the attribute written at `range` lies: what
/// [`attribute_spans`] finds. A value the parser kept as written is a slice of the text, just
/// inside the closing quote, and its address says where; one it rewrote (a reference, a line
/// break) is its own string and is looked for. Measured with callgrind on one rayon thread,
/// building the models of 2,000 small documents took 38.2 million instructions with the
/// search for every value and 29.8 million with this; the System writer's, 19.1 and 14.9.
fn value_span(raw: &str, input: &str, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let at = (raw.as_ptr() as usize)
        .checked_sub(input.as_ptr() as usize)
        .filter(|&at| {
            at > range.start
                && at + raw.len() + 1 == range.end
                && matches!(input.as_bytes()[at - 1], b'"' | b'\'')
        });
    match at {
        Some(at) => at..at + raw.len(),
        None => attribute_spans(input, range).1,
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
    fn every_element_lists_the_attributes_the_walk_reads() {
        for e in KNOWN_ELEMENTS {
            assert!(attributes_of(e).is_some(), "{e}");
        }
        let set: String = FILE_SET_ATTRS
            .iter()
            .map(|a| format!(" {a}=\"1\""))
            .collect();
        let text = format!(
            r#"<WRITER_METADATA><BACKUP_LOCATIONS><FILE_GROUP componentName="c"><FILE_LIST{set}/></FILE_GROUP></BACKUP_LOCATIONS></WRITER_METADATA>"#
        );
        let doc = roxmltree::Document::parse(&text).unwrap();
        let crate::model::Document::WriterMetadata(w) = writer_document(&doc, Loc::WHOLE) else {
            panic!("not a writer document");
        };
        assert!(
            w.strays.is_empty(),
            "{:?}",
            w.strays.iter().map(|s| s.name).collect::<Vec<_>>()
        );
    }
}

//! Large documents parsed in pieces, one per thread.
//!
//! roxmltree parses one text on one thread, and that parse is most of the time a large
//! document takes. The bulk of a writer metadata document is one run of sibling elements:
//! the components in `BACKUP_LOCATIONS`, or the file sets of one component (the System
//! writer's 2 MB are 18,925 `FILE_LIST`s in one `FILE_GROUP`). The run is cut between two
//! siblings. The first piece is the document with the later part of the run taken out; each
//! later piece is its part of the run inside copies of the start tags that enclose it, so
//! that namespaces are in scope there as in the whole document. The pieces are parsed and
//! modelled side by side, and their models joined in document order.
//!
//! The cuts come from a scan of the tags that does not parse. Nothing it gets wrong can
//! change a result: the parsed pieces are checked to fit together exactly as the whole
//! would (every piece well-formed, the shared parent closing just where the cut says, the
//! same namespaces in scope), and a document whose pieces do not fit is parsed whole. Either
//! way a document gets the same model and the same syntax error.
//!
//! The walk (`walk.rs`) knows nothing of pieces: this module tells it, through its hooks,
//! which element the pieces share, and joins the models. A very large document is modelled
//! a piece at a time, to bound its memory (`lean`). Built without the `split-parse`
//! feature, every document is parsed whole. Measured side by side with hyperfine on two
//! cores, `--format json` on the System writer document takes 11.9 ms with the split and
//! 13.9 ms without (1.17×); on a document ten times its size, 112 ms and 135 ms.

use super::limits::{parsing_options, NODES_LIMIT};
use super::walk::{collect_comments, Hooks, Loc, Walk, XNode};
use crate::model::{
    Comment, Component, ComponentKind, Dependency, Document, Exclude, FileSet, Foreign, Mapping,
    Stray, WriterMetadata,
};
use crate::span::Span;
use rayon::prelude::*;

pub(super) mod lean;

/// Below this, a piece is not worth a thread.
const MIN_PIECE: usize = 256 * 1024;
const MAX_PIECES: usize = 8;

/// Documents from this size on are modelled a piece at a time (`lean`). From 8 MB rather than
/// 16: the 14 MB document of 150,000 file sets (150,000 findings) peaks at 154 MB in JSON and
/// 139 MB in SARIF against 204 MB and 192 MB, and the System writer's components five times
/// (11 MB) at 88 MB against 99 MB, in the same time (medians of 15 runs, within 5% either way).
pub(super) const LEAN_FROM: usize = 8 * 1024 * 1024;

/// The largest piece of a document modelled a piece at a time: its tree and its copy of the
/// text are what a thread holds besides the model.
const LEAN_PIECE: usize = 4 * 1024 * 1024;

/// A start tag as written.
#[derive(Debug)]
struct Tag<'t> {
    start: usize,
    text: &'t str,
    name: &'t str,
}

/// Where a document is cut.
#[derive(Debug)]
pub(super) struct Layout<'t> {
    /// The start tags of the root element, of the shared parent and of those in between.
    open: Vec<Tag<'t>>,
    /// Where each later piece starts: the `<` of a child of the shared parent.
    cuts: Vec<usize>,
    /// Where the shared parent's end tag starts.
    end: usize,
    level: Level,
}

impl<'t> Layout<'t> {
    /// How to cut `text` for the threads there are, or in pieces of a bounded size for a
    /// document modelled a piece at a time (`lean`); `None` when it is not worth cutting or
    /// the document does not have the usual shape.
    pub(super) fn find(text: &'t str) -> Option<Self> {
        let pieces = if text.len() >= LEAN_FROM {
            text.len().div_ceil(LEAN_PIECE)
        } else {
            rayon::current_num_threads()
                .min(MAX_PIECES)
                .min(text.len() / MIN_PIECE)
        };
        if pieces < 2 {
            return None;
        }
        scan(text, pieces)
    }

    /// The text of each piece.
    pub(super) fn texts(&self, text: &str) -> Vec<String> {
        (0..=self.cuts.len())
            .into_par_iter()
            .map(|k| self.piece(text, k))
            .collect()
    }

    fn piece(&self, text: &str, k: usize) -> String {
        if k == 0 {
            let cut = self.cuts[0];
            let mut s = String::with_capacity(cut + text.len() - self.end);
            s.push_str(&text[..cut]);
            s.push_str(&text[self.end..]);
            return s;
        }
        let (from, to) = self.bounds(k);
        let closing: usize = self.open.iter().map(|t| t.name.len() + 3).sum();
        let mut s = String::with_capacity(self.prefix_len() + (to - from) + closing);
        for t in &self.open {
            s.push_str(t.text);
        }
        s.push_str(&text[from..to]);
        for t in self.open.iter().rev() {
            s.push_str("</");
            s.push_str(t.name);
            s.push('>');
        }
        s
    }

    /// The part of the document that later piece `k` holds.
    fn bounds(&self, k: usize) -> (usize, usize) {
        (
            self.cuts[k - 1],
            self.cuts.get(k).copied().unwrap_or(self.end),
        )
    }

    /// Length of the copied start tags before a later piece's own text.
    fn prefix_len(&self) -> usize {
        self.open.iter().map(|t| t.text.len()).sum()
    }

    /// Parses the pieces side by side; `None` for a piece that does not parse.
    pub(super) fn parse<'a>(&self, texts: &'a [String]) -> Vec<Option<roxmltree::Document<'a>>> {
        // Each piece stays within its share, so that the pieces together stay within the
        // limit of the whole; a piece over it sends the document to the whole parse, which
        // says exactly what is wrong.
        let nodes_limit = NODES_LIMIT / texts.len() as u32;
        texts
            .par_iter()
            .map(|t| roxmltree::Document::parse_with_options(t, parsing_options(nodes_limit)).ok())
            .collect()
    }

    /// The model of the whole document from its parsed pieces, or `None` when the pieces
    /// do not fit together as the cut intended.
    pub(super) fn build<'a>(
        &self,
        docs: &'a [Option<roxmltree::Document<'a>>],
    ) -> Option<Document<'a>> {
        let first = docs.first()?.as_ref()?;
        let parent = self.shared_parent(first)?;
        let mut copies = Vec::with_capacity(docs.len() - 1);
        for (k, doc) in docs.iter().enumerate().skip(1) {
            let copy = self.copy_in(doc.as_ref()?, k)?;
            if !copy.namespaces().eq(parent.namespaces()) {
                return None;
            }
            copies.push(copy);
        }
        let cut = self.cuts[0];
        let prefix = self.prefix_len();

        let first_loc = Loc::new(cut, self.end - cut);
        let loc = |k: usize| Loc::new(0, self.bounds(k).0 - prefix);
        // Where piece `k`'s part of the run starts, in the document.
        let start_of = |k: usize| {
            copies
                .get(k - 1)
                .and_then(|c| c.first_element_child())
                .map(|c| loc(k).span(c.range()))
        };
        let more_children = copies
            .iter()
            .map(|c| c.children().filter(|n| n.is_element()).count())
            .sum();
        let first_join = Join::new(parent.range().start, start_of(1), more_children);
        let ((mut w, marks), parts) = rayon::join(
            || build_first(first, first_loc, first_join),
            || {
                copies
                    .par_iter()
                    .enumerate()
                    .map(|(i, copy)| {
                        let k = i + 1;
                        let join = Join::new(copy.range().start, start_of(k + 1), 0);
                        build_part(*copy, self.level, loc(k), join)
                    })
                    .collect::<Vec<_>>()
            },
        );
        splice(&mut w, &marks?, parts);
        Some(Document::WriterMetadata(Box::new(w)))
    }

    /// The shared parent in the first piece, when it closes right at the cut with every
    /// child before it.
    fn shared_parent<'a>(&self, first: &'a roxmltree::Document<'a>) -> Option<XNode<'a>> {
        let cut = self.cuts[0];
        let mut parent = first.root_element();
        if parent.range().start != self.open[0].start {
            return None;
        }
        for t in &self.open[1..] {
            parent = parent
                .children()
                .find(|c| c.is_element() && c.range().start == t.start)?;
        }
        let closes_at_cut = parent.range().end > cut
            && first.input_text().as_bytes()[cut..].starts_with(b"</")
            && parent.last_child().is_none_or(|c| c.range().end <= cut);
        closes_at_cut.then_some(parent)
    }

    /// The copy of the shared parent in later piece `k`, when it holds exactly that piece's
    /// part of the run, starting with an element (its namespaces are the caller's to check).
    fn copy_in<'a>(&self, doc: &'a roxmltree::Document<'a>, k: usize) -> Option<XNode<'a>> {
        let parent_tag = self.open.last()?;
        let prefix = self.prefix_len();
        let parent_at = prefix - parent_tag.text.len();
        let (from, to) = self.bounds(k);
        let body_end = prefix + (to - from);
        let mut copy = doc.root_element();
        for _ in 1..self.open.len() {
            copy = copy.first_element_child()?;
        }
        let fits = copy.range().start == parent_at
            && copy.range().end == body_end + parent_tag.name.len() + 3
            && copy
                .first_child()
                .is_some_and(|c| c.is_element() && c.range().start == prefix)
            && copy.last_child().is_some_and(|c| c.range().end <= body_end);
        fits.then_some(copy)
    }
}

/// Finds the shared parent and the cuts by following the tags from the start: `<` cannot
/// appear unescaped in attribute values or text, so every `<` outside comments, CDATA and
/// processing instructions starts a tag; a start tag ends at the last `>` before the next
/// `<`, and is empty when `/` comes before that `>`. Text that itself holds `>` can mislead
/// this, which `Layout::build` then catches. Past the last cut, the shared parent's end is
/// looked up by its name (`closing_tag`).
fn scan(text: &str, pieces: usize) -> Option<Layout<'_>> {
    let b = text.as_bytes();
    let len = b.len();
    let target = |k: usize| len / pieces * k;
    let mut open: Vec<Tag> = Vec::new();
    // The shared parent, once chosen, as the number of open elements while it is the
    // innermost, and its kind.
    let mut shared: Option<(usize, Level)> = None;
    let mut cuts = Vec::with_capacity(pieces - 1);
    let mut i = memchr::memchr(b'<', b)?;
    loop {
        let next = match *b.get(i + 1)? {
            b'/' => {
                if let Some((depth, level)) = shared {
                    if open.len() == depth {
                        if cuts.is_empty() {
                            return None;
                        }
                        return Some(Layout {
                            open,
                            cuts,
                            end: i,
                            level,
                        });
                    }
                }
                open.pop()?;
                i + 2
            }
            b'!' => {
                let (close, from): (&[u8], usize) = if b[i..].starts_with(b"<!--") {
                    (b"-->", i + 4)
                } else if b[i..].starts_with(b"<![CDATA[") {
                    (b"]]>", i + 9)
                } else {
                    return None;
                };
                from + memchr::memmem::find(&b[from..], close)? + close.len()
            }
            b'?' => i + 2 + memchr::memmem::find(&b[i + 2..], b"?>")? + 2,
            _ => {
                let bound = memchr::memchr(b'<', &b[i + 1..]).map_or(len, |n| i + 1 + n);
                let gt = i + memchr::memrchr(b'>', &b[i..bound])?;
                let empty = b[gt - 1] == b'/';
                if cuts.len() + 1 < pieces && i >= target(cuts.len() + 1) {
                    let (depth, level) = match shared {
                        Some(s) => s,
                        None => *shared.insert(choose(&open, target(1) - len / (2 * pieces))?),
                    };
                    if open.len() == depth {
                        cuts.push(i);
                        if cuts.len() + 1 == pieces {
                            open.truncate(depth);
                            let end = closing_tag(b, i, open.last()?.name)?;
                            return Some(Layout {
                                open,
                                cuts,
                                end,
                                level,
                            });
                        }
                    }
                }
                if !empty {
                    let name_end = b[i + 1..gt]
                        .iter()
                        .position(|&c| c.is_ascii_whitespace() || c == b'/')
                        .map_or(gt, |n| i + 1 + n);
                    open.push(Tag {
                        start: i,
                        text: &text[i..=gt],
                        name: &text[i + 1..name_end],
                    });
                }
                bound
            }
        };
        i = next + memchr::memchr(b'<', b.get(next..)?)?;
    }
}

/// Where the shared parent closes, once every cut is placed: the first closing tag of its
/// name from `from` on. Its kind of element never holds one of its own kind, so only a
/// comment, a CDATA section or a processing instruction could hold that text first, and then
/// the later pieces do not parse (their text ends inside it), nor does the first piece when
/// such an element nests after all (its text closes one element more than it opens): the
/// document is parsed whole either way (`Layout::build`). Not following every tag to the
/// end cuts the scan of the System writer document from 4.5 to 2.7 million instructions (on
/// the one thread that runs before the pieces are parsed, in two pieces; callgrind).
fn closing_tag(b: &[u8], from: usize, name: &str) -> Option<usize> {
    let tag = format!("</{name}");
    let finder = memchr::memmem::Finder::new(tag.as_bytes());
    let mut at = from;
    loop {
        let found = at + finder.find(&b[at..])?;
        match b.get(found + tag.len()) {
            Some(c) if *c == b'>' || c.is_ascii_whitespace() => return Some(found),
            _ => at = found + tag.len(),
        }
    }
}

/// The element to share among the pieces, given the elements open where the first cut is
/// wanted: the component there if it began well before (it is then large), else
/// `BACKUP_LOCATIONS`. Any other shape is not cut.
fn choose(open: &[Tag], before: usize) -> Option<(usize, Level)> {
    if open.first()?.name != "WRITER_METADATA" || open.get(1)?.name != "BACKUP_LOCATIONS" {
        return None;
    }
    let component = open.get(2).and_then(|c| {
        let kind = match c.name {
            "FILE_GROUP" => ComponentKind::FileGroup,
            "DATABASE" => ComponentKind::Database,
            _ => return None,
        };
        (c.start <= before).then_some(kind)
    });
    Some(match component {
        Some(kind) => (3, Level::Component(kind)),
        None => (2, Level::BackupLocations),
    })
}

/// The model of the first piece, which holds the start and the end of the document, and
/// where the other pieces' findings go in it.
fn build_first<'a>(
    doc: &'a roxmltree::Document<'a>,
    loc: Loc,
    join: Join,
) -> (WriterMetadata<'a>, Option<Marks>) {
    let root = doc.root_element();
    let mut comments = Vec::new();
    collect_comments(doc.root(), loc, &mut comments);
    let (w, join) = Walk::new(root, loc, join).writer(root, comments);
    (w, join.marks)
}

/// Where a piece meets the others: the element whose children the pieces share
/// (`BACKUP_LOCATIONS` or one component). The walk of the piece's tree is told of it through
/// [`Hooks`], and the first piece's walk notes the [`Marks`] here.
#[derive(Debug)]
struct Join {
    /// Where the shared parent starts, in this piece's text.
    parent: usize,
    /// The first child of the parent in the next piece.
    next: Option<Span>,
    /// Element children of the parent in the other pieces.
    more_children: usize,
    /// Where the other pieces' findings go, once the shared parent has been walked.
    marks: Option<Marks>,
}

impl Join {
    fn new(parent: usize, next: Option<Span>, more_children: usize) -> Self {
        Join {
            parent,
            next,
            more_children,
            marks: None,
        }
    }

    fn is_shared(&self, el: XNode) -> bool {
        self.parent == el.range().start
    }
}

impl<'a> Hooks<'a> for Join {
    fn more_children(&self, el: XNode<'a>) -> Option<usize> {
        self.is_shared(el).then_some(self.more_children)
    }

    fn next_after(&self, el: XNode<'a>) -> Option<Span> {
        self.next.filter(|_| self.is_shared(el))
    }

    fn own_text_walked(&mut self, w: &WriterMetadata<'a>, el: XNode<'a>) {
        if self.is_shared(el) {
            self.marks = Some(Marks {
                head_strays: w.strays.len(),
                head_comments: w.comments.len(),
                ..Marks::default()
            });
        }
    }

    fn children_walked(&mut self, w: &WriterMetadata<'a>, el: XNode<'a>, component: Option<usize>) {
        if !self.is_shared(el) {
            return;
        }
        if let Some(m) = &mut self.marks {
            m.strays = w.strays.len();
            m.comments = w.comments.len();
            m.foreign = w.foreign.len();
            m.components = w.components.len();
            m.excludes = w.excludes.len();
            m.mappings = w.mappings.len();
            m.loose_dependencies = w.loose_dependencies.len();
            m.component = component;
        }
    }
}

/// Which element the pieces of a document share the children of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Level {
    BackupLocations,
    Component(ComponentKind),
}

/// Lengths of the model's lists in the first piece where the other pieces' findings go: after
/// the shared parent's own text and comments (`head_*`), and after its children (the rest).
#[derive(Debug, Default)]
struct Marks {
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
struct Part<'a> {
    head_strays: Vec<Stray<'a>>,
    head_comments: Vec<Comment<'a>>,
    strays: Vec<Stray<'a>>,
    comments: Vec<Comment<'a>>,
    foreign: Vec<Foreign<'a>>,
    components: Vec<Component<'a>>,
    excludes: Vec<Exclude<'a>>,
    mappings: Vec<Mapping<'a>>,
    loose_dependencies: Vec<Dependency<'a>>,
    file_sets: Vec<FileSet<'a>>,
    dependencies: Vec<Dependency<'a>>,
}

/// Models the children of the shared parent `el` in a later piece.
fn build_part<'a>(el: XNode<'a>, level: Level, loc: Loc, join: Join) -> Part<'a> {
    let mut walk = Walk::new(el, loc, join);
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
    let w = walk.w;
    Part {
        head_strays,
        head_comments,
        strays: w.strays,
        comments: w.comments,
        foreign: w.foreign,
        components: w.components,
        excludes: w.excludes,
        mappings: w.mappings,
        loose_dependencies: w.loose_dependencies,
        file_sets,
        dependencies,
    }
}

/// Puts the later pieces' findings where a walk over the whole document would have put them.
fn splice<'a>(w: &mut WriterMetadata<'a>, marks: &Marks, parts: Vec<Part<'a>>) {
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
        strays.extend(p.strays);
        comments.extend(p.comments);
        foreign.extend(p.foreign);
        components.extend(p.components);
        excludes.extend(p.excludes);
        mappings.extend(p.mappings);
        loose_dependencies.extend(p.loose_dependencies);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse;

    /// The model of `text` cut into `pieces` as JSON, or `None` when it would be parsed whole.
    fn in_pieces(text: &str, pieces: usize) -> Option<String> {
        let layout = scan(text, pieces)?;
        let texts = layout.texts(text);
        let docs = layout.parse(&texts);
        let model = layout.build(&docs)?;
        Some(serde_json::to_string(&model).unwrap())
    }

    fn whole(text: &str) -> Result<String, String> {
        let parsed = parse(text).map_err(|e| format!("{e:?}"))?;
        Ok(serde_json::to_string(&parsed.model()).unwrap())
    }

    /// The model through the entry point the linter uses, which cuts when it can.
    fn through(text: &str) -> Result<String, String> {
        with_threads(|| {
            crate::parse::with_model(text, |m| {
                m.map(|m| serde_json::to_string(&m).unwrap())
                    .map_err(|e| format!("{e:?}"))
            })
        })
    }

    fn with_threads<R: Send>(f: impl FnOnce() -> R + Send) -> R {
        rayon::ThreadPoolBuilder::new()
            .num_threads(4)
            .build()
            .unwrap()
            .install(f)
    }

    const HEAD: &str = r#"<WRITER_METADATA xmlns="x-schema:#VssWriterMetadataInfo" version="1.2"><IDENTIFICATION writerId="3c2d1e0f-5a6b-4c7d-8e9f-a0b1c2d3e4f5" instanceId="ce678d65-95d0-4bea-a43d-2a288bc94500" friendlyName="Pieces" usage="USER_DATA" dataSource="OTHER" majorVersion="1" minorVersion="0"/>"#;
    const TAIL: &str = r#"<RESTORE_METHOD method="RESTORE_IF_NOT_THERE" writerRestore="never" rebootRequired="no"/></WRITER_METADATA>"#;

    fn file_list(i: usize) -> String {
        format!(
            r#"<FILE_LIST path="C:\Data\d{}" filespec="f{i}.dat" recursive="no" filespecBackupType="3855"/>"#,
            i / 3
        )
    }

    /// One component of `files` file sets, `extra(i)` written before file set `i`.
    fn one_component(files: usize, extra: impl Fn(usize) -> String) -> String {
        let mut s = String::from(HEAD);
        s.push_str(r#"<BACKUP_LOCATIONS><FILE_GROUP componentName="Data" caption="Data" restoreMetadata="no" notifyOnBackupComplete="no" selectable="yes" selectableForRestore="no" componentFlags="0" odd="1">"#);
        for i in 0..files {
            s.push_str(&extra(i));
            s.push_str(&file_list(i));
        }
        s.push_str("</FILE_GROUP></BACKUP_LOCATIONS>");
        s.push_str(TAIL);
        s
    }

    /// `components` components of a few file sets each.
    fn many_components(components: usize, extra: impl Fn(usize) -> String) -> String {
        let mut s = String::from(HEAD);
        s.push_str("<BACKUP_LOCATIONS>");
        for c in 0..components {
            s.push_str(&extra(c));
            s.push_str(&format!(
                r#"<FILE_GROUP componentName="C{c}" selectable="yes">{}{}</FILE_GROUP>"#,
                file_list(c * 2),
                file_list(c * 2 + 1)
            ));
        }
        s.push_str("</BACKUP_LOCATIONS>");
        s.push_str(TAIL);
        s
    }

    /// The model of `text` cut into `pieces` and modelled a piece at a time, as JSON, or
    /// `None` when it would be parsed otherwise.
    fn a_piece_at_a_time(text: &str, pieces: usize) -> Option<String> {
        let layout = scan(text, pieces)?;
        lean::with_model(&layout, text, |m| {
            serde_json::to_string(&m.unwrap()).unwrap()
        })
        .ok()
    }

    fn same(text: &str, pieces: usize) {
        let cut = with_threads(|| in_pieces(text, pieces))
            .unwrap_or_else(|| panic!("not cut in {pieces} pieces"));
        assert_eq!(Ok(cut), whole(text));
        let lean = with_threads(|| a_piece_at_a_time(text, pieces))
            .unwrap_or_else(|| panic!("not modelled a piece at a time in {pieces} pieces"));
        assert_eq!(Ok(lean), whole(text));
    }

    #[test]
    fn a_piece_at_a_time_the_later_pieces_strings_are_the_documents_own() {
        // Their trees and copies of the text are gone once they are modelled: what the model
        // keeps of them must lie in the document's text.
        for text in [
            one_component(300, |_| String::new()),
            many_components(200, |_| String::new()),
        ] {
            let layout = scan(&text, 4).unwrap();
            let inside = text.as_bytes().as_ptr_range();
            let later = lean::with_model(&layout, &text, |m| {
                let Ok(Document::WriterMetadata(w)) = m else {
                    panic!("a writer metadata document");
                };
                let mut later = 0;
                for (c, fs) in w.file_sets() {
                    if fs.node.range.start < layout.cuts[0] {
                        continue;
                    }
                    later += 1;
                    let path = fs.path.as_ref().unwrap().raw;
                    assert!(inside.contains(&path.as_ptr()), "{path}");
                    assert!(inside.contains(&fs.node.name.as_ptr()));
                    if c.node.range.start >= layout.cuts[0] {
                        assert!(inside.contains(&c.name().as_ptr()));
                    }
                }
                later
            })
            .ok()
            .expect("modelled a piece at a time");
            assert!(later > 0);
        }
    }

    #[test]
    fn a_value_with_a_reference_sends_the_document_to_the_split_parse() {
        // The parser decodes `&amp;` into a string of its own, not in the document's text.
        let text = before_file_list(
            &one_component(200, |_| String::new()),
            3,
            4,
            r#"<FILE_LIST path="C:\A&amp;B" filespec="*"/>"#,
        );
        let layout = scan(&text, 2).unwrap();
        assert!(lean::with_model(&layout, &text, |_| ()).is_err());
        same_cut(&text, 2);
    }

    fn same_cut(text: &str, pieces: usize) {
        let cut = with_threads(|| in_pieces(text, pieces)).expect("cut");
        assert_eq!(Ok(cut), whole(text));
    }

    #[test]
    fn one_large_component_is_cut_between_file_sets() {
        let text = one_component(300, |_| String::new());
        let layout = scan(&text, 3).unwrap();
        assert_eq!(layout.level, Level::Component(ComponentKind::FileGroup));
        assert_eq!(layout.cuts.len(), 2);
        for &c in &layout.cuts {
            assert!(text[c..].starts_with("<FILE_LIST"));
        }
        assert!(text[layout.end..].starts_with("</FILE_GROUP>"));
        for pieces in 2..=5 {
            same(&text, pieces);
        }
    }

    #[test]
    fn many_components_are_cut_between_components() {
        let text = many_components(200, |_| String::new());
        let layout = scan(&text, 2).unwrap();
        assert_eq!(layout.level, Level::BackupLocations);
        assert!(text[layout.cuts[0]..].starts_with("<FILE_GROUP"));
        for pieces in 2..=4 {
            same(&text, pieces);
        }
    }

    #[test]
    fn findings_at_the_cuts_land_where_a_whole_parse_puts_them() {
        // Comments (with and without an element after them in their piece), stray text,
        // unknown and foreign elements and attributes, on every side of every cut.
        let extra = |i: usize| match i % 7 {
            0 => format!("<!-- before {i} -->"),
            1 => "stray text ".to_string(),
            2 => "<UNKNOWN/>".to_string(),
            3 => r#"<p:FILE_LIST xmlns:p="urn:other" path="C:\x" filespec="*"/>"#.to_string(),
            4 => r#"<FILE_LIST path="C:\y" filespec="*" extra="yes"><!-- inside --></FILE_LIST>"#
                .to_string(),
            5 => "\n  ".to_string(),
            _ => String::new(),
        };
        let text = one_component(120, extra).replace(
            "</FILE_GROUP>",
            "<!-- last in the component --> trailing </FILE_GROUP>",
        );
        for pieces in 2..=6 {
            same(&text, pieces);
        }
        let text = many_components(120, extra);
        for pieces in 2..=6 {
            same(&text, pieces);
        }
    }

    #[test]
    fn namespaces_declared_above_the_cut_are_in_scope_in_every_piece() {
        let text = one_component(200, |i| {
            if i % 5 == 0 {
                r#"<q:FILE_LIST path="C:\q" filespec="*"/>"#.to_string()
            } else {
                String::new()
            }
        })
        .replace(
            "<BACKUP_LOCATIONS>",
            r#"<BACKUP_LOCATIONS xmlns:q="urn:q">"#,
        )
        .replace(
            r#"<FILE_GROUP componentName="Data""#,
            r#"<FILE_GROUP xmlns="urn:not-vss" componentName="Data""#,
        );
        same(&text, 3);
    }

    #[test]
    fn text_that_misleads_the_scan_is_parsed_whole() {
        // `>` and `/>` in text make the scan misjudge where tags end; the pieces then do
        // not fit, and the document is parsed whole.
        // A component closed and another opened inside the run: well-formed, but the
        // shared parent no longer closes where the scan thought.
        for odd in ["a > b", "x/>", "/>", "]>", "</FILE_GROUP><FILE_GROUP>"] {
            let text = one_component(200, |i| {
                if i == 37 {
                    odd.to_string()
                } else {
                    String::new()
                }
            });
            let cut = with_threads(|| in_pieces(&text, 2));
            if let Some(cut) = cut {
                assert_eq!(Ok(cut), whole(&text), "{odd}");
            }
            if let Some(lean) = with_threads(|| a_piece_at_a_time(&text, 2)) {
                assert_eq!(Ok(lean), whole(&text), "{odd}");
            }
            assert_eq!(through(&text), whole(&text), "{odd}");
        }
    }

    /// `t` with `s` written before the first file set past `num / den` of it.
    fn before_file_list(t: &str, num: usize, den: usize, s: &str) -> String {
        let at = t.len() * num / den;
        let at = at + t[at..].find("<FILE_LIST").unwrap();
        format!("{}{s}{}", &t[..at], &t[at..])
    }

    #[test]
    fn text_like_the_shared_parents_closing_tag_after_the_last_cut_changes_nothing() {
        // After the last cut the shared parent's end is found by its name. A comment, a CDATA
        // section or a processing instruction holding that text, or an element of the same
        // name inside it, puts the end wrong: the pieces are then refused, and the document
        // is parsed whole. Names that only begin like it are passed over.
        let good = one_component(200, |_| String::new());
        let refused = [
            "<!-- </FILE_GROUP> -->",
            "<!-- </FILE_GROUP><FILE_GROUP> -->",
            "<![CDATA[</FILE_GROUP>]]>",
            "<?pi </FILE_GROUP>?>",
            r#"<FILE_GROUP componentName="inner"><FILE_LIST path="C:\x" filespec="*"/></FILE_GROUP>"#,
        ];
        for insert in refused {
            for (num, den, pieces) in [(2, 3, 2), (9, 10, 2), (9, 10, 3)] {
                let text = before_file_list(&good, num, den, insert);
                let layout = scan(&text, pieces).unwrap();
                assert!(layout.cuts.last() < Some(&text.find(insert).unwrap()));
                assert!(whole(&text).is_ok(), "{insert}");
                assert_eq!(with_threads(|| in_pieces(&text, pieces)), None, "{insert}");
                assert_eq!(through(&text), whole(&text), "{insert}");
            }
        }
        let alike = before_file_list(&good, 9, 10, "<FILE_GROUPS/><FILE_GROUP_X></FILE_GROUP_X>");
        same(&alike, 2);
        same(&alike, 3);
        // A closing tag with white space before its `>` is found as well.
        let spaced = good.replacen("</FILE_GROUP>", "</FILE_GROUP \n>", 1);
        let layout = scan(&spaced, 2).unwrap();
        assert!(spaced[layout.end..].starts_with("</FILE_GROUP \n>"));
        same(&spaced, 2);
        same(&spaced, 3);
    }

    #[test]
    fn broken_documents_get_the_error_of_a_whole_parse() {
        let good = one_component(200, |_| String::new());
        let breaks: [fn(&str) -> String; 8] = [
            (|t: &str| t.replacen("</FILE_GROUP>", "", 1)),
            (|t: &str| t.replacen("</FILE_GROUP>", "</FILE_GROUP></FILE_GROUP>", 1)),
            (|t: &str| before_file_list(t, 3, 4, r#"<FILE_LIST path="a" path="b"/>"#)),
            (|t: &str| before_file_list(t, 2, 3, "</FILE_GROUP>")),
            (|t: &str| before_file_list(t, 2, 3, r#"<?xml version="1.0"?>"#)),
            (|t: &str| before_file_list(t, 2, 3, "<u:x/>")),
            (|t: &str| t[..t.len() * 3 / 4].to_string()),
            (|t: &str| format!("{t}<EXTRA/>")),
        ];
        for (n, broken) in breaks.iter().enumerate() {
            let text = broken(&good);
            let got = through(&text);
            assert_eq!(got, whole(&text), "break {n}");
            assert!(got.is_err(), "break {n} should not parse");
            // Cut directly, pieces that do not parse are refused rather than joined.
            assert_eq!(with_threads(|| in_pieces(&text, 2)), None, "break {n}");
            assert_eq!(
                with_threads(|| a_piece_at_a_time(&text, 2)),
                None,
                "break {n}"
            );
        }
    }

    #[test]
    fn mutated_documents_give_the_same_model_cut_or_whole() {
        // Deterministic pseudo-random insertions anywhere, tags included.
        let base = one_component(150, |i| {
            if i % 11 == 0 {
                "<!-- c -->".into()
            } else {
                String::new()
            }
        });
        let snippets = [
            "<",
            ">",
            "/>",
            "<!--",
            "-->",
            "\"",
            "<X>",
            "</X>",
            "<![CDATA[<]]>",
            "&amp;",
            "<?p?>",
            " ",
            "\r\n",
            "é",
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut cut_count = 0;
        for _ in 0..120 {
            let mut text = base.clone();
            for _ in 0..(next() % 3 + 1) {
                let mut at = (next() as usize) % text.len();
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                let s = snippets[(next() as usize) % snippets.len()];
                text.insert_str(at, s);
            }
            assert_eq!(through(&text), whole(&text));
            if let Some(cut) = with_threads(|| in_pieces(&text, 3)) {
                assert_eq!(Ok(cut), whole(&text));
                cut_count += 1;
            }
            if let Some(lean) = with_threads(|| a_piece_at_a_time(&text, 3)) {
                assert_eq!(Ok(lean), whole(&text));
            }
        }
        // Insertions inside text and comments leave many documents well-formed and cut.
        assert!(cut_count >= 10, "only {cut_count} of 120 were cut");
    }

    #[test]
    #[cfg_attr(
        no_corpus,
        ignore = "needs ../shared/corpus (see README, Running the tests)"
    )]
    fn the_system_writer_document_is_cut_with_the_same_model() {
        let path = concat!(
            env!("VSSLINT_CORPUS_DIR"),
            "/diskshadow-ws2012-sql2017/WM3.xml"
        );
        let text = std::fs::read_to_string(path).expect("the System writer document");
        same(&text, 2);
        same(&text, 7);
    }

    #[test]
    fn other_shapes_are_not_cut() {
        let wrapped = format!(
            "<root><Schema/>{}</root>",
            one_component(100, |_| String::new())
        );
        assert!(scan(&wrapped, 2).is_none());
        let prefixed =
            one_component(100, |_| String::new()).replace("BACKUP_LOCATIONS", "v:BACKUP_LOCATIONS");
        assert!(scan(&prefixed, 2).is_none());
        let doctype = format!("<!DOCTYPE x>{}", one_component(100, |_| String::new()));
        assert!(scan(&doctype, 2).is_none());
    }
}

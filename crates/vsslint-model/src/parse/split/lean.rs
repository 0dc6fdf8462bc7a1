//! A very large document modelled one piece at a time, each piece's tree freed as soon as
//! its part of the model is built.
//!
//! roxmltree's tree of a writer metadata document is about four times the size of its text
//! (each `FILE_LIST` is two nodes and four attributes), and the model borrows from it, so
//! the split parse held the text, a copy of it in pieces, every piece's tree and the whole
//! model at once. Here the later pieces, each of at most `LEAN_PIECE` bytes (`split.rs`),
//! are parsed and modelled side by side, a few at a time; the strings of each part of the
//! model are then taken from the document's own text, where their bytes also are (a piece is
//! copied from it), and the piece's text and tree are dropped. Only the first piece, which
//! holds the start and the end of the document, is kept with the model.
//!
//! Measured with `scripts/bench-memory.sh` (peak RSS, release build, two cores): the 50 MB
//! document of 526,507 file sets peaks at 256 MB against 502 MB (10.0× its size before, 5.1×
//! now), the System writer's components ten times (22 MB) at 117 MB against 181 MB. Both lint
//! as fast as before or faster (the 22 MB document in 357 ms against 369 ms, medians of 60
//! alternating runs on a loaded machine), with the same report.
//!
//! A string that is not in the piece's copy of the text (a value with a character reference,
//! which the parser decodes into a string of its own) cannot be taken from the document's
//! text: the document is then modelled by the split parse, as before.

use super::{build_first, build_part, Join, Layout, Part};
use crate::model::{
    Attr, Comment, Component, Dependency, Document, Exclude, FileSet, Foreign, Mapping, Node, Stray,
};
use crate::parse::error::SyntaxError;
use crate::parse::limits::{parsing_options, NODES_LIMIT};
use crate::parse::walk::Loc;
use crate::span::Span;
use rayon::prelude::*;

/// A later piece, modelled: its part of the model with its strings in the document's text.
struct Modelled<'x> {
    part: Part<'x>,
    /// The span of the piece's first child of the shared parent, in the document.
    first_child: Span,
    /// Element children of the shared parent in the piece.
    children: usize,
    /// The namespaces in scope on the shared parent: (prefix, URI).
    namespaces: Vec<(Option<String>, String)>,
}

/// Models `text` as `layout` cuts it, a piece at a time, and hands the model to `f`; `f` back
/// when the pieces do not fit together or a string cannot be taken from the text.
pub(in crate::parse) fn with_model<'x, R, F>(
    layout: &Layout<'x>,
    text: &'x str,
    f: F,
) -> Result<R, F>
where
    F: FnOnce(Result<Document<'_>, SyntaxError>) -> R,
{
    let nodes_limit = NODES_LIMIT / (layout.cuts.len() + 1) as u32;
    let first_text = layout.piece(text, 0);
    // The first piece is parsed beside the others; its walk needs what they hold.
    let (first, later) = rayon::join(
        || roxmltree::Document::parse_with_options(&first_text, parsing_options(nodes_limit)),
        || {
            (1..=layout.cuts.len())
                .into_par_iter()
                .map(|k| model_piece(layout, text, k, nodes_limit))
                .collect::<Option<Vec<Modelled<'x>>>>()
        },
    );
    let (Ok(first), Some(mut later)) = (first, later) else {
        return Err(f);
    };
    let Some(parent) = layout.shared_parent(&first) else {
        return Err(f);
    };
    let same_namespaces = |m: &Modelled| {
        parent
            .namespaces()
            .map(|n| (n.name(), n.uri()))
            .eq(m.namespaces.iter().map(|(p, u)| (p.as_deref(), u.as_str())))
    };
    if !later.iter().all(same_namespaces) {
        return Err(f);
    }
    // A comment last among a piece's children of the shared parent comes before the next
    // piece's first child, which the piece's walk could not see.
    for k in 1..later.len() {
        let next = later[k].first_child;
        for c in &mut later[k - 1].part.head_comments {
            c.next.get_or_insert(next);
        }
    }
    let cut = layout.cuts[0];
    let more_children = later.iter().map(|m| m.children).sum();
    let join = Join::new(
        parent.range().start,
        Some(later[0].first_child),
        more_children,
    );
    let (mut w, marks) = build_first(&first, Loc::new(cut, layout.end - cut), join);
    let Some(marks) = marks else {
        return Err(f);
    };
    super::splice(&mut w, &marks, later.into_iter().map(|m| m.part).collect());
    Ok(f(Ok(Document::WriterMetadata(Box::new(w)))))
}

/// Parses and models later piece `k`, its strings taken from `text`; its tree and copy of the
/// text are dropped here.
fn model_piece<'x>(
    layout: &Layout<'x>,
    text: &'x str,
    k: usize,
    nodes_limit: u32,
) -> Option<Modelled<'x>> {
    let piece = layout.piece(text, k);
    let doc = roxmltree::Document::parse_with_options(&piece, parsing_options(nodes_limit)).ok()?;
    let copy = layout.copy_in(&doc, k)?;
    let prefix = layout.prefix_len();
    let (from, to) = layout.bounds(k);
    let loc = Loc::new(0, from - prefix);
    let first_child = loc.span(copy.first_element_child()?.range());
    let children = copy.children().filter(|n| n.is_element()).count();
    let namespaces = copy
        .namespaces()
        .map(|n| (n.name().map(str::to_owned), n.uri().to_owned()))
        .collect();
    let part = build_part(
        copy,
        layout.level,
        loc,
        Join::new(copy.range().start, None, 0),
    );
    let mut at = Rebase {
        piece: &piece,
        text,
        body: prefix..prefix + (to - from),
        from,
        open: layout
            .open
            .iter()
            .map(|t| (t.start, t.text.len()))
            .collect(),
        lost: false,
    };
    let part = at.part(part);
    (!at.lost).then_some(Modelled {
        part,
        first_child,
        children,
        namespaces,
    })
}

/// Takes the strings of a piece's part of the model from the document's text.
struct Rebase<'p, 'x> {
    piece: &'p str,
    text: &'x str,
    /// The piece's own part of the run, in the piece.
    body: std::ops::Range<usize>,
    /// Where that part starts in the document.
    from: usize,
    /// The start tags copied at the head of the piece, one after another: where each is in
    /// the document, and its length.
    open: Vec<(usize, usize)>,
    /// A string was not in the piece's text.
    lost: bool,
}

impl<'x> Rebase<'_, 'x> {
    fn str(&mut self, s: &str) -> &'x str {
        if s.is_empty() {
            return "";
        }
        let at = (s.as_ptr() as usize).wrapping_sub(self.piece.as_ptr() as usize);
        let end = at.wrapping_add(s.len());
        let in_doc = if at >= self.body.start && end <= self.body.end {
            Some(self.from + (at - self.body.start))
        } else {
            // In a copied start tag (the name of the shared parent, say).
            let mut head = 0;
            self.open.iter().find_map(|&(start, len)| {
                let found = (at >= head && end <= head + len).then(|| start + (at - head));
                head += len;
                found
            })
        };
        match in_doc.and_then(|i| self.text.get(i..i + s.len())) {
            Some(t) => t,
            None => {
                self.lost = true;
                ""
            }
        }
    }

    fn opt(&mut self, s: Option<&str>) -> Option<&'x str> {
        s.map(|s| self.str(s))
    }

    fn node(&mut self, n: Node) -> Node<'x> {
        Node {
            name: self.str(n.name),
            span: n.span,
            range: n.range,
        }
    }

    fn attr<T>(&mut self, a: Option<Attr<'_, T>>) -> Option<Attr<'x, T>> {
        a.map(|a| Attr {
            raw: self.str(a.raw),
            span: a.span,
            value: a.value,
        })
    }

    fn list<T, U>(&mut self, v: Vec<T>, mut f: impl FnMut(&mut Self, T) -> U) -> Vec<U> {
        // Sized as the piece's: the list of a large component's file sets is sized for all of
        // them (`Hooks::more_children`).
        let mut out = Vec::with_capacity(v.capacity());
        out.extend(v.into_iter().map(|x| f(self, x)));
        out
    }

    fn part(&mut self, p: Part) -> Part<'x> {
        Part {
            head_strays: self.list(p.head_strays, Self::stray),
            head_comments: self.list(p.head_comments, Self::comment),
            strays: self.list(p.strays, Self::stray),
            comments: self.list(p.comments, Self::comment),
            foreign: self.list(p.foreign, Self::foreign),
            components: self.list(p.components, Self::component),
            excludes: self.list(p.excludes, Self::exclude),
            mappings: self.list(p.mappings, Self::mapping),
            loose_dependencies: self.list(p.loose_dependencies, Self::dependency),
            file_sets: self.list(p.file_sets, Self::file_set),
            dependencies: self.list(p.dependencies, Self::dependency),
        }
    }

    fn stray(&mut self, s: Stray) -> Stray<'x> {
        Stray {
            kind: s.kind,
            name: self.str(s.name),
            parent: self.str(s.parent),
            span: s.span,
        }
    }

    fn comment(&mut self, c: Comment) -> Comment<'x> {
        Comment {
            text: self.str(c.text),
            span: c.span,
            next: c.next,
        }
    }

    fn foreign(&mut self, f: Foreign) -> Foreign<'x> {
        Foreign {
            node: self.node(f.node),
            namespace: self.opt(f.namespace),
        }
    }

    fn component(&mut self, c: Component) -> Component<'x> {
        Component {
            node: self.node(c.node),
            kind: c.kind,
            logical_path: self.attr(c.logical_path),
            name: self.attr(c.name),
            caption: self.attr(c.caption),
            restore_metadata: self.attr(c.restore_metadata),
            notify_on_backup_complete: self.attr(c.notify_on_backup_complete),
            selectable: self.attr(c.selectable),
            selectable_for_restore: self.attr(c.selectable_for_restore),
            flags: self.attr(c.flags),
            icon: self.attr(c.icon),
            file_sets: self.list(c.file_sets, Self::file_set),
            dependencies: self.list(c.dependencies, Self::dependency),
        }
    }

    fn file_set(&mut self, f: FileSet) -> FileSet<'x> {
        FileSet {
            node: self.node(f.node),
            kind: f.kind,
            path: self.attr(f.path),
            filespec: self.attr(f.filespec),
            recursive: self.attr(f.recursive),
            backup_type: self.attr(f.backup_type),
            alternate_path: self.attr(f.alternate_path),
        }
    }

    fn exclude(&mut self, e: Exclude) -> Exclude<'x> {
        Exclude {
            node: self.node(e.node),
            kind: e.kind,
            path: self.attr(e.path),
            filespec: self.attr(e.filespec),
            recursive: self.attr(e.recursive),
        }
    }

    fn mapping(&mut self, m: Mapping) -> Mapping<'x> {
        Mapping {
            node: self.node(m.node),
            parent: self.str(m.parent),
            path: self.attr(m.path),
            filespec: self.attr(m.filespec),
            recursive: self.attr(m.recursive),
            destination: self.attr(m.destination),
        }
    }

    fn dependency(&mut self, d: Dependency) -> Dependency<'x> {
        Dependency {
            node: self.node(d.node),
            writer_id: self.attr(d.writer_id),
            logical_path: self.attr(d.logical_path),
            component_name: self.attr(d.component_name),
        }
    }
}

//! The library's module graph is one-way, and the rules sit where `src/lib.rs` says they do.
//!
//! Every `src/**/*.rs` file of the library is read and scanned for the paths it names
//! (`crate::…`, `super::…`, `self::…`, `$crate::…`, in `use` lines and in code alike). Each
//! path is resolved to the deepest module it names, which gives the edges of the module
//! graph. The tests below then check the layering:
//!
//! - no cycles;
//! - nothing names the crate root (its re-exports hide which layer an item comes from);
//! - no rule file imports another rule file;
//! - only the registry (`src/rules/mod.rs`) names the rule groups;
//! - rule files import only the rule API, the rule metadata, the toolkit and the domain.
//!
//! A scanner that silently finds nothing would pass all of that, hence the unit tests of the
//! scanner at the end and the lower bounds on what the scan finds.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// A module path from the crate root; the root itself is empty.
type ModPath = Vec<String>;

fn show(m: &[String]) -> String {
    if m.is_empty() {
        "crate".to_owned()
    } else {
        m.join("::")
    }
}

/// A path as code names it from the root.
fn show_path(p: &[String]) -> String {
    std::iter::once("crate")
        .chain(p.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join("::")
}

// ----------------------------------------------------------------------------------------
// Lexer: just enough of Rust's to tell code from comments and literals.

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ident(String),
    PathSep,
    Open(char),
    Close(char),
    Punct(char),
    /// A string, char or number literal: its contents never name a module.
    Lit,
}

#[derive(Debug, Clone)]
struct Token {
    tok: Tok,
    line: usize,
}

fn is_ident_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

fn is_ident_continue(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

fn lex(src: &str) -> Vec<Token> {
    let c: Vec<char> = src.chars().collect();
    let at = |k: usize| c.get(k).copied().unwrap_or('\0');
    let mut out = Vec::new();
    let mut i = 0;
    let mut line = 1;
    // Advances over `c[from..to]`, counting the lines it spans.
    let count_lines = |from: usize, to: usize, line: &mut usize| {
        *line += c[from..to.min(c.len())]
            .iter()
            .filter(|&&x| x == '\n')
            .count();
    };
    // The index just past a (non-raw) string whose opening quote is at `open`.
    let string_end = |open: usize| {
        let mut k = open + 1;
        while k < c.len() {
            match c[k] {
                '\\' => k += 2,
                '"' => return k + 1,
                _ => k += 1,
            }
        }
        c.len()
    };
    // The index just past a raw string whose hashes start at `hashes`, or None if none is there.
    let raw_string_end = |hashes: usize| {
        let mut k = hashes;
        while at(k) == '#' {
            k += 1;
        }
        let n = k - hashes;
        if at(k) != '"' {
            return None;
        }
        k += 1;
        while k < c.len() {
            if c[k] == '"' && (1..=n).all(|h| at(k + h) == '#') {
                return Some(k + 1 + n);
            }
            k += 1;
        }
        Some(c.len())
    };
    // The index just past a char literal whose opening quote is at `open`, or None for a
    // lifetime or label.
    let char_end = |open: usize| {
        if at(open + 1) == '\\' {
            let mut k = open + 3;
            while k < c.len() && c[k] != '\'' {
                k += 1;
            }
            Some(k + 1)
        } else if at(open + 2) == '\'' {
            Some(open + 3)
        } else {
            None
        }
    };

    while i < c.len() {
        let ch = c[i];
        let start_line = line;
        let push = |out: &mut Vec<Token>, tok: Tok| {
            out.push(Token {
                tok,
                line: start_line,
            })
        };
        if ch.is_whitespace() {
            if ch == '\n' {
                line += 1;
            }
            i += 1;
        } else if ch == '/' && at(i + 1) == '/' {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if ch == '/' && at(i + 1) == '*' {
            // Block comments nest.
            let mut depth = 0;
            let start = i;
            while i < c.len() {
                if c[i] == '/' && at(i + 1) == '*' {
                    depth += 1;
                    i += 2;
                } else if c[i] == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            count_lines(start, i, &mut line);
        } else if ch == '"' {
            let end = string_end(i);
            count_lines(i, end, &mut line);
            i = end;
            push(&mut out, Tok::Lit);
        } else if ch == '\'' {
            match char_end(i) {
                Some(end) => {
                    i = end;
                    push(&mut out, Tok::Lit);
                }
                None => {
                    i += 1;
                    while i < c.len() && is_ident_continue(c[i]) {
                        i += 1;
                    }
                }
            }
        } else if ch.is_ascii_digit() {
            while i < c.len() && is_ident_continue(c[i]) {
                i += 1;
            }
            push(&mut out, Tok::Lit);
        } else if is_ident_start(ch) {
            let start = i;
            while i < c.len() && is_ident_continue(c[i]) {
                i += 1;
            }
            let word: String = c[start..i].iter().collect();
            let raw_prefix = matches!(word.as_str(), "r" | "br" | "cr");
            if raw_prefix && (at(i) == '"' || at(i) == '#') {
                if let Some(end) = raw_string_end(i) {
                    count_lines(i, end, &mut line);
                    i = end;
                    push(&mut out, Tok::Lit);
                    continue;
                }
            }
            if word == "r" && at(i) == '#' && is_ident_start(at(i + 1)) {
                // A raw identifier such as `r#type` names the module in `type.rs`.
                let s = i + 1;
                i = s;
                while i < c.len() && is_ident_continue(c[i]) {
                    i += 1;
                }
                push(&mut out, Tok::Ident(c[s..i].iter().collect()));
                continue;
            }
            if matches!(word.as_str(), "b" | "c") && at(i) == '"' {
                let end = string_end(i);
                count_lines(i, end, &mut line);
                i = end;
                push(&mut out, Tok::Lit);
                continue;
            }
            if word == "b" && at(i) == '\'' {
                if let Some(end) = char_end(i) {
                    i = end;
                    push(&mut out, Tok::Lit);
                    continue;
                }
            }
            push(&mut out, Tok::Ident(word));
        } else if ch == ':' && at(i + 1) == ':' {
            i += 2;
            push(&mut out, Tok::PathSep);
        } else {
            i += 1;
            let tok = match ch {
                '{' | '(' | '[' => Tok::Open(ch),
                '}' | ')' | ']' => Tok::Close(ch),
                _ => Tok::Punct(ch),
            };
            push(&mut out, tok);
        }
    }
    out
}

// ----------------------------------------------------------------------------------------
// Paths: `a::b::{c, d::{e, f}}` and its kin, to the module paths they name.

/// One path a file names, made absolute (from the crate root).
#[derive(Debug, Clone)]
struct Leaf {
    path: ModPath,
    line: usize,
    alias: Option<String>,
}

fn tok_at(toks: &[Token], j: usize) -> Option<&Tok> {
    toks.get(j).map(|t| &t.tok)
}

fn step(cur: &mut ModPath, seg: &str) {
    match seg {
        "super" => {
            cur.pop();
        }
        "self" => {}
        _ => cur.push(seg.to_owned()),
    }
}

/// The rest of a path whose segments so far are `cur`; `j` is just past the last of them.
/// Returns the index just past the path.
fn path_tail(
    toks: &[Token],
    mut j: usize,
    mut cur: ModPath,
    mut line: usize,
    out: &mut Vec<Leaf>,
) -> usize {
    while tok_at(toks, j) == Some(&Tok::PathSep) {
        match tok_at(toks, j + 1) {
            Some(Tok::Ident(s)) => {
                step(&mut cur, s);
                line = toks[j + 1].line;
                j += 2;
            }
            Some(Tok::Open('{')) => return group(toks, j + 2, &cur, out),
            Some(Tok::Punct('*')) => {
                out.push(Leaf {
                    path: cur,
                    line: toks[j + 1].line,
                    alias: None,
                });
                return j + 2;
            }
            // A turbofish or something else that is no longer a module path.
            _ => break,
        }
    }
    let mut alias = None;
    if let (Some(Tok::Ident(kw)), Some(Tok::Ident(a))) = (tok_at(toks, j), tok_at(toks, j + 1)) {
        if kw == "as" {
            alias = Some(a.clone());
            j += 2;
        }
    }
    out.push(Leaf {
        path: cur,
        line,
        alias,
    });
    j
}

/// The inside of `prefix::{…}`; `j` is just past the `{`. Returns the index past the `}`.
fn group(toks: &[Token], mut j: usize, prefix: &[String], out: &mut Vec<Leaf>) -> usize {
    loop {
        match tok_at(toks, j) {
            None | Some(Tok::Punct(';')) => return j,
            Some(Tok::Close('}')) => return j + 1,
            Some(Tok::Open('{')) => j = group(toks, j + 1, prefix, out),
            Some(Tok::Punct('*')) => {
                out.push(Leaf {
                    path: prefix.to_vec(),
                    line: toks[j].line,
                    alias: None,
                });
                j += 1;
            }
            Some(Tok::Ident(s)) => {
                let mut cur = prefix.to_vec();
                step(&mut cur, s);
                j = path_tail(toks, j + 1, cur, toks[j].line, out);
            }
            _ => j += 1,
        }
    }
}

// ----------------------------------------------------------------------------------------
// Scanning one file.

/// A path named in a file, before it is resolved against the module tree.
#[derive(Debug, Clone)]
struct RawRef {
    line: usize,
    path: ModPath,
    /// Inside `#[cfg(test)]` code of this file.
    test: bool,
}

#[derive(Debug, Default)]
struct FileScan {
    refs: Vec<RawRef>,
    /// Inline modules (`mod x { … }`), absolute.
    inline_mods: Vec<ModPath>,
    /// File modules declared under `#[cfg(test)]` (`#[cfg(test)] mod x;`), absolute.
    test_mods: Vec<ModPath>,
    /// File modules declared here (`mod x;`), absolute.
    declared: Vec<ModPath>,
    /// `#![cfg(test)]` at the top of the file.
    file_is_test: bool,
}

fn is_cfg_test(attr: &[Token]) -> bool {
    let ident = |s: &str| attr.iter().any(|t| t.tok == Tok::Ident(s.to_owned()));
    tok_at(attr, 0) == Some(&Tok::Ident("cfg".to_owned())) && ident("test") && !ident("not")
}

/// The index of the delimiter closing the one opened at `open`.
fn matching(toks: &[Token], open: usize) -> usize {
    let mut depth = 0usize;
    for (k, t) in toks.iter().enumerate().skip(open) {
        match t.tok {
            Tok::Open(_) => depth += 1,
            Tok::Close(_) => {
                depth -= 1;
                if depth == 0 {
                    return k;
                }
            }
            _ => {}
        }
    }
    toks.len()
}

/// If an attribute (`#[…]` or `#![…]`) starts at `i`: whether it is inner, and the range of
/// its contents.
fn attribute_at(toks: &[Token], i: usize) -> Option<(bool, usize, usize)> {
    if tok_at(toks, i) != Some(&Tok::Punct('#')) {
        return None;
    }
    let inner = tok_at(toks, i + 1) == Some(&Tok::Punct('!'));
    let open = if inner { i + 2 } else { i + 1 };
    if tok_at(toks, open) != Some(&Tok::Open('[')) {
        return None;
    }
    Some((inner, open + 1, matching(toks, open)))
}

/// Scans the file of module `module`.
fn scan(src: &str, module: &[String]) -> FileScan {
    let toks = lex(src);
    let mut scan = FileScan::default();
    // Depth in delimiters of all kinds; they balance in any file that compiles.
    let mut depth = 0usize;
    // The inline modules open here, with the depth of their contents.
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut pending_inline: Option<(usize, String)> = None;
    // The item `#[cfg(test)]` applies to: where it starts, then the depth it started at.
    let mut test_start: Option<usize> = None;
    let mut test_item: Option<usize> = None;
    let current = |inline: &[(String, usize)]| -> ModPath {
        let mut m = module.to_vec();
        m.extend(inline.iter().map(|(n, _)| n.clone()));
        m
    };

    let mut i = 0;
    while i < toks.len() {
        if test_start == Some(i) && test_item.is_none() {
            test_item = Some(depth);
        }
        let in_test = scan.file_is_test || test_item.is_some();
        let t = &toks[i];
        let mut next = i + 1;
        match &t.tok {
            Tok::Punct('#') => {
                if let Some((inner, from, to)) = attribute_at(&toks, i) {
                    if is_cfg_test(&toks[from..to]) {
                        if !inner {
                            // The item starts after this attribute and any that follow it.
                            let mut k = to + 1;
                            while let Some((_, _, end)) = attribute_at(&toks, k) {
                                k = end + 1;
                            }
                            test_start = Some(k);
                        } else if depth == 0 {
                            scan.file_is_test = true;
                        } else if test_item.is_none() {
                            // `#![cfg(test)]` inside `mod x { … }`: the rest of that block.
                            test_item = Some(depth - 1);
                        }
                    }
                }
            }
            Tok::Ident(kw) if kw == "mod" => {
                if let Some(Tok::Ident(name)) = tok_at(&toks, i + 1) {
                    let mut path = current(&inline);
                    path.push(name.clone());
                    match tok_at(&toks, i + 2) {
                        Some(Tok::Punct(';')) => {
                            if in_test {
                                scan.test_mods.push(path.clone());
                            }
                            scan.declared.push(path);
                        }
                        Some(Tok::Open('{')) => {
                            pending_inline = Some((i + 2, name.clone()));
                            scan.inline_mods.push(path);
                        }
                        _ => {}
                    }
                }
            }
            Tok::Ident(kw)
                if matches!(kw.as_str(), "crate" | "self" | "super")
                    && tok_at(&toks, i + 1) == Some(&Tok::PathSep) =>
            {
                let mut start = current(&inline);
                match kw.as_str() {
                    "crate" => start.clear(),
                    "super" => {
                        start.pop();
                    }
                    _ => {}
                }
                let mut leaves = Vec::new();
                next = path_tail(&toks, i + 1, start, t.line, &mut leaves);
                scan.refs.extend(leaves.into_iter().map(|l| RawRef {
                    line: l.line,
                    path: l.path,
                    test: in_test,
                }));
            }
            Tok::Open(_) => {
                depth += 1;
                if let Some((at, name)) = pending_inline.take() {
                    if at == i {
                        inline.push((name, depth));
                    }
                }
            }
            Tok::Close(_) => {
                if inline.last().is_some_and(|&(_, d)| d == depth) {
                    inline.pop();
                }
                depth = depth.saturating_sub(1);
            }
            _ => {}
        }
        if let Some(d) = test_item {
            let ends = match t.tok {
                Tok::Punct(';') => depth == d,
                Tok::Close('}') => depth <= d,
                Tok::Close(_) => depth < d,
                _ => false,
            };
            if ends {
                test_item = None;
                test_start = None;
            }
        }
        i = next;
    }
    scan
}

/// The items `src/lib.rs` re-exports, by the name they have at the root, with the path of
/// the module they come from: for the advice given to code that imports them from the root.
fn root_reexports(src: &str) -> BTreeMap<String, ModPath> {
    let toks = lex(src);
    let mut out = BTreeMap::new();
    for i in 0..toks.len() {
        let is = |k: usize, s: &str| tok_at(&toks, k) == Some(&Tok::Ident(s.to_owned()));
        if !(is(i, "pub") && is(i + 1, "use")) {
            continue;
        }
        let mut leaves = Vec::new();
        if let Some(Tok::Ident(first)) = tok_at(&toks, i + 2) {
            let mut start = Vec::new();
            step(&mut start, first);
            path_tail(&toks, i + 3, start, toks[i].line, &mut leaves);
        }
        for mut leaf in leaves {
            if let Some(item) = leaf.path.pop() {
                out.insert(leaf.alias.unwrap_or(item), leaf.path);
            }
        }
    }
    out
}

// ----------------------------------------------------------------------------------------
// The module graph.

/// A reference from one module to another.
#[derive(Debug, Clone)]
struct Edge {
    from: ModPath,
    to: ModPath,
    /// `src/…`, relative to the package.
    file: String,
    line: usize,
    /// The path as named, made absolute.
    path: ModPath,
    /// In `#[cfg(test)]` code.
    test: bool,
}

impl Edge {
    fn at(&self) -> String {
        format!("{}:{}: `{}`", self.file, self.line, show_path(&self.path))
    }
}

struct Graph {
    /// Every module of the library that is a file, with that file.
    files: BTreeMap<ModPath, String>,
    /// Every module, files and inline ones, with the file module it belongs to.
    owner: BTreeMap<ModPath, ModPath>,
    edges: Vec<Edge>,
    root_reexports: BTreeMap<String, ModPath>,
}

fn rs_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rs_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module a file is, from its path under `src/`: `a.rs` and `a/mod.rs` are `a`,
/// `a/b.rs` is `a::b`, `lib.rs` is the root.
fn module_of_file(rel: &Path) -> ModPath {
    let mut m: ModPath = rel
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if m.last().is_some_and(|l| l == "mod") || m == ["lib"] {
        m.pop();
    }
    m
}

/// The deepest module `path` names.
fn resolve<'a>(path: &[String], modules: &'a BTreeMap<ModPath, ModPath>) -> &'a ModPath {
    (0..=path.len())
        .rev()
        .find_map(|n| modules.get_key_value(&path[..n]).map(|(k, _)| k))
        .expect("the crate root is a module")
}

fn build_graph() -> Graph {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let src = root.join("src");
    let mut paths = Vec::new();
    rs_files(&src, &mut paths);
    paths.sort();

    // `src/main.rs` is the root of the binary crate, and the modules it declares (`cli`)
    // belong to that crate. Its `vsslint::` paths name the library as an external crate,
    // which cannot be part of a cycle of the library's modules, so the binary is left out.
    let main = std::fs::read_to_string(src.join("main.rs")).expect("src/main.rs");
    let binary: BTreeSet<String> = scan(&main, &[])
        .declared
        .into_iter()
        .map(|m| m[0].clone())
        .collect();

    let mut files = BTreeMap::new();
    let mut scans = Vec::new();
    for path in &paths {
        let rel = path.strip_prefix(&src).unwrap();
        let module = module_of_file(rel);
        if module == ["main"] || module.first().is_some_and(|f| binary.contains(f)) {
            continue;
        }
        let text = std::fs::read_to_string(path).unwrap();
        let display = format!("src/{}", rel.to_string_lossy().replace('\\', "/"));
        let scanned = scan(&text, &module);
        files.insert(module.clone(), display.clone());
        scans.push((module, display, text, scanned));
    }

    let mut owner: BTreeMap<ModPath, ModPath> =
        files.keys().map(|m| (m.clone(), m.clone())).collect();
    let mut test_mods = BTreeSet::new();
    for (module, _, _, s) in &scans {
        for m in &s.inline_mods {
            owner.insert(m.clone(), module.clone());
        }
        test_mods.extend(s.test_mods.iter().cloned());
        if s.file_is_test {
            test_mods.insert(module.clone());
        }
    }

    let mut edges = Vec::new();
    let mut root_reexports = BTreeMap::new();
    for (module, file, text, s) in &scans {
        if module.is_empty() {
            // The root re-exports from every layer: its own edges say nothing about the
            // layering, and the edges into it are checked on their own.
            root_reexports = self::root_reexports(text);
            continue;
        }
        let module_is_test = (1..=module.len()).any(|n| test_mods.contains(&module[..n]));
        for r in &s.refs {
            let target = resolve(&r.path, &owner);
            let to = owner[target].clone();
            if &to == module {
                continue;
            }
            edges.push(Edge {
                from: module.clone(),
                to,
                file: file.clone(),
                line: r.line,
                path: r.path.clone(),
                test: r.test || module_is_test,
            });
        }
    }
    Graph {
        files,
        owner,
        edges,
        root_reexports,
    }
}

fn graph() -> &'static Graph {
    static GRAPH: OnceLock<Graph> = OnceLock::new();
    GRAPH.get_or_init(build_graph)
}

/// The strongly connected components of more than one module (Tarjan's algorithm).
fn cycles(nodes: &[ModPath], edges: &[Edge]) -> Vec<Vec<ModPath>> {
    let index: BTreeMap<&ModPath, usize> = nodes.iter().enumerate().map(|(i, m)| (m, i)).collect();
    let mut succ = vec![BTreeSet::new(); nodes.len()];
    for e in edges {
        succ[index[&e.from]].insert(index[&e.to]);
    }

    struct State<'a> {
        succ: &'a [BTreeSet<usize>],
        next: usize,
        index: Vec<Option<usize>>,
        low: Vec<usize>,
        stack: Vec<usize>,
        on_stack: Vec<bool>,
        out: Vec<Vec<usize>>,
    }
    fn visit(s: &mut State, v: usize) {
        s.index[v] = Some(s.next);
        s.low[v] = s.next;
        s.next += 1;
        s.stack.push(v);
        s.on_stack[v] = true;
        for &w in s.succ[v].clone().iter() {
            match s.index[w] {
                None => {
                    visit(s, w);
                    s.low[v] = s.low[v].min(s.low[w]);
                }
                Some(iw) if s.on_stack[w] => s.low[v] = s.low[v].min(iw),
                Some(_) => {}
            }
        }
        if Some(s.low[v]) == s.index[v] {
            let mut scc = Vec::new();
            loop {
                let w = s.stack.pop().unwrap();
                s.on_stack[w] = false;
                scc.push(w);
                if w == v {
                    break;
                }
            }
            if scc.len() > 1 {
                s.out.push(scc);
            }
        }
    }

    let n = nodes.len();
    let mut s = State {
        succ: &succ,
        next: 0,
        index: vec![None; n],
        low: vec![0; n],
        stack: Vec::new(),
        on_stack: vec![false; n],
        out: Vec::new(),
    };
    for v in 0..n {
        if s.index[v].is_none() {
            visit(&mut s, v);
        }
    }
    s.out
        .into_iter()
        .map(|scc| {
            let mut c: Vec<ModPath> = scc.into_iter().map(|i| nodes[i].clone()).collect();
            c.sort();
            c
        })
        .collect()
}

// ----------------------------------------------------------------------------------------
// The layering.

/// The rule file a module is or is inside: `rules::<group>::<name>`.
fn rule_file(m: &[String]) -> Option<&[String]> {
    (m.len() >= 3 && m[0] == "rules").then(|| &m[..3])
}

/// The rule group a module is or is inside: `rules::<group>`.
fn rule_group(m: &[String]) -> Option<&[String]> {
    (m.len() >= 2 && m[0] == "rules").then(|| &m[..2])
}

/// What rule files may import, besides their own file.
const RULE_FILE_IMPORTS: &[&str] = &[
    "rule_api",
    "rule_meta",
    "toolkit",
    "model",
    "flags",
    "vocab",
    "os",
    "inbox",
    "span",
    "diagnostic",
    "settings",
];

/// What rule files may import in `#[cfg(test)]` code only.
const RULE_FILE_TEST_IMPORTS: &[&str] = &["parse"];

/// Fails with `rule`, every offending reference and `fix`, if there are any.
fn check(rule: &str, fix: &str, offences: Vec<String>) {
    if offences.is_empty() {
        return;
    }
    let mut msg = format!("layering rule broken: {rule}\n");
    for o in &offences {
        let _ = writeln!(msg, "  {o}");
    }
    let _ = write!(
        msg,
        "fix: {fix}\n(the layers are listed in src/lib.rs; this check is tests/architecture.rs)"
    );
    panic!("{msg}");
}

#[test]
fn the_scan_sees_the_whole_library() {
    let g = graph();
    let distinct: BTreeSet<(&ModPath, &ModPath)> =
        g.edges.iter().map(|e| (&e.from, &e.to)).collect();
    println!(
        "{} file modules, {} inline modules, {} references between modules, {} distinct edges",
        g.files.len(),
        g.owner.len() - g.files.len(),
        g.edges.len(),
        distinct.len()
    );
    assert!(
        g.files.len() > 150,
        "only {} modules found: is the scan broken?",
        g.files.len()
    );
    assert!(
        distinct.len() > 200,
        "only {} edges found: is the scan broken?",
        distinct.len()
    );
    for layer in [
        "rule_api",
        "rule_meta",
        "toolkit",
        "rules",
        "engine",
        "pipeline",
        "report",
        "run",
    ] {
        assert!(
            g.owner.contains_key(&vec![layer.to_owned()]),
            "module `{layer}` not found: is the scan broken?"
        );
    }
    assert!(
        g.edges.iter().any(|e| e.test),
        "no test code found: is the #[cfg(test)] tracking broken?"
    );
}

#[test]
fn the_module_graph_has_no_cycles() {
    let g = graph();
    let nodes: Vec<ModPath> = g.files.keys().cloned().collect();
    let offences = cycles(&nodes, &g.edges)
        .into_iter()
        .map(|scc| {
            let members: BTreeSet<&ModPath> = scc.iter().collect();
            let mut o = format!(
                "cycle between {}:",
                scc.iter()
                    .map(|m| format!("`{}`", show(m)))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            for e in &g.edges {
                if members.contains(&e.from) && members.contains(&e.to) {
                    let _ = write!(
                        o,
                        "\n    {} -> {} at {}",
                        show(&e.from),
                        show(&e.to),
                        e.at()
                    );
                }
            }
            o
        })
        .collect();
    check(
        "the module graph must be one-way (no cycles)",
        "of each cycle, find the edge that points up a layer (a lower module naming a higher one) \
         and move what it needs down into the lower layer, or pass it in from above",
        offences,
    );
}

#[test]
fn nothing_imports_the_crate_root() {
    let g = graph();
    let offences = g
        .edges
        .iter()
        .filter(|e| e.to.is_empty())
        .map(|e| {
            let instead = match e
                .path
                .first()
                .and_then(|i| Some((i, g.root_reexports.get(i)?)))
            {
                Some((item, m)) => format!("; use `crate::{}::{item}`", show(m)),
                None => String::new(),
            };
            format!("{} in `{}`{instead}", e.at(), show(&e.from))
        })
        .collect();
    check(
        "no module imports through the crate root (src/lib.rs)",
        "use the module path, not the crate root's re-export: lib.rs re-exports from every layer, \
         so `crate::Item` hides which layer it comes from (and makes every module depend on all \
         of them); name the defining module, e.g. `crate::rule_meta::Severity`",
        offences,
    );
}

#[test]
fn rule_files_do_not_import_each_other() {
    let g = graph();
    let offences = g
        .edges
        .iter()
        .filter_map(|e| {
            let (from, to) = (rule_file(&e.from)?, rule_file(&e.to)?);
            (from != to).then(|| {
                format!(
                    "{}: rule `{}` imports rule `{}`",
                    e.at(),
                    show(from),
                    show(to)
                )
            })
        })
        .collect();
    check(
        "no rule file imports another rule file",
        "move what both rules need into a module of src/toolkit/ (the shared rule toolkit) and \
         import it from there in both",
        offences,
    );
}

#[test]
fn only_the_registry_names_the_rule_groups() {
    let g = graph();
    let offences = g
        .edges
        .iter()
        .filter_map(|e| {
            let to = rule_group(&e.to)?;
            let outside = e.from.first().is_none_or(|f| f != "rules");
            let other_group = e.from.len() == 2 && rule_group(&e.from).is_some_and(|f| f != to);
            (outside || other_group).then(|| {
                format!(
                    "{}: `{}` reaches into rule group `{}`",
                    e.at(),
                    show(&e.from),
                    show(to)
                )
            })
        })
        .collect();
    check(
        "only the registry (src/rules/mod.rs) names the rule groups",
        "reach the rules through the registry's API (`crate::rules::Registry`, `Stage`, `all`, \
         `find`); if that lacks something, add it to src/rules/mod.rs",
        offences,
    );
}

#[test]
fn rule_files_import_only_the_rule_api_toolkit_and_domain() {
    let g = graph();
    let offences = g
        .edges
        .iter()
        .filter_map(|e| {
            rule_file(&e.from)?;
            // Edges to other rule files fail their own test.
            if rule_file(&e.to).is_some() {
                return None;
            }
            // Naming the root fails its own test too, but fixing that by naming the module
            // re-exported from must not trade it for an import this test forbids.
            let (to, through_root) = if e.to.is_empty() {
                (
                    g.root_reexports.get(e.path.first()?)?,
                    " (through the crate root)",
                )
            } else {
                (&e.to, "")
            };
            let layer = to.first()?.as_str();
            let allowed = RULE_FILE_IMPORTS.contains(&layer)
                || (e.test && RULE_FILE_TEST_IMPORTS.contains(&layer));
            (!allowed).then(|| {
                let why = if RULE_FILE_TEST_IMPORTS.contains(&layer) {
                    " (allowed only in #[cfg(test)] code)"
                } else {
                    ""
                };
                format!(
                    "{}: `{}` imports `{}`{through_root}{why}",
                    e.at(),
                    show(&e.from),
                    show(to)
                )
            })
        })
        .collect();
    check(
        "rule files import only the rule API, rule metadata, toolkit and domain modules",
        &format!(
            "a rule file may name `crate::{{{}}}` (and `crate::{}` in tests); what a rule needs \
             from a layer above belongs in the rule API (src/rule_api.rs) or the toolkit \
             (src/toolkit/); whole-pipeline tests of a rule belong in tests/ or use \
             `crate::toolkit::testing`",
            RULE_FILE_IMPORTS.join(", "),
            RULE_FILE_TEST_IMPORTS.join(", ")
        ),
        offences,
    );
}

// ----------------------------------------------------------------------------------------
// The scanner itself.

fn paths_in(src: &str, module: &[&str]) -> Vec<String> {
    let module: ModPath = module.iter().map(|s| s.to_string()).collect();
    scan(src, &module)
        .refs
        .into_iter()
        .map(|r| show(&r.path))
        .collect()
}

#[test]
fn scanner_ignores_comments_and_literals() {
    let src = r####"
        // crate::a::line_comment
        /// crate::a::doc_comment
        /* crate::a::block /* nested crate::a::inner */ crate::a::still_comment */
        const S: &str = "crate::a::string { \" crate::a::escaped";
        const R: &str = r#"crate::a::raw { "quoted" } <x>"#;
        const B: &[u8] = br##"crate::a::raw_bytes "# {"##;
        const C: char = '{';
        const Q: char = '\'';
        fn f<'a>(x: &'a str) -> &'a str { x }
        mod inner { pub fn g() { super::h() } }
    "####;
    assert_eq!(paths_in(src, &["m"]), ["m::h"]);
}

#[test]
fn scanner_finds_paths_in_expressions() {
    let src = "fn f() -> bool { crate::rules::fs::fsbt_format::decimal_hint(1) && \
               $crate::x::y::<u8>() && self::z::W { a: 1 }.ok() }";
    assert_eq!(
        paths_in(src, &["m"]),
        ["rules::fs::fsbt_format::decimal_hint", "x::y", "m::z::W"]
    );
}

#[test]
fn scanner_expands_grouped_uses() {
    let src = "use crate::{a::{b, c as cc}, d};\nuse super::{x, y::{self, *}};";
    assert_eq!(
        paths_in(src, &["p", "q"]),
        ["a::b", "a::c", "d", "p::x", "p::y", "p::y"]
    );
}

#[test]
fn scanner_resolves_super_in_inline_modules_to_the_file_module() {
    let src = "const S: &str = r#\"}\"#;\n#[cfg(test)]\nmod tests {\n    use super::*;\n    fn t() { super::helper(); }\n}\nuse super::after;";
    let s = scan(src, &["a".to_owned(), "b".to_owned()]);
    let found: Vec<(String, usize, bool)> = s
        .refs
        .iter()
        .map(|r| (show(&r.path), r.line, r.test))
        .collect();
    assert_eq!(
        found,
        [
            ("a::b".to_owned(), 4, true),
            ("a::b::helper".to_owned(), 5, true),
            ("a::after".to_owned(), 7, false)
        ]
    );
    assert_eq!(
        s.inline_mods,
        [vec!["a".to_owned(), "b".to_owned(), "tests".to_owned()]]
    );
}

#[test]
fn scanner_tracks_cfg_test_items_and_declarations() {
    let src = "#[cfg(test)]\n#[allow(dead_code)]\npub(crate) mod testing;\nmod real;\n\
               #[cfg(test)]\nfn t() -> [u8; 2] { crate::parse::x(); [0; 2] }\nfn u() { crate::parse::y(); }";
    let s = scan(src, &["t".to_owned()]);
    assert_eq!(s.test_mods, [vec!["t".to_owned(), "testing".to_owned()]]);
    assert_eq!(s.declared.len(), 2);
    let tests: Vec<bool> = s.refs.iter().map(|r| r.test).collect();
    assert_eq!(tests, [true, false]);
}

#[test]
fn resolution_stops_at_the_deepest_module() {
    let owner: BTreeMap<ModPath, ModPath> = [
        vec![],
        vec!["a".to_owned()],
        vec!["a".to_owned(), "b".to_owned()],
    ]
    .into_iter()
    .map(|m| (m.clone(), m))
    .collect();
    let p = |s: &str| -> ModPath {
        s.split("::")
            .filter(|x| !x.is_empty())
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(resolve(&p("a::b::Item"), &owner), &p("a::b"));
    assert_eq!(resolve(&p("a::Item"), &owner), &p("a"));
    assert_eq!(resolve(&p("Settings"), &owner), &p(""));
}

#[test]
fn root_reexports_map_names_to_their_modules() {
    let r = root_reexports(
        "pub use rules::{all as all_rules, find};\npub use rule_meta::Severity;\nmod x;",
    );
    assert_eq!(r["all_rules"], ["rules"]);
    assert_eq!(r["find"], ["rules"]);
    assert_eq!(r["Severity"], ["rule_meta"]);
}

#[test]
fn cycles_are_found_and_one_way_graphs_pass() {
    let m = |s: &str| -> ModPath { vec![s.to_owned()] };
    let edge = |a: &str, b: &str| Edge {
        from: m(a),
        to: m(b),
        file: String::new(),
        line: 0,
        path: m(b),
        test: false,
    };
    let nodes = [m("a"), m("b"), m("c"), m("d")];
    let one_way = [
        edge("a", "b"),
        edge("b", "c"),
        edge("a", "c"),
        edge("d", "c"),
    ];
    assert!(cycles(&nodes, &one_way).is_empty());
    let looped = [
        edge("a", "b"),
        edge("b", "c"),
        edge("c", "a"),
        edge("d", "c"),
    ];
    assert_eq!(cycles(&nodes, &looped), [vec![m("a"), m("b"), m("c")]]);
}

// ----------------------------------------------------------------------------------------
// Containers have one entrance.

/// The code of a source file without its comments and its `#[cfg(test)] mod tests`: what
/// decides behaviour.
fn code_of(src: &str) -> String {
    let src = match src.find("#[cfg(test)]\nmod tests") {
        Some(at) => &src[..at],
        None => src,
    };
    src.lines()
        .map(|l| {
            let t = l.trim_start();
            if t.starts_with("//") {
                ""
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Where `code` tests a file name's extension: `.extension()`, `ends_with(".…")`, or a string
/// literal that is an extension and nothing else (`".cab"`).
fn extension_tests(code: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (n, line) in code.lines().enumerate() {
        let literal = line.split('"').skip(1).step_by(2).any(|s| {
            s.len() >= 2
                && s.len() <= 6
                && s.starts_with('.')
                && s[1..].bytes().all(|b| b.is_ascii_alphanumeric())
        });
        if line.contains(".extension(") || line.contains("ends_with(\".") || literal {
            found.push(format!("line {}: {}", n + 1, line.trim()));
        }
    }
    found
}

#[test]
fn no_rule_tests_a_file_name_extension() {
    let mut files = Vec::new();
    rs_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules"),
        &mut files,
    );
    let offences: Vec<String> = files
        .iter()
        .flat_map(|f| {
            let code = code_of(&std::fs::read_to_string(f).unwrap());
            extension_tests(&code)
                .into_iter()
                .map(move |o| format!("{}: {o}", f.display()))
        })
        .collect();
    check(
        "no rule decides by a file name's extension",
        "what an input is comes from crate::container (its bytes), and reaches rules as \
         `Facts::origin`; test that instead",
        offences,
    );
}

#[test]
fn the_extension_check_finds_planted_tests() {
    for planted in [
        "let cab = set.name.to_ascii_lowercase().ends_with(\".cab\");",
        "if path.extension() == Some(\"xml\") {}",
        "const EXT: &str = \".CAB\";",
    ] {
        assert_eq!(extension_tests(planted).len(), 1, "{planted}");
    }
    for fine in [
        "// ends_with(\".cab\") in a comment",
        "what: \"DiskShadow's `Manifest.xml` lists them\",",
    ] {
        assert!(extension_tests(&code_of(fine)).is_empty(), "{fine}");
    }
}

/// Where `code` opens a cabinet: the cabinet reader, or its magic number.
fn cabinet_openings(code: &str) -> Vec<String> {
    code.lines()
        .enumerate()
        .filter(|(_, l)| l.contains("read_cab") || l.contains("MSCF"))
        .map(|(n, l)| format!("line {}: {}", n + 1, l.trim()))
        .collect()
}

#[test]
fn only_the_container_entrance_opens_cabinets() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rs_files(&src, &mut files);
    let offences: Vec<String> = files
        .iter()
        .filter(|f| {
            let rel = f.strip_prefix(&src).unwrap();
            // The library's public API re-exports the reader for its own users.
            !rel.starts_with("container") && rel != Path::new("lib.rs")
        })
        .flat_map(|f| {
            let code = code_of(&std::fs::read_to_string(f).unwrap());
            cabinet_openings(&code)
                .into_iter()
                .map(move |o| format!("{}: {o}", f.display()))
        })
        .collect();
    check(
        "only crate::container opens a cabinet",
        "open inputs with container::open, which says what the bytes hold",
        offences,
    );
}

#[test]
fn the_cabinet_check_finds_planted_openings() {
    assert_eq!(
        cabinet_openings("let linted = if bytes.starts_with(b\"MSCF\") {").len(),
        1
    );
    assert_eq!(
        cabinet_openings("for e in vsslint::read_cab(&b, &l)? {").len(),
        1
    );
}

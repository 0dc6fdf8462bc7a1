//! The module graph is one-way, and the rules sit where the linter's `lib.rs` says they do.
//!
//! Cargo keeps the workspace's crates one-way (model and containers, then the linter, then the
//! `vsslint` package); this test keeps what Cargo cannot see, inside each crate. The package's
//! library and the library crates are read as one tree (see [`real`]), its binary on its own,
//! as Rust (with `syn`), from their roots (`src/lib.rs`, `src/main.rs`) through every `mod`
//! they declare. Every path a module names, in `use` trees,
//! expressions, types, patterns and macros, is resolved against that module tree: `crate::`,
//! `$crate::`, `self::`, `super::`, and a bare first segment that is a child module of the
//! current module, a name its `use`s bring in, or a name one of its glob imports brings in
//! (`inputs::read_file` in `run/mod.rs` is `run::inputs`). Each path then points at the deepest
//! module it names, which gives the edges of the graph. The tests below check:
//!
//! - no cycles, in either crate (but for the back-arrows listed in `KNOWN_BACK_ARROWS`);
//! - nothing names the library's root (its re-exports hide which layer an item comes from);
//! - no rule file imports another rule file;
//! - only the registry (`src/rules/mod.rs`) names the rule groups (`compat/` among them);
//! - rule files import only the rule API, the rule metadata, the toolkit and the domain;
//! - no rule tests a file name's extension, and only `container` opens a cabinet.
//!
//! Every check reads a `Sources` map, so the tests at the end plant violations in small
//! trees held in memory and see them fail; a scan that silently finds nothing would pass, hence
//! also the lower bounds on what the scan of the real tree finds.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;
use std::sync::OnceLock;

use proc_macro2::{Spacing, TokenStream, TokenTree};
use syn::visit::{self, Visit};

/// A module path from the crate root; the root itself is empty.
type ModPath = Vec<String>;

/// Source files by their path in the package (`src/run/mod.rs`).
type Sources = BTreeMap<String, String>;

fn show(m: &[String]) -> String {
    if m.is_empty() {
        "crate".to_owned()
    } else {
        m.join("::")
    }
}

fn mod_path(s: &str) -> ModPath {
    s.split("::")
        .filter(|x| !x.is_empty() && *x != "crate")
        .map(str::to_owned)
        .collect()
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

// ----------------------------------------------------------------------------------------
// Reading a crate: its modules, and the paths each names.

#[derive(Debug, Default)]
struct Module {
    /// The file it is written in.
    file: String,
    /// The file module it is or is inside.
    owner: ModPath,
    children: BTreeSet<String>,
    /// The names its `use`s bring in, with the path as written.
    uses: BTreeMap<String, Vec<String>>,
    /// The paths of its glob imports, as written.
    globs: Vec<Vec<String>>,
    /// Compiled for tests only (`#[cfg(test)]` on it or an ancestor).
    test: bool,
}

/// A path as a module names it, before it is resolved.
#[derive(Debug, Clone)]
struct Named {
    module: ModPath,
    /// Its segments as written: `crate`, `$crate`, `self`, `super` or a name first.
    segs: Vec<String>,
    line: usize,
    /// In `#[cfg(test)]` code.
    test: bool,
}

#[derive(Debug, Default)]
struct Crate {
    modules: BTreeMap<ModPath, Module>,
    named: Vec<Named>,
    /// The files of declared modules that do not exist, read as empty.
    missing: Vec<String>,
}

fn ident(i: &proc_macro2::Ident) -> String {
    let s = i.to_string();
    s.strip_prefix("r#").map(str::to_owned).unwrap_or(s)
}

fn line_of(i: &proc_macro2::Ident) -> usize {
    i.span().start().line
}

fn is_cfg_test(attr: &syn::Attribute) -> bool {
    let syn::Meta::List(list) = &attr.meta else {
        return false;
    };
    let text = list.tokens.to_string();
    let mut words = text.split(|c: char| !c.is_alphanumeric() && c != '_');
    list.path.is_ident("cfg") && words.clone().any(|w| w == "test") && !words.any(|w| w == "not")
}

/// Walks one file module and the inline modules in it.
struct Scanner<'a> {
    krate: &'a mut Crate,
    file: String,
    owner: ModPath,
    module: ModPath,
    /// How many `#[cfg(test)]` items (or test modules) the walk is inside.
    test: usize,
    /// The file modules declared here (`mod x;`), and whether they are test code.
    declared: Vec<(ModPath, bool)>,
}

impl Scanner<'_> {
    fn name(&mut self, segs: Vec<String>, line: usize) {
        self.krate.named.push(Named {
            module: self.module.clone(),
            segs,
            line,
            test: self.test > 0,
        });
    }

    fn use_tree(&mut self, prefix: &mut Vec<String>, tree: &syn::UseTree) {
        let module = self.krate.modules.get_mut(&self.module).unwrap();
        let (id, name) = match tree {
            syn::UseTree::Path(p) => {
                prefix.push(ident(&p.ident));
                self.use_tree(prefix, &p.tree);
                prefix.pop();
                return;
            }
            syn::UseTree::Group(g) => return g.items.iter().for_each(|t| self.use_tree(prefix, t)),
            syn::UseTree::Glob(g) => {
                module.globs.push(prefix.clone());
                return self.name(prefix.clone(), g.star_token.span.start().line);
            }
            syn::UseTree::Name(n) => (&n.ident, &n.ident),
            syn::UseTree::Rename(r) => (&r.ident, &r.rename),
        };
        let mut path = prefix.clone();
        if id != "self" {
            path.push(ident(id));
        }
        let binding = if name == "self" {
            prefix.last().cloned()
        } else {
            Some(ident(name))
        };
        if let Some(b) = binding.filter(|b| b != "_") {
            module.uses.insert(b, path.clone());
        }
        self.name(path, line_of(id));
    }

    /// The paths in a macro's tokens, which `syn` leaves unparsed: every `a::b…` sequence, and
    /// `use` items whole. A `macro_rules!` body expands where it is called, so only its
    /// `$crate::` and `crate::` paths say anything about the module that defines it.
    fn tokens(&mut self, ts: TokenStream, macro_rules: bool) {
        let tts: Vec<TokenTree> = ts.into_iter().collect();
        let punct =
            |k: usize, c: char| matches!(tts.get(k), Some(TokenTree::Punct(p)) if p.as_char() == c);
        let sep = |k: usize| {
            matches!(tts.get(k), Some(TokenTree::Punct(p)) if p.as_char() == ':' && p.spacing() == Spacing::Joint)
                && punct(k + 1, ':')
        };
        let mut i = 0;
        while i < tts.len() {
            let TokenTree::Ident(id) = &tts[i] else {
                if let TokenTree::Group(g) = &tts[i] {
                    self.tokens(g.stream(), macro_rules);
                }
                i += 1;
                continue;
            };
            if id == "use" && !macro_rules {
                if let Some(end) = (i..tts.len()).find(|&k| punct(k, ';')) {
                    let item: TokenStream = tts[i..=end].iter().cloned().collect();
                    if let Ok(u) = syn::parse2::<syn::ItemUse>(item) {
                        self.visit_item_use(&u);
                        i = end + 1;
                        continue;
                    }
                }
            }
            let mut segs = vec![ident(id)];
            let mut k = i + 1;
            while sep(k) {
                match tts.get(k + 2) {
                    Some(TokenTree::Ident(next)) => segs.push(ident(next)),
                    _ => break,
                }
                k += 3;
            }
            let dollar = i > 0 && punct(i - 1, '$');
            let continues = i >= 2 && sep(i - 2);
            if dollar && segs[0] == "crate" {
                segs[0] = "$crate".to_owned();
            }
            let first = segs[0].as_str();
            let counts = if macro_rules {
                first == "$crate" || (first == "crate" && !dollar)
            } else {
                !dollar
            };
            if segs.len() >= 2 && !continues && counts {
                self.name(segs, line_of(id));
            }
            i = k;
        }
    }
}

fn attrs_of(item: &syn::Item) -> &[syn::Attribute] {
    macro_rules! attrs {
        ($($kind:ident)*) => { match item { $(syn::Item::$kind(i) => &i.attrs,)* _ => &[] } };
    }
    attrs!(Const Enum ExternCrate Fn ForeignMod Impl Macro Mod Static Struct Trait Type Union Use)
}

impl<'ast> Visit<'ast> for Scanner<'_> {
    fn visit_item(&mut self, i: &'ast syn::Item) {
        let test = attrs_of(i).iter().any(is_cfg_test);
        self.test += usize::from(test);
        visit::visit_item(self, i);
        self.test -= usize::from(test);
    }

    fn visit_impl_item(&mut self, i: &'ast syn::ImplItem) {
        let test = matches!(i, syn::ImplItem::Fn(f) if f.attrs.iter().any(is_cfg_test));
        self.test += usize::from(test);
        visit::visit_impl_item(self, i);
        self.test -= usize::from(test);
    }

    fn visit_item_mod(&mut self, i: &'ast syn::ItemMod) {
        let name = ident(&i.ident);
        let mut child = self.module.clone();
        child.push(name.clone());
        let parent = self.krate.modules.get_mut(&self.module).unwrap();
        parent.children.insert(name);
        let test = self.test > 0 || i.attrs.iter().any(is_cfg_test);
        assert!(
            !i.attrs.iter().any(|a| a.path().is_ident("path")),
            "{}: `#[path]` on `mod {}`: the scan finds a module's file by its path only",
            self.file,
            i.ident
        );
        let Some((_, items)) = &i.content else {
            self.declared.push((child, test));
            return;
        };
        self.krate.modules.insert(
            child.clone(),
            Module {
                file: self.file.clone(),
                owner: self.owner.clone(),
                test,
                ..Module::default()
            },
        );
        let outer = std::mem::replace(&mut self.module, child);
        for item in items {
            self.visit_item(item);
        }
        self.module = outer;
    }

    fn visit_item_use(&mut self, i: &'ast syn::ItemUse) {
        if i.leading_colon.is_none() {
            self.use_tree(&mut Vec::new(), &i.tree);
        }
    }

    fn visit_path(&mut self, p: &'ast syn::Path) {
        // A path of one segment names a local, a type in scope, or what a `use` brought in,
        // which the `use` itself already counts.
        if p.leading_colon.is_none() && p.segments.len() >= 2 {
            let segs = p.segments.iter().map(|s| ident(&s.ident)).collect();
            self.name(segs, line_of(&p.segments[0].ident));
        }
        visit::visit_path(self, p);
    }

    fn visit_visibility(&mut self, _: &'ast syn::Visibility) {}

    fn visit_macro(&mut self, m: &'ast syn::Macro) {
        self.visit_path(&m.path);
        self.tokens(m.tokens.clone(), m.path.is_ident("macro_rules"));
    }
}

/// Reads the crate whose root is `root` (`src/lib.rs`), following its `mod` declarations: the
/// module `a::b` is `src/a/b.rs` or `src/a/b/mod.rs`, and empty when neither exists.
fn read_crate(sources: &Sources, root: &str) -> Crate {
    let mut krate = Crate::default();
    let mut queue = vec![(ModPath::new(), false)];
    while let Some((module, test)) = queue.pop() {
        let base = format!("src/{}", module.join("/"));
        let file = if module.is_empty() {
            root.to_owned()
        } else {
            let candidates = [format!("{base}.rs"), format!("{base}/mod.rs")];
            let found = candidates.iter().find(|f| sources.contains_key(*f));
            found
                .unwrap_or_else(|| {
                    krate.missing.push(candidates[0].clone());
                    &candidates[0]
                })
                .clone()
        };
        let text = sources.get(&file).map_or("", String::as_str);
        let ast = syn::parse_file(text)
            .unwrap_or_else(|e| panic!("{file}:{}: {e}", e.span().start().line));
        let test = test || ast.attrs.iter().any(is_cfg_test);
        krate.modules.insert(
            module.clone(),
            Module {
                file: file.clone(),
                owner: module.clone(),
                test,
                ..Module::default()
            },
        );
        let mut s = Scanner {
            krate: &mut krate,
            file,
            owner: module.clone(),
            module,
            test: usize::from(test),
            declared: Vec::new(),
        };
        for item in &ast.items {
            s.visit_item(item);
        }
        queue.extend(s.declared);
    }
    krate
}

impl Crate {
    /// The absolute path `segs` names in `from`; `None` for what is outside the crate (other
    /// crates, the standard library) or local to a function.
    fn resolve(&self, from: &[String], segs: &[String], depth: usize) -> Option<ModPath> {
        let (mut cur, rest) = match segs.first()?.as_str() {
            "crate" | "$crate" => (ModPath::new(), &segs[1..]),
            "self" | "super" => (from.to_vec(), segs),
            _ if depth > 8 => return None,
            name => {
                let m = self.modules.get(from)?;
                if m.children.contains(name) {
                    (from.to_vec(), segs)
                } else if let Some(target) = m.uses.get(name) {
                    (self.resolve(from, target, depth + 1)?, &segs[1..])
                } else {
                    return m.globs.iter().find_map(|g| {
                        let source = self.resolve(from, g, depth + 1)?;
                        let s = self.modules.get(&source)?;
                        (s.children.contains(name) || s.uses.contains_key(name))
                            .then(|| self.resolve(&source, segs, depth + 1))?
                    });
                }
            }
        };
        for s in rest {
            step(&mut cur, s);
        }
        Some(cur)
    }

    /// The deepest module `path` names.
    fn deepest(&self, path: &[String]) -> &ModPath {
        (0..=path.len())
            .rev()
            .find_map(|n| self.modules.get_key_value(&path[..n]).map(|(k, _)| k))
            .expect("the crate root is a module")
    }
}

// ----------------------------------------------------------------------------------------
// The module graph.

/// A reference from one file module to another.
#[derive(Debug, Clone)]
struct Edge {
    from: ModPath,
    to: ModPath,
    file: String,
    line: usize,
    /// The path named, made absolute.
    path: ModPath,
    /// In `#[cfg(test)]` code.
    test: bool,
}

impl Edge {
    fn at(&self) -> String {
        let path = std::iter::once("crate").chain(self.path.iter().map(String::as_str));
        let path = path.collect::<Vec<_>>().join("::");
        format!("{}:{}: `{path}`", self.file, self.line)
    }
}

struct Graph {
    krate: Crate,
    edges: Vec<Edge>,
    /// The items the root re-exports, by the name they have there, with the module they come
    /// from: for the advice given to code that imports them from the root.
    reexports: BTreeMap<String, ModPath>,
}

impl Graph {
    /// The graph of the crate whose root is `root`. The root's own edges are left out: a
    /// library root re-exports from every layer, which says nothing about the layering.
    fn of(sources: &Sources, root: &str) -> Graph {
        let krate = read_crate(sources, root);
        let mut edges = Vec::new();
        for n in &krate.named {
            let Some(path) = krate.resolve(&n.module, &n.segs, 0) else {
                continue;
            };
            let (from, to) = (
                &krate.modules[&n.module],
                &krate.modules[krate.deepest(&path)],
            );
            if from.owner.is_empty() || from.owner == to.owner {
                continue;
            }
            edges.push(Edge {
                from: from.owner.clone(),
                to: to.owner.clone(),
                file: from.file.clone(),
                line: n.line,
                path,
                test: n.test || from.test,
            });
        }
        edges.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
        let root = &krate.modules[&ModPath::new()];
        let reexports = root
            .uses
            .iter()
            .filter_map(|(name, segs)| {
                let path = krate.resolve(&[], segs, 0)?;
                Some((name.clone(), krate.deepest(&path).clone()))
            })
            .collect();
        Graph {
            krate,
            edges,
            reexports,
        }
    }

    fn files(&self) -> Vec<ModPath> {
        let m = &self.krate.modules;
        m.iter()
            .filter(|(k, v)| &v.owner == *k)
            .map(|(k, _)| k.clone())
            .collect()
    }
}

/// The library, the binary, and the sources they are read from.
struct Package {
    lib: Graph,
    bin: Graph,
    sources: Sources,
}

/// The library crates, each with where its modules sit in the one module tree the checks
/// read: the model's and the linter's at the top, the container readers' under `container`.
const CRATES: &[(&str, &str, &str)] = &[
    ("vsslint_model", "crates/vsslint-model/src", ""),
    (
        "vsslint_container",
        "crates/vsslint-container/src",
        "container",
    ),
    ("vsslint_lint", "crates/vsslint-lint/src", ""),
];

/// The package's library and the library crates it is built on, read as one crate: Cargo
/// forbids the arrows between the crates that point up, and this tree lets the checks see
/// the arrows inside each crate and the rules' sources alike. A crate's modules are filed
/// under `src/` as though they were the package's own (`crates/vsslint-model/src/parse/mod.rs`
/// as `src/parse/mod.rs`, the container crate's root as `src/container/mod.rs`), and the
/// crates' names in paths (`vsslint_model::parse`) read as `crate::parse`; [`shown`] turns a
/// filed path back into the file's.
fn real() -> &'static Package {
    static PACKAGE: OnceLock<Package> = OnceLock::new();
    PACKAGE.get_or_init(|| {
        fn walk(dir: &Path, root: &Path, under: &str, out: &mut Vec<(String, String)>) {
            for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    walk(&path, root, under, out);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let rel = path.strip_prefix(root).unwrap().to_string_lossy();
                    let rel = rel.replace('\\', "/");
                    out.push((
                        format!("{under}{rel}"),
                        std::fs::read_to_string(&path).unwrap(),
                    ));
                }
            }
        }
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        walk(&root.join("src"), root, "", &mut files);
        let mut lib_mods = String::new();
        for (_, dir, at) in CRATES {
            let mut own = Vec::new();
            walk(&root.join(dir), &root.join(dir), "", &mut own);
            for (rel, text) in own {
                let filed = match (*at, rel.as_str()) {
                    ("", "lib.rs") => {
                        // Its items, without the inner attributes and docs only a root has.
                        for line in text.lines() {
                            if !line.starts_with("//!") && !line.starts_with("#!") {
                                lib_mods.push_str(line);
                                lib_mods.push('\n');
                            }
                        }
                        continue;
                    }
                    ("", _) => format!("src/{rel}"),
                    (at, "lib.rs") => {
                        let _ = writeln!(lib_mods, "pub mod {at};");
                        format!("src/{at}/mod.rs")
                    }
                    (at, _) => format!("src/{at}/{rel}"),
                };
                let text = if at.is_empty() {
                    text
                } else {
                    in_tree(&text, &format!("crate::{at}"))
                };
                files.push((filed, text));
            }
        }
        let mut sources = Sources::new();
        for (path, text) in files {
            let mut text = text;
            for (name, _, at) in CRATES {
                let to = if at.is_empty() {
                    "crate".to_owned()
                } else {
                    format!("crate::{at}")
                };
                text = text.replace(name, &to);
            }
            if path == "src/lib.rs" {
                text.push_str(&lib_mods);
            }
            sources.insert(path, text);
        }
        let (lib, bin) = (
            Graph::of(&sources, "src/lib.rs"),
            Graph::of(&sources, "src/main.rs"),
        );
        Package { lib, bin, sources }
    })
}

/// A crate's text with its own root, `crate`, read as `root`.
fn in_tree(text: &str, root: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("crate::") {
        let before = rest[..i].chars().last();
        out.push_str(&rest[..i]);
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
            out.push_str("crate::");
        } else {
            out.push_str(root);
            out.push_str("::");
        }
        rest = &rest[i + "crate::".len()..];
    }
    out.push_str(rest);
    out
}

/// Where a file filed under `src/` by [`real`] is: the crate that holds its top-level module.
fn shown(line: &str) -> String {
    static OWNERS: OnceLock<Vec<(String, String)>> = OnceLock::new();
    let owners = OWNERS.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut owners = Vec::new();
        for (_, dir, at) in CRATES {
            if !at.is_empty() {
                owners.push((format!("src/{at}/mod.rs"), format!("{dir}/lib.rs")));
                owners.push((format!("src/{at}/"), format!("{dir}/")));
                continue;
            }
            for entry in std::fs::read_dir(root.join(dir)).unwrap() {
                let name = entry.unwrap().file_name().to_string_lossy().into_owned();
                if name != "lib.rs" {
                    let sep = if name.ends_with(".rs") { "" } else { "/" };
                    owners.push((format!("src/{name}{sep}"), format!("{dir}/{name}{sep}")));
                }
            }
        }
        owners
    });
    let mut out = line.to_owned();
    for (filed, real) in owners {
        if out.contains(filed.as_str()) {
            out = out.replace(filed.as_str(), real);
            break;
        }
    }
    out
}

/// The strongly connected components of more than one module: the modules each reaches and
/// is reached from (a few hundred modules: a walk from each is quick enough).
fn cycles(nodes: &[ModPath], edges: &[&Edge]) -> Vec<Vec<ModPath>> {
    let mut succ: BTreeMap<&ModPath, BTreeSet<&ModPath>> = BTreeMap::new();
    for e in edges {
        succ.entry(&e.from).or_default().insert(&e.to);
    }
    let reach = |from: &ModPath| {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from];
        while let Some(m) = stack.pop() {
            for &n in succ.get(m).into_iter().flatten() {
                if seen.insert(n) {
                    stack.push(n);
                }
            }
        }
        seen
    };
    let reached: BTreeMap<&ModPath, BTreeSet<&ModPath>> =
        nodes.iter().map(|m| (m, reach(m))).collect();
    let mut out: Vec<Vec<ModPath>> = Vec::new();
    for m in nodes.iter().filter(|m| reached[m].contains(m)) {
        if !out.iter().any(|c| c.contains(m)) {
            let scc = nodes
                .iter()
                .filter(|n| reached[m].contains(n) && reached[n].contains(m));
            out.push(scc.cloned().collect());
        }
    }
    out
}

// ----------------------------------------------------------------------------------------
// The layering.

/// Arrows that close a cycle, passed over by the cycle check while the modules they leave are
/// rebuilt (issue 25). An arrow that no longer exists fails the check, so that it leaves this
/// list when it goes.
const KNOWN_BACK_ARROWS: &[(&str, &str)] = &[
    // In `#[cfg(test)]` code only: the test helpers of the `compat/` rules compare two
    // documents through the pipeline, which runs those rules.
    ("toolkit::compat_components", "pipeline"),
    ("toolkit::compat_components", "rules"),
    ("toolkit::compat_writer", "pipeline"),
    ("toolkit::compat_writer", "rules"),
];

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
        let _ = writeln!(msg, "  {}", shown(o));
    }
    let _ = write!(
        msg,
        "fix: {fix}\n(the layers are listed in src/lib.rs; this check is tests/architecture.rs)"
    );
    panic!("{msg}");
}

fn cycle_offences(g: &Graph, known: &[(&str, &str)]) -> Vec<String> {
    let known: BTreeSet<(ModPath, ModPath)> = known
        .iter()
        .map(|(f, t)| (mod_path(f), mod_path(t)))
        .collect();
    // A module's tests may drive the modules of its own tree, its parent's entry point
    // among them (a parse in pieces checked against the whole parse); across top-level
    // modules, test code keeps to the layers like the rest.
    let within = |e: &Edge| e.test && e.from.first() == e.to.first();
    let edges: Vec<&Edge> = g
        .edges
        .iter()
        .filter(|e| !within(e) && !known.contains(&(e.from.clone(), e.to.clone())))
        .collect();
    let mut offences: Vec<String> = known
        .iter()
        .filter(|(f, t)| !g.edges.iter().any(|e| &e.from == f && &e.to == t))
        .map(|(f, t)| {
            format!(
                "`{}` -> `{}` is gone: take it off the list",
                show(f),
                show(t)
            )
        })
        .collect();
    for scc in cycles(&g.files(), &edges) {
        let members: BTreeSet<&ModPath> = scc.iter().collect();
        let names: Vec<String> = scc.iter().map(|m| format!("`{}`", show(m))).collect();
        let mut o = format!("cycle between {}:", names.join(", "));
        // One line an arrow: where it is first named, and how many more times.
        let mut arrows: BTreeMap<(&ModPath, &ModPath), (&Edge, usize)> = BTreeMap::new();
        for e in edges
            .iter()
            .filter(|e| members.contains(&e.from) && members.contains(&e.to))
        {
            arrows.entry((&e.from, &e.to)).or_insert((e, 0)).1 += 1;
        }
        for ((from, to), (e, n)) in arrows {
            let up = if from.starts_with(to) {
                " (back up the module tree)"
            } else {
                ""
            };
            let more = if n > 1 {
                format!(" and {} more", n - 1)
            } else {
                String::new()
            };
            let (from, to) = (show(from), show(to));
            let _ = write!(o, "\n    {from} -> {to} at {}{more}{up}", e.at());
        }
        offences.push(o);
    }
    offences
}

/// Macros a crate exports, which Rust puts at its root whatever module defines them: the
/// module re-exports its own macro from there.
const EXPORTED_MACROS: &[&str] = &["os_doc"];

fn root_offences(g: &Graph) -> Vec<String> {
    g.edges
        .iter()
        .filter(|e| e.to.is_empty())
        .filter(|e| {
            !e.path
                .first()
                .is_some_and(|item| EXPORTED_MACROS.contains(&item.as_str()))
        })
        .map(|e| {
            let item = e.path.first();
            let instead = match item.and_then(|i| Some((i, g.reexports.get(i)?))) {
                Some((item, m)) => format!("; use `crate::{}::{item}`", show(m)),
                None => String::new(),
            };
            format!("{} in `{}`{instead}", e.at(), show(&e.from))
        })
        .collect()
}

fn sibling_rule_offences(g: &Graph) -> Vec<String> {
    g.edges
        .iter()
        .filter_map(|e| {
            let (from, to) = (rule_file(&e.from)?, rule_file(&e.to)?);
            let (f, t) = (show(from), show(to));
            (from != to).then(|| format!("{}: rule `{f}` imports rule `{t}`", e.at()))
        })
        .collect()
}

fn group_offences(g: &Graph) -> Vec<String> {
    g.edges
        .iter()
        .filter_map(|e| {
            let to = rule_group(&e.to)?;
            let outside = e.from.first().is_none_or(|f| f != "rules");
            let other_group = e.from.len() == 2 && rule_group(&e.from).is_some_and(|f| f != to);
            (outside || other_group).then(|| {
                let (f, t) = (show(&e.from), show(to));
                format!("{}: `{f}` reaches into rule group `{t}`", e.at())
            })
        })
        .collect()
}

fn rule_import_offences(g: &Graph) -> Vec<String> {
    g.edges
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
                let m = g.reexports.get(e.path.first()?)?;
                (m, " (through the crate root)")
            } else {
                (&e.to, "")
            };
            let layer = to.first()?.as_str();
            let test_only = RULE_FILE_TEST_IMPORTS.contains(&layer);
            let allowed = RULE_FILE_IMPORTS.contains(&layer) || (e.test && test_only);
            let why = if test_only {
                " (allowed only in #[cfg(test)] code)"
            } else {
                ""
            };
            let (f, t) = (show(&e.from), show(to));
            (!allowed).then(|| format!("{}: `{f}` imports `{t}`{through_root}{why}", e.at()))
        })
        .collect()
}

#[test]
fn the_scan_sees_the_whole_package() {
    let (p, broken) = (real(), "is the scan broken?");
    let g = &p.lib;
    let distinct: BTreeSet<(&ModPath, &ModPath)> =
        g.edges.iter().map(|e| (&e.from, &e.to)).collect();
    let (files, edges) = (g.files().len(), distinct.len());
    println!(
        "{files} file modules, {} references, {edges} edges",
        g.edges.len()
    );
    assert!(files > 150, "only {files} modules: {broken}");
    assert!(edges > 200, "only {edges} edges: {broken}");
    for layer in "rule_api rule_meta toolkit rules engine pipeline report run".split(' ') {
        let found = g.krate.modules.contains_key(&mod_path(layer));
        assert!(found, "module `{layer}` not found: {broken}");
    }
    let missing: Vec<&String> = p
        .lib
        .krate
        .missing
        .iter()
        .chain(&p.bin.krate.missing)
        .collect();
    assert!(
        missing.is_empty(),
        "declared, not found: {missing:?}: {broken}"
    );
    let test = g.edges.iter().any(|e| e.test);
    assert!(
        test,
        "no test code found: is the #[cfg(test)] tracking broken?"
    );
    // The registry names its groups by bare child paths only (`alm::RULES`).
    let bare = g
        .edges
        .iter()
        .any(|e| e.from == ["rules"] && e.to == ["rules", "alm"]);
    assert!(bare, "`rules` -> `rules::alm` not found: {broken}");
    let cli = p.bin.edges.iter().any(|e| e.from == ["cli"]);
    assert!(cli, "no edge out of `cli` found: {broken}");
}

#[test]
fn the_module_graph_has_no_cycles() {
    let p = real();
    let mut offences = cycle_offences(&p.lib, KNOWN_BACK_ARROWS);
    offences.extend(cycle_offences(&p.bin, &[]));
    check(
        "the module graph must be one-way (no cycles)",
        "of each cycle, find the edge that points up (a lower module naming a higher one, or \
         a child naming its parent) and move what it needs down into the lower module (a \
         parent's shared items into a child module of their own), or pass it in from above",
        offences,
    );
}

#[test]
fn nothing_imports_the_crate_root() {
    check(
        "no module imports through the crate root (src/lib.rs)",
        "use the module path, not the crate root's re-export: lib.rs re-exports from every layer, \
         so `crate::Item` hides which layer it comes from (and makes every module depend on all \
         of them); name the defining module, e.g. `crate::rule_meta::Severity`",
        root_offences(&real().lib),
    );
}

#[test]
fn rule_files_do_not_import_each_other() {
    check(
        "no rule file imports another rule file",
        "move what both rules need into a module of src/toolkit/ (the shared rule toolkit) and \
         import it from there in both",
        sibling_rule_offences(&real().lib),
    );
}

#[test]
fn only_the_registry_names_the_rule_groups() {
    check(
        "only the registry (src/rules/mod.rs) names the rule groups",
        "reach the rules through the registry's API (`crate::rules::Registry`, `Stage`, `all`, \
         `find`); if that lacks something, add it to src/rules/mod.rs",
        group_offences(&real().lib),
    );
}

#[test]
fn rule_files_import_only_the_rule_api_toolkit_and_domain() {
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
        rule_import_offences(&real().lib),
    );
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
    let code = src.lines().map(|l| {
        if l.trim_start().starts_with("//") {
            ""
        } else {
            l
        }
    });
    code.collect::<Vec<_>>().join("\n")
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

/// Where `code` opens a cabinet: the cabinet reader, or its magic number.
fn cabinet_openings(code: &str) -> Vec<String> {
    code.lines()
        .enumerate()
        .filter(|(_, l)| l.contains("read_cab") || l.contains("MSCF"))
        .map(|(n, l)| format!("line {}: {}", n + 1, l.trim()))
        .collect()
}

/// `find` in the code of each source file `which` selects.
fn found_in(
    sources: &Sources,
    which: impl Fn(&str) -> bool,
    find: fn(&str) -> Vec<String>,
) -> Vec<String> {
    let files = sources.iter().filter(|(f, _)| which(f));
    files
        .flat_map(|(f, text)| {
            find(&code_of(text))
                .into_iter()
                .map(move |o| format!("{f}: {o}"))
        })
        .collect()
}

#[test]
fn no_rule_tests_a_file_name_extension() {
    check(
        "no rule decides by a file name's extension",
        "what an input is comes from crate::container (its bytes), and reaches rules as \
         `Facts::origin`; test that instead",
        found_in(
            &real().sources,
            |f| f.starts_with("src/rules/"),
            extension_tests,
        ),
    );
}

#[test]
fn only_the_container_entrance_opens_cabinets() {
    // The library's public API re-exports the reader for its own users.
    let outside = |f: &str| !f.starts_with("src/container/") && f != "src/lib.rs";
    check(
        "only crate::container opens a cabinet",
        "open inputs with container::open, which says what the bytes hold",
        found_in(&real().sources, outside, cabinet_openings),
    );
}

// ----------------------------------------------------------------------------------------
// The checks themselves, on planted trees.

fn tree(files: &[(&str, &str)]) -> Sources {
    files
        .iter()
        .map(|(f, s)| ((*f).to_owned(), (*s).to_owned()))
        .collect()
}

/// The edges of a library made of `files`, as `from -> to (path) line`, with ` test` for
/// test code.
fn edges_of(files: &[(&str, &str)]) -> Vec<String> {
    let g = Graph::of(&tree(files), "src/lib.rs");
    let show_edge = |e: &Edge| {
        let test = if e.test { " test" } else { "" };
        let (f, t, p) = (show(&e.from), show(&e.to), show(&e.path));
        format!("{f} -> {t} ({p}) {}{test}", e.line)
    };
    g.edges.iter().map(show_edge).collect()
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
        fn f<'a>(x: &'a str) -> &'a str { format!("crate::a::in_macro_literal"); x }
        fn g() { crate::b::h() }
    "####;
    let files = [("src/lib.rs", "mod a; mod b; mod m;"), ("src/m.rs", src)];
    assert_eq!(edges_of(&files), ["m -> b (b::h) 10"]);
}

#[test]
fn scanner_finds_paths_in_code_types_patterns_and_macros() {
    let src = "use crate::a::{b::{self, C as D}, e};\n\
               fn f(x: crate::t::T) -> bool {\n\
               if let crate::p::P::Q = x {}\n\
               assert!(crate::mac::ok(), \"{}\", Vec::<crate::g::G>::new().len());\n\
               b::inner() && e::x()\n\
               }\n\
               macro_rules! m { () => { $crate::dollar::f(); $x::not_a_path(); other::name() } }\n\
               mod inline { pub fn g() { super::super::up::f() } }";
    let files = [
        (
            "src/lib.rs",
            "mod a; mod t; mod p; mod mac; mod g; mod dollar; mod up; mod m;",
        ),
        ("src/a.rs", "pub mod b; pub mod e;"),
        ("src/m.rs", src),
    ];
    assert_eq!(
        edges_of(&files),
        [
            "m -> a::b (a::b) 1",
            "m -> a::b (a::b::C) 1",
            "m -> a::e (a::e) 1",
            "m -> t (t::T) 2",
            "m -> p (p::P::Q) 3",
            "m -> mac (mac::ok) 4",
            "m -> g (g::G) 4",
            "m -> a::b (a::b::inner) 5",
            "m -> a::e (a::e::x) 5",
            "m -> dollar (dollar::f) 7",
            "m -> up (up::f) 8",
        ]
    );
}

#[test]
fn scanner_resolves_bare_child_paths_uses_and_globs() {
    let files = [
        ("src/lib.rs", "mod low; mod run;"),
        ("src/low.rs", "pub mod deep;"),
        (
            "src/run/mod.rs",
            "mod inputs;\nuse crate::low;\nfn f() { inputs::read(); low::deep::x(); std::mem::drop(1); }\n\
             #[cfg(test)]\nmod tests {\n    use super::*;\n    fn t() { inputs::read() }\n}",
        ),
        ("src/run/inputs.rs", "pub fn read() {}"),
    ];
    assert_eq!(
        edges_of(&files),
        [
            "run -> low (low) 2",
            "run -> run::inputs (run::inputs::read) 3",
            "run -> low::deep (low::deep::x) 3",
            "run -> run::inputs (run::inputs::read) 7 test",
        ]
    );
}

#[test]
fn scanner_tracks_cfg_test_items_and_modules() {
    let files = [
        (
            "src/lib.rs",
            "mod p; mod t; #[cfg(test)]\n#[allow(dead_code)]\nmod testing;",
        ),
        (
            "src/t.rs",
            "#[cfg(test)]\nfn t() -> [u8; 2] { crate::p::x(); [0; 2] }\nfn u() { crate::p::y(); }\n\
             #[cfg(not(test))]\nfn v() { crate::p::z(); }",
        ),
        ("src/testing.rs", "fn w() { crate::p::w(); }"),
    ];
    assert_eq!(
        edges_of(&files),
        [
            "t -> p (p::x) 2 test",
            "t -> p (p::y) 3",
            "t -> p (p::z) 5",
            "testing -> p (p::w) 1 test",
        ]
    );
}

#[test]
fn resolution_stops_at_the_deepest_module() {
    let files = [("src/lib.rs", "mod a { mod b {} }")];
    let krate = read_crate(&tree(&files), "src/lib.rs");
    let deepest = |p: &str| show(krate.deepest(&mod_path(p)));
    assert_eq!(deepest("a::b::Item"), "a::b");
    assert_eq!(deepest("a::Item"), "a");
    assert_eq!(deepest("Settings"), "crate");
}

#[test]
fn root_reexports_map_names_to_their_modules() {
    let files = [
        (
            "src/lib.rs",
            "mod rules; mod rule_meta;\npub use rules::{all as all_rules, find};\npub use rule_meta::Severity;",
        ),
    ];
    let r = Graph::of(&tree(&files), "src/lib.rs").reexports;
    assert_eq!(r["all_rules"], ["rules"]);
    assert_eq!(r["find"], ["rules"]);
    assert_eq!(r["Severity"], ["rule_meta"]);
}

/// A library with a rule group of two rules, `b` as given.
fn rules_tree(b: &str) -> Sources {
    tree(&[
        ("src/lib.rs", "mod rule_api; mod rules;"),
        ("src/rule_api.rs", "pub struct Rule;"),
        (
            "src/rules/mod.rs",
            "mod alm;\npub fn all() -> usize { alm::RULES.len() }",
        ),
        (
            "src/rules/alm/mod.rs",
            "pub mod a;\npub mod b;\npub static RULES: &[&crate::rule_api::Rule] = &[&a::RULE, &b::RULE];",
        ),
        (
            "src/rules/alm/a.rs",
            "use crate::rule_api::Rule;\npub static RULE: Rule = Rule;\npub fn shared() {}",
        ),
        ("src/rules/alm/b.rs", b),
    ])
}

#[test]
fn a_planted_sibling_rule_import_fails() {
    let fine = "use crate::rule_api::Rule;\npub static RULE: Rule = Rule;";
    let g = Graph::of(&rules_tree(fine), "src/lib.rs");
    assert!(sibling_rule_offences(&g).is_empty());
    assert!(rule_import_offences(&g).is_empty());
    assert!(group_offences(&g).is_empty());

    let planted = "use crate::rule_api::Rule;\nuse super::a;\n\
                   pub static RULE: Rule = Rule;\nfn check() { a::shared() }";
    let g = Graph::of(&rules_tree(planted), "src/lib.rs");
    assert_eq!(
        sibling_rule_offences(&g),
        [
            "src/rules/alm/b.rs:2: `crate::rules::alm::a`: rule `rules::alm::b` imports rule \
             `rules::alm::a`",
            "src/rules/alm/b.rs:4: `crate::rules::alm::a::shared`: rule `rules::alm::b` imports \
             rule `rules::alm::a`",
        ]
    );
}

/// A library where `pipeline` uses `parse`, whose child `x` names `pipeline` back (through
/// a name its `use` brings in), and `parse` names `x` as `parse_x`.
fn back_arrow_tree(parse_x: &str) -> Sources {
    let parse = format!("mod x;\npub fn parse_xml() {{ {parse_x} }}");
    tree(&[
        ("src/lib.rs", "mod parse; mod pipeline;"),
        (
            "src/pipeline.rs",
            "pub fn lint() { crate::parse::parse_xml() }",
        ),
        ("src/parse/mod.rs", &parse),
        (
            "src/parse/x.rs",
            "use crate::pipeline as upstream;\npub fn walk() { upstream::lint() }",
        ),
    ])
}

#[test]
fn a_planted_bare_path_back_arrow_fails() {
    // Without `parse`'s arrow to `x`, `x -> pipeline -> parse` is one-way.
    let g = Graph::of(&back_arrow_tree(""), "src/lib.rs");
    assert!(cycle_offences(&g, &[]).is_empty());

    // With it named as a bare child path, which `crate::`, `self::` and `super::` alone
    // would miss, `x` points back up at a layer above its parent.
    let g = Graph::of(&back_arrow_tree("x::walk()"), "src/lib.rs");
    assert_eq!(
        cycle_offences(&g, &[]),
        ["cycle between `parse`, `parse::x`, `pipeline`:\n    \
          parse -> parse::x at src/parse/mod.rs:2: `crate::parse::x::walk`\n    \
          parse::x -> pipeline at src/parse/x.rs:1: `crate::pipeline` and 1 more\n    \
          pipeline -> parse at src/pipeline.rs:1: `crate::parse::parse_xml`"]
    );

    // An arrow on the allow-list is passed over while it exists, and fails once it is gone.
    assert!(cycle_offences(&g, &[("parse::x", "pipeline")]).is_empty());
    let one_way = Graph::of(&back_arrow_tree(""), "src/lib.rs");
    assert_eq!(
        cycle_offences(&one_way, &[("parse::x", "parse")]),
        ["`parse::x` -> `parse` is gone: take it off the list"]
    );
}

#[test]
fn the_extension_check_finds_planted_tests() {
    for planted in [
        "let cab = set.name.to_ascii_lowercase().ends_with(\".cab\");",
        "if path.extension() == Some(\"xml\") {}",
        "const EXT: &str = \".CAB\";",
    ] {
        let sources = tree(&[("src/rules/fs/x.rs", planted)]);
        let found = found_in(&sources, |f| f.starts_with("src/rules/"), extension_tests);
        assert_eq!(found, [format!("src/rules/fs/x.rs: line 1: {planted}")]);
    }
    for fine in [
        "// ends_with(\".cab\") in a comment",
        "what: \"DiskShadow's `Manifest.xml` lists them\",",
    ] {
        assert!(extension_tests(&code_of(fine)).is_empty(), "{fine}");
    }
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

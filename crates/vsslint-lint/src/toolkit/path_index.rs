//! A case-insensitive index of file sets and exclusions by directory and filespec, for the
//! rules that compare every file set with every other: it keys thousands of entries without
//! allocating per entry, and bounds what one directory can hold so that those rules stay
//! linear on documents built to defeat them. Rules ask it for repeats, for the entries of a
//! directory or of the directories above it, and for file sets shared between components;
//! the hashing and the bound stay here, so that every rule that documents the bound gets it.

use super::file_paths::{fold, has_wildcard};
use hashbrown::hash_table::{self, HashTable};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};
use vsslint_model::model::{Component, FileSet};

/// Hashes the ASCII-folded bytes eight at a time, without allocating. Every byte counts:
/// hashing only part of a path would let paths that differ elsewhere collide, and a document
/// of many such paths would make the tables quadratic.
fn hash_folded<H: Hasher>(s: &str, state: &mut H) {
    let words = s.as_bytes().chunks_exact(8);
    let rest = words.remainder();
    for w in words {
        let w: [u8; 8] = w.try_into().expect("chunks of eight");
        state.write_u64(fold_word(u64::from_le_bytes(w)));
    }
    let mut last = [0u8; 8];
    last[..rest.len()].copy_from_slice(rest);
    state.write_u64(fold_word(u64::from_le_bytes(last)));
    state.write_usize(s.len());
}

/// A word-at-a-time multiplicative hasher for the folded keys: SipHash is built for
/// untrusted keys and costs thousands of instructions per path in a debug build; a writer
/// metadata document gains nothing from that.
#[derive(Default, Clone, Copy)]
struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(word));
        }
    }

    fn write_u64(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x517c_c1b7_2722_0a95);
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }

    /// Spreads the bits so that both the low bits (bucket) and the high bits (tag) vary.
    fn finish(&self) -> u64 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

/// A map keyed by [`DirKey`] or [`SetKey`].
type KeyMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;

/// Lower-cases the ASCII letters of eight bytes at once; other bytes are left alone.
fn fold_word(w: u64) -> u64 {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let seven = w & LOW7;
    // A byte's high bit ends up set when it is at least 'A', and at least 'Z' + 1.
    let at_least_a = seven + 0x3f3f_3f3f_3f3f_3f3f;
    let past_z = seven + 0x2525_2525_2525_2525;
    let upper = at_least_a & !past_z & !w & HIGH;
    w | (upper >> 2)
}

/// The folded hash of a key, computed once: the same key is looked up in several maps, and
/// a map that grows rehashes every key it holds.
fn folded_hash(s: &str) -> u64 {
    let mut h = WordHasher::default();
    hash_folded(s, &mut h);
    h.finish()
}

/// A directory path compared without ASCII case and trailing backslashes (`C:\Data\` and
/// `c:\data` are one key), borrowed from the document.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DirKey<'a> {
    path: &'a str,
    hash: u64,
}

impl<'a> DirKey<'a> {
    pub(crate) fn new(path: &'a str) -> Self {
        let path = Self::trimmed(path);
        DirKey {
            path,
            hash: folded_hash(path),
        }
    }

    /// The part of `path` the key compares: without trailing backslashes. Two paths with
    /// equal keys have trimmed parts of equal length (folding ASCII case keeps lengths).
    fn trimmed(path: &str) -> &str {
        path.trim_end_matches('\\')
    }

    /// Length in bytes, trailing backslashes not counted.
    fn len(self) -> usize {
        self.path.len()
    }

    /// The paths of every directory above this one, nearest first, without their keys: most
    /// are never looked up.
    fn ancestors(self) -> impl Iterator<Item = &'a str> {
        let parent = |p: &'a str| {
            let cut = memchr::memrchr(b'\\', p.as_bytes())?;
            let up = p[..cut].trim_end_matches('\\');
            (!up.is_empty()).then_some(up)
        };
        std::iter::successors(parent(self.path), move |&p| parent(p))
    }
}

impl PartialEq for DirKey<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.hash == other.hash && self.path.eq_ignore_ascii_case(other.path)
    }
}
impl Eq for DirKey<'_> {}

impl Hash for DirKey<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.hash);
    }
}

/// A file set's (directory, filespec) pair, compared like [`DirKey`] with `*.*` read as `*`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct SetKey<'a> {
    pub dir: DirKey<'a>,
    spec: SpecKey<'a>,
}

impl<'a> SetKey<'a> {
    /// One hash for the pair, for tables that hold indices rather than keys.
    fn hash64(&self) -> u64 {
        (self.dir.hash ^ self.spec.hash.rotate_left(29)).wrapping_mul(0x9e37_79b9_7f4a_7c15)
    }

    pub(crate) fn new(path: &'a str, filespec: &'a str) -> Self {
        Self::in_dir(DirKey::new(path), filespec)
    }

    fn in_dir(dir: DirKey<'a>, filespec: &'a str) -> Self {
        SetKey {
            dir,
            spec: SpecKey::new(filespec),
        }
    }
}

#[derive(Debug, Clone, Copy)]
struct SpecKey<'a> {
    spec: &'a str,
    hash: u64,
}

impl<'a> SpecKey<'a> {
    fn new(spec: &'a str) -> Self {
        let spec = fold(spec);
        SpecKey {
            spec,
            hash: folded_hash(spec),
        }
    }
}

impl PartialEq for SpecKey<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.hash == other.hash && self.spec.eq_ignore_ascii_case(other.spec)
    }
}
impl Eq for SpecKey<'_> {}

impl Hash for SpecKey<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.hash);
    }
}

/// How many entries of one directory (wildcard filespecs, literal filespecs, or repeats of
/// one literal filespec) an index keeps for matching. Lookups then cost a bounded number of
/// filespec comparisons per directory level, whatever the document, which keeps the
/// cross-file-set rules linear; only documents with more than this many entries of one kind
/// in one directory can have a collision go unreported.
const BUCKET: usize = 32;

// The documentation of fs/duplicate-or-overlap, excl/covers-whole-file-set and
// excl/snapshot-not-backup states this bound to users.
const _: () = assert!(BUCKET == 32);

#[derive(Default)]
struct Bucket {
    wildcard: Vec<usize>,
    literal: Vec<usize>,
}

/// Entries (path, filespec, and an index into the caller's list) grouped by directory, for
/// finding those at a directory or above it whose filespec may match a given one.
#[derive(Default)]
pub(crate) struct DirIndex<'a> {
    dirs: KeyMap<DirKey<'a>, Bucket>,
    /// Literal filespecs by (directory, filespec): an exact match costs one lookup.
    exact: KeyMap<SetKey<'a>, Vec<usize>>,
    /// The lengths of the indexed directories, sorted: an ancestor of another length cannot
    /// be indexed, so most levels are skipped without hashing.
    lengths: Vec<usize>,
}

fn push_capped(v: &mut Vec<usize>, index: usize) {
    if v.len() < BUCKET {
        v.push(index);
    }
}

impl<'a> DirIndex<'a> {
    pub(crate) fn clear(&mut self) {
        self.dirs.clear();
        self.exact.clear();
        self.lengths.clear();
    }

    pub(crate) fn insert(&mut self, dir: DirKey<'a>, filespec: &'a str, index: usize) {
        let bucket = self.dirs.entry(dir).or_default();
        if has_wildcard(filespec) {
            push_capped(&mut bucket.wildcard, index);
        } else {
            push_capped(&mut bucket.literal, index);
            push_capped(
                self.exact.entry(SetKey::in_dir(dir, filespec)).or_default(),
                index,
            );
        }
        if let Err(at) = self.lengths.binary_search(&dir.len()) {
            self.lengths.insert(at, dir.len());
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.dirs.is_empty()
    }

    /// Entries at exactly this directory whose filespec may match some name `filespec`
    /// matches (a superset: callers still compare the filespecs).
    pub(crate) fn at<'s>(
        &'s self,
        dir: DirKey<'a>,
        filespec: &'s str,
    ) -> impl Iterator<Item = usize> + 's {
        let bucket = if self.lengths.binary_search(&dir.len()).is_ok() {
            self.dirs.get(&dir)
        } else {
            None
        };
        let (exact, others): (&[usize], &[usize]) = match bucket {
            None => (&[], &[]),
            Some(b) if has_wildcard(filespec) => (&b.literal, &[]),
            Some(_) => (
                self.exact
                    .get(&SetKey::in_dir(dir, filespec))
                    .map_or(&[], Vec::as_slice),
                &[],
            ),
        };
        let wildcard = bucket.map_or(&[][..], |b| b.wildcard.as_slice());
        exact.iter().chain(others).chain(wildcard).copied()
    }

    /// The same at each directory above this one, nearest first.
    pub(crate) fn above<'s>(
        &'s self,
        dir: DirKey<'a>,
        filespec: &'s str,
    ) -> impl Iterator<Item = usize> + 's {
        let shortest = self.lengths.first().copied().unwrap_or(usize::MAX);
        dir.ancestors()
            .take_while(move |up| up.len() >= shortest)
            .filter(|up| self.lengths.binary_search(&up.len()).is_ok())
            .flat_map(move |up| self.at(DirKey::new(up), filespec))
    }
}

/// The wildcard entries of each directory, the first [`BUCKET`] of each, for finding the
/// entries of one directory whose filespecs may overlap.
#[derive(Default)]
pub(crate) struct WildcardsByDir<'a>(KeyMap<DirKey<'a>, Vec<usize>>);

impl<'a> WildcardsByDir<'a> {
    pub(crate) fn clear(&mut self) {
        self.0.clear();
    }

    /// Takes the entry `index` if its filespec has a wildcard.
    pub(crate) fn insert(&mut self, dir: DirKey<'a>, filespec: &str, index: usize) {
        if has_wildcard(filespec) {
            push_capped(self.0.entry(dir).or_default(), index);
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The wildcard entries of exactly this directory, in the order they were inserted.
    pub(crate) fn at(&self, dir: DirKey<'a>) -> Option<&[usize]> {
        self.0.get(&dir).map(Vec::as_slice)
    }
}

/// The first entry of a list with each (directory, filespec) key, for finding repeats in one
/// pass. Kept from one list to the next, so that its table is allocated once; it holds
/// indices into the list rather than keys, which keeps it small.
#[derive(Default)]
pub(crate) struct FirstByKey(HashTable<u32>);

impl FirstByKey {
    /// Each entry of `items` whose key an earlier entry already has, with the first entry of
    /// that key: `(repeat, first)`, in list order.
    pub(crate) fn repeats<'s, 'a: 's, T>(
        &'s mut self,
        items: &'s [T],
        key: impl Fn(&T) -> &SetKey<'a> + 's,
    ) -> impl Iterator<Item = (usize, usize)> + 's {
        let table = &mut self.0;
        table.clear();
        table.reserve(items.len(), |&j| key(&items[j as usize]).hash64());
        items.iter().enumerate().filter_map(move |(i, item)| {
            let k = key(item);
            let found = table.entry(
                k.hash64(),
                |&j| key(&items[j as usize]) == k,
                |&j| key(&items[j as usize]).hash64(),
            );
            match found {
                hash_table::Entry::Occupied(o) => Some((i, *o.get() as usize)),
                hash_table::Entry::Vacant(v) => {
                    v.insert(i as u32);
                    None
                }
            }
        })
    }
}

/// A file set whose (directory, filespec) key is first found in another component, with that
/// first file set: indices of the components and of the file sets within them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct InOtherComponent {
    pub component: u32,
    pub file_set: u32,
    pub first_component: u32,
    pub first_file_set: u32,
}

/// Every file set whose key the writer's first file set of that key (in document order) has,
/// where that first file set is in another component; in document order. `listed` gives the
/// path and filespec of the file sets that have a key.
pub(crate) fn in_other_components<'m>(
    components: &[Component<'m>],
    listed: impl Fn(&FileSet<'m>) -> Option<(&'m str, &'m str)>,
) -> Vec<InOtherComponent> {
    let key_of = |ci: u32, fi: u32| {
        let f = &components[ci as usize].file_sets[fi as usize];
        let (p, s) = listed(f).expect("only listed file sets are keyed");
        SetKey::new(p, s)
    };
    // Only keys of two components are reported, and equal keys have directories of equal
    // length: the largest component's file sets are keyed only where some other component
    // has a directory of that length. The System writer's one component of 18,925 file sets
    // is then mostly skipped rather than hashed and sorted.
    let largest = (0..components.len())
        .max_by_key(|&ci| components[ci].file_sets.len())
        .unwrap_or(0);
    let dir_len = |path: &str| DirKey::trimmed(path).len();
    let mut lengths: Vec<usize> = components
        .iter()
        .enumerate()
        .filter(|&(ci, _)| ci != largest)
        .flat_map(|(_, c)| c.file_sets.iter().filter_map(&listed))
        .map(|(p, _)| dir_len(p))
        .collect();
    lengths.sort_unstable();
    lengths.dedup();
    // (hash of the key, component, file set) of those file sets, sorted: equal keys end up
    // side by side, the first in the document first. A sorted list stays linear in cache
    // where a hash table of a large writer's file sets would miss it on every lookup.
    let sets = components.iter().map(|c| c.file_sets.len()).sum();
    let mut keyed: Vec<(u64, u32, u32)> = Vec::with_capacity(sets);
    for (ci, c) in components.iter().enumerate() {
        for (fi, f) in c.file_sets.iter().enumerate() {
            let Some((p, s)) = listed(f) else {
                continue;
            };
            if ci == largest && lengths.binary_search(&dir_len(p)).is_err() {
                continue;
            }
            keyed.push((SetKey::new(p, s).hash64(), ci as u32, fi as u32));
        }
    }
    keyed.sort_unstable();
    let mut found = Vec::new();
    let mut firsts: Vec<(SetKey, u32, u32)> = Vec::new();
    for run in keyed
        .chunk_by(|a, b| a.0 == b.0)
        .filter(|run| run.len() > 1)
    {
        // The distinct keys that share this hash (rarely more than one), each with its
        // first file set; bounded, so that crafted collisions cannot make this quadratic.
        firsts.clear();
        for &(_, ci, fi) in run {
            let key = key_of(ci, fi);
            match firsts.iter().find(|(k, ..)| *k == key) {
                Some(&(_, oci, ofi)) if oci != ci => found.push(InOtherComponent {
                    component: ci,
                    file_set: fi,
                    first_component: oci,
                    first_file_set: ofi,
                }),
                Some(_) => {}
                None if firsts.len() < BUCKET => firsts.push((key, ci, fi)),
                None => {}
            }
        }
    }
    found.sort_unstable();
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_folding_is_ascii_lowercase() {
        let all: Vec<u8> = (0..=255).collect();
        for chunk in all.chunks(8) {
            let w = u64::from_le_bytes(chunk.try_into().unwrap());
            let want: Vec<u8> = chunk.iter().map(|b| b.to_ascii_lowercase()).collect();
            assert_eq!(fold_word(w).to_le_bytes().to_vec(), want);
        }
    }

    #[test]
    fn keys_fold_case_and_trailing_backslashes() {
        let mut m = KeyMap::default();
        m.insert(SetKey::new(r"C:\Data\", "*.*"), 1);
        assert_eq!(m.get(&SetKey::new(r"c:\DATA", "*")), Some(&1));
        assert_eq!(m.get(&SetKey::new(r"c:\DATA", "*.dat")), None);
        let long = "x".repeat(200);
        assert_eq!(
            DirKey::new(&long.to_uppercase()),
            DirKey::new(&format!("{long}\\"))
        );
        let up: Vec<&str> = DirKey::new(r"C:\a\b\c").ancestors().collect();
        assert_eq!(up, [r"C:\a\b", r"C:\a", "C:"]);
    }

    #[test]
    fn repeats_point_at_the_first_of_their_key() {
        let keys = [
            SetKey::new(r"C:\A", "*.*"),
            SetKey::new(r"C:\B", "x"),
            SetKey::new(r"c:\a\", "*"),
            SetKey::new(r"C:\A", "*"),
        ];
        let mut first = FirstByKey::default();
        let found: Vec<_> = first.repeats(&keys, |k| k).collect();
        assert_eq!(found, [(2, 0), (3, 0)]);
        assert_eq!(first.repeats(&keys[1..2], |k| k).count(), 0);
    }

    #[test]
    fn a_directory_keeps_a_bounded_number_of_wildcards() {
        let mut w = WildcardsByDir::default();
        for i in 0..100 {
            let spec = if i % 2 == 0 { "*.a" } else { "lit" };
            w.insert(DirKey::new(r"C:\D"), spec, i);
        }
        let kept = w.at(DirKey::new(r"c:\d\")).unwrap();
        assert_eq!(kept.len(), BUCKET);
        assert!(kept.iter().all(|i| i % 2 == 0));
        assert!(w.at(DirKey::new(r"C:\E")).is_none());
    }
}

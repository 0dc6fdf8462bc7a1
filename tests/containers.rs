//! The cabinet reader, `read_cab`.
//!
//! Real DiskShadow sets (the shared corpus) are packed by gcab, uncompressed and MSZIP, and
//! read back byte for byte. Hostile cabinets are built here, by hand or by damaging gcab's:
//! each must end in entries or errors, never a panic, and within its memory bound. The bound
//! is measured by the allocator of this test binary, which counts what each thread holds:
//! what a call allocated at its peak, whatever the other tests do meanwhile. Nothing is timed.

mod common;

#[path = "../fuzz/src/lib.rs"]
#[allow(dead_code)]
mod exercise;

use common::Scratch;
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::RngSeed;
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::path::Path;
use std::process::Command;
use vsslint::{read_cab_with_stats, CabEntry, CabError, CabLimits, CabStats};

// ----------------------------------------------------------------------------------------
// Memory: what the current thread holds, and its peak.

struct Counting;

thread_local! {
    static HELD: Cell<isize> = const { Cell::new(0) };
    static PEAK: Cell<isize> = const { Cell::new(0) };
}

fn count(delta: isize) {
    // `try_with`: the allocator also runs while a thread's locals are torn down.
    let _ = HELD.try_with(|held| {
        let now = held.get() + delta;
        held.set(now);
        let _ = PEAK.try_with(|peak| peak.set(peak.get().max(now)));
    });
}

// SAFETY: every call is passed on to the system allocator unchanged; the counting only
// touches thread-local cells, which need no allocation.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            count(layout.size() as isize);
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            count(layout.size() as isize);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        count(-(layout.size() as isize));
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            count(new_size as isize - layout.size() as isize);
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// `f`'s result and the most memory it held at once on this thread, beyond what was held
/// before (its result included).
fn peak<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let before = HELD.with(Cell::get);
    PEAK.with(|p| p.set(before));
    let out = f();
    let top = PEAK.with(Cell::get);
    (out, (top - before).max(0) as usize)
}

const MIB: usize = 1 << 20;

// ----------------------------------------------------------------------------------------
// Cabinets built here: one CFHEADER, its CFFOLDERs, its CFFILEs, then each folder's CFDATA
// blocks, with real checksums. A folder is uncompressed, or LZX holding one uncompressed LZX
// block (the simplest valid LZX stream) in one data block.

const NONE: u16 = 0;
/// LZX with a 32 KiB window.
const LZX: u16 = 0x0F03;
/// LZX with a 32 MiB window, the largest.
const LZX_32M: u16 = 0x1903;

#[derive(Clone)]
struct Spec {
    name: Vec<u8>,
    data: Vec<u8>,
    folder: u16,
    attributes: u16,
    /// The size to declare instead of the data's.
    size: Option<u32>,
    /// The offset to declare instead of the next one in the folder.
    offset: Option<u32>,
}

fn spec(name: &str, data: &[u8]) -> Spec {
    Spec {
        name: name.as_bytes().to_vec(),
        data: data.to_vec(),
        folder: 0,
        attributes: 0x20,
        size: None,
        offset: None,
    }
}

/// One uncompressed LZX block holding `data`, as one LZX chunk.
fn lzx_uncompressed(data: &[u8]) -> Vec<u8> {
    assert!(!data.is_empty() && data.len() <= 32 * 1024);
    let n = data.len() as u32;
    // Bits, most significant first in 16-bit little-endian words: no E8 translation (1),
    // block type 3 (3), block size (24), then padding to the next word.
    let w0 = (3u16 << 12) | ((n >> 12) & 0xFFF) as u16;
    let w1 = ((n & 0xFFF) as u16) << 4;
    let mut out = Vec::new();
    out.extend_from_slice(&w0.to_le_bytes());
    out.extend_from_slice(&w1.to_le_bytes());
    for _ in 0..3 {
        out.extend_from_slice(&1u32.to_le_bytes()); // R0, R1, R2
    }
    out.extend_from_slice(data);
    if data.len() % 2 == 1 {
        out.push(0);
    }
    out
}

fn build(folders: &[u16], entries: &[Spec]) -> Vec<u8> {
    build_with(folders, entries, true)
}

/// [`build`], with checksums or with none (zero, which readers do not check), so that damage
/// reaches the decoders.
fn build_with(folders: &[u16], entries: &[Spec], checksums: bool) -> Vec<u8> {
    let table_at = 36 + 8 * folders.len();
    let table_len: usize = entries.iter().map(|e| 17 + e.name.len()).sum();
    let mut data_at = table_at + table_len;

    let mut records = Vec::new();
    let mut blocks = Vec::new();
    let mut offsets = Vec::new();
    let mut next = vec![0u32; folders.len().max(1)];
    for e in entries {
        let f = usize::from(e.folder).min(next.len() - 1);
        offsets.push(e.offset.unwrap_or(next[f]));
        next[f] += e.data.len() as u32;
    }
    for (f, &method) in folders.iter().enumerate() {
        let stream: Vec<u8> = entries
            .iter()
            .filter(|e| usize::from(e.folder) == f)
            .flat_map(|e| e.data.iter().copied())
            .collect();
        let mut folder_blocks = Vec::new();
        if method & 0xF == 3 {
            if !stream.is_empty() {
                folder_blocks.push((lzx_uncompressed(&stream), stream.len()));
            }
        } else {
            for chunk in stream.chunks(32 * 1024) {
                folder_blocks.push((chunk.to_vec(), chunk.len()));
            }
        }
        records.extend_from_slice(&(data_at as u32).to_le_bytes());
        records.extend_from_slice(&(folder_blocks.len() as u16).to_le_bytes());
        records.extend_from_slice(&method.to_le_bytes());
        for (payload, uncompressed) in folder_blocks {
            let (c, u) = (payload.len() as u16, uncompressed as u16);
            let sum = if checksums {
                common::cab_checksum(&payload, c, u)
            } else {
                0
            };
            blocks.extend_from_slice(&sum.to_le_bytes());
            blocks.extend_from_slice(&c.to_le_bytes());
            blocks.extend_from_slice(&u.to_le_bytes());
            blocks.extend_from_slice(&payload);
            data_at += 8 + payload.len();
        }
    }

    let mut table = Vec::new();
    for (e, offset) in entries.iter().zip(&offsets) {
        let size = e.size.unwrap_or(e.data.len() as u32);
        table.extend_from_slice(&size.to_le_bytes());
        table.extend_from_slice(&offset.to_le_bytes());
        table.extend_from_slice(&e.folder.to_le_bytes());
        table.extend_from_slice(&[0x21, 0x5a, 0x00, 0x60]); // 2025-01-01 12:00
        table.extend_from_slice(&e.attributes.to_le_bytes());
        table.extend_from_slice(&e.name);
        table.push(0);
    }

    let total = table_at + table.len() + blocks.len();
    let mut out = Vec::with_capacity(total);
    out.extend_from_slice(b"MSCF");
    out.extend_from_slice(&0u32.to_le_bytes());
    out.extend_from_slice(&(total as u32).to_le_bytes());
    out.extend_from_slice(&0u32.to_le_bytes());
    out.extend_from_slice(&(table_at as u32).to_le_bytes());
    out.extend_from_slice(&0u32.to_le_bytes());
    out.extend_from_slice(&[3, 1]);
    out.extend_from_slice(&(folders.len() as u16).to_le_bytes());
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes()); // flags
    out.extend_from_slice(&0x1234u16.to_le_bytes()); // set id
    out.extend_from_slice(&0u16.to_le_bytes()); // index in the set
    out.extend_from_slice(&records);
    out.extend_from_slice(&table);
    out.extend_from_slice(&blocks);
    assert_eq!(out.len(), total);
    out
}

type Read = Result<Vec<Result<CabEntry, CabError>>, CabError>;

/// Reads `cab` with `limits`, checking what holds for any cabinet (the fuzz target's checks,
/// with these limits), and the memory bound: the entries' bytes, the input, and a fixed
/// allowance for tables, buffers and one decompression window of up to 32 MiB.
fn read(cab: &[u8], limits: &CabLimits) -> Read {
    read_counted(cab, limits).0
}

/// [`read`], and what the reader says the reading cost, checked against the budget: no
/// folder decompressed twice, no more decompressed or returned than the budget.
fn read_counted(cab: &[u8], limits: &CabLimits) -> (Read, CabStats) {
    let (out, held) = peak(|| read_cab_with_stats(cab, limits));
    let (out, stats) = match out {
        Ok((entries, stats)) => (Ok(entries), stats),
        Err(e) => (Err(e), CabStats::default()),
    };
    let returned: usize = match &out {
        Ok(entries) => entries.iter().flatten().map(|e| e.bytes.len()).sum(),
        Err(_) => 0,
    };
    assert!(
        returned as u64 <= limits.max_expansion,
        "{returned} bytes returned"
    );
    assert_eq!(stats.bytes_returned, returned as u64);
    assert!(
        stats.bytes_decompressed <= limits.max_expansion,
        "{stats:?}"
    );
    let folders = cab
        .get(26..28)
        .map_or(0, |b| u16::from_le_bytes([b[0], b[1]]));
    assert!(
        stats.folders_decompressed <= usize::from(folders),
        "{stats:?}"
    );
    let bound = 2 * limits.max_expansion.min(returned as u64 + 64 * MIB as u64) as usize
        + cab.len()
        + 40 * MIB;
    assert!(held <= bound, "held {held} bytes, more than {bound}");
    if let Ok(entries) = &out {
        for (i, e) in entries.iter().enumerate() {
            match e {
                Ok(e) => assert_eq!(e.index, i),
                Err(e) => {
                    assert_eq!(e.entry().map(|r| r.index), Some(i), "{e}");
                    assert!(!matches!(e, CabError::Defect { .. }), "{e}");
                }
            }
        }
    }
    (out, stats)
}

fn read_ok(cab: &[u8]) -> Vec<Result<CabEntry, CabError>> {
    read(cab, &CabLimits::default()).unwrap_or_else(|e| panic!("{e}"))
}

fn ok(entry: &Result<CabEntry, CabError>) -> &CabEntry {
    entry.as_ref().unwrap_or_else(|e| panic!("{e}"))
}

fn err(entry: &Result<CabEntry, CabError>) -> &CabError {
    match entry {
        Ok(e) => panic!("entry {} `{}` was read", e.index, e.name),
        Err(e) => e,
    }
}

// ----------------------------------------------------------------------------------------
// Real sets, packed by gcab.

const SETS: [&str; 2] = ["diskshadow-ws2012-sql2017", "diskshadow-ws2012-sql2017-b"];

/// Files by name, with their bytes.
type Files = Vec<(String, Vec<u8>)>;

/// The files of a corpus set, by name, sorted.
fn set_files(dir: &Path) -> Files {
    let mut files: Files = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&p).unwrap())
        })
        .collect();
    files.sort();
    files
}

/// `files` of `dir` packed by gcab (`-c`, or `-cz` for MSZIP) into `out`.
fn pack(gcab: &Path, dir: &Path, files: &[(String, Vec<u8>)], zip: bool, out: &Path) -> Vec<u8> {
    let status = Command::new(gcab)
        .arg(if zip { "-cz" } else { "-c" })
        .arg(out)
        .args(files.iter().map(|(name, _)| name))
        .current_dir(dir)
        .status()
        .expect("gcab runs");
    assert!(status.success(), "gcab failed: {status}");
    std::fs::read(out).unwrap()
}

/// Both corpus sets, each packed both ways: (what, files, cabinet).
fn packed_sets(test: &str) -> Vec<(String, Files, Vec<u8>)> {
    let corpus = common::corpus();
    let gcab = common::gcab();
    let scratch = Scratch::new(test);
    let mut out = Vec::new();
    for set in SETS {
        let dir = corpus.join(set);
        let files = set_files(&dir);
        assert!(files.iter().any(|(n, _)| n == "Manifest.xml"), "{set}");
        for zip in [false, true] {
            let what = format!("{set} ({})", if zip { "MSZIP" } else { "uncompressed" });
            let cab = pack(&gcab, &dir, &files, zip, &scratch.0.join("out.cab"));
            out.push((what, files.clone(), cab));
        }
    }
    out
}

#[test]
#[cfg_attr(
    no_corpus,
    ignore = "needs ../shared/corpus (see README, Running the tests)"
)]
#[cfg_attr(no_gcab, ignore = "needs gcab (see README, Running the tests)")]
fn real_sets_are_read_back_byte_for_byte() {
    for (what, files, cab) in packed_sets("real_sets_are_read_back_byte_for_byte") {
        let entries = read_ok(&cab);
        assert_eq!(entries.len(), files.len(), "{what}");
        let mut read: Vec<(String, Vec<u8>)> = entries
            .iter()
            .map(|e| {
                let e = ok(e);
                assert_eq!(e.file_name(), e.name, "{what}");
                (e.name.clone(), e.bytes.clone())
            })
            .collect();
        read.sort();
        for ((name, bytes), (source, data)) in read.iter().zip(&files) {
            assert_eq!(name, source, "{what}");
            assert!(bytes == data, "{what}: `{name}` differs from the source");
        }
    }
}

/// The entries of a cabinet built without reserved areas, from its tables: (name, offset in
/// the folder, size).
fn listed(cab: &[u8]) -> Vec<(String, u64, u64)> {
    let u16_at = |i: usize| u16::from_le_bytes([cab[i], cab[i + 1]]);
    let u32_at = |i: usize| u32::from_le_bytes([cab[i], cab[i + 1], cab[i + 2], cab[i + 3]]);
    let mut at = u32_at(16) as usize;
    (0..u16_at(28))
        .map(|_| {
            let size = u64::from(u32_at(at));
            let offset = u64::from(u32_at(at + 4));
            let end = at + 16 + cab[at + 16..].iter().position(|&b| b == 0).unwrap();
            let name = String::from_utf8_lossy(&cab[at + 16..end]).into_owned();
            at = end + 1;
            (name, offset, size)
        })
        .collect()
}

/// The data blocks of folder 0: (where its payload starts, its length, where its
/// uncompressed data starts in the folder).
fn blocks(cab: &[u8]) -> Vec<(usize, usize, u64)> {
    let mut at = u32::from_le_bytes([cab[36], cab[37], cab[38], cab[39]]) as usize;
    let count = u16::from_le_bytes([cab[40], cab[41]]);
    let mut start = 0u64;
    (0..count)
        .map(|_| {
            let c = usize::from(u16::from_le_bytes([cab[at + 4], cab[at + 5]]));
            let u = u64::from(u16::from_le_bytes([cab[at + 6], cab[at + 7]]));
            let block = (at + 8, c, start);
            at += 8 + c;
            start += u;
            block
        })
        .collect()
}

#[test]
#[cfg_attr(
    no_corpus,
    ignore = "needs ../shared/corpus (see README, Running the tests)"
)]
#[cfg_attr(no_gcab, ignore = "needs gcab (see README, Running the tests)")]
fn a_bad_checksum_loses_only_the_entries_from_its_block_on() {
    let test = "a_bad_checksum_loses_only_the_entries_from_its_block_on";
    for (what, files, cab) in packed_sets(test) {
        let blocks = blocks(&cab);
        let entries = listed(&cab);
        assert!(blocks.len() > 3, "{what}: {} blocks", blocks.len());
        for k in [0, blocks.len() / 2, blocks.len() - 1] {
            let (payload, len, lost_from) = blocks[k];
            let mut bad = cab.clone();
            bad[payload + len / 2] ^= 0x55;
            let read = read_ok(&bad);
            for (i, (name, offset, size)) in entries.iter().enumerate() {
                if offset + size <= lost_from {
                    let source = &files.iter().find(|(n, _)| n == name).unwrap().1;
                    assert!(&ok(&read[i]).bytes == source, "{what}: `{name}`");
                } else if *size > 0 {
                    let e = err(&read[i]);
                    assert!(
                        matches!(e, CabError::Checksum { block: Some(b), .. } if *b == k as u64),
                        "{what}, block {k}: {e}"
                    );
                    let message = e.to_string();
                    assert!(message.contains(&format!("`{name}`")), "{message}");
                    assert!(message.contains("checksum"), "{message}");
                }
            }
        }
    }
}

#[test]
#[cfg_attr(
    no_corpus,
    ignore = "needs ../shared/corpus (see README, Running the tests)"
)]
#[cfg_attr(no_gcab, ignore = "needs gcab (see README, Running the tests)")]
fn damage_without_a_checksum_is_caught_by_the_decoder_or_read_as_is() {
    let test = "damage_without_a_checksum_is_caught_by_the_decoder_or_read_as_is";
    for (what, _, cab) in packed_sets(test) {
        let blocks = blocks(&cab);
        for k in [0, blocks.len() / 2] {
            let (payload, len, _) = blocks[k];
            let mut bad = cab.clone();
            bad[payload - 8..payload - 4].fill(0);
            for i in (0..len).step_by(len / 7 + 1) {
                bad[payload + i] ^= 0xA5;
            }
            let entries = read_ok(&bad);
            for e in entries.iter().filter_map(|e| e.as_ref().err()) {
                assert!(
                    matches!(e, CabError::Damaged { .. } | CabError::FolderShort { .. }),
                    "{what}, block {k}: {e}"
                );
            }
        }
    }
}

#[test]
#[cfg_attr(
    no_corpus,
    ignore = "needs ../shared/corpus (see README, Running the tests)"
)]
#[cfg_attr(no_gcab, ignore = "needs gcab (see README, Running the tests)")]
fn truncated_real_cabinets_keep_the_entries_before_the_cut() {
    let test = "truncated_real_cabinets_keep_the_entries_before_the_cut";
    for (what, files, cab) in packed_sets(test) {
        let entries = listed(&cab);
        let blocks = blocks(&cab);
        let mut cuts = vec![
            0,
            1,
            3,
            4,
            20,
            35,
            36,
            40,
            44,
            60,
            blocks[0].0 - 8,
            blocks[0].0,
        ];
        cuts.extend((1..10).map(|k| cab.len() * k / 10));
        cuts.push(cab.len() - 1);
        for cut in cuts {
            let result = read(&cab[..cut], &CabLimits::default());
            if cut < blocks[0].0 - 8 {
                assert!(result.is_err(), "{what}, cut at {cut}");
            }
            let Ok(read) = result else { continue };
            // How far folder 0 can be read: up to the last block whole before the cut.
            let whole = blocks
                .iter()
                .take_while(|(payload, len, _)| payload + len <= cut)
                .count();
            let readable = blocks.get(whole).map_or(u64::MAX, |b| b.2);
            for (i, (name, offset, size)) in entries.iter().enumerate() {
                if offset + size <= readable {
                    let source = &files.iter().find(|(n, _)| n == name).unwrap().1;
                    assert!(
                        &ok(&read[i]).bytes == source,
                        "{what}, cut at {cut}: `{name}`"
                    );
                } else {
                    let e = err(&read[i]);
                    assert!(
                        matches!(e, CabError::EntryTruncated { .. }),
                        "{what}, cut at {cut}: {e}"
                    );
                    assert!(e
                        .to_string()
                        .starts_with("the cabinet is truncated: folder 0 ends after"));
                }
            }
        }
    }
}

// ----------------------------------------------------------------------------------------
// Hostile cabinets built here.

#[test]
fn built_cabinets_are_read_back() {
    let big: Vec<u8> = (0..100_000u32).map(|i| (i * 7 % 251) as u8).collect();
    let cab = build(
        &[NONE],
        &[
            spec("Manifest.xml", b"<a/>"),
            spec("WM0.xml", &big),
            spec("empty.xml", b""),
        ],
    );
    let entries = read_ok(&cab);
    assert_eq!(ok(&entries[0]).bytes, b"<a/>");
    assert_eq!(ok(&entries[1]).bytes, big);
    assert_eq!(ok(&entries[2]).bytes, b"");

    let cab = build(
        &[LZX],
        &[spec("a.xml", b"<a/>"), spec("b.xml", b"<b>x</b>")],
    );
    let entries = read_ok(&cab);
    assert_eq!(ok(&entries[0]).bytes, b"<a/>");
    assert_eq!(ok(&entries[1]).bytes, b"<b>x</b>");
}

#[test]
fn not_cabinets() {
    let limits = CabLimits::default();
    assert_eq!(read(b"", &limits).unwrap_err(), CabError::Empty);
    let e = read(b"<?xml version=\"1.0\"?><x/>", &limits).unwrap_err();
    assert_eq!(e, CabError::NotCabinet);
    assert_eq!(
        e.to_string(),
        "not a cabinet file (it does not start with MSCF)"
    );
    let e = read(b"MSC", &limits).unwrap_err();
    assert_eq!(
        e.to_string(),
        "the cabinet is truncated: the file ends after 3 bytes, in its header"
    );
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    for len in [1, 7, 36, 100, 4096, 100_000] {
        let bytes: Vec<u8> = (0..len)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                state as u8
            })
            .collect();
        let _ = read(&bytes, &limits);
        // Random bytes behind a real signature get past the first check.
        let mut signed = bytes.clone();
        signed.splice(0..4.min(len), *b"MSCF");
        let _ = read(&signed, &limits);
    }
}

#[test]
fn a_gibibyte_declared_is_refused_before_anything_is_read() {
    let mut huge = spec("WM3.xml", &[b'x'; 10]);
    huge.size = Some(1 << 30);
    let cab = build(
        &[NONE],
        &[
            spec("Manifest.xml", b"<m/>"),
            huge,
            spec("WM4.xml", b"<w/>"),
        ],
    );
    let (entries, held) = peak(|| read(&cab, &CabLimits::default()).unwrap());
    assert!(held < MIB, "held {held} bytes");
    assert_eq!(ok(&entries[0]).bytes, b"<m/>");
    let e = err(&entries[1]);
    assert!(matches!(e, CabError::EntryTooLarge { .. }), "{e}");
    assert_eq!(
        e.to_string(),
        "entry `WM3.xml` declares 1073741824 bytes, more than the 268435456 allowed \
         (--max-file-size)"
    );
    // The next entry's offset is where the data put it, not past the gibibyte.
    assert_eq!(ok(&entries[2]).bytes, b"<w/>");

    // Allowed, it still takes only the memory of the data that is there.
    let limits = CabLimits {
        max_bytes: 2 << 30,
        max_expansion: 2 << 30,
        ..CabLimits::default()
    };
    let (entries, held) = peak(|| read(&cab, &limits).unwrap());
    assert!(held < MIB, "held {held} bytes");
    let e = err(&entries[1]);
    assert!(matches!(e, CabError::FolderShort { .. }), "{e}");
}

#[test]
fn the_expansion_budget_holds_in_the_order_of_the_entries() {
    let limits = CabLimits {
        max_expansion: 1_000,
        ..CabLimits::default()
    };
    let cab = build(
        &[NONE],
        &[
            spec("a.xml", &[b'a'; 600]),
            spec("b.xml", &[b'b'; 600]),
            spec("c.xml", &[b'c'; 300]),
            spec("d.xml", &[b'd'; 101]),
        ],
    );
    let entries = read(&cab, &limits).unwrap();
    assert_eq!(ok(&entries[0]).bytes.len(), 600);
    let e = err(&entries[1]);
    assert_eq!(
        e.to_string(),
        "entry `b.xml` declares 600 bytes, which would bring the cabinet's entries to 1200 \
         bytes, more than the cabinet's expansion budget of 1000 bytes; raise it with \
         --max-cabinet-expansion"
    );
    // Past the refused one, in the folder's data: reaching it decompresses 1,500 bytes.
    let e = err(&entries[2]);
    assert!(matches!(e, CabError::OutOfReach { .. }), "{e}");
    assert!(matches!(err(&entries[3]), CabError::OutOfReach { .. }));

    // Overlapping entries: each returns its own copy, and the copies count.
    let mut specs = vec![spec("first.xml", &[b'z'; 100])];
    for i in 0..50 {
        let mut s = spec(&format!("again{i}.xml"), b"");
        s.size = Some(100);
        s.offset = Some(0);
        specs.push(s);
    }
    let entries = read(&build(&[NONE], &specs), &limits).unwrap();
    let read: Vec<&CabEntry> = entries.iter().flatten().collect();
    assert_eq!(read.len(), 10);
    assert!(read.iter().all(|e| e.bytes == [b'z'; 100]));
    assert!(entries[10..]
        .iter()
        .all(|e| matches!(e, Err(CabError::TotalTooLarge { .. }))));
}

/// A cabinet of `count` entries named `WMn.xml`, each covering all of `data`, which its one
/// folder stores once.
fn one_folder_many_times(data: &[u8], count: usize) -> Vec<u8> {
    let mut specs = vec![spec("WM0.xml", data)];
    for i in 1..count {
        let mut s = spec(&format!("WM{i}.xml"), b"");
        s.size = Some(data.len() as u32);
        s.offset = Some(0);
        specs.push(s);
    }
    build(&[NONE], &specs)
}

#[test]
fn entries_covering_one_folder_decompress_it_once_within_the_budget() {
    // 120 entries over one 2 MiB folder would expand to 240 MiB, each under --max-file-size.
    let data: Vec<u8> = (0..2 * MIB).map(|i| b'a' + (i % 26) as u8).collect();
    let cab = one_folder_many_times(&data, 120);
    let limits = CabLimits::default();
    let (entries, stats) = read_counted(&cab, &limits);
    let entries = entries.unwrap();
    assert_eq!(stats.folders_decompressed, 1, "{stats:?}");
    assert_eq!(stats.bytes_decompressed, data.len() as u64, "{stats:?}");
    // 32 MiB of budget holds 16 copies; the 104 after are each refused, and named.
    let within = (limits.max_expansion / data.len() as u64) as usize;
    assert_eq!(within, 16);
    assert!(entries[..within].iter().all(|e| ok(e).bytes == data));
    assert_eq!(stats.bytes_returned, limits.max_expansion);
    for (i, e) in entries.iter().enumerate().skip(within) {
        let e = err(e);
        assert!(matches!(e, CabError::TotalTooLarge { .. }), "{e}");
        assert_eq!(e.entry().unwrap().name, format!("WM{i}.xml"));
    }
    assert_eq!(
        err(&entries[within]).to_string(),
        "entry `WM16.xml` declares 2097152 bytes, which would bring the cabinet's entries to \
         35651584 bytes, more than the cabinet's expansion budget of 33554432 bytes; raise \
         it with --max-cabinet-expansion"
    );

    // With room for every copy, the folder is still decompressed once.
    let data = &data[..64 * 1024];
    let cab = one_folder_many_times(data, 120);
    let (entries, stats) = read_counted(&cab, &limits);
    assert!(entries.unwrap().iter().all(|e| ok(e).bytes == data));
    assert_eq!(
        stats,
        CabStats {
            folders_decompressed: 1,
            bytes_decompressed: data.len() as u64,
            bytes_returned: 120 * data.len() as u64,
        }
    );
}

#[test]
fn the_expansion_budget_is_an_option_and_its_refusals_are_findings_on_the_entries() {
    let doc = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/sets/contoso/WM0.xml"
    ))
    .unwrap();
    let scratch = Scratch::new("expansion-option");
    let path = scratch.0.join("backup.cab");
    std::fs::write(&path, one_folder_many_times(&doc, 5)).unwrap();
    let budget = (3 * doc.len()).to_string();
    let o = common::vsslint(&[
        "--format",
        "concise",
        "--max-cabinet-expansion",
        &budget,
        path.to_str().unwrap(),
    ]);
    let out = common::stdout(&o);
    let unreadable: Vec<&str> = out
        .lines()
        .filter(|l| l.contains("doc/unreadable"))
        .collect();
    assert_eq!(unreadable.len(), 2, "{out}");
    for (line, name) in unreadable.iter().zip(["WM3.xml", "WM4.xml"]) {
        assert!(
            line.contains(&format!("backup.cab!/{name}:"))
                && line.contains("raise it with --max-cabinet-expansion"),
            "{line}"
        );
    }
    // The entries within the budget are linted as documents.
    for name in ["WM0.xml", "WM1.xml", "WM2.xml"] {
        assert!(
            !out.lines()
                .any(|l| l.contains(&format!("!/{name}:")) && l.contains("doc/unreadable")),
            "{out}"
        );
    }
    let o = common::vsslint(&["--max-cabinet-expansion", "lots", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        common::stderr(&o).contains("`lots` is not a size"),
        "{}",
        common::stderr(&o)
    );
    let help = common::stdout(&common::vsslint(&["--help"]));
    assert!(help.contains("--max-cabinet-expansion <BYTES>"), "{help}");
    assert!(help.contains("default 32 MiB"), "{help}");
}

#[test]
fn an_entry_far_into_its_folder_is_out_of_reach() {
    let mut far = spec("far.xml", b"");
    far.size = Some(10);
    far.offset = Some(0xFFFF_0000);
    let cab = build(&[NONE], &[spec("near.xml", b"<n/>"), far]);
    let (entries, held) = peak(|| read_ok(&cab));
    assert!(held < MIB, "held {held} bytes");
    assert_eq!(ok(&entries[0]).bytes, b"<n/>");
    let e = err(&entries[1]);
    assert_eq!(
        e.to_string(),
        "entry `far.xml` lies at bytes 4,294,901,760 to 4,294,901,770 of folder 0: reaching \
         it would mean decompressing 4294901770 bytes of folder data, more than the cabinet's \
         expansion budget of 33554432 bytes; raise it with --max-cabinet-expansion"
    );
}

#[test]
fn ten_thousand_tiny_entries() {
    let specs: Vec<Spec> = (0..10_000)
        .map(|i| spec(&format!("f{i}.xml"), format!("<x n=\"{i}\"/>").as_bytes()))
        .collect();
    let cab = build(&[NONE], &specs);
    let (entries, held) = peak(|| read_ok(&cab));
    assert_eq!(entries.len(), 10_000);
    for (e, s) in entries.iter().zip(&specs) {
        let e = ok(e);
        assert_eq!(e.name.as_bytes(), s.name);
        assert_eq!(e.bytes, s.data);
    }
    // Each entry's bytes, name and record, and a fixed allowance: no copy of the folder per
    // entry.
    assert!(held < 10_000 * 200 + 4 * MIB, "held {held} bytes");

    let limits = CabLimits {
        max_entries: 9_999,
        ..CabLimits::default()
    };
    let e = read(&cab, &limits).unwrap_err();
    assert_eq!(
        e.to_string(),
        "the cabinet lists 10,000 entries, more than the 9,999 allowed"
    );
}

#[test]
fn names_are_kept_as_stored_and_never_used_as_paths() {
    let mut utf = spec("Ü.xml", b"u");
    utf.attributes |= 0x80;
    let mut oem = spec("", b"o");
    oem.name = vec![0x9A, b'.', b'x', b'm', b'l']; // Ü in code page 437
    let cab = build(
        &[NONE],
        &[
            spec(r"..\..\x.xml", b"<x/>"),
            spec("/etc/passwd", b"p"),
            spec(r"C:\Windows\System32\WM0.xml", b"w"),
            spec("dir/", b"d"),
            utf,
            oem,
            spec("bell\u{7}.xml", b"b"),
        ],
    );
    let entries = read_ok(&cab);
    let names: Vec<(&str, &str)> = entries
        .iter()
        .map(|e| (ok(e).name.as_str(), ok(e).file_name()))
        .collect();
    assert_eq!(
        names,
        [
            (r"..\..\x.xml", "x.xml"),
            ("/etc/passwd", "passwd"),
            (r"C:\Windows\System32\WM0.xml", "WM0.xml"),
            ("dir/", ""),
            ("Ü.xml", "Ü.xml"),
            ("Ü.xml", "Ü.xml"),
            ("bell\u{7}.xml", "bell\u{7}.xml"),
        ]
    );
    assert_eq!(ok(&entries[0]).bytes, b"<x/>");

    // A control character in a name is escaped in messages.
    let mut bad = spec("esc\u{1b}[2J.xml", b"");
    bad.folder = 3;
    let entries = read_ok(&build(&[NONE], &[bad]));
    assert_eq!(
        err(&entries[0]).to_string(),
        "entry `esc\\u{1b}[2J.xml` is in folder 3, but the cabinet has 1 folder"
    );
}

#[test]
fn entries_of_the_same_name_are_each_read() {
    let cab = build(
        &[NONE],
        &[spec("WM0.xml", b"first"), spec("WM0.xml", b"second")],
    );
    let entries = read_ok(&cab);
    assert_eq!(ok(&entries[0]).bytes, b"first");
    assert_eq!(ok(&entries[1]).bytes, b"second");
}

#[test]
fn entries_the_reader_cannot_reach_leave_the_others() {
    let mut continued = spec("continued.xml", b"");
    continued.folder = 0xFFFD;
    continued.size = Some(5);
    let mut quantum = spec("quantum.xml", b"q");
    quantum.folder = 1;
    let mut unknown = spec("unknown.xml", b"u");
    unknown.folder = 2;
    let mut lost = spec("lost.xml", b"");
    lost.folder = 7;
    lost.size = Some(5);
    let cab = build(
        &[NONE, 0x1472, 0x000F],
        &[continued, spec("fine.xml", b"<f/>"), quantum, unknown, lost],
    );
    let entries = read_ok(&cab);
    let messages: Vec<String> = entries
        .iter()
        .map(|e| match e {
            Ok(e) => format!("ok {}", String::from_utf8_lossy(&e.bytes)),
            Err(e) => e.to_string(),
        })
        .collect();
    assert_eq!(
        messages,
        [
            "entry `continued.xml` continues from the previous cabinet of a set: only what lies \
             whole in one cabinet can be read",
            "ok <f/>",
            "entry `quantum.xml` is in folder 1, compressed with Quantum, which this reader \
             does not decompress",
            "entry `unknown.xml` is in folder 2, compressed with an unknown method (0x000F), \
             which this reader does not decompress",
            "entry `lost.xml` is in folder 7, but the cabinet has 3 folders",
        ]
    );
}

#[test]
fn truncated_built_cabinets() {
    let big: Vec<u8> = (0..70_000u32).map(|i| (i % 253) as u8).collect();
    let cab = build(
        &[NONE],
        &[
            spec("a.xml", &[b'a'; 1000]),
            spec("b.xml", &big),
            spec("c.xml", b"<c/>"),
        ],
    );
    let data_at = 36 + 8 + (17 + 5) * 3;
    for cut in [
        10,
        36,
        40,
        44,
        50,
        data_at - 1,
        data_at,
        data_at + 8,
        data_at + 1008,
    ] {
        let _ = read(&cab[..cut], &CabLimits::default());
    }
    let e = read(&cab[..50], &CabLimits::default()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "the cabinet is truncated: the file ends after 50 bytes, in its list of entries, at entry \
         1 of 3"
    );
    // In the second block: the first entry is whole, the second cut short, the third missing.
    let entries = read_ok(&cab[..data_at + 8 + 32 * 1024 + 8 + 100]);
    assert_eq!(ok(&entries[0]).bytes, [b'a'; 1000]);
    assert_eq!(
        err(&entries[1]).to_string(),
        "the cabinet is truncated: folder 0 ends after 32,768 of 71,004 bytes, so entry \
         `b.xml` (bytes 1,000 to 71,000 of the folder) is cut short"
    );
    assert_eq!(
        err(&entries[2]).to_string(),
        "the cabinet is truncated: folder 0 ends after 32,768 of 71,004 bytes, so entry \
         `c.xml` (bytes 71,000 to 71,004 of the folder) is missing"
    );
}

#[test]
fn lzx_windows_are_bounded_over_the_cabinet() {
    let folders = vec![LZX_32M; 40];
    let specs: Vec<Spec> = (0..40u16)
        .map(|f| {
            let mut s = spec(&format!("f{f}.xml"), b"<x/>");
            s.folder = f;
            s
        })
        .collect();
    let entries = read_ok(&build(&folders, &specs));
    assert!(entries[..32].iter().all(|e| ok(e).bytes == b"<x/>"));
    for e in &entries[32..] {
        assert!(matches!(err(e), CabError::TooManyWindows { .. }));
    }
}

// ----------------------------------------------------------------------------------------
// Random damage to small valid cabinets.

/// Small cabinets of every kind the reader decodes: built here uncompressed and LZX, and
/// gcab's MSZIP when gcab is there; the compressed ones also without checksums.
fn seeds() -> &'static [Vec<u8>] {
    static SEEDS: std::sync::OnceLock<Vec<Vec<u8>>> = std::sync::OnceLock::new();
    SEEDS.get_or_init(|| {
        let text: Vec<u8> = (0..40_000u32)
            .flat_map(|i| format!("<f n=\"{i}\"/>").into_bytes())
            .take(40_000)
            .collect();
        let mut other = spec("m.xml", b"m");
        other.folder = 1;
        let lzx = [spec("l.xml", &text[..5_000]), other];
        let mut seeds = vec![
            build(&[NONE], &[spec("a.xml", b"<a/>"), spec("b.xml", &text)]),
            build(&[LZX, NONE], &lzx),
            build_with(&[LZX, NONE], &lzx, false),
        ];
        // Whether they are there is `gcab_cabinets_are_among_the_damage_seeds`' business.
        if !cfg!(no_gcab) {
            let gcab = common::gcab();
            let scratch = Scratch::new("seeds");
            std::fs::write(scratch.0.join("a.xml"), &text).unwrap();
            std::fs::write(scratch.0.join("b.xml"), b"<b/>").unwrap();
            let files = [
                ("a.xml".to_owned(), Vec::new()),
                ("b.xml".to_owned(), Vec::new()),
            ];
            let zipped = pack(&gcab, &scratch.0, &files, true, &scratch.0.join("z.cab"));
            let mut unchecked = zipped.clone();
            for (payload, _, _) in blocks(&zipped) {
                unchecked[payload - 8..payload - 4].fill(0);
            }
            seeds.extend([zipped, unchecked]);
        }
        seeds
    })
}

/// gcab's MSZIP cabinets are among the seeds of `random_damage_never_panics`, with and without
/// checksums: the only MSZIP ones, as the reader here builds none.
#[test]
#[cfg_attr(no_gcab, ignore = "needs gcab (see README, Running the tests)")]
fn gcab_cabinets_are_among_the_damage_seeds() {
    // typeCompress of the first CFFOLDER, after the 36-byte CFHEADER (no reserve): 1 is MSZIP.
    let mszip = seeds().iter().filter(|cab| cab[42..44] == [1, 0]).count();
    assert_eq!(mszip, 2);
}

fn config() -> ProptestConfig {
    let mut config = ProptestConfig::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = 512;
    }
    if std::env::var_os("PROPTEST_RNG_SEED").is_none() {
        config.rng_seed = RngSeed::Fixed(0x0063_6162_7265_6164);
    }
    config
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn random_damage_never_panics(
        seed in any::<Index>(),
        flips in prop::collection::vec((any::<Index>(), any::<u8>()), 1..8),
        head in any::<bool>(),
        cut in any::<Option<Index>>(),
    ) {
        let seeds = seeds();
        let mut cab = seeds[seed.index(seeds.len())].clone();
        // Half the time in the tables, where each field changes what is read.
        let span = if head { 120.min(cab.len()) } else { cab.len() };
        for (at, byte) in &flips {
            cab[at.index(span)] = *byte;
        }
        if let Some(cut) = cut {
            cab.truncate(cut.index(cab.len() + 1));
        }
        exercise::exercise_cab(&cab);
        read(&cab, &exercise::CAB_LIMITS).ok();
    }
}

//! Microsoft cabinet files, as DiskShadow's `set metadata backup.cab` writes them:
//! `Manifest.xml`, `BCDocument.xml`, one `WMn.xml` per writer, and a log.
//!
//! The `cab` crate decodes the data blocks (checksums, MSZIP, LZX). The tables around them
//! (header, folders, entries) are read here, and the crate is shown a cabinet whose entry list
//! is replaced by one entry per folder, covering what the real entries need of that folder.
//! Each folder is then decompressed once, front to back, and the real entries are cut out of
//! it as it streams past. Reading through the crate's own entry list would not do: it opens
//! an entry by name only (a second entry of the same name could not be reached), decompresses
//! its folder again from the start for every entry (quadratic in the entries), panics on an
//! entry that lies past its folder's data, and decodes every name as UTF-8 whatever its flag
//! says.
//!
//! Bounds, for any input: no entry may declare more than [`CabLimits::max_bytes`], and the
//! entries returned hold at most [`CabLimits::max_expansion`] together, an entry that shares
//! its data with others counted for each copy. Both are checked on the sizes the entries
//! declare before anything is decompressed, and the folder data decompressed to reach them is
//! held to the same budget while it streams; buffers grow only as data arrives. A folder is
//! decompressed at most once, however many entries cover it ([`CabStats`] counts it). LZX
//! windows (up to 32 MiB each, one at a time) take at most 1 GiB in all. The tables take at
//! most what the format allows (65,535 folders and entries, names of 255 bytes).
//!
//! One entry's fault is that entry's error: the others are still read. A damaged data block
//! loses its folder from that block on, since MSZIP and LZX carry their state from block to
//! block; the entries before it are kept.

use std::fmt;
use std::io::{self, Read, Seek, SeekFrom};
use std::panic::{self, AssertUnwindSafe};

/// What reading one cabinet may cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CabLimits {
    /// The most bytes one entry may declare: the linter's `--max-file-size`, whose default is
    /// the default here (256 MiB), since an entry is a file once it is out of the cabinet.
    pub max_bytes: u64,
    /// The cabinet's expansion budget: the most bytes its entries may hold together (an entry
    /// covering data another entry covers too is counted again, since each is a copy), and
    /// the most bytes of folder data decompressed to reach them. The linter's
    /// `--max-cabinet-expansion`, whose default is the default here (32 MiB: ten times the metadata of a server's whole backup, and what keeps 120 entries over one 2 MB folder within 512 MB; README "Limits"). Without it, a
    /// few kilobytes of cabinet listing one compressed folder many times over would expand to
    /// as many copies of it.
    pub max_expansion: u64,
    /// The most entries a cabinet may list; the format allows 65,535, the default.
    pub max_entries: usize,
}

impl Default for CabLimits {
    fn default() -> Self {
        CabLimits {
            max_bytes: 256 * 1024 * 1024,
            max_expansion: 32 * 1024 * 1024,
            max_entries: 65_535,
        }
    }
}

/// What reading one cabinet cost: counts, not time, so that a test can hold the reader to
/// them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CabStats {
    /// Folders whose data was decompressed: each at most once, however many entries cover it.
    pub folders_decompressed: usize,
    /// Bytes of folder data decompressed, all folders together: at most
    /// [`CabLimits::max_expansion`].
    pub bytes_decompressed: u64,
    /// Bytes of the entries returned, copies of shared data each counted: at most
    /// [`CabLimits::max_expansion`].
    pub bytes_returned: u64,
}

/// One entry of a cabinet, read whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CabEntry {
    /// Its place in the cabinet's list of entries, from 0.
    pub index: usize,
    /// Its name as stored, path and all: UTF-8 when the entry's flag says so, otherwise the
    /// code page 437 that cabinets default to. Never a path to open or write: `..\..\x.xml`
    /// is a name like any other.
    pub name: String,
    /// Its uncompressed bytes.
    pub bytes: Vec<u8>,
}

impl CabEntry {
    /// The last component of [`name`](Self::name), after any `\` or `/`: what to show or
    /// match against `WM3.xml`; empty when the name ends in a separator.
    pub fn file_name(&self) -> &str {
        file_name(&self.name)
    }
}

/// The last component of a stored name, after any `\` or `/`.
pub(crate) fn file_name(name: &str) -> &str {
    name.rsplit(['\\', '/']).next().unwrap_or(name)
}

/// The entry an error is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryRef {
    /// Its place in the cabinet's list of entries, from 0.
    pub index: usize,
    /// Its name as stored (see [`CabEntry::name`]).
    pub name: String,
}

/// Where an entry lies in its folder's uncompressed data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// The folder's place in the cabinet's list of folders, from 0.
    pub folder: u16,
    /// Its first byte in the folder's data.
    pub start: u64,
    /// Just past its last byte.
    pub end: u64,
}

/// Why a cabinet, or one of its entries, cannot be read.
///
/// [`read_cab`] returns the first group (no entry named) for the cabinet as a whole, the
/// others for one entry each. The messages say what is wrong in terms a user can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum CabError {
    /// The input has no bytes.
    Empty,
    /// The input does not start with `MSCF`.
    NotCabinet,
    /// The input is larger than the format can address.
    TooBig {
        /// The input's length in bytes.
        len: u64,
    },
    /// A format version after 1.3, the last one published.
    Version {
        /// The major version the header declares.
        major: u8,
        /// The minor version the header declares.
        minor: u8,
    },
    /// The header or a list of folders or entries goes past the end of the input.
    Truncated {
        /// What was being read, e.g. "its list of entries, at entry 4 of 14".
        part: String,
        /// The input's length in bytes.
        len: u64,
    },
    /// The tables cannot be read, for a reason other than truncation.
    Malformed {
        /// What is wrong with them, in words.
        what: String,
    },
    /// More entries than [`CabLimits::max_entries`].
    TooManyEntries {
        /// The number of entries the header declares.
        count: usize,
        /// [`CabLimits::max_entries`].
        max: usize,
    },

    /// The entry alone declares more than [`CabLimits::max_bytes`].
    EntryTooLarge {
        /// The entry.
        entry: EntryRef,
        /// The uncompressed size the entry declares, in bytes.
        size: u64,
        /// [`CabLimits::max_bytes`].
        max: u64,
    },
    /// The entry would bring the entries' total over [`CabLimits::max_expansion`].
    TotalTooLarge {
        /// The entry.
        entry: EntryRef,
        /// The uncompressed size the entry declares, in bytes.
        size: u64,
        /// The declared sizes of the entries admitted before it and of this one, together.
        total: u64,
        /// [`CabLimits::max_expansion`].
        max: u64,
    },
    /// Reaching the entry means decompressing more folder data than
    /// [`CabLimits::max_expansion`] allows.
    OutOfReach {
        /// The entry.
        entry: EntryRef,
        /// Where the entry lies in its folder's data.
        at: Place,
        /// The folder data that reading it would bring the decompression to, in bytes, all
        /// folders together.
        work: u64,
        /// The most folder data that may be decompressed: [`CabLimits::max_expansion`], or
        /// 4 GiB less one byte (what a folder can address) if that is smaller.
        max: u64,
    },
    /// The entry's folder is LZX, and the cabinet's LZX windows would take more than 1 GiB.
    TooManyWindows {
        /// The entry.
        entry: EntryRef,
        /// The entry's folder, from 0.
        folder: u16,
    },
    /// The entry names a folder the cabinet does not have.
    NoFolder {
        /// The entry.
        entry: EntryRef,
        /// The folder the entry names, from 0.
        folder: u16,
        /// The number of folders the cabinet has.
        folders: usize,
    },
    /// The entry starts in or runs into another cabinet of a set.
    SpansCabinets {
        /// The entry.
        entry: EntryRef,
        /// The entry's folder field: 0xFFFD continued from the previous cabinet, 0xFFFE
        /// continued into the next, 0xFFFF both.
        folder: u16,
    },
    /// The entry's folder is compressed with a method this reader does not decode.
    Unsupported {
        /// The entry.
        entry: EntryRef,
        /// The entry's folder, from 0.
        folder: u16,
        /// The compression method, as a message shows it: `Quantum`, or an unknown method
        /// with its field in hexadecimal.
        method: String,
    },
    /// The input ends in the entry's folder before the entry does.
    EntryTruncated {
        /// The entry.
        entry: EntryRef,
        /// Where the entry lies in its folder's data.
        at: Place,
        /// The bytes of folder data decompressed before the input ended.
        have: u64,
        /// How far into the folder's data the entries to be read from it reach, in bytes.
        need: u64,
    },
    /// The folder's data blocks end before the entry does (the input does not).
    FolderShort {
        /// The entry.
        entry: EntryRef,
        /// Where the entry lies in its folder's data.
        at: Place,
        /// The bytes of data the folder's blocks hold.
        have: u64,
        /// How far into the folder's data the entries to be read from it reach, in bytes.
        need: u64,
    },
    /// A data block of the folder, at or before the entry, fails its checksum.
    Checksum {
        /// The entry.
        entry: EntryRef,
        /// Where the entry lies in its folder's data.
        at: Place,
        /// Where the folder's data is lost from.
        from: u64,
        /// The failing block's number as the decoder gives it; `None` when its message does
        /// not say.
        block: Option<u64>,
        /// The stored and the computed checksums (`stored 0x…, computed 0x…`), or the
        /// decoder's whole message when it cannot be taken apart.
        detail: String,
    },
    /// The folder cannot be decompressed at or before the entry.
    Damaged {
        /// The entry.
        entry: EntryRef,
        /// Where the entry lies in its folder's data.
        at: Place,
        /// Where the folder's data is lost from.
        from: u64,
        /// The decoder's message.
        detail: String,
    },
    /// The decoder failed in a way it should not: a defect of the reader.
    Defect {
        /// The entry.
        entry: EntryRef,
        /// The entry's folder, from 0.
        folder: u16,
        /// The decoder's error or panic message.
        detail: String,
    },
}

impl CabError {
    /// The entry this error is about; `None` for the cabinet as a whole.
    pub fn entry(&self) -> Option<&EntryRef> {
        use CabError::*;
        match self {
            Empty
            | NotCabinet
            | TooBig { .. }
            | Version { .. }
            | Truncated { .. }
            | Malformed { .. }
            | TooManyEntries { .. } => None,
            EntryTooLarge { entry, .. }
            | TotalTooLarge { entry, .. }
            | OutOfReach { entry, .. }
            | TooManyWindows { entry, .. }
            | NoFolder { entry, .. }
            | SpansCabinets { entry, .. }
            | Unsupported { entry, .. }
            | EntryTruncated { entry, .. }
            | FolderShort { entry, .. }
            | Checksum { entry, .. }
            | Damaged { entry, .. }
            | Defect { entry, .. } => Some(entry),
        }
    }
}

impl fmt::Display for CabError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use CabError::*;
        match self {
            Empty => write!(f, "the file is empty, not a cabinet"),
            NotCabinet => write!(f, "not a cabinet file (it does not start with MSCF)"),
            TooBig { len } => write!(
                f,
                "the file is {} bytes, more than a cabinet can be ({} bytes)",
                N(*len),
                N(MAX_CABINET)
            ),
            Version { major, minor } => write!(
                f,
                "cabinet format version {major}.{minor} is not supported (versions up to 1.3 are)"
            ),
            Truncated { part, len } => write!(
                f,
                "the cabinet is truncated: the file ends after {} bytes, in {part}",
                N(*len)
            ),
            Malformed { what } => write!(f, "the cabinet is malformed: {what}"),
            TooManyEntries { count, max } => write!(
                f,
                "the cabinet lists {} entries, more than the {} allowed",
                N(*count as u64),
                N(*max as u64)
            ),
            EntryTooLarge { entry, size, max } => write!(
                f,
                "entry `{}` declares {size} bytes, more than the {max} allowed (--max-file-size)",
                Shown(&entry.name)
            ),
            TotalTooLarge {
                entry,
                size,
                total,
                max,
            } => write!(
                f,
                "entry `{}` declares {size} bytes, which would bring the cabinet's entries to \
                 {total} bytes, more than the cabinet's expansion budget of {max} bytes; raise \
                 it with --max-cabinet-expansion",
                Shown(&entry.name)
            ),
            OutOfReach {
                entry,
                at,
                work,
                max,
            } => write!(
                f,
                "entry `{}` lies at bytes {} to {} of folder {}: reaching it would mean \
                 decompressing {work} bytes of folder data, more than the cabinet's expansion \
                 budget of {max} bytes; raise it with --max-cabinet-expansion",
                Shown(&entry.name),
                N(at.start),
                N(at.end),
                at.folder
            ),
            TooManyWindows { entry, folder } => write!(
                f,
                "entry `{}` is in folder {folder}, compressed with LZX: the cabinet's LZX folders \
                 would need more than {} MiB of decompression windows",
                Shown(&entry.name),
                MAX_WINDOWS >> 20
            ),
            NoFolder {
                entry,
                folder,
                folders,
            } => write!(
                f,
                "entry `{}` is in folder {folder}, but the cabinet has {} folder{}",
                Shown(&entry.name),
                N(*folders as u64),
                if *folders == 1 { "" } else { "s" }
            ),
            SpansCabinets { entry, folder } => {
                let how = match folder {
                    0xFFFD => "continues from the previous cabinet of a set",
                    0xFFFE => "continues into the next cabinet of a set",
                    _ => "spans the previous and the next cabinets of a set",
                };
                write!(
                    f,
                    "entry `{}` {how}: only what lies whole in one cabinet can be read",
                    Shown(&entry.name)
                )
            }
            Unsupported {
                entry,
                folder,
                method,
            } => write!(
                f,
                "entry `{}` is in folder {folder}, compressed with {method}, which this reader \
                 does not decompress",
                Shown(&entry.name)
            ),
            EntryTruncated {
                entry,
                at,
                have,
                need,
            } => write!(
                f,
                "the cabinet is truncated: folder {} ends after {} of {} bytes, so entry `{}` \
                 (bytes {} to {} of the folder) is {}",
                at.folder,
                N(*have),
                N(*need),
                Shown(&entry.name),
                N(at.start),
                N(at.end),
                cut(at, *have)
            ),
            FolderShort {
                entry,
                at,
                have,
                need,
            } => write!(
                f,
                "folder {} holds {} bytes of data, fewer than the {} its entries need, so entry \
                 `{}` (bytes {} to {} of the folder) is {}",
                at.folder,
                N(*have),
                N(*need),
                Shown(&entry.name),
                N(at.start),
                N(at.end),
                cut(at, *have)
            ),
            Checksum {
                entry,
                at,
                from,
                block,
                detail,
            } => {
                write!(f, "entry `{}` is damaged: ", Shown(&entry.name))?;
                match block {
                    Some(b) => write!(f, "data block {b} of folder {}", at.folder)?,
                    None => write!(f, "a data block of folder {}", at.folder)?,
                }
                write!(
                    f,
                    " fails its checksum ({detail}); the folder is lost from byte {} on, and \
                     the entry is bytes {} to {}",
                    N(*from),
                    N(at.start),
                    N(at.end)
                )
            }
            Damaged {
                entry,
                at,
                from,
                detail,
            } => write!(
                f,
                "entry `{}` is damaged: folder {} cannot be decompressed from byte {} on \
                 ({detail}), and the entry is bytes {} to {}",
                Shown(&entry.name),
                at.folder,
                N(*from),
                N(at.start),
                N(at.end)
            ),
            Defect {
                entry,
                folder,
                detail,
            } => write!(
                f,
                "entry `{}` could not be read: the cabinet decoder failed on folder {folder} \
                 ({detail}); this is a defect of vsslint, please report it",
                Shown(&entry.name)
            ),
        }
    }
}

impl std::error::Error for CabError {}

/// "cut short" or "missing", for an entry of a folder whose data stops at `have`.
fn cut(at: &Place, have: u64) -> &'static str {
    if at.start < have {
        "cut short"
    } else {
        "missing"
    }
}

/// A count or offset with thousands separators.
struct N(u64);

impl fmt::Display for N {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let digits = self.0.to_string();
        for (i, d) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                f.write_str(",")?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

/// A name from the cabinet in a message: its control characters escaped, so that a hostile
/// name cannot drive the terminal the message is shown on.
struct Shown<'a>(&'a str);

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in self.0.chars() {
            if c.is_control() {
                write!(f, "{}", c.escape_unicode())?;
            } else {
                write!(f, "{c}")?;
            }
        }
        Ok(())
    }
}

/// The largest cabinet the format allows (the crate refuses larger ones too); it also leaves
/// room below 4 GiB for the entry list given to the crate.
const MAX_CABINET: u64 = 0x7FFF_FFFF;

/// The most memory set aside for LZX windows over one cabinet: 32 of the largest (32 MiB),
/// or many more small ones. Each is zeroed when set up, so without a bound a few megabytes of
/// folders, each with a byte to read, could cost terabytes of zeroing.
const MAX_WINDOWS: u64 = 1 << 30;

/// Bytes read from a folder's stream at a time.
const CHUNK: usize = 64 * 1024;

const HEADER_LEN: usize = 36;
const FLAG_PREV_CABINET: u16 = 0x1;
const FLAG_NEXT_CABINET: u16 = 0x2;
const FLAG_RESERVE_PRESENT: u16 = 0x4;
const ATTR_NAME_IS_UTF: u16 = 0x80;
/// The longest name the format allows, without its terminating NUL; the crate's bound too.
const MAX_NAME: usize = 255;
/// Folder indexes at or above this say the entry spans cabinets of a set.
const CONTINUED: u16 = 0xFFFD;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Method {
    None,
    MsZip,
    Quantum,
    Lzx { window: u64 },
    Unknown(u16),
}

impl Method {
    /// The crate's reading of the folder's compression field, so that the two never differ
    /// on which folders it can open.
    fn from_bits(bits: u16) -> Method {
        match bits & 0xF {
            0 => Method::None,
            1 => Method::MsZip,
            2 if (1..=7).contains(&((bits >> 4) & 0xF))
                && (10..=21).contains(&((bits >> 8) & 0x1F)) =>
            {
                Method::Quantum
            }
            3 if (15..=25).contains(&((bits >> 8) & 0x1F)) => Method::Lzx {
                window: 1 << ((bits >> 8) & 0x1F),
            },
            _ => Method::Unknown(bits),
        }
    }
}

struct Folder {
    /// Where its CFFOLDER record starts, to patch its compression field.
    record: usize,
    /// Where its first data block starts.
    data: u32,
    method: Method,
}

struct Listed {
    size: u32,
    offset: u32,
    folder: u16,
    name: String,
}

struct Tables {
    folders: Vec<Folder>,
    entries: Vec<Listed>,
    /// Where the folder list ends: the part of the input given to the crate patched.
    head_len: usize,
}

/// A read past the end of the input.
struct Short;

enum TableError {
    Short,
    LongName,
}

impl From<Short> for TableError {
    fn from(_: Short) -> Self {
        TableError::Short
    }
}

struct Cursor<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], Short> {
        let end = self.pos.saturating_add(n);
        let got = self.bytes.get(self.pos..end).ok_or(Short)?;
        self.pos = end;
        Ok(got)
    }

    fn u8(&mut self) -> Result<u8, Short> {
        Ok(self.take(1)?[0])
    }

    fn u16(&mut self) -> Result<u16, Short> {
        let b = self.take(2)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }

    fn u32(&mut self) -> Result<u32, Short> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// A NUL-terminated string of at most [`MAX_NAME`] bytes, without its NUL.
    fn string(&mut self) -> Result<&'a [u8], TableError> {
        let rest = self.bytes.get(self.pos..).unwrap_or_default();
        let window = &rest[..rest.len().min(MAX_NAME + 1)];
        match window.iter().position(|&b| b == 0) {
            Some(n) => {
                let s = self.take(n + 1)?;
                Ok(&s[..n])
            }
            None if window.len() > MAX_NAME => Err(TableError::LongName),
            None => Err(TableError::Short),
        }
    }
}

/// Reads the header and the lists of folders and entries.
fn read_tables(bytes: &[u8], limits: &CabLimits) -> Result<Tables, CabError> {
    let len = bytes.len() as u64;
    if bytes.is_empty() {
        return Err(CabError::Empty);
    }
    let sig = &bytes[..bytes.len().min(4)];
    if sig != &b"MSCF"[..sig.len()] {
        return Err(CabError::NotCabinet);
    }
    if len > MAX_CABINET {
        return Err(CabError::TooBig { len });
    }
    let truncated = |part: &str| CabError::Truncated {
        part: part.to_owned(),
        len,
    };
    let table_error = |part: String, e: TableError| match e {
        TableError::Short => CabError::Truncated { part, len },
        TableError::LongName => CabError::Malformed {
            what: format!("a name in {part} does not end within {MAX_NAME} bytes"),
        },
    };

    let mut c = Cursor { bytes, pos: 0 };
    let header = c.take(HEADER_LEN).map_err(|_| truncated("its header"))?;
    let u16_at = |i: usize| u16::from_le_bytes([header[i], header[i + 1]]);
    let first_entry = u32::from_le_bytes([header[16], header[17], header[18], header[19]]);
    let (minor, major) = (header[24], header[25]);
    if (major, minor) > (1, 3) {
        return Err(CabError::Version { major, minor });
    }
    let folder_count = usize::from(u16_at(26));
    let entry_count = usize::from(u16_at(28));
    let flags = u16_at(30);
    if entry_count > limits.max_entries {
        return Err(CabError::TooManyEntries {
            count: entry_count,
            max: limits.max_entries,
        });
    }

    let mut folder_reserve = 0;
    if flags & FLAG_RESERVE_PRESENT != 0 {
        let part = "the reserved area of its header";
        let header_reserve = c.u16().map_err(|_| truncated(part))?;
        folder_reserve = usize::from(c.u8().map_err(|_| truncated(part))?);
        c.u8().map_err(|_| truncated(part))?;
        c.take(usize::from(header_reserve))
            .map_err(|_| truncated(part))?;
    }
    for (flag, which) in [(FLAG_PREV_CABINET, "previous"), (FLAG_NEXT_CABINET, "next")] {
        if flags & flag != 0 {
            for what in ["cabinet", "disk"] {
                c.string().map_err(|e| {
                    table_error(format!("its header (the {which} {what} of its set)"), e)
                })?;
            }
        }
    }

    let mut folders = Vec::with_capacity(folder_count);
    for i in 0..folder_count {
        let part = || {
            format!(
                "its list of folders, at folder {} of {}",
                i + 1,
                N(folder_count as u64)
            )
        };
        let record = c.pos;
        let mut field = || -> Result<(u32, u16), Short> {
            let data = c.u32()?;
            c.u16()?;
            let bits = c.u16()?;
            c.take(folder_reserve)?;
            Ok((data, bits))
        };
        let (data, bits) = field().map_err(|_| truncated(&part()))?;
        folders.push(Folder {
            record,
            data,
            method: Method::from_bits(bits),
        });
    }
    let head_len = c.pos;

    let mut c = Cursor {
        bytes,
        pos: first_entry as usize,
    };
    let mut entries = Vec::with_capacity(entry_count);
    for i in 0..entry_count {
        let part = || {
            format!(
                "its list of entries, at entry {} of {}",
                i + 1,
                N(entry_count as u64)
            )
        };
        let mut entry = || -> Result<Listed, TableError> {
            let size = c.u32()?;
            let offset = c.u32()?;
            let folder = c.u16()?;
            c.take(4)?;
            let attributes = c.u16()?;
            let raw = c.string()?;
            let name = if attributes & ATTR_NAME_IS_UTF != 0 {
                String::from_utf8_lossy(raw).into_owned()
            } else {
                cp437(raw)
            };
            Ok(Listed {
                size,
                offset,
                folder,
                name,
            })
        };
        entries.push(entry().map_err(|e| table_error(part(), e))?);
    }
    Ok(Tables {
        folders,
        entries,
        head_len,
    })
}

/// The upper half of code page 437, from 0x80.
const CP437_HIGH: &str = "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐\
    └┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u{A0}";

/// Code page 437 to text: the encoding of names without the UTF flag.
fn cp437(raw: &[u8]) -> String {
    if raw.is_ascii() {
        return raw.iter().map(|&b| char::from(b)).collect();
    }
    let high: Vec<char> = CP437_HIGH.chars().collect();
    raw.iter()
        .map(|&b| match b.checked_sub(0x80) {
            None => char::from(b),
            Some(i) => high[usize::from(i)],
        })
        .collect()
}

/// What the entries admitted so far cost, against the limits.
struct Budget {
    limits: CabLimits,
    /// The most folder data to decompress: the expansion budget, within what a folder can
    /// address.
    reach: u64,
    /// For each folder, how far into its data the admitted entries reach.
    extents: Vec<u64>,
    /// The bytes of the admitted entries.
    total: u64,
    /// The folder data to decompress: the sum of the extents.
    work: u64,
    /// The LZX windows to set up.
    windows: u64,
}

impl Budget {
    /// Where entry `e` lies if it is to be read, `None` if it is empty; or why it is not read.
    fn admit(
        &mut self,
        e: &Listed,
        folders: &[Folder],
        entry: impl Fn() -> EntryRef,
    ) -> Result<Option<Place>, CabError> {
        if e.folder >= CONTINUED {
            return Err(CabError::SpansCabinets {
                entry: entry(),
                folder: e.folder,
            });
        }
        let f = usize::from(e.folder);
        let Some(folder) = folders.get(f) else {
            return Err(CabError::NoFolder {
                entry: entry(),
                folder: e.folder,
                folders: folders.len(),
            });
        };
        if e.size == 0 {
            return Ok(None);
        }
        let method = match folder.method {
            Method::Quantum => Some("Quantum".to_owned()),
            Method::Unknown(bits) => Some(format!("an unknown method (0x{bits:04X})")),
            _ => None,
        };
        if let Some(method) = method {
            return Err(CabError::Unsupported {
                entry: entry(),
                folder: e.folder,
                method,
            });
        }
        let size = u64::from(e.size);
        if size > self.limits.max_bytes {
            return Err(CabError::EntryTooLarge {
                entry: entry(),
                size,
                max: self.limits.max_bytes,
            });
        }
        let max = self.limits.max_expansion;
        if self.total + size > max {
            return Err(CabError::TotalTooLarge {
                entry: entry(),
                size,
                total: self.total + size,
                max,
            });
        }
        let at = Place {
            folder: e.folder,
            start: u64::from(e.offset),
            end: u64::from(e.offset) + size,
        };
        let growth = at.end.saturating_sub(self.extents[f]);
        if self.work + growth > self.reach {
            return Err(CabError::OutOfReach {
                entry: entry(),
                at,
                work: self.work + growth,
                max: self.reach,
            });
        }
        let window = match folder.method {
            Method::Lzx { window } if self.extents[f] == 0 => window,
            _ => 0,
        };
        if self.windows + window > MAX_WINDOWS {
            return Err(CabError::TooManyWindows {
                entry: entry(),
                folder: e.folder,
            });
        }
        self.total += size;
        self.work += growth;
        self.windows += window;
        self.extents[f] += growth;
        Ok(Some(at))
    }
}

/// An entry to be cut from its folder's stream.
#[derive(Clone, Copy)]
struct Member {
    start: u64,
    end: u64,
    index: usize,
}

/// Reads every entry of a cabinet into memory.
///
/// `Err` when the cabinet cannot be read at all: not a cabinet, truncated or malformed
/// tables, too many entries. Otherwise one result per entry, in the cabinet's order: an entry
/// that cannot be read (too large, in a damaged or truncated folder, …) is an `Err` of its
/// own, and the others are still read, so that one bad entry hides none of its neighbours.
/// Entries are admitted in order against `limits`: one that would exceed them is refused
/// before anything is decompressed, and the ones after it are still considered.
pub fn read_cab(
    bytes: &[u8],
    limits: &CabLimits,
) -> Result<Vec<Result<CabEntry, CabError>>, CabError> {
    read_cab_with_stats(bytes, limits).map(|(entries, _)| entries)
}

/// [`read_cab`], and what the reading cost.
pub fn read_cab_with_stats(
    bytes: &[u8],
    limits: &CabLimits,
) -> Result<(Vec<Result<CabEntry, CabError>>, CabStats), CabError> {
    let tables = read_tables(bytes, limits)?;
    let entry_ref = |index: usize| EntryRef {
        index,
        name: tables.entries[index].name.clone(),
    };
    let mut out: Vec<Result<Vec<u8>, CabError>> =
        (0..tables.entries.len()).map(|_| Ok(Vec::new())).collect();

    let mut budget = Budget {
        limits: *limits,
        reach: limits.max_expansion.min(u64::from(u32::MAX)),
        extents: vec![0; tables.folders.len()],
        total: 0,
        work: 0,
        windows: 0,
    };
    let mut members: Vec<Vec<Member>> = tables.folders.iter().map(|_| Vec::new()).collect();
    for (index, e) in tables.entries.iter().enumerate() {
        match budget.admit(e, &tables.folders, || entry_ref(index)) {
            Ok(Some(at)) => members[usize::from(at.folder)].push(Member {
                start: at.start,
                end: at.end,
                index,
            }),
            Ok(None) => {}
            Err(error) => out[index] = Err(error),
        }
    }

    let to_read: Vec<usize> = (0..members.len())
        .filter(|&f| !members[f].is_empty())
        .collect();
    let mut stats = CabStats::default();
    if !to_read.is_empty() {
        read_folders(
            bytes,
            &tables,
            &to_read,
            &budget.extents,
            &mut members,
            &mut out,
            &entry_ref,
            &mut stats,
        );
    }
    stats.bytes_returned = out.iter().flatten().map(|b| b.len() as u64).sum();

    let entries = out
        .into_iter()
        .zip(tables.entries.iter())
        .enumerate()
        .map(|(index, (bytes, e))| {
            bytes.map(|bytes| CabEntry {
                index,
                name: e.name.clone(),
                bytes,
            })
        })
        .collect();
    Ok((entries, stats))
}

/// Decompresses each folder of `to_read` once, cutting its members out of the stream. Each
/// stream is cut at its folder's extent, and the extents together fit the expansion budget,
/// so the decoders produce no more than the budget whatever sizes the data blocks claim.
#[allow(clippy::too_many_arguments)]
fn read_folders(
    bytes: &[u8],
    tables: &Tables,
    to_read: &[usize],
    extents: &[u64],
    members: &mut [Vec<Member>],
    out: &mut [Result<Vec<u8>, CabError>],
    entry_ref: &dyn Fn(usize) -> EntryRef,
    stats: &mut CabStats,
) {
    let len = bytes.len() as u64;
    // The crate is given the input with its entry list replaced by one entry per folder to
    // read, named by the folder's number, covering what its members need. The list lies one
    // byte past the end of the input, so that a data block running off the end reads nothing
    // instead of the list.
    let mut head = bytes[..tables.head_len].to_vec();
    let list_at = len + 1;
    head[8..12].copy_from_slice(&(len as u32).to_le_bytes());
    head[16..20].copy_from_slice(&(list_at as u32).to_le_bytes());
    head[28..30].copy_from_slice(&(to_read.len() as u16).to_le_bytes());
    // The crate refuses the whole cabinet over one folder it cannot open; those that are not
    // read are shown to it as uncompressed.
    let mut read = vec![false; tables.folders.len()];
    for &f in to_read {
        read[f] = true;
    }
    for (f, folder) in tables.folders.iter().enumerate() {
        if !read[f] {
            head[folder.record + 6..folder.record + 8].fill(0);
        }
    }
    let mut list = Vec::new();
    for &f in to_read {
        list.extend_from_slice(&(extents[f] as u32).to_le_bytes());
        list.extend_from_slice(&0u32.to_le_bytes());
        list.extend_from_slice(&(f as u16).to_le_bytes());
        // 1980-01-01 00:00, the format's first date.
        list.extend_from_slice(&[0x21, 0, 0, 0, 0, 0]);
        list.extend_from_slice(f.to_string().as_bytes());
        list.push(0);
    }
    let spliced = Spliced {
        head,
        body: bytes,
        list_at,
        list,
        pos: 0,
    };

    let fail_all = |out: &mut [Result<Vec<u8>, CabError>], f: usize, detail: &str| {
        for m in &members[f] {
            out[m.index] = Err(CabError::Defect {
                entry: entry_ref(m.index),
                folder: f as u16,
                detail: detail.to_owned(),
            });
        }
    };
    // The decoders are another crate's code fed hostile bytes, and none of its panics has been
    // seen under fuzzing; should one remain, it costs the entries it touches (a defect to
    // report), not the whole run. The fuzz target counts a defect as a failure.
    let opened = panic::catch_unwind(AssertUnwindSafe(|| cab::Cabinet::new(spliced)));
    let mut cabinet = match opened {
        Ok(Ok(cabinet)) => cabinet,
        Ok(Err(e)) => {
            for &f in to_read {
                fail_all(out, f, &e.to_string());
            }
            return;
        }
        Err(payload) => {
            for &f in to_read {
                fail_all(out, f, &panic_message(payload.as_ref()));
            }
            return;
        }
    };

    for &f in to_read {
        let list = &mut members[f];
        list.sort_by_key(|m| (m.start, m.index));
        let extent = extents[f];
        let stop = if u64::from(tables.folders[f].data) >= len {
            Some(Stop::Io(0, io::ErrorKind::UnexpectedEof.into()))
        } else {
            match panic::catch_unwind(AssertUnwindSafe(|| {
                stream_folder(&mut cabinet, f, extent, list, out, stats)
            })) {
                Ok(Ok(())) => None,
                Ok(Err(stop)) => Some(stop),
                Err(payload) => Some(Stop::Panic(panic_message(payload.as_ref()))),
            }
        };
        let Some(stop) = stop else { continue };
        for m in list.iter() {
            let from = stop.at();
            if m.end <= from && !matches!(stop, Stop::Panic(_)) {
                continue;
            }
            let entry = entry_ref(m.index);
            let at = Place {
                folder: f as u16,
                start: m.start,
                end: m.end,
            };
            out[m.index] = Err(match &stop {
                Stop::Ended(have) => CabError::FolderShort {
                    entry,
                    at,
                    have: *have,
                    need: extent,
                },
                Stop::Io(have, e) if e.kind() == io::ErrorKind::UnexpectedEof => {
                    CabError::EntryTruncated {
                        entry,
                        at,
                        have: *have,
                        need: extent,
                    }
                }
                Stop::Io(from, e) => match checksum_block(e) {
                    Some(block) => CabError::Checksum {
                        entry,
                        at,
                        from: *from,
                        block: block.0,
                        detail: block.1,
                    },
                    None => CabError::Damaged {
                        entry,
                        at,
                        from: *from,
                        detail: e.to_string(),
                    },
                },
                Stop::Panic(detail) => CabError::Defect {
                    entry,
                    folder: f as u16,
                    detail: detail.clone(),
                },
            });
        }
    }
}

/// Why a folder's stream stopped before its extent.
enum Stop {
    /// Its data blocks ended, after this many bytes.
    Ended(u64),
    /// Reading failed after this many bytes.
    Io(u64, io::Error),
    /// The decoder panicked.
    Panic(String),
}

impl Stop {
    fn at(&self) -> u64 {
        match self {
            Stop::Ended(at) | Stop::Io(at, _) => *at,
            Stop::Panic(_) => 0,
        }
    }
}

/// Streams folder `f` up to `extent`, appending to each member's bytes the part of the stream
/// it covers.
fn stream_folder<R: Read + Seek>(
    cabinet: &mut cab::Cabinet<R>,
    f: usize,
    extent: u64,
    members: &[Member],
    out: &mut [Result<Vec<u8>, CabError>],
    stats: &mut CabStats,
) -> Result<(), Stop> {
    let file = cabinet
        .read_file(&f.to_string())
        .map_err(|e| Stop::Io(0, e))?;
    stats.folders_decompressed += 1;
    // The crate stops at the extent already; `take` keeps that so whatever it does.
    let mut stream = file.take(extent);
    let mut chunk = vec![0u8; CHUNK];
    let mut pos = 0u64;
    let mut next = 0;
    let mut active: Vec<Member> = Vec::new();
    while pos < extent {
        let n = match stream.read(&mut chunk) {
            Ok(0) => return Err(Stop::Ended(pos)),
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(Stop::Io(pos, e)),
        };
        stats.bytes_decompressed += n as u64;
        let end = pos + n as u64;
        while next < members.len() && members[next].start < end {
            active.push(members[next]);
            next += 1;
        }
        active.retain(|m| {
            let from = m.start.max(pos);
            let to = m.end.min(end);
            if from < to {
                if let Ok(bytes) = &mut out[m.index] {
                    let data = &chunk[(from - pos) as usize..(to - pos) as usize];
                    append(bytes, data, (m.end - m.start) as usize);
                }
            }
            m.end > end
        });
        pos = end;
    }
    Ok(())
}

/// Appends `data` to `bytes`, growing it geometrically but never past `cap`, the entry's
/// declared size: memory follows the data that arrives, not what a header claims.
fn append(bytes: &mut Vec<u8>, data: &[u8], cap: usize) {
    let need = bytes.len() + data.len();
    if need > bytes.capacity() {
        let want = need
            .max(bytes.capacity().saturating_mul(2))
            .min(cap.max(need));
        bytes.reserve_exact(want - bytes.len());
    }
    bytes.extend_from_slice(data);
}

/// The block number and a plain account of a checksum failure, from the crate's message
/// (`Checksum error in data block 3 (expected 1a2b3c4d, actual 00c0ffee)`); `None` for any
/// other error.
fn checksum_block(e: &io::Error) -> Option<(Option<u64>, String)> {
    let message = e.to_string();
    let rest = message.strip_prefix("Checksum error in data block ")?;
    Some(match parse_checksum(rest) {
        Some((block, detail)) => (Some(block), detail),
        None => (None, message),
    })
}

/// `3 (expected 1a2b3c4d, actual 00c0ffee)`: the block and the two checksums.
fn parse_checksum(rest: &str) -> Option<(u64, String)> {
    let (block, rest) = rest.split_once(" (expected ")?;
    let (stored, rest) = rest.split_once(", actual ")?;
    let computed = rest.strip_suffix(')')?;
    Some((
        block.parse().ok()?,
        format!("stored 0x{stored}, computed 0x{computed}"),
    ))
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic".to_owned())
}

/// The input with its head (header and folder list) patched and an entry list placed at
/// `list_at`; reads between the end of the input and the list find nothing.
struct Spliced<'a> {
    head: Vec<u8>,
    body: &'a [u8],
    list_at: u64,
    list: Vec<u8>,
    pos: u64,
}

impl Read for Spliced<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let (source, from): (&[u8], u64) = if self.pos < self.head.len() as u64 {
            (&self.head, self.pos)
        } else if self.pos < self.body.len() as u64 {
            (self.body, self.pos)
        } else if self.pos >= self.list_at {
            (&self.list, self.pos - self.list_at)
        } else {
            return Ok(0);
        };
        let Some(rest) = usize::try_from(from).ok().and_then(|i| source.get(i..)) else {
            return Ok(0);
        };
        let n = rest.len().min(buf.len());
        buf[..n].copy_from_slice(&rest[..n]);
        self.pos += n as u64;
        Ok(n)
    }
}

impl Seek for Spliced<'_> {
    fn seek(&mut self, to: SeekFrom) -> io::Result<u64> {
        let end = self.list_at + self.list.len() as u64;
        let pos = match to {
            SeekFrom::Start(n) => Some(n),
            SeekFrom::Current(d) => self.pos.checked_add_signed(d),
            SeekFrom::End(d) => end.checked_add_signed(d),
        };
        self.pos = pos
            .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "seek before the start"))?;
        Ok(self.pos)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_name_is_the_last_component() {
        assert_eq!(file_name(r"..\..\x.xml"), "x.xml");
        assert_eq!(file_name("a/b\\WM3.xml"), "WM3.xml");
        assert_eq!(file_name("WM3.xml"), "WM3.xml");
        assert_eq!(file_name(r"dir\"), "");
        assert_eq!(file_name(".."), "..");
    }

    #[test]
    fn names_without_the_utf_flag_are_code_page_437() {
        assert_eq!(cp437(b"WM0.xml"), "WM0.xml");
        assert_eq!(cp437(&[0x80, 0x81, 0xE1, 0xFF]), "Çüß\u{A0}");
        assert_eq!(CP437_HIGH.chars().count(), 128);
    }

    #[test]
    fn numbers_are_grouped_by_thousands() {
        assert_eq!(N(0).to_string(), "0");
        assert_eq!(N(999).to_string(), "999");
        assert_eq!(N(1234).to_string(), "1,234");
        assert_eq!(N(1_073_741_824).to_string(), "1,073,741,824");
    }

    #[test]
    fn control_characters_in_names_are_escaped() {
        assert_eq!(Shown("a\u{1b}[2Jb").to_string(), "a\\u{1b}[2Jb");
    }

    #[test]
    fn checksum_messages_of_the_crate_are_parsed() {
        let e = io::Error::new(
            io::ErrorKind::InvalidData,
            "Checksum error in data block 3 (expected 1a2b3c4d, actual 00c0ffee)",
        );
        assert_eq!(
            checksum_block(&e),
            Some((Some(3), "stored 0x1a2b3c4d, computed 0x00c0ffee".to_owned()))
        );
        let other = io::Error::new(io::ErrorKind::InvalidData, "MSZIP decompression failed");
        assert_eq!(checksum_block(&other), None);
    }

    #[test]
    fn append_never_reserves_past_the_declared_size() {
        let mut bytes = Vec::new();
        for _ in 0..10 {
            append(&mut bytes, &[1; 7], 70);
            assert!(bytes.capacity() <= 70);
        }
        assert_eq!(bytes.len(), 70);
    }
}

//! Applying the findings' fixes to a document: in its decoded text, for re-linting and for
//! an editor, and in its bytes, for writing the file back.
//!
//! A file is written back exactly as it was apart from the edits: only the edited spans are
//! encoded again, in the file's own encoding, and spliced between the original bytes (byte-order
//! mark, declaration, line ends and trailing NULs included). The decoded offsets of the edits
//! are mapped to byte offsets through the encoding, which is only done for an encoding whose
//! text encodes back to exactly the file's bytes.

use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix};
use crate::engine::Registry;
use crate::pipeline::{lint_decoded, FileKind, LintedFile};
use crate::settings::Settings;
use encoding_rs::{Encoding, ISO_2022_JP, UTF_16BE, UTF_16LE, UTF_8};
use std::io;
use std::path::Path;
use vsslint_model::decode::{decode, DecodedText};

/// Rounds of fixing and re-linting: fixes that overlap are applied one per round, and a fix
/// that keeps raising a finding that has a fix must not loop for ever.
pub const MAX_ROUNDS: usize = 16;

/// Whether `fix` may be applied when unsafe fixes are (not) allowed.
pub fn allowed(fix: &Fix, unsafe_fixes: bool) -> bool {
    unsafe_fixes || fix.applicability == Applicability::Safe
}

/// The fixes of `diagnostics` that can be applied together: in the order of the findings,
/// each one that overlaps none taken before it. Two insertions at one place overlap, so that
/// their order is never guessed.
pub fn compatible<'d>(
    diagnostics: impl IntoIterator<Item = &'d Diagnostic>,
    unsafe_fixes: bool,
) -> Vec<&'d Fix> {
    let mut taken: Vec<&Fix> = Vec::new();
    for d in diagnostics {
        let Some(fix) = d.fix.as_deref() else {
            continue;
        };
        if !allowed(fix, unsafe_fixes) || fix.edits.is_empty() {
            continue;
        }
        let clashes = taken.iter().any(|t| {
            t.edits.iter().any(|a| {
                fix.edits.iter().any(|b| {
                    a.span.start < b.span.end && b.span.start < a.span.end
                        || a.span.start == b.span.start
                        || (a.span.is_empty() || b.span.is_empty())
                            && (a.span.start == b.span.end || b.span.start == a.span.end)
                })
            })
        });
        if !clashes {
            taken.push(fix);
        }
    }
    taken
}

/// The edits of `fixes`, sorted by where they start.
pub fn edits_of(fixes: &[&Fix]) -> Vec<Edit> {
    let mut edits: Vec<Edit> = fixes.iter().flat_map(|f| f.edits.iter().cloned()).collect();
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    edits
}

/// `text` with `edits` (sorted, disjoint) made.
pub fn apply(text: &str, edits: &[Edit]) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    let mut at = 0;
    for e in edits {
        out.push_str(&text[at..e.span.start]);
        out.push_str(&e.replacement);
        at = e.span.end;
    }
    out.push_str(&text[at..]);
    out
}

/// How the decoded text lies in the file's bytes.
struct Layout {
    encoding: &'static Encoding,
    /// Length of the byte-order mark.
    bom: usize,
}

impl Layout {
    /// The layout of `bytes`, whose decoded text is `text`; or why edits could not be written
    /// back without changing other bytes.
    fn of(bytes: &[u8], text: &str, encoding: &'static Encoding) -> Result<Layout, String> {
        if encoding == ISO_2022_JP {
            return Err(format!(
                "its encoding, {}, switches state inside the text, so an edit cannot be encoded on its own",
                encoding.name()
            ));
        }
        let bom = match Encoding::for_bom(bytes) {
            Some((e, len)) if e == encoding => len,
            _ => 0,
        };
        let layout = Layout { encoding, bom };
        let encoded = layout
            .encode(text)
            .map_err(|_| format!("its text cannot be written back in {}", encoding.name()))?;
        let body = &bytes[bom..];
        // Only NULs that end a saved string may follow the text.
        if !body.starts_with(&encoded) || body[encoded.len()..].iter().any(|&b| b != 0) {
            return Err(format!(
                "its text does not encode back to the same bytes in {}",
                encoding.name()
            ));
        }
        Ok(layout)
    }

    /// `text` in the file's encoding; `Err` if a character has no encoding in it.
    fn encode(&self, text: &str) -> Result<Vec<u8>, ()> {
        if self.encoding == UTF_8 {
            return Ok(text.as_bytes().to_vec());
        }
        if self.encoding == UTF_16LE || self.encoding == UTF_16BE {
            let le = self.encoding == UTF_16LE;
            return Ok(text
                .encode_utf16()
                .flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() })
                .collect());
        }
        let (bytes, _, unmappable) = self.encoding.encode(text);
        if unmappable {
            Err(())
        } else {
            Ok(bytes.into_owned())
        }
    }

    /// Bytes that `text` takes in the file.
    fn encoded_len(&self, text: &str) -> usize {
        if self.encoding == UTF_8 {
            text.len()
        } else if self.encoding == UTF_16LE || self.encoding == UTF_16BE {
            2 * text.encode_utf16().count()
        } else {
            self.encoding.encode(text).0.len()
        }
    }

    /// `bytes` (whose decoded text is `text`) with `edits` made: each edit's decoded offsets
    /// mapped to byte offsets, its replacement encoded, everything else kept.
    fn splice(&self, bytes: &[u8], text: &str, edits: &[Edit]) -> Result<Vec<u8>, String> {
        let mut out = Vec::with_capacity(bytes.len() + 64);
        let (mut text_at, mut byte_at) = (0, self.bom);
        let mut copied = 0;
        for e in edits {
            let start = byte_at + self.encoded_len(&text[text_at..e.span.start]);
            let end = start + self.encoded_len(&text[e.span.start..e.span.end]);
            out.extend_from_slice(&bytes[copied..start]);
            let replacement = self.encode(&e.replacement).map_err(|_| {
                format!(
                    "a fix writes text that {} cannot hold: `{}`",
                    self.encoding.name(),
                    e.replacement
                )
            })?;
            out.extend_from_slice(&replacement);
            copied = end;
            text_at = e.span.end;
            byte_at = end;
        }
        out.extend_from_slice(&bytes[copied..]);
        Ok(out)
    }
}

/// A document with its fixes applied.
#[derive(Debug)]
pub struct Fixed {
    /// The findings left after the last round (all of them when nothing could be fixed).
    pub file: LintedFile,
    /// The decoded text before any fix.
    pub original: String,
    /// The decoded text after the fixes.
    pub text: String,
    /// The file's bytes after the fixes, when any fix was applied.
    pub bytes: Option<Vec<u8>>,
    /// How many fixes were applied.
    pub applied: usize,
    /// Why the document was left as it was although it has fixes.
    pub refused: Option<String>,
}

/// Lints `bytes` and applies its fixes (the unsafe ones too with `unsafe_fixes`), re-linting
/// after each round, until none is left or [`MAX_ROUNDS`] have run.
pub fn fix_bytes(
    path: &str,
    bytes: &[u8],
    settings: &Settings,
    registry: &Registry,
    unsafe_fixes: bool,
) -> Fixed {
    let decoded = match decode(bytes) {
        Ok(d) => d,
        Err(e) => {
            let file = lint_decoded(path, Err(e), settings, registry);
            return Fixed {
                original: file.text.to_string(),
                text: file.text.to_string(),
                file,
                bytes: None,
                applied: 0,
                refused: None,
            };
        }
    };
    let encoding = Encoding::for_label(decoded.encoding.as_bytes()).unwrap_or(UTF_8);
    let detection = decoded.detection;
    let original = decoded.text.into_owned();
    let lint = |text: &str| {
        lint_decoded(
            path,
            Ok(DecodedText {
                text: text.to_string(),
                encoding: encoding.name(),
                detection,
            }),
            settings,
            registry,
        )
    };
    let mut text = original.clone();
    let mut current = bytes.to_vec();
    let mut applied = 0;
    let mut file = lint(&text);
    let mut refused = None;
    for round in 0..MAX_ROUNDS {
        let fixes = compatible(&file.diagnostics, unsafe_fixes);
        if fixes.is_empty() {
            break;
        }
        if file.kind == FileKind::Invalid {
            refused = Some(if round == 0 {
                "it is not a well-formed writer metadata document".to_string()
            } else {
                "a fix left it not well-formed".to_string()
            });
            break;
        }
        let layout = match Layout::of(&current, &text, encoding) {
            Ok(l) => l,
            Err(why) => {
                refused = Some(why);
                break;
            }
        };
        let edits = edits_of(&fixes);
        let spliced = match layout.splice(&current, &text, &edits) {
            Ok(b) => b,
            Err(why) => {
                refused = Some(why);
                break;
            }
        };
        let next = apply(&text, &edits);
        if next == text {
            break;
        }
        applied += fixes.len();
        text = next;
        current = spliced;
        file = lint(&text);
    }
    // The bytes written must read back as the text that was linted: anything else is a fault
    // here, and the file is left alone.
    let reads_back =
        || decode(&current).is_ok_and(|d| d.text == text && d.encoding == encoding.name());
    if refused.is_none() && applied > 0 && !reads_back() {
        refused = Some("the fixed bytes would not read back as the fixed text".to_string());
    }
    if refused.is_some() {
        return Fixed {
            file: lint(&original),
            text: original.clone(),
            original,
            bytes: None,
            applied: 0,
            refused,
        };
    }
    Fixed {
        file,
        original,
        text,
        bytes: (applied > 0).then_some(current),
        applied,
        refused,
    }
}

/// Writes `bytes` over the file at `path` so that no reader ever sees half of them: into a
/// new file beside it, then renamed over it. A symbolic link is followed to the file it names,
/// which is replaced; the file's permissions are kept, and on Unix its owner and group. A file
/// is refused, and left as it was, when it is read-only; on Unix, also when it has more than
/// one hard link (the new file would take the place of one of its names only, splitting the
/// links), and when the new file cannot be given its owner and group (another user's file,
/// fixed by a process that may not change owners).
pub fn write_back(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let target = std::fs::canonicalize(path).map_err(|e| describe(&e))?;
    let meta = std::fs::metadata(&target).map_err(|e| describe(&e))?;
    if meta.permissions().readonly() {
        return Err("the file is read-only".to_string());
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if meta.nlink() > 1 {
            return Err(format!(
                "it has {} hard links, which writing the fixed file in its place would split; \
                 fix a copy, then copy it back over the file with `cp`, which keeps the links",
                meta.nlink()
            ));
        }
    }
    let dir = target.parent().unwrap_or(Path::new("."));
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = dir.join(format!(".{name}.vsslint-{}.tmp", std::process::id()));
    let written = (|| -> Result<(), String> {
        use std::io::Write;
        let io = |e: io::Error| describe(&e);
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        // Readable by its creator alone until it has the old file's owner and permissions,
        // so that the contents of a private file are never open to others on the way.
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut f = options.open(&temp).map_err(io)?;
        f.write_all(bytes).map_err(io)?;
        // The owner first: a change of owner clears the set-user-ID and set-group-ID bits,
        // which the permissions then restore.
        #[cfg(unix)]
        keep_owner(&f, &meta)?;
        f.set_permissions(meta.permissions()).map_err(io)?;
        f.sync_all().map_err(io)?;
        std::fs::rename(&temp, &target).map_err(io)
    })();
    written.inspect_err(|_| {
        let _ = std::fs::remove_file(&temp);
    })
}

/// Gives the new file `new` the owner and group of the file it replaces.
#[cfg(unix)]
fn keep_owner(new: &std::fs::File, old: &std::fs::Metadata) -> Result<(), String> {
    use std::os::unix::fs::MetadataExt;
    let mine = new.metadata().map_err(|e| describe(&e))?;
    if (mine.uid(), mine.gid()) == (old.uid(), old.gid()) {
        return Ok(());
    }
    std::os::unix::fs::fchown(new, Some(old.uid()), Some(old.gid())).map_err(|e| {
        format!(
            "it belongs to user {} and group {}, and the fixed file could not be given them \
             ({}); run vsslint as that user, or as root",
            old.uid(),
            old.gid(),
            describe(&e)
        )
    })
}

fn describe(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        io::ErrorKind::NotFound => "not found".to_string(),
        _ => e.to_string(),
    }
}

/// A unified diff of the decoded texts, with three lines of context.
pub fn unified_diff(path: &str, before: &str, after: &str) -> String {
    similar::TextDiff::from_lines(before, after)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use vsslint_model::span::Span;

    fn edit(start: usize, end: usize, with: &'static str) -> Edit {
        Edit {
            span: Span::new(start, end),
            replacement: with.into(),
        }
    }

    fn utf16le(text: &str, bom: bool) -> Vec<u8> {
        let mut b = if bom { vec![0xFF, 0xFE] } else { Vec::new() };
        b.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        b
    }

    #[test]
    fn utf16_edits_change_only_their_bytes() {
        let text = "<a x=\"1\" é𝄞=\"2\"/>\r\n";
        let bytes = utf16le(text, true);
        let layout = Layout::of(&bytes, text, UTF_16LE).unwrap();
        let at = text.find("\"2\"").unwrap() + 1;
        let edits = [edit(5, 6, "yes"), edit(at, at + 1, "no")];
        let out = layout.splice(&bytes, text, &edits).unwrap();
        assert_eq!(out, utf16le(&apply(text, &edits), true));
    }

    #[test]
    fn a_charset_that_cannot_hold_the_replacement_is_refused() {
        let text = "<a x=\"1\"/>";
        let layout = Layout::of(text.as_bytes(), text, encoding_rs::WINDOWS_1252).unwrap();
        let edits = [Edit {
            span: Span::new(6, 7),
            replacement: "字".into(),
        }];
        assert!(layout.splice(text.as_bytes(), text, &edits).is_err());
    }

    #[test]
    fn trailing_nuls_are_kept_and_other_trailing_bytes_refused() {
        let text = "<a/>";
        let mut bytes = text.as_bytes().to_vec();
        bytes.extend([0, 0]);
        assert!(Layout::of(&bytes, text, UTF_8).is_ok());
        bytes.push(b'x');
        assert!(Layout::of(&bytes, text, UTF_8).is_err());
    }

    #[test]
    fn insertions_at_one_place_are_not_applied_together() {
        let f = |start, end| Fix::replace(Span::new(start, end), "x", Applicability::Safe);
        let fixes = [f(3, 3), f(3, 3), f(5, 7), f(6, 8)];
        let ds: Vec<Diagnostic> = fixes
            .iter()
            .map(|fix| {
                let mut d =
                    Diagnostic::new(&crate::rule_meta::RuleMeta::BASE, Span::new(0, 0), "m");
                d.fix = Some(Box::new(fix.clone()));
                d
            })
            .collect();
        let taken = compatible(&ds, false);
        assert_eq!(taken.len(), 2);
    }
}

//! Bytes to text: byte-order marks, BOM-less UTF-16, the XML declaration's `encoding`, and the
//! NULs that end a saved string.

use encoding_rs::{DecoderResult, Encoding, REPLACEMENT, UTF_16BE, UTF_16LE, UTF_8};
use schemars::JsonSchema;
use serde::Serialize;
use std::borrow::Cow;

/// How the bytes were recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Detection {
    /// A byte-order mark.
    Bom,
    /// The NUL byte pattern of BOM-less UTF-16 (as DiskShadow writes).
    NulPattern,
    /// The `encoding` of the XML declaration.
    Declaration,
    /// No marker at all: UTF-8.
    Default,
}

/// A document's text: what [`decode`] returns.
#[derive(Debug, Clone, Serialize)]
pub struct Decoded<'b> {
    /// The text, without a byte-order mark or the NULs that end it; borrowed from the bytes
    /// when they are UTF-8 without a byte-order mark.
    #[serde(skip)]
    pub text: Cow<'b, str>,
    /// The name of the encoding the bytes were read in (`UTF-8`, `UTF-16LE`, `windows-1252`).
    pub encoding: &'static str,
    /// How that encoding was told from the bytes.
    pub detection: Detection,
}

/// Why a file could not be turned into text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    /// What is wrong with the bytes.
    pub message: String,
    /// How to fix the file.
    pub help: String,
    /// The text decoded before the fault (or the declaration at fault), so that the fault
    /// gets a line and column.
    pub decoded_prefix: String,
    /// Where the fault is in `decoded_prefix`.
    pub at: usize,
    /// Byte offset of the fault in the raw file.
    pub byte_offset: usize,
}

/// Decoded text that owns its bytes: what [`decode_owned`] returns.
#[derive(Debug, Clone)]
pub struct DecodedText {
    /// The text, without a byte-order mark or the NULs that end it.
    pub text: String,
    /// The name of the encoding the bytes were read in (`UTF-8`, `UTF-16LE`, `windows-1252`).
    pub encoding: &'static str,
    /// How that encoding was told from the bytes.
    pub detection: Detection,
}

/// [`decode`] for bytes the caller gives up: UTF-8 text becomes the text in place, without a
/// copy of the whole document.
pub fn decode_owned(bytes: Vec<u8>) -> Result<DecodedText, DecodeError> {
    let (range, encoding, detection) = match decode(&bytes)? {
        Decoded {
            text: Cow::Owned(text),
            encoding,
            detection,
        } => {
            return Ok(DecodedText {
                text,
                encoding,
                detection,
            })
        }
        // Where the text lies in the bytes (after any byte-order mark, before any
        // terminating NULs).
        Decoded {
            text: Cow::Borrowed(text),
            encoding,
            detection,
        } => {
            let start = text.as_ptr() as usize - bytes.as_ptr() as usize;
            (start..start + text.len(), encoding, detection)
        }
    };
    let mut bytes = bytes;
    bytes.truncate(range.end);
    bytes.drain(..range.start);
    // SAFETY: `decode` returned exactly these bytes as a `str`, so they are valid UTF-8;
    // checking them again would cost as much as the first check.
    let text = unsafe { String::from_utf8_unchecked(bytes) };
    Ok(DecodedText {
        text,
        encoding,
        detection,
    })
}

/// The text of a document's bytes, read in the encoding its byte-order mark names; else, when
/// exactly one of its first two bytes is NUL, in UTF-16; else in the `encoding` of its XML
/// declaration; else in UTF-8. NULs that end the text are dropped, unless nothing else is left.
///
/// # Errors
///
/// When the bytes are UTF-32, are not valid in the encoding found, or contradict the XML
/// declaration, and when the declaration names an encoding that is unknown or not decoded.
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>, DecodeError> {
    let mut decoded = decode_all(bytes)?;
    trim_terminating_nuls(&mut decoded.text);
    Ok(decoded)
}

/// `vshadow -bc=file` writes the document's string with its terminating NUL (its length + 1
/// wide characters), and other tools that save a C string may do the same in any encoding.
/// Only NULs that end the text go, so a NUL anywhere else is still a syntax error; a text of
/// nothing but NULs is kept whole, so that a zero-filled file is reported as what it is rather
/// than as an empty document.
fn trim_terminating_nuls(text: &mut Cow<'_, str>) {
    let kept = text.trim_end_matches('\0').len();
    if kept == 0 || kept == text.len() {
        return;
    }
    match text {
        Cow::Borrowed(s) => *s = &s[..kept],
        Cow::Owned(s) => s.truncate(kept),
    }
}

/// [`decode`] before the terminating NULs are trimmed.
fn decode_all(bytes: &[u8]) -> Result<Decoded<'_>, DecodeError> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        if encoding == UTF_16LE && bytes[bom_len..].starts_with(&[0, 0]) {
            return Err(DecodeError {
                message: "the file starts with a UTF-32 little-endian byte-order mark".into(),
                help: "save the document as UTF-8 or UTF-16".into(),
                decoded_prefix: String::new(),
                at: 0,
                byte_offset: 0,
            });
        }
        let decoded = run_decoder(encoding, &bytes[bom_len..], bom_len)?;
        check_declaration(&decoded, encoding)?;
        return Ok(Decoded {
            text: decoded,
            encoding: encoding.name(),
            detection: Detection::Bom,
        });
    }
    if bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        return Err(DecodeError {
            message: "the file starts with a UTF-32 big-endian byte-order mark".into(),
            help: "save the document as UTF-8 or UTF-16".into(),
            decoded_prefix: String::new(),
            at: 0,
            byte_offset: 0,
        });
    }
    if let Some(encoding) = sniff_utf16(bytes) {
        let decoded = run_decoder(encoding, bytes, 0)?;
        check_declaration(&decoded, encoding)?;
        return Ok(Decoded {
            text: decoded,
            encoding: encoding.name(),
            detection: Detection::NulPattern,
        });
    }
    // An 8-bit file: the declaration (if any) is ASCII-compatible and says which charset.
    let declared = declared_encoding(bytes);
    let (encoding, detection) = match declared {
        Some(ref label) => match Encoding::for_label(label.as_bytes()) {
            Some(enc) if enc == UTF_16LE || enc == UTF_16BE => {
                return Err(DecodeError {
                    message: format!(
                        "the XML declaration says encoding=\"{label}\", but the bytes are 8-bit, not UTF-16"
                    ),
                    help: "change the declaration to encoding=\"UTF-8\" (or remove it), or save the file as UTF-16 with a byte-order mark".into(),
                    decoded_prefix: declaration_text(bytes),
                    at: declaration_offset(bytes),
                    byte_offset: declaration_offset(bytes),
                })
            }
            // encoding_rs maps ISO-2022-KR, HZ-GB-2312 and a few other labels to its
            // "replacement" encoding, which turns any input into one U+FFFD.
            Some(enc) if enc == REPLACEMENT => {
                return Err(DecodeError {
                    message: format!(
                        "the XML declaration names encoding \"{label}\", which vsslint does not decode"
                    ),
                    help: "save the file as UTF-8 or UTF-16 and change the declaration to match".into(),
                    decoded_prefix: declaration_text(bytes),
                    at: declaration_offset(bytes),
                    byte_offset: declaration_offset(bytes),
                })
            }
            Some(enc) => (enc, Detection::Declaration),
            None => {
                return Err(DecodeError {
                    message: format!("the XML declaration names an unknown encoding \"{label}\""),
                    help: "use encoding=\"UTF-8\" or a standard charset name such as ISO-8859-1 or windows-1252".into(),
                    decoded_prefix: declaration_text(bytes),
                    at: declaration_offset(bytes),
                    byte_offset: declaration_offset(bytes),
                })
            }
        },
        None => (UTF_8, Detection::Default),
    };
    let text = if encoding == UTF_8 {
        // Most files are valid UTF-8, checked at vector speed; only a file that fails is
        // checked again by the standard library, which says where.
        match simdutf8::basic::from_utf8(bytes).or_else(|_| std::str::from_utf8(bytes)) {
            Ok(s) => Cow::Borrowed(s),
            Err(e) => {
                let at = e.valid_up_to();
                let bad =
                    &bytes[at..(at + e.error_len().unwrap_or(bytes.len() - at)).min(bytes.len())];
                return Err(DecodeError {
                    message: format!(
                        "invalid UTF-8: byte{} {} cannot start or continue a character",
                        if bad.len() == 1 { "" } else { "s" },
                        hex(bad)
                    ),
                    help: if declared.is_some() {
                        "the file is not in the encoding its XML declaration names; re-save it as UTF-8".into()
                    } else {
                        "save the file as UTF-8 or UTF-16 with a byte-order mark, or name its charset in an XML declaration (<?xml version=\"1.0\" encoding=\"windows-1252\"?>)".into()
                    },
                    decoded_prefix: String::from_utf8_lossy(&bytes[..at]).into_owned(),
                    at,
                    byte_offset: at,
                });
            }
        }
    } else {
        run_decoder(encoding, bytes, 0)?
    };
    Ok(Decoded {
        text,
        encoding: encoding.name(),
        detection,
    })
}

/// BOM-less UTF-16: the first code unit of any XML document is ASCII (`<` or white space),
/// so one of its two bytes is NUL.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    match bytes {
        [a, 0, ..] if *a != 0 => Some(UTF_16LE),
        [0, b, ..] if *b != 0 => Some(UTF_16BE),
        _ => None,
    }
}

fn run_decoder(
    encoding: &'static Encoding,
    bytes: &[u8],
    skipped: usize,
) -> Result<Cow<'static, str>, DecodeError> {
    let utf16 = encoding == UTF_16LE || encoding == UTF_16BE;
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len().saturating_mul(3));
    let mut out = String::with_capacity(capacity);
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut out, true);
    match result {
        DecoderResult::InputEmpty => Ok(Cow::Owned(out)),
        DecoderResult::Malformed(bad, after) => {
            let fault = read - bad as usize - after as usize;
            let odd_tail =
                utf16 && bytes.len() % 2 == 1 && fault + 1 >= bytes.len().saturating_sub(1);
            let message = if odd_tail {
                format!(
                    "the {} file has an odd number of bytes ({}): its last character is cut off",
                    encoding.name(),
                    bytes.len() + skipped
                )
            } else if utf16 {
                format!(
                    "invalid {}: an unpaired surrogate code unit at byte {}",
                    encoding.name(),
                    fault + skipped
                )
            } else {
                format!(
                    "bytes {} are not valid {}",
                    hex(&bytes[fault..(fault + bad as usize).min(bytes.len())]),
                    encoding.name()
                )
            };
            let help = if odd_tail {
                "the file was probably truncated; copy or export it again".to_string()
            } else {
                format!(
                    "re-save the file as valid {} (or as UTF-8)",
                    encoding.name()
                )
            };
            let mut prefix = String::with_capacity(fault * 3 + 16);
            let mut d = encoding.new_decoder_without_bom_handling();
            let _ = d.decode_to_string(&bytes[..fault], &mut prefix, true);
            Err(DecodeError {
                message,
                help,
                at: prefix.len(),
                decoded_prefix: prefix,
                byte_offset: fault + skipped,
            })
        }
        DecoderResult::OutputFull => unreachable!("the buffer was sized for the worst case"),
    }
}

/// The document claims an encoding in its declaration that the bytes contradict.
fn check_declaration(text: &str, actual: &'static Encoding) -> Result<(), DecodeError> {
    let Some(label) = declared_encoding(text.as_bytes()) else {
        return Ok(());
    };
    let declared = Encoding::for_label(label.as_bytes());
    let compatible = match declared {
        // "UTF-16" without an endianness names either byte order.
        Some(d) if d == UTF_16LE || d == UTF_16BE => actual == UTF_16LE || actual == UTF_16BE,
        Some(d) => d == actual,
        None => false,
    };
    if compatible {
        return Ok(());
    }
    let at = declaration_offset(text.as_bytes());
    Err(DecodeError {
        message: format!(
            "the XML declaration says encoding=\"{label}\", but the bytes are {}",
            actual.name()
        ),
        help: format!(
            "change the declaration to encoding=\"{}\" or remove the encoding attribute",
            if actual == UTF_8 { "UTF-8" } else { "UTF-16" }
        ),
        decoded_prefix: declaration_text(text.as_bytes()),
        at,
        byte_offset: at,
    })
}

/// The `encoding` pseudo-attribute of an XML declaration at the very start of an
/// ASCII-compatible text.
fn declared_encoding(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(512)];
    if !head.starts_with(b"<?xml") {
        return None;
    }
    let end = head.windows(2).position(|w| w == b"?>")?;
    let decl = std::str::from_utf8(&head[..end]).ok()?;
    let rest = &decl[decl.find("encoding")? + "encoding".len()..];
    let rest = rest.trim_start().strip_prefix('=')?.trim_start();
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let value = &rest[1..];
    let close = value.find(quote)?;
    Some(value[..close].to_string())
}

/// The XML declaration itself, to show where a fault in it is.
fn declaration_text(bytes: &[u8]) -> String {
    let head = &bytes[..bytes.len().min(512)];
    let end = head
        .windows(2)
        .position(|w| w == b"?>")
        .map_or(head.len(), |i| i + 2);
    String::from_utf8_lossy(&head[..end]).into_owned()
}

fn declaration_offset(bytes: &[u8]) -> usize {
    let head = &bytes[..bytes.len().min(512)];
    head.windows(8).position(|w| w == b"encoding").unwrap_or(0)
}

fn hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|b| format!("0x{b:02X}"))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(s: &str, bom: bool) -> Vec<u8> {
        let mut v = if bom { vec![0xFF, 0xFE] } else { vec![] };
        for u in s.encode_utf16() {
            v.extend_from_slice(&u.to_le_bytes());
        }
        v
    }

    #[test]
    fn utf16_with_and_without_bom() {
        let bom = utf16le("<a/>", true);
        let d = decode(&bom).unwrap();
        assert_eq!(d.text, "<a/>");
        assert_eq!(d.detection, Detection::Bom);
        let bare = utf16le("<a/>", false);
        let d = decode(&bare).unwrap();
        assert_eq!(d.text, "<a/>");
        assert_eq!(d.detection, Detection::NulPattern);
        let mut be = vec![];
        for u in "<a/>".encode_utf16() {
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&be).unwrap().encoding, "UTF-16BE");
    }

    #[test]
    fn odd_utf16_is_reported() {
        let mut v = utf16le("<a/>", true);
        v.push(b'x');
        let e = decode(&v).unwrap_err();
        assert!(e.message.contains("odd number of bytes"), "{}", e.message);
    }

    #[test]
    fn declared_latin1() {
        let d = decode(b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a b=\"\xE9\"/>").unwrap();
        assert!(d.text.contains('é'));
        assert_eq!(d.detection, Detection::Declaration);
    }

    #[test]
    fn contradicting_declaration() {
        let e = decode(&utf16le(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><a/>",
            true,
        ))
        .unwrap_err();
        assert!(e.message.contains("UTF-8"), "{}", e.message);
        let e = decode(b"<?xml version=\"1.0\" encoding=\"UTF-16\"?><a/>").unwrap_err();
        assert!(e.message.contains("8-bit"), "{}", e.message);
    }

    #[test]
    fn encodings_decoded_as_replacement_are_refused() {
        for label in ["ISO-2022-KR", "hz-gb-2312", "replacement"] {
            let doc = format!("<?xml version=\"1.0\" encoding=\"{label}\"?><a/>");
            let e = decode(doc.as_bytes()).unwrap_err();
            assert!(e.message.contains(label), "{}", e.message);
            assert_eq!(&e.decoded_prefix[e.at..e.at + 8], "encoding");
        }
    }

    #[test]
    fn terminating_nuls_are_trimmed_in_every_encoding() {
        let mut be = vec![];
        for u in "<a/>\0\0".encode_utf16() {
            be.extend_from_slice(&u.to_be_bytes());
        }
        let cases: [(&str, Vec<u8>); 6] = [
            ("UTF-16LE", utf16le("<a/>\0", false)),
            ("UTF-16LE with BOM", utf16le("<a/>\0\0\0", true)),
            ("UTF-16BE", be),
            ("UTF-8", b"<a/>\0".to_vec()),
            ("UTF-8 with BOM", b"\xEF\xBB\xBF<a/>\0".to_vec()),
            (
                "windows-1252",
                b"<?xml version=\"1.0\" encoding=\"windows-1252\"?><a b=\"\xE9\"/>\0".to_vec(),
            ),
        ];
        for (what, bytes) in cases {
            let text = decode(&bytes).unwrap().text.into_owned();
            assert!(text.ends_with("/>"), "{what}: {text:?}");
            assert_eq!(decode_owned(bytes).unwrap().text, text, "{what}");
        }
    }

    #[test]
    fn other_nuls_are_kept() {
        for text in ["<a/>\0\n", "<a>\0</a>", "<a/>\0 ", "\0", "\0\0"] {
            assert_eq!(decode(text.as_bytes()).unwrap().text, text);
            assert_eq!(decode_owned(text.as_bytes().to_vec()).unwrap().text, text);
        }
        assert_eq!(
            decode(&utf16le("<a/>\0\n", false)).unwrap().text,
            "<a/>\0\n"
        );
    }

    #[test]
    fn invalid_utf8_has_position() {
        let e = decode(b"<a>\n<b\xFF/></a>").unwrap_err();
        assert_eq!(e.byte_offset, 6);
        assert_eq!(e.decoded_prefix, "<a>\n<b");
    }
}

"""`vsslint server` driven by pytest-lsp, a client vsslint did not write.

The binary is `$VSSLINT_BIN`, or `target/debug/vsslint` under `$CARGO_TARGET_DIR` (or the
repository's `target/`): build it first (`cargo build`). `.ci/run` runs this file after the
Rust tests; without the binary it is skipped, except under CI, where it fails.
"""

import asyncio
import inspect
import json
import os
import pathlib
import sys

import pytest
import pytest_lsp
from lsprotocol import types
from pygls.exceptions import JsonRpcInvalidRequest
from pytest_lsp import ClientServerConfig, LanguageClient

ROOT = pathlib.Path(__file__).resolve().parents[2]


def server_binary() -> pathlib.Path:
    if os.environ.get("VSSLINT_BIN"):
        return pathlib.Path(os.environ["VSSLINT_BIN"])
    target = pathlib.Path(os.environ.get("CARGO_TARGET_DIR") or ROOT / "target")
    if not target.is_absolute():
        target = ROOT / target
    exe = "vsslint.exe" if sys.platform == "win32" else "vsslint"
    return target / "debug" / exe


BINARY = server_binary()
if not BINARY.is_file():
    if os.environ.get("CI"):
        raise RuntimeError(f"{BINARY} is absent: CI builds it with cargo before this test")
    pytest.skip(f"{BINARY} is absent; run `cargo build` first", allow_module_level=True)

URI = "untitled:ledger.xml"


def document(recursive: str) -> str:
    """A writer with a friendly name and a path holding a non-ASCII letter and a character
    outside the BMP, before the finding on its line."""
    return (
        '<WRITER_METADATA version="1.2" xmlns="x-schema:#VssWriterMetadataInfo" backupSchema="3">\n'
        '<IDENTIFICATION writerId="11111111-2222-3333-4444-555555555555" '
        'instanceId="11111111-2222-3333-4444-555555555556" friendlyName="Çontoso 𝄞" '
        'usage="USER_DATA" dataSource="OTHER"/>\n'
        '<RESTORE_METHOD method="RESTORE_IF_CAN_BE_REPLACED" writerRestore="never" rebootRequired="no"/>\n'
        '<BACKUP_LOCATIONS><FILE_GROUP logicalPath="Contoso" componentName="Ledger" caption="Ledger" '
        'restoreMetadata="no" notifyOnBackupComplete="no" selectable="yes" selectableForRestore="no" '
        'componentFlags="0">\n'
        f'<FILE_LIST path="C:\\Ledger\\é𝄞" filespec="*.dat" recursive="{recursive}" '
        'filespecBackupType="3855"/>\n'
        "</FILE_GROUP></BACKUP_LOCATIONS></WRITER_METADATA>\n"
    )


def utf16_column(line: str, index: int) -> int:
    """The LSP column of `line[index]`: UTF-16 code units before it."""
    return len(line[:index].encode("utf-16-le")) // 2


def position_of(text: str, needle: str) -> types.Position:
    for number, line in enumerate(text.split("\n")):
        if needle in line:
            return types.Position(line=number, character=utf16_column(line, line.index(needle)))
    raise AssertionError(f"{needle!r} is not in the text")


def offset_of(text: str, position: types.Position) -> int:
    """The index in `text` of an LSP position."""
    lines = text.split("\n")
    start = sum(len(l) + 1 for l in lines[: position.line])
    units = 0
    for i, ch in enumerate(lines[position.line]):
        if units >= position.character:
            return start + i
        units += len(ch.encode("utf-16-le")) // 2
    return start + len(lines[position.line])


def apply(text: str, edits: list[types.TextEdit]) -> str:
    for e in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[: offset_of(text, e.range.start)] + e.new_text + text[offset_of(text, e.range.end) :]
    return text


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[str(BINARY), "server"]))
async def client(lsp_client: LanguageClient):
    yield


async def diagnostics_after(client: LanguageClient, send) -> list[types.Diagnostic]:
    waiting = client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    send()
    await waiting
    return list(client.diagnostics[URI])


async def test_diagnostics_quick_fix_hover_and_shutdown(client: LanguageClient):
    result = await client.initialize_session(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(
                general=types.GeneralClientCapabilities(
                    position_encodings=[types.PositionEncodingKind.Utf16]
                )
            )
        )
    )
    assert result.capabilities.position_encoding == types.PositionEncodingKind.Utf16

    text = document("true")
    found = await diagnostics_after(
        client,
        lambda: client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(uri=URI, language_id="xml", version=1, text=text)
            )
        ),
    )
    recursive = [d for d in found if d.data == {"rule": "fs/recursive-bool"}]
    assert len(recursive) == 1, found
    finding = recursive[0]
    start = position_of(text, 'true"')
    # `é` is one UTF-16 unit and `𝄞` two: a count in bytes or in characters would differ.
    line = text.split("\n")[start.line]
    assert start.character == line.index('true"') + 1
    assert finding.range == types.Range(
        start=start, end=types.Position(line=start.line, character=start.character + 4)
    )
    assert finding.severity is not None and finding.source == "vsslint"

    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=URI),
            range=finding.range,
            context=types.CodeActionContext(diagnostics=[finding]),
        )
    )
    quick = [a for a in actions if isinstance(a, types.CodeAction) and a.kind == types.CodeActionKind.QuickFix]
    assert len(quick) == 1, actions
    edits = quick[0].edit.changes[URI]
    fixed = apply(text, edits)
    assert fixed == document("yes")

    found = await diagnostics_after(
        client,
        lambda: client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=URI, version=2),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=fixed)],
            )
        ),
    )
    assert not [d for d in found if d.data == {"rule": "fs/recursive-bool"}], found

    at = position_of(fixed, '"3"')
    hover = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=URI),
            position=types.Position(line=at.line, character=at.character + 1),
        )
    )
    shown = hover.contents.value
    assert "backupSchema" in shown
    assert "VSS_BS_DIFFERENTIAL" in shown and "VSS_BS_INCREMENTAL" in shown, shown
    assert "VSS_BS_TIMESTAMPED" not in shown, shown

    await client.shutdown_session()
    # pytest-lsp keeps the server's process on the client.
    assert client._server.returncode == 0


def send_bytes(client: LanguageClient, data: bytes) -> None:
    """Bytes to the server as they are, framing included, as pygls sends its own messages."""
    written = client.protocol.writer.write(data)
    if inspect.isawaitable(written):
        asyncio.ensure_future(written)


def hover_at_start() -> types.HoverParams:
    return types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=URI), position=types.Position(line=0, character=1)
    )


async def test_a_frame_without_content_length_costs_that_frame(client: LanguageClient):
    await client.initialize_session(types.InitializeParams(capabilities=types.ClientCapabilities()))
    body = json.dumps({"jsonrpc": "2.0", "id": "lost", "method": "textDocument/hover", "params": {}})
    send_bytes(client, b"Content-Type: application/vscode-jsonrpc\r\n\r\n" + body.encode())
    # pygls frames this request right after the broken one's body, with no line between.
    found = await diagnostics_after(
        client,
        lambda: client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(
                    uri=URI, language_id="xml", version=1, text=document("true")
                )
            )
        ),
    )
    assert [d for d in found if d.data == {"rule": "fs/recursive-bool"}], found
    hover = await client.text_document_hover_async(hover_at_start())
    assert hover is None or hover.contents is not None
    skipped = [m.message for m in client.log_messages if "without Content-Length" in m.message]
    assert len(skipped) == 1, client.log_messages

    await client.shutdown_session()
    assert client._server.returncode == 0


async def test_a_request_after_shutdown_is_invalid(client: LanguageClient):
    await client.initialize_session(types.InitializeParams(capabilities=types.ClientCapabilities()))
    await client.shutdown_async(None)
    with pytest.raises(JsonRpcInvalidRequest):
        await client.text_document_hover_async(hover_at_start())
    client.exit(None)
    await client._server.wait()
    assert client._server.returncode == 0


async def test_a_lone_surrogate_is_linted(client: LanguageClient):
    await client.initialize_session(types.InitializeParams(capabilities=types.ClientCapabilities()))
    text = document("true")
    # Python's json escapes the lone surrogate as `\ud800`, as a JavaScript editor would; it
    # stands where `é` was, before the finding on its line.
    lone = text.replace("é", "\ud800", 1)
    found = await diagnostics_after(
        client,
        lambda: client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(uri=URI, language_id="xml", version=1, text=lone)
            )
        ),
    )
    recursive = [d for d in found if d.data == {"rule": "fs/recursive-bool"}]
    assert len(recursive) == 1, found
    assert recursive[0].range.start == position_of(text, 'true"')
    await client.shutdown_session()
    assert client._server.returncode == 0

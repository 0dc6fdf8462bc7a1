#!/usr/bin/env python3
"""The generated inputs of the benchmarks, written into OUT_DIR:

  many/                2,000 small real-size documents (wm0000.xml … wm1999.xml), made from the
                       corpus's small writer metadata documents by giving each a distinct
                       instance ID;
  system-x10.xml       the System writer document with its components repeated ten times;
  findings-150k.xml    a document of 150,000 file sets, each with recursive="1".

Usage: bench-inputs.py CORPUS SYSTEM OUT_DIR [many]
  CORPUS  the DiskShadow folder the small documents are taken from
  SYSTEM  its System writer document (left out of the small ones)
  many    write many/ only

The output depends on nothing but the corpus: the same corpus gives the same bytes, so
scripts/bench-vs-xmllint.sh, scripts/instructions.sh and scripts/same-output.sh all see the
same 2,000 documents.
"""
import pathlib
import re
import sys
import uuid


def many(corpus, system, out):
    small = []
    for p in sorted(corpus.glob("*.xml")):
        data = p.read_bytes()
        if p != system and b"<WRITER_METADATA" in data and b"instanceId=" in data:
            small.append(data.decode("utf-8"))
    if not small:
        sys.exit(f"no small writer metadata documents in {corpus}")
    folder = out / "many"
    folder.mkdir()
    for i in range(2000):
        doc = small[i % len(small)]
        doc = re.sub(r'instanceId="[^"]*"', f'instanceId="{uuid.UUID(int=i + 1)}"', doc, count=1)
        (folder / f"wm{i:04}.xml").write_text(doc, encoding="utf-8")


def system_x10(system, out):
    text = system.read_text(encoding="utf-8")
    start = text.index("<BACKUP_LOCATIONS>") + len("<BACKUP_LOCATIONS>")
    end = text.index("</BACKUP_LOCATIONS>")
    body = text[start:end]
    copies = []
    for k in range(10):
        copy = re.sub(
            r'componentName="([^"]*)"', lambda m: f'componentName="{m.group(1)} {k}"', body
        )
        copy = copy.replace('path="', f'path="D:\\copy{k}')
        copies.append(copy)
    (out / "system-x10.xml").write_text(
        text[:start] + "".join(copies) + text[end:], encoding="utf-8"
    )


def findings_150k(out):
    lists = "".join(
        f'<FILE_LIST path="C:\\Data\\d{i}" filespec="f{i}.dat" recursive="1" filespecBackupType="3855"/>\n'
        for i in range(150_000)
    )
    (out / "findings-150k.xml").write_text(
        '<WRITER_METADATA xmlns="x-schema:#VssWriterMetadataInfo" version="1.2">'
        '<IDENTIFICATION writerId="3c2d1e0f-5a6b-4c7d-8e9f-a0b1c2d3e4f5" friendlyName="Large" '
        'usage="USER_DATA" dataSource="OTHER"/><RESTORE_METHOD method="RESTORE_IF_NOT_THERE" '
        'writerRestore="never" rebootRequired="no"/><BACKUP_LOCATIONS>'
        f'<FILE_GROUP componentName="Data" selectable="yes">\n{lists}</FILE_GROUP>'
        "</BACKUP_LOCATIONS></WRITER_METADATA>",
        encoding="utf-8",
    )


def main():
    if len(sys.argv) not in (4, 5) or sys.argv[4:] not in ([], ["many"]):
        sys.exit(__doc__)
    corpus, system, out = map(pathlib.Path, sys.argv[1:4])
    many(corpus, system, out)
    if sys.argv[4:] != ["many"]:
        system_x10(system, out)
        findings_150k(out)


main()

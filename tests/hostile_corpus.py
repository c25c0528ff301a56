"""A hostile inbox built at test time from small files: one good shipment beside every kind of input that must
be refused without harm (pages far larger than any document, images whose stated resolution makes them huge,
JavaScript hidden behind long chains of objects, file names that are not UTF-8, links out of the inbox,
folder names a spreadsheet would run as formulas).

`build_hostile_inbox` is used by the tests and by the memory benchmark (`benchmarks/hostile.py`).
"""

from __future__ import annotations

import io
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf
from PIL import Image, ImageDraw

SAMPLE_INBOX = Path(__file__).resolve().parents[1] / "sample_docs" / "inbox"
GOOD_SHIPMENT = "SHP-2025-0001"  # three born-digital documents and one scan

INVOICE_TEXT = [
    "COMMERCIAL INVOICE",
    "Invoice No: INV-2025-0042",
    "Invoice Date: 14 March 2025",
    "Seller: Siam Antimony Trading Co., Ltd.",
    "Country of Origin: Thailand",
    "Net Weight: 20,000.00 kg",
]


# --- PDF bytes written by hand: every object where the test wants it ------------------------------------


def pdf_from_objects(objects: dict[int, bytes], root: int = 1, header: bytes = b"%PDF-1.7") -> bytes:
    """A PDF of the given indirect objects (number -> body), with a classic cross-reference table."""
    out = bytearray(header + b"\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
    size = max(objects) + 1
    start = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        out += (b"%010d 00000 n \n" % offsets[number]) if number in offsets else b"0000000000 00000 f \n"
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, root, start)
    return bytes(out)


def incremental_update(base: bytes, objects: dict[int, bytes], root: int = 1) -> bytes:
    """`base` with an incremental update appended that adds or replaces `objects` (ISO 32000 7.5.6)."""
    previous = int(base.rsplit(b"startxref", 1)[1].split()[0])
    size = int(base.rsplit(b"/Size", 1)[1].split()[0])
    out = bytearray(base if base.endswith(b"\n") else base + b"\n")
    offsets: dict[int, int] = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
    start = len(out)
    out += b"xref\n"
    for number in sorted(objects):
        out += b"%d 1\n%010d 00000 n \n" % (number, offsets[number])
    new_size = max(size, max(objects) + 1)
    trailer = b"<< /Size %d /Root %d 0 R /Prev %d >>" % (new_size, root, previous)
    out += b"trailer\n" + trailer + b"\nstartxref\n%d\n%%%%EOF\n" % start
    return bytes(out)


def _text_stream(lines: list[str], top: float) -> bytes:
    ops = [b"BT /F1 11 Tf 72 %d Td 14 TL" % int(top)]
    for line in lines:
        ops.append(b"(" + line.encode("latin-1").replace(b"(", b"\\(").replace(b")", b"\\)") + b") Tj T*")
    ops.append(b"ET")
    content = b"\n".join(ops)
    return b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"


def page_objects(width: float = 595, height: float = 842, text: list[str] | None = None) -> dict[int, bytes]:
    """Catalog 1, pages 2, page 3 (with text in font 4 and content 5 when `text` is given)."""
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %g %g]" % (width, height)
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    }
    if text:
        page += b" /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R"
        objects[4] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
        objects[5] = _text_stream(text, height - 72)
    objects[3] = page + b" >>"
    return objects


def blank_huge_pdf(side: float = 20_000) -> bytes:
    """A blank page `side` points square (20,000 pt is seven metres) in about 400 bytes."""
    return pdf_from_objects(page_objects(side, side))


def text_huge_pdf(side: float = 20_000) -> bytes:
    """A born-digital page `side` points square: its text layer reads, its rendering would not fit in memory."""
    return pdf_from_objects(page_objects(side, side, INVOICE_TEXT))


def invoice_pdf(marker: str = "") -> bytes:
    """A small born-digital invoice; `marker` makes its bytes (and so its hash) its own."""
    return pdf_from_objects(page_objects(text=INVOICE_TEXT + ([f"Ref {marker}"] if marker else [])))


def javascript_chain_pdf(length: int = 200, at: int = 74, arrays: bool = False) -> bytes:
    """An invoice whose /OpenAction is JavaScript, also reached first through a chain of `length` objects
    (dictionaries, or one-element arrays) at position `at`: the catalog lists the chain before the action."""
    objects = page_objects(text=INVOICE_TEXT)
    action, first = 6, 10
    chain = [first + n for n in range(length)]
    for k, number in enumerate(chain):
        target = action if k == at - 1 else chain[k + 1] if k + 1 < length else None
        if target is None:
            objects[number] = b"[]" if arrays else b"<< >>"
        else:
            objects[number] = b"[%d 0 R]" % target if arrays else b"<< /Next %d 0 R >>" % target
    following = b" /Next %d 0 R" % chain[at] if at < length else b""
    objects[action] = b"<< /S /JavaScript /JS (app.alert\\(1\\))" + following + b" >>"
    objects[1] = b"<< /Type /Catalog /Pages 2 0 R /AChain [%d 0 R] /OpenAction %d 0 R >>" % (first, action)
    return pdf_from_objects(objects)


def in_object_streams(data: bytes) -> bytes:
    """The same PDF rewritten with its objects packed in compressed object streams (by qpdf)."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        out = io.BytesIO()
        pdf.save(out, object_stream_mode=pikepdf.ObjectStreamMode.generate)
        return out.getvalue()


def javascript_update_pdf() -> bytes:
    """A clean invoice plus an incremental update that gives the catalog a JavaScript /OpenAction."""
    base = pdf_from_objects(page_objects(text=INVOICE_TEXT))
    return incremental_update(
        base,
        {
            1: b"<< /Type /Catalog /Pages 2 0 R /OpenAction 7 0 R >>",
            7: b"<< /S /JavaScript /JS (app.alert\\(1\\)) >>",
        },
    )


def object_flood_pdf(objects: int) -> bytes:
    """An invoice with `objects` extra tiny objects linked in one array: more than a document needs."""
    body = page_objects(text=INVOICE_TEXT)
    first = 10
    body[1] = b"<< /Type /Catalog /Pages 2 0 R /Extra %d 0 R >>" % (first + objects)
    for n in range(objects):
        body[first + n] = b"%d" % n
    body[first + objects] = b"[" + b" ".join(b"%d 0 R" % (first + n) for n in range(objects)) + b"]"
    return pdf_from_objects(body)


def low_dpi_png(side: int = 3000, dpi: int = 50) -> bytes:
    """A `side` x `side` grayscale PNG that states `dpi`: at 300 dpi for OCR it would be 6x larger a side."""
    image = Image.new("L", (side, side), 255)
    draw = ImageDraw.Draw(image)
    for n, line in enumerate(INVOICE_TEXT):
        draw.text((100, 100 + 40 * n), line, fill=0)
    out = io.BytesIO()
    image.save(out, format="PNG", dpi=(dpi, dpi), optimize=True)
    return out.getvalue()


# --- the inbox ----------------------------------------------------------------------------------------------

# Folder names a spreadsheet would run as formulas if written unescaped into a CSV cell.
FORMULA_SHIPMENTS = ('=HYPERLINK("http:example.invalid","open")', "+cmd|' -C calc'!A0", "@SUM(1+1)")
NON_UTF8_FILE = b"SHP-NAMES/factura-\xe9.pdf"  # Latin-1 e-acute: not UTF-8
NON_UTF8_SHIPMENT = b"SHP-\xff\xfe"


@dataclass
class HostileInbox:
    root: Path  # the inbox
    outside: Path  # a folder beside it that links point into; nothing in it may be read
    # Shipment folder -> files that must end as documents (the rest of the inbox must not).
    good: dict[str, list[str]] = field(default_factory=dict)
    # Inbox-relative paths (bytes, as the file system holds them) that must be refused, with a word of the reason.
    refused: dict[bytes, str] = field(default_factory=dict)


def build_hostile_inbox(base: Path, *, with_good_shipment: bool = True) -> HostileInbox:
    """Create `base/inbox` and `base/outside`; returns what each file must become."""
    inbox, outside = base / "inbox", base / "outside"
    inbox.mkdir(parents=True)
    outside.mkdir(parents=True)
    result = HostileInbox(root=inbox, outside=outside)

    def put(relative: bytes, data: bytes, refused: str | None = None) -> None:
        path = Path(os.fsdecode(os.path.join(os.fsencode(inbox), relative)))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        if refused:
            result.refused[relative] = refused

    if with_good_shipment:
        good = inbox / GOOD_SHIPMENT
        shutil.copytree(SAMPLE_INBOX / GOOD_SHIPMENT, good)
        result.good[GOOD_SHIPMENT] = sorted(p.name for p in good.iterdir())

    # Item 1: memory follows page size, not file size.
    put(b"SHP-HUGE/blank-20000pt.pdf", blank_huge_pdf(), "page")
    put(b"SHP-HUGE/text-20000pt.pdf", text_huge_pdf(), "page")
    put(b"SHP-HUGE/scan-3000px-50dpi.png", low_dpi_png(), "pixels")
    put(b"SHP-HUGE/invoice.pdf", invoice_pdf("huge"))
    result.good["SHP-HUGE"] = ["invoice.pdf"]

    # Item 3: JavaScript behind long chains, in arrays, in object streams, added by an incremental update.
    put(b"SHP-JS/chain-74.pdf", javascript_chain_pdf(74), "JavaScript")
    put(b"SHP-JS/chain-200.pdf", javascript_chain_pdf(200), "JavaScript")
    put(b"SHP-JS/array-chain-200.pdf", javascript_chain_pdf(200, arrays=True), "JavaScript")
    put(b"SHP-JS/chain-200-objstm.pdf", in_object_streams(javascript_chain_pdf(200)), "JavaScript")
    put(b"SHP-JS/update.pdf", javascript_update_pdf(), "JavaScript")

    # Item 2: names that are not UTF-8, beside good documents.
    put(NON_UTF8_FILE, invoice_pdf("latin-1 name"), "UTF-8")
    put(b"SHP-NAMES/invoice.pdf", invoice_pdf("names"))
    result.good["SHP-NAMES"] = ["invoice.pdf"]
    put(NON_UTF8_SHIPMENT + b"/invoice.pdf", invoice_pdf("bad folder"), "UTF-8")

    # Item 4: links, never followed: a file out of the inbox, a system file, a directory, a linked shipment.
    (outside / "secret.pdf").write_bytes(invoice_pdf("outside"))
    (outside / "shipment").mkdir()
    (outside / "shipment" / "invoice.pdf").write_bytes(invoice_pdf("outside shipment"))
    links = inbox / "SHP-LINKS"
    links.mkdir()
    (links / "invoice.pdf").write_bytes(invoice_pdf("links"))
    result.good["SHP-LINKS"] = ["invoice.pdf"]
    for name, target in (
        ("outside.pdf", outside / "secret.pdf"),
        ("passwd.pdf", Path("/etc/passwd")),
        ("folder", outside / "shipment"),
        ("inside.pdf", Path("invoice.pdf")),
    ):
        (links / name).symlink_to(target)
        result.refused[f"SHP-LINKS/{name}".encode()] = "symbolic link"
    (inbox / "SHP-LINKED").symlink_to(outside / "shipment")
    result.refused[b"SHP-LINKED"] = "symbolic link"

    # Item 5: folder names that are spreadsheet formulas; their documents are fine.
    for n, name in enumerate(FORMULA_SHIPMENTS):
        put(name.encode() + b"/invoice.pdf", invoice_pdf(f"formula {n}"))
        result.good[name] = ["invoice.pdf"]
    return result

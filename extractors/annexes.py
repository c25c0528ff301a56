"""The PDFs a PDF embeds beside its e-invoice XML (a timesheet, a hotel bill, a statement of costs).

ZUGFeRD / Factur-X allow supporting documents as attachments; each is a document in its own right and is read
as one. The safety check (`safety.py`) has already inspected every embedded PDF like a file of its own (its
active content and inflated streams, one level deep) before this module copies any bytes out.
"""

from __future__ import annotations

from dataclasses import dataclass

import pypdfium2

from oretrace.extractors.einvoice import Attachment, attachment_size

PDF_SIGNATURE = b"%PDF-"


@dataclass(frozen=True)
class RefusedAttachment:
    name: str
    reason: str


def read_pdf_attachments(path: str, max_bytes: int) -> tuple[list[Attachment], list[RefusedAttachment]]:
    """The embedded files named .pdf whose bytes are a PDF, and those refused with the reason.

    One over `max_bytes` (the limit a file of its own has) is refused before its bytes are copied. The caller
    holds the PDFium lock.
    """
    pdf = pypdfium2.PdfDocument(path)
    try:
        found: list[Attachment] = []
        refused: list[RefusedAttachment] = []
        for index in range(pdf.count_attachments()):
            attachment = pdf.get_attachment(index)
            name = attachment.get_name()
            if not name.lower().endswith(".pdf"):
                continue
            size = attachment_size(attachment)
            if size > max_bytes:
                reason = f"the embedded PDF is {size:,} bytes; the limit is {max_bytes:,}"
                refused.append(RefusedAttachment(name, reason))
                continue
            try:
                data = bytes(attachment.get_data())
            except pypdfium2.PdfiumError:
                refused.append(RefusedAttachment(name, "the embedded PDF cannot be decoded"))
                continue
            if not data.startswith(PDF_SIGNATURE):
                refused.append(RefusedAttachment(name, "the embedded file is named .pdf but is no PDF"))
                continue
            found.append(Attachment(name, data))
        return found, refused
    finally:
        pdf.close()

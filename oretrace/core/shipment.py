"""What a shipment's documents say together."""

from __future__ import annotations

from oretrace.core.models import DocType

# The certificate of origin is the document that legally states origin; the invoice is the fallback.
ORIGIN_AUTHORITY = (DocType.CERTIFICATE_OF_ORIGIN, DocType.COMMERCIAL_INVOICE)

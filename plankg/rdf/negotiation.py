"""Content negotiation (RFC 9110 §12.5.1): which of the offered media types a client's Accept prefers."""

from __future__ import annotations

from plankg.rdf.export import FORMATS

HTML = "text/html"
# Offered in this order: a client that accepts several equally (*/*, no Accept) gets the first.
RDF_MEDIA_TYPES = [fmt.media_type for fmt in FORMATS.values()]
_ALIASES = {"application/json": "application/ld+json", "application/xhtml+xml": HTML}


def _accept_ranges(accept: str) -> list[tuple[str, float]]:
    ranges = []
    for part in accept.split(","):
        media, *params = (p.strip() for p in part.split(";"))
        if not media:
            continue
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    q = 0.0
        ranges.append((media.lower(), q))
    return ranges


def negotiate(accept: str | None, offers: list[str]) -> str | None:
    """The offer the client prefers (RFC 9110 §12.5.1): each offer gets the q of the most specific
    range that matches it; highest q wins, ties go to the earlier offer; None when every q is 0."""
    if not accept or not accept.strip():
        return offers[0]
    ranges = _accept_ranges(accept)
    best: tuple[float, int] | None = None
    chosen = None
    for index, offer in enumerate(offers):
        main_type = offer.split("/")[0]
        q_by_specificity: dict[int, float] = {}
        for media, q in ranges:
            media = _ALIASES.get(media, media)
            if media == offer:
                q_by_specificity[2] = max(q, q_by_specificity.get(2, 0.0))
            elif media == f"{main_type}/*":
                q_by_specificity[1] = max(q, q_by_specificity.get(1, 0.0))
            elif media == "*/*":
                q_by_specificity[0] = max(q, q_by_specificity.get(0, 0.0))
        if not q_by_specificity:
            continue
        q = q_by_specificity[max(q_by_specificity)]
        if q > 0 and (best is None or q > best[0]):
            best, chosen = (q, index), offer
    return chosen

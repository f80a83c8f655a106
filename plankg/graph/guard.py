"""A lexical screen for researcher Cypher, in front of the store's own read-only enforcement.

The store refuses writes itself (a READ ONLY transaction on LadybugDB, READ access mode on Neo4j).
This screen only adds what a read-only transaction still allows: clauses that touch the file system
or other databases (COPY … TO writes a file from a read-only Ladybug transaction, LOAD CSV reads
server files on Neo4j), transaction control, and several statements in one text.
"""

from __future__ import annotations

import re

from plankg.graph.port import QueryFailed, ReadOnlyViolation

# Strings, quoted names and comments are blanked before matching, so a keyword inside them is fine.
_LITERALS = re.compile(
    r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`]|``)*`|//[^\n]*|/\*.*?\*/""",
    re.DOTALL,
)

_FORBIDDEN: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), reason)
    for pattern, reason in (
        (r"\bCOPY\b", "COPY reads or writes files"),
        (r"\bLOAD\s+(CSV|FROM|WITH|EXTENSION)\b", "LOAD reads files or extensions"),
        (r"\b(EXPORT|IMPORT)\s+DATABASE\b", "EXPORT/IMPORT DATABASE touches files"),
        (r"\bATTACH\b", "ATTACH opens another database"),
        (r"\bDETACH\s+(?!DELETE\b)\w", "DETACH closes a database"),
        (r"\b(UN)?INSTALL\b", "INSTALL manages extensions"),
        (r"(^|[\s{(])USE\s+[A-Za-z_]", "USE switches database"),
        (r"\b(BEGIN|COMMIT|ROLLBACK|CHECKPOINT)\b", "transaction control is not allowed"),
        (r"\bCALL\s+dbms\.", "dbms procedures administer the server"),
    )
)


def screen_read_only(query: str) -> None:
    """Raise ReadOnlyViolation when the query holds a clause a read-only transaction does not stop."""
    code = _LITERALS.sub(" ", query)
    statement = code.strip().rstrip(";")
    if ";" in statement:
        raise ReadOnlyViolation("only one statement may be run at a time")
    if not statement:
        raise ReadOnlyViolation("the query is empty")
    for pattern, reason in _FORBIDDEN:
        if pattern.search(statement):
            raise ReadOnlyViolation(f"refused: {reason}")


# LadybugDB 0.22 crashes the whole process (SIGSEGV) on `ORDER BY … SKIP n LIMIT m` once n is
# somewhere above 10,000 (measured: 10,000 ran, 15,000 crashed). A researcher's query must never take
# the server down, so the embedded store refuses such a SKIP before running it.
EMBEDDED_MAX_ORDERED_SKIP = 10_000
_SKIP = re.compile(r"\bSKIP\s+(\$?\w+|\()", re.IGNORECASE)
_ORDER_BY = re.compile(r"\bORDER\s+BY\b", re.IGNORECASE)


def screen_embedded_paging(query: str, parameters: dict[str, object]) -> None:
    """Raise QueryFailed for an ordered SKIP that LadybugDB 0.22 cannot run without crashing."""
    code = _LITERALS.sub(" ", query)
    if not _ORDER_BY.search(code):
        return
    for match in _SKIP.finditer(code):
        token = match.group(1)
        value = parameters.get(token[1:]) if token.startswith("$") else token
        try:
            skip = int(str(value))
        except ValueError:
            raise QueryFailed(
                "with ORDER BY, SKIP must be a whole number or a parameter on the embedded store"
            ) from None
        if skip > EMBEDDED_MAX_ORDERED_SKIP:
            raise QueryFailed(
                f"SKIP {skip} after ORDER BY is above {EMBEDDED_MAX_ORDERED_SKIP}, which the embedded "
                "store (LadybugDB 0.22) cannot run safely; page with a WHERE on the sort key instead"
            )

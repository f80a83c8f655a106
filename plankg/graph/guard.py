"""A lexical screen for researcher Cypher, in front of the store's own read-only enforcement.

The store refuses writes itself (a READ ONLY transaction on LadybugDB, READ access mode on Neo4j).
This screen only adds what a read-only transaction still allows: clauses that touch the file system
or other databases (COPY … TO writes a file from a read-only Ladybug transaction, LOAD CSV reads
server files on Neo4j), transaction control, and several statements in one text.
"""

from __future__ import annotations

import re

from plankg.graph.port import ReadOnlyViolation

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

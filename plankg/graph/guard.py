"""What a researcher's Cypher may do: read the graph, nothing else — decided in three layers.

1. `screen_statement` (here, before the database sees the text): NFKC-normalise, then tokenise the
   statement (strings, quoted names, comments, words, numbers, symbols). Outside string literals and
   quoted names only ASCII space, tab, CR and newline may separate tokens, so no Unicode space or
   format character (U+180E, U+200B, U+FEFF …) can hide a keyword from this screen while the
   database reads it as a space. Bare words that open a clause the API does not run (LOAD, COPY,
   CREATE, SET, CALL x=…, BEGIN …) are refused, every `name(` is a function from READ_FUNCTIONS, every
   `CALL name(` a procedure from the backend's allow-list, and there is one statement.
2. The database's own plan (EXPLAIN, in the backend): every operator must be in the backend's
   allow-list of reading operators (`check_embedded_plan`, `check_neo4j_plan`), every table function
   or procedure in the plan in its allow-list. A clause the screen missed still cannot run.
3. The engines forbid what they can: Neo4j runs the query in a READ session with a transaction
   timeout and with LOAD CSV from files, and transactions over the memory limit, switched off in its
   configuration; the embedded store runs it in a separate process holding the database read-only,
   under RLIMIT_AS and RLIMIT_FSIZE=0, killed at the time limit (plankg.graph.query_worker).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from plankg.graph.port import QueryFailed, ReadOnlyViolation

# Characters that may separate tokens. Everything else of categories Z*/C* outside a string literal
# or a quoted name is refused.
ALLOWED_SPACE = frozenset(" \t\r\n")

# Words that open or belong to a clause the API does not run. A word after `.` (property), `:`
# (label), `$` (parameter) or in backquotes is a name, not a keyword, and is not checked.
REFUSED_WORDS: dict[str, str] = {
    **{w: "reads or writes files" for w in ("LOAD", "COPY", "EXPORT", "IMPORT", "CSV", "FROM", "PERIODIC")},
    **{
        w: "writes the graph"
        for w in (
            "CREATE",
            "MERGE",
            "SET",
            "DELETE",
            "DETACH",
            "REMOVE",
            "FOREACH",
            "INSERT",
            "DROP",
            "ALTER",
            "RENAME",
            "TRUNCATE",
        )
    },
    **{
        w: "controls transactions"
        for w in ("BEGIN", "COMMIT", "ROLLBACK", "CHECKPOINT", "TRANSACTION", "TRANSACTIONS", "TERMINATE")
    },
    **{
        w: "manages extensions or databases"
        for w in ("INSTALL", "UNINSTALL", "ATTACH", "USE", "DATABASE", "DATABASES", "EXTENSION")
    },
    **{
        w: "administers the server"
        for w in ("SHOW", "GRANT", "DENY", "REVOKE", "ENABLE", "DISABLE", "PROFILE", "EXPLAIN")
    },
}

# Functions a query may call, lower-cased, common to or specific to either dialect: pure functions of
# their arguments and the graph. Anything else (`name(` with another name) is refused.
READ_FUNCTIONS = frozenset(
    [
        "count",
        "collect",
        "sum",
        "avg",
        "min",
        "max",
        "stdev",
        "stdevp",
        "percentilecont",
        "percentiledisc",
        "size",
        "length",
        "labels",
        "label",
        "type",
        "id",
        "elementid",
        "keys",
        "properties",
        "nodes",
        "relationships",
        "rels",
        "startnode",
        "endnode",
        "head",
        "last",
        "tail",
        "range",
        "reverse",
        "coalesce",
        "nullif",
        "tolower",
        "toupper",
        "lower",
        "upper",
        "trim",
        "ltrim",
        "rtrim",
        "lpad",
        "rpad",
        "substring",
        "substr",
        "left",
        "right",
        "replace",
        "split",
        "tostring",
        "tointeger",
        "tofloat",
        "toboolean",
        "tostringornull",
        "tointegerornull",
        "tofloatornull",
        "tobooleanornull",
        "tostringlist",
        "tointegerlist",
        "tofloatlist",
        "tobooleanlist",
        "isempty",
        "isnan",
        "abs",
        "ceil",
        "ceiling",
        "floor",
        "round",
        "sign",
        "sqrt",
        "exp",
        "log",
        "log2",
        "log10",
        "pi",
        "e",
        "sin",
        "cos",
        "tan",
        "asin",
        "acos",
        "atan",
        "atan2",
        "degrees",
        "radians",
        "haversin",
        "pow",
        "power",
        "mod",
        "rand",
        "random",
        "string",
        "concat",
        "contains",
        "starts_with",
        "ends_with",
        "prefix",
        "suffix",
        "repeat",
        "initcap",
        "levenshtein",
        "regexp_matches",
        "regexp_replace",
        "regexp_extract",
        "regexp_extract_all",
        "regexp_split_to_array",
        "list_concat",
        "list_cat",
        "list_append",
        "list_prepend",
        "list_contains",
        "list_has",
        "list_extract",
        "list_element",
        "list_position",
        "list_slice",
        "list_sort",
        "list_reverse_sort",
        "list_sum",
        "list_product",
        "list_distinct",
        "list_unique",
        "list_any_value",
        "list_to_string",
        "list_has_all",
        "list_filter",
        "list_transform",
        "array_length",
        "array_contains",
        "string_split",
        "split_part",
        "to_int64",
        "to_int32",
        "to_int16",
        "to_double",
        "to_float",
        "to_string",
        "to_date",
        "cast",
        "date",
        "datetime",
        "localdatetime",
        "localtime",
        "time",
        "timestamp",
        "duration",
        "interval",
        "date_part",
        "datepart",
        "date_trunc",
        "datetrunc",
        "dayname",
        "monthname",
        "current_date",
        "current_timestamp",
        "greatest",
        "least",
        "struct_extract",
        "map_extract",
        "element_at",
        "cardinality",
        "exists",
        "all",
        "any",
        "none",
        # not reduce(): an accumulator that doubles a string or list each step outgrows any memory
        # limit before the engine counts it (Neo4j's transaction memory does not track it)
        "single",
        "shortestpath",
        "allshortestpaths",
        "is_trail",
        "is_acyclic",
        "properties",
        "cost",
    ]
)

# Procedures (CALL name(…)) a query may call, per backend.
READ_PROCEDURES: dict[str, frozenset[str]] = {
    "embedded": frozenset({"show_tables", "table_info", "show_connection", "db_version"}),
    "neo4j": frozenset(
        {
            "db.labels",
            "db.relationshiptypes",
            "db.propertykeys",
            "db.schema.visualization",
            "db.schema.nodetypeproperties",
            "db.schema.reltypeproperties",
        }
    ),
}


@dataclass(frozen=True)
class Token:
    kind: str  # word, name (backquoted), string, number, param, symbol
    text: str
    offset: int


MAX_NUMBER_CHARS = 40
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_NUMBER = re.compile(r"[0-9][0-9A-Za-z_.]*")


def _refuse_character(char: str, offset: int) -> ReadOnlyViolation:
    name = unicodedata.name(char, f"U+{ord(char):04X}")
    return ReadOnlyViolation(
        f"refused: character U+{ord(char):04X} ({name}) at {offset}; outside string literals only "
        "ASCII letters, digits, symbols, space, tab and newline are allowed"
    )


def tokenize(query: str) -> list[Token]:
    """Cypher's tokens, comments dropped. Raises ReadOnlyViolation on any character outside string
    literals and quoted names that is not printable ASCII or allowed white space."""
    tokens: list[Token] = []
    i, n = 0, len(query)
    while i < n:
        char = query[i]
        if char in ALLOWED_SPACE:
            i += 1
        elif query.startswith("//", i):
            end = query.find("\n", i)
            i = n if end < 0 else end + 1
        elif query.startswith("/*", i):
            end = query.find("*/", i + 2)
            if end < 0:
                raise QueryFailed("a /* comment is not closed")
            i = end + 2
        elif char in "'\"":
            j = i + 1
            while j < n and query[j] != char:
                j += 2 if query[j] == "\\" else 1
            if j >= n:
                raise QueryFailed(f"a string opened at {i} is not closed")
            tokens.append(Token("string", query[i : j + 1], i))
            i = j + 1
        elif char == "`":
            j = i + 1
            while True:
                j = query.find("`", j)
                if j < 0:
                    raise QueryFailed(f"a quoted name opened at {i} is not closed")
                if query.startswith("``", j):
                    j += 2
                    continue
                break
            tokens.append(Token("name", query[i : j + 1], i))
            i = j + 1
        elif not (" " < char < "\x7f"):
            raise _refuse_character(char, i)
        elif char == "$":
            match = _WORD.match(query, i + 1) or _NUMBER.match(query, i + 1)
            tokens.append(Token("param", "$" + (match.group() if match else ""), i))
            i = match.end() if match else i + 1
        elif match := _WORD.match(query, i):
            tokens.append(Token("word", match.group(), i))
            i = match.end()
        elif match := _NUMBER.match(query, i):
            if len(match.group()) > MAX_NUMBER_CHARS:  # LadybugDB's parser is quadratic in its length
                raise QueryFailed(
                    f"a number of {len(match.group())} characters at {i}; at most {MAX_NUMBER_CHARS}"
                )
            tokens.append(Token("number", match.group(), i))
            i = match.end()
        else:
            tokens.append(Token("symbol", char, i))
            i += 1
    return tokens


def normalise(query: str) -> str:
    """NFKC: full-width letters and compatibility forms become the ASCII the database would read."""
    return unicodedata.normalize("NFKC", query)


def screen_statement(query: str, backend: str) -> str:
    """The normalised statement, or ReadOnlyViolation naming what it may not do (QueryFailed for
    text that does not even tokenise)."""
    statement = normalise(query)
    tokens = tokenize(statement)
    while tokens and tokens[-1].text == ";":
        tokens.pop()
    if not tokens:
        raise ReadOnlyViolation("the query is empty")
    if any(token.text == ";" for token in tokens):
        raise ReadOnlyViolation("refused: only one statement may be run at a time")
    procedures = READ_PROCEDURES[backend]
    for index, token in enumerate(tokens):
        if token.kind != "word":
            continue
        before = tokens[index - 1].text if index else ""
        if before in (".", ":"):
            continue  # a property key or a label / relationship type
        word = token.text.upper()
        reason = REFUSED_WORDS.get(word)
        if reason is not None:
            raise ReadOnlyViolation(f"refused: {word} {reason}; /cypher only reads")
        name, after = _dotted_name(tokens, index)
        if word == "CALL":
            _check_call(tokens, index, procedures)
        elif (
            after is not None
            and after.text == "("
            and name.lower() not in READ_FUNCTIONS
            and not _is_keyword_before_parenthesis(word)
        ):
            raise ReadOnlyViolation(
                f"refused: the function {name}() is not on the list of read-only functions"
            )
    return statement


# Keywords that may stand before "(" without being a function call.
_KEYWORDS_BEFORE_PARENTHESIS = frozenset(
    [
        "MATCH",
        "OPTIONAL",
        "WHERE",
        "WITH",
        "UNWIND",
        "RETURN",
        "AND",
        "OR",
        "XOR",
        "NOT",
        "IN",
        "AS",
        "WHEN",
        "THEN",
        "ELSE",
        "CASE",
        "BY",
        "DISTINCT",
        "IS",
        "UNION",
        "ALL",
        "SKIP",
        "LIMIT",
        "ORDER",
        "CONTAINS",
        "STARTS",
        "ENDS",
        "ASC",
        "DESC",
        "YIELD",
    ]
)


def _is_keyword_before_parenthesis(word: str) -> bool:
    return word in _KEYWORDS_BEFORE_PARENTHESIS


def _dotted_name(tokens: list[Token], index: int) -> tuple[str, Token | None]:
    """The name a.b.c starting at tokens[index], and the token after it."""
    parts = [tokens[index].text]
    j = index + 1
    while j + 1 < len(tokens) and tokens[j].text == "." and tokens[j + 1].kind == "word":
        parts.append(tokens[j + 1].text)
        j += 2
    return ".".join(parts), tokens[j] if j < len(tokens) else None


def _check_call(tokens: list[Token], index: int, procedures: frozenset[str]) -> None:
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    if following is not None and following.text in ("{", "("):
        return  # a subquery: its clauses are screened as tokens like the rest
    if following is None or following.kind != "word":
        raise ReadOnlyViolation("refused: CALL must name a read-only procedure")
    name, after = _dotted_name(tokens, index + 1)
    if after is None or after.text != "(":
        raise ReadOnlyViolation(f"refused: CALL {name} without arguments (a setting?) is not allowed")
    if name.lower() not in procedures:
        raise ReadOnlyViolation(
            f"refused: the procedure {name} is not one of the read-only procedures {sorted(procedures)}"
        )


# ---------------------------------------------------------------- the database's own plan

EMBEDDED_OPERATORS = frozenset(
    [
        "RESULT_COLLECTOR",
        "PROJECTION",
        "SCAN_NODE_TABLE",
        "SCAN_REL_TABLE",
        "FILTER",
        "FLATTEN",
        "HASH_JOIN_BUILD",
        "HASH_JOIN_PROBE",
        "INTERSECT",
        "INTERSECT_BUILD",
        "CROSS_PRODUCT",
        "SEMI_MASKER",
        "RECURSIVE_EXTEND",
        "PATH_PROPERTY_PROBE",
        "PRIMARY_KEY_SCAN_NODE_TABLE",
        "INDEX_LOOKUP",
        "LIMIT",
        "SKIP",
        "TOP_K",
        "TOP_K_SCAN",
        "ORDER_BY",
        "ORDER_BY_MERGE",
        "ORDER_BY_SCAN",
        "AGGREGATE",
        "AGGREGATE_SCAN",
        "AGGREGATE_FINALIZE",
        "SIMPLE_AGGREGATE",
        "SIMPLE_AGGREGATE_SCAN",
        "SIMPLE_AGGREGATE_FINALIZE",
        "HASH_AGGREGATE",
        "HASH_AGGREGATE_SCAN",
        "HASH_AGGREGATE_FINALIZE",
        "UNWIND",
        "UNION_ALL_SCAN",
        "MULTIPLICITY_REDUCER",
        "DUMMY_SINK",
        "DUMMY_SIMPLE_SINK",
        "OFFSET_SCAN_NODE_TABLE",
        "EMPTY_RESULT",
        "COUNT_REL_TABLE",
        "TABLE_FUNCTION_CALL",
        "QUERY_PRIMARY_KEY_LOOKUP",
    ]
)
EMBEDDED_TABLE_FUNCTIONS = frozenset(
    {"READ_FTABLE", "SHOW_TABLES", "TABLE_INFO", "SHOW_CONNECTION", "DB_VERSION"}
)
_EMBEDDED_OPERATOR = re.compile(r"│\s*([A-Z][A-Z_]+)\[\d+\]\s*│")
_EMBEDDED_FUNCTION = re.compile(r"Function:\s*([A-Za-z_][A-Za-z0-9_]*)")


def check_embedded_plan(explain: str) -> None:
    """Refuse a LadybugDB physical plan (EXPLAIN's text) holding an operator or table function that
    is not a plain read of the graph."""
    operators = _EMBEDDED_OPERATOR.findall(explain)
    if not operators:
        raise ReadOnlyViolation("refused: the store's plan of the query could not be read")
    _refuse_unknown("operator", operators, EMBEDDED_OPERATORS)
    _refuse_unknown(
        "table function", [f.upper() for f in _EMBEDDED_FUNCTION.findall(explain)], EMBEDDED_TABLE_FUNCTIONS
    )


NEO4J_OPERATORS = frozenset(
    [
        "ProduceResults",
        "Projection",
        "Filter",
        "Skip",
        "Limit",
        "Top",
        "Top1WithTies",
        "PartialTop",
        "Sort",
        "PartialSort",
        "Distinct",
        "OrderedDistinct",
        "Aggregation",
        "EagerAggregation",
        "OrderedAggregation",
        "Unwind",
        "Apply",
        "SemiApply",
        "AntiSemiApply",
        "LetSemiApply",
        "LetAntiSemiApply",
        "SelectOrSemiApply",
        "SelectOrAntiSemiApply",
        "LetSelectOrSemiApply",
        "LetSelectOrAntiSemiApply",
        "RollUpApply",
        "ConditionalApply",
        "AntiConditionalApply",
        "Optional",
        "OptionalExpand(All)",
        "OptionalExpand(Into)",
        "ProjectEndpoints",
        "Anti",
        "TriadicSelection",
        "TriadicBuild",
        "TriadicFilter",
        "CartesianProduct",
        "NodeHashJoin",
        "ValueHashJoin",
        "NodeLeftOuterHashJoin",
        "NodeRightOuterHashJoin",
        "Union",
        "OrderedUnion",
        "Argument",
        "ArgumentTracker",
        "Eager",
        "EmptyResult",
        "AllNodesScan",
        "NodeByLabelScan",
        "NodeByIdSeek",
        "NodeByElementIdSeek",
        "NodeIndexSeek",
        "NodeUniqueIndexSeek",
        "NodeIndexScan",
        "NodeIndexContainsScan",
        "NodeIndexEndsWithScan",
        "NodeIndexSeekByRange",
        "NodeUniqueIndexSeekByRange",
        "MultiNodeIndexSeek",
        "IntersectionNodeByLabelsScan",
        "UnionNodeByLabelsScan",
        "SubtractionNodeByLabelsScan",
        "PartitionedAllNodesScan",
        "DirectedRelationshipTypeScan",
        "UndirectedRelationshipTypeScan",
        "DirectedAllRelationshipsScan",
        "UndirectedAllRelationshipsScan",
        "DirectedRelationshipByIdSeek",
        "UndirectedRelationshipByIdSeek",
        "DirectedRelationshipByElementIdSeek",
        "UndirectedRelationshipByElementIdSeek",
        "DirectedRelationshipIndexSeek",
        "UndirectedRelationshipIndexSeek",
        "DirectedRelationshipIndexScan",
        "UndirectedRelationshipIndexScan",
        "DirectedRelationshipIndexContainsScan",
        "UndirectedRelationshipIndexContainsScan",
        "DirectedRelationshipIndexEndsWithScan",
        "UndirectedRelationshipIndexEndsWithScan",
        "DirectedRelationshipIndexSeekByRange",
        "UndirectedRelationshipIndexSeekByRange",
        "DirectedUnionRelationshipTypesScan",
        "UndirectedUnionRelationshipTypesScan",
        "Expand(All)",
        "Expand(Into)",
        "VarLengthExpand(All)",
        "VarLengthExpand(Into)",
        "VarLengthExpand(Pruning)",
        "VarLengthExpand(Pruning,BFS)",
        "VarLengthExpand(Pruning,BFS,All)",
        "VarLengthExpand(Pruning,BFS,Into)",
        "VarLengthExpand(Pruning,All)",
        "VarLengthExpand(Pruning,Into)",
        "BFSPruningVarExpand",
        "StatefulShortestPath(All)",
        "StatefulShortestPath(Into)",
        "ShortestPath",
        "AllShortestPaths",
        "LegacyShortestPath",
        "Trail",
        "Repeat(Trail)",
        "NullifyMetadata",
        "AssertSameNode",
        "AssertSameRelationship",
        "CacheProperties",
        "ProcedureCall",
        "Selection",
        "ValueHashJoin",
        "NodeCountFromCountStore",
        "RelationshipCountFromCountStore",
    ]
)


def check_neo4j_plan(query_type: str | None, operators: Iterable[tuple[str, str]]) -> None:
    """Refuse a Neo4j plan that is not read-only (query_type 'r') or holds an operator not on the
    list; ProcedureCall only for READ_PROCEDURES['neo4j']."""
    if query_type != "r":
        raise ReadOnlyViolation(
            f"refused by the server's plan: the query is of type {query_type!r}, not a read"
        )
    names = []
    for operator, details in operators:
        name = operator.split("@", 1)[0]
        names.append(name)
        if name == "ProcedureCall":
            procedure = details.split("(", 1)[0].strip().lower()
            if procedure not in READ_PROCEDURES["neo4j"]:
                raise ReadOnlyViolation(
                    f"refused by the server's plan: the procedure {procedure} is not allowed"
                )
    _refuse_unknown("operator", names, NEO4J_OPERATORS)


def _refuse_unknown(kind: str, found: Iterable[str], allowed: frozenset[str]) -> None:
    unknown = sorted(set(found) - allowed)
    if unknown:
        raise ReadOnlyViolation(
            f"refused by the store's plan: the {kind} {', '.join(unknown)} is not a plain read"
        )


# ---------------------------------------------------------------- LadybugDB paging crash

# LadybugDB 0.22 crashes the whole process (SIGSEGV) on `ORDER BY … SKIP n LIMIT m` once n is
# somewhere above 10,000 (measured: 10,000 ran, 15,000 crashed). Researcher queries now run in a
# worker process, but a crash still costs a restart of it, so the embedded store refuses such a SKIP.
EMBEDDED_MAX_ORDERED_SKIP = 10_000


def screen_embedded_paging(query: str, parameters: dict[str, object]) -> None:
    """Raise QueryFailed for an ordered SKIP that LadybugDB 0.22 cannot run without crashing."""
    tokens = tokenize(query)
    words = [token.text.upper() if token.kind == "word" else token.text for token in tokens]
    if not any(a == "ORDER" and b == "BY" for a, b in itertools.pairwise(words)):
        return
    for index, word in enumerate(words[:-1]):
        if word != "SKIP":
            continue
        token = tokens[index + 1]
        value = parameters.get(token.text[1:]) if token.kind == "param" else token.text
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

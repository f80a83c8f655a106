"""Named Cypher queries: one `.cypher` file per question, read by name, run on any store.

A file starts with a comment header, for example

    // name: plan_by_id
    // answers: one plan's metadata and source
    // params: plan_id (string)

`answers:` and `params:` may continue on following comment lines indented by two or more spaces.
`params:` lists names, each optionally followed by a parenthesised description whose first words
give the type (string, int, float, bool, list of strings; `optional` anywhere marks it optional);
names without their own parentheses share the next group's (`plan, goal (strings, '' = any)`).
`none` or `(none)` means no parameters.

`name.cypher` runs on every backend; `name.embedded.cypher` / `name.neo4j.cypher` replace it on that
backend where the dialects differ (Ladybug's label(x) against Neo4j's labels(x)[0] and type(r)).
"""

from plankg.queries.catalog import (
    QueryCatalog,
    QueryInfo,
    QueryParam,
    QueryParameterError,
    UnknownQuery,
    catalog,
    describe,
    names,
    pages,
    run,
    text,
)

__all__ = [
    "QueryCatalog",
    "QueryInfo",
    "QueryParam",
    "QueryParameterError",
    "UnknownQuery",
    "catalog",
    "describe",
    "names",
    "pages",
    "run",
    "text",
]

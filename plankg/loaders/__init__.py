"""Loaders: read a plan document, extract its entities with their evidence, build its subgraph."""

from plankg.loaders.extract import extract_document, extract_path, extract_text
from plankg.loaders.reading import DocumentReadError, SourceDocument, read_document
from plankg.loaders.subgraph import to_plan_subgraph

__all__ = [
    "DocumentReadError",
    "SourceDocument",
    "extract_document",
    "extract_path",
    "extract_text",
    "read_document",
    "to_plan_subgraph",
]

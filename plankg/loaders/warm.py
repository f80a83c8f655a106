"""Imported for its effect by the forkserver of `plankg load --jobs N`: one small extraction loads the
vocabularies, the concept scheme and jieba's dictionary once, and the genre, sentence and goal-clause models
that reports are read with, so every worker forked from the server starts warm instead of paying that start
(seconds) itself."""

from __future__ import annotations

from plankg.loaders.extract import extract_document
from plankg.loaders.genre_model import genre_model
from plankg.loaders.goal_clauses import goal_clause_model
from plankg.loaders.reading import SourceDocument
from plankg.loaders.sentence_model import sentence_model

WARM_TEXT = (
    "青岛市智慧社区建设行动方案\n一、主要任务\n（一）建设社区综合服务平台。推进智慧社区建设，发展电子政务。\n"
)

extract_document(SourceDocument.from_text(WARM_TEXT, path="warm.txt"))
genre_model()  # a plan's extraction consults none of them: loaded here for the reports to come
sentence_model()
goal_clause_model()

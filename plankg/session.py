"""The Python API: `kg = plankg.connect()` asks the graph the questions the REST API answers, with the same
service functions (plankg.services) and the same pydantic models, each with `.to_pandas()` and an HTML
table for notebooks.

    import plankg
    kg = plankg.connect()                       # the configured store (PLANKG_STORE …)
    kg = plankg.connect("~/plankg-data")        # an embedded store in this folder
    kg = plankg.connect("bolt://127.0.0.1:7687")  # a Neo4j server (user and password from the settings)
    kg.ask("智慧社区").to_pandas()
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, Field

from plankg import queries
from plankg.graph import GraphStore, open_store
from plankg.graph.port import Counts
from plankg.pipeline import LoadOutcome, load_paths
from plankg.services import entities
from plankg.services.corpus import concept_tasks_across
from plankg.services.corpus_models import ConceptTasksAcross
from plankg.services.models import (
    GoalDetail,
    GoalSummary,
    Indicator,
    IndicatorDetail,
    Neighborhood,
    Page,
    PlanDetail,
    PlanPicture,
    PlanSummary,
    SearchResults,
    TaskDetail,
    TaskSummary,
)
from plankg.services.neighbourhood import neighbourhood
from plankg.services.plan_picture import plan_picture
from plankg.services.search import search
from plankg.services.tabular import Tabular
from plankg.settings import Settings, get_settings

if TYPE_CHECKING:
    import networkx as nx

    from plankg.analysis.tables import GraphTables

AnswerT = TypeVar("AnswerT")
NEO4J_SCHEMES = ("bolt://", "bolt+s://", "bolt+ssc://", "neo4j://", "neo4j+s://", "neo4j+ssc://")


class NotFound(LookupError):
    """No concept, plan, goal, task, indicator or node by that name or id (the REST API's 404)."""


class QueryResult(Tabular, BaseModel):
    """The rows of one named query from plankg/queries."""

    name: str
    params: dict[str, Any] = Field(default_factory=dict)
    rows: list[dict[str, Any]] = Field(default_factory=list)

    def table_rows(self) -> list[dict[str, Any]]:
        return [dict(row) for row in self.rows]


def settings_for(target: str | Path | Settings | None) -> Settings:
    """The settings `connect` uses: the configured ones, a Neo4j URI or an embedded store's folder."""
    if isinstance(target, Settings):
        return target
    configured = get_settings()
    if target is None:
        return configured
    if isinstance(target, str) and target.startswith(NEO4J_SCHEMES):
        return configured.model_copy(update={"store": "neo4j", "neo4j_uri": target})
    return configured.model_copy(update={"store": "embedded", "data_dir": Path(target).expanduser()})


def connect(target: str | Path | Settings | None = None) -> KnowledgeGraph:
    """Open the graph: the configured store (None), a Neo4j URI (bolt://, neo4j://, neo4j+s:// …), an
    embedded store's folder, or explicit Settings. Close it with `kg.close()` or a `with` block."""
    return KnowledgeGraph(open_store(settings_for(target)), owns_store=True)


class KnowledgeGraph:
    """The questions of the REST API as methods; lists take `limit` and `offset` like the API."""

    def __init__(self, store: GraphStore, *, owns_store: bool = False) -> None:
        self.store = store
        self._owns_store = owns_store

    # ---------------------------------------------------------------- the canonical question, search

    def ask(
        self,
        concept: str,
        *,
        region: str | None = None,
        level: str | None = None,
        year: int | None = None,
        plan: str | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> ConceptTasksAcross:
        """Which tasks carry out this concept (name, alternative name or id), across plans, filtered by
        region (sub-regions included), level, year and plan? = GET /concepts/{name}/tasks"""
        answer = concept_tasks_across(
            self.store, concept, region=region, level=level, year=year, plan=plan, limit=limit, offset=offset
        )
        if answer is None:
            raise NotFound(f"no concept {concept!r}")
        return answer

    concept_tasks = ask

    def search(self, q: str, *, limit: int = 20, offset: int = 0) -> SearchResults:
        """Chinese-aware full-text search over names and texts, ranked. = GET /search?q="""
        return search(self.store, q, limit=limit, offset=offset)

    # ---------------------------------------------------------------- plans and their parts

    def plans(self, *, limit: int = 20, offset: int = 0) -> Page[PlanSummary]:
        return entities.list_plans(self.store, limit=limit, offset=offset)

    def plan(self, plan_id: str) -> PlanDetail:
        return _found(entities.read_plan(self.store, plan_id), "plan", plan_id)

    def goals(self, *, plan: str | None = None, limit: int = 20, offset: int = 0) -> Page[GoalSummary]:
        return entities.list_goals(self.store, plan=plan, limit=limit, offset=offset)

    def goal(self, goal_id: str) -> GoalDetail:
        return _found(entities.read_goal(self.store, goal_id), "goal", goal_id)

    def tasks(
        self,
        *,
        concept: str | None = None,
        sector: str | None = None,
        goal: str | None = None,
        direction: str | None = None,
        plan: str | None = None,
        q: str | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> Page[TaskSummary]:
        """Tasks matching every filter given, in document order. = GET /tasks"""
        return entities.list_tasks(
            self.store,
            concept=concept,
            sector=sector,
            goal=goal,
            direction=direction,
            plan=plan,
            q=q,
            limit=limit,
            offset=offset,
        )

    def task(self, task_id: str) -> TaskDetail:
        return _found(entities.read_task(self.store, task_id), "task", task_id)

    def indicators(
        self,
        *,
        goal: str | None = None,
        unit: str | None = None,
        kind: str | None = None,
        attribute: str | None = None,
        plan: str | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> Page[Indicator]:
        """Quantified targets matching every filter given (`kind`: level, change, rate; `attribute`:
        binding, expected). = GET /indicators"""
        return entities.list_indicators(
            self.store,
            goal=goal,
            unit=unit,
            kind=kind,
            attribute=attribute,
            plan=plan,
            limit=limit,
            offset=offset,
        )

    def indicator(self, indicator_id: str) -> IndicatorDetail:
        return _found(entities.read_indicator(self.store, indicator_id), "indicator", indicator_id)

    # ---------------------------------------------------------------- pictures

    def plan_picture(self, plan_id: str, *, vocabulary: bool = False, limit: int = 500) -> PlanPicture:
        """The whole plan as Cytoscape.js elements. = GET /plans/{id}/graph"""
        found = plan_picture(self.store, plan_id, vocabulary=vocabulary, limit=limit)
        return _found(found, "plan", plan_id)

    def neighbourhood(self, node_id: str, *, depth: int = 1, limit: int = 100) -> Neighborhood:
        """Nodes and edges around a node. = GET /graph/neighborhood/{id}"""
        return _found(neighbourhood(self.store, node_id, depth=depth, limit=limit), "node", node_id)

    # ---------------------------------------------------------------- named queries, whole-graph views

    def query(self, name: str, /, **params: Any) -> QueryResult:
        """Run a named query of plankg/queries (`kg.queries()` lists them) with its parameters."""
        return QueryResult(name=name, params=params, rows=queries.run(self.store, name, params))

    @staticmethod
    def queries() -> list[queries.QueryInfo]:
        return [queries.describe(name) for name in queries.names()]

    def stats(self) -> Counts:
        """Node counts per label and relationship counts per type (`plankg stats`)."""
        return self.store.counts()

    def tables(self, *, plan: str | None = None) -> GraphTables:
        """One table per node label and per link type (what `plankg export -f csv` writes)."""
        from plankg.analysis.tables import read_graph_tables

        return read_graph_tables(self.store, plan=plan)

    def to_networkx(self, *, plan: str | None = None) -> nx.MultiDiGraph:
        """The graph (or one plan's part) as a NetworkX MultiDiGraph (what GraphML and GEXF hold)."""
        from plankg.analysis.writers import to_networkx

        return to_networkx(self.tables(plan=plan))

    # ---------------------------------------------------------------- writes

    def load(self, *paths: str | Path | Iterable[str | Path]) -> list[LoadOutcome]:
        """Extract and load documents (files; each its own transaction, as `plankg load`)."""
        flat: list[str | Path] = []
        for path in paths:
            flat.extend([path] if isinstance(path, str | Path) else path)
        return load_paths(self.store, flat)

    def close(self) -> None:
        if self._owns_store:
            self.store.close()

    def __enter__(self) -> KnowledgeGraph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<plankg.KnowledgeGraph on the {self.store.backend} store>"


def _found(answer: AnswerT | None, kind: str, key: str) -> AnswerT:
    if answer is None:
        raise NotFound(f"no {kind} {key!r}")
    return answer

"""Bulk-load speed of both graph stores: entities/s and links/s through `write_document`.

Generates synthetic plan graphs (Chinese names and texts, search terms, spans; ~3 links per entity),
split into several plan documents, and writes them with the real write path (MERGE on ids, one
transaction per document). Neo4j runs when reachable, beside a hand-written `UNWIND … MERGE` baseline
on the same server, same data, same batch size. Targets: embedded ≥ 50k entities/s; Neo4j within
1.5x of the baseline.

    python benchmarks/bulk_load.py                       # 100k entities, 300k links
    python benchmarks/bulk_load.py --entities 20000      # smaller
    python benchmarks/bulk_load.py --neo4j-wipe          # allow wiping a non-empty Neo4j first

Peak memory is this process's maximum RSS (it includes the embedded database; the Neo4j server's
memory is its own process's). Neo4j settings come from PLANKG_NEO4J_*.
"""

from __future__ import annotations

import argparse
import hashlib
import logging
import random
import resource
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from plankg.graph import GraphStore, StoreUnavailable, open_store
from plankg.ontology.records import GraphNode, GraphRelationship, PlanSubgraph
from plankg.settings import Settings

WORDS = [
    "信息化",
    "智慧城市",
    "宽带",
    "光纤",
    "政务云",
    "大数据",
    "物联网",
    "电子政务",
    "网络安全",
    "数据共享",
    "产业",
    "创新",
    "应用",
    "平台",
]
TARGETS = {"embedded_entities_per_s": 50_000, "neo4j_vs_baseline": 1.5}


# ---------------------------------------------------------------- synthetic documents


def synthetic_documents(entities: int, plans: int, seed: int = 7) -> list[PlanSubgraph]:
    """`plans` documents with `entities` nodes in all (shared concepts and sectors included,
    counted in each document that carries them) and about three links per node."""
    rng = random.Random(seed)
    per_plan = entities // plans
    sectors = [f"sector-{i}" for i in range(40)]
    concepts = [f"concept-{i}" for i in range(max(50, per_plan // 20))]
    return [synthetic_plan(f"bench-plan-{p}", per_plan, sectors, concepts, rng, seed) for p in range(plans)]


class _PlanBuilder:
    def __init__(self, plan_id: str, rng: random.Random) -> None:
        self.plan_id, self.rng = plan_id, rng
        self.nodes: list[GraphNode] = []
        self.links: list[GraphRelationship] = []

    def entity(self, label: str, node_id: str, **extra: Any) -> tuple[str, str]:
        words = self.rng.sample(WORDS, 5)
        start = self.rng.randrange(0, 5000)
        self.nodes.append(
            GraphNode(
                label=label,
                id=node_id,
                properties={
                    "plan_id": self.plan_id,
                    "doc_id": f"doc-{self.plan_id}",
                    "name": "".join(words[:2]),
                    "text": "，".join(words) + "。" + "".join(self.rng.choices(WORDS, k=8)),
                    "span_start": start,
                    "span_end": start + 40,
                    "terms": words,
                    **extra,
                },
            )
        )
        return (label, node_id)

    def link(self, rel_type: str, source: tuple[str, str], target: tuple[str, str]) -> None:
        self.links.append(
            GraphRelationship(
                type=rel_type,
                source_label=source[0],
                source_id=source[1],
                target_label=target[0],
                target_id=target[1],
                properties={
                    "score": round(self.rng.random(), 3),
                    "method": "bench",
                    "doc_id": f"doc-{self.plan_id}",
                    "span_start": self.rng.randrange(5000),
                    "span_end": self.rng.randrange(5000, 6000),
                },
            )
        )


def synthetic_plan(
    plan_id: str, size: int, sectors: list[str], concepts: list[str], rng: random.Random, seed: int
) -> PlanSubgraph:
    """One plan: 5% goals, 5% directions, 10% indicators, the rest tasks, every shared node."""
    owned = size - len(sectors) - len(concepts) - 1
    goals, directions, indicators = max(1, owned // 20), max(1, owned // 20), max(1, owned // 10)
    tasks = owned - goals - directions - indicators
    build = _PlanBuilder(plan_id, rng)
    build.nodes.append(
        GraphNode(
            label="Plan",
            id=plan_id,
            properties={
                "name": f"规划{plan_id}",
                "title": f"某市“十四五”信息化规划（{plan_id}）",
                "region": "某市",
                "period_start": 2021,
                "period_end": 2025,
                "edition": "十四五",
                "source_text": "".join(rng.choices(WORDS, k=2000)),
            },
        )
    )
    plan = ("Plan", plan_id)
    goal_refs = [build.entity("Goal", f"{plan_id}-goal-{i}", order=i + 1) for i in range(goals)]
    direction_refs = [
        build.entity("Direction", f"{plan_id}-direction-{i}", order=i + 1) for i in range(directions)
    ]
    for ref in goal_refs:
        build.link("HAS_GOAL", plan, ref)
    for ref in direction_refs:
        build.link("HAS_DIRECTION", plan, ref)
    task_refs = []
    for i in range(tasks):
        task = build.entity("Task", f"{plan_id}-task-{i}", order=i + 1)
        task_refs.append(task)
        build.link("HAS_TASK", plan, task)
        build.link("SUPPORTS", task, rng.choice(goal_refs))
        build.link("MENTIONS", task, ("Concept", rng.choice(concepts)))
        build.link("IN_SECTOR", task, ("Sector", rng.choice(sectors)))
    for i in range(indicators):
        indicator = build.entity(
            "Indicator",
            f"{plan_id}-indicator-{i}",
            value=float(rng.randrange(1, 500)),
            unit="万户",
            comparator=">=",
        )
        build.link("MEASURES", indicator, rng.choice(goal_refs))
        build.link("IN_SECTOR", indicator, ("Sector", rng.choice(sectors)))
        build.link("ALIGNS_WITH", rng.choice(task_refs), rng.choice(direction_refs))
    for i, sector_id in enumerate(sectors):
        build.nodes.append(
            GraphNode(
                label="Sector",
                id=sector_id,
                properties={"name": f"领域{i}", "codes": [f"GB:{i}"], "alt_names": [f"行业{i}"]},
            )
        )
    for i, concept_id in enumerate(concepts):
        build.nodes.append(
            GraphNode(
                label="Concept",
                id=concept_id,
                properties={"name": f"概念{i}", "candidate": False, "alt_names": rng.sample(WORDS, 2)},
            )
        )
    sha = hashlib.sha256(f"{plan_id}-{seed}".encode()).hexdigest()
    return PlanSubgraph(plan_id=plan_id, source_sha256=sha, nodes=build.nodes, relationships=build.links)


# ---------------------------------------------------------------- measuring


@dataclass
class PhaseTimes:
    seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    cpu_seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    rows: dict[str, int] = field(default_factory=lambda: defaultdict(int))


class PhaseListener(logging.Handler):
    """Collects the per-phase timings plankg.graph.writer logs at DEBUG."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.times = PhaseTimes()

    def emit(self, record: logging.LogRecord) -> None:
        phase = getattr(record, "phase", None)
        if phase:
            self.times.seconds[phase] += float(record.seconds)  # type: ignore[attr-defined]
            self.times.cpu_seconds[phase] += float(record.cpu_seconds)  # type: ignore[attr-defined]
            self.times.rows[phase] += int(record.rows)  # type: ignore[attr-defined]


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def load_all(store: GraphStore, documents: list[PlanSubgraph], *, force: bool = False) -> dict[str, float]:
    listener = PhaseListener()
    writer_log = logging.getLogger("plankg.graph.writer")
    writer_log.addHandler(listener)
    writer_log.setLevel(logging.DEBUG)
    started, cpu_started = time.perf_counter(), cpu_seconds()
    try:
        for document in documents:
            store.write_document(document, force=force)
    finally:
        writer_log.removeHandler(listener)
    total = time.perf_counter() - started
    times = listener.times
    return {
        "entities": times.rows["nodes"],
        "links": times.rows["relationships"],
        "entities_per_s": times.rows["nodes"] / times.seconds["nodes"],
        "links_per_s": times.rows["relationships"] / times.seconds["relationships"],
        # per CPU second of this process: comparable on a shared machine, where wall time is not
        "entities_per_cpu_s": times.rows["nodes"] / times.cpu_seconds["nodes"],
        "links_per_cpu_s": times.rows["relationships"] / times.cpu_seconds["relationships"],
        "total_s": total,
        "cpu_s": cpu_seconds() - cpu_started,  # this process only: the embedded store, the Neo4j client
    }


def report(name: str, figures: dict[str, float]) -> None:
    print(
        f"{name:<28} {figures['entities']:>8,} entities {figures['entities_per_s']:>10,.0f}/s   "
        f"{figures['links']:>8,} links {figures['links_per_s']:>10,.0f}/s   "
        f"total {figures['total_s']:6.1f} s (client CPU {figures['cpu_s']:5.1f} s)   "
        + (
            f"per CPU s {figures['entities_per_cpu_s']:,.0f} entities, "
            f"{figures['links_per_cpu_s']:,.0f} links   "
            if "entities_per_cpu_s" in figures
            else ""
        )
        + f"peak RSS {peak_rss_mib():,.0f} MiB",
        flush=True,
    )


# ---------------------------------------------------------------- hand-written Neo4j baseline


def baseline_neo4j(settings: Settings, documents: list[PlanSubgraph], batch_size: int) -> dict[str, float]:
    """What a developer would write by hand: per label `UNWIND $rows AS row MERGE (n:L {id: row.id})
    SET n += row.props`, per link type two MATCHes and a MERGE, one transaction per document."""
    from neo4j import GraphDatabase

    driver = GraphDatabase.driver(
        settings.neo4j_uri,
        auth=(settings.neo4j_user, settings.neo4j_password),
        notifications_min_severity="OFF",
    )
    node_seconds = link_seconds = 0.0
    entities = links = 0
    started, cpu_started = time.perf_counter(), cpu_seconds()
    try:
        for document in documents:
            by_label: dict[str, list[dict[str, Any]]] = defaultdict(list)
            for node in document.nodes:
                by_label[node.label].append({"id": node.id, "props": dict(node.properties)})
            by_pair: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
            for rel in document.relationships:
                by_pair[(rel.type, rel.source_label, rel.target_label)].append(
                    {"a": rel.source_id, "b": rel.target_id, "props": dict(rel.properties)}
                )

            def work(tx: Any, by_label: Any = by_label, by_pair: Any = by_pair) -> tuple[float, float]:
                t0 = time.perf_counter()
                for label, rows in by_label.items():
                    for i in range(0, len(rows), batch_size):
                        tx.run(
                            f"UNWIND $rows AS row MERGE (n:`{label}` {{id: row.id}}) SET n += row.props",
                            rows=rows[i : i + batch_size],
                        ).consume()
                t1 = time.perf_counter()
                for (rel_type, source, target), rows in by_pair.items():
                    for i in range(0, len(rows), batch_size):
                        tx.run(
                            f"UNWIND $rows AS row MATCH (a:`{source}` {{id: row.a}}) "
                            f"MATCH (b:`{target}` {{id: row.b}}) MERGE (a)-[r:`{rel_type}`]->(b) "
                            "SET r += row.props",
                            rows=rows[i : i + batch_size],
                        ).consume()
                return t1 - t0, time.perf_counter() - t1

            with driver.session(database=settings.neo4j_database) as session:
                nodes_s, links_s = session.execute_write(work)
            node_seconds += nodes_s
            link_seconds += links_s
            entities += len(document.nodes)
            links += len(document.relationships)
    finally:
        driver.close()
    return {
        "entities": entities,
        "links": links,
        "entities_per_s": entities / node_seconds,
        "links_per_s": links / link_seconds,
        "total_s": time.perf_counter() - started,
        "cpu_s": cpu_seconds() - cpu_started,
    }


def wipe_neo4j(store: GraphStore) -> None:
    # In chunks: one transaction deleting a few hundred thousand elements needs more than a 1 GiB heap.
    while store.read("MATCH (n) RETURN count(n) AS n")[0]["n"]:
        store.execute_write("MATCH (n) WITH n LIMIT 5000 DETACH DELETE n")  # type: ignore[attr-defined]


# ---------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--entities", type=int, default=100_000, help="entities in all (default 100000)")
    parser.add_argument("--plans", type=int, default=10, help="documents they are split into (default 10)")
    parser.add_argument("--batch-size", type=int, default=None, help="rows per UNWIND (default: the store's)")
    parser.add_argument("--no-neo4j", action="store_true", help="measure the embedded store only")
    parser.add_argument("--no-embedded", action="store_true", help="measure Neo4j only")
    parser.add_argument("--no-reload", action="store_true", help="skip the reload (replace) pass")
    parser.add_argument("--neo4j-wipe", action="store_true", help="wipe a non-empty Neo4j before measuring")
    args = parser.parse_args(argv)

    documents = synthetic_documents(args.entities, args.plans)
    nodes = sum(len(d.nodes) for d in documents)
    links = sum(
        len({(r.type, r.source_label, r.source_id, r.target_label, r.target_id) for r in d.relationships})
        for d in documents
    )
    print(
        f"{len(documents)} documents, {nodes:,} entities, {links:,} links; peak RSS {peak_rss_mib():,.0f} MiB"
    )

    def run(name: str, store: GraphStore, extra: Callable[[], None] | None = None) -> dict[str, float]:
        if args.batch_size:
            store.batch_size = args.batch_size  # type: ignore[attr-defined]
        figures = load_all(store, documents)
        report(f"{name} first load", figures)
        if not args.no_reload:
            report(f"{name} reload (replace)", load_all(store, documents, force=True))
        counts = store.counts()
        assert sum(counts.nodes.values()) == len({(n.label, n.id) for d in documents for n in d.nodes})
        assert sum(counts.relationships.values()) == links
        return figures

    if not args.no_embedded:
        with tempfile.TemporaryDirectory(prefix="plankg-bench-") as data_dir:
            store = open_store(Settings(store="embedded", data_dir=Path(data_dir)))
            try:
                embedded = run("embedded", store)
            finally:
                store.close()
        ok = embedded["entities_per_s"] >= TARGETS["embedded_entities_per_s"]
        print(
            f"target embedded >= {TARGETS['embedded_entities_per_s']:,} entities/s: "
            f"{'met' if ok else 'MISSED'}"
        )

    if args.no_neo4j:
        return 0
    settings = Settings(store="neo4j")
    try:
        neo4j_store = open_store(settings)
    except StoreUnavailable as exc:
        print(f"neo4j: skipped ({exc}); start it with scripts/neo4j start")
        return 0
    try:
        if neo4j_store.read("MATCH (n) RETURN count(n) AS n")[0]["n"] and not args.neo4j_wipe:
            print(f"neo4j: skipped, {settings.neo4j_uri} holds data (pass --neo4j-wipe to clear it)")
            return 0
        # Warm both paths up (JIT, query plans) on a small load, so neither pays for it in the figures.
        warmup = synthetic_documents(2_000, 1, seed=1)
        wipe_neo4j(neo4j_store)
        load_all(neo4j_store, warmup)
        wipe_neo4j(neo4j_store)
        baseline_neo4j(settings, warmup, args.batch_size or neo4j_store.batch_size)  # type: ignore[attr-defined]
        wipe_neo4j(neo4j_store)
        plankg_figures = run("neo4j", neo4j_store)
        wipe_neo4j(neo4j_store)
        batch = args.batch_size or neo4j_store.batch_size  # type: ignore[attr-defined]
        baseline = baseline_neo4j(settings, documents, batch)
        report("neo4j hand-written baseline", baseline)
        wipe_neo4j(neo4j_store)
    finally:
        neo4j_store.close()
    for key in ("entities_per_s", "links_per_s"):
        ratio = baseline[key] / plankg_figures[key]
        verdict = "met" if ratio <= TARGETS["neo4j_vs_baseline"] else "MISSED"
        print(
            f"neo4j {key.replace('_per_s', '')}: baseline/plankg = {ratio:.2f}x "
            f"(target <= {TARGETS['neo4j_vs_baseline']}x): {verdict}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

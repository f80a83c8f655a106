"""RDF export throughput: plankg's streaming N-Triples and Turtle writers against rdflib's own
serialisers of the same triples, on a generated graph of --entities entities (default 100,000).

    python benchmarks/rdf_export.py                  # 100k entities
    python benchmarks/rdf_export.py --entities 20000 --rdflib-turtle-triples 0   # rdflib Turtle on all

The streaming runs map store-shaped rows (what the export_nodes / export_relationships queries give,
page by page) to triples and write them to a null sink, records generated lazily, so the
figure includes the mapping; the RSS growth printed beside them shows nothing accumulates. The
baseline adds the same triples to an rdflib Graph (timed apart) and times rdflib's serialize(); its
Turtle serialiser is timed on the first --rdflib-turtle-triples of them (it is the slow one).
Target: streaming N-Triples >= 100,000 triples/s.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import itertools
import random
import resource
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from rdflib import Graph

from plankg.rdf.export import FORMATS, NODE, RELATIONSHIP, row_triples, serialize, to_rdflib_graph
from plankg.rdf.mapping import RdfMapping, Triple

Record = tuple[str, dict[str, Any]]  # (NODE | RELATIONSHIP, row): what the export reads from a store
BASE = "https://w3id.org/plankg/id/"
WORDS = "智慧 社区 城市 政务 数据 平台 网络 服务 产业 交通 医疗 教育 安全 融合 创新 应用 建设 推进 完善 提升"
WORDS_LIST = WORDS.split()


@dataclass(frozen=True)
class Shape:
    plans: int
    per_plan: dict[str, int]
    concepts: int
    sectors: int

    @property
    def entities(self) -> int:
        return self.plans * (1 + sum(self.per_plan.values())) + self.concepts + self.sectors


def shape_for(entities: int) -> Shape:
    # Proportions of a real plan: many tasks, fewer indicators, a handful of goals and directions.
    plans = max(1, entities // 1000)
    per_plan = {"Goal": 8, "Direction": 12, "Task": 700, "Indicator": 120}
    shared = max(2, entities - plans * (1 + sum(per_plan.values())))
    return Shape(plans, per_plan, concepts=shared * 9 // 10, sectors=shared - shared * 9 // 10)


def _text(rng: random.Random, words: int) -> str:
    return "".join(rng.choice(WORDS_LIST) for _ in range(words)) + "。"


def generate(shape: Shape, seed: int = 7) -> Iterator[Record]:
    """Node rows then link rows, in the shape the export_nodes / export_relationships queries give;
    every node has evidence, every link score, method and span (about 1.5 links per entity)."""
    rng = random.Random(seed)
    for c in range(shape.concepts):
        yield _node("Concept", f"c{c}", {"name": _text(rng, 2)[:-1], "candidate": c % 5 == 0})
    for s in range(shape.sectors):
        yield _node("Sector", f"s{s}", {"name": _text(rng, 2)[:-1], "codes": [f"COFOG:{s % 10:02d}.1"]})
    for p in range(shape.plans):
        plan = f"plan{p}"
        doc = f"doc{p}"
        yield _node(
            "Plan",
            plan,
            {
                "plan_id": plan,
                "name": f"规划{p}",
                "title": f"规划{p}",
                "period_start": 2016,
                "period_end": 2020,
                "source_sha256": hashlib.sha256(plan.encode()).hexdigest(),
                "doc_id": doc,
                "span_start": 0,
                "span_end": 10,
            },
        )
        offset = 0
        for label, count in shape.per_plan.items():
            for i in range(count):
                text = _text(rng, 12)
                props: dict[str, Any] = {
                    "plan_id": plan,
                    "name": text[:8],
                    "text": text,
                    "doc_id": doc,
                    "span_start": offset,
                    "span_end": offset + len(text),
                }
                offset += len(text)
                if label == "Indicator":
                    props.update(
                        value=float(rng.randint(1, 1000)), unit="万户", comparator=">=", target_year=2020
                    )
                else:
                    props["order"] = i + 1
                yield _node(label, f"{plan}-{label[0].lower()}{i}", props)
    for c in range(1, shape.concepts):
        if c % 3 == 0:
            yield _link("BROADER", ("Concept", f"c{c}"), ("Concept", f"c{rng.randrange(c)}"), None, "scheme")
    for p in range(shape.plans):
        plan, doc = f"plan{p}", f"doc{p}"
        tasks, goals = shape.per_plan["Task"], shape.per_plan["Goal"]
        for t in range(tasks):
            task = ("Task", f"{plan}-t{t}")
            yield _link("HAS_TASK", ("Plan", plan), task, doc, "structure")
            if t % 4:
                yield _link("PART_OF", task, ("Task", f"{plan}-t{t - t % 4}"), doc, "structure")
            yield _link(
                "SUPPORTS", task, ("Goal", f"{plan}-g{rng.randrange(goals)}"), doc, "term-overlap", rng
            )
            if shape.concepts:
                yield _link(
                    "MENTIONS", task, ("Concept", f"c{rng.randrange(shape.concepts)}"), doc, "lexicon", rng
                )
        for i in range(shape.per_plan["Indicator"]):
            yield _link(
                "MEASURES", ("Indicator", f"{plan}-i{i}"), ("Goal", f"{plan}-g{i % goals}"), doc, "paragraph"
            )


def _node(label: str, node_id: str, properties: dict[str, Any]) -> Record:
    return NODE, {"label": label, "properties": {**properties, "id": node_id}}


def _link(
    rel_type: str,
    source: tuple[str, str],
    target: tuple[str, str],
    doc: str | None,
    method: str,
    rng: random.Random | None = None,
) -> Record:
    props: dict[str, Any] = {"score": round(rng.random(), 3) if rng else 1.0, "method": method}
    if doc is not None:
        props.update(doc_id=doc, span_start=5, span_end=25)
    return RELATIONSHIP, {
        "type": rel_type,
        "source_label": source[0],
        "source_id": source[1],
        "target_label": target[0],
        "target_id": target[1],
        "properties": props,
    }


def triples_of(records: Iterable[Record], mapping: RdfMapping) -> Iterator[Triple]:
    return row_triples(records, mapping)


class Counter:
    def __init__(self, triples: Iterable[Triple]) -> None:
        self._triples = triples
        self.count = 0

    def __iter__(self) -> Iterator[Triple]:
        for triple in self._triples:
            self.count += 1
            yield triple


def rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(action: Callable[[], int]) -> tuple[float, int]:
    gc.collect()
    start = time.perf_counter()
    size = action()
    return time.perf_counter() - start, size


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=100_000)
    parser.add_argument(
        "--rdflib-turtle-triples",
        type=int,
        default=200_000,
        help="rdflib's Turtle serialiser runs at a few thousand triples/s: time it on this many of the "
        "same triples (the first ones; 0 = all, which takes tens of minutes at 100k entities)",
    )
    args = parser.parse_args(argv)
    shape = shape_for(args.entities)
    mapping = RdfMapping(BASE)
    print(
        f"generated graph: {shape.entities:,} entities ({shape.plans} plans, {shape.concepts} concepts, "
        f"{shape.sectors} sectors); python {sys.version.split()[0]}"
    )

    rows = []
    for name in ("nt", "ttl"):
        counter = Counter(triples_of(generate(shape), mapping))
        before = rss_mib()
        seconds, size = timed(
            lambda c=counter, n=name: sum(len(b) for b in serialize(c, FORMATS[n], mapping))
        )
        rows.append((f"plankg streaming {name}", counter.count, seconds, size, rss_mib() - before))
        total = counter.count

    built: dict[str, Graph] = {}

    def build() -> int:
        built["graph"] = to_rdflib_graph(triples_of(generate(shape), mapping))
        return 0

    build_seconds, _ = timed(build)
    graph = built["graph"]
    rows.append(("rdflib Graph build (add)", len(graph), build_seconds, 0, None))
    seconds, size = timed(lambda: len(graph.serialize(format="nt", encoding="utf-8")))
    rows.append(("rdflib serialize nt", len(graph), seconds, size, None))
    sample = graph
    if 0 < args.rdflib_turtle_triples < len(graph):
        sample = to_rdflib_graph(
            itertools.islice(triples_of(generate(shape), mapping), args.rdflib_turtle_triples)
        )
    seconds, size = timed(lambda: len(sample.serialize(format="turtle", encoding="utf-8")))
    label = "rdflib serialize ttl" + (" (sample)" if sample is not graph else "")
    rows.append((label, len(sample), seconds, size, None))

    print(f"{'run':<28}{'triples':>12}{'seconds':>10}{'triples/s':>14}{'MiB out':>10}{'RSS +MiB':>10}")
    for label, count, seconds, size, rss in rows:
        rss_text = f"{rss:>10.1f}" if rss is not None else f"{'':>10}"
        print(
            f"{label:<28}{count:>12,}{seconds:>10.2f}{count / seconds:>14,.0f}{size / 2**20:>10.1f}{rss_text}"
        )
    assert total == len(graph), "the streaming writers and rdflib saw different triples"
    nt_rate = rows[0][1] / rows[0][2]
    print(
        f"target streaming N-Triples >= 100,000 triples/s: {'met' if nt_rate >= 100_000 else 'NOT met'} "
        f"({nt_rate:,.0f})"
    )


if __name__ == "__main__":
    main()

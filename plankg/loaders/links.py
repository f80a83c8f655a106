"""Inferred links between a plan's tasks and its goals and directions, and curated overrides.

`infer_links` writes `Task SUPPORTS Goal` and `Task ALIGNS_WITH Direction` for top-level tasks.
Method ("concept-term-overlap"): each text becomes a weighted bag of features —
  * content words: the two-character words of jieba's dictionary (with the vocabulary as user
    dictionary) that occur in the text, less stop words and the verbs and nouns every plan sentence
    uses (推动, 建设, 水平 …);
  * the concepts it mentions (scheme and candidate), and, at a lower weight, their broader concepts;
  * the sectors it names —
weighted by TF-IDF over the plan's own goals, directions and top-level tasks (a word all of them use
says nothing), and compared by cosine similarity. A task's text includes its sub-tasks.
A task is linked to every goal (direction) scoring at least `LINK_THRESHOLD`; a task with none gets
its best-scoring goal (direction) if that scores at least `BEST_LINK_FLOOR`. docs/links.md explains
the figures and how they were measured.

Speed: the document is matched once (`vocabulary.analyse`); each unit's features are read off its
spans (a task: its own span and its sub-tasks') — the concept and sector matches inside them, and
the dictionary words among their character pairs, a set intersection instead of a segmentation.
(The words used to be jieba's search-mode segmentation of each text; on the seed the two give
the same links against the hand judgement, and on the corpus 93% of the links are the same.)

`apply_overrides` then applies a curated YAML file of additions and removals (see docs/links.md).
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml

from plankg.loaders.terms import STOP_WORDS
from plankg.loaders.vocabulary import (
    TextAnalysis,
    analyse,
    concept_by_id,
    dag_segmenter,
    is_candidate_id,
    normalise,
)
from plankg.ontology.records import EntityRecord, LinkRecord, TaskRecord

METHOD = "concept-term-overlap"
OVERRIDE_METHOD = "override"

# A link is written when the task–target cosine similarity reaches LINK_THRESHOLD; a task without any
# such target still gets its best one when that reaches BEST_LINK_FLOOR (every task in a plan is
# there for some goal, but a near-zero score is no evidence of which).
LINK_THRESHOLD = 0.20
BEST_LINK_FLOOR = 0.03
# No plan states more goals and directions than this; a text holding more (many plans run together)
# compares each task with this many nearest to it.
MAX_LINK_CANDIDATES = 64

# Feature weights: a shared concept is stronger evidence than a shared word; a shared broader concept
# (智慧医疗 and 智慧社区 are both 智慧城市) is weaker than the concept itself.
WORD_WEIGHT = 1.0
CONCEPT_WEIGHT = 1.5
ANCESTOR_SHARE = 0.5
SECTOR_WEIGHT = 1.5


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that every plan sentence uses: they make two texts look alike without saying what either is
# about. (Stop words are dropped too.)
GENERIC_WORDS = _words(
    "推动 推进 促进 建设 建立 建成 构建 打造 实现 提升 提高 加强 加快 加大 强化 完善 深化 优化 "
    "发展 创新 形成 支持 鼓励 引导 培育 开展 实施 落实 健全 规范 拓展 扩大 增强 改善 提供 达到 "
    "水平 能力 体系 机制 模式 方式 格局 环境 作用 效率 质量 领域 方面 重点 特色 工作 目标 任务 "
    "全面 全市 全国 国际 国内 领先 新型 新 高效 有序 持续 快速 广泛 显著 初步 基本 进一步 "
    "各类 相关 综合 重要 主要 有效 积极 大力 着力 充分 不断 逐步 一体化 新常态 新高地"
)

InferredType = Literal["SUPPORTS", "ALIGNS_WITH"]


@dataclass(frozen=True)
class _Unit:
    """One text being compared: a goal, a direction, or a top-level task with its sub-tasks."""

    id: str
    features: dict[str, float]


def _is_content_word(term: str) -> bool:
    return (
        len(term) >= 2
        and term not in GENERIC_WORDS
        and term not in STOP_WORDS
        and any(ch.isalpha() for ch in term)
    )


@cache
def _link_words() -> frozenset[str]:
    """The two-character dictionary words that can say what a text is about: jieba's dictionary (with
    the vocabulary as user words), folded like `vocabulary.normalise`, less stop and generic words."""
    return frozenset(
        folded
        for word, freq in dag_segmenter().dictionary_items()
        if freq and len(word) == 2 and _is_content_word(folded := normalise(word))
    )


def _words_in(folded: str) -> set[str]:
    """The two-character dictionary content words occurring anywhere in a (folded) text."""
    return set(map(str.__add__, folded, folded[1:])) & _link_words()


def text_features(text: str) -> dict[str, float]:
    """Raw feature weights of a text before IDF: w:word, c:concept, s:sector.

    A concept mentioned adds 1 to itself and ANCESTOR_SHARE to each broader concept, so 智慧医疗 and
    智慧社区 meet at 智慧城市; a sector adds ANCESTOR_SHARE to each of its code groups (COFOG division,
    GB/T 4754 section), so 市场监管 and 检验检疫 meet at COFOG 04 (economic affairs).
    """
    return span_features(analyse(text), [(0, len(text))])


def span_features(analysis: TextAnalysis, spans: Sequence[tuple[int, int]]) -> dict[str, float]:
    """`text_features` of the analysed text's spans taken together (overlaps counted once)."""
    merged = _merged(spans)
    words: set[str] = set()  # a word counts once per unit
    for start, end in merged:
        words |= _words_in(analysis.folded[start:end])
    features: defaultdict[str, float] = defaultdict(float, {f"w:{word}": 1.0 for word in words})
    concept_features, sector_features = _mention_features(analysis)
    for start, end in merged:
        for index in analysis.concept_indices_within(start, end):
            for feature, weight in concept_features[index]:
                features[feature] += weight
        for index in analysis.sector_indices_within(start, end):
            for feature, weight in sector_features[index]:
                features[feature] += weight
    return dict(features)


Features = tuple[tuple[str, float], ...]


@lru_cache(maxsize=4)
def _mention_features(analysis: TextAnalysis) -> tuple[list[Features], list[Features]]:
    """What each concept and each sector match of an analysed text adds to a unit that holds it."""
    return (
        [_concept_features(m.concept.id, tuple(m.concept.broader)) for m in analysis.concepts],
        [_sector_features(m.sector.id, tuple(m.sector.codes)) for m in analysis.sectors],
    )


@lru_cache(maxsize=4096)
def _concept_features(concept_id: str, broader: tuple[str, ...]) -> Features:
    """What one mention of a concept adds: 1 to itself, ANCESTOR_SHARE to each broader concept."""
    ancestors = sorted(_ancestors(concept_id, broader))
    return ((f"c:{concept_id}", 1.0), *((f"c:{a}", ANCESTOR_SHARE) for a in ancestors))


@lru_cache(maxsize=1024)
def _sector_features(sector_id: str, codes: tuple[str, ...]) -> Features:
    """What one mention of a sector adds: 1 to itself, ANCESTOR_SHARE to each of its code groups."""
    groups = sorted(_code_groups(codes))
    return ((f"s:{sector_id}", 1.0), *((f"s:{g}", ANCESTOR_SHARE) for g in groups))


def _merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _code_groups(codes: Iterable[str]) -> set[str]:
    groups = set()
    for code in codes:
        scheme, _, value = code.partition(":")
        if scheme == "COFOG":
            groups.add(f"COFOG:{value[:2]}")
        elif scheme == "GB4754":
            groups.add(f"GB4754:{value[:1]}")
    return groups


def _ancestors(concept_id: str, broader: Iterable[str]) -> set[str]:
    found: set[str] = set()
    pending = list(broader)
    while pending:
        parent = pending.pop()
        if parent in found or parent == concept_id:
            continue
        found.add(parent)
        if not is_candidate_id(parent):
            pending.extend(concept_by_id(parent).broader)
    return found


_TYPE_WEIGHTS = {"w": WORD_WEIGHT, "c": CONCEPT_WEIGHT, "s": SECTOR_WEIGHT}


def _vectors(units: Sequence[_Unit]) -> dict[str, dict[str, float]]:
    """TF-IDF vectors over the given units (smoothed idf, sublinear tf, per-type weights)."""
    document_frequency: Counter[str] = Counter()
    for unit in units:
        document_frequency.update(unit.features.keys())
    n = len(units)
    # Few distinct document frequencies and weights occur: compute each factor once.
    idf = {df: math.log((1 + n) / (1 + df)) for df in set(document_frequency.values())}
    tf: dict[float, float] = {}
    vectors: dict[str, dict[str, float]] = {}
    for unit in units:
        vector = {}
        for feature, weight in unit.features.items():
            sublinear = tf.get(weight)
            if sublinear is None:
                sublinear = tf[weight] = math.log1p(weight)
            vector[feature] = _TYPE_WEIGHTS[feature[0]] * sublinear * idf[document_frequency[feature]]
        vectors[unit.id] = vector
    return vectors


def _norm(vector: dict[str, float]) -> float:
    return math.sqrt(sum(w * w for w in vector.values()))


def _cosine(a: dict[str, float], b: dict[str, float], norm_a: float, norm_b: float) -> float:
    if not a or not b:
        return 0.0
    dot = sum(a[feature] * b[feature] for feature in a.keys() & b.keys())
    norm = norm_a * norm_b
    return dot / norm if norm else 0.0


def sub_tasks(tasks: Sequence[TaskRecord]) -> dict[str, list[TaskRecord]]:
    """Task id → its direct sub-tasks, built once for all tasks."""
    children: dict[str, list[TaskRecord]] = {}
    for candidate in tasks:
        if candidate.parent is not None:
            children.setdefault(candidate.parent, []).append(candidate)
    return children


def task_text(task: TaskRecord, children: dict[str, list[TaskRecord]]) -> str:
    """A task's text with its sub-tasks' (any depth, `sub_tasks`) appended where not already part of it."""
    parts = [task.text or task.name]
    pending = list(children.get(task.id, []))
    seen = {task.id}
    while pending:
        sub = pending.pop(0)
        if sub.id in seen:
            continue
        seen.add(sub.id)
        sub_text = sub.text or sub.name
        if sub_text and not any(sub_text in part for part in parts):
            parts.append(sub_text)
        pending.extend(children.get(sub.id, []))
    return "\n".join(parts)


def task_spans(task: TaskRecord, children: dict[str, list[TaskRecord]]) -> list[tuple[int, int]]:
    """The spans of a task and of its sub-tasks (any depth, `sub_tasks`): where `task_text` comes from."""
    spans = []
    pending, seen = [task], set()
    while pending:
        current = pending.pop()
        if current.id in seen:
            continue
        seen.add(current.id)
        spans.append(current.span)
        pending.extend(children.get(current.id, []))
    return spans


def candidate_targets(
    task: TaskRecord, targets: Sequence[EntityRecord], starts: Sequence[int]
) -> Sequence[EntityRecord]:
    """The goals and directions a task is compared with: all of them, or — in a text holding more than
    MAX_LINK_CANDIDATES (no single plan states that many) — the MAX_LINK_CANDIDATES nearest the task,
    so that linking stays linear in the text. `targets` are sorted by position, `starts` their starts."""
    if len(targets) <= MAX_LINK_CANDIDATES:
        return targets
    middle = bisect_left(starts, task.span[0])
    first = min(max(0, middle - MAX_LINK_CANDIDATES // 2), len(targets) - MAX_LINK_CANDIDATES)
    return targets[first : first + MAX_LINK_CANDIDATES]


def link_scores(
    goals: Sequence[EntityRecord],
    directions: Sequence[EntityRecord],
    tasks: Sequence[TaskRecord],
    doc_text: str | None = None,
    *,
    analysis: TextAnalysis | None = None,
) -> dict[tuple[str, str], float]:
    """(top-level task id, goal or direction id) → similarity in [0, 1], for each task's
    `candidate_targets` (every goal and direction of a plan-sized text).

    With `doc_text` (the document the spans index) features are read off one analysis of it (or
    of `analysis`, an analysis of it covering at least these spans); without, each text is analysed
    on its own (same features, slower)."""
    top_level = [t for t in tasks if t.parent is None]
    children = sub_tasks(tasks)
    if doc_text is not None:
        if analysis is None or analysis.text != doc_text:
            analysis = analyse(doc_text)
        units = [_Unit(e.id, span_features(analysis, [e.span])) for e in (*goals, *directions)]
        units += [_Unit(t.id, span_features(analysis, task_spans(t, children))) for t in top_level]
    else:
        units = [_Unit(e.id, text_features(e.text or e.name)) for e in (*goals, *directions)]
        units += [_Unit(t.id, text_features(task_text(t, children))) for t in top_level]
    vectors = _vectors(units)
    norms = {unit_id: _norm(vector) for unit_id, vector in vectors.items()}
    targets = sorted((*goals, *directions), key=lambda e: e.span[0])
    starts = [e.span[0] for e in targets]
    scores: dict[tuple[str, str], float] = {}
    for task in top_level:
        for target in candidate_targets(task, targets, starts):
            similarity = _cosine(vectors[task.id], vectors[target.id], norms[task.id], norms[target.id])
            scores[(task.id, target.id)] = round(min(1.0, similarity), 4)
    return scores


def infer_links(
    goals: list[EntityRecord],
    directions: list[EntityRecord],
    tasks: list[TaskRecord],
    doc_text: str,
    *,
    analysis: TextAnalysis | None = None,
) -> list[LinkRecord]:
    """SUPPORTS (task → goal) and ALIGNS_WITH (task → direction) links for top-level tasks.

    Every link carries the task's span as evidence; `doc_text` is the decoded document the spans
    index into (checked, so a link never points at text that is not there). `analysis`, if given,
    is `vocabulary.analyse(doc_text, regions)` for regions covering the goals, directions and tasks
    (the extractor's, so the document is segmented once).
    """
    for task in tasks:
        start, end = task.span
        if not 0 <= start < end <= len(doc_text):
            raise ValueError(f"task {task.id} span {task.span} lies outside the document")
    for entity in (*goals, *directions):
        start, end = entity.span
        if not 0 <= start < end <= len(doc_text):
            raise ValueError(f"{entity.id} span {entity.span} lies outside the document")
    scores = link_scores(goals, directions, tasks, doc_text, analysis=analysis)
    goal_ids = {goal.id for goal in goals}
    scored: dict[tuple[str, InferredType], list[tuple[float, str]]] = defaultdict(list)
    for (task_id, target_id), score in scores.items():
        link_type: InferredType = "SUPPORTS" if target_id in goal_ids else "ALIGNS_WITH"
        scored[(task_id, link_type)].append((score, target_id))
    links: list[LinkRecord] = []
    for task in (t for t in tasks if t.parent is None):
        for link_type in ("SUPPORTS", "ALIGNS_WITH"):
            ranked = sorted(scored.get((task.id, link_type), []), key=lambda p: (-p[0], p[1]))
            chosen = [(score, target) for score, target in ranked if score >= LINK_THRESHOLD]
            if not chosen and ranked and ranked[0][0] >= BEST_LINK_FLOOR:
                chosen = [ranked[0]]
            links.extend(
                LinkRecord(
                    type=link_type, source=task.id, target=target, score=score, method=METHOD, span=task.span
                )
                for score, target in chosen
            )
    return links


# ---------------------------------------------------------------- overrides

OVERRIDE_KEYS = frozenset({"plan", "action", "task", "goal", "direction", "note"})


@dataclass(frozen=True)
class Override:
    index: int
    plan: str
    action: Literal["add", "remove"]
    link_type: InferredType
    task: str
    target: str
    entry: dict[str, Any]

    def describe(self) -> str:
        kind = "goal" if self.link_type == "SUPPORTS" else "direction"
        link = f"task {self.task!r} → {kind} {self.target!r}"
        return f"override #{self.index + 1} ({self.action} {link}, plan {self.plan!r})"


def load_overrides(path: Path) -> list[Override]:
    """Parse and check an overrides file; ValueError names the first bad entry."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ValueError(f"link overrides file {path} does not exist") from None
    except yaml.YAMLError as error:
        raise ValueError(f"link overrides file {path} is not valid YAML: {error}") from None
    if raw is None:
        return []
    entries = raw.get("overrides") if isinstance(raw, dict) else raw
    if not isinstance(entries, list):
        raise ValueError(f"{path}: expected a list of overrides (or a mapping with an 'overrides' list)")
    overrides = []
    for index, entry in enumerate(entries):
        where = f"{path}: override #{index + 1} {entry!r}"
        if not isinstance(entry, dict):
            raise ValueError(f"{where}: must be a mapping")
        unknown = set(entry) - OVERRIDE_KEYS
        if unknown:
            raise ValueError(f"{where}: unknown keys {sorted(unknown)}")
        action = entry.get("action")
        if action not in ("add", "remove"):
            raise ValueError(f"{where}: action must be 'add' or 'remove'")
        for key in ("plan", "task"):
            if not isinstance(entry.get(key), str) or not entry[key].strip():
                raise ValueError(f"{where}: '{key}' must be a non-empty string")
        targets = [key for key in ("goal", "direction") if key in entry]
        if len(targets) != 1 or not isinstance(entry[targets[0]], str) or not entry[targets[0]].strip():
            raise ValueError(f"{where}: give exactly one of 'goal' or 'direction' (a name or an id)")
        overrides.append(
            Override(
                index=index,
                plan=entry["plan"].strip(),
                action=action,
                link_type="SUPPORTS" if targets[0] == "goal" else "ALIGNS_WITH",
                task=entry["task"].strip(),
                target=entry[targets[0]].strip(),
                entry=entry,
            )
        )
    return overrides


def _resolve(reference: str, entities: Sequence[EntityRecord], kind: str, override: Override) -> str | None:
    """Id of the entity named or identified by `reference`; None if there is none."""
    by_id = [e for e in entities if e.id == reference]
    if by_id:
        return by_id[0].id
    wanted = _compact(reference)
    named = [e for e in entities if _compact(e.name) == wanted]
    if len(named) > 1:
        ids = ", ".join(e.id for e in named)
        raise ValueError(
            f"{override.describe()}: {len(named)} {kind}s are named {reference!r} ({ids}); use the id"
        )
    return named[0].id if named else None


def _compact(name: str) -> str:
    # Researchers copy names with or without the final 。 and with either width of quotes and plus.
    return normalise(name).strip().rstrip("。.；;，,").replace(" ", "")


def apply_overrides(
    links: list[LinkRecord],
    plan_id: str,
    overrides_path: Path | None,
    *,
    goals: Sequence[EntityRecord] = (),
    directions: Sequence[EntityRecord] = (),
    tasks: Sequence[TaskRecord] = (),
) -> list[LinkRecord]:
    """Apply the curated overrides for `plan_id` (and for "*") to inferred links.

    An "add" writes the link with method "override" and score 1.0 (replacing an inferred one); a
    "remove" drops it if present. Tasks, goals and directions are addressed by name or id; pass the
    plan's records as `goals`, `directions` and `tasks` so names resolve. An entry for this plan
    whose task or target is unknown raises ValueError naming the entry; a "*" entry applies to each
    plan that has both names and is skipped by the others.
    """
    if overrides_path is None:
        return list(links)
    overrides = load_overrides(Path(overrides_path))
    task_spans = {t.id: t.span for t in tasks}
    result = {(link.type, link.source, link.target): link for link in links}
    for override in overrides:
        if override.plan not in (plan_id, "*"):
            continue
        targets: Sequence[EntityRecord] = goals if override.link_type == "SUPPORTS" else directions
        kind = "goal" if override.link_type == "SUPPORTS" else "direction"
        task_id = _resolve(override.task, tasks, "task", override)
        target_id = _resolve(override.target, targets, kind, override)
        if task_id is None or target_id is None:
            if override.plan == "*":
                continue
            missing = f"task {override.task!r}" if task_id is None else f"{kind} {override.target!r}"
            known = tasks if task_id is None else targets
            hint = (
                "; known: " + ", ".join(e.name for e in known[:12]) if known else " (no records were passed)"
            )
            raise ValueError(f"{override.describe()}: plan {plan_id} has no {missing}{hint}")
        key = (override.link_type, task_id, target_id)
        if override.action == "remove":
            result.pop(key, None)
        else:
            result[key] = LinkRecord(
                type=override.link_type,
                source=task_id,
                target=target_id,
                score=1.0,
                method=OVERRIDE_METHOD,
                span=task_spans[task_id],
            )
    return list(result.values())

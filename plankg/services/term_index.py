"""The search terms as an inverted index (term → nodes) held in memory, one per store object: a search
looks its terms up instead of the store scanning every node's `terms` (a scan of 33k nodes took
0.3–1 s at 886 plans on LadybugDB, its list columns are slow to read).

The index follows the store by plan versions: before each lookup two cheap queries list every plan's
id and source sha256 (plankg.services.store_version) and the node count of each label (`counts_by_label`);
plans added or replaced since are re-read (`search_terms_of_plans`), deleted ones dropped, and the nodes
no plan owns (concepts, sectors, regions, which loads add and deletes clean up) re-read whenever any
plan changed. Counts that moved while no plan's version did (a forced rewrite that extracted
differently, a store wiped and loaded again) make it read everything again. So it stays right across
processes and on both backends without a hook in the write path. The versions are read before the
nodes: a write landing in between leaves the index one step behind, never ahead, and the next lookup
catches up. Not seen: a forced rewrite of an unchanged document that changes terms but no count.

Candidates are chosen exactly as the `search` query chooses them (most distinct query terms matched,
then fewest terms, then id; at most `limit`), and their names, texts and evidence are read by primary
key (`search_hits`).
"""

from __future__ import annotations

import heapq
import threading
import weakref
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from plankg.graph.port import GraphStore, Row
from plankg.services.reads import read
from plankg.services.store_version import store_version

_NONE = [""]  # an empty id list for search_hits: LadybugDB cannot type an empty list


@dataclass
class _Postings:
    """The index proper: node slots (label, id, term count, alive) and term → slots."""

    labels: list[str] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    term_counts: list[int] = field(default_factory=list)
    alive: bytearray = field(default_factory=bytearray)
    by_term: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    dead: int = 0
    # slot -> its place in (term count, id) order, the search query's tie-breakers after the number
    # of terms matched: one integer key per candidate, so choosing the best runs at C speed
    ranks: list[int] = field(default_factory=list)

    def rank(self) -> None:
        order = sorted(range(len(self.ids)), key=lambda slot: (self.term_counts[slot], self.ids[slot]))
        self.ranks = [0] * len(order)
        for place, slot in enumerate(order):
            self.ranks[slot] = place

    def add(self, label: str, node_id: str, terms: list[str]) -> int:
        slot = len(self.ids)
        self.labels.append(label)
        self.ids.append(node_id)
        self.term_counts.append(len(terms))
        self.alive.append(1)
        for term in set(terms):
            self.by_term[term].append(slot)
        return slot

    def drop(self, slots: list[int]) -> None:
        for slot in slots:
            self.alive[slot] = 0
        self.dead += len(slots)

    def compacted(self, owners: dict[str | None, list[int]]) -> _Postings:
        """The same index without dropped slots (renumbered; `owners` is renumbered in place)."""
        fresh = _Postings()
        renumber: dict[int, int] = {}
        for slot, live in enumerate(self.alive):
            if live:
                renumber[slot] = len(fresh.ids)
                fresh.labels.append(self.labels[slot])
                fresh.ids.append(self.ids[slot])
                fresh.term_counts.append(self.term_counts[slot])
                fresh.alive.append(1)
        for term, slots in self.by_term.items():
            kept = [renumber[s] for s in slots if self.alive[s]]
            if kept:
                fresh.by_term[term] = kept
        for owner, slots in owners.items():
            owners[owner] = [renumber[s] for s in slots]
        return fresh


class TermIndex:
    """The inverted index of one store's search terms, refreshed by plan versions before each use."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._postings = _Postings()
        self._versions: dict[str, str | None] | None = None  # plan id -> sha256 as indexed; None: empty
        self._counts: dict[str, int] = {}  # label -> nodes, as indexed
        self._slots: dict[str | None, list[int]] = {}  # plan id (None: shared nodes) -> its slots

    def refresh(self, store: GraphStore) -> None:
        """Bring the index up to the store's plans (see the module docstring)."""
        now = store_version(store)
        versions, counts = now.versions, now.counts
        if versions == self._versions and counts == self._counts:
            return
        indexed = self._versions
        if indexed is None or versions == indexed:  # first use, or a change no version shows: all
            self._postings, self._slots = _Postings(), {}
            self._add(read(store, "search_terms"))
            self._postings.rank()
            self._versions, self._counts = versions, counts
            return
        changed = sorted(p for p, sha in versions.items() if p not in indexed or indexed[p] != sha)
        for plan_id in [*changed, *(p for p in indexed if p not in versions), None]:
            self._postings.drop(self._slots.pop(plan_id, []))
        if changed:
            self._add(read(store, "search_terms_of_plans", plans=changed))
        self._add(read(store, "search_terms_shared"))
        if self._postings.dead > len(self._postings.ids) // 2:
            self._postings = self._postings.compacted(self._slots)
        self._postings.rank()
        self._versions, self._counts = versions, counts

    def _add(self, rows: list[Row]) -> None:
        for row in rows:
            slot = self._postings.add(row["type"], row["id"], row.get("terms") or [])
            self._slots.setdefault(row.get("plan_id"), []).append(slot)

    def candidates(self, store: GraphStore, terms: list[str], limit: int) -> list[Row]:
        """The rows the `search` query gives for these terms: the `limit` best nodes (most distinct
        terms matched, then fewest terms, then id) with what they matched, best first."""
        with self._lock:
            self.refresh(store)
            postings = self._postings
            hits: Counter[int] = Counter()
            for term in terms:
                hits.update(postings.by_term.get(term, ()))
            # key: more terms matched first, then (term count, id) order; dropped slots left out
            span = len(postings.ids)
            alive, ranks = postings.alive, postings.ranks
            keys = [ranks[slot] - hits_ * span for slot, hits_ in hits.items() if alive[slot]]
            slot_at = {ranks[slot]: slot for slot in hits}
            best = [slot_at[key % span] for key in heapq.nsmallest(limit, keys)]
            sets = {term: set(postings.by_term.get(term, ())) for term in terms}
            found = [
                (
                    postings.labels[s],
                    postings.ids[s],
                    [t for t in terms if s in sets[t]],
                    postings.term_counts[s],
                )
                for s in best
            ]
        wanted: dict[str, list[str]] = defaultdict(list)
        for label, node_id, _, _ in found:
            wanted[f"{label.lower()}_ids"].append(node_id)
        params = {**{f"{label}_ids": _NONE for label in _HIT_LABELS}, **wanted}
        rows = read(store, "search_hits", **params) if found else []
        details = {(row["type"], row["id"]): row for row in rows}
        return [
            {**details[(label, node_id)], "matched": terms_matched, "term_count": count}
            for label, node_id, terms_matched, count in found
            if (label, node_id) in details  # deleted since the index last looked: left out
        ]


# The labels search_hits looks nodes up in (a node of another label fails loudly: its parameter is not
# in the query's header).
_HIT_LABELS = ("plan", "goal", "direction", "task", "indicator", "citation", "concept", "sector", "region")

_INDEXES: weakref.WeakKeyDictionary[GraphStore, TermIndex] = weakref.WeakKeyDictionary()
_INDEXES_LOCK = threading.Lock()


def term_index(store: GraphStore) -> TermIndex:
    """The store object's term index (built on first use, dropped with the store object)."""
    with _INDEXES_LOCK:
        index = _INDEXES.get(store)
        if index is None:
            index = _INDEXES[store] = TermIndex()
        return index

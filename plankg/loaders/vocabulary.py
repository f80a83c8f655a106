"""Controlled vocabularies: sectors (领域) and the concept scheme (概念), and finding them in text.

The data ships in plankg/ontology/data/: sectors.yaml (sectors with GB/T 4754-2017 and COFOG codes),
concepts.ttl (a SKOS concept scheme) and cofog.csv (the COFOG code list the sector codes come from).

- `find_sectors(text)` and the scheme part of `find_concepts(text)` match preferred and alternative
  labels, longest match first, never overlapping, every occurrence, in text order. Matching ignores
  ASCII case and full-width forms (ＩＰｖ６ = IPv6, ＋ = +); offsets index the text as given.
- `find_concepts` also proposes *candidate* concepts: domain terms the scheme lacks (智慧港口 when the
  scheme had no 智慧港口, 互联网金融), read from jieba's part-of-speech segmentation by a few
  conservative noun-phrase patterns (see `_discover_candidates`). Candidates get `candidate=True` and a
  stable ASCII id derived from the term, so the same term found in two plans is one node.

jieba is set up once, lazily, with the scheme labels and sector names as a user dictionary so that
智慧社区 or 体育竞赛表演产业 stay one word; plankg.loaders.terms uses the same segmenter. Part-of-speech
tokens come from `segmentation.DagSegmenter` (jieba's no-HMM segmentation, re-implemented, 3× faster).

`analyse(text)` runs all of this once over a whole document — tokens, scheme concepts, candidates,
sectors — and remembers the last few documents, so the extractor's entity and link passes look their
spans up instead of segmenting every entity text again.
"""

from __future__ import annotations

import bisect
import contextlib
import csv
import hashlib
import logging
import marshal
import os
import re
import tempfile
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple, TypeVar

import jieba
import yaml
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, SKOS

from plankg.loaders.segmentation import DagSegmenter, Token
from plankg.ontology.records import ConceptRecord, SectorRecord

DATA_PACKAGE = "plankg.ontology"
SECTORS_FILE = "data/sectors.yaml"
CONCEPTS_FILE = "data/concepts.ttl"
COFOG_FILE = "data/cofog.csv"
CONCEPT_NS = Namespace("https://w3id.org/plankg/concept/")
CANDIDATE_ID_PREFIX = "concept-candidate-"

# ---------------------------------------------------------------- records and matches


class SectorMatch(NamedTuple):  # a tuple: made by the hundred per document
    sector: SectorRecord
    start: int
    end: int


class ConceptMatch(NamedTuple):
    concept: ConceptRecord
    start: int
    end: int
    candidate: bool


# ---------------------------------------------------------------- text normalisation

# One character in, one character out, so offsets in the normalised text are offsets in the original.
# Full-width ASCII → (lower-case) ASCII, ideographic space → space, ASCII upper → lower case.
_NORMALISE = {code: ord(chr(code - 0xFEE0).lower()) for code in range(0xFF01, 0xFF5F)}
_NORMALISE[0x3000] = 0x20
_NORMALISE.update({code: code + 32 for code in range(ord("A"), ord("Z") + 1)})


_FOLDABLE_RE = re.compile("[\uff01-\uff5e\u3000A-Z]+")


def _fold_run(match: re.Match[str]) -> str:
    return match.group().translate(_NORMALISE)


def normalise(text: str) -> str:
    """Fold full-width ASCII to ASCII and ASCII to lower case; the result has the same length.
    (Only the runs that change are translated: a Chinese text has few, and translating every
    character of it costs a table lookup each.)"""
    return _FOLDABLE_RE.sub(_fold_run, text)


def _is_ascii_word_char(char: str) -> bool:
    return char.isascii() and char.isalnum()


# ---------------------------------------------------------------- longest-first matching


def _trie_pattern(words: Iterable[str]) -> str:
    """A regular expression matching where any of `words` starts: their trie, cut at the shortest
    word of each branch (a longer word through the same prefix starts at the same place)."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict) -> str:  # type: ignore[type-arg]
        if "" in node:
            return ""
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items())]
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return pattern(trie)


_NO_LABEL = object()


class _Lexicon:
    """Labels → key; finds non-overlapping label occurrences, longest first."""

    def __init__(self, labels: dict[str, str | None]) -> None:
        # A key of None marks a blocking phrase: it claims its span but yields no match
        # (学分银行 keeps the finance sector's 银行 from matching inside it).
        self._labels = {normalise(label): key for label, key in labels.items() if label}
        # Label lengths by first character: most positions start no label and cost one lookup.
        lengths: dict[str, set[int]] = {}
        for label in self._labels:
            lengths.setdefault(label[0], set()).add(len(label))
        self._lengths = {first: sorted(values, reverse=True) for first, values in lengths.items()}
        # Jump straight to the positions where some label starts (the labels' trie as a regular
        # expression, searched by the regex engine): Python code only runs where there is a label.
        self._label_re = re.compile(_trie_pattern(self._labels)) if self._labels else None

    def find(
        self, text: str, folded: str | None = None, regions: Sequence[tuple[int, int]] | None = None
    ) -> list[tuple[int, int, str]]:
        """(start, end, key) of the labels in `text`; `folded` is `normalise(text)` if already made;
        with `regions`, only labels starting inside them."""
        if folded is None:
            folded = normalise(text)
        if self._label_re is None:
            return []
        labels, lengths, size = self._labels, self._lengths, len(folded)
        found: list[tuple[int, int, str | None]] = []
        search = self._label_re.search
        starts: list[int] = []
        for region_start, region_end in regions if regions is not None else ((0, size),):
            first = search(folded, region_start, region_end)
            while first is not None:
                starts.append(first.start())
                first = search(folded, first.start() + 1, region_end)
        for start in starts:
            for length in lengths[folded[start]]:
                end = start + length
                if end > size:
                    continue
                key = labels.get(folded[start:end], _NO_LABEL)
                if key is _NO_LABEL:
                    continue
                if (folded[start].isascii() or folded[end - 1].isascii()) and not self._at_word_boundary(
                    folded, start, end
                ):
                    continue
                found.append((start, end, key))  # type: ignore[arg-type]
        # Longest first; among equals the earlier one; a match that overlaps a taken one is dropped.
        found.sort(key=lambda m: (m[0] - m[1], m[0]))
        taken = bytearray(size)
        chosen: list[tuple[int, int, str]] = []
        for start, end, key in found:
            if taken.find(1, start, end) != -1:
                continue
            taken[start:end] = b"\x01" * (end - start)
            if key is not None:
                chosen.append((start, end, key))
        chosen.sort()
        return chosen

    @staticmethod
    def _at_word_boundary(text: str, start: int, end: int) -> bool:
        # ASCII labels (5G, IPv6, PPP) must not sit inside a longer ASCII word (45G, PPPoE).
        if _is_ascii_word_char(text[start]) and start > 0 and _is_ascii_word_char(text[start - 1]):
            return False
        return not (_is_ascii_word_char(text[end - 1]) and end < len(text) and _is_ascii_word_char(text[end]))


# ---------------------------------------------------------------- sectors


@dataclass(frozen=True)
class _SectorTable:
    sectors: tuple[SectorRecord, ...]
    by_id: dict[str, SectorRecord]
    lexicon: _Lexicon


def _data_text(name: str) -> str:
    return resources.files(DATA_PACKAGE).joinpath(name).read_text(encoding="utf-8")


@cache
def _sector_table() -> _SectorTable:
    raw = yaml.safe_load(_data_text(SECTORS_FILE))
    if not isinstance(raw, list):
        raise ValueError(f"{SECTORS_FILE}: expected a list of sectors")
    sectors: list[SectorRecord] = []
    labels: dict[str, str | None] = {}
    for index, entry in enumerate(raw):
        if not isinstance(entry, dict) or not {"id", "name"} <= set(entry):
            raise ValueError(f"{SECTORS_FILE}[{index}]: a sector needs an id and a name: {entry!r}")
        unknown = set(entry) - {"id", "name", "alt_names", "codes", "exclude"}
        if unknown:
            raise ValueError(f"{SECTORS_FILE}[{index}] {entry['id']}: unknown keys {sorted(unknown)}")
        record = SectorRecord(
            id=entry["id"],
            name=entry["name"],
            codes=list(entry.get("codes") or []),
            alt_names=list(entry.get("alt_names") or []),
        )
        for label in (record.name, *record.alt_names):
            owner = labels.get(label)
            if owner is not None and owner != record.id:
                raise ValueError(f"{SECTORS_FILE}: label {label!r} belongs to {owner} and {record.id}")
            labels[label] = record.id
        for phrase in entry.get("exclude") or []:
            labels.setdefault(phrase, None)
        sectors.append(record)
    by_id = {s.id: s for s in sectors}
    if len(by_id) != len(sectors):
        raise ValueError(f"{SECTORS_FILE}: duplicate sector ids")
    return _SectorTable(tuple(sectors), by_id, _Lexicon(labels))


def all_sectors() -> list[SectorRecord]:
    return list(_sector_table().sectors)


def find_sectors(
    text: str, folded: str | None = None, regions: Sequence[tuple[int, int]] | None = None
) -> list[SectorMatch]:
    """Every sector name or synonym in `text`, longest first, non-overlapping, in text order."""
    table = _sector_table()
    return [
        SectorMatch(table.by_id[key], start, end)
        for start, end, key in table.lexicon.find(text, folded, regions)
    ]


@cache
def cofog_codes() -> dict[str, str]:
    """COFOG code → English label, from the packaged cofog.csv."""
    rows = csv.DictReader(_data_text(COFOG_FILE).splitlines())
    return {row["Code"]: row["Description_EN"].strip() for row in rows}


# ---------------------------------------------------------------- concept scheme


@dataclass(frozen=True)
class _Scheme:
    concepts: tuple[ConceptRecord, ...]
    by_id: dict[str, ConceptRecord]
    lexicon: _Lexicon
    labels: frozenset[str]


@cache
def concept_graph() -> Graph:
    """The SKOS concept scheme as an rdflib graph (for the RDF export)."""
    graph = Graph()
    graph.parse(data=_data_text(CONCEPTS_FILE), format="turtle")
    return graph


def _zh_labels(graph: Graph, subject: URIRef, predicate: URIRef) -> list[str]:
    values = [o for o in graph.objects(subject, predicate) if isinstance(o, Literal) and o.language == "zh"]
    return sorted(str(v) for v in values)


@cache
def _scheme() -> _Scheme:
    graph = concept_graph()
    id_of: dict[URIRef, str] = {}
    for subject in graph.subjects(RDF.type, SKOS.Concept):
        notation = graph.value(subject, SKOS.notation)
        if notation is None or not str(notation).startswith("concept-") or not str(notation).isascii():
            raise ValueError(f"{CONCEPTS_FILE}: {subject} needs an ASCII skos:notation 'concept-…'")
        id_of[URIRef(str(subject))] = str(notation)
    concepts: list[ConceptRecord] = []
    labels: dict[str, str | None] = {}
    for subject, concept_id in sorted(id_of.items(), key=lambda item: item[1]):
        pref = _zh_labels(graph, subject, SKOS.prefLabel)
        if len(pref) != 1:
            raise ValueError(f"{CONCEPTS_FILE}: {concept_id} needs exactly one Chinese skos:prefLabel")
        broader = []
        for parent in graph.objects(subject, SKOS.broader):
            if URIRef(str(parent)) not in id_of:
                raise ValueError(f"{CONCEPTS_FILE}: {concept_id} has broader {parent} outside the scheme")
            broader.append(id_of[URIRef(str(parent))])
        record = ConceptRecord(
            id=concept_id,
            name=pref[0],
            broader=sorted(broader),
            alt_names=_zh_labels(graph, subject, SKOS.altLabel),
        )
        for label in (record.name, *record.alt_names):
            owner = labels.get(label)
            if owner is not None and owner != record.id:
                raise ValueError(f"{CONCEPTS_FILE}: label {label!r} belongs to {owner} and {record.id}")
            labels[label] = record.id
        concepts.append(record)
    by_id = {c.id: c for c in concepts}
    if len(by_id) != len(concepts):
        raise ValueError(f"{CONCEPTS_FILE}: duplicate skos:notation")
    return _Scheme(tuple(concepts), by_id, _Lexicon(labels), frozenset(normalise(label) for label in labels))


def all_concepts() -> list[ConceptRecord]:
    """The scheme's concepts (no candidates), sorted by id."""
    return list(_scheme().concepts)


def concept_by_id(concept_id: str) -> ConceptRecord:
    try:
        return _scheme().by_id[concept_id]
    except KeyError:
        raise KeyError(f"no concept with id {concept_id!r} in {CONCEPTS_FILE}") from None


def is_candidate_id(concept_id: str) -> bool:
    return concept_id.startswith(CANDIDATE_ID_PREFIX)


def scheme_concepts_for(concept_ids: Iterable[str]) -> list[ConceptRecord]:
    """The scheme concepts with these ids plus all their broader ancestors, sorted by id.

    Candidate ids (concept-candidate-…) are not in the scheme and are skipped; any other unknown id
    raises KeyError. Together with the candidates' own records this is every Concept node that the
    MENTIONS and BROADER links of a document need.
    """
    seen: dict[str, ConceptRecord] = {}
    pending = [cid for cid in concept_ids if not is_candidate_id(cid)]
    while pending:
        concept_id = pending.pop()
        if concept_id in seen:
            continue
        record = concept_by_id(concept_id)
        seen[concept_id] = record
        pending.extend(record.broader)
    return sorted(seen.values(), key=lambda c: c.id)


def concepts_for_matches(matches: Iterable[ConceptMatch]) -> list[ConceptRecord]:
    """Every Concept record a set of matches needs: candidates, matched concepts, their ancestors."""
    matches = list(matches)
    candidates = {m.concept.id: m.concept for m in matches if m.candidate}
    ids = [m.concept.id for m in matches if not m.candidate]
    ids += [parent for c in candidates.values() for parent in c.broader]
    return sorted([*candidates.values(), *scheme_concepts_for(ids)], key=lambda c: c.id)


# ---------------------------------------------------------------- jieba, set up once

_JIEBA_LOCK = threading.Lock()
USER_WORD_TAG = "nz"  # jieba's tag for proper nouns of a field: vocabulary words are nouns


def _segmenters() -> tuple[jieba.Tokenizer, dict[str, str]]:
    with _JIEBA_LOCK:  # two first calls at once (API worker threads) must not build two tokenizers
        return _build_segmenters()


@cache
def dag_segmenter() -> DagSegmenter:
    """The fast part-of-speech segmenter over the same dictionary (user words included)."""
    tokenizer, tags = _segmenters()
    with _JIEBA_LOCK:
        return DagSegmenter(tokenizer, tags)


@cache
def _build_segmenters() -> tuple[jieba.Tokenizer, dict[str, str]]:
    """jieba's tokenizer with the vocabulary as user words, and every word's part-of-speech tag.

    Building them costs ~1.3 s of CPU (jieba's dictionary, then jieba.posseg reading it again for the
    tags), paid by every process that extracts; the result is kept in a cache file (as jieba keeps its
    own dictionary) and read back in ~0.5 s. The file is named by everything it is built from: jieba's
    version and dictionary file, and the user words."""
    jieba.setLogLevel(logging.WARNING)
    words = sorted(user_dictionary())
    tokenizer = jieba.Tokenizer()
    cached = _dictionary_cache(words)
    try:
        # loads(read_bytes()), not load(file): 0.45 s against 1.2 s for the same 16 MB
        freq, total, tags = marshal.loads(cached.read_bytes())
        if not (isinstance(freq, dict) and isinstance(total, int) and isinstance(tags, dict)):
            raise ValueError("not a tokenizer cache")
        tokenizer.FREQ, tokenizer.total = freq, total
        tokenizer.initialized = True
        return tokenizer, tags
    except (OSError, EOFError, ValueError, TypeError):
        pass  # no cache yet (or a broken one): built and written below
    from jieba.posseg import POSTokenizer  # here, not at the top: importing it loads jieba's tags (~0.3 s)

    for label in words:
        # freq=None lets jieba pick a frequency just high enough to keep the label whole.
        tokenizer.add_word(label, tag=USER_WORD_TAG)
    tokenizer.initialize()  # loads jieba's dictionary (cached by jieba in the temp directory)
    pos_tokenizer = POSTokenizer(tokenizer)
    pos_tokenizer.makesure_userdict_loaded()
    tags = pos_tokenizer.word_tag_tab
    _write_atomically(cached, marshal.dumps((tokenizer.FREQ, tokenizer.total, tags)))
    return tokenizer, tags


def _dictionary_cache(words: list[str]) -> Path:
    """The cache file of the tokenizer built from jieba's dictionary and these user words."""
    dictionary = Path(jieba.__file__).parent / jieba.DEFAULT_DICT_NAME
    stat = dictionary.stat()
    made_of = [jieba.__version__, str(dictionary), str(stat.st_size), str(stat.st_mtime_ns), USER_WORD_TAG]
    key = hashlib.sha256("\n".join([*made_of, *words]).encode()).hexdigest()[:16]
    return _cache_dir() / f"jieba-{key}.marshal"


def _cache_dir() -> Path:
    """This user's own cache folder (created private): not the shared temp directory, where another
    user could plant a file under the predictable name and so change what every document yields."""
    folder = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "plankg"
    with contextlib.suppress(OSError):  # no writable home: the tokenizer is built in each process
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def _write_atomically(path: Path, data: bytes) -> None:
    """Write a file whole or not at all (processes starting together may write it at once)."""
    try:
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=path.name, delete=False) as handle:
            written = Path(handle.name)
            handle.write(data)
        os.replace(written, path)
    except OSError:  # a full or read-only cache folder: the next process builds the tokenizer again
        if "written" in locals():
            written.unlink(missing_ok=True)


def user_dictionary() -> set[str]:
    """Scheme labels and sector names: the words jieba must keep whole."""
    words = {label for c in _scheme().concepts for label in (c.name, *c.alt_names)}
    words |= {label for s in _sector_table().sectors for label in (s.name, *s.alt_names)}
    # jieba cannot hold words with spaces; none are expected, but never feed it one.
    return {w for w in words if w and " " not in w}


def segmenter() -> jieba.Tokenizer:
    """jieba tokenizer with the vocabulary loaded (initialised once, on first use)."""
    return _segmenters()[0]


# ---------------------------------------------------------------- candidate discovery


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# A token from DOMAIN_PREFIXES followed by a specific noun makes a field term: 智慧+港口, 互联网+金融.
DOMAIN_PREFIXES = frozenset(
    {"智慧", "智能", "数字", "互联网", "网络", "电子", "在线", "云", "移动", "大数据", "物联网", "数据"}
)
# A specific noun followed by one of DOMAIN_HEADS makes one too: 市民+卡, 社交+平台, 职教+中心.
DOMAIN_HEADS = frozenset({"卡", "产业", "档案", "平台", "中心", "工厂", "车间", "基地", "网"})
# A single dictionary word of at least 3 characters holding one of these is a field term: 数据服务.
DOMAIN_MORPHEMES = ("智慧", "智能", "数字", "互联网", "网络", "电子", "在线", "数据", "信息", "软件", "云")
NOUN_TAGS = frozenset({"n", "nz", "vn", "nt", "ns", "nr", "j"})
# Nouns too general to make a term: 网络+环境, 服务+平台, 信息+能力 are not concepts.
GENERIC_NOUNS = _words(
    "环境 能力 水平 体系 建设 发展 服务 管理 模式 方式 格局 工作 作用 效率 质量 领域 "
    "方面 问题 机制 系统 技术 应用 资源 信息 数据 网络 平台 产品 项目 行业 产业 企业 "
    "经济 社会 城市 中心 国家 政府 部门 单位 机构 组织 活动 规模 程度 基础 条件 内容 "
    "方法 手段 渠道 功能 结构 要素 主体 市场 需求 政策 制度 标准 时代 阶段 形态 层次 "
    "新型 传统 现代 全国 国际 重点 特色 优势 综合 公共 相关 各类 支撑 保障 创新 融合 "
    "协同 共享 开放 安全 智能 智慧 数字 电子 互联网 在线 移动 用户 人才 群众 公众 全市 "
    "全面 基本 总体 重要 主要 高效 有序 进步 意见 规划 方案 部署 公共服务 模式创新 核心 关键"
)
_MIN_CANDIDATE_CHARS = 3
_MAX_CANDIDATE_CHARS = 8


def candidate_id(term: str) -> str:
    """Stable ASCII id of a discovered term (the same term gives the same id in every plan)."""
    digest = hashlib.sha1(normalise(term).encode("utf-8")).hexdigest()[:12]
    return f"{CANDIDATE_ID_PREFIX}{digest}"


def _candidate_broader(term: str) -> list[str]:
    # A 智慧-term (智慧青岛, 智慧冬奥) is a smart-city application; others stay unattached.
    return ["concept-smart-city"] if term.startswith("智慧") else []


def _acceptable_term(term: str, scheme: _Scheme, sector_labels: frozenset[str]) -> bool:
    folded = normalise(term)
    if not _MIN_CANDIDATE_CHARS <= len(term) <= _MAX_CANDIDATE_CHARS:
        return False
    if folded in scheme.labels or folded in sector_labels:
        return False
    if term.endswith(("化", "性", "型", "度", "率", "数", "量")):  # adjectives and measures
        return False
    # Field terms are Chinese (possibly with one Latin acronym); digits and punctuation mean a fragment.
    return all("\u4e00" <= ch <= "\u9fff" or (ch.isascii() and ch.isalpha()) for ch in term)


def _is_specific_noun(word: str, flag: str) -> bool:
    return (
        flag in NOUN_TAGS
        and len(word) >= 2
        and word not in GENERIC_NOUNS
        and not word.endswith(("型", "性", "化"))  # 综合型, 智能化: adjectives, not things
        and all("\u4e00" <= ch <= "\u9fff" for ch in word)
    )


@cache
def _sector_labels() -> frozenset[str]:
    return frozenset(normalise(label) for s in _sector_table().sectors for label in (s.name, *s.alt_names))


def _term_end(tokens: list[tuple[int, int, str, str]], index: int) -> int | None:
    """End offset of a field term starting at tokens[index], or None if none starts there."""
    _start, end, word, flag = tokens[index]
    if index + 1 < len(tokens):
        _next_start, next_end, next_word, next_flag = tokens[index + 1]
        # After a domain prefix a set phrase (jieba's "l") also counts: 网络+意识形态.
        if word in DOMAIN_PREFIXES and _is_specific_noun(next_word, "n" if next_flag == "l" else next_flag):
            return next_end
        if _is_specific_noun(word, flag) and next_word in DOMAIN_HEADS and next_flag in NOUN_TAGS:
            return next_end
    single_word_term = (
        flag in NOUN_TAGS - {"nr", "ns"}
        and len(word) >= _MIN_CANDIDATE_CHARS
        and word not in GENERIC_NOUNS
        and any(m in word for m in DOMAIN_MORPHEMES)
    )
    return end if single_word_term else None


def _pos_tokens(
    text: str, regions: Sequence[tuple[int, int]] | None = None, blocks: re.Pattern[str] | None = None
) -> list[Token]:
    """(start, end, word, part-of-speech flag) for every token of `text` (jieba's words, no HMM);
    with `regions` or `blocks`, word blocks outside the regions or not matching `blocks` are left as
    gap tokens."""
    return dag_segmenter().tokens(text, regions, blocks)


_MORPHEME_RE = re.compile("|".join(DOMAIN_MORPHEMES))


def _discover_candidates(
    text: str, scheme_matches: list[ConceptMatch], tokens: list[Token] | None = None
) -> list[tuple[ConceptMatch, list[int]]]:
    """Field terms the scheme lacks, each with the indices of the scheme matches it absorbs.

    Candidates are looked for where no scheme label matched, except that a scheme match which is
    itself a domain prefix may be absorbed by a longer term (互联网 → 互联网金融); the absorbed
    concept becomes the candidate's broader concept, so the mention is not lost.
    """
    scheme, sector_labels = _scheme(), _sector_labels()
    absorbable = {
        index for index, m in enumerate(scheme_matches) if normalise(text[m.start : m.end]) in DOMAIN_PREFIXES
    }
    taken = bytearray(len(text))
    for index, m in enumerate(scheme_matches):
        if index not in absorbable:
            taken[m.start : m.end] = b"\x01" * (m.end - m.start)

    found: list[tuple[ConceptMatch, list[int]]] = []
    if tokens is None:
        tokens = _pos_tokens(text)
    last = len(tokens) - 1
    for index, (start, _end, word, _flag) in enumerate(tokens):
        # a term starts with a domain prefix, a word before a domain head, or a word holding a domain
        # morpheme: a cheap test first, `_term_end` only where it passes
        if not (
            word in DOMAIN_PREFIXES
            or (index < last and tokens[index + 1][2] in DOMAIN_HEADS)
            or (len(word) >= _MIN_CANDIDATE_CHARS and _MORPHEME_RE.search(word))
        ):
            continue
        end = _term_end(tokens, index)
        if end is None or any(taken[start:end]):
            continue
        overlapping = [
            i for i in absorbable if scheme_matches[i].start < end and start < scheme_matches[i].end
        ]
        if any(not (start <= scheme_matches[i].start and scheme_matches[i].end <= end) for i in overlapping):
            continue
        term = text[start:end]
        if not _acceptable_term(term, scheme, sector_labels):
            continue
        broader = sorted({scheme_matches[i].concept.id for i in overlapping}) or _candidate_broader(term)
        record = ConceptRecord(id=candidate_id(term), name=term, broader=broader, candidate=True)
        found.append((ConceptMatch(record, start, end, candidate=True), overlapping))
        taken[start:end] = b"\x01" * (end - start)
    return found


def find_concepts(text: str, *, discover: bool = True) -> list[ConceptMatch]:
    """Scheme concepts (by preferred and alternative labels) and, if `discover`, candidate terms.

    Longest match first, no two matches overlap, every occurrence, sorted by start. Candidates are
    only looked for where no scheme label matched (but see `_discover_candidates` on prefixes).
    """
    if discover:
        return list(analyse(text).concepts)
    return _scheme_matches(text)


def _scheme_matches(
    text: str, folded: str | None = None, regions: Sequence[tuple[int, int]] | None = None
) -> list[ConceptMatch]:
    scheme = _scheme()
    return [
        ConceptMatch(scheme.by_id[key], start, end, candidate=False)
        for start, end, key in scheme.lexicon.find(text, folded, regions)
    ]


def _concepts_with_candidates(
    text: str,
    tokens: list[Token],
    folded: str | None = None,
    regions: Sequence[tuple[int, int]] | None = None,
) -> list[ConceptMatch]:
    matches = _scheme_matches(text, folded, regions)
    if text:
        absorbed: set[int] = set()
        candidates = []
        for match, swallowed in _discover_candidates(text, matches, tokens):
            candidates.append(match)
            absorbed.update(swallowed)
        matches = [m for i, m in enumerate(matches) if i not in absorbed] + candidates
    matches.sort(key=lambda m: (m.start, m.end))
    return matches


# ---------------------------------------------------------------- one pass per document


_Item = TypeVar("_Item")


Bounds = tuple[list[int], list[int]]  # starts and ends of a sorted list of spans


@dataclass(frozen=True, eq=False)
class TextAnalysis:
    """A text's tokens, concept matches (scheme and candidates) and sector matches, each sorted by
    start; the `…_within(start, end)` methods give what lies wholly inside a span of the text."""

    text: str
    folded: str  # normalise(text): same length, full-width ASCII folded, lower case
    tokens: tuple[Token, ...]  # segmented only in the word blocks that can hold a candidate concept
    concepts: tuple[ConceptMatch, ...]
    sectors: tuple[SectorMatch, ...]
    concept_bounds: Bounds
    sector_bounds: Bounds

    def concepts_within(self, start: int, end: int) -> list[ConceptMatch]:
        return _within(self.concepts, self.concept_bounds, start, end)

    def concept_indices_within(self, start: int, end: int) -> list[int]:
        return _indices_within(self.concept_bounds, start, end)

    def sector_indices_within(self, start: int, end: int) -> list[int]:
        return _indices_within(self.sector_bounds, start, end)

    def sectors_within(self, start: int, end: int) -> list[SectorMatch]:
        return _within(self.sectors, self.sector_bounds, start, end)


def _within(items: Sequence[_Item], bounds: Bounds, start: int, end: int) -> list[_Item]:
    """The items (sorted by start) lying wholly inside [start, end)."""
    return [items[i] for i in _indices_within(bounds, start, end)]


def _indices_within(bounds: Bounds, start: int, end: int) -> list[int]:
    starts, ends = bounds
    first = bisect.bisect_left(starts, start)
    last = bisect.bisect_left(starts, end)
    return [i for i in range(first, last) if ends[i] <= end]


# A candidate term holds a domain prefix, a domain head or a domain morpheme: a word block without any
# of them can hold none, and is not segmented at all.
_TRIGGER_RE = re.compile(
    "|".join(sorted({*DOMAIN_PREFIXES, *DOMAIN_HEADS, *DOMAIN_MORPHEMES}, key=len, reverse=True))
)


@lru_cache(maxsize=4)
def analyse(text: str, regions: tuple[tuple[int, int], ...] | None = None) -> TextAnalysis:
    """Match and segment `text` once; the last few texts are remembered.

    Candidate concepts are looked for only in the word blocks (jieba's runs of CJK and ASCII word
    characters) that can hold one. With `regions` (sorted, disjoint spans: where the caller will
    look) only labels starting inside them, and blocks overlapping them, are looked at. A block is
    segmented on its own either way, so what is found inside a region is what a full pass finds
    there (but for a label that would have reached into it from outside)."""
    folded = normalise(text)
    tokens = tuple(_pos_tokens(text, regions, _TRIGGER_RE)) if text else ()
    concepts = tuple(_concepts_with_candidates(text, list(tokens), folded, regions))
    sectors = tuple(find_sectors(text, folded, regions))
    return TextAnalysis(
        text=text,
        folded=folded,
        tokens=tokens,
        concepts=concepts,
        sectors=sectors,
        concept_bounds=([m.start for m in concepts], [m.end for m in concepts]),
        sector_bounds=([m.start for m in sectors], [m.end for m in sectors]),
    )

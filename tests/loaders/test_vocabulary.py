"""Controlled vocabularies: the shipped data files and finding sectors and concepts in real plan text."""

from __future__ import annotations

import itertools
import marshal
import re
from pathlib import Path

import pytest

from plankg.loaders.extract import extract_path
from plankg.loaders.segmentation import DagSegmenter
from plankg.loaders.vocabulary import (
    CANDIDATE_ID_PREFIX,
    _build_segmenters,
    all_concepts,
    all_sectors,
    candidate_id,
    cofog_codes,
    concepts_for_matches,
    find_concepts,
    find_sectors,
    normalise,
    scheme_concepts_for,
    segmenter,
)
from tests.support.corpus import corpus_dir

CORPUS = corpus_dir()
SEED = CORPUS / "qingdao-informatization-13th-fyp.txt"
DOCUMENTS = sorted(CORPUS.glob("*.txt"))

# GB/T 4754-2017: the divisions (两位数代码) each section letter holds.
GB4754_DIVISIONS = {
    "A": (1, 5), "B": (6, 12), "C": (13, 43), "D": (44, 46), "E": (47, 50), "F": (51, 52), "G": (53, 60),
    "H": (61, 62), "I": (63, 65), "J": (66, 69), "K": (70, 70), "L": (71, 72), "M": (73, 75), "N": (76, 79),
    "O": (80, 82), "P": (83, 83), "Q": (84, 85), "R": (86, 90), "S": (91, 96), "T": (97, 97),
}  # fmt: skip


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


# ---------------------------------------------------------------- data files


def test_sectors_have_ascii_ids_unique_labels_and_a_sensible_size() -> None:
    sectors = all_sectors()
    assert 40 <= len(sectors) <= 60
    ids = [s.id for s in sectors]
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(r"sector-[a-z0-9-]+", i) for i in ids)
    labels = [label for s in sectors for label in (s.name, *s.alt_names)]
    assert len(set(labels)) == len(labels), "a label may name only one sector"


def test_every_cofog_code_exists_in_the_packaged_code_list() -> None:
    codes = cofog_codes()
    assert codes["07"] == "Health" and codes["10.2"] == "Old age"
    used = [code for s in all_sectors() for code in s.codes if code.startswith("COFOG:")]
    assert len(used) >= 30
    missing = [code for code in used if code.removeprefix("COFOG:") not in codes]
    assert missing == []


def test_every_gb4754_code_is_a_section_or_a_division_of_that_section() -> None:
    used = [code for s in all_sectors() for code in s.codes if code.startswith("GB4754:")]
    assert "GB4754:I65" in used and "GB4754:C39" in used
    for code in used:
        match = re.fullmatch(r"GB4754:([A-T])(\d{2})?", code)
        assert match, code
        if match.group(2):
            low, high = GB4754_DIVISIONS[match.group(1)]
            assert low <= int(match.group(2)) <= high, code
    other = [code for s in all_sectors() for code in s.codes if not code.startswith(("GB4754:", "COFOG:"))]
    assert other == []


def test_concept_scheme_is_a_hierarchy_with_unique_labels() -> None:
    concepts = all_concepts()
    assert 100 <= len(concepts) <= 200
    by_id = {c.id: c for c in concepts}
    assert all(
        re.fullmatch(r"concept-[a-z0-9-]+", i) and not i.startswith(CANDIDATE_ID_PREFIX) for i in by_id
    )
    labels = [label for c in concepts for label in (c.name, *c.alt_names)]
    assert len(set(labels)) == len(labels)
    assert not any(c.candidate for c in concepts)

    def reaches_top(concept_id: str, path: tuple[str, ...]) -> bool:
        assert concept_id not in path, f"broader cycle: {(*path, concept_id)}"
        parents = by_id[concept_id].broader
        return not parents or all(reaches_top(p, (*path, concept_id)) for p in parents)

    assert all(reaches_top(c.id, ()) for c in concepts)
    assert "concept-smart-city" in by_id["concept-smart-community"].broader
    assert "concept-next-gen-it" in by_id["concept-cloud-computing"].broader
    assert "concept-e-government" in by_id["concept-government-new-media"].broader


# ---------------------------------------------------------------- sectors


def test_find_sectors_in_the_seed_city_operations_goal(seed_text: str) -> None:
    start = seed_text.index("城市运行管理智能高效。")
    goal = seed_text[start : seed_text.index("\n", start)]
    matches = find_sectors(goal)
    found = {m.sector.id for m in matches}
    assert {
        "sector-transport",
        "sector-public-security",
        "sector-environment",  # written 环保
        "sector-urban-management",
        "sector-customs",
        "sector-inspection-quarantine",
        "sector-emergency-management",
    } <= found
    for m in matches:
        assert normalise(goal[m.start : m.end]) in {
            normalise(x) for x in (m.sector.name, *m.sector.alt_names)
        }


def test_sector_synonym_is_blocked_inside_an_excluded_phrase() -> None:
    assert [m.sector.id for m in find_sectors("加快推进职业教育国家学分银行建设")] == [
        "sector-vocational-education"
    ]
    assert {m.sector.id for m in find_sectors("引导银行业金融机构")} == {"sector-finance"}


# ---------------------------------------------------------------- concepts


def test_the_smart_community_sub_task_matches_smart_community() -> None:
    text = "深化智慧社区建设，推动社区服务水平提升"
    matches = find_concepts(text)
    smart = [m for m in matches if m.concept.id == "concept-smart-community"]
    assert len(smart) == 1 and text[smart[0].start : smart[0].end] == "智慧社区"
    assert not smart[0].candidate


def test_longest_label_wins_and_matches_never_overlap(seed_text: str) -> None:
    matches = find_concepts(seed_text)
    for before, after in itertools.pairwise(matches):
        assert before.end <= after.start
    # 新一代移动通信网络 is one concept, not 移动通信网络 or 互联网 inside a longer label.
    ids = {m.concept.id for m in find_concepts("新一代移动通信网络建设加快")}
    assert ids == {"concept-next-gen-mobile"}
    assert [m.concept.id for m in find_concepts("“互联网+”行动计划")] == ["concept-internet-plus"]


def test_matching_folds_width_and_case_but_respects_ascii_word_edges() -> None:
    text = "ＩＰｖ６实现全面商用，形成5G商用基础网络环境"
    found = {m.concept.id: text[m.start : m.end] for m in find_concepts(text)}
    assert found["concept-ipv6"] == "ＩＰｖ６" and found["concept-5g"] == "5G"
    assert not any(m.concept.id == "concept-5g" for m in find_concepts("带宽达到25Gbps"))


def test_scheme_concepts_for_adds_every_ancestor() -> None:
    records = scheme_concepts_for(["concept-smart-community", "concept-5g"])
    ids = {c.id for c in records}
    assert {"concept-smart-community", "concept-smart-city", "concept-5g", "concept-next-gen-mobile"} <= ids
    assert {"concept-next-gen-it", "concept-ict", "concept-info-infrastructure"} <= ids
    for record in records:
        assert set(record.broader) <= ids
    assert scheme_concepts_for([candidate_id("智慧青岛")]) == []
    with pytest.raises(KeyError, match="concept-no-such-thing"):
        scheme_concepts_for(["concept-no-such-thing"])


def test_candidates_on_the_seed_are_field_terms(seed_text: str) -> None:
    matches = find_concepts(seed_text)
    candidates = {m.concept.name: m for m in matches if m.candidate}
    assert "互联网金融" in candidates and "智慧青岛" in candidates
    finance = candidates["互联网金融"].concept
    # 互联网金融 absorbed the scheme match 互联网, which becomes its broader concept.
    assert finance.candidate and finance.broader == ["concept-internet"]
    assert candidates["智慧青岛"].concept.broader == ["concept-smart-city"]
    assert finance.id == candidate_id("互联网金融") and finance.id.isascii()
    for m in candidates.values():
        assert seed_text[m.start : m.end] == m.concept.name
    needed = {c.id for c in concepts_for_matches(matches)}
    assert {finance.id, "concept-internet", "concept-ict"} <= needed


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.stem)
def test_concepts_match_every_extracted_entity_text(path: Path) -> None:
    extraction = extract_path(path)
    entities = [*extraction.goals, *extraction.directions, *extraction.tasks, *extraction.indicators]
    assert entities
    junk = {"提升", "建设", "推动", "推进", "发展", "加强", "实现", "水平", "能力", "服务", "管理", "工作"}
    with_concept = 0
    scheme_total = candidate_total = 0
    for entity in entities:
        matches = find_concepts(entity.text)
        for m in matches:
            assert entity.text[m.start : m.end], entity.id
            if m.candidate:
                candidate_total += 1
                assert m.concept.name == entity.text[m.start : m.end]
                assert m.concept.name not in junk and len(m.concept.name) >= 3
            else:
                scheme_total += 1
                labels = {normalise(x) for x in (m.concept.name, *m.concept.alt_names)}
                assert normalise(entity.text[m.start : m.end]) in labels
        with_concept += bool(matches)
    # The scheme covers the field: most entities mention a concept, and discovery stays conservative.
    assert with_concept >= 0.6 * len(entities), f"{with_concept}/{len(entities)} entities mention a concept"
    assert candidate_total <= 0.15 * scheme_total


def test_jieba_is_initialised_once_with_the_vocabulary() -> None:
    assert segmenter() is segmenter()
    assert "体育竞赛表演产业" in list(segmenter().cut("加快发展体育竞赛表演产业"))


def test_the_built_tokenizer_is_kept_in_a_cache_file_and_read_back_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first process builds jieba's tokenizer with the vocabulary and the part-of-speech tags and
    writes them to the user's own cache folder (private, not the shared temp directory); the next
    reads them back: the same dictionary, the same tags, the same segmentation of a real plan, without
    importing jieba.posseg."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    built, built_tags = _build_segmenters.__wrapped__()
    (written,) = (tmp_path / "plankg").glob("jieba-*.marshal")
    assert (tmp_path / "plankg").stat().st_mode & 0o077 == 0
    read, read_tags = _build_segmenters.__wrapped__()
    assert read.FREQ == built.FREQ and read.total == built.total and read_tags == built_tags
    assert built_tags["体育竞赛表演产业"] == "nz" and built_tags["发展"] == "vn"
    assert list(read.cut("加快发展体育竞赛表演产业")) == list(built.cut("加快发展体育竞赛表演产业"))
    text = (corpus_dir() / "state-council-office-2018-121-sports-competition-industry.txt").read_text(
        encoding="utf-8"
    )
    assert DagSegmenter(read, read_tags).tokens(text) == DagSegmenter(built, built_tags).tokens(text)
    written.write_bytes(b"broken")  # a damaged cache file is rebuilt, not trusted
    rebuilt, _ = _build_segmenters.__wrapped__()
    assert rebuilt.FREQ == built.FREQ
    written.write_bytes(marshal.dumps(("not", "a", "tokenizer")))  # nor one of another shape
    rebuilt, rebuilt_tags = _build_segmenters.__wrapped__()
    assert rebuilt.FREQ == built.FREQ and rebuilt_tags == built_tags
    assert written.stat().st_size > 1_000_000

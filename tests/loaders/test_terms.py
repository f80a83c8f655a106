"""Search terms: jieba search-mode segmentation with the vocabulary as user dictionary."""

from __future__ import annotations

from plankg.loaders import extract_document, to_plan_subgraph
from plankg.loaders.reading import read_document
from plankg.loaders.subgraph import search_terms_text
from plankg.loaders.terms import _FOLD_WIDTH, STOP_WORDS, _is_term, query_terms, search_terms
from plankg.loaders.vocabulary import segmenter
from tests.support.corpus import CORPUS, SEED_DOCUMENT

SEED = SEED_DOCUMENT


def test_a_compound_term_is_indexed_whole_and_in_parts() -> None:
    assert search_terms("智慧社区") == ["智慧", "社区", "智慧社区"]
    assert set(search_terms("智慧社区")) <= set(search_terms("加快建设智慧社区综合服务平台"))


def test_big_data_is_found_in_a_direction_name() -> None:
    terms = search_terms("推动基于大数据的精细化建设")
    assert "大数据" in terms and "精细化" in terms
    assert "的" not in terms


def test_terms_are_lowercased_folded_deduplicated_and_clean() -> None:
    terms = search_terms("ＩＰｖ６实现全面商用，IPv6到户；5G商用。“互联网+”行动计划")
    assert terms.count("ipv6") == 1 and "5g" in terms and "互联网+" in terms
    assert all(t == t.lower() for t in terms)
    assert not any(ch in "，。；“”、 " for t in terms for ch in t)
    assert not set(terms) & STOP_WORDS
    assert len(terms) == len(set(terms))


def test_order_is_first_seen() -> None:
    terms = search_terms("教育 体育 教育")
    assert terms == ["教育", "体育"]


def test_a_query_segments_like_the_indexed_text() -> None:
    assert query_terms("  智慧社区 ") == search_terms("智慧社区")
    assert query_terms("IPv6") == ["ipv6"]
    assert search_terms("") == [] and query_terms("   ") == []


def test_every_seed_line_yields_terms_that_occur_in_it() -> None:
    for line in SEED.read_text(encoding="utf-8").splitlines():
        folded = line.lower().replace("ｉｐｖ６", "ipv6")
        for term in search_terms(line):
            assert term in folded, (term, line[:30])


def _jieba_search_terms(text: str) -> list[str]:
    """The reference: jieba's own cut_for_search (HMM on), filtered the way search_terms filters."""
    terms = (t.strip().lower() for t in segmenter().cut_for_search(text.translate(_FOLD_WIDTH)))
    return list(dict.fromkeys(t for t in terms if t and _is_term(t)))


def test_terms_are_jiebas_search_mode_words_on_real_plans() -> None:
    """search_terms walks the dictionary with the DagSegmenter and runs jieba's HMM only on runs of
    unknown single characters; every node of real plans gets exactly jieba's cut_for_search terms,
    guessed words (自贸, 普惠) and percentages (50%) included."""
    names = [
        SEED_DOCUMENT.name,
        "state-council-2019-4-vocational-education-reform.txt",
        "news/cn_digital_economy_plan_2022.txt",
    ]
    compared = guessed = 0
    for name in names:
        source = read_document(CORPUS / name)
        graph = to_plan_subgraph(extract_document(source), source.text)
        for node in graph.nodes:
            text = search_terms_text(node)
            expected = _jieba_search_terms(text)
            assert search_terms(text) == expected, (node.id, text[:40])
            if "terms" in node.properties:
                assert node.properties["terms"] == expected, node.id
            compared += 1
            guessed += any(len(t) > 1 and not segmenter().FREQ.get(t) for t in expected)
    assert compared > 200 and guessed > 0  # the HMM path was exercised

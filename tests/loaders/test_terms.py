"""Search terms: jieba search-mode segmentation with the vocabulary as user dictionary."""

from __future__ import annotations

from plankg.loaders.terms import STOP_WORDS, query_terms, search_terms
from tests.support.corpus import SEED_DOCUMENT

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

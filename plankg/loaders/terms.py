"""Search terms: the segmented words that both graph stores index for full-text search.

Chinese has no spaces, so a node's `terms` property holds jieba's search-engine segmentation of its
name and text, with the concept scheme and sector names loaded as a user dictionary: 智慧社区 is
indexed as 智慧社区 and also as 智慧 and 社区, so a query for any of them finds it. A query is
segmented the same way (`query_terms`), and a store matches a node when it holds the query's terms.

Terms are lower-cased (ASCII), full-width forms are folded (ＩＰｖ６ → ipv6), punctuation and stop words
(function words such as 的, 和, 等) are dropped, and duplicates are removed keeping first-seen order.
"""

from __future__ import annotations

from plankg.loaders.vocabulary import segmenter

# Full-width ASCII → ASCII, so ＩＰｖ６ and IPv6 index alike (one character in, one out).
_FOLD_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FOLD_WIDTH[0x3000] = 0x20


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Function words, pronouns, measure words and filler that carry no topic; kept short on purpose:
# content verbs (建设, 推动) stay searchable, they are just not worth a concept.
STOP_WORDS = _words(
    "的 地 得 之 了 着 过 和 与 及 以及 并 并且 或 或者 而 而且 且 等 等等 在 于 对 对于 为 为了 以 "
    "把 被 将 从 向 到 由 自 按 按照 根据 通过 关于 经 经过 同 跟 给 让 使 其 其中 其他 其它 此 "
    "该 这 这些 那 那些 这个 那个 各 各个 每 某 本 之间 之中 中 上 下 内 外 里 是 有 无 不 没有 "
    "也 都 又 还 就 才 即 既 则 如 如果 若 因 因为 所以 因此 但 但是 虽然 可 可以 能 能够 应 应当 "
    "要 须 需 需要 已 已经 正在 所 个 项 条 次 年 月 日 我 我们 你 你们 他 他们 它 它们 自身 自己 "
    "一 一些 一批 一个 一种 一是 二是 三是 四是 等方面 方面 进一步"
)


def _is_term(token: str) -> bool:
    # A term has at least one letter, digit or CJK character; punctuation and spaces are not terms.
    return any(ch.isalnum() for ch in token) and token not in STOP_WORDS


def search_terms(text: str) -> list[str]:
    """Index terms of `text`: jieba search-mode words, lower-cased, no stop words, deduplicated."""
    if not text:
        return []
    folded = text.translate(_FOLD_WIDTH)
    seen: dict[str, None] = {}
    for token in segmenter().cut_for_search(folded):
        term = token.strip().lower()
        if term and _is_term(term):
            seen.setdefault(term, None)
    return list(seen)


def query_terms(q: str) -> list[str]:
    """Terms of a search query, segmented exactly as node text is (so they can match)."""
    return search_terms(q.strip())

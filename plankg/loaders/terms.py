"""Search terms: the segmented words that both graph stores index for full-text search.

Chinese has no spaces, so a node's `terms` property holds a search-engine segmentation of its name and
text — jieba's search mode (`cut_for_search`: each word, and the dictionary words of two and three
characters inside a longer one) over jieba's dictionary with the concept scheme and sector names loaded
as user words: 智慧社区 is indexed as 智慧社区 and also as 智慧 and 社区, so a query for any of them
finds it. A query is segmented the same way (`query_terms`), and a store matches a node when it holds
the query's terms.

The words are jieba's (`jieba.cut` with HMM, as `cut_for_search` uses it), but the dictionary route is
walked by the loaders' DagSegmenter (2–3× faster than jieba's own), and jieba's HMM only guesses words
in runs of single characters the dictionary does not know (as jieba does: 自贸, 普惠, 50%). jieba cuts
one word block (a run of CJK, ASCII letters, digits and +#&._%-) at a time, so a block's terms do not
depend on the text around it: a `TermCache` shared by the nodes of one document segments each distinct
block once (a task's name is also in its text, a parent's text holds its children's). Outside word
blocks every letter or digit is a term of its own, as in jieba.

Terms are lower-cased (ASCII), full-width forms are folded (ＩＰｖ６ → ipv6), punctuation and stop words
(function words such as 的, 和, 等) are dropped, and duplicates are removed keeping first-seen order.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from jieba import finalseg

from plankg.loaders.vocabulary import dag_segmenter, segmenter

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


# jieba.cut's word blocks (jieba.re_han_default): words are only looked for inside them.
_WORD_BLOCK_RE = re.compile("[\u4e00-\u9fd5a-zA-Z0-9+#&._%\\-]+")

_BLOCK_PUNCTUATION = "+#&._%-"  # the word-block characters that are neither letters nor digits


@lru_cache(maxsize=8192)
def _guessed_words(run: str) -> tuple[str, ...]:
    """jieba's HMM words for a run of single characters (short strings, met again and again)."""
    return tuple(finalseg.cut(run))


FrequencyOf = Callable[[str], int | None]  # jieba's dictionary: a word's frequency, 0 for a prefix


def _block_words(block: str, freq_get: FrequencyOf, route: Callable[[str], list[str]]) -> list[str]:
    """`jieba.Tokenizer.cut(block, HMM=True)`: the dictionary route, with each run of two or more
    single characters that is not itself a dictionary word handed to jieba's HMM (finalseg)."""
    out: list[str] = []
    run_start = 0  # where the current run of single characters began
    index = 0
    for word in route(block):
        if len(word) > 1:
            if index - run_start > 1:
                run = block[run_start:index]
                out.extend(run if freq_get(run) else _guessed_words(run))
            elif index > run_start:
                out.append(block[run_start])
            out.append(word)
            index += len(word)
            run_start = index
        else:
            index += 1
    if index - run_start > 1:
        run = block[run_start:index]
        out.extend(run if freq_get(run) else _guessed_words(run))
    elif index > run_start:
        out.append(block[run_start])
    return out


def _block_terms(block: str, freq_get: FrequencyOf, route: Callable[[str], list[str]]) -> list[str]:
    """Search-mode terms of one word block, in jieba's order: the 2- and 3-character dictionary words
    inside each longer word, then the word."""
    out: list[str] = []
    append = out.append
    for word in _block_words(block, freq_get, route):
        n = len(word)
        if n > 2:
            for i in range(n - 1):
                if freq_get(word[i : i + 2]):
                    append(word[i : i + 2])
            if n > 3:
                for i in range(n - 2):
                    if freq_get(word[i : i + 3]):
                        append(word[i : i + 3])
        append(word)
    # inside a block a term has a letter or digit unless it is all punctuation
    return [term for term in map(str.lower, out) if term not in STOP_WORDS and term.strip(_BLOCK_PUNCTUATION)]


TermCache = dict[str, list[str]]  # word block → its terms: one per document, shared by its nodes


def search_terms(text: str, cache: TermCache | None = None) -> list[str]:
    """Index terms of `text`: search-mode words, lower-cased, no stop words, deduplicated. Pass the
    same `cache` for the texts of one document: a block met before (a task's name is the start of
    its text, a parent's text holds its children's) is not segmented again."""
    if not text:
        return []
    folded = text.translate(_FOLD_WIDTH)
    freq_get, route = segmenter().FREQ.get, dag_segmenter().words
    known: TermCache = {} if cache is None else cache
    blocks_seen: set[str] = set()  # a block repeated in this text adds no term
    seen: dict[str, None] = {}
    cursor = 0
    for match in _WORD_BLOCK_RE.finditer(folded):
        if match.start() > cursor:
            _gap_terms(folded[cursor : match.start()], seen)
        cursor = match.end()
        block = match.group()
        if block in blocks_seen:
            continue
        blocks_seen.add(block)
        terms = known.get(block)
        if terms is None:
            terms = known[block] = _block_terms(block, freq_get, route)
        for term in terms:
            seen.setdefault(term, None)
    _gap_terms(folded[cursor:], seen)
    return list(seen)


def _gap_terms(gap: str, seen: dict[str, None]) -> None:
    # Outside word blocks each character stands alone (jieba yields them one by one): Ⅱ, α, 〇 are
    # terms, punctuation and spaces are not.
    for char in gap:
        if char.isalnum():
            term = char.lower()
            if term not in STOP_WORDS:
                seen.setdefault(term, None)


def query_terms(q: str) -> list[str]:
    """Terms of a search query, segmented exactly as node text is (so they can match)."""
    return search_terms(q.strip())

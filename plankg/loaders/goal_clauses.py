"""A report's goals that the rules miss: the clauses a learned model holds likeliest to be its goals.

Most reports and interpretations of a plan state an aim (推动…高质量发展, 为科技创新提供全链条金融服务),
but in words no rule tells apart from a task. Where the rules found tasks, a logistic regression over each
clause's words and place (its opening characters, its character pairs and triples, first or last in its
sentence, how far into the text, a date in its sentence, inside a task the rules found) weighs every clause.
Where the rules found no goal, the likeliest clause is the goal when it is likely enough, and the next
likeliest of another sentence a second goal when it is likely enough too; where they found one or two goals,
the likeliest clause joins them when it is likely enough and no goal of theirs touches its sentence (a report
states its plan's aims in more places than the rules read: on the batches kept unseen both gained, see
benchmarks/ACCURACY.md). Trained by scripts/train_goal_clause_model.py on the real-document gold, shipped as
plain data in models/goal_clauses.json.gz and read here in plain Python: no scikit-learn at run time,
nothing fetched.

Where the rules found no goal and the model finds no clause likely enough either, the headline decides: a
report's headline names what the plan is for, so the body clause sharing most of its words, if it opens as
an aim does (推动…, 让…, 为…), is the goal.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from itertools import repeat
from pathlib import Path

from plankg.loaders.ngram_model import read_model_data
from plankg.loaders.non_targets import SINCE_RE
from plankg.loaders.prose import clauses, evidence_span
from plankg.loaders.spans import GrowingSpans
from plankg.loaders.structure import Item, Outline, all_items
from plankg.loaders.task_sentences import line_sentences, running_text, sentences_in

MODEL_PATH = Path(__file__).with_name("models") / "goal_clauses.json.gz"
_QUOTES = '“”"‘’「」 '
_OPENING_CHARS = 8  # a clause's kind shows in its first words (推动…, 为…, 让…)
_DATED_RE = re.compile(r"20\d\d年|十[四五六]五|今年|明年|下一步|未来")
_MIN_CHARS = 4  # shorter clauses are link words (同时, 其中) or labels, never an aim
# A report names its plan's aims in more than one sentence (gold: two goals a report or interpretation on
# average); a second likely clause found a goal in documents never seen where the likeliest alone missed
GOALS_TAKEN = 2
# The model joins the rules' goals only where they found one or two: where they found more, the report's aims
# are read (on the untouched validation half 0.4517 so, 0.4514 joining any number), and the model, not run
# there, costs no time (joining any number cost a fifth of extraction speed on benchmarks/extract.py)
RULED_GOALS_JOINED = 2


@dataclass(frozen=True)
class Clause:
    """A clause and where it stands: its sentence, its place in it, the sentence's place in the text."""

    span: tuple[int, int]
    sentence: tuple[int, int]
    index: int
    count: int
    sentence_index: int
    dated: bool  # its sentence names a year or a time ahead (到2030年, “十五五”, 下一步)


def text_clauses(text: str, sentence_spans: Iterable[tuple[int, int]]) -> list[Clause]:
    """Every clause of at least _MIN_CHARS characters of the given sentences."""
    found = []
    for number, (start, end) in enumerate(sentence_spans):
        parts = clauses(text, start, end) or [(start, end)]
        dated = _DATED_RE.search(text, start, end) is not None  # once a sentence, whatever its clauses
        found += [
            Clause(part, (start, end), index, len(parts), number, dated)
            for index, part in enumerate(parts)
            if part[1] - part[0] >= _MIN_CHARS
        ]
    return found


def clause_features(text: str, clause: Clause, in_task: bool, genre: str) -> list[str]:
    """The features the model weighs: the same at training and at run time."""
    start, end = clause.span
    words = text[start:end].strip(_QUOTES)
    features = [
        f"genre:{genre}",
        f"pos:{10 * start // max(1, len(text))}",  # the tenth of the text it opens in
        f"si:{min(clause.sentence_index, 12)}",
    ]
    for n in (1, 2, 3):  # the opening characters, the first three single ones by place
        for i in range(min(len(words), _OPENING_CHARS) - n + 1):
            features.append(f"o:{words[i : i + n]}{i if n == 1 and i < 3 else ''}")
    features += ["g:" + words[i : i + n] for n in (2, 3) for i in range(len(words) - n + 1)]
    if clause.index == 0:
        features.append("first")
    if clause.index == clause.count - 1:
        features.append("last")
    if clause.count == 1:
        features.append("single")
    if clause.dated:
        features.append("dated")
    if in_task:
        features.append("in_task")
    if any(ch.isdigit() for ch in words):
        features.append("number")
    return features


def in_tasks(tasks: GrowingSpans, clause: Clause) -> bool:
    """Whether the rules' tasks cover at least half of the clause."""
    start, end = clause.span
    return 2 * tasks.covered(start, end) >= end - start


@dataclass(frozen=True)
class GoalClauseModel:
    weights: dict[str, float]
    intercept: float
    threshold: float  # the least probability at which the likeliest clause is taken as the goal

    def probability(self, features: Iterable[str]) -> float:
        # map over dict.get: the per-clause cost of a report's hundreds of clauses (benchmarks/extract.py)
        score = self.intercept + sum(map(self.weights.get, set(features), repeat(0.0)))
        return 1.0 / (1.0 + math.exp(-score))


@cache
def goal_clause_model(path: Path = MODEL_PATH) -> GoalClauseModel:
    return model_from_data(read_model_data(path))


def model_from_data(data: dict) -> GoalClauseModel:
    """A model from the plain data scripts/train_goal_clause_model.py writes."""
    return GoalClauseModel(
        weights=dict(zip(data["features"], data["coef"], strict=True)),
        intercept=data["intercept"],
        threshold=data["threshold"],
    )


def likeliest_goals(
    text: str,
    sentence_spans: list[tuple[int, int]],
    task_spans: Iterable[tuple[int, int]],
    genre: str,
    model: GoalClauseModel | None = None,
    *,
    first_however_likely: bool = False,
) -> list[tuple[Clause, float]]:
    """The clauses the model holds likeliest goals, with their probabilities, likeliest first: at most
    GOALS_TAKEN, each from a sentence of its own, each reaching the model's threshold (but the first, when
    `first_however_likely`), none a figure of the year its sentence opens on nor in a sentence on a period
    gone by."""
    model = model or goal_clause_model()
    tasks = GrowingSpans(task_spans)
    least = 0.0 if first_however_likely else model.threshold
    likely = [
        (p, clause)
        for clause in text_clauses(text, sentence_spans)
        if (p := model.probability(clause_features(text, clause, in_tasks(tasks, clause), genre))) >= least
    ]  # only the few likely enough are sorted
    likely.sort(key=lambda scored_clause: -scored_clause[0])  # stable: of equals, the first in the text
    taken: list[tuple[Clause, float]] = []
    for p, clause in likely:
        if len(taken) == GOALS_TAKEN or (taken and p < model.threshold):
            break
        if _year_figure(text, clause) or _PAST_RE.search(text, *clause.sentence):
            continue
        if all(clause.sentence != other.sentence for other, _ in taken):
            taken.append((clause, p))
    return taken


# 2021年，我市数字经济核心产业增加值达到800亿元: a figure in a sentence that opens on a year is what that
# year reached, not an aim (到2027年…, 2025年底前… name a time to reach; 2024年，…组织开展“驭风行动”，促进…
# names the year a plan began, and its aim holds no figure)
_YEAR_OPENING_RE = re.compile(
    r"\s*(?:[^，,。：:]{1,8}[：:])?(?:[一二三四五六七八九十]+是)?(?:19|20)\d\d年[^到至底末前，,。]{0,3}[，,]"
)  # after a speaker's name (答：, 王红：) or a list's count (一是)
_DIGIT_RE = re.compile(r"\d")
# “十三五”期间，全市生态环境质量持续改善 / 近年来… / 过去5年…: a sentence on a period gone by tells what was
# done (the periods a figure is told as past by, non_targets.SINCE_RE, and a five-year period closed)
_PAST_RE = re.compile(rf"[“\"]?十[一二三]五[”\"]?(?:期间|以来|时期)|{SINCE_RE.pattern}")


def _year_figure(text: str, clause: Clause) -> bool:
    return (
        _YEAR_OPENING_RE.match(text, clause.sentence[0]) is not None
        and _DIGIT_RE.search(text, clause.span[0], clause.span[1]) is not None
    )


def with_learned_goal(
    outline: Outline, genre: str, model: GoalClauseModel | None = None, *, surely_on_a_plan: bool = False
) -> Outline:
    """The outline of a report or interpretation whose rules found tasks, with the goals that `model` (the
    shipped one unless given) finds added as learned items, each named by its clause, its evidence running
    to the end of the sentence (推动经济实现质的有效提升和量的合理增长，为实现“十五五”良好开局提供有力保障。:
    an aim goes on to what it is for). Where the rules found no goal, those are the likeliest clauses (at
    most GOALS_TAKEN), else the aim nearest the headline, if any; where they found one or two goals
    (RULED_GOALS_JOINED), the likeliest clause joins them unless a goal of theirs touches its sentence: a
    report states its plan's aims in more places than the rules read. A report `surely_on_a_plan` (the rules
    read nothing in it, the genre model holds it clearly on a plan) has an aim: its likeliest clause is
    taken however likely."""
    ruled = outline.goals
    if len(ruled) > RULED_GOALS_JOINED:
        return outline
    text = outline.text
    sentences = line_sentences(text)
    task_spans = (item.span for item in all_items(outline.tasks))
    found = likeliest_goals(text, sentences, task_spans, genre, model, first_however_likely=surely_on_a_plan)
    if ruled:
        ruled_spans = GrowingSpans(goal.span for goal in ruled)
        found = [(clause, p) for clause, p in found[:1] if not ruled_spans.overlaps(*clause.sentence)]
    if found:
        learned = []
        for clause, p in found:
            span = evidence_span(text, clause.span[0], clause.sentence[1])
            learned.append(Item(kind="goal", name=clause.span, span=span, learned=True))
            outline.warnings.append(f"goal model: a goal at {span[0]}-{span[1]} (p = {p:.2f})")
        outline.goals = sorted([*ruled, *learned], key=lambda goal: goal.span)
    elif not ruled and (clause := headline_aim(outline, sentences)) is not None:
        span = evidence_span(text, clause.span[0], clause.sentence[1])
        outline.goals = [Item(kind="goal", name=clause.span, span=span)]
        outline.warnings.append(f"headline: a goal at {span[0]}-{span[1]}")
    return outline


# an aim's opening: what the plan is to bring about (推动…, 让群众…, 为…提供…, 更好…)
_AIM_OPENING_RE = re.compile(
    r"[“\"]?(?:推动|促进|助力|加快|实现|让|使|为|更好|进一步|提升|提高|打造|构建|形成|着力|努力|不断)"
)
_DONE_RE = re.compile(r"了|已")
_LENGTH_COST = 0.02  # per character: a long clause shares more words with any headline


def headline_aim(outline: Outline, sentences: list[tuple[int, int]]) -> Clause | None:
    """The clause of the body's `sentences` that shares most with the headline for its length, when it opens
    as an aim does and tells nothing done: a report's headline names what the plan is for, and its text says
    it in full. None when the outline has no headline or that clause is no aim."""
    if outline.title is None:
        return None
    text = outline.text
    headline = _pairs(text[outline.title.start : outline.title.end])
    best: tuple[float, Clause] | None = None
    for clause in text_clauses(text, sentences_in(running_text(outline), sentences)):
        words = text[clause.span[0] : clause.span[1]]
        shared = len(headline & _pairs(words)) / (1 + _LENGTH_COST * len(words))
        if best is None or shared > best[0]:
            best = (shared, clause)
    if best is None or not _AIM_OPENING_RE.match(text, best[1].span[0]):
        return None
    if _DONE_RE.search(text, best[1].span[0], best[1].sentence[1]):
        return None  # 为方便居民生活，…开设了社区食堂: what was done for an aim, not the plan's aim
    return best[1]


def _pairs(words: str) -> set[str]:
    return {words[i : i + 2] for i in range(len(words) - 1)}

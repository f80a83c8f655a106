"""The goal-clause model (plankg/loaders/goal_clauses.py): a report's goals that the rules miss.

The shipped model must be what scripts/train_goal_clause_model.py makes of the repository's gold, and the
plain-Python reading of it must give what scikit-learn gives. What it adds on documents it never saw is
measured in benchmarks/ACCURACY.md, not here.
"""

from __future__ import annotations

import json

import pytest

from plankg.loaders.extract import extract_path
from plankg.loaders.goal_clauses import (
    GOALS_TAKEN,
    MODEL_PATH,
    GoalClauseModel,
    goal_clause_model,
    likeliest_goals,
    model_from_data,
)
from plankg.loaders.ngram_model import read_model_data
from plankg.loaders.task_sentences import line_sentences
from tests.support.corpus import GOLD_DIR, SEED_DOCUMENT
from tests.support.training import last_warning_without_scikit_learn, training_script

WIND_POWER_REPORT = GOLD_DIR / "sealed71" / "docs" / "pd_2025_01_08_rural_wind_power_action_report.txt"


@pytest.fixture(scope="module")
def trained() -> tuple:
    """The training script's labelled clauses and the scikit-learn model it fits on them."""
    script = training_script("train_goal_clause_model")
    features, labels = script.labelled_clauses()
    return script, features, labels, *script.fit(features, labels)


def test_the_shipped_goal_model_is_what_training_on_the_gold_gives(trained: tuple) -> None:
    script, _, labels, vectorizer, classifier = trained
    assert len(labels) > 10000 and 0 < sum(labels) < len(labels) / 5
    shipped = read_model_data(MODEL_PATH)
    retrained = script.model_data(vectorizer, classifier, clauses=len(labels))
    assert shipped["trained_on"] == retrained["trained_on"]  # a batch added since is in the training
    assert shipped["features"] == retrained["features"] and shipped["threshold"] == retrained["threshold"]
    worst = max(abs(a - b) for a, b in zip(shipped["coef"], retrained["coef"], strict=True))
    assert worst < 1e-3, f"retrain: python scripts/train_goal_clause_model.py (weights differ by {worst})"


def test_plain_python_reads_the_goal_model_as_scikit_learn_does(trained: tuple) -> None:
    script, features, labels, vectorizer, classifier = trained
    model = model_from_data(script.model_data(vectorizer, classifier, clauses=len(labels)))
    sample = [row for row, label in zip(features, labels, strict=True) if label][:50] + features[:150]
    kept = [{f: 1 for f in row if f in vectorizer.vocabulary_} for row in sample]
    expected = classifier.predict_proba(vectorizer.transform(kept))[:, 1]
    for row, p in zip(sample, expected, strict=True):
        assert abs(model.probability(row) - p) < 1e-4, row[:5]


def test_a_report_whose_rules_find_tasks_but_no_goal_gets_the_clause_the_model_holds_its_goal() -> None:
    extraction = extract_path(WIND_POWER_REPORT)
    gold = json.loads((WIND_POWER_REPORT.parent.parent / f"{WIND_POWER_REPORT.stem}.json").read_text("utf-8"))
    text = WIND_POWER_REPORT.read_text(encoding="utf-8")
    assert extraction.document.genre == "plan_report" and extraction.tasks
    assert any(w.startswith("goal model: ") for w in extraction.warnings)
    [goal] = extraction.goals
    assert text[goal.span[0] : goal.span[1]] == goal.text  # the span slices the source
    assert any(goal.name in g["text"] for g in gold["goals"]), goal.name


def test_no_goal_is_taken_below_the_threshold() -> None:
    text = WIND_POWER_REPORT.read_text(encoding="utf-8")
    shipped = goal_clause_model()
    found = likeliest_goals(text, line_sentences(text), [], "plan_report")
    assert found and all(p >= shipped.threshold for _, p in found)
    stricter = GoalClauseModel(shipped.weights, shipped.intercept, threshold=found[0][1] + 1e-6)
    assert likeliest_goals(text, line_sentences(text), [], "plan_report", stricter) == []


def test_the_next_likeliest_clause_of_another_sentence_is_a_second_goal() -> None:
    # an interpretation of the government work report's targets, never in the training: the likeliest
    # clause (在实际工作中努力争取更好结果) is an aim the gold accepts; the next likeliest, of another
    # sentence, is one of its gold goals (城镇调查失业率5.5%左右). (sealed93's Liaoning report showed this
    # first, its aim at 0.46 against a measure's 0.45; the model retrained in the thirtieth session puts them
    # at 0.42 and 0.50.)
    name = "pd_2026_03_07_government_work_report_kpi_interpretation"
    path = GOLD_DIR / "sealed95" / "docs" / f"{name}.txt"
    gold = json.loads((path.parent.parent / f"{path.stem}.json").read_text("utf-8"))
    text = path.read_text(encoding="utf-8")
    extraction = extract_path(path)
    assert len(extraction.goals) == GOALS_TAKEN == 2
    assert sum(w.startswith("goal model: ") for w in extraction.warnings) == 2
    first, second = sorted(extraction.goals, key=lambda goal: goal.span)
    assert first.span[1] <= second.span[0]  # each from a sentence of its own, in text order
    assert all(text[goal.span[0] : goal.span[1]] == goal.text for goal in extraction.goals)
    found = likeliest_goals(text, line_sentences(text), [t.span for t in extraction.tasks], "plan_report")
    (likeliest, p_first), (next_likeliest, p_second) = found
    assert p_first > p_second >= goal_clause_model().threshold
    assert text[slice(*next_likeliest.span)] in [g["text"] for g in gold["goals"]]
    assert text[slice(*likeliest.span)] in [g["text"] for g in gold["acceptable_goals"]]


def test_goals_the_rules_found_are_left_alone() -> None:
    extraction = extract_path(SEED_DOCUMENT)
    assert len(extraction.goals) == 5
    assert not any(w.startswith("goal model") for w in extraction.warnings)


def test_a_report_in_which_the_rules_find_no_task_gets_no_model_goal() -> None:
    # news of a year's training classes, read as a report: the gold holds no aim, and none is made up
    path = GOLD_DIR / "sealed2" / "docs" / "qingma_project_2025_classes_news_2025.txt"
    extraction = extract_path(path)
    assert extraction.document.genre == "plan_report"
    assert extraction.tasks == [] and extraction.goals == []
    assert not any(w.startswith("goal model") for w in extraction.warnings)


def test_the_goal_model_is_read_without_scikit_learn() -> None:
    assert last_warning_without_scikit_learn(WIND_POWER_REPORT).startswith("goal model: ")


def test_where_rules_and_model_find_no_goal_the_aim_nearest_the_headline_is_the_goal() -> None:
    # 解读 of the State Council's opinion on Shenzhen's reform pilots: the headline's words come back in the
    # text's aim (…，更好发挥深圳在全国一盘棋中的辐射带动作用), which the gold accepts as a goal
    path = GOLD_DIR / "sealed4" / "docs" / "shenzhen_reform_pilot_opinion_news_2025.txt"
    gold = json.loads((path.parent.parent / f"{path.stem}.json").read_text("utf-8"))
    extraction = extract_path(path)
    text = path.read_text(encoding="utf-8")
    assert any(w.startswith("headline: a goal at ") for w in extraction.warnings), extraction.warnings
    [goal] = extraction.goals
    assert text[goal.span[0] : goal.span[1]] == goal.text
    assert goal.name.startswith("更好发挥"), goal.name
    assert any(goal.name in accepted for accepted in gold["acceptable_goals"])


def test_a_clause_nearest_the_headline_that_tells_what_was_done_is_no_goal() -> None:
    # a photo feature on local measures: 为方便居民生活，苏州地铁…开设了社区食堂 is done, not aimed at
    path = GOLD_DIR / "sealed59" / "docs" / "pd_2025_06_18_livelihood_opinion_local_measures_report.txt"
    extraction = extract_path(path)
    assert extraction.tasks and extraction.goals == []
    assert not any(w.startswith("headline") for w in extraction.warnings)


def test_beside_the_rules_goals_the_likeliest_clause_of_a_sentence_they_miss_is_a_goal() -> None:
    # a commentary on making farming a modern industry, never in the training: the rules read its closing
    # “十五五”时期…把农业建成现代化大产业… as the goal; the model adds the aim the gold holds, which the
    # commentary quotes from the plan near its start (把农业建成现代化大产业取得重要进展)
    path = GOLD_DIR / "sealed96" / "docs" / "pd_2026_06_26_agri_modern_big_industry_commentary.txt"
    gold = json.loads((path.parent.parent / f"{path.stem}.json").read_text("utf-8"))
    text = path.read_text(encoding="utf-8")
    extraction = extract_path(path)
    assert sum(w.startswith("goal model: ") for w in extraction.warnings) == 1
    learned, ruled = extraction.goals  # in text order
    assert learned.span[1] <= ruled.span[0]
    assert all(text[goal.span[0] : goal.span[1]] == goal.text for goal in extraction.goals)
    assert any(g["text"] in learned.text for g in gold["goals"]), learned.text
    assert ruled.text.startswith("“十五五”时期")


def test_a_review_whose_rules_goals_all_look_back_gets_no_model_goal() -> None:
    # a report on the 14th disabled-persons plan's results (经过五年的努力，…进一步提升): the rules' goals
    # tell the period done and are dropped, and the gold holds no goal; the model adds none in their place
    path = GOLD_DIR / "sealed16" / "docs" / "pd_disabled_persons_14th_fyp_review_report_2025.txt"
    extraction = extract_path(path)
    assert extraction.document.genre == "plan_report" and extraction.tasks
    assert extraction.goals == []
    assert not any(w.startswith("goal model") for w in extraction.warnings)


def test_a_report_the_rules_read_nothing_in_but_surely_on_a_plan_gets_tasks_and_its_aim() -> None:
    # a readers' Q&A on the 好房子 the government work report called for (sealed63, never in the training):
    # no rule finds an aim or a measure in its prose, so it came out empty; the genre model holds it clearly
    # on a plan (p = 0.15 of news on no plan), so the sentence model reads its measures and the goal model
    # its aim, the gold's 推动建设安全、舒适、绿色、智慧的“好房子”
    path = GOLD_DIR / "sealed63" / "docs" / "pd_2025_03_23_good_housing_reader_qa.txt"
    gold = json.loads((path.parent.parent / f"{path.stem}.json").read_text("utf-8"))
    extraction = extract_path(path)
    assert extraction.document.genre == "plan_report"
    assert any(w.startswith("sentence model: ") for w in extraction.warnings)
    found = " ".join(task.text for task in extraction.tasks)
    assert sum(task["text"] in found for task in gold["tasks"]) >= 2
    assert any(g["text"] in goal.text for g in gold["goals"] for goal in extraction.goals)

"""The genre model (plankg/loaders/genre_model.py): news on no plan that the genre rules read as a report.

The shipped model must be what scripts/train_genre_model.py makes of the repository's gold, and its numpy
reading must give what scikit-learn gives. What it changes on documents it never saw is measured in
benchmarks/ACCURACY.md; here, real documents of the batches held out of its training.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from plankg.loaders.extract import extract_path
from plankg.loaders.genre import classify_genre, genre_by_rules
from plankg.loaders.genre_model import MODEL_PATH, NO_PLAN, THRESHOLD, model_text, no_plan_probability
from plankg.loaders.ngram_model import model_from_data, read_model_data
from plankg.loaders.reading import read_document
from tests.support.corpus import GOLD_DIR, SEED_DOCUMENT
from tests.support.training import training_script

# held out of the sentence and goal models' training, read after their first score and in the genre model's
# (READ_BATCHES of scripts/train_genre_model.py); gold genres not_a_plan, not_a_plan, not_a_plan and
# plan_interpretation
AI_LABEL_ENFORCEMENT = GOLD_DIR / "sealed92" / "docs" / "pd_2026_04_29_cac_ai_label_enforcement_news.txt"
BRIDE_PRICE_FEATURE = GOLD_DIR / "sealed110" / "docs" / "pd_2026_02_25_rural_bride_price_reform_feature.txt"
PRIMARY_CARE_FEATURE = (
    GOLD_DIR / "sealed92" / "docs" / "pd_2026_04_18_primary_healthcare_resources_feature.txt"
)
SCHOOL_UNIFORM_QA = GOLD_DIR / "sealed104" / "docs" / "pd_2026_09_06_school_uniform_policy_qa.txt"


@pytest.fixture(scope="module")
def trained() -> tuple:
    """The training script's labelled documents and the scikit-learn model it fits on them."""
    script = training_script("train_genre_model")
    texts, labels = script.labelled_documents()
    return script, texts, labels, *script.fit(texts, labels)


def test_the_shipped_genre_model_is_what_training_on_the_gold_gives(trained: tuple) -> None:
    script, texts, labels, vectorizer, classifier = trained
    assert len(texts) > 500 and 0 < labels.count(NO_PLAN) < len(labels) / 2
    shipped = read_model_data(MODEL_PATH)
    retrained = script.model_data(vectorizer, classifier, documents=len(texts))
    assert shipped["trained_on"] == retrained["trained_on"]  # a batch added since is in the training
    assert shipped["ngrams"] == retrained["ngrams"] and shipped["classes"] == retrained["classes"]
    worst = max(abs(a - b) for a, b in zip(shipped["coef"][0], retrained["coef"][0], strict=True))
    assert worst < 1e-3, f"retrain with: python scripts/train_genre_model.py (weights differ by {worst})"


def test_numpy_reads_the_genre_model_as_scikit_learn_does(trained: tuple) -> None:
    script, texts, _, vectorizer, classifier = trained
    model = model_from_data(script.model_data(vectorizer, classifier, documents=len(texts)))
    sample = [read_document(path).text for path in (SEED_DOCUMENT, AI_LABEL_ENFORCEMENT, BRIDE_PRICE_FEATURE)]
    sample += ["", "𠀀", "𠀀规划 \n\n A"]  # no n-gram; characters beyond the basic plane; folded spaces
    expected = classifier.predict_proba(vectorizer.transform([model_text(text) for text in sample]))
    for text, row in zip(sample, expected, strict=True):
        got = model.probabilities(model_text(text))
        assert all(abs(got[kind] - p) < 1e-6 for kind, p in zip(classifier.classes_, row, strict=True))


@pytest.mark.parametrize(
    "path", [AI_LABEL_ENFORCEMENT, BRIDE_PRICE_FEATURE, PRIMARY_CARE_FEATURE], ids=lambda p: p.stem
)
def test_news_on_no_plan_that_the_rules_read_as_a_report_yields_nothing(path: Path) -> None:
    # regression: a campaign's enforcement news and a feature on a reform under way named a plan in
    # passing; the rules read them as reports, and their measures taken became tasks. A feature on primary
    # care's resources (p = 0.40 before the model learnt from the read batches) was given a goal and tasks.
    text = read_document(path).text
    assert genre_by_rules(text).genre == "plan_report"
    decision = classify_genre(text)
    assert decision.genre == "not_a_plan"
    assert "genre model" in decision.rule and "plan_report" in decision.rule
    extraction = extract_path(path)
    assert extraction.document.genre == "not_a_plan"
    items = (extraction.goals, extraction.tasks, extraction.indicators, extraction.directions)
    assert items == ([], [], [], [])
    assert extraction.warnings[0].startswith("not a plan: not_a_plan: the genre model reads news on no plan")


def test_an_interpretation_the_model_once_silenced_keeps_its_items() -> None:
    # regression: a Q&A on school uniforms' new rules read as news on no plan (p = 0.60) lost its tasks
    text = read_document(SCHOOL_UNIFORM_QA).text
    decision = classify_genre(text)
    assert decision.genre == "plan_interpretation"
    assert decision.no_plan_probability is not None and decision.no_plan_probability < THRESHOLD
    assert extract_path(SCHOOL_UNIFORM_QA).tasks


def test_a_report_on_a_plan_stays_a_report() -> None:
    text = read_document(SEED_DOCUMENT).text
    assert no_plan_probability(text) < THRESHOLD
    assert classify_genre(text).genre == "plan_report"

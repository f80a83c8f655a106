"""Targets written as changes, rates and bounds: each indicator says what kind of target it is.

"下降15%" is a change of 15 % downwards, never a level of 15 %; "年均增长8%" is a yearly rate; "提高到24.1%"
is a level reached by rising. Sentences are typed the way 规划 texts write them.
"""

from __future__ import annotations

import pytest

from plankg.loaders.indicators import IndicatorMatch, find_indicators
from plankg.loaders.target_kinds import baseline_year, growth_kind, verb_direction


def targets(sentence: str, default_year: int | None = 2025) -> list[IndicatorMatch]:
    found = find_indicators(sentence, 0, len(sentence), default_year=default_year)
    for match in found:
        assert sentence[match.span[0] : match.span[1]], "every span slices the sentence"
    return found


def only(sentence: str) -> IndicatorMatch:
    found = targets(sentence)
    assert len(found) == 1, [(m.name, m.value, m.unit) for m in found]
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "name", "value", "unit", "comparator", "kind", "direction"),
    [
        (
            "到2025年，单位国内生产总值能源消耗下降13.5%。",
            "单位国内生产总值能源消耗",
            13.5,
            "%",
            "=",
            "change",
            "decrease",
        ),
        ("主要污染物排放总量降低20%以上。", "主要污染物排放总量", 20, "%", ">=", "change", "decrease"),
        ("用水总量较2020年减少10%。", "用水总量", 10, "%", "=", "change", "decrease"),
        (
            "数字经济核心产业增加值占GDP比重提高5个百分点。",
            "数字经济核心产业增加值占GDP比重",
            5,
            "个百分点",
            "=",
            "change",
            "increase",
        ),
        ("研发经费投入增长1倍以上。", "研发经费投入", 1, "倍", ">=", "change", "increase"),
        ("地区生产总值年均增长8%左右。", "地区生产总值", 8, "%", "=", "rate", "increase"),
        ("全社会研发经费投入年均增长7%以上。", "全社会研发经费投入", 7, "%", ">=", "rate", "increase"),
        ("软件业务收入年平均增长12%。", "软件业务收入", 12, "%", "=", "rate", "increase"),
        ("城镇调查失业率控制在5.5%以内。", "城镇调查失业率", 5.5, "%", "<=", "level", None),
        ("森林覆盖率提高到24.1%。", "森林覆盖率", 24.1, "%", ">=", "level", "increase"),
        ("引导合作机构逐步将平均担保费率降至1%以下。", "平均担保费率", 1, "%", "<=", "level", "decrease"),
        ("宽带接入能力由20Mbps提升至100Mbps。", "宽带接入能力", 100, "Mbps", "from_to", "level", "increase"),
        (
            "审批时间由60个工作日压缩至20个工作日。",
            "审批时间",
            20,
            "个工作日",
            "from_to",
            "level",
            "decrease",
        ),
        ("全市光纤到户覆盖家庭达到200万户以上。", "光纤到户覆盖家庭", 200, "万户", ">=", "level", None),
    ],
)
def test_kind_and_direction(
    sentence: str, name: str, value: float, unit: str, comparator: str, kind: str, direction: str | None
) -> None:
    match = only(sentence)
    assert (match.name, match.value, match.unit, match.comparator) == (name, value, unit, comparator)
    assert (match.target_kind, match.direction) == (kind, direction)


def test_a_change_is_never_a_level_of_its_number() -> None:
    decrease = only("“十四五”期间，单位地区生产总值二氧化碳排放下降18%。")
    assert (decrease.value, decrease.unit, decrease.target_kind, decrease.direction) == (
        18,
        "%",
        "change",
        "decrease",
    )
    level = only("到2025年，优良天数比例达到87.5%。")
    assert (level.value, level.unit, level.target_kind, level.direction) == (87.5, "%", "level", None)


def test_the_baseline_year_of_a_change_is_not_its_target_year() -> None:
    match = only("到2025年，单位地区生产总值二氧化碳排放比2020年降低18%。")
    assert (match.baseline_year, match.target_year) == (2020, 2025)
    assert match.name == "单位地区生产总值二氧化碳排放"
    without_target = only("单位地区生产总值能耗与2020年相比下降13.5%。")
    assert (without_target.baseline_year, without_target.target_year) == (2020, 2025)  # the plan's end


def test_a_target_for_a_five_year_period_is_due_at_its_last_year() -> None:
    match = only("“十四五”期间，新增保障性租赁住房供应套数占新增住房供应套数的比例力争达到30%以上。")
    assert (match.value, match.target_year) == (30, 2025)
    assert only("十三五末，全省森林覆盖率达到40%。").target_year == 2020
    assert only("“十四五”期间，到2027年全省森林覆盖率达到40%。").target_year == 2027  # a year named after it
    # no such period is known: the plan's own end year stands (and nothing crashes)
    assert only("“十六五”期间，全省森林覆盖率达到40%。").target_year == 2025


@pytest.mark.parametrize(
    ("sentence", "name", "value", "factor", "comparator"),
    [
        ("到2030年，城乡居民人均收入比2020年翻一番。", "城乡居民人均收入", 1, 2, "="),
        ("数字经济规模翻两番。", "数字经济规模", 2, 4, "="),
        ("力争全市软件业务收入实现翻番。", "软件业务收入", 1, 2, "="),
    ],
)
def test_doubling(sentence: str, name: str, value: int, factor: int, comparator: str) -> None:
    match = only(sentence)
    assert (match.name, match.value, match.unit, match.comparator) == (name, value, "番", comparator)
    assert (match.normalized_value, match.normalized_unit) == (factor, "倍")
    assert (match.target_kind, match.direction) == ("change", "increase")
    assert sentence[match.span[0] : match.span[1]].endswith("番")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "PM2.5浓度≤35微克/立方米，优良天数比例≥85%。",
            [("PM2.5浓度", 35, "<="), ("优良天数比例", 85, ">=")],
        ),
        ("每千人口床位数＜1张。", [("每千人口床位数", 1, "<")]),
        ("平均响应时间<1秒。", [("平均响应时间", 1, "<")]),
        ("骨干网时延‹1毫秒。", [("骨干网时延", 1, "<")]),
        (
            "担保金额占比不得低于80%，担保费率不宜超过1.5%。",
            [("担保金额占比", 80, ">="), ("担保费率", 1.5, "<=")],
        ),
    ],
)
def test_symbols_and_negated_bounds(sentence: str, expected: list[tuple[str, float, str]]) -> None:
    assert [(m.name, m.value, m.comparator) for m in targets(sentence)] == expected


def test_growth_after_a_share_names_the_quantity_that_grows() -> None:
    share, growth = targets("到2022年，数字经济增加值占GDP的比重达到50%以上，年平均增长30%以上。")
    assert share.name == "数字经济增加值占GDP的比重" and share.target_kind == "level"
    assert (growth.name, growth.value, growth.target_kind, growth.direction) == (
        "数字经济增加值",
        30,
        "rate",
        "increase",
    )


def test_kind_helpers() -> None:
    assert growth_kind("地区生产总值年均") == "rate"
    assert growth_kind("单位GDP能耗比2020年") == "change"  # a baseline year, not a yearly rate
    assert growth_kind("营业收入比上年") == "change"
    assert verb_direction("降至") == "decrease" and verb_direction("提升至") == "increase"
    assert verb_direction("控制在") is None
    assert baseline_year("单位GDP能耗较2020年底") == 2020
    assert baseline_year("单位GDP能耗") is None


def test_a_formula_is_not_a_target() -> None:
    assert targets("日间手术占比=日间手术台次数/同期出院患者择期手术总台次数×100%。") == []


def test_a_fraction_is_a_share_and_an_amount_before_a_count_qualifies_it() -> None:
    share = only("到2025年，高技术产业外资占比超三分之一。")
    assert (share.name, share.value, share.unit, share.comparator) == ("高技术产业外资占比", 33.33, "%", ">")
    counted = targets("引进总投资超10亿元的内资产业项目500个，其中超20亿元项目200个、超50亿元项目100个。")
    assert [(m.name, m.value, m.unit, m.comparator) for m in counted] == [
        ("内资产业项目", 500, "个", "="),
        ("超20亿元项目", 200, "个", "="),
        ("超50亿元项目", 100, "个", "="),
    ]


def test_a_level_raised_from_one_clause_to_the_next_is_one_target_named_before_from() -> None:
    sentence = "将省级卓越工程师专项从每年培养20人，扩容至每年培养150人，支持开展工程技术项目研究。"
    assert [(m.name, m.value, m.unit) for m in find_indicators(sentence, 0, len(sentence))] == [
        ("省级卓越工程师专项", 150, "人")
    ]

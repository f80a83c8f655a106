"""Extractor behaviour on the real corpus and on hand-written sentences: spans, ids, shape, CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from plankg.loaders import DocumentReadError, extract_path, extract_text, to_plan_subgraph
from plankg.loaders.indicators import find_indicators
from plankg.loaders.structure import chinese_to_number, heading_count
from tests.support.corpus import GOLD_DIR, REPO, corpus_dir

PLANKG = [sys.executable, "-c", "from plankg.cli import app; app()"]  # the console script, same interpreter


def all_documents() -> list[Path]:
    return sorted(corpus_dir().glob("*.txt")) + sorted((GOLD_DIR / "docs").glob("*.txt"))


@pytest.fixture(scope="module", params=all_documents(), ids=lambda p: p.stem)
def document(request: pytest.FixtureRequest) -> Path:
    return request.param


def test_every_span_indexes_its_text(document: Path) -> None:
    extraction = extract_path(document)
    text = document.read_text(encoding="utf-8")
    assert extraction.document.chars == len(text)
    for record in (*extraction.goals, *extraction.directions, *extraction.tasks):
        start, end = record.span
        assert text[start:end] == record.text
        assert record.name and record.name in record.text
    for indicator in extraction.indicators:
        start, end = indicator.span
        assert 0 <= start < end <= len(text)
        assert text[start:end] == indicator.text
    for link in extraction.links:
        start, end = link.span
        assert 0 <= start < end <= len(text), link
    if extraction.plan.span is not None:
        start, end = extraction.plan.span
        assert text[start:end].replace(" ", "") == extraction.plan.title


def test_ids_are_stable_ascii_and_unique(document: Path) -> None:
    first = extract_path(document)
    second = extract_path(document)
    assert first.model_dump() == second.model_dump()
    ids = [r.id for r in (*first.goals, *first.directions, *first.tasks, *first.indicators)]
    assert len(ids) == len(set(ids))
    assert all(i.isascii() and i.startswith(first.plan.id + "-") for i in ids)
    assert first.document.id == "doc-" + first.document.sha256[:16]


def test_plan_id_survives_a_revision() -> None:
    seed = next(p for p in all_documents() if p.stem.startswith("qingdao"))
    text = seed.read_text(encoding="utf-8")
    original = extract_text(text)
    revised = extract_text(text.replace("初步构建泛在", "基本构建泛在") + "\n（本文有修订）\n")
    assert original.document.id != revised.document.id
    assert original.plan.id == revised.plan.id
    assert [g.id for g in original.goals] == [g.id for g in revised.goals]


def test_plan_subgraph_passes_the_ontology(document: Path) -> None:
    extraction = extract_path(document)
    text = document.read_text(encoding="utf-8")
    graph = to_plan_subgraph(extraction, text)
    labels = {n.label for n in graph.nodes}
    assert "Plan" in labels
    plan = next(n for n in graph.nodes if n.label == "Plan")
    assert plan.properties["source_text"] == text
    for rel in graph.relationships:
        assert {"doc_id", "span_start", "span_end", "score", "method"} <= set(rel.properties)
        start, end = rel.properties["span_start"], rel.properties["span_end"]
        assert isinstance(start, int) and isinstance(end, int)
        assert 0 <= start <= end <= len(text)
    has_task = [r for r in graph.relationships if r.type == "HAS_TASK"]
    assert len(has_task) == len([t for t in extraction.tasks if t.parent is None])


def run_shape_checker(document: Path, json_text: str) -> subprocess.CompletedProcess[str]:
    checker = corpus_dir().parent / "tools" / "check_extract_shape.py"
    return subprocess.run(
        [sys.executable, str(checker), str(document)], input=json_text, capture_output=True, text=True
    )


def test_shape_checker_passes(document: Path) -> None:
    data = extract_path(document).model_dump(mode="json")
    checked = run_shape_checker(document, json.dumps(data, ensure_ascii=False))
    assert checked.returncode == 0, checked.stdout


@pytest.mark.parametrize(
    "name", ["qingdao-informatization-13th-fyp", "state-council-2019-4-vocational-education-reform"]
)
def test_shape_checker_passes_on_cli_json(name: str) -> None:
    document = corpus_dir() / f"{name}.txt"
    produced = subprocess.run(
        [*PLANKG, "extract", str(document), "--json"], capture_output=True, text=True, check=True, cwd=REPO
    )
    data = json.loads(produced.stdout)
    assert data == json.loads(json.dumps(extract_path(document).model_dump(mode="json")))
    checked = run_shape_checker(document, produced.stdout)
    assert checked.returncode == 0, checked.stdout


def test_cli_bad_input_exits_2_with_the_reason(tmp_path: Path) -> None:
    binary = tmp_path / "plan.txt"
    binary.write_bytes(b"\x00\x01\x02\x03" * 50)
    for path in (binary, tmp_path / "missing.txt"):
        result = subprocess.run(
            [*PLANKG, "extract", str(path), "--json"],
            capture_output=True,
            text=True,
            cwd=REPO,
            env={**os.environ},
        )
        assert result.returncode == 2
        assert result.stdout == ""
        assert str(path) in result.stderr
    with pytest.raises(DocumentReadError):
        extract_path(tmp_path / "missing.txt")


def test_cli_tree_lists_the_items() -> None:
    seed = next(p for p in all_documents() if p.stem.startswith("qingdao"))
    result = subprocess.run(
        [*PLANKG, "extract", str(seed)],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
        env={**os.environ, "COLUMNS": "200"},
    )
    for expected in (
        "基础支撑能级跃升",
        "推动基于大数据的精细化建设",
        "建设规范有序的信息安全体系",
        "互联网用户数",
    ):
        assert expected in result.stdout


# ---------------------------------------------------------------- hand-written sentences


def indicators_of(sentence: str) -> list[tuple[float, str, str]]:
    return [(m.value, m.unit, m.comparator) for m in find_indicators(sentence, 0, len(sentence))]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("到2025年，全市5G基站数量达到3万个以上。", [(3, "万个", ">=")]),
        ("单位地区生产总值能耗下降13.5%左右。", [(13.5, "%", "=")]),
        ("新建大型数据中心PUE值不超过1.25。", [(1.25, "", "<=")]),
        ("项目审批时间由60个工作日压缩至20个工作日。", [(20, "个工作日", "from_to")]),
        ("培育两千五百家科技型中小企业。", [(2500, "家", "=")]),
        ("打造五个千亿级产业集群。", [(5, "个", "=")]),
        ("城镇新增就业不少于50万人。", [(50, "万人", ">=")]),
        ("森林覆盖率稳定在45%。", [(45, "%", "=")]),
        ("细颗粒物年均浓度控制在35微克/立方米以内。", [(35, "微克/立方米", "<=")]),
        ("人均公园绿地面积达到15平方米/人。", [(15, "平方米/人", ">=")]),
        ("“一件事一次办”事项拓展到200个。", [(200, "个", ">=")]),
        ("在交通、水务等领域部署智能感知终端10万个。", [(10, "万个", "=")]),
        ("新建住宅小区按每百户不低于20平方米的标准配建养老服务设施。", [(20, "平方米", ">=")]),
    ],
)
def test_targets_are_indicators(sentence: str, expected: list[tuple[float, str, str]]) -> None:
    assert indicators_of(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "深入贯彻党的十九大和十九届二中、三中全会精神，落实“十四五”规划。",
        "推动IPv6规模部署，加快5G和4K超高清应用，建设“1+N”平台体系。",
        "按照《中国制造2025》部署，打造工业4.0示范，形成创新2.0生态。",
        "从2019年开始，每3年修订1次教材，经过5—10年左右时间基本完成转变。",
        "本办法自2021年4月2日起施行，国发〔2019〕4号同时废止。",
        "第一，坚持创新驱动；一体化推进，一网通办，一次认证。",
        "培育年产值超10亿元的企业。",
    ],
)
def test_non_targets_are_not_indicators(sentence: str) -> None:
    found = indicators_of(sentence)
    assert found == [], found


def names_of(sentence: str) -> list[str]:
    return [m.name for m in find_indicators(sentence, 0, len(sentence))]


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        # leads, action chains and hedges are not what is measured
        ("到2025年，全市5G基站数量达到3万个以上。", ["5G基站数量"]),
        ("各地在继续巩固落实好高等职业教育生均财政拨款水平达到12000元。", ["高等职业教育生均财政拨款水平"]),
        ("到2022年底接入部门业务系统不少于200个。", ["部门业务系统"]),
        # 提至: rises to (a real interpretation of the logistics-network plan, sealed46)
        ("到2030年国家综合立体交通网主骨架建成率将提至95%。", ["国家综合立体交通网主骨架建成率"]),
        # 为到2035年…打下基础: the aim served, not a name (a real briefing on the 15th outline, sealed40)
        ("为到2035年人均国内生产总值比2020年翻一番打下坚实基础。", ["人均国内生产总值"]),
        ("单位地区生产总值能耗下降13.5%左右。", ["单位地区生产总值能耗"]),
        ("基本医疗保险参保率稳定在95%以上，及时办结率达到98%。", ["基本医疗保险参保率", "及时办结率"]),
        # a share is named as one, without the bracketed explanation or hedge inside it
        (
            "“双师型”教师（同时具备理论教学和实践教学能力的教师）占专业课教师总数超过一半。",
            ["“双师型”教师占专业课教师总数比例"],
        ),
        ("实践性教学课时原则上占总课时一半以上。", ["实践性教学课时占总课时比例"]),
        (
            "核心产业增加值突破7000亿元，占全市GDP比重达到30%左右。",
            ["核心产业增加值", "核心产业增加值占全市GDP比重"],
        ),
        # what is counted, not what is done with it; a verb alone borrows its object
        ("推动职业院校在10个左右技术技能人才紧缺领域大力开展职业培训。", ["技术技能人才紧缺领域"]),
        ("到2025年累计培养培训养老护理员10万人次。", ["养老护理员"]),
        ("对困难老年人家庭实施适老化改造，改造不少于5万户。", ["适老化改造"]),
        # a count completed is of the work the clause before names (a real Jing'an plan, sealed7)
        (
            "机动车道井盖井框处置，完成400个；桥头跳车整治，完成48处。",
            ["机动车道井盖井框处置", "桥头跳车整治"],
        ),
        ("教师每年至少1个月在企业或实训基地实训。", ["教师每年在企业或实训基地实训时间"]),
        # lists: a verb or comparator shared by the items, 分别 pairing names and numbers in order
        ("累计建成省级智能制造示范工厂200家、数字化车间1000个。", ["省级智能制造示范工厂", "数字化车间"]),
        ("5G基站、千兆光纤用户分别达到3万个、100万户。", ["5G基站", "千兆光纤用户"]),
        (
            "城镇和农村居民人均可支配收入分别增长7%和8%。",
            ["城镇居民人均可支配收入", "农村居民人均可支配收入"],
        ),
        (
            "信息服务业经营收入年均增长12%，到2020年达到3000亿元。",
            ["信息服务业经营收入", "信息服务业经营收入"],
        ),
        ("在重点产业集群建设一批数字化转型促进中心，每个市州至少建设1个。", ["数字化转型促进中心"]),
        # a bare measure word takes its sentence's subject; a quoted clause is not the sentence's
        (
            "为落实“长期坚持，适当扩大规模”的精神，内地西藏初中班从现有基础上逐步扩大，1998年达到2000人的规模。",
            ["内地西藏初中班规模"],
        ),
        ("到2025年，培训规模达到10万人次。", ["培训规模"]),
        ("其中单户担保金额500万元及以下的占比不得低于50%。", ["单户担保金额500万元及以下的占比"]),
        # a name a little over the usual length is not cut inside a word; hedges and leads are no part of it
        (
            "原则上国家融资担保基金和银行业金融机构承担的风险责任比例均不低于20%。",
            ["国家融资担保基金和银行业金融机构承担的风险责任比例"],
        ),
        ("省政府印发《行动计划》，提出到2020年数字经济总量占GDP比重达40%以上。", ["数字经济总量占GDP比重"]),
        ("未来三年武汉全市数字经济增加值占GDP比重超过50%。", ["武汉全市数字经济增加值占GDP比重"]),
    ],
)
def test_indicator_names_say_what_is_measured(sentence: str, names: list[str]) -> None:
    assert names_of(sentence) == names


def test_chinese_numerals_and_counts() -> None:
    assert chinese_to_number("两千五百") == 2500
    assert chinese_to_number("一千") == 1000
    assert chinese_to_number("二十五") == 25
    assert chinese_to_number("十三五") is None
    assert heading_count("完成八大任务：") == (8, "task")
    assert heading_count("锁定四个重点方向") == (4, "direction")


def test_count_mismatch_is_a_warning() -> None:
    text = (
        "某市信息化规划\n实现三大目标：\n网络能力跃升。全市宽带接入能力达到1000Mbps。\n"
        "数字经济壮大。数字经济核心产业增加值达到500亿元。\n"
    )
    extraction = extract_text(text)
    assert [g.name for g in extraction.goals] == ["网络能力跃升", "数字经济壮大"]
    assert any("3" in w and "2" in w for w in extraction.warnings)


def test_half_width_punctuation_reads_like_full_width() -> None:
    seed = next(p for p in all_documents() if p.stem.startswith("qingdao"))
    text = seed.read_text(encoding="utf-8")
    half = text.translate(str.maketrans({"。": ".", "，": ",", "；": ";", "：": ":", "（": "(", "）": ")"}))
    full, narrow = extract_text(text), extract_text(half)
    assert [g.name for g in narrow.goals] == [g.name for g in full.goals]
    assert len(narrow.tasks) == len(full.tasks)
    assert [(i.value, i.unit, i.comparator) for i in narrow.indicators] == [
        (i.value, i.unit, i.comparator) for i in full.indicators
    ]


def test_indicator_table_rows_and_cell_per_line_tables() -> None:
    text = (
        "某市“十四五”规划\n第二章 发展目标\n到2025年，综合实力显著增强。\n"
        "创新能力明显增强。研发经费投入强度提高到3%。\n"
        "表1 主要指标\n类别\n指标\n单位\n2020年\n2025年\n属性\n经济发展\n数字经济核心产业增加值占GDP比重\n%\n"
        "8.5\n12\n预期性\n研发经费投入强度（%）\n2.5\n≥3\n预期性\n"
        "第三章 主要任务\n第一节 建设现代产业体系\n加快发展先进制造业，建设10个特色产业园区。\n"
    )
    extraction = extract_text(text)
    assert [g.name for g in extraction.goals] == ["创新能力明显增强"]  # the table is not a goal
    rows = {(i.name, i.value, i.unit, i.comparator, i.baseline) for i in extraction.indicators}
    assert ("数字经济核心产业增加值占GDP比重", 12, "%", "from_to", 8.5) in rows
    assert ("研发经费投入强度", 3, "%", ">=", 2.5) in rows
    assert [t.name for t in extraction.tasks if t.parent is None] == ["建设现代产业体系"]


def test_items_listed_inline_in_a_news_paragraph() -> None:
    text = (
        "我市出台数字经济行动计划\n日前，武汉市人民政府印发《武汉市数字经济发展三年行动计划（2022-2024年）》。\n"
        "《行动计划》提出三大目标：一是数字产业规模持续扩大，核心产业增加值突破3000亿元；二是数字基础设施全面领先；"
        "三是数字化转型成效明显。\n围绕上述目标，《行动计划》部署了四项重点任务：一是实施数字产业倍增工程；"
        "二是实施新基建提速工程；三是实施企业上云工程；四是实施数字治理提升工程。\n"
    )
    extraction = extract_text(text)
    assert extraction.plan.region == "武汉"
    assert (extraction.plan.period_start, extraction.plan.period_end) == (2022, 2024)
    assert [g.name for g in extraction.goals] == [
        "数字产业规模持续扩大",
        "数字基础设施全面领先",
        "数字化转型成效明显",
    ]
    assert len([t for t in extraction.tasks if t.parent is None]) == 4
    assert extraction.indicators[0].subject == extraction.goals[0].id


def test_question_headings_of_an_interpretation() -> None:
    text = (
        "《某市“十四五”生态环境保护规划》解读\n近日，某市人民政府印发《某市“十四五”生态环境保护规划》。\n"
        "一、《规划》出台的背景是什么？\n“十三五”期间，空气质量优良天数比例达到81%。\n"
        "二、《规划》的主要目标有哪些？\n《规划》明确了两大目标。一是环境质量持续改善。优良天数比例达到85%以上。"
        "二是治理能力显著增强。监测网络实现全覆盖。\n"
        "三、《规划》部署了哪些重点任务？\n围绕上述目标，《规划》提出了两项重点任务。\n"
        "一是打好蓝天保卫战。完成200家企业深度治理。\n二是打好碧水保卫战。污水集中收集率达到75%。\n"
        "四、如何确保《规划》落地见效？\n市财政每年安排专项资金不低于3亿元。\n"
    )
    extraction = extract_text(text)
    assert [g.name for g in extraction.goals] == ["环境质量持续改善", "治理能力显著增强"]
    assert [t.name for t in extraction.tasks if t.parent is None] == ["打好蓝天保卫战", "打好碧水保卫战"]
    assert sorted(i.value for i in extraction.indicators) == [75, 85, 200]  # not 81 (past), not 3 (funds)
    assert extraction.warnings == []


def test_principles_are_not_directions() -> None:
    """Directions are what a document names as directions (方向); its 基本原则 (坚持…) are not (issue 10)."""
    text = (
        "某省关于推进养老服务发展的指导意见\n一、总体要求\n（一）指导思想。以习近平新时代中国特色社会主义思想为指导，"
        "坚持以人民为中心的发展思想。\n（二）基本原则。坚持政府主导、多元参与，强化兜底职能。"
        "坚持保障基本、普惠多样，满足多样化需求。\n二、发展居家养老服务\n（三）完善社区设施。新建社区配建养老设施。\n"
    )
    extraction = extract_text(text)
    assert extraction.directions == []
    assert [t.name for t in extraction.tasks if t.parent is None] == ["发展居家养老服务"]


def test_single_space_indicator_table() -> None:
    text = (
        "某省“十四五”数字政府建设规划\n第一章 发展目标\n到2025年，数字政府基本建成。\n"
        "专栏1 主要指标\n序号 指标名称 2020年 2025年 属性\n1 政务服务事项全程网办率（%） 65 ≥90 预期性\n"
        "2 “一件事一次办”事项（个） 50 200 预期性\n"
        "第二章 建设数字基础设施\n第一节 整合政务云\n推进政务云整合。\n"
    )
    extraction = extract_text(text)
    rows = {(i.name, i.value, i.unit, i.comparator, i.baseline) for i in extraction.indicators}
    assert ("政务服务事项全程网办率", 90, "%", ">=", 65) in rows
    assert ("“一件事一次办”事项", 200, "个", "from_to", 50) in rows
    assert not any("专栏" in g.name or "序号" in g.name for g in extraction.goals)
    assert [t.name for t in extraction.tasks if t.parent is None] == ["建设数字基础设施"]


def test_web_page_furniture_after_the_signature_is_not_the_plan() -> None:
    text = (
        "首页\n政务公开\n当前位置：首页 > 政策文件\n某市人民政府办公室关于加快养老服务发展的实施意见\n"
        "一、重点任务\n（一）发展家庭养老床位。到2025年建设家庭养老床位2万张。\n"
        "二、保障措施\n（二）加强组织领导。建立联席会议制度。\n（三）加大资金投入。福彩公益金用于养老的比例不低于55%。\n"
        "某市人民政府办公室\n2021年9月26日\n分享到：微信 微博\n相关链接\n"
        "《关于加快养老服务发展的实施意见》政策解读\n"
        "主办：某市人民政府办公室　网站标识码：1234567890\n"
    )
    extraction = extract_text(text)
    assert extraction.plan.title == "某市人民政府办公室关于加快养老服务发展的实施意见"
    assert extraction.plan.issuer == "某市人民政府办公室"
    assert [t.name for t in extraction.tasks if t.parent is None] == ["发展家庭养老床位"]
    assert [(i.value, i.unit) for i in extraction.indicators] == [(2, "万张")]


def test_questions_and_answers_of_a_press_interview() -> None:
    text = (
        "市发展改革委负责同志就《某市数字经济行动方案（2022—2024年）》答记者问\n"
        "近日，市政府办公室印发《某市数字经济行动方案（2022—2024年）》（以下简称《方案》）。\n"
        "问：《方案》出台的背景是什么？\n答：2021年，我市数字经济核心产业增加值达到800亿元。\n"
        "问：《方案》提出了哪些主要目标？\n"
        "答：《方案》提出，到2024年，全市数字经济核心产业增加值突破1200亿元，年均增长15%以上。\n"
        "问：《方案》部署了哪些重点任务？\n"
        "答：《方案》部署了三项重点任务：一是培育一批数字产业集群；二是打造智能工厂50个；三是推出应用场景100个。\n"
        "问：如何保障《方案》落地？\n答：市财政每年安排专项资金5亿元。\n"
    )
    extraction = extract_text(text)
    assert extraction.plan.title == "某市数字经济行动方案（2022—2024年）"
    assert [g.name for g in extraction.goals] == ["全市数字经济核心产业增加值突破1200亿元，年均增长15%以上"]
    assert [t.name for t in extraction.tasks] == [
        "培育一批数字产业集群",
        "打造智能工厂50个",
        "推出应用场景100个",
    ]
    found = [(i.name, i.value) for i in extraction.indicators]
    assert found == [
        ("数字经济核心产业增加值", 1200),
        ("数字经济核心产业增加值", 15),
        ("智能工厂", 50),
        ("应用场景", 100),
    ]
    assert extraction.warnings == []


def test_a_reference_to_an_annex_is_no_part_of_an_indicator_name() -> None:
    text = (
        "国务院办公厅转发国家教委关于内地西藏班扩大规模有关问题请示的通知\n"
        "国务院：\n"
        "内地西藏初中班从现有招生规模基础上逐步扩大。现提出如下意见：\n"
        "一、逐年扩招，分步实施\n"
        "（一）扩大内地西藏初中班招生规模，从1996年开始逐年扩招，至1998年达到2000名的招生规模（见附表）。\n"
    )
    assert [(i.name, i.value, i.unit) for i in extract_text(text).indicators] == [("招生规模", 2000, "名")]


def test_a_goals_target_restated_by_its_task_is_one_indicator() -> None:
    text = (
        "上海市绿色建筑“十四五”规划\n"
        "二、发展目标\n"
        "至2025年，创建绿色生态城区项目25项以上，化学需氧量排放总量下降8%，氨氮排放总量下降8%。\n"
        "三、主要任务\n"
        "（一）推进绿色生态城区建设。全面推进试点项目落地，至2025年本市创建绿色生态城区项目25项以上。\n"
    )
    found = [(i.name, i.value) for i in extract_text(text).indicators]
    assert found.count(("绿色生态城区项目", 25)) == 1  # stated in the goals, restated by the task
    assert ("化学需氧量排放总量", 8) in found and ("氨氮排放总量", 8) in found  # one value, two measures


def test_a_measure_referred_back_to_keeps_its_name() -> None:
    # regression from a real People's Daily report (sealed96): …覆盖率达到73%左右，到2030年，这一占比将达到75%
    # named the second target 这一占比, what no reader can compare across plans
    name = "pd_2026_06_16_metro_commute_corridor_plan_report.txt"
    found = [(i.name, i.value) for i in extract_path(REPO / "tests/gold/sealed96/docs" / name).indicators]
    share = "主要都市圈内具备一小时通勤条件人口的覆盖率"
    assert (share, 73) in found and (share, 75) in found
    sentence = "到2027年，新能源汽车销量占比达到40%，到2030年，该比例提高到50%。"
    assert [m.name for m in find_indicators(sentence, 0, len(sentence))] == ["新能源汽车销量占比"] * 2


def test_graduates_a_plan_aims_to_take_in_are_counted_as_people() -> None:
    # regression from a real People's Daily report on Guangdong's talent plan (sealed57): 行动计划的目标是
    # 吸纳100万高校毕业生来粤就业创业 gave no indicator (吸纳 not read as what counts, 万 before the people)
    name = "pd_2025_03_17_guangdong_million_talents_news.txt"
    path = REPO / "tests/gold/sealed57/docs" / name
    assert [(i.value, i.unit) for i in extract_path(path).indicators] == [(100.0, "万人")]
    sentence = "到2027年，培训50万农民工。"  # people counted after a bare 万, as before
    assert [(m.value, m.unit) for m in find_indicators(sentence, 0, len(sentence))] == [(50.0, "万人")]


def test_what_a_plan_opens_develops_or_installs_is_named_by_the_thing_counted() -> None:
    # regression from a real interpretation of the smart-shipping plan (sealed7): 开辟5条以上智能航运试点航线
    # was named by the words before its verb, not by the routes it counts
    name = "pd_smart_shipping_2030_plan_jiedu_2026.txt"
    path = REPO / "tests/gold/sealed7/docs" / name
    found = [(i.name, i.value, i.unit) for i in extract_path(path).indicators]
    assert ("智能航运试点航线", 5.0, "条") in found
    sentence = "到2027年，开发15万个以上政策性岗位，安装家用燃气报警装置10万户。"
    found = [(m.name, m.value, m.unit) for m in find_indicators(sentence, 0, len(sentence))]
    assert found == [("政策性岗位", 15.0, "万个"), ("家用燃气报警装置", 10.0, "万户")]


def test_a_count_between_a_verb_and_what_it_builds_is_named_by_what_follows() -> None:
    # regression from Shanghai's 15th water-system plan (sealed5): 统筹推进约600公里集中连片中小河道治理 was
    # named 统筹推进 (the hedge 约 before the number kept the verb as the name), not the works it counts
    path = REPO / "tests/gold/sealed5/docs" / "sh_water_system_15th_fyp_2026.txt"
    found = [(i.name, i.value, i.unit) for i in extract_path(path).indicators]
    assert ("集中连片中小河道治理", 600.0, "公里") in found
    sentence = "到2030年，同步推进约30万户农村生活污水治理，结合新城建设等新建不少于50座社区公园。"
    found = [(m.name, m.value, m.unit) for m in find_indicators(sentence, 0, len(sentence))]
    assert found == [("农村生活污水治理", 30.0, "万户"), ("社区公园", 50.0, "座")]


def test_a_modal_and_an_aside_are_no_part_of_an_indicator_name() -> None:
    # regression from Shanghai's transport photovoltaics plan: …光伏装机容量确保达到120MW，力争达到180MW
    # （本方案口径不含物流仓储领域） gave the names …装机容量确保 and the bracketed aside
    path = REPO / "tests/gold/last/docs" / "sh_transport_pv_plan_2023.txt"
    found = [(i.name, i.value) for i in extract_path(path).indicators if i.unit == "MW"]
    assert found == [("交通领域新增光伏装机容量", 120.0), ("交通领域新增光伏装机容量", 180.0)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("区城管执法局遴选10至20个住宅小区先行先试。", [(10.0, "个", ">=")]),  # a range: at least its low end
        ("建设周期由22个工作日压缩至10个工作日。", [(10.0, "个工作日", "from_to")]),
        ("对本县住宅电表容量扩大至8000瓦。", [(8000.0, "瓦", ">=")]),
        ("实施期限为2024年至2026年。", []),  # years, no range of counts
    ],
)
def test_zhi_closes_a_range_only_after_a_number(text: str, expected: list[tuple[float, str, str]]) -> None:
    # unit test (texts written for it, the first from a sealed164 plan's 遴选10至20个住宅小区): 至 after a
    # number is a range, read like 3—5个 as at least its low end; after a verb (扩大至) it is a level aimed at
    found = find_indicators(text, 0, len(text))
    assert [(m.value, m.unit, m.comparator) for m in found] == expected

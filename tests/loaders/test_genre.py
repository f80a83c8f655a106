"""Genre first: each rule of loaders/genre.py on a short text, then every real corpus document of the
dev scope against tests/gold/real/genres.yaml; a not_a_plan yields nothing, is skipped by `plankg load`
unless --force and refused by POST /plans (422 problem+json) unless force=true, on both backends."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from fastapi.testclient import TestClient
from typer.testing import CliRunner, Result

from plankg.api import create_app
from plankg.cli import app
from plankg.graph import GraphStore, open_store
from plankg.loaders import extract_path, extract_text
from plankg.loaders.genre import classify_genre, genre_by_rules
from plankg.pipeline import load_path
from plankg.settings import get_settings
from tests.support.api import API_KEY, api_settings, assert_problem
from tests.support.corpus import REPO, corpus_dir

REAL_GOLD = REPO / "tests" / "gold" / "real"
NOT_A_PLAN = "gov-2019/gov14.txt"  # 国务院关于河北雄安新区总体规划（2018—2035年）的批复: an approval

SHORT_TEXTS = [
    (
        "国务院办公厅关于加快发展体育竞赛表演产业的\n指导意见\n国办发〔2018〕121号\n一、总体要求\n",
        "plan",
        "指导意见",
    ),
    ("青岛市信息化“十三五”发展规划（2016-2020年）\n第一章 发展基础\n", "plan", "规划"),
    (
        "国务院关于印发国家职业教育改革实施方案的通知\n国发〔2019〕4号\n现将《方案》印发给你们。\n",
        "plan",
        "实施方案",
    ),
    ("国务院关于印发个人所得税专项附加扣除暂行办法的通知\n国发〔2018〕41号\n", "not_a_plan", "暂行办法"),
    ("国务院办公厅转发民政部关于清理整顿社会团体意见的通知\n国办发〔1997〕11号\n", "plan", "意见"),
    ("国务院办公厅转发国家教委关于扩大规模有关问题请示的通知\n国办发〔1996〕32号\n", "plan", "请示"),
    ("国务院关于河北雄安新区总体规划（2018—2035年）的批复\n国函〔2018〕159号\n", "not_a_plan", "批复"),
    ("国务院办公厅关于科技节水建议的复函国办函〔2005〕21号\n马万祺副主席：\n", "not_a_plan", "复函"),
    ("国务院办公厅对全国政协十届四次会议\n第4626号提案的答复\n国办函〔2006〕82号\n", "not_a_plan", "答复"),
    ("国务院关于2018年度\n国家科学技术奖励的决定\n国发〔2018〕44号\n", "not_a_plan", "决定"),
    ("国务院办公厅关于调整国家教材委员会组成人员的通知\n国办发〔2018〕109号\n", "not_a_plan", "组成人员"),
    ("国务院办公厅关于2020年部分节假日安排的通知\n国办发明电〔2019〕16号\n", "not_a_plan", "节假日"),
    (
        "国务院办公厅关于开展城镇小区配套幼儿园治理工作的通知\n国办发〔2019〕3号\n"
        "一、摸底排查。\n二、分类治理。\n三、规范使用。\n四、加强监管。\n",
        "plan",
        "通知",
    ),
    (
        "上海市住房和城乡建设管理委员会关于开展2024年本市海绵城市建设工作的函\n沪建综规〔2024〕61号\n"
        "一、工作目标\n本市新增城市建成区50平方公里达到海绵城市建设要求。\n二、相关要求\n"
        "（一）开展达标评估工作。\n（二）强化海绵示范项目建设。\n（三）编制海绵系统方案。\n",
        "plan",
        "函",
    ),
    (
        "上海市住房和城乡建设管理委员会关于开展2025年上海市工程勘察设计大师培育行动的通知\n沪建建管〔2025〕242号\n"
        "一、培育范围\n（一）专业分类\n（二）人数分配\n二、基本条件\n1.拥护中国共产党领导。\n"
        "三、申报程序\n（一）个人申报。\n（二）单位推荐。\n四、工作要求\n",
        "not_a_plan",
        "基本条件",
    ),
    (
        "上海市住房和城乡建设管理委员会关于进一步明确本市工程建设项目施工图设计文件审查改革有关要求的通知\n"
        "沪建建管〔2025〕55号\n一、优化免于审查正面清单\n二、分类实施审查改革\n三、强化事中事后监管\n四、其他\n",
        "not_a_plan",
        "明确本市工程建设项目施工图设计文件审查改革有关要求的通知",
    ),
    (  # an interview on laws and their application: questions and answers on no plan
        "统一裁决尺度  守护食药安全\n——访最高人民法院民一庭庭长陈宜芳\n"
        "结合司法实践、相关法律法规及司法解释，记者采访了最高人民法院民一庭庭长陈宜芳。\n"
        "问：惩罚性赔偿制度发挥了什么样的作用？\n答：提高消费者维权积极性。\n问：如何统一裁判尺度？\n答：明确认定标准。\n",
        "not_a_plan",
        "问：惩罚性赔偿制度发挥了什么样的作用？",
    ),
    (
        "国务院办公厅关于同意建立数字经济发展部际联席会议制度的函\n国办函〔2022〕63号\n一、主要职责\n",
        "not_a_plan",
        "函",
    ),
    (
        "国务院办公厅关于加强调查工作的通知\n国办发〔1996〕25号\n一、统一管理。\n二、调查取证。\n",
        "not_a_plan",
        "通知",
    ),
    (
        "国务院印发《“十四五”数字经济发展规划》\n新华社北京1月12日电 国务院日前印发《规划》。\n",
        "plan_report",
        "新华社北京1月12日电",
    ),
    (
        "青岛规划：2020年建成全国领先智慧城市\n日前，青岛市政府办公厅印发《青岛市信息化发展规划》。\n",
        "plan_report",
        "日前，青岛市政府办公厅印发《",
    ),
    (
        "营造繁荣活跃的数据产业生态\n保障企业用好数（政策解读）\n2024年，《行动计划》印发。\n",
        "plan_interpretation",
        "解读",
    ),
    (
        "宁夏加快建设新型能源体系\n开年以来，工程建设现场一派繁忙。\n宁夏将以新能源全产业链发展为牵引，推进升级。\n",
        "plan_report",
        "将以新能源全产业链发展为牵引，推进",
    ),
    ("一则消息\n今天天气晴朗，公园里游人如织。\n", "not_a_plan", "一则消息"),
    (  # a headline ending in a plan's type word, over a newspaper's byline: news on the plan
        "江苏编制海洋经济和海岸带空间规划\n《人民日报》（2025年02月24日第 12 版）\n"
        "本报南京2月23日电  （记者姚雪青）日前，江苏省政府办公厅发布《江苏省海岸带及海洋空间规划》。\n",
        "plan_report",
        "《人民日报》（2025年02月24日第 12 版）",
    ),
    (  # an answer to the press on rules interprets no plan
        "——三部门负责同志就《实施弹性退休制度暂行办法》答记者问\n问：制定这个文件的主要目的是什么？\n",
        "not_a_plan",
        "暂行办法",
    ),
    (  # a report naming no plan (规划 here is a trade: 规划设计研究院)
        "推进人与自然和谐共生\n本报北京5月21日电  上海市城市规划设计研究院院长介绍了乡村规划实践。\n",
        "not_a_plan",
        "本报北京5月21日电",
    ),
    (  # a press meeting where workers tell their work
        "推进人与自然和谐共生\n本报北京5月21日电  国务院新闻办举行中外记者见面会，五位代表讲述了工作。\n",
        "not_a_plan",
        "中外记者见面会",
    ),
    (  # a plan printed by a newspaper speaks as the plan itself
        "国务院关于推进数字乡村建设的意见\n新华社北京2月23日电\n为推进数字乡村建设，现提出如下意见。\n",
        "plan",
        "意见",
    ),
    (  # a campaign under its name and the quantities it strives for: no plan title, still work set out
        "百城千校万企促就业行动部署\n本报武汉4月1日电  全国工商联等举办“百城千校万企”促就业行动动员会。"
        "力争提供百万个以上就业岗位。\n",
        "plan_report",
        "本报武汉4月1日电",
    ),
    (  # rules under a plan's name: numbered articles that take effect on a day (regression, a real 实施意见)
        "奉贤区景观照明管理实施意见\n第一条 目的和依据\n为规范景观照明管理，制定本意见。\n第二条 适用范围\n"
        "本意见适用于本区景观照明。\n第三条 施行日期\n本意见自2024年12月18日起施行。\n",
        "not_a_plan",
        "第一条",
    ),
    (  # an interpretation of rules its lead cites first interprets no plan (regression, a real 解读)
        "助力企业出海更稳健（政策解读）\n本报记者  罗珊珊《人民日报》（2026年07月29日第 02 版）\n"
        "7月1日，《国务院关于对外投资的规定》正式施行，共34条，从服务、管理、保护3个方面明确制度措施。\n",
        "not_a_plan",
        "《国务院关于对外投资的规定》",
    ),
    (  # … and of a plan it cites first stays one
        "营造繁荣活跃的数据产业生态（政策解读）\n本报记者  王云杉《人民日报》（2025年01月02日第 02 版）\n"
        "《关于促进数据产业高质量发展的指导意见》近日印发，提出到2029年数据产业规模年均增速超过15%。\n",
        "plan_interpretation",
        "解读",
    ),
    (  # cases made public, whatever notice the body cites (regression, a real bulletin of discipline)
        "中央纪委办公厅\n公开通报5起政绩观偏差典型案件\n本报北京6月15日电  中央纪委国家监委印发了"
        "《关于对违反正确政绩观行为强化责任追究的通知》。\n",
        "not_a_plan",
        "通报5起政绩观偏差典型案件",
    ),
    (  # the same articles with no day of effect stay the plan the title names
        "奉贤区景观照明管理实施意见\n第一条 目的和依据\n为规范景观照明管理，制定本意见。\n第二条 适用范围\n"
        "本意见适用于本区景观照明。\n第三条 组织实施\n各部门抓好落实。\n",
        "plan",
        "实施意见",
    ),
]


@pytest.mark.parametrize(("text", "genre", "cue"), SHORT_TEXTS, ids=[t[0][:14] for t in SHORT_TEXTS])
def test_each_rule_on_a_short_text(text: str, genre: str, cue: str) -> None:
    decision = classify_genre(text)
    assert (decision.genre, decision.cue) == (genre, cue), decision.reason
    start, end = decision.span
    # the evidence points at the cue in the text (the title's cue may span a line break)
    assert "".join(text[start:end].split()) == "".join(cue.split())


def _dev_genres() -> dict[str, str]:
    genres = yaml.safe_load((REAL_GOLD / "genres.yaml").read_text(encoding="utf-8"))
    frozen = set(yaml.safe_load((REAL_GOLD / "splits.yaml").read_text(encoding="utf-8"))["frozen"])
    return {doc: genre for doc, genre in genres.items() if doc not in frozen}


def test_genre_of_every_real_document_of_the_dev_scope() -> None:
    genres = _dev_genres()
    assert len(genres) >= 50
    corpus = corpus_dir()
    wrong = {}
    for document, expected in genres.items():
        decision = classify_genre((corpus / document).read_text(encoding="utf-8"))
        if decision.genre != expected:
            wrong[document] = f"{expected} expected, {decision.reason}"
    assert len(wrong) <= len(genres) // 20, wrong  # at least 95 % right


def test_a_document_that_is_not_a_plan_yields_nothing_but_its_genre() -> None:
    path = corpus_dir() / NOT_A_PLAN
    extraction = extract_path(path)
    text = path.read_text(encoding="utf-8")
    assert extraction.document.genre == "not_a_plan"
    evidence = extraction.document.genre_evidence
    assert evidence is not None and "批复" in evidence.cue
    assert "".join(text[evidence.span[0] : evidence.span[1]].split()) == evidence.cue
    assert not (extraction.goals or extraction.directions or extraction.tasks or extraction.indicators)
    assert any("not a plan" in warning for warning in extraction.warnings)


def test_a_plan_keeps_its_items_and_says_its_genre() -> None:
    extraction = extract_text("关于推进智慧社区建设的实施意见\n一、主要目标\n到2022年，覆盖率达到80%以上。\n")
    assert extraction.document.genre == "plan"
    assert extraction.goals and extraction.indicators


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., Result]]:
    for key in [key for key in os.environ if key.startswith("PLANKG_")]:
        monkeypatch.delenv(key)
    monkeypatch.setenv("PLANKG_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("PLANKG_STORE", "embedded")
    monkeypatch.setenv("COLUMNS", "200")
    get_settings.cache_clear()
    runner = CliRunner()

    def invoke(*args: str) -> Result:
        return runner.invoke(app, list(args))

    yield invoke
    get_settings.cache_clear()


def test_load_skips_a_document_that_is_not_a_plan_unless_forced(cli: Callable[..., Result]) -> None:
    path = str(corpus_dir() / NOT_A_PLAN)
    skipped = cli("load", path)
    assert skipped.exit_code == 0, skipped.output
    lines = [line for line in skipped.output.splitlines() if line.startswith("skipped:")]
    assert len(lines) == 1 and "not a plan" in lines[0] and "批复" in lines[0] and "--force" in lines[0]
    assert _plans_stored() == 0
    forced = cli("load", "--force", path)
    assert forced.exit_code == 0 and "loaded:" in forced.output, forced.output
    assert _plans_stored() == 1


def _plans_stored() -> int:
    with open_store(get_settings()) as store:
        return store.counts().nodes.get("Plan", 0)


@pytest.fixture
def client(store: GraphStore) -> Iterator[TestClient]:
    with TestClient(create_app(api_settings(), store=store)) as test_client:
        yield test_client


def _upload(client: TestClient, path: Path, **params: str) -> object:
    return client.post(
        "/plans",
        params=params,
        files={"file": (path.name, path.read_bytes(), "text/plain")},
        headers={"X-API-Key": API_KEY},
    )


def test_upload_of_a_document_that_is_not_a_plan_is_refused_unless_forced(
    client: TestClient, store: GraphStore
) -> None:
    path = corpus_dir() / NOT_A_PLAN
    before = store.counts()
    problem = assert_problem(_upload(client, path), 422)  # type: ignore[arg-type]
    assert problem["type"].endswith("not-a-plan") and "批复" in problem["detail"]
    assert store.counts() == before
    forced = _upload(client, path, force="true")
    assert forced.status_code == 201, forced.text  # type: ignore[attr-defined]


def test_the_genre_is_stored_on_the_plan(store: GraphStore) -> None:
    seed = corpus_dir() / "qingdao-informatization-13th-fyp.txt"
    outcome = load_path(store, seed)
    rows = store.read(
        "MATCH (p:Plan {id: $id}) RETURN p.genre AS genre, p.genre_evidence AS evidence",
        {"id": outcome.plan_id},
    )
    assert rows[0]["genre"] == "plan_report"
    assert "新华社" in rows[0]["evidence"] or "印发" in rows[0]["evidence"]


def test_a_report_on_released_rules_is_not_a_plan() -> None:
    text = (
        "中共中央国务院印发《生态环境保护督察工作条例》\n"
        "新华社北京5月12日电  近日，中共中央、国务院印发《生态环境保护督察工作条例》，并发出通知。\n"
        "通知要求，各地区各部门要认真遵照执行，推进生态环境保护督察工作。\n"
    )
    decision = classify_genre(text)
    assert decision.genre == "not_a_plan"
    assert decision.cue == "条例"


def test_a_body_in_a_plans_own_voice_is_a_plan_without_its_title() -> None:
    text = (
        "2015年，中央一号文件提出要加快发展草牧业。为加快推进草牧业发展，现提出以下意见。\n"
        "一、总体要求\n（一）主要目标\n到2020年，人工种草保留面积达到3.5亿亩。\n"
        "二、保障措施\n（一）切实加强组织领导。各级农牧部门要加强领导。\n"
    )
    assert classify_genre(text).genre == "plan"


def test_news_on_no_plan_is_not_a_plan() -> None:
    statistics = (
        "国家统计局发布2024年国民经济数据\n"
        "新华社北京1月17日电 国家统计局17日发布数据，2024年国内生产总值比上年增长5.0%。"
        "全年粮食产量达到1.4万亿斤，比上年增加221亿斤。\n"
    )
    assert classify_genre(statistics).genre == "not_a_plan"
    report = statistics.replace(
        "国家统计局17日发布数据", "国务院印发《质量强国建设纲要》，提出到2025年质量整体水平进一步全面提高"
    )
    assert classify_genre(report).genre == "plan_report"


def test_a_body_of_numbered_articles_without_its_title_is_not_a_plan() -> None:
    text = (
        "第一条 为了规范交通行业突发事件信息报告工作，制定本规定。\n"
        "第二条 本规定适用于本市交通行业生产安全突发事件的信息报告，目标是提高报告时效。\n"
        "第三条 事发单位应当在事件发生后30分钟内向主管部门报告。\n"
        "第四条 主管部门将加快推进信息报告系统建设。\n"
    )
    decision = classify_genre(text)
    assert decision.genre == "not_a_plan" and decision.rule == "a body of numbered articles (rules)"


@pytest.mark.parametrize(
    "title",
    [
        "上海市交通委员会关于开展2023年上海市促进现代航运服务业创新项目申报的通知",
        "上海市交通委员会、上海市发展和改革委员会关于本市市域巡游出租汽车运价浮动实施规则的通知",
    ],
)
def test_calls_for_applications_and_notices_of_rules_are_not_plans(title: str) -> None:
    body = (
        "各相关单位：\n一、总体要求\n加快推进工作。\n二、申报条件\n注册资本不低于1000万元。\n"
        "三、工作安排\n4月底前完成。\n四、其他\n请按时报送。\n"
    )
    assert classify_genre(f"{title}\n{body}").genre == "not_a_plan"


def test_news_on_a_notice_released_without_its_title_is_a_report() -> None:
    text = (
        "服务中小企业“劳模工匠助企行”全面实施\n"
        "本报北京7月17日电  （记者易舒冉）全国总工会、工业和信息化部日前联合印发通知，于7月17日起全面实施"
        "“劳模工匠助企行”。各级工会将组织劳模工匠组建技术服务队。\n"
    )
    assert classify_genre(text).genre == "plan_report"


def test_a_white_paper_and_its_questions_and_answers_are_not_plans() -> None:
    # regression from a real interpretation: 就《新时代的中国国家安全》白皮书答记者问 read as a plan's
    text = (
        "有关部门负责人就《新时代的中国国家安全》白皮书答记者问\n"
        "据新华社北京5月12日电  国务院新闻办公室5月12日发布了《新时代的中国国家安全》白皮书。\n"
        "一、中国制定发布首部国家安全白皮书的背景、目的和主要内容是什么？\n"
        "答：中国将继续推动资本、人才、技术、数据等依法有序跨境流动，加强涉外法治建设。\n"
    )
    decision = classify_genre(text)
    assert decision.genre == "not_a_plan" and decision.cue == "白皮书"
    assert genre_by_rules(text.replace("白皮书", "规划")).genre == "plan_interpretation"


def test_a_review_of_work_done_is_no_plan_and_a_years_plan_of_work_or_a_set_of_measures_is_one() -> None:
    # regressions from real People's Daily pages: a 综述 of 2024's work read as a report on a plan; news of
    # 《…若干举措》 and of "今年，广西计划实施…项目1077个" read as news on no plan
    gold = REPO / "tests" / "gold" / "sealed15" / "docs"
    review = (gold / "pd_2025_grassroots_burden_reduction_review.txt").read_text(encoding="utf-8")
    decision = classify_genre(review)
    assert decision.genre == "not_a_plan" and decision.cue == "综述"
    for name in (
        "pd_2025_hebei_entrepreneurship_measures_report",
        "pd_2025_guangxi_old_community_renovation_report",
    ):
        assert classify_genre((gold / f"{name}.txt").read_text(encoding="utf-8")).genre == "plan_report"


def test_a_target_met_is_no_target_set() -> None:
    # regression from a real People's Daily page (sealed93): a year's results of mineral exploration
    # (全面完成“十四五”找矿目标任务) were read as a report on a plan's targets, its results as tasks
    path = REPO / "tests/gold/sealed93/docs/pd_2026_01_06_mineral_exploration_2025_results_news.txt"
    extraction = extract_path(path)
    assert extraction.document.genre == "not_a_plan"
    assert extraction.goals == [] and extraction.tasks == [] and extraction.indicators == []
    text = path.read_text(encoding="utf-8")
    assert "全面完成“十四五”找矿目标任务" in text
    set_target = text.replace("全面完成“十四五”找矿目标任务", "明确“十五五”找矿目标任务")
    # the rules read a target set as work set (the genre model still reads the page as the results it is)
    assert genre_by_rules(set_target).genre == "plan_report"


def test_a_level_of_support_raised_is_no_standard_laid_down() -> None:
    # regression from a real People's Daily page (sealed99): 贵州持续提高城乡低保标准, a report on a plan
    # raising allowances, was taken for the title of a 标准 and its goal, tasks and targets lost
    name = "pd_2025_05_08_guizhou_subsistence_allowance_standard_plan_report.txt"
    path = REPO / "tests/gold/sealed99/docs" / name
    extraction = extract_path(path)
    assert extraction.document.genre == "plan_report"
    assert any("提高城乡低保标准" in goal.text for goal in extraction.goals)
    text = path.read_text(encoding="utf-8")
    laid_down = text.replace("贵州持续提高城乡低保标准", "贵州城乡低保工作规范标准", 1)
    assert classify_genre(laid_down).genre == "not_a_plan"


def test_a_years_work_points_are_a_plan() -> None:
    # regression from a real notice (沪规划资源数〔2026〕141号): 关于印发《…工作要点》的通知 read as news
    title = "关于印发《2026年上海量子城市空间智能建设工作要点》的通知\n沪规划资源数〔2026〕141号\n"
    body = "市政府相关委、办、局:\n一、聚焦行业大模型研发应用\n完成不少于100万条模型微调语料生产。\n"
    assert classify_genre(title + body).genre == "plan"


def test_a_law_is_no_plan_and_a_byline_is_no_part_of_the_title() -> None:
    # regressions from real People's Daily pages: 中华人民共和国国家通用语言文字法 read as a report (its
    # byline cue), and a headline's byline line read as the title's end (no news cue left)
    gold = REPO / "tests" / "gold" / "sealed17" / "docs"
    law = classify_genre((gold / "pd_national_common_language_law_2025.txt").read_text(encoding="utf-8"))
    assert law.genre == "not_a_plan" and law.cue == "法"
    report = (gold / "pd_2025_hunan_industry_upgrade_campaign.txt").read_text(encoding="utf-8")
    assert classify_genre(report).genre == "plan_report"


def test_a_release_of_statistics_is_not_a_plan() -> None:
    # regression from a real report: a statistics bureau's monthly figures (同比增长… nine times) mention a
    # 专项行动 in passing and were read as a report on a plan, their sentences as tasks
    path = REPO / "tests/gold/sealed23/docs/pd_2025_11_15_economy_october_stats.txt"
    extraction = extract_path(path)
    assert extraction.document.genre == "not_a_plan"
    assert extraction.tasks == [] and extraction.indicators == []


def test_a_government_work_report_is_a_plan_of_the_year() -> None:
    # regression from a real People's Daily page (sealed26): the 2026 政府工作报告 under the paper's byline
    # was read as a news report on a plan; it sets the year's expected targets and work, in its own voice
    path = REPO / "tests" / "gold" / "sealed26" / "docs" / "pd_2026_03_14_government_work_report_text.txt"
    decision = classify_genre(path.read_text(encoding="utf-8"))
    assert decision.genre == "plan" and decision.cue == "政府工作报告"
    # a report the paper writes on that report stays a report on a plan
    news = "政府工作报告解读\n本报北京3月6日电（记者王某）政府工作报告提出，今年经济增长4.5%—5%。\n"
    assert classify_genre(news).genre == "plan_interpretation"


def test_enforcement_cases_made_public_and_a_want_inside_a_word_are_no_plan() -> None:
    # regressions from real People's Daily pages (sealed27): 网信部门公布一批…典型案例 read as a report on a
    # plan by 已按要求完善 (要 of 要求), and a law-enforcement inspection by 需要时实施 (要 of 需要)
    docs = REPO / "tests" / "gold" / "sealed27" / "docs"
    cases_page = docs / "pd_2025_01_06_online_water_army_cases_news.txt"
    cases = classify_genre(cases_page.read_text(encoding="utf-8"))
    assert cases.genre == "not_a_plan" and cases.cue.startswith("公布一批")
    inspection = docs / "pd_2025_12_19_energy_conservation_law_inspection.txt"
    assert classify_genre(inspection.read_text(encoding="utf-8")).genre == "not_a_plan"
    # 要 as a modal still sets work
    work = "小标题\n本报讯 市里将在今年推进老旧小区改造，要加快完善社区服务设施。\n"
    assert classify_genre(work).genre == "plan_report"


def test_a_report_on_the_years_plan_to_the_congress_is_a_plan() -> None:
    # regression from the real 2025 report (sealed27): …计划执行情况与…计划草案的报告 under the paper's byline
    # was read as news; it lays the year's plan before the congress in its own voice (现将…提请…审查)
    path = REPO / "tests/gold/sealed27/docs/pd_2025_03_14_national_economic_social_plan_2025_report.txt"
    decision = classify_genre(path.read_text(encoding="utf-8"))
    assert decision.genre == "plan" and decision.cue == "计划草案的报告"


def test_a_feature_on_a_provinces_target_and_a_briefing_on_what_will_be_issued_are_reports() -> None:
    # regressions from real People's Daily pages (sealed28): a feature naming no plan read as no plan although
    # it strives for a figure (力争…产值达3300亿元, 达 before its number), and a ministry's briefing
    # although it says what it will issue (接下来将出台孵化器管理办法)
    docs = REPO / "tests" / "gold" / "sealed28" / "docs"
    feature = classify_genre(
        (docs / "pd_2025_07_12_guizhou_traditional_industry_upgrade.txt").read_text("utf-8")
    )
    assert feature.genre == "plan_report"
    briefing = classify_genre(
        (docs / "pd_2025_05_18_sci_tech_services_press_conference.txt").read_text("utf-8")
    )
    assert briefing.genre == "plan_report" and briefing.cue.startswith("将出台")


def test_will_sets_work_only_close_to_its_action_not_as_a_ba_construction() -> None:
    # regressions from real People's Daily pages (sealed12, sealed28): a worker's story (…研发了…检测装置，
    # 将故障诊断准确率提升80%) and a forum's programme (…上千名演讲嘉宾将齐聚一堂，共议…培育…) read as
    # reports on a plan by a 将 far from the action it was taken to set
    for batch, name in (
        ("sealed28", "pd_2026_06_19_railway_workers_press_meeting.txt"),
        ("sealed12", "pd_zhongguancun_forum_briefing_2025.txt"),
    ):
        path = REPO / "tests" / "gold" / batch / "docs" / name
        extraction = extract_path(path)
        assert extraction.document.genre == "not_a_plan"
        assert extraction.indicators == [] and extraction.tasks == []
    # the guide a will takes stays before its action: 宁夏将以…为牵引，推进…
    work = "宁夏新能源\n本报银川电（记者王某）站上新起点，宁夏将以新能源全产业链发展为牵引，推进产业升级。"
    assert classify_genre(work).genre == "plan_report"


def test_an_article_naming_a_plan_by_its_title_sets_work() -> None:
    # regression (review): the bounds of 《…规划》 in the sets-work pattern were read as an f-string's
    # expressions ({2, 60} → "(2, 60)"), so an article naming a plan by its title no longer set work
    decision = classify_genre("城市绿化\n本市各区按照《上海市绿化发展规划》推进绿地建设。\n")
    assert decision.genre == "plan_report" and decision.cue == "《上海市绿化发展规划》"


def test_an_interview_on_a_law_naming_no_plan_is_not_a_plan() -> None:
    # regression from a real People's Daily page (sealed34): an interview on the new 生态环境法典
    # (记者：…？ 吕忠梅：…) under the paper's byline, naming no plan, was read as a report on a plan by a
    # 将 of the law's provisions (将“双碳”目标…融入法律) and gave 49 "tasks" (its 法律、法规、政策文件 named
    # a kind of text, no plan)
    path = REPO / "tests" / "gold" / "sealed34" / "docs" / "pd_2026_03_19_eco_env_code_interview.txt"
    extraction = extract_path(path)
    assert extraction.document.genre == "not_a_plan"
    assert extraction.tasks == [] and extraction.goals == [] and extraction.indicators == []


def test_a_press_meeting_of_people_telling_their_work_is_not_a_plan() -> None:
    # regressions from real People's Daily pages (sealed23, sealed35): a 中外记者见面会 of five front-line
    # workers (…基层代表与中外记者交流, “新征程上的奋斗者”中外记者见面会) was read as a report on a plan by
    # one speaker's “我们在‘十五五’时期将持续推进…” and gave tasks
    for batch, name in (
        ("sealed23", "pd_2025_culture_tourism_grassroots_press_meet.txt"),
        ("sealed35", "pd_2026_06_25_civil_affairs_workers_press_meeting.txt"),
    ):
        extraction = extract_path(REPO / "tests" / "gold" / batch / "docs" / name)
        assert extraction.document.genre == "not_a_plan"
        assert extraction.tasks == [] and extraction.directions == []


def test_news_on_rules_taking_effect_is_not_a_plan() -> None:
    # regressions from real People's Daily pages (sealed39, sealed41): 《行政执法监督条例》2月1日起施行—— and
    # 新修改的网络安全法本月起施行—— over a report on the rules were read as reports on a plan (a byline; a
    # 要推动 of the law's aims) and gave tasks and directions
    for batch, name in (
        ("sealed39", "pd_2026_02_02_law_enforcement_supervision_regulation_news.txt"),
        ("sealed41", "pd_2026_01_05_cybersecurity_law_amendment_news.txt"),
    ):
        extraction = extract_path(REPO / "tests" / "gold" / batch / "docs" / name)
        assert extraction.document.genre == "not_a_plan"
        assert extraction.document.genre_evidence.rule == "the title says rules take effect"
        assert extraction.tasks == [] and extraction.directions == []


def test_a_title_making_named_offenders_public_is_not_a_plan() -> None:
    # regression from a real People's Daily page (sealed42): 公开通报四川省昭觉县、湖北省文化和旅游厅及
    # 湖北艺术职业学院政绩观存在偏差、不顾实际使用财政资金问题 (offenders too many for the cases pattern)
    # was read as a report on a plan by its closing 要… and gave its findings as tasks
    name = "pd_2026_04_13_performance_view_funds_misuse_notice.txt"
    extraction = extract_path(REPO / "tests" / "gold" / "sealed42" / "docs" / name)
    assert extraction.document.genre == "not_a_plan"
    assert extraction.tasks == [] and extraction.indicators == []


def test_a_signed_article_an_interview_or_a_decoding_of_a_plan_is_an_interpretation() -> None:
    # regressions from real People's Daily pages (sealed46, sealed47): a commentary signed by its author
    # (谷业凯《人民日报》), an interview with a minister (——访民政部党组书记、部长陆治原) and a page headed
    # 解码“十五五”专项规划 were read as news reports on the plans they explain
    for batch, name in (
        ("sealed46", "pd_2026_08_17_ip_15th_fyp_outlook_commentary.txt"),
        ("sealed47", "pd_2025_12_19_civil_affairs_15th_fyp_interview.txt"),
        ("sealed46", "pd_2026_08_23_ai_education_15th_fyp_interpretation.txt"),
    ):
        genre = classify_genre((REPO / "tests" / "gold" / batch / "docs" / name).read_text(encoding="utf-8"))
        assert genre.genre == "plan_interpretation", name
    # a reporter's byline stays a report
    name = "pd_2026_07_17_disability_15th_fyp_work_conference.txt"
    report = (REPO / "tests" / "gold" / "sealed45" / "docs" / name).read_text(encoding="utf-8")
    assert classify_genre(report).genre == "plan_report"


def test_a_meeting_that_sets_the_work_to_do_is_a_report_on_it() -> None:
    # regression from a real People's Daily page (sealed52): 应急管理部部署节后返程和复产复工安全防范工作 —
    # 会议强调，要全力抓好烟花爆竹“五个严禁、三个务必”落实… names no plan and was read as news on no plan,
    # losing the work the meeting set
    name = "pd_2026_02_24_emergency_mgmt_holiday_safety_deployment.txt"
    extraction = extract_path(REPO / "tests" / "gold" / "sealed52" / "docs" / name)
    assert extraction.document.genre == "plan_report"
    assert extraction.document.genre_evidence.cue.startswith("会议强调，要")
    assert len(extraction.tasks) >= 5


def test_news_of_standards_released_or_of_a_publicity_months_events_is_not_a_plan() -> None:
    # regressions from real People's Daily pages (sealed57, sealed60): 50项新食品安全国家标准发布 (technical
    # rules; its 以…为目标 read as a plan's aim) and ——各地广泛开展全国消防宣传月活动 (events held; a named
    # “正青春·消防护卫”行动 read as a campaign set) were read as reports and gave tasks and goals
    for batch, name in (
        ("sealed57", "pd_2025_03_28_food_safety_standards_labels_news.txt"),
        ("sealed60", "pd_2025_12_01_fire_safety_publicity_month_news.txt"),
    ):
        extraction = extract_path(REPO / "tests" / "gold" / batch / "docs" / name)
        assert extraction.document.genre == "not_a_plan", name
        assert extraction.tasks == [] and extraction.goals == [] and extraction.indicators == []


def test_a_budget_report_is_an_annual_plan_and_news_citing_the_work_report_is_on_one() -> None:
    # regressions from real People's Daily pages (sealed63): 关于二〇二四年中央和地方预算执行情况与
    # 二〇二五年中央和地方预算草案的报告 (the year's fiscal policy, spending and work, as the plan report
    # beside it) was read as a signed article; a reader's question on the “好房子” 《政府工作报告》 proposes
    # as news on no plan
    name = "pd_2025_03_14_central_local_budget_2025_report.txt"
    budget = (REPO / "tests" / "gold" / "sealed63" / "docs" / name).read_text(encoding="utf-8")
    assert classify_genre(budget).genre == "plan"
    name = "pd_2025_03_23_good_housing_reader_qa.txt"
    answer = (REPO / "tests" / "gold" / "sealed63" / "docs" / name).read_text(encoding="utf-8")
    assert classify_genre(answer).genre == "plan_report"


def test_news_on_a_campaign_named_in_quotes_reports_a_plan() -> None:
    # regression from a real People's Daily feature (sealed71): three ministries 组织开展“千乡万村驭风行动”,
    # a campaign named in quotes with 行动 inside them, was read as news on no plan
    name = "pd_2025_01_08_rural_wind_power_action_report.txt"
    text = (REPO / "tests" / "gold" / "sealed71" / "docs" / name).read_text(encoding="utf-8")
    assert classify_genre(text).genre == "plan_report"


def test_a_notice_laying_out_a_filings_steps_is_no_plan() -> None:
    # regression from a real notice (沪绿容规〔2024〕6号, sealed150): 一、备案管理范围 二、备案管理主体
    # 三、备案管理流程 read as numbered parts of work, a plan with 17 tasks and 2 indicators
    path = REPO / "tests/gold/sealed150/docs/sh_shi_2024_muck_disposal_site_filing_notice.txt"
    decision = classify_genre(path.read_text(encoding="utf-8"))
    assert (decision.genre, decision.rule, decision.cue) == (
        "not_a_plan",
        "the notice sets out a procedure",
        "备案管理范围",
    )
    extraction = extract_path(path)
    assert not (extraction.goals or extraction.tasks or extraction.indicators)
    # a notice that lays out work in parts stays a plan (sealed150's notice on the year's wind and solar work)
    plan = REPO / "tests/gold/sealed150/docs/sh_shi_2023_wind_pv_development_notice.txt"
    assert classify_genre(plan.read_text(encoding="utf-8")).genre == "plan"


def test_a_notice_whose_parts_streamline_approvals_stays_a_plan() -> None:
    # unit test (text written for it): 精简审批材料 and 优化审批流程 are work to do, not a procedure's steps
    text = (
        "关于进一步优化本市工程建设项目审批服务的通知\n"
        "各区人民政府，市政府各委、办、局：\n"
        "一、精简审批材料。全面清理审批材料，取消没有法律法规依据的材料。\n"
        "二、优化审批流程。推行并联审批，压缩审批时间。\n"
        "三、推进网上办理。实现审批事项全程网办。\n"
        "四、加强监督检查。定期通报各区审批服务情况。\n"
    )
    decision = classify_genre(text)
    assert (decision.genre, decision.rule) == ("plan", "the notice lays out numbered parts of work")

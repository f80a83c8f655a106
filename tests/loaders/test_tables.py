"""Indicator tables in every layout real pages give: one cell per line (gov.cn pages as text), cells
separated by tabs or single spaces, HTML <table> and .docx tables. The same tables are typed out in each
layout from one list of rows; each layout must give the same indicators, and none of the table's cells
may become a goal, direction or task.

The tables are the shapes of 十四五 plans: the national 纲要's 专栏1 (类别 merged down its group, 2020年 /
2025年 / 年均/累计 / 属性, 〔〕 cumulative figures, 60.6* footnoted ones, words in value cells), a table
whose 目标值 are written as changes (下降15%, 年均增长8% …), and a provincial 序号 / 指标名称 / 单位 /
2020年 / 2025年 / 属性 table.
"""

from __future__ import annotations

import html
from pathlib import Path

import docx
import pytest
from fastapi.testclient import TestClient

from plankg.api import create_app
from plankg.graph import GraphStore
from plankg.loaders import extract_path, extract_text
from plankg.loaders.reading import read_document
from plankg.loaders.structure import parse_outline
from plankg.loaders.tables import _rejoined_header, is_header
from plankg.ontology.records import Extraction, IndicatorRecord
from plankg.pipeline import load_path
from plankg.rdf.mapping import PK
from tests.support.api import api_settings
from tests.support.corpus import REPO
from tests.support.rdf import export_graph, violations

# ---------------------------------------------------------------- the tables

NATIONAL_CAPTION = "专栏1 “十四五”时期经济社会发展主要指标"
NATIONAL_HEADER = ["类别", "指标", "2020年", "2025年", "年均/累计", "属性"]
NATIONAL_ROWS = [
    ["经济发展", "1．国内生产总值（GDP）增长（%）", "2.3", "—", "保持在合理区间、各年度视情提出", "预期性"],
    ["", "2．全员劳动生产率增长（%）", "2.5", "—", "高于GDP增长", "预期性"],
    ["", "3．常住人口城镇化率（%）", "60.6*", "65", "—", "预期性"],
    [
        "创新驱动",
        "4．全社会研发经费投入增长（%）",
        "—",
        "—",
        ">7、力争投入强度高于“十三五”时期实际",
        "预期性",
    ],
    ["", "5．每万人口高价值发明专利拥有量（件）", "6.3", "12", "—", "预期性"],
    ["", "6．数字经济核心产业增加值占GDP比重（%）", "7.8", "10", "—", "预期性"],
    ["民生福祉", "7．居民人均可支配收入增长（%）", "2.1", "—", "与GDP增长基本同步", "预期性"],
    ["", "8．城镇调查失业率（%）", "5.2", "—", "<5.5", "预期性"],
    ["", "9．劳动年龄人口平均受教育年限（年）", "10.8", "11.3", "—", "约束性"],
    ["", "10．每千人口拥有执业（助理）医师数（人）", "2.9", "3.2", "—", "预期性"],
    ["", "11．人均预期寿命（岁）", "77.3*", "—", "〔1〕", "预期性"],
    ["绿色生态", "12．单位GDP能源消耗降低（%）", "—", "—", "〔13.5〕", "约束性"],
    ["", "13．单位GDP二氧化碳排放降低（%）", "—", "—", "〔18〕", "约束性"],
    ["", "14．森林覆盖率（%）", "23.2*", "24.1", "—", "约束性"],
    ["安全保障", "15．粮食综合生产能力（亿吨）", "—", ">6.5", "—", "约束性"],
]
# (name, value, unit, comparator, kind, direction, baseline, attribute)
NATIONAL_EXPECTED = [
    ("常住人口城镇化率", 65, "%", "from_to", "level", "increase", 60.6, "expected"),
    ("全社会研发经费投入", 7, "%", ">", "rate", "increase", None, "expected"),
    ("每万人口高价值发明专利拥有量", 12, "件", "from_to", "level", "increase", 6.3, "expected"),
    ("数字经济核心产业增加值占GDP比重", 10, "%", "from_to", "level", "increase", 7.8, "expected"),
    ("城镇调查失业率", 5.5, "%", "<", "level", None, 5.2, "expected"),
    ("劳动年龄人口平均受教育年限", 11.3, "年", "from_to", "level", "increase", 10.8, "binding"),
    ("每千人口拥有执业（助理）医师数", 3.2, "人", "from_to", "level", "increase", 2.9, "expected"),
    ("人均预期寿命", 1, "岁", "=", "change", None, None, "expected"),
    ("单位GDP能源消耗", 13.5, "%", "=", "change", "decrease", None, "binding"),
    ("单位GDP二氧化碳排放", 18, "%", "=", "change", "decrease", None, "binding"),
    ("森林覆盖率", 24.1, "%", "from_to", "level", "increase", 23.2, "binding"),
    ("粮食综合生产能力", 6.5, "亿吨", ">", "level", None, None, "binding"),
]

CHANGES_CAPTION = "专栏1 “十四五”时期主要指标"
CHANGES_HEADER = ["序号", "指标", "属性", "目标值"]
CHANGES_ROWS = [
    ["1", "单位地区生产总值能耗", "约束性", "下降15%"],
    ["2", "单位地区生产总值二氧化碳排放", "约束性", "降低20%"],
    ["3", "数字经济核心产业增加值占地区生产总值比重", "预期性", "提高5个百分点"],
    ["4", "地区生产总值", "预期性", "年均增长8%"],
    ["5", "城乡居民人均可支配收入", "预期性", "比2020年翻一番"],
    ["6", "城镇调查失业率", "预期性", "控制在5.5%以内"],
    ["7", "细颗粒物（PM2.5）平均浓度", "约束性", "≤35微克/立方米"],
    ["8", "亿元生产总值生产安全事故死亡率", "约束性", "＜0.05"],
    ["9", "政务服务事项网上可办率（%）", "预期性", "≥95"],
]
CHANGES_EXPECTED = [
    ("单位地区生产总值能耗", 15, "%", "=", "change", "decrease", None, "binding"),
    ("单位地区生产总值二氧化碳排放", 20, "%", "=", "change", "decrease", None, "binding"),
    ("数字经济核心产业增加值占地区生产总值比重", 5, "个百分点", "=", "change", "increase", None, "expected"),
    ("地区生产总值", 8, "%", "=", "rate", "increase", None, "expected"),
    ("城乡居民人均可支配收入", 1, "番", "=", "change", "increase", None, "expected"),
    ("城镇调查失业率", 5.5, "%", "<=", "level", None, None, "expected"),
    ("细颗粒物（PM2.5）平均浓度", 35, "微克/立方米", "<=", "level", None, None, "binding"),
    ("亿元生产总值生产安全事故死亡率", 0.05, "", "<", "level", None, None, "binding"),
    ("政务服务事项网上可办率", 95, "%", ">=", "level", None, None, "expected"),
]

PROVINCIAL_CAPTION = "表1 “十四五”时期数字经济发展主要指标"
PROVINCIAL_HEADER = ["序号", "指标名称", "单位", "2020年", "2025年", "属性"]
PROVINCIAL_ROWS = [
    ["1", "数字经济增加值", "亿元", "3200", "6000", "预期性"],
    ["2", "数字经济核心产业增加值占GDP比重", "%", "7.5", "10", "预期性"],
    ["3", "5G基站数", "万个", "1.2", "6", "预期性"],
    ["4", "千兆宽带用户数", "万户", "10", "100", "预期性"],
    ["5", "政务服务事项网上可办率", "%", "90", "≥95", "约束性"],
]
PROVINCIAL_EXPECTED = [
    ("数字经济增加值", 6000, "亿元", "from_to", "level", "increase", 3200, "expected"),
    ("数字经济核心产业增加值占GDP比重", 10, "%", "from_to", "level", "increase", 7.5, "expected"),
    ("5G基站数", 6, "万个", "from_to", "level", "increase", 1.2, "expected"),
    ("千兆宽带用户数", 100, "万户", "from_to", "level", "increase", 10, "expected"),
    ("政务服务事项网上可办率", 95, "%", ">=", "level", "increase", 90, "binding"),
]

TABLES = {
    "national": (NATIONAL_CAPTION, NATIONAL_HEADER, NATIONAL_ROWS, NATIONAL_EXPECTED, 2025),
    "changes": (CHANGES_CAPTION, CHANGES_HEADER, CHANGES_ROWS, CHANGES_EXPECTED, 2025),
    "provincial": (PROVINCIAL_CAPTION, PROVINCIAL_HEADER, PROVINCIAL_ROWS, PROVINCIAL_EXPECTED, 2025),
}

BEFORE = (
    "某省国民经济和社会发展第十四个五年规划纲要\n"
    "第一章 发展目标\n"
    "到2025年，全省经济实力、科技实力、综合竞争力显著增强，主要指标如下。\n"
)
AFTER = (
    "注：①〔〕内为5年累计数。②带*的为2019年数据。\n"
    "第二章 主要任务\n"
    "一、建设现代产业体系\n"
    "加快发展先进制造业，推动产业基础高级化、产业链现代化。\n"
)


# ---------------------------------------------------------------- the layouts


def one_cell_per_line(caption: str, header: list[str], rows: list[list[str]]) -> str:
    """As gov.cn pages copy to text: every non-empty cell on its own line."""
    cells = [caption, *header, *(cell for row in rows for cell in row if cell)]
    return "\n".join(cells) + "\n"


def tab_separated(caption: str, header: list[str], rows: list[list[str]]) -> str:
    return "\n".join([caption, "\t".join(header), *("\t".join(row) for row in rows)]) + "\n"


def space_separated(caption: str, header: list[str], rows: list[list[str]]) -> str:
    """As a table pasted from a PDF: one plain space between cells, empty cells gone."""
    return "\n".join([caption, " ".join(header), *(" ".join(c for c in row if c) for row in rows)]) + "\n"


def html_page(caption: str, header: list[str], rows: list[list[str]]) -> str:
    """A gov.cn-like page: the first column merged down its group (rowspan), cells wrapped in <p>."""
    out = [f"<p>{html.escape(line)}</p>" for line in BEFORE.splitlines()]
    out.append(f"<p><strong>{html.escape(caption)}</strong></p><table border='1'><tbody>")
    out.append("<tr>" + "".join(f"<td><p>{html.escape(c)}</p></td>" for c in header) + "</tr>")
    for index, row in enumerate(rows):
        cells = list(row)
        first = ""
        if header[0] == "类别":
            if cells[0]:
                span = 1 + next(
                    (n for n, later in enumerate(rows[index + 1 :]) if later[0]), len(rows) - index - 1
                )
                first = f"<td rowspan='{span}'><p>{html.escape(cells[0])}</p></td>"
            cells = cells[1:]
        out.append(
            "<tr>"
            + first
            + "".join(f"<td>\n  <p><span>{html.escape(c)}</span></p>\n</td>" for c in cells)
            + "</tr>"
        )
    out.append("</tbody></table>")
    out.extend(f"<p>{html.escape(line)}</p>" for line in AFTER.splitlines())
    return (
        "<html><head><meta charset='utf-8'><title>规划</title></head><body>" + "".join(out) + "</body></html>"
    )


def docx_file(path: Path, caption: str, header: list[str], rows: list[list[str]]) -> None:
    """A Word document with the table; the 类别 column merged down each group."""
    document = docx.Document()
    for line in BEFORE.splitlines():
        document.add_paragraph(line)
    document.add_paragraph(caption)
    table = document.add_table(rows=1 + len(rows), cols=len(header))
    for column, cell in enumerate(header):
        table.cell(0, column).text = cell
    group_start = None
    for index, row in enumerate(rows, start=1):
        for column, cell in enumerate(row):
            if cell:
                table.cell(index, column).text = cell
        if header[0] == "类别":
            if row[0]:
                group_start = index
            elif group_start is not None:
                table.cell(group_start, 0).merge(table.cell(index, 0))
    for line in AFTER.splitlines():
        document.add_paragraph(line)
    document.save(str(path))


TEXT_LAYOUTS = {"one_cell_per_line": one_cell_per_line, "tabs": tab_separated, "spaces": space_separated}


def extraction_in(layout: str, table: str, tmp_path: Path) -> tuple[Extraction, str]:
    caption, header, rows, _, _ = TABLES[table]
    if layout in TEXT_LAYOUTS:
        text = BEFORE + TEXT_LAYOUTS[layout](caption, header, rows) + AFTER
        return extract_text(text, path=f"{table}.txt"), text
    if layout == "html":
        path = tmp_path / f"{table}.html"
        path.write_text(html_page(caption, header, rows), encoding="utf-8")
    else:
        path = tmp_path / f"{table}.docx"
        docx_file(path, caption, header, rows)
    return extract_path(path), read_document(path).text


def rows_of(indicators: list[IndicatorRecord]) -> list[tuple[object, ...]]:
    return [
        (i.name, i.value, i.unit, i.comparator, i.target_kind, i.direction, i.baseline, i.attribute)
        for i in indicators
    ]


LAYOUTS = [*TEXT_LAYOUTS, "html", "docx"]


# A space-separated copy of the national table loses its empty cells and words-only values, so its
# rows cannot be matched to columns; PDFs of such tables are not read as tables (the other layouts are).
READABLE = [
    (layout, table) for layout in LAYOUTS for table in TABLES if (layout, table) != ("spaces", "national")
]


@pytest.mark.parametrize(("layout", "table"), READABLE)
def test_every_layout_gives_the_rows_as_indicators(layout: str, table: str, tmp_path: Path) -> None:
    extraction, text = extraction_in(layout, table, tmp_path)
    expected = TABLES[table][3]
    assert rows_of(extraction.indicators) == expected
    for indicator in extraction.indicators:
        assert text[indicator.span[0] : indicator.span[1]] == indicator.text
        assert indicator.name.split("（")[0] in indicator.text
        assert indicator.target_year == TABLES[table][4]


@pytest.mark.parametrize("table", list(TABLES))
@pytest.mark.parametrize("layout", LAYOUTS)
def test_no_cell_of_a_table_becomes_a_goal_or_task(layout: str, table: str, tmp_path: Path) -> None:
    extraction, _ = extraction_in(layout, table, tmp_path)
    caption, header, rows, _, _ = TABLES[table]
    cells = {caption, *header, *(cell for row in rows for cell in row if cell)}
    items = [*extraction.goals, *extraction.directions, *extraction.tasks]
    assert not [item.name for item in items if item.name in cells or item.text in cells]
    # the text around the table still gives its goal and task
    assert any(goal.text.startswith("到2025年，全省经济实力") for goal in extraction.goals)
    assert any(task.name == "建设现代产业体系" for task in extraction.tasks)


def test_the_baseline_year_of_a_table_change_is_its_base_column() -> None:
    text = BEFORE + one_cell_per_line(NATIONAL_CAPTION, NATIONAL_HEADER, NATIONAL_ROWS) + AFTER
    energy = next(i for i in extract_text(text).indicators if i.name == "单位GDP能源消耗")
    assert (energy.baseline_year, energy.target_year) == (2020, 2025)


def test_html_and_docx_keep_table_rows_as_tab_separated_lines(tmp_path: Path) -> None:
    caption, header, rows, _, _ = TABLES["provincial"]
    path = tmp_path / "p.html"
    path.write_text(html_page(caption, header, rows), encoding="utf-8")
    html_lines = read_document(path).text.split("\n")
    docx_file(tmp_path / "p.docx", caption, header, rows)
    docx_lines = read_document(tmp_path / "p.docx").text.split("\n")
    for lines in (html_lines, docx_lines):
        assert "\t".join(header) in lines
        assert "\t".join(rows[0]) in lines


def test_a_layout_table_of_long_cells_still_reads_as_lines(tmp_path: Path) -> None:
    long_cell = "加快推进数字产业化和产业数字化，" * 8
    page = f"<table><tr><td>{long_cell}</td><td>侧栏</td></tr></table>"
    path = tmp_path / "layout.html"
    path.write_text(f"<html><body>{page}</body></html>", encoding="utf-8")
    assert read_document(path).text.split("\n") == [long_cell, "侧栏"]


# ---------------------------------------------------------------- store, API and RDF


def test_kind_direction_and_attribute_reach_the_store_the_api_and_rdf(
    store: GraphStore, tmp_path: Path
) -> None:
    caption, header, rows, expected, _ = TABLES["changes"]
    path = tmp_path / "changes.html"
    path.write_text(html_page(caption, header, rows), encoding="utf-8")
    load_path(store, path)
    with TestClient(create_app(api_settings(), store=store)) as client:
        binding = client.get("/indicators", params={"attribute": "binding", "limit": 200}).json()
        assert sorted(i["name"] for i in binding["items"]) == sorted(
            r[0] for r in expected if r[7] == "binding"
        )
        changes = client.get("/indicators", params={"kind": "change", "limit": 200}).json()["items"]
        assert {(i["name"], i["direction"]) for i in changes} == {
            (r[0], r[5]) for r in expected if r[4] == "change"
        }
        rate = client.get("/indicators", params={"kind": "rate"}).json()
        assert [(i["name"], i["value"], i["unit"]) for i in rate["items"]] == [("地区生产总值", 8, "%")]
        detail = client.get(f"/indicators/{rate['items'][0]['id']}").json()
        assert (detail["target_kind"], detail["direction"], detail["attribute"]) == (
            "rate",
            "increase",
            "expected",
        )
        assert client.get("/indicators", params={"kind": "size"}).status_code == 422
    data = export_graph(store)
    assert violations(data) == []
    kinds = {str(o) for o in data.objects(None, PK.targetKind)}
    attributes = {str(o) for o in data.objects(None, PK.indicatorAttribute)}
    assert kinds == {"level", "change", "rate"} and attributes == {"binding", "expected"}


# ---------------------------------------------------------------- boxes (专栏)

BOXES = """某省“十四五”数字经济发展规划
第一章 发展目标
到2025年，数字经济核心产业增加值占地区生产总值比重达到10%。
第二章 主要任务
第一节 建设高速泛在的信息网络
加快5G网络规模化部署，推进千兆光网建设，优化数据中心布局。
专栏1 新型基础设施重点工程
1．5G网络建设工程。新建5G基站5万个，实现城区和重点乡镇全覆盖。
2．千兆光网工程。千兆宽带用户达到100万户。
第二节 推进产业数字化转型
实施制造业数字化转型行动，培育工业互联网平台。
专栏2 产业数字化重点项目
智能工厂建设项目：建成智能工厂50家、数字化车间200个。
工业互联网平台培育项目：培育省级工业互联网平台20个。
第三章 保障措施
加强组织领导，完善工作机制。
"""


def test_box_projects_are_subtasks_of_their_task_and_their_numbers_indicators() -> None:
    extraction = extract_text(BOXES)
    tasks = {t.id: t for t in extraction.tasks}
    parent_of = {t.name: tasks[t.parent].name if t.parent else None for t in extraction.tasks}
    assert parent_of == {
        "建设高速泛在的信息网络": None,
        "5G网络建设工程": "建设高速泛在的信息网络",
        "千兆光网工程": "建设高速泛在的信息网络",
        "推进产业数字化转型": None,
        "智能工厂建设项目": "推进产业数字化转型",
        "工业互联网平台培育项目": "推进产业数字化转型",
    }  # the captions (专栏1 …) are no tasks
    measured = {
        (i.name, i.value, i.unit): tasks[i.subject].name for i in extraction.indicators if i.subject in tasks
    }
    assert measured == {
        ("5G基站", 5, "万个"): "5G网络建设工程",
        ("千兆宽带用户", 100, "万户"): "千兆光网工程",
        ("智能工厂", 50, "家"): "智能工厂建设项目",
        ("数字化车间", 200, "个"): "智能工厂建设项目",
        ("省级工业互联网平台", 20, "个"): "工业互联网平台培育项目",
    }


def test_a_list_of_measures_one_cell_per_line_gives_one_sub_task_per_row() -> None:
    text = (
        "国务院办公厅关于推广支持创新相关改革举措的通知\n"
        "一、推广的改革举措（共3项）\n"
        "（一）知识产权保护方面2项：知识产权案件“三合一”审判；专利保险机制。\n"
        "（二）科技金融创新方面1项：区域性股权市场设置科技创新专板。\n"
        "二、高度重视推广工作\n"
        "各地区要把推广改革举措作为重要抓手，抓好落实。\n"
        "三、认真抓好组织实施\n"
        "各省（区、市）人民政府要把推广改革举措列入重要议事日程。\n"
        "附件\n"
        "支持创新相关改革举措推广清单\n"
        "序号\n改革举措\n主 要 内 容\n指导部门\n推广范围\n"
        "一、知识产权保护方面（共2项）\n"
        "1\n知识产权案件“三合一”审判\n整合分散的审判资源，提高审判效率。\n最高人民法院\n全国\n"
        "2\n专利保险机制\n开发专利保险产品，降低创新主体的侵权损失。\n国家知识产权局\n全国\n"
        "二、科技金融创新方面（共1项）\n"
        "5\n区域性股权市场设置科技创新专板\n要为科技型中小企业提供服务。\n中国证监会\n全国\n"  # 3, 4 left out
    )
    tasks = extract_text(text).tasks
    groups = {t.id for t in tasks if t.name.endswith(("方面（共2项）", "方面（共1项）"))}
    assert [t.name for t in tasks if t.parent in groups] == [
        "知识产权案件“三合一”审判",
        "专利保险机制",
        "区域性股权市场设置科技创新专板",
    ]
    rows = [t for t in tasks if t.parent in groups]
    assert rows[0].text == "知识产权案件“三合一”审判\n整合分散的审判资源，提高审判效率。\n最高人民法院\n全国"
    assert not any(t.name in ("1", "2", "全国", "最高人民法院") for t in tasks)


def test_an_annexed_yearly_schedule_gives_its_totals_by_year() -> None:
    cells = (
        "省（市）\n1995年招生人数\n扩招\n分年度招生任务\n1996年\n1997年\n1998年\n"
        "总计\n1445\n555\n1600\n1800\n2000\n"
        "江苏\n100\n100\n120\n140\n200\n"
        "广东\n120（扩招）\n30\n120\n135\n150\n"
    )
    text = (
        "国务院办公厅转发国家教委关于内地西藏班扩大规模有关问题请示的通知\n"
        "国务院：\n"
        "内地西藏初中班从现有招生规模基础上，逐步扩大，1998年达到2000人的规模。现提出如下意见：\n"
        "一、逐年扩招，分步实施\n"
        "（一）扩大内地西藏初中班招生规模，从1996年开始逐年扩招（见附表）。\n"
        "二、加强领导，明确职责\n"
        "（一）各有关省（市）人民政府要把援藏办学列入重要议事日程。\n"
        "附：\n内地西藏初中班扩大招生计划表\n单位：人\n" + cells
    )
    extraction = extract_text(text)
    found = sorted((i.target_year, i.value, i.unit) for i in extraction.indicators)
    # the 1998 total restates the text's target: one indicator; 1445 (1995) and 555 are no targets
    assert found == [(1996, 1600, "人"), (1997, 1800, "人"), (1998, 2000, "人")]
    names = {i.target_year: i.name for i in extraction.indicators}
    assert names[1996] == "内地西藏初中班扩大招生1996年招生任务"
    assert not any(t.name in ("江苏", "总计", "1996年") for t in extraction.tasks)


def test_a_header_is_rejoined_only_where_the_page_wrapped_it() -> None:
    # 指标 / 属性 are two columns when 指标 is the names (the 专栏1 layout) …
    assert _rejoined_header(["序号", "指标", "属性", "目标值"]) == ["序号", "指标", "属性", "目标值"]
    # … and one wrapped 指标属性 after a name column
    assert _rejoined_header(["序号", "指标名称", "指标", "属性", "目标值", "（2025年）"]) == [
        "序号",
        "指标名称",
        "指标属性",
        "目标值（2025年）",
    ]


def test_a_wrapped_one_cell_per_line_table_with_two_target_years() -> None:
    # as a district plan's page gives it: header cells and some row cells wrapped onto two lines
    text = (
        "崇明区水务“十四五”规划\n二、发展目标\n2.主要指标\n"
        + "\n".join(
            [
                "序号",
                "指标名称",
                "指标",
                "属性",
                "基准值",
                "（2020年）",
                "目标值",
                "（2025年）",
                "目标值",
                "（2035年）",
                "1",
                "主海塘达标率",
                "预期性",
                "46％",
                "≥73％",
                "100％",
                "2",
                "河湖水面积",
                "约束性",
                "120.14",
                "平方公里",
                "128.92",
                "平方公里",
                "148.37",
                "平方公里",
                "3",
                "供水水质综合合格率",
                "（国标GB5749-2006）",
                "约束性",
                "≥95％",
                "≥99％",
                "100％",
                "4",
                "水务基础信息采集率",
                "预期性",
                "/",
                "100％",
                "100％",
            ]
        )
        + "\n三、主要任务\n（一）强化防洪除涝体系建设。\n"
    )
    rows = [(i.name, i.value, i.unit, i.target_year, i.attribute) for i in extract_text(text).indicators]
    assert rows == [
        ("主海塘达标率", 73, "%", 2025, "expected"),
        ("主海塘达标率", 100, "%", 2035, "expected"),
        ("河湖水面积", 128.92, "平方公里", 2025, "binding"),
        ("河湖水面积", 148.37, "平方公里", 2035, "binding"),
        ("供水水质综合合格率（国标GB5749-2006）", 99, "%", 2025, "binding"),
        ("供水水质综合合格率（国标GB5749-2006）", 100, "%", 2035, "binding"),
        ("水务基础信息采集率", 100, "%", 2025, "expected"),
        ("水务基础信息采集率", 100, "%", 2035, "expected"),
    ]


def test_a_table_headed_by_periods_with_a_target_written_out_in_a_cell() -> None:
    # as a district's 十五五 plan gives it: “十五五” / 目标值 wrapped, a category line, a worded target
    cells = [
        "主要指标表",
        "类别",
        "序号",
        "一级指标",
        "二级指标",
        "单位",
        "属性",
        "“十四五”",
        "完成值",
        "“十五五”",
        "目标值",
        "建设全龄友好宜居城区",
        "1",
        "推进老旧小区整治改造",
        "老旧小区整治改造面积",
        "万平方米",
        "预期性",
        "240",
        "300",
        "2",
        "推进城中村改造",
        "推动城中村改造项目数量",
        "个",
        "约束性",
        "启动8个城中村整体改造项目",
        "至2026年底，全面启动城中村整体改造项目，全面完成整治提升；2027年全面完成前期改造",
        "3",
        "修复城市生态系统",
        "人均公园绿地面积",
        "平方米",
        "约束性",
        "11.1",
        "11.5",
    ]
    text = (
        "闵行区城市更新“十五五”规划\n二、规划目标\n"
        + "\n".join(cells)
        + "\n三、重点任务\n（一）推进旧区改造。\n"
    )
    extraction = extract_text(text)
    assert extraction.goals == []  # neither the caption nor a cell is a goal
    rows = [(i.name, i.value, i.unit, i.target_year, i.baseline) for i in extraction.indicators]
    assert ("老旧小区整治改造面积", 300, "万平方米", 2030, 240) in rows
    assert ("人均公园绿地面积", 11.5, "平方米", 2030, 11.1) in rows


def test_a_tables_caption_and_the_notes_defining_its_rows_are_no_goals() -> None:
    cells = ["序号", "类别", "指标名称", "指标属性", "现状值(2025年）", "目标值(2030年）"]
    rows = [
        "1",
        "水安全",
        "城市易积水点消除比例",
        "预期性",
        "100%",
        "100%",
        "2",
        "水环境",
        "河湖水面率",
        "约束性",
        "3.9%",
        "3.95%",
    ]
    text = (
        "普陀区水务“十五五”规划\n二、发展目标\n“十五五”期末，基本建成现代水系统治理体系。\n"
        "“十五五”发展目标、主要指标\n" + "\n".join(cells + rows) + "\n"
        "注： 1、城市易积水点消除比例采用数据为年度统计值。\n"
        "2.河湖水面率，即河湖面积占区域总面积的百分比。\n"
        "三、主要任务\n（一）强化防汛安全。\n"
    )
    extraction = extract_text(text)
    assert [g.text for g in extraction.goals] == ["“十五五”期末，基本建成现代水系统治理体系"]
    assert ("河湖水面率", 3.95, 2030) in [(i.name, i.value, i.target_year) for i in extraction.indicators]


def test_a_year_over_its_value_word_heads_one_column() -> None:
    # regression from a real plan: 2025年 / 现状值 / 2030年 / 目标值 wrapped onto four lines read the
    # current value as the target
    assert _rejoined_header(["序号", "指标名称", "指标", "属性", "2025年", "现状值", "2030年", "目标值"]) == [
        "序号",
        "指标名称",
        "指标属性",
        "2025年现状值",
        "2030年目标值",
    ]
    text = (
        "上海市水系统治理“十五五”规划\n上海市水系统治理“十五五”规划指标表\n"
        + "\n".join(["序号", "类别", "指标名称", "指标", "属性", "2025年", "现状值", "2030年", "目标值"])
        + "\n"
        + "\n".join(["1", "水安全", "防洪堤防达标率（%）", "预期性", "94", "96"])
        + "\n"
        + "\n".join(["2", "河湖水面率（%）", "预期性", "10.15", "10.25"])
        + "\n"
    )
    found = [(i.name, i.value, i.baseline, i.target_year) for i in extract_text(text).indicators]
    assert found == [("防洪堤防达标率", 96.0, 94.0, 2030), ("河湖水面率", 10.25, 10.15, 2030)]


def test_a_two_row_header_with_a_value_group_and_categories_before_serials() -> None:
    # regression from a real plan: 指标值 heads 现状 | 近期规划, their years follow as （2025年）/（2030年）,
    # 类型 holds 约束性/预期性, and each group's category cell comes before its first row's serial
    header = [
        "指标类别",
        "序号",
        "指标项",
        "单位",
        "类型",
        "指标值",
        "现状",
        "近期规划",
        "（2025年）",
        "（2030年）",
    ]
    assert _rejoined_header(header) == [
        "指标类别",
        "序号",
        "指标项",
        "单位",
        "类型",
        "现状（2025年）",
        "近期规划（2030年）",
    ]
    cells = [
        *["发展规模", "1", "建设用地总规模", "平方千米", "约束性", "53.75", "53.74"],
        *["服务设施", "2", "风貌保护街坊面积", "平方千米", "约束性", "1.31", "1.31"],
        *["3", "养老床位数占老年人口比例", "%", "约束性", "/", "2.5"],
    ]
    text = "普陀区国土空间近期规划\n专栏1 核心指标表\n" + "\n".join(header + cells) + "\n"
    found = [(i.name, i.value, i.unit, i.target_year, i.attribute) for i in extract_text(text).indicators]
    assert found == [
        ("建设用地总规模", 53.74, "平方千米", 2030, "binding"),
        ("风貌保护街坊面积", 1.31, "平方千米", 2030, "binding"),
        ("养老床位数占老年人口比例", 2.5, "%", 2030, "binding"),
    ]


def test_a_rate_unit_in_brackets_after_a_table_name() -> None:
    # regression from a real plan: 每百万人火灾事故年平均发生率（起/百万人） kept its unit in its name
    text = (
        "普陀区消防事业发展“十五五”规划\n专栏1 主要指标\n"
        + "\n".join(["序号", "指标名称", "2030年目标值", "属性"])
        + "\n"
        + "\n".join(["1", "每百万人火灾事故年平均发生率（起/百万人）", "≤490", "约束性"])
        + "\n"
    )
    found = [(i.name, i.value, i.unit) for i in extract_text(text).indicators]
    assert found == [("每百万人火灾事故年平均发生率", 490.0, "起/百万人")]


def test_a_two_column_table_of_names_and_targets_under_its_caption() -> None:
    # regression from a real plan: 主要指标预期目标 / 指标名称 / 预期目标 / … gave every cell as a goal
    text = (
        "上海市排水管理体制改革方案\n一、改革目标\n在现阶段分工不变的基础上，加快建成城镇排水管理体系。\n"
        "主要指标预期目标\n指标名称\n预期目标\n管道养护抽查合格率\n95%（含）以上\n二、工作任务\n"
        "（一）推进平稳有序移交。相关区政府将公共排水设施交由城投集团运营。\n"
    )
    extraction = extract_text(text)
    assert [g.text for g in extraction.goals] == ["在现阶段分工不变的基础上，加快建成城镇排水管理体系"]
    assert [(i.name, i.value, i.unit) for i in extraction.indicators] == [("管道养护抽查合格率", 95.0, "%")]
    assert not is_header(["名称", "内容"]) and is_header(["指标名称", "预期目标"])


def test_a_range_in_a_target_cell_is_at_least_its_low_end() -> None:
    # regression from a real plan (沪府办发〔2026〕15号, one cell per line): 〔3000—4000〕 rows were dropped,
    # and a unit naming its alternative count, （万套（间））, stayed in the name
    path = REPO / "tests/gold/sealed14/docs/sh_fbf_2026_15_urban_renewal_housing_15th_fyp.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines.index("专栏“十五五”时期上海市城市更新和住房发展主要指标")
    title = "上海市城市更新和住房发展“十五五”规划"
    text = "\n".join([title, "一、发展目标", *lines[header : header + 36], ""])
    found = {i.name: (i.value, i.unit, i.comparator, i.target_year) for i in extract_text(text).indicators}
    assert found["实施老旧小区改造面积"] == (3000.0, "万平方米", ">=", 2030)
    assert found["新增供应各类住宅用地面积"] == (1800.0, "公顷", ">=", 2030)
    assert found["新增供应保障性租赁住房数量"] == (25.0, "万套（间）", ">=", 2030)
    assert found["城中村整体改造项目认定数量"][:2] == (12.0, "个")


def test_a_row_value_equal_to_the_next_serial_stays_in_its_row_and_a_text_restating_a_row_is_it() -> None:
    # regression from a real district plan: 约束性 / 2 / 2 / 新增专用绿地面积 cut row 1 before its value 2
    # (read as serial 2); 推动单位附属绿地开放共享5个 in the text was a second indicator beside the table's
    # 新增附属绿地开放共享数量 5
    path = REPO / "tests/gold/sealed20/docs/sh_huangpu_eco_space_cityscape_15th_fyp_2026.txt"
    text = path.read_text(encoding="utf-8")
    indicators = extract_text(text).indicators
    assert ("新增公共绿地面积", 2.0) in [(i.name, i.value) for i in indicators]
    shared = [i.name for i in indicators if i.value == 5.0 and i.unit == "个"]
    assert shared == ["新增附属绿地开放共享数量"]


def test_a_part_heading_after_a_table_ends_it() -> None:
    # regression from a real district plan (blind): 第五部分：主要任务 right after the last cell of an
    # indicator table was read as a cell, so its tasks fell under the goal part before it
    path = REPO / "tests/gold/blind/docs/sh_putuo_greening_cityscape_15th_fyp_2026.txt"
    outline = parse_outline(path.read_text(encoding="utf-8"))
    part = next(par for par in outline.paragraphs if par.text.startswith("第五部分"))
    assert part.form == "heading" and part.title == "主要任务"


def test_a_table_of_targets_for_two_years_with_a_column_of_notes() -> None:
    # regression from a real Shanghai plan's annex (sealed35): 编号 / 关键指标 / 2025年指标 / 2035年指标 /
    # 指标说明与指引, one cell per line, was no table (关键指标 and the notes column were no header cells, a
    # note closed by 。 ended it), and 2025年指标 would have been read as a baseline
    path = REPO / "tests/gold/sealed35/docs/sh_2021_06_21_park_city_guidance_opinion.txt"
    found = {(i.name, i.value, i.target_year) for i in extract_path(path).indicators}
    assert ("人均公园绿地面积", 9.5, 2025) in found and ("人均公园绿地面积", 13.0, 2035) in found
    assert not any(name.startswith(("参照", "以建设")) for name, _, _ in found)  # the notes are no rows


def test_a_one_cell_per_line_table_with_wrapped_names_and_period_notes_and_a_nature_column() -> None:
    # regression from a real plan (上海市加强土地管理“十五五”规划, sealed152): its header's 指标性质 was no
    # column word, so the table was three columns wide and its cells shifted; a name run onto a second
    # line (年均土地储备计划 / 规模（平方公里）) and a baseline's period under it (36 / （2021年-2025年）)
    # made rows too long; the 2025 baselines were read as targets, without units
    path = REPO / "tests/gold/sealed152/docs/sh_shi_2026_land_management_15th_fyp.txt"
    outline = parse_outline(path.read_text(encoding="utf-8"))
    [table] = outline.tables
    assert table.header == ["指标名称", "2025年", "2030年", "指标性质"]
    assert [[cell.text for cell in row][:2] for row in table.rows[1:4]] == [
        ["年均土地供应规模（平方公里）", "36（2021年-2025年）"],
        ["年均土地储备计划规模（平方公里）", "30-40（2021年-2025年）"],
        ["年均低效建设用地减量化规模（平方公里）", "12.6（2021年-2025年）"],
    ]
    indicators = {
        i.name: (i.value, i.unit, i.target_year, i.attribute) for i in extract_path(path).indicators
    }
    assert indicators["建设用地总规模"] == (3200.0, "平方公里", 2030, "binding")
    assert indicators["年均土地储备计划规模"] == (50.0, "平方公里", 2030, "expected")
    assert indicators["单位GDP建设用地使用面积下降率"] == (20.0, "%", 2030, "expected")
    assert 36.0 not in [value for value, *_ in indicators.values()]  # a baseline is no target

"""Edited copies of real corpus documents, made in the test: another region, another edition,
changed targets, a plan that carries a national one out. Each returns (file name, text)."""

from __future__ import annotations

from pathlib import Path

from tests.support.corpus import CORPUS

QINGDAO = CORPUS / "qingdao-informatization-13th-fyp.txt"
VOCATIONAL = CORPUS / "state-council-2019-4-vocational-education-reform.txt"

# The targets the 十四五 copy changes (old → new), as the seed writes them.
CHANGED_TARGETS = {
    "政务事项网办率达到90%": "政务事项网办率达到98%",
    "互联网用户数超过1000万户": "互联网用户数超过1300万户",
}


PREVIOUS_TITLE = "青岛市信息化“十三五”发展规划（2016-2020年）"


def qingdao_13th() -> tuple[str, str]:
    return "qingdao-13th.txt", QINGDAO.read_text(encoding="utf-8")


def qingdao_14th() -> tuple[str, str]:
    """The next edition: 十四五, 2021-2025, two targets raised, and it says which plan it carries on."""
    text = QINGDAO.read_text(encoding="utf-8")
    for old, new in CHANGED_TARGETS.items():
        assert old in text, old
        text = text.replace(old, new)
    text = text.replace("十三五", "十四五").replace("2016-2020", "2021-2025").replace("2020年", "2025年")
    closing = f"本规划贯彻落实《国家职业教育改革实施方案》，衔接《{PREVIOUS_TITLE}》。"
    return "qingdao-14th.txt", text.rstrip("\n") + "\n" + closing + "\n"


def other_city(city: str) -> tuple[str, str]:
    """The seed as another city's plan (济南 lies in 山东 as 青岛 does; 杭州 does not)."""
    return f"{city}-13th.txt", QINGDAO.read_text(encoding="utf-8").replace("青岛", city)


def vocational() -> tuple[str, str]:
    return "vocational.txt", VOCATIONAL.read_text(encoding="utf-8")


def write(tmp: Path, *variants: tuple[str, str]) -> list[Path]:
    paths = []
    for name, text in variants:
        path = tmp / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


SEED_TITLE = "青岛市信息化“十三五”发展规划（2016-2020年）"

# Another document carrying the seed's own title as its title line (a digest of the plan): it maps to
# the seed's plan id, but it is not the seed's source.
DIGEST = f"""{SEED_TITLE}
（摘要）
一、发展目标
到2020年，建成全国领军的智慧城市，光纤宽带覆盖全部城乡家庭。
二、重点任务
（一）建设智慧社区。推进社区公共服务综合信息平台建设，实现社区服务一网通办。
（二）发展电子政务。推进政务信息资源共享开放。
"""

"""Extraction throughput: documents/s and MB/s over generated plan documents of the genre's shapes.

Generates N (default 1,000) documents from four templates (news summary with counted headings, 第X章
十四五 plan, 实施意见 with 一、（一）1., 解读 with 一是…二是…), filled with shuffled real sentences of the
corpus whose numbers are perturbed, then times `extract_text` on each (the whole extractor: structure,
metadata, indicators, vocabulary, links) and, separately, the structure + indicator pass alone.

Usage: python benchmarks/extract.py [--documents 1000] [--seed 7] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

from plankg.loaders.extract import extract_text
from plankg.loaders.indicators import find_indicators
from plankg.loaders.structure import parse_outline

REPO = Path(__file__).resolve().parent.parent
CN_NUMBERS = "一二三四五六七八九十"
CITIES = ["青岛市", "烟台市", "杭州市", "成都市", "武汉市", "西安市", "苏州市", "合肥市", "长沙市", "南宁市"]
TOPICS = ["数字经济", "信息化", "智慧城市", "工业互联网", "新型基础设施", "数字政府", "大数据产业"]
TARGET_TEMPLATES = [
    "{name}达到{n}%以上",
    "{name}超过{n}亿元",
    "培育{n}个{thing}",
    "建设{n}个{thing}",
    "{name}不低于{n}万户",
    "{name}由{m}Mbps提升至{n}Mbps",
    "累计建成{thing}{n}个",
    "{name}控制在{n}个工作日以内",
]
NAMES = [
    "互联网用户数",
    "政务服务事项网办率",
    "数字经济核心产业增加值",
    "软件业务收入",
    "智慧社区覆盖",
    "5G基站数量",
]
THINGS = ["智能工厂", "工业互联网平台", "数字化车间", "示范园区", "创新中心", "骨干企业"]


def corpus_dir(explicit: str | None) -> Path:
    """--corpus, else the checkout's shared corpus (tests/support/corpus.py)."""
    if explicit:
        return Path(explicit)
    sys.path.insert(0, str(REPO))
    from tests.support.corpus import CORPUS

    return CORPUS


def sentence_pool(corpus: Path) -> list[str]:
    sentences: list[str] = []
    for path in [*sorted(corpus.glob("*.txt")), *sorted((REPO / "tests" / "gold" / "docs").glob("*.txt"))]:
        for line in path.read_text(encoding="utf-8").splitlines():
            for sentence in re.split(r"(?<=[。；])", line):
                if len(sentence) >= 20 and sentence.endswith(("。", "；")):
                    sentences.append(sentence.rstrip("；") if sentence.endswith("；") else sentence)
    return sentences


def perturb(sentence: str, rng: random.Random) -> str:
    return re.sub(
        r"(?<![\d.])\d{2,4}(?![\d年])",
        lambda m: str(max(1, int(int(m.group()) * rng.uniform(0.5, 2)))),
        sentence,
    )


def target(rng: random.Random) -> str:
    n = rng.choice([5, 10, 20, 50, 85, 90, 100, 300, 1000, 3500])
    return rng.choice(TARGET_TEMPLATES).format(
        name=rng.choice(NAMES), thing=rng.choice(THINGS), n=n, m=max(1, n // 5)
    )


def body(rng: random.Random, pool: list[str], sentences: int) -> str:
    parts = [perturb(rng.choice(pool), rng) for _ in range(sentences)]
    if rng.random() < 0.6:
        parts.insert(rng.randrange(len(parts) + 1), target(rng) + "。")
    return "".join(parts)


def lead(rng: random.Random, pool: list[str]) -> str:
    verb = rng.choice(["推进", "建设", "加快", "强化", "完善"])
    return f"{verb}{rng.choice(THINGS)}{rng.choice(['建设', '发展', '升级'])}"


def news_summary(rng: random.Random, pool: list[str], city: str, topic: str) -> str:
    counts = [rng.randint(3, 6), rng.randint(3, 5), rng.randint(4, 8)]
    lines = [
        f"{city[:-1]}规划：{topic}迈上新台阶",
        f"日前，{city}政府办公厅印发《{city}{topic}“十三五”发展规划（2016-2020年）》。",
        body(rng, pool, 3),
    ]
    for count, (verb, word) in zip(
        counts, (("实现", "目标"), ("锁定", "方向"), ("完成", "任务")), strict=True
    ):
        lines.append(f"{verb}{CN_NUMBERS[count - 1]}大{word}：")
        lines.append(f"《规划》提出，青岛将围绕{topic}{verb}{CN_NUMBERS[count - 1]}大{word}。")
        lines += [f"{lead(rng, pool)}。{body(rng, pool, rng.randint(2, 4))}" for _ in range(count)]
    return "\n".join(lines)


def chapter_plan(rng: random.Random, pool: list[str], city: str, topic: str) -> str:
    lines = [
        f"{city}{topic}发展“十四五”规划",
        "第一章 发展基础",
        body(rng, pool, 4),
        "第二章 总体要求",
        "一、指导思想",
        body(rng, pool, 2),
        "二、基本原则",
    ]
    lines += [
        f"坚持{rng.choice(['创新引领', '融合发展', '开放共享', '安全可控'])}。{body(rng, pool, 1)}"
        for _ in range(4)
    ]
    lines += ["三、发展目标", "到2025年，" + body(rng, pool, 1)]
    lines += [f"{lead(rng, pool)}。{target(rng)}，{target(rng)}。" for _ in range(rng.randint(3, 5))]
    for chapter in range(3, 3 + rng.randint(3, 6)):
        lines.append(f"第{CN_NUMBERS[chapter - 1]}章 {lead(rng, pool)}")
        for section in range(1, rng.randint(2, 4) + 1):
            lines += [f"第{CN_NUMBERS[section - 1]}节 {lead(rng, pool)}", body(rng, pool, rng.randint(2, 5))]
    lines += ["第九章 保障措施", "一、加强组织领导", body(rng, pool, 2)]
    return "\n".join(lines)


def opinion(rng: random.Random, pool: list[str], city: str, topic: str) -> str:
    lines = [
        f"{city}人民政府办公厅关于加快{topic}发展的实施意见",
        f"{city[0]}政办〔2021〕{rng.randint(1, 99)}号",
        body(rng, pool, 2),
        "一、总体要求",
        "（一）指导思想。" + body(rng, pool, 1),
        "（二）主要目标。到2023年，" + target(rng) + "，" + target(rng) + "。" + body(rng, pool, 1),
        "二、重点任务",
    ]
    for index in range(rng.randint(3, 6)):
        lines.append(f"（{CN_NUMBERS[index]}）{lead(rng, pool)}。")
        lines += [
            f"{n}.{lead(rng, pool)}。{body(rng, pool, rng.randint(1, 3))}"
            for n in range(1, rng.randint(2, 4))
        ]
    lines += ["三、保障措施", "（一）加强组织领导。" + body(rng, pool, 2)]
    return "\n".join(lines)


def interpretation(rng: random.Random, pool: list[str], city: str, topic: str) -> str:
    items = "；".join(f"{CN_NUMBERS[i]}是{lead(rng, pool)}，{target(rng)}" for i in range(rng.randint(3, 6)))
    return "\n".join(
        [
            f"《{city}{topic}发展“十四五”规划》解读",
            f"近日，{city}人民政府印发《{city}{topic}发展“十四五”规划》。",
            "一、编制背景",
            body(rng, pool, 3),
            "二、发展目标",
            f"《规划》提出，到2025年，{target(rng)}。",
            "三、重点任务",
            f"《规划》明确了重点任务：{items}。",
            "四、保障措施",
            body(rng, pool, 1),
        ]
    )


SHAPES = (news_summary, chapter_plan, opinion, interpretation)


def generate(count: int, seed: int, pool: list[str]) -> list[str]:
    rng = random.Random(seed)
    return [SHAPES[i % len(SHAPES)](rng, pool, rng.choice(CITIES), rng.choice(TOPICS)) for i in range(count)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--corpus")
    args = parser.parse_args()
    documents = generate(args.documents, args.seed, sentence_pool(corpus_dir(args.corpus)))
    megabytes = sum(len(d.encode("utf-8")) for d in documents) / 1e6
    extract_text(documents[0])  # load the lexicons and jieba once, outside the timing

    started = time.perf_counter()
    for text in documents:
        outline = parse_outline(text)
        for par in outline.paragraphs:
            find_indicators(text, par.start, par.end)
    structure_seconds = time.perf_counter() - started

    started, cpu_started = time.perf_counter(), time.process_time()
    totals = {"goals": 0, "tasks": 0, "indicators": 0, "warnings": 0}
    for index, text in enumerate(documents):
        extraction = extract_text(text, path=f"<generated {index}>")
        totals["goals"] += len(extraction.goals)
        totals["tasks"] += len(extraction.tasks)
        totals["indicators"] += len(extraction.indicators)
        totals["warnings"] += len(extraction.warnings)
    full_seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started

    print(f"documents: {len(documents)} ({megabytes:.2f} MB UTF-8, 4 shapes)")
    print(
        f"structure+indicators: {len(documents) / structure_seconds:,.0f} documents/s, "
        f"{megabytes / structure_seconds:.2f} MB/s"
    )
    print(
        f"full extract_text:    {len(documents) / full_seconds:,.1f} documents/s, "
        f"{megabytes / full_seconds:.3f} MB/s ({full_seconds:.1f} s)"
    )
    # On a shared machine the wall clock counts other processes' turns too; CPU time does not.
    print(
        f"  per CPU second:     {len(documents) / cpu_seconds:,.1f} documents/s "
        f"({1000 * cpu_seconds / len(documents):.2f} ms of CPU per document)"
    )
    print("extracted: " + ", ".join(f"{k}={v}" for k, v in totals.items()))


if __name__ == "__main__":
    main()

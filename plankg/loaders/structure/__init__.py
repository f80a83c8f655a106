"""The outline of a Chinese plan text: paragraphs, headings, sections, and the goal / direction / task
items they hold. One module per shape read:

  paragraphs  a paragraph's own shape (numbered heading, plain heading, labelled, lead sentence, prose)
  notices     a notice's and a web page's furniture (文号, 落款, 分享到 …), never plan text
  headings    sections by meaning: what a heading says its section holds (goal / direction / task / none)
  sections    the outline tree built from the headings' numbering
  clauses     clauses, inline enumerations (一是…二是…) and sentence cues inside a paragraph
  items       the items a paragraph gives (lead sentence + body, enumeration, principles in prose)
  reports     a news report's or interpretation's loose paragraphs
  outline     the walk over sections that collects the items (parse_outline)
  numerals, punctuation: the Chinese numerals and sentence ends the others rely on

The genre has a few shapes, all handled by the same pass:
  - numbered headings (第一章 第一节 一、 （一） 1. （1） ① —— and half-width variants), whose nesting
    level is the order in which each numbering style first appears;
  - plain headings (a short line without sentence punctuation, e.g. a news summary's "实现五大目标：…"),
    and labelled paragraphs ("具体指标：到2022年，…");
  - items written as a lead sentence followed by their body ("基础支撑能级跃升。信息通信网络…"),
    as numbered headings, or as inline enumerations (一是…；二是…).

Sections are classified by the words of their heading: a heading that *is* a label (发展目标, 基本原则,
重点任务, 实现五大目标 …) says what its items are; background, guiding-thought and safeguard sections
(发展基础, 指导思想, 保障措施, 组织实施 …) hold no items. An unlabelled numbered section whose
sub-sections are unlabelled too (二、丰富赛事活动，完善赛事体系; 第三章 建设数字基础设施) is a task: in
the genre, the body chapters between the framework (要求/原则/目标) and the safeguards are the tasks.

Also read: a 解读's question headings (《规划》的主要目标有哪些？ → goals, 部署了哪些重点任务？ → tasks,
出台的背景是什么？/ 如何确保落地？ → no items); a news report's loose paragraphs — one that announces
items (部署了四个方面的重点任务。) followed by 一是…/二是… paragraphs, and, when the document has no goal
section at all, the first "《规划》提出，到2025年，…" paragraph as its goals; indicator tables whose cells
are separated by single spaces; a web page's furniture (分享到, 相关链接, 主办, 网站标识码 …) is not text,
and a signature with its date (落款) closes the sections before it.

Decisions (documented here because they shape the output):
  - 基本原则 / 发展定位 sections hold no items: principles are not directions, which are only what a
    document names so (方向, 重点方向, N大方向); 发展路径 sections are tasks;
  - 重点领域 / 发展重点 / 重点工程 / 专项行动 sections are *tasks*;
  - a goal section written as prose yields one goal per sentence, or per clause where ； lists
    several (guiding-thought sentences dropped);
  - sub-tasks are the numbered sub-sections or lead-sentence paragraphs of a task, or else the
    clauses (split on ；; 。) of a single-paragraph task; deeper levels stay inside their sub-task.
"""

from plankg.loaders.structure.headings import (
    Kind,
    Label,
    classify_title,
    fallback_kind,
    heading_count,
    main_title,
)
from plankg.loaders.structure.items import Item, Outline, all_items
from plankg.loaders.structure.numerals import CN_NUMERAL_CHARS, chinese_to_number, ordinal_value
from plankg.loaders.structure.outline import parse_outline
from plankg.loaders.structure.paragraphs import Paragraph, split_paragraphs
from plankg.loaders.structure.sections import Section, build_sections

__all__ = [
    "CN_NUMERAL_CHARS",
    "Item",
    "Kind",
    "Label",
    "Outline",
    "Paragraph",
    "Section",
    "all_items",
    "build_sections",
    "chinese_to_number",
    "classify_title",
    "fallback_kind",
    "heading_count",
    "main_title",
    "ordinal_value",
    "parse_outline",
    "split_paragraphs",
]

"""Goals, tasks and directions told in running text: a news report on a plan, a 解读, a short notice.

The structural reader (`structure`) finds items by headings and numbering; a report tells the same
items in sentences. This reader looks at the sentences themselves, in the genre's recurring shapes:

  - series of items: 一是…二是…, 在…方面，…, 围绕“…”，… (three or more sentences or paragraphs
    opened the same way), each an item named by its lead sentence or first clause, its other clauses
    the sub-tasks; a series announced as safeguards (保障措施, 做好实施 …) holds no tasks, one announced
    as goals (目标) holds goals;
  - kicker lines of a report ("加大…力度，扩大…规模——" / "——加快…") that state an action;
  - goal statements: a time cue (到2025年, 展望2035年, 力争到…, 未来五年, “十四五”期间, 目标是…)
    followed by what is to be reached (达到, 实现, 建成, 基本形成, 突破, 显著提升, 更加完善 …);
  - task statements: a modal (要, 将, 须, 计划 …) before an action verb (推进, 加快, 推动, 完善, 着力,
    加强, 实施, 建设, 培育, 优化, 深化 …), one task per sentence, its clauses the sub-tasks;
  - named directions: a list closed by its count ("A、B、C等3大重点领域", "A、B和C三个发展方向") or
    opened by its label ("重点领域：A、B、C"), the count checked against the list.

Guiding-thought sentences (以…为指导), principles (坚持…原则) and past facts are not items. Every item is
a span of the text: the caller slices names and evidence from it.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property

from plankg.loaders.indicators import find_indicators
from plankg.loaders.metadata import EDITION_NAME, EDITION_PERIODS
from plankg.loaders.non_targets import ALREADY_DONE_RE, FORECAST_WORD
from plankg.loaders.plan_facts import ended_editions, issue_year
from plankg.loaders.spans import GrowingSpans, SpanSet
from plankg.loaders.structure import Item, Outline, Paragraph, Section
from plankg.loaders.structure.clauses import (
    AIM_IS_A_DECISION_RE,
    FIGURE_PART_RE,
    REPORTED_ACTION_RE,
    REPORTING_LEAD_RE,
    SCOPE_ONLY_RE,
    dated_parts,
)
from plankg.loaders.structure.notices import NEWS_DATELINE

_CN_NUM = "一二三四五六七八九十两"
_CN_VALUE = {ch: i for i, ch in enumerate("零一二三四五六七八九", start=0)} | {"两": 2, "十": 10}
_SENTENCE_END = "。！？!?"
_EDGE = " \t\u3000\xa0，,、：:；;。！？!?…"

# Forms of paragraph that are not plan text (title, 文号 / dateline lines).
_NOT_TEXT_FORMS = ("meta", "title", "annex")

_ACTION_VERBS = (
    "推进|加快|推动|完善|着力|加强|实施|建设|培育|优化|深化|强化|提升|提高|健全|建立|构建|打造|发展|"
    "促进|扩大|支持|鼓励|引导|开展|探索|创新|落实|壮大|布局|夯实|拓展|增强|营造|引进|招引|统筹|"
    "规范|保障|推广|巩固|筑牢|发挥|聚焦|围绕|依托|加大|争创|建成|形成|实现|确保|做强|做优|做大|加速|筛选|谋划|"
    "瞄准|办好|搭建|吸引|撬动|研发|成立|开发|招引|深入|全面|打通|畅通|简化|制定|出台|编制|启动|培养|推行|"
    "用好|设立|改善|改进|减轻|降低|放宽|加紧|普及|组织|增设|新增|设置|取消|调整|总结"
)
_TASK_VERB_RE = re.compile(
    rf"(?:进一步|继续|全力|大力|全面|积极|持续|加快|着力|重点|稳步|有序|切实|不断)?(?:{_ACTION_VERBS})"
)
_LEAD_ACTION_RE = re.compile(rf"\s*(?:{_TASK_VERB_RE.pattern}|严格|严把|严肃)[^，,。；;]{{2,}}?。")
# A modal that puts a verb in the plan's future: 要加快…, 将分类施策，推进…, 计划依托….
# 将与各部门稳步推进…, 将会同有关部门加快…: the partners, then the action
_PARTNERS = (
    rf"(?:与|会同|联合|同)[^，,。；;]{{1,12}}?(?=(?:稳步|加快|积极|持续|共同|一道)?(?:{_ACTION_VERBS}))"
)
_MODAL_RE = re.compile(
    r"(?<![主重必需响反供适理顺])(?:还要|也要|要|还将|将|须|必须|需要|计划|应当|应)"
    rf"(?=(?:进一步|继续|重点|全力|大力|着力|加快|持续|不断|积极|稳步|加速|深入|切实)?(?:{_ACTION_VERBS})"
    rf"|[^，。；]{{0,6}}[，,](?:{_ACTION_VERBS})|{_PARTNERS})"
)
_PARTNERS_RE = re.compile(_PARTNERS)
# 将X作为Y / 将X分为…: 将 marks the object here, not the future
_BA_RE = re.compile(r"将[^，。；,;]{1,30}?(?:作为|列为|纳入|视为|分为|转化为|应用于|打造成|建成为)")
# 《意见》还提出，鼓励… / 报告提出，… : the document's own words reported
_REPORTED_RE = re.compile(
    r"(?:《[^》]{1,40}》|规划|方案|意见|报告|文件|通知|措施|计划|纲要|指引)(?:还|也|同时|进一步|特别|专门)?"
    r"(?:提出|提到|明确|要求|强调|指出)(?:了)?[，,：:]"
    # 印发《…行动方案（2025—2027年）》，要求积极发挥…: what the released document asks, action first
    rf"|《[^》]{{1,60}}》[，,](?:要求|提出|明确)(?=(?:进一步|积极|加快|大力|着力|持续)?(?:{_ACTION_VERBS}))"
)
# how an aim is pursued, not part of it: …为目标，按照安全优先…原则建设运行…项目
_MANNER_RE = re.compile(r"\s*(?:按照|依照|遵循|坚持|通过)")
# 持续推动…的目标实现 / 确保实现上述目标: reaching the goals set, no task of its own
_REACHING_TARGETS_RE = re.compile(
    r"目标(?:的)?实现|实现(?:上述|这些|各项|既定)目标|目标任务(?:的)?(?:完成|落实)"
)
# (and “十五五”规划建议提出，…: the party's recommendations a plan follows)
_CONTEXT_CITED_RE = re.compile(
    r"《[^》]*(?:政府工作报告|讲话|重要指示)[^》]*》|(?:全会|大会)《[^》]*》|规划建议"
)
_FOCUS_NAMED_RE = re.compile(r"以([^，,。；;]{2,30}?)为(?:改革|工作|主要)?(?:重点|突破口)")
# 《若干措施》支持社会餐饮企业… / 政策支持开展…试点: the document itself as the actor of a measure
_DOCUMENT_ACTS_RE = re.compile(
    # the document as the subject: its quoted title, or its kind opening the clause or after 该/此/本/这
    # (not 加强规划布局, where 规划 is part of the work named)
    r"(?:》|(?:(?<=[该此本这])|(?<![\u4e00-\u9fff]))(?:规划|方案|意见|措施|政策|通知))(?:还|也|进一步|同时)?"
    r"(?=(?:全力|着力|大力|系统|统筹|积极)?(?:支持|鼓励|引导|推动|推进|加快|实施|建立|完善|强化|构建|打造|布局)"
    r"|明确要求|要求)"
)
# 从…等方面布局一批重点任务 / 推出一系列新举措: measures laid out, before the words that list them
_MEASURES_LAID_OUT_RE = re.compile(r"(?:布局|部署|推出)[^，,。；;]{0,8}(?:任务|举措|措施)[，,]$")
# 比如，提出促进… / 针对老年人提出支持…: the document's measure reported by a verb of saying
_SAYS_ACTION_RE = re.compile(r"(?:提出|强调|明确|部署)(?:了)?“?(?=[^，,。；;]{4})")
# 以促进消费扩量、提质、升级为目标: the aim the speaker names (not 以…为目标导向)
_AIM_NAMED_RE = re.compile(r"以[^，,。；;]{2,40}?为(?:主要|总|工作)?目标(?!导向)")
# the words a plan puts before 目标 to say which (…的总体目标, …的发展目标, …的远景目标)
_AIM_KINDS = "总体|主要|发展|工作|战略|奋斗|远景"
# 提出构建形成“空间布局协调有序、…”的总体目标: an aim the plan declares by name
_AIM_DECLARED_RE = re.compile(
    rf"(?:提出|明确|确定)(?:了)?[^。；;]{{4,80}}?(?:的(?:{_AIM_KINDS})|等(?:重要|主要)?)目标"
)
# 《意见》明确了服务业发展的主要目标: that a plan set its goals, none of them stated (a short field named,
# no quotes, no year)
_AIM_ONLY_NAMED_RE = re.compile(rf"(?:提出|明确|确定)(?:了)?[^“”\"\d。；;，,]{{2,10}}的(?:{_AIM_KINDS})目标")
# 将“居民消费率明显提高”作为主要发展目标之一 / “人民生活品质不断提高”是…的主要目标之一 / 把高质量充分
# 就业作为经济社会发展的优先目标: an aim named as one of the plan's goals
_AIM_LISTED_RE = re.compile(
    r"(?:(?:将|把)(?:“[^”]{4,60}”|[^。；;，,“”]{4,30})作为[^。；;，,]{0,16}目标"
    r"|“[^”]{4,60}”(?:是|被列为|列为|被列入|列入)[^。；;，,]{0,24}目标)(?:之一|(?![的导]))"
)
# 实现改造区域整体“安全、优美、有序、宜居”的目标: the aim the document names in quotes
_AIM_QUOTED_RE = re.compile(r"(?:实现|达到)[^。；;，,]{0,12}“[^”]{2,60}”的(?:整体|总体)?目标")
# 改革旨在… / 《方案》旨在…: the plan or reform as the subject of its aim (not 片区，旨在打造…, a task's aim)
_PLAN_AIMS_RE = re.compile(
    r"(?:改革|方案|规划|意见|通知|政策|措施|》|文件|计划|行动)[^，,。；;]{0,4}旨在"
    # 制定出台意见的主要目的是…
    r"|(?:方案|规划|意见|通知|政策|措施|》|文件|计划)的(?:主要)?目的(?:是|在于|就是)"
)
# 南昌加快布局…, 合肥加速推进…: a short subject, then an adverb of intent and an action
_INTENT_RE = re.compile(rf"(?:加快|加速|大力|着力|全力|积极|持续|进一步)(?:{_ACTION_VERBS})")
_COPULA_RE = re.compile(r"(?<![一二三四五六七八九十])是(?!否)")
# verbs that open an instruction when they open a sentence
_DIRECTIVE_RE = re.compile(
    "加速|推动|推进|加快|加强|完善|健全|建立|构建|打造|培育|实施|深化|强化|优化|鼓励|支持|引导|探索|着力|开展|"
    "提升|提高|扩大|促进|增强|夯实|拓展|营造|统筹|落实|充分(?:利用|发挥|调动|运用)|增加|加大|大力|积极|深入|切实|"
    # 明确行政检查主体，… / 严格落实… / 规范行政检查行为 (not 明确，… reporting, not 规范化)
    "明确(?![，,：:了的])|严格|规范(?![化性的])"
)
_NOT_PLAN_SENTENCE_RE = re.compile(
    r"为指导|习近平|贯彻|精神|原则|[？?]|"  # guiding thought, principles, questions
    # facts of the past
    r"已经|已(?:累计|建成|形成|实现)|相继|截至|去年|上半年|同比|近年|以来|目前|此前|早在|"
    r"数据显示|统计显示|数据表明|据统计|"  # a statistic reported
    r"认为|记者"
)
# a reporter's lead before what was heard, and a scope clause whose past (以来, 已完成) is not the sentence's
_REPORTER_HEARD_RE = re.compile(r"[^。！？]{0,60}?记者[^。！？：:]{0,30}?(?:获悉|了解到)[：:，,]")
_SCOPE_LEAD_RE = re.compile(r"\s*(?:据了解[，,])?对[^，,。；;]{2,40}?的[，,]")
# what the environment will be like (competition, pressure, risks growing), or an outlook the speaker
# asks to keep in view (我们也要看到…): a judgement of circumstances, not something the plan sets out to reach
_SITUATION_RE = re.compile(
    r"(?:竞争|形势|挑战|压力|风险|矛盾|不确定性|下行)[^，,。；;]{0,6}?(?:更加|日益|愈发|越来越|更为)?"
    # (not a place so described: 矛盾突出区域)
    r"(?:激烈|严峻|复杂|突出|加大|增多|加剧)(?![的]?(?:区域|地区|地带|点位|领域))|(?:也要|必须|应当|应该|要)看到|"
    # the period one is in (…进入了…的关键时期): where things stand, not where the plan is to take them
    r"进入了?[^。；;]{0,60}(?:时期|阶段|窗口期|关键期)[。！!]?$"
)
# 累计建成800多家: a tally of results so far (a dated target, 到2025年累计建成…, carries a goal cue)
_TALLY_RE = re.compile(r"累计(?:建成|完成|实现|培育|引进|签约|落地|打造|认定|建设|开通|服务)")
# 越来越多的城市, 不少地方: a trend among many subjects the document reports on
_MULTITUDE_RE = re.compile(r"(?:越来越多的?|不少|许多|很多|众多|一些)(?:城市|地方|省份|地区|企业|国家)")
_PRINCIPLES = 3  # a sentence naming this many 坚持… lists principles
# a sentence that only counts the goals to follow (…推动实现五大目标。 / …提出三个方面的目标：)
_ONLY_COUNTS_GOALS_RE = re.compile(
    rf"[{_CN_NUM}\d]+(?:大|个|项)(?:方面的?)?(?:主要|发展|工作)?目标\s*[。：:]?\s*$"
)
_AIMS_ANNOUNCED_RE = re.compile(r"目标[”\"]?\s*[：:]?\s*$")
_SAFEGUARD_RE = re.compile(r"保障措施|保障实施|做好实施|组织实施|实施保障|保障机制|组织领导")
# a lead that names goals; 围绕上述目标，…作出部署 refers back to goals and announces tasks
_GOAL_LEAD_RE = re.compile(r"(?<!上述)(?<!围绕)(?<!实现)(?<!这些)(?<!这一)目标")
_TASK_LEAD_RE = re.compile(r"任务|举措|措施|方面|重点|部署|工作")
# a lead naming the work to come, whatever goals it mentions (…减排目标，…。明年将从五方面持续发力，…)
_WORK_LEAD_RE = re.compile(r"任务|举措|措施|[从在][一二三四五六七八九十\d]+(?:个)?方面")
# 2025年启动优化消费环境三年行动，取得阶段性成效。: a lead on results, its series tells what was done
_RESULTS_LEAD_RE = re.compile(
    r"(?<![将要保争])取得(?:了)?(?:阶段性|积极|明显|显著|重要|重大|良好)?(?:成效|成果|进展)[。！]?\s*$"
)

_YEAR = r"(?:19|20)\d{2}\s*年(?:\s*[\d一二三四五六七八九十]{1,2}\s*月)?(?:底|末|前)?"
# 到今年9月底 / 到明年四月底: a deadline in the report's own year (于今年投运 is a date, not an aim)
_NEAR_DEADLINE = r"(?:今年|明年)(?:\s*[\d一二三四五六七八九十]{1,2}\s*月)?(?:底|末|前)?"
_PERIOD = r"[“\"]?十[一二三四五六]五[”\"]?(?:时期|期间|末|期末)"
_COMING_YEARS = rf"未来\s*[{_CN_NUM}\d]+\s*年"  # 未来5年: a period too, unnamed
# a cue naming a span of time, not a date: what follows is the span's work or its end state
_SPAN_CUE_RE = re.compile(rf"{_PERIOD}|{_COMING_YEARS}")
# words of guidance and principle (not facts of the past) that may precede a dated aim in its sentence
_GUIDANCE_ONLY_RE = re.compile(r"为指导|习近平|贯彻|精神|原则")
# the words a goal's time cue may follow inside a clause (目标是到2025年, 力求到2030年, 《规划》到2025年)
_CUE_LEAD_WORDS = r"(?:提出|明确|是|为|要|将|计划|预计|力争|力求|确保|争取|》)$"
# 明确了到2030年，…进一步增强…的目标: a dated aim the document is said to have set, its year a clause of
# its own (not 提出了到2035年流域保护治理的主要任务, what the plan's contents cover)
_SAID_SET_RE = re.compile(r"(?:提出|明确)了$")
_AIM_WORD_RE = re.compile(rf"的(?:{_AIM_KINDS})?目标")
_FURTHER_AIM_RE = re.compile(
    rf"(?:展望|提出|明确)了?(?:到)?((?:{_YEAR})[^，,。；;]{{2,60}}?){_AIM_WORD_RE.pattern}"
)
# …的监管理念，目标就是整合部门合力，实现…: the aim a task's paragraph names as such
_AIM_LABEL_RE = re.compile(r"目标[，,]?(?:就是|是|为)[，,：:]?$")
_CUE_YEAR_RE = re.compile(r"(?:力争|力求|争取|预计|计划)?\s*(?:到|至|于|在)?\s*((?:19|20)\d{2})\s*年")
# what a sentence sets ahead: a modal of intent or striving, a plan, a target
_AHEAD_WORDS_RE = re.compile(r"将|要|力争|力求|争取|计划|预计|目标|确保")
# 《…方案》明确，2023年年底前完成30个…: what a plan set, quoted
_SET_BY_PLAN_RE = re.compile(
    r"(?:》|方案|规划|意见|计划|通知)(?:明确|提出|要求)"
    rf"|(?:提出|明确)[，,]\s*(?:到)?\s*{_YEAR}"  # …近期提出，2025年…达到4.5个: a dated target said
)


def sets_ahead(text: str, start: int, at: int, end: int) -> bool:
    """Whether the sentence text[start:end] sets what is to come (将, 要, 力争, 目标 …) or quotes, before
    `at`, what a plan set (《…方案》明确，2023年年底前完成30个…)."""
    return (
        _AHEAD_WORDS_RE.search(text, start, end) is not None
        or _SET_BY_PLAN_RE.search(text, start, at) is not None
    )


_REACHED_RE = re.compile(r"建成|达到|实现|超过\s*\d")
_SCOPE_OPENER_RE = re.compile(r"(?:重点|进一步|着力|紧紧)?(?:围绕|聚焦|依托|立足|面向|瞄准)")
# “十五五”时期，将… / “十五五”时期，陕西将… / 未来5年，需…: what comes after the cue (the subject that will
# act and its modal skipped; 努力 and 需 put the work ahead as 将 does)
_PERIOD_WORK_RE = re.compile(
    r"\s*[，,]?\s*(?:[\u4e00-\u9fff]{1,6}?(?=还将|将|要|需|努力))?(?:还将|将|要|需|努力)?\s*"
)
_PERIOD_IS_RE = re.compile(rf"{_PERIOD}\s*(?:是|为)(?!\s*[，,：:])")
# 2027年底前实现…, 方案提出，在2028年底前，实现…: a deadline the aim is set for (not 2024年前三季度)
_DEADLINE = rf"(?:在\s*)?{_YEAR}前(?![一二三四五六七八九十两\d个])"
_DEADLINE_RE = re.compile(_DEADLINE)
# 预计 (not 预计到2025年, which dates an aim), 据测算: a sentence forecasting sets no aim (有望 may close one)
_FORECAST_AIM_RE = re.compile(rf"{FORECAST_WORD}|据测算")
_GOAL_CUE_RE = re.compile(
    rf"(?:(?:力争|力求|争取|预计|计划|目标是|主要目标是)?\s*(?:到|至|于)\s*(?:{_YEAR}|{_PERIOD})"
    rf"|到\s*{_NEAR_DEADLINE}"
    rf"|{_DEADLINE}"
    rf"|(?:(?<=将)|(?<=力争)|(?<=力求)|(?<=争取))在\s*{_YEAR}"  # “无废城市”将在2025年实现…, 力争在2027年底
    rf"|展望\s*{_YEAR}|(?:力争|争取)\s*{_YEAR}|{_PERIOD}"
    rf"|{_COMING_YEARS}|(?:主要|发展|总体|工作|定量|定性)?目标[，,]?(?:就是|是|为)[，,：:]?"
    r"|(?<=的)总体要求[：:]"  # 明确三年戏剧振兴的总体要求：推动…: the aims the plan sets out as a whole
    # 《若干措施》提出今年支持1.5万户以上… / 政府工作报告提出，今年国内生产总值增长5%左右
    r"|(?:(?<=提出|明确)|(?<=提出[，,]|明确[，,]))今年(?!以来)"
    # 提出2030年初步建成清洁低碳安全高效的新型能源体系: the year the plan sets, without 到
    rf"|(?<=提出|明确){_YEAR}(?=\s*(?:初步|基本|全面)?(?:建成|实现|达到|形成))"
    # 国家卫生健康委近期提出，2025年每千人口3岁以下婴幼儿托位数达到4.5个: the year, then what is to reach what
    rf"|(?<=提出[，,]|明确[，,]){_YEAR}(?=[^，,。；;]{{0,30}}?(?:达到|实现|建成|形成))"
    r"|每年(?=[^，,。；;]{0,6}\d)"  # 每年组织3万人次劳模工匠参与，服务2万家企业: a yearly quantity
    # 经过3至5年持续努力 / 用5年左右时间: the span of time the aim is to be reached in
    rf"|(?:经过|通过|利用|用)\s*[{_CN_NUM}\d]+(?:\s*(?:至|到|-|—|～)\s*[{_CN_NUM}\d]+)?\s*年(?:左右)?"
    # 经过5年左右的首创性、集成式探索，实现…
    r"(?:的?[^，,。；;]{0,12}?(?:努力|时间|奋斗|探索|实践)|(?=[，,])))"  # 经过5年左右，推动…
)
_ENDED_PERIOD_RE = re.compile(rf"(?:力争|争取)?\s*(?:到|至|于)?\s*{EDITION_NAME}")
_COMMENTARY_RE = re.compile(r"(?:这|此|这一|这些)?(?:体现了?|彰显了?|反映了?|表明了?|标志着|凸显了?)")
_GOAL_PREDICATE_RE = re.compile(
    r"达到|达|实现|建成|基本形成|形成|突破|显著|明显|提升|提高|超过|超|更加|取得|迈上|迈进|新台阶|位居|初步|"
    r"基本|不少于|不低于|以上|左右|增长|翻一番|下降|降低|控制在|进入|走在|覆盖|普及|完备|成熟|普遍建立|全面建立|"
    r"前列|领先|"  # 总体水平居世界前列, 达到国际领先水平
    r"处于|保持在|稳定在|"  # 智能航运发展处于国际先进水平, 粮食产量稳定在1.4万亿斤以上
    # 到2035年，…将布局1570个公共停车场建设项目: a count to reach by the year
    r"\d[\d.]*\s*(?:万|亿)?(?:个|家|座|所|条|项|公里|平方米|亩|户|辆|套|台|张|处)"
)
# a report's release sentence (国务院办公厅印发《…》) and the purpose it gives the plan (，以… / ，旨在…)
_RELEASE_RE = re.compile(
    r"(?:印发|出台|发布|公布|推出|制定|编制)(?:了)?《[^》]{2,80}》(?:[（(][^）)]{0,30}[）)])?"
    # 《…》已于日前发布
    r"|《[^》]{2,80}》(?:[（(][^）)]{0,30}[）)])?[^，。；]{0,8}(?:印发|出台|发布|公布|实施)"
    # 出台构建省内外就业公共服务“一张网”的政策文件: a release without a quoted title
    r"|(?:印发|出台|发布)[^，。；《]{0,40}(?:政策文件|实施方案|行动方案|工作方案|若干措施|实施意见|行动计划|的通知"
    r"|工作指引|工作要点)"
    # 三部门近日印发通知，在全国组织开展…: a notice released under no quoted title
    r"|(?:印发|出台|发布)了?(?:通知|意见|方案)(?=[，,])"
)
# the release sentence's closing clause that says what the plan is for (…，提出20条具体举措，推动…融合发展。)
# (and the release's next clause when it opens with an aim: 深化…, 更大力度…, not with what the plan holds)
_CLOSING_PURPOSE_RE = re.compile(
    r"(?:全力|切实|更好|进一步|有效|有力|持续|不断|全方位|全面|更大力度|更加)?"
    r"(?:推动|促进|助力|加快|推进|提升|实现|着力|保障|确保|优化|改善|深化|加强|完善|强化|扩大|稳定|激发|增强|"
    r"释放|激活|规范|减轻)"
)
_PURPOSE_RE = re.compile(r"[，,]\s*(?:以|旨在|致力于|目的是|为了|着力)")
_RELEASE_PARAGRAPHS = 4  # the release is announced in a report's lead
_STRIVE_DATED_RE = re.compile(rf"(?<=[，,；;])\s*(?:力争|争取)\s*(?:到|至|于|在)\s*(?:{_YEAR}|{_PERIOD})")
_STRIVE_CUE_RE = re.compile(rf"(?:力争|争取|力求)\s*(?:到|至|于|在)?\s*(?:{_YEAR}|{_PERIOD})")
# 力争为…作出新的示范 / 努力建成… / 争取实现…: an aim strived for, with no year
_STRIVE_RE = re.compile(
    r"(?:力争|争取|努力)(?:为|在|使|让|把)?[^。；;]{0,40}?(?:作出|实现|建成|成为|形成|打造成|迈上|走在前列|走在全国前列)"
    # 力争推动百个以上城市联动、…、提供百万个以上就业岗位: quantities strived for
    r"|(?P<quantities>(?:力争|争取)[^。；;]{0,60}?(?:\d|[十百千万])[^。；;，,、]{0,4}?(?:以上|不少于|不低于|左右))"
)
# 以建设…现代化人民城市为目标 / 锚定打造原始创新策源地目标 / 围绕到2030年基本实现农业现代化…的发展目标:
# the aim the work is steered by, named as the target in one clause. (围绕 with a bare 目标 — 围绕产业链现代化
# 目标，发挥… — is the ground a measure stands on, more often than the plan's aim.)
_AIM_STEERED_RE = re.compile(
    rf"以[^，,。；;！？“”]{{4,60}}?为(?:{_AIM_KINDS}|根本|核心)?目标(?![任体导值责])"
    rf"|(?:锚定|朝着|向着)[^，,。；;！？]{{2,60}}?(?:的)?(?:{_AIM_KINDS}|核心)?目标(?![任体导值责])"
    rf"|围绕[^，,。；;！？]{{2,60}}?(?:的)?(?:{_AIM_KINDS})目标(?![任体导值责])"
    # 实现国际收支基本平衡是我们的政策目标: an aim said to be the target, closing its sentence
    rf"|(?<=[，,。；;：:\n])[^，,。；;！？：:\n]{{4,40}}是[^，,。；;！？]{{0,10}}(?:{_AIM_KINDS}|政策)?目标(?=[。！])"
)
# 方案明确，… / 会议要求，…: who says it, before the aim it reports
_SAYS_LEAD_RE = re.compile(r"[^，,。；;]{0,30}(?:明确|提出|要求|强调|指出|介绍|表示|说|称)[，,：:]")
_IDEOLOGY_CLAUSE_RE = re.compile(r"贯彻|落实|精神|部署|为指导")
# a plan's preamble saying it is drawn up: 特制定本行动计划 / 制订本实施方案 / 现提出实施意见如下
_DRAWN_UP_RE = re.compile(
    r"(?:制定|制订|编制|出台)(?:了)?本|提出[^。；;，,]{0,8}(?:如下|以下)|(?:如下|以下)(?:意见|措施)"
)
# the policy a preamble carries out and the basis it names, before its aims (为贯彻落实…精神，根据…)
_PREAMBLE_BASIS_RE = re.compile(rf"{_IDEOLOGY_CLAUSE_RE.pattern}|根据|按照|依据|结合[^，,]{{0,10}}实际|要求$")
_PREAMBLE_PARAGRAPHS = 12  # the cover notice, its date and addressees, the plan's title, then the preamble
# a guiding-thought sentence (坚持以…为指导), and the clauses of it that state the ideology, not the aims
_GUIDE_RE = re.compile(r"以[^，,。；;]{2,40}?为指导")
_PLAN_REQUIRES_RE = re.compile(
    r"(?:方案|意见|规划|计划|纲要|措施|》)(?:明确)?(?:要求|提出|强调)[，,：:]?(?:要)?(?:坚持)?$"
)
_GUIDE_CLAUSE_RE = re.compile(r"贯彻|落实|精神|为指导|践行|坚持|思想|理念|统筹发展和安全|稳中求进|高举")
_RELEASED_BY_RE = re.compile(r"日前|近日|近期|今天|今日|\d+月\d+日|印发|出台|发布|国务院|办公厅|部门")
# A vision without a year: a future modal, then an end state to build (加快建设…新型能源体系, 打造…高地)
_VISION_MODAL_RE = re.compile(r"将|要|力争|努力|致力于")
_VISION_RE = re.compile(
    r"(?:建设|建成|打造|构建|迈向|跻身|建设成为|打造成为)[^，,。；;]{2,30}?"
    r"(?:体系|示范区|先行区|试验区|高地|强省|强市|强区|强国|中心|枢纽|样板|标杆|典范|格局)(?=[，,。；;！!]|$)"
)
_SEQUENCE_RE = re.compile(r"首先|其次|再次|[一二三四五六七八九十]是|第[一二三四五六七八九十]+[，,、]")
# a report's closing paragraph: 站上新起点，…将… / 展望未来，… / 下一步，…
_CLOSING_CUE_RE = re.compile(r"^\s*(?:站上新起点|站在新起点|展望未来|展望|下一步|今后|未来)")
_CLAUSE_START = '，,；;：:。！？!?“"（('
_CLAUSE_ENDS = ("，", ",", "。", "；", ";")  # a verb right before one of these has no object

# Series openers: 一是 / 在…方面， / 围绕“…”，
# 一是… or 第一，… / 其一，… (the numeral is group 1 or 2)
_ORDINAL_RE = re.compile(
    rf"(?:^|(?<=[{re.escape(_CLAUSE_START)}]))\s*(?:([{_CN_NUM}]{{1,3}})是(?=[^，,。]{{2}})"
    rf"|[第其]([{_CN_NUM}]{{1,3}})[，,、：:](?=[^，,。]{{2}}))",
    re.M,
)


def _ordinal(match: re.Match[str]) -> int | None:
    """The number of an ordinal opener (一是 → 1, 第三， → 3)."""
    return count_value(match.group(1) or match.group(2))


def _marker_start(match: re.Match[str]) -> int:
    return match.start(1) if match.group(1) else match.start(2) - 1


_ASPECT_RE = re.compile(
    r"(?:^|(?<=[。；;]))\s*在((?:(?!方面)[^。；，,]){2,40})方面[，,]"
    r"|(?:^|(?<=[。；;，,]))\s*(?:而)?((?:(?!方面)[^。；，,在]){2,8})方面[，,]",
    re.M,
)
_AROUND_RE = re.compile(r"^\s*围绕(“[^”]{1,12}”|[^，,。]{2,16})[，,]", re.M)
_KICKER_END_RE = re.compile(r"[—–-]{1,2}\s*$")
_KICKER_START_RE = re.compile(r"^\s*[—–]{2}\s*")
_DIRECTION_TAIL_RE = re.compile(
    rf"等?\s*([{_CN_NUM}\d]{{1,3}})\s*(?:大|个|类)?\s*[^，。；、]{{0,10}}?(?:重点领域|发展方向|重点方向|方向|领域)"
)
_DIRECTION_HEAD_RE = re.compile(
    rf"(?:([{_CN_NUM}\d]{{1,3}})\s*大\s*)?(?:重点领域|发展方向|重点方向|主攻方向)(?:是|为|包括|主要有|[：:])[，,]?"
)
# A counted list of tasks: "十大重点工程，分别为：A、B、…" (the list after its count) and
# "从A、B、…等八个方面健全…" / "A、B、C等三项重点任务" (the list before its count)
_TASK_NOUNS = "重点工程|重大工程|工程|重点任务|主要任务|任务|专项行动|行动|重点举措|举措|重大项目"
_TASK_HEAD_RE = re.compile(
    rf"([{_CN_NUM}\d]{{1,3}})\s*(?:大|项|个|类)?\s*[^，。；、：:]{{0,10}}?(?:{_TASK_NOUNS})"
    # 将通过六大行动推进数字赋能，包括A、B…: what the actions do may come before the list
    r"(?:[^，。；、：:]{0,12}?[，,]\s*(?:包括|主要包括)[：:，,]?"
    r"|[，,]?\s*(?:分别为|分别是|包括|主要包括|主要有|即)[：:，,]?|[：:])"
)
_TASKS_LABEL_RE = re.compile(
    r"(?:任务|举措|措施|重点工作)(?:[，,]?包括|是|为|主要有|有)?[：:]"
)  # …重点任务，包括：
_LIST_TAIL_RE = re.compile(r"等(?:方面|领域|内容|工作|任务)$")
_TASK_TAIL_RE = re.compile(
    rf"等\s*([{_CN_NUM}\d]{{1,3}})\s*(?:大|项|个|类)\s*(?:方面|[^，。；、]{{0,8}}?(?:{_TASK_NOUNS}))"
    # 明确完善…方案、实施…管理、加强…共享三项具体任务: the count closes the list
    rf"|(?<=[^\d{_CN_NUM}])([{_CN_NUM}\d]{{1,3}})\s*(?:项|大)\s*(?:具体|重点|主要)?(?:任务|举措|措施|工程|行动)"
    # 从加强原始创新…、推动…深度融合…和深入推进数字中国建设4个方面作出了系统部署
    rf"|(?<=[^\d{_CN_NUM}等])([{_CN_NUM}\d]{{1,3}})\s*个?方面(?:作出|进行|提出|部署)"
)

_EXAMPLE_RE = re.compile(r"\s*(?:比如|例如|再如|又如|譬如)")
# an end state: 更加健全, 显著提升, 基本达到, 取得显著成效
_STATE_RE = re.compile(
    r"(?:更加|更为|明显|显著|大幅|基本|全面|进一步|持续|稳步)(?:健全|完善|提升|提高|增强|改善|优化|达到|形成|建立|成熟|普及)"
    r"|取得(?:显著|明显|重大|重要|积极)?(?:成效|进展|突破)"
)
_LIST_PREPOSITION_RE = re.compile(r"(?:《[^》]{1,40}》)?(?:还|也|主要)?(?:从|在|围绕|包括|涵盖|涉及)")


@dataclass
class ProseItems:
    goals: list[Item] = field(default_factory=list)
    directions: list[Item] = field(default_factory=list)
    tasks: list[Item] = field(default_factory=list)


def count_value(token: str) -> int | None:
    """12 / 十二 / 两 → int; None for anything else."""
    if token.isdigit():
        return int(token)
    if not token or any(ch not in _CN_VALUE for ch in token):
        return None
    if token == "十":
        return 10
    if "十" in token:
        tens, _, ones = token.partition("十")
        return (_CN_VALUE[tens] if tens else 1) * 10 + (_CN_VALUE[ones] if ones else 0)
    return _CN_VALUE[token] if len(token) == 1 else None


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


# …创新工作室数量达16万家……《规划》近日发布: an ellipsis before a new opening word ends the sentence too
_SENTENCE_RE = re.compile(
    rf"[^{_SENTENCE_END}]*?(?:[{_SENTENCE_END}]|……(?=[《“\u4e00-\u9fff]))|[^{_SENTENCE_END}]+"
)


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of text[start:end], each with its terminal mark (a closing quote after it belongs to
    neither it nor the next) and without a news dateline it opens with (本报北京6月3日电 （记者韩鑫）…:
    who wrote it, not what it says)."""
    found = []
    for match in _SENTENCE_RE.finditer(text, start, end):
        if not match.group().strip(_EDGE):
            continue
        opening = match.start()
        while opening < match.end() and text[opening] in _CLOSING_QUOTES:
            opening += 1  # …缴费。”林呼声介绍，…: the quote closed the sentence before
        dateline = _DATELINE_RE.match(text, opening, match.end())
        found.append((dateline.end() if dateline else opening, match.end()))
    return found


_CLOSING_QUOTES = "”’」』"


_DATELINE_RE = re.compile(rf"\s*{NEWS_DATELINE}\s*(?:[（(][^）)]{{0,24}}[）)])?\s*")  # with （记者…）


def clauses(text: str, start: int, end: int, marks: str = "，,；;。！？!?") -> list[tuple[int, int]]:
    """Clauses of text[start:end] split at `marks` outside quotes and brackets, edges trimmed."""
    out = []
    depth = 0
    cursor = start
    for i in range(start, end + 1):
        ch = text[i] if i < end else "。"
        if ch in "“《（(「【":
            depth += 1
        elif ch in "”》）)」】" and depth:
            depth -= 1
        elif (ch in marks and depth == 0) or i == end:
            s, e = trim(text, cursor, i)
            if e - s >= 2:
                out.append((s, e))
            cursor = i + 1
    return out


def _is_task_clause(text: str, start: int, end: int) -> bool:
    return bool(_TASK_VERB_RE.match(text, start)) and end - start >= 4


def _item(kind: str, text: str, start: int, end: int, name: tuple[int, int] | None = None) -> Item:
    start, end = evidence_span(text, start, end)
    return Item(kind=kind, name=name or trim(text, start, end), span=(start, end))  # type: ignore[arg-type]


def evidence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Edges trimmed, but a sentence keeps its full stop (the evidence reads as the text does)."""
    s, e = trim(text, start, end)
    if e < end and text[e] in _SENTENCE_END:
        e += 1
    return s, e


# A clause that sets the scope, means or purpose of the action after it: 在…等方面, 适应…新趋势, 依托…
# (围绕…, 面向… often carry the action itself: 围绕X开展深度合作).
_SETTING_RE = re.compile(
    r"(?:在[^，,。；;]{2,40}(?:方面|领域|过程中|基础上)[，,]|(?:适应|针对|按照|根据|立足|依托|为了)"
    r"[^，,。；;]{2,40}[，,])"
)


def without_modal(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """A name without the modal it opens with (要加快培育数据资源企业 → 加快培育数据资源企业)."""
    modal = REPORTED_ACTION_RE.match(text, span[0], span[1])
    return (modal.end(), span[1]) if modal and _TASK_VERB_RE.match(text, modal.end()) else span


def task_item(text: str, start: int, end: int, *, named_by_sentence: bool = True) -> Item:
    """A task from text[start:end]: named by its lead sentence when that is short and the body follows
    ("优化升级数字基础设施。加快建设…"), else by its first clause; its other clauses are the sub-tasks."""
    start, end = evidence_span(text, start, end)
    parts = sentences(text, start, end)
    body_start = start
    if named_by_sentence and len(parts) >= 2 and parts[0][1] - parts[0][0] <= 30:
        name = trim(text, *parts[0])
        body_start = parts[0][1]
        rest = clauses(text, body_start, end)
    else:
        first, *rest = clauses(text, start, end) or [(start, end)]
        if rest and _SETTING_RE.match(text, first[0]) and _SETTING_RE.match(text, rest[0][0]) is None:
            first, *rest = rest  # 在…等方面，培育一批…: the scope or purpose leads, the action names it
        name = without_modal(text, first)
    children = [
        Item(kind="task", name=without_modal(text, (s, e)), span=(s, e), clause=True)
        for s, e in rest
        if (_is_task_clause(text, *without_modal(text, (s, e))) or body_start != start)
        and not SCOPE_ONLY_RE.match(text, s)
    ]
    if len(children) < 2 and body_start == start:
        children = []
    return Item(kind="task", name=name, span=(start, end), children=children)


# ---------------------------------------------------------------- series


@dataclass
class _Opener:
    at: int  # where the item starts (its marker)
    content: int  # where its words start
    name: tuple[int, int] | None = None  # a name given by the opener itself (在X方面)


def _ordinal_openers(text: str, start: int, end: int) -> list[_Opener]:
    hits: list[_Opener] = []
    expected = 1
    for match in _ORDINAL_RE.finditer(text, start, end):
        if _ordinal(match) != expected:
            continue
        hits.append(_Opener(_marker_start(match), match.end()))
        expected += 1
    return hits if len(hits) >= 2 else []


def _aspect_openers(text: str, start: int, end: int) -> list[_Opener]:
    hits = [
        _Opener(m.start() + len(m.group(0)) - len(m.group(0).lstrip()), m.end(), _naming(_aspect_name(m)))
        for m in _ASPECT_RE.finditer(text, start, end)
        if _aspect_name(m) is not None
    ]
    return hits if len(hits) >= 2 else []


def _naming(aspect: tuple[int, int] | None) -> tuple[int, int] | None:
    """An aspect of two characters or fewer (企业方面，…; 行业方面，…) is a topic, too bare to name what is
    done: the item is named by its own first clause instead."""
    return aspect if aspect is not None and aspect[1] - aspect[0] > 2 else None


_VAGUE_ASPECT_RE = re.compile(r"^(?:另一|一|这|那|此|各|多|两|其他|另|某些|有些)$")


def _aspect_name(match: re.Match[str]) -> tuple[int, int] | None:
    """The X of 在X方面 / X方面 (None for 另一方面, 这方面 …)."""
    group = 1 if match.group(1) is not None else 2
    if _VAGUE_ASPECT_RE.match(match.group(group)):
        return None
    return match.span(group)


def _series_kind(lead: str) -> str | None:
    """What a series holds, by the words that announce it; None: safeguards, not items."""
    if _SAFEGUARD_RE.search(lead) or _RESULTS_LEAD_RE.search(lead):
        return None
    if _GOAL_LEAD_RE.search(lead) and not _WORK_LEAD_RE.search(lead):
        return "goal"
    return "task"


def _dated_series(text: str, openers: list[_Opener], kind: str | None) -> str | None:
    """一是到2025年，…；二是到2035年，…: items that each open with the date they are to be reached by are
    goals, whatever the lead called them (分两个时间段来落实上述目标：)."""
    if kind == "task" and all(_GOAL_CUE_RE.match(text, opener.content) for opener in openers):
        return "goal"
    return kind


def _last_item_end(text: str, opener: _Opener, end: int, sizes: list[int]) -> int:
    """The last item of a series runs as many sentences as the items before it (when they agree),
    so a closing remark of the paragraph ("围绕八大任务，…") is not part of it."""
    parts = sentences(text, opener.content, end)
    if sizes and len(set(sizes)) == 1 and len(parts) > sizes[0]:
        return parts[sizes[0] - 1][1]
    return end


def _series_items(text: str, openers: list[_Opener], end: int, kind: str) -> list[Item]:
    items: list[Item] = []
    sizes: list[int] = []
    for index, opener in enumerate(openers):
        if index + 1 < len(openers):
            stop = openers[index + 1].at
            sizes.append(len(sentences(text, opener.content, stop)))
        else:
            stop = _last_item_end(text, opener, end, sizes)
        if kind == "goal":
            items.append(_item("goal", text, opener.content, stop))
            continue
        item = task_item(text, opener.content, stop)
        if opener.name is not None:
            # 在X方面，通过A，B，C。: X names the task, A B C are its sub-tasks
            body = clauses(text, opener.content, item.span[1])
            item = Item(
                kind="task",
                name=opener.name,
                span=(opener.at, item.span[1]),
                children=[
                    Item(kind="task", name=c, span=c, clause=True)
                    for c in (_strip_means(text, s, e) for s, e in body)
                    if c[1] - c[0] >= 4 and not SCOPE_ONLY_RE.match(text, c[0])
                ],
            )
            if len(item.children) < 2:
                item.children = []
        items.append(item)
    return items


def _strip_means(text: str, start: int, end: int) -> tuple[int, int]:
    """A sub-task named without the means or modal it opens with (通过A / 要A → A)."""
    if text.startswith("通过", start):
        return start + 2, end
    return without_modal(text, (start, end))


# ---------------------------------------------------------------- the reader


class _Reader:
    def __init__(
        self,
        text: str,
        paragraphs: list,
        skipped: Iterable[tuple[int, int]],
        taken: Iterable[tuple[int, int]] = (),
    ) -> None:
        self.text = text
        skipped_spans = SpanSet(skipped)
        self.paragraphs = [
            p for p in paragraphs if p.form not in _NOT_TEXT_FORMS and not skipped_spans.holds(p.start)
        ]
        self.items = ProseItems()
        taken = list(taken)
        self.taken = GrowingSpans(taken)  # spans the structural reader already read items from
        self.claimed = GrowingSpans(taken)  # spans already read as items, by either reader
        self.series_tasks = GrowingSpans([])  # paragraphs read as a series of tasks (一是…，二是…)

    def free(self, start: int, end: int) -> bool:
        return not self.claimed.overlaps(start, end)

    def claim(self, items: list[Item]) -> None:
        for item in items:
            self.claimed.add(*item.span)

    def read(self) -> ProseItems:
        self.counted_tasks()
        self.inline_series()
        self.paragraph_series()
        self.headed_tasks()
        self.lead_tasks()
        self.kicker_tasks()
        self.directions()
        self.goal_statements()
        self.vision_goals()
        self.purpose_goals()
        self.guided_goals()
        self.aim_goals()
        self.steered_goals()
        self.task_statements()
        # a fragment left by a cut (…落实《意见》要求。) names no measure
        self.items.tasks = [t for t in self.items.tasks if sum(map(_is_cjk, _span_text(self.text, t))) >= 4]
        self.items.goals = [self._without_commentary(goal) for goal in self.items.goals]
        for kind in ("goals", "tasks"):
            getattr(self.items, kind).sort(key=lambda item: item.span[0])
        return self.items

    def _without_commentary(self, goal: Item) -> Item:
        """A goal without what the writer says it shows (…努力把农业建成现代化大产业，体现了…的科学把握，
        为…提供了方向指引。): comment on the aim, not the aim."""
        parts = clauses(self.text, *goal.span, "，,；;")
        comment = next((s for s, _ in parts[1:] if _COMMENTARY_RE.match(self.text, s)), None)
        if comment is None:
            return goal
        end = trim(self.text, goal.span[0], comment)[1]
        name = (goal.name[0], min(goal.name[1], end))
        return dataclasses.replace(goal, span=(goal.span[0], end), name=name)

    # -- series inside one paragraph: 一是…二是… / 在…方面，…
    def inline_series(self) -> None:
        text = self.text
        for par in self.paragraphs:
            for finder in (_ordinal_openers, _aspect_openers):
                openers = finder(text, par.start, par.end)
                if not openers or not self.free(openers[0].at, par.end):
                    continue
                lead_start = max([s for s, _ in sentences(text, par.start, openers[0].at)] or [par.start])
                lead = text[lead_start : openers[0].at]
                if lead_start == openers[0].at:  # the series opens the paragraph: its lead is before
                    lead = self._previous_text(par)
                kind = _dated_series(text, openers, _series_kind(lead))
                if kind is None:
                    self.claimed.add(par.start, par.end)
                    continue
                items = _series_items(text, openers, par.end, kind)
                getattr(self.items, kind + "s").extend(items)
                self.claim(items)

    def _previous_text(self, par) -> str:
        before = [p for p in self.paragraphs if p.end <= par.start]
        return before[-1].text if before else ""

    # -- series of paragraphs: 一是… / 围绕“…”，… / 在…方面， one per paragraph
    def paragraph_series(self) -> None:
        text = self.text
        run: list = []
        for par in [*self.paragraphs, None]:
            opener = self._paragraph_opener(par) if par is not None else None
            if opener is not None and self.free(par.start, par.end):
                run.append((par, opener))
                continue
            ordinal_run = len(run) >= 2 and run[0][1].name is None and _ORDINAL_RE.match(run[0][0].text)
            if len(run) >= 3 or ordinal_run:
                kind = _dated_series(
                    text, [op for _, op in run], _series_kind(self._previous_text(run[0][0]))
                )
                if kind is not None:
                    items = [_series_items(text, [op], p.end, kind)[0] for p, op in run]
                    getattr(self.items, kind + "s").extend(items)
                    self.claim(items)
                    if kind == "task":
                        for item in items:
                            self.series_tasks.add(*item.span)
            run = []

    def _paragraph_opener(self, par) -> _Opener | None:
        text = self.text
        match = _AROUND_RE.match(text, par.start, par.end)
        if match:
            return _Opener(par.start, match.end())
        match = _ASPECT_RE.match(text, par.start, par.end)
        if match and _aspect_name(match) is not None:
            return _Opener(par.start, match.end(), _aspect_name(match))
        match = _ORDINAL_RE.match(text, par.start, par.end)
        if match and _ordinal(match) is not None:
            return _Opener(_marker_start(match), match.end())
        return None

    # -- a lead that announces tasks, then short headings each with its paragraphs:
    #    "浙江要完成这些任务：" / 明确重点招商方向 / 围绕…；聚焦…。 / 强化重大项目谋划 / …
    def headed_tasks(self) -> None:
        text = self.text
        pars = self.paragraphs
        index = 0
        while index < len(pars):
            lead = pars[index]
            index += 1
            if not (_HEADED_LEAD_RE.search(lead.text) and _is_heading_like(lead)):
                continue
            groups: list[list] = []
            while index < len(pars):
                par = pars[index]
                if _is_task_heading(text, par):
                    groups.append([par])
                elif groups and _REPORTED_RE.match(par.text):
                    break  # 《意见》提出，… closes the list
                elif groups and sum(map(_is_cjk, par.text)) >= 2:
                    groups[-1].append(par)
                elif not groups and sum(map(_is_cjk, par.text)) >= 2:
                    break
                index += 1
            groups = [g for g in groups if len(g) >= 2]
            if len(groups) < 2:
                continue
            for heading, *body in groups:
                span = (heading.start, body[-1].end)
                if not self.free(*span):
                    continue
                parts = [c for p in body for c in clauses(text, p.start, p.end, marks="；;。！？")]
                item = Item(
                    kind="task",
                    name=trim(text, heading.start, heading.end),
                    span=span,
                    children=[Item(kind="task", name=c, span=c, clause=True) for c in parts],
                )
                self.items.tasks.append(item)
                self.claim([item])
                if "方向" in heading.text:  # 明确重点招商方向: its clauses are the named directions
                    self.items.directions.extend(Item(kind="direction", name=c, span=c) for c in parts)

    # -- paragraphs led by a short action sentence, in a run: "调整完善占用耕地补偿制度。《通知》提出，…"
    def lead_tasks(self) -> None:
        text = self.text
        led = []
        for par in self.paragraphs:
            lead_end = text.find("。", par.start, par.end)
            if par.form != "lead" or lead_end == -1 or not self.free(par.start, par.end):
                continue
            if _LEAD_ACTION_RE.match(text, par.start) and lead_end - par.start <= 24:
                led.append((par, lead_end))
        if len(led) < 2:
            return  # one such paragraph may be a remark; a run of them is a list of measures
        for par, lead_end in led:
            name, span = trim(text, par.start, lead_end), trim(text, par.start, par.end)
            item = Item(kind="task", name=name, span=span)
            self.items.tasks.append(item)
            self.claim([item])
            self.series_tasks.add(*span)

    # -- kicker lines: "加大新能源资源开发力度，扩大新能源发展规模——", "——加快…"
    def kicker_tasks(self) -> None:
        text = self.text
        for par in self.paragraphs:
            body = text[par.start : par.end]
            end_kicker = _KICKER_END_RE.search(body)
            start_kicker = _KICKER_START_RE.match(body)
            if end_kicker:
                start, end = par.start, par.start + end_kicker.start()
            elif start_kicker:
                start, end = par.start + start_kicker.end(), par.end
            else:
                continue
            start, end = trim(text, start, end)
            if end - start < 6 or not _TASK_VERB_RE.match(text, start) or not self.free(start, end):
                continue
            item = task_item(text, start, end, named_by_sentence=False)
            self.items.tasks.append(item)
            self.claim([item])

    # -- directions
    def directions(self) -> None:
        text = self.text
        for par in self.paragraphs:
            for start, end in sentences(text, par.start, par.end):
                found = self._counted_list(start, end) or self._labelled_list(start, end)
                if found and not self.taken.overlaps(start, end):
                    self.items.directions.extend(found)

    def _counted_list(self, start: int, end: int) -> list[Item]:
        """ "A、B、C等3大重点领域": the list just before its count."""
        names = _list_before_count(self.text, _DIRECTION_TAIL_RE, start, end)
        if names:
            names[0] = _strip_list_lead(self.text, *names[0])
        return [Item(kind="direction", name=n, span=n) for n in names]

    # -- counted lists of tasks: 部署十大重点工程，分别为：A、B… / 从A、B…等八个方面健全…
    def counted_tasks(self) -> None:
        text = self.text
        for par in self.paragraphs:
            for start, end in sentences(text, par.start, par.end):
                if not self.free(start, end):
                    continue
                items = (
                    self._task_list_after(start, end)
                    or self._task_list_before(start, end)
                    or self._task_list_labelled(start, end)
                )
                if items:
                    self.items.tasks.extend(items)
                    self.claim(items)

    def _task_list_after(self, start: int, end: int) -> list[Item]:
        text = self.text
        match = _TASK_HEAD_RE.search(text, start, end)
        if match is None:
            return []
        stop = next((i for i in range(match.end(), end) if text[i] in "。；;"), end)
        names = _list_items(text, match.end(), stop)
        count = count_value(match.group(1))
        if len(names) < 2 or count != len(names):
            return []
        last_start, last_end = names[-1]
        tail = _LIST_TAIL_RE.search(text, last_start, last_end)  # …国际合作等方面: the list's closing word
        if tail is not None and tail.start() - last_start >= 2:
            names[-1] = (last_start, tail.start())
        return [Item(kind="task", name=n, span=n) for n in names]

    def _task_list_labelled(self, start: int, end: int) -> list[Item]:
        """…明确了养老金融发展的重要任务：提升…；丰富…；加大…。: the measures a colon opens, one per ；."""
        text = self.text
        label = _TASKS_LABEL_RE.search(text, start, end)
        if label is None:
            return []
        parts = clauses(text, label.end(), end, "；;。")
        acting = [p for p in parts if _TASK_VERB_RE.match(text, p[0])]
        if len(parts) < 3 or 2 * len(acting) < len(parts):
            return []
        return [Item(kind="task", name=p, span=p) for p in parts]

    def _task_list_before(self, start: int, end: int) -> list[Item]:
        names = _list_before_count(self.text, _TASK_TAIL_RE, start, end)
        lead = _LIST_PREPOSITION_RE.match(self.text, *names[0]) if names else None
        if lead is not None:  # 从优化完善能耗双控制度、…: the preposition, not the action
            names[0] = (lead.end(), names[0][1])
        if names:  # 《实施意见》明确完善…方案、… / 提出将通过实施…: the words reporting the first
            first_start, first_end = names[0]
            said = REPORTING_LEAD_RE.match(self.text[first_start:first_end])
            verb = None if said else REPORTED_ACTION_RE.match(self.text, first_start, first_end)
            at = first_start + said.end() if said else verb.end() if verb else first_start
            if first_end - at >= 2:
                names[0] = (at, first_end)
        return [Item(kind="task", name=n, span=n) for n in names]

    def _labelled_list(self, start: int, end: int) -> list[Item]:
        """ "重点领域：A、B、C" (a count, when given, must agree)."""
        text = self.text
        match = _DIRECTION_HEAD_RE.search(text, start, end)
        if not match:
            return []
        stop = next((i for i in range(match.end(), end) if text[i] in "。；;"), end)
        names = _list_items(text, match.end(), stop)
        count = count_value(match.group(1)) if match.group(1) else None
        if len(names) < 2 or (count is not None and count != len(names)):
            return []
        return [Item(kind="direction", name=n, span=n) for n in names]

    # -- goal statements
    def goal_statements(self) -> None:
        text = self.text
        for par in self.paragraphs:
            if par.form not in ("prose", "lead", "labelled", "headed"):
                continue  # a heading restates its paragraph
            example = False  # 比如，X工程明确，到2025年…: a task's own targets, not the plan's goals
            after_goal = False
            for start, end in sentences(text, par.start, par.end):
                example = example or _EXAMPLE_RE.match(text, start) is not None
                cue = self._goal_cue(start, end)
                if cue is not None and _FORECAST_AIM_RE.search(text, start, end):
                    cue = None  # 预计“十五五”时期，…年均增长15%左右: a forecast, no aim the plan sets
                named = _AIM_NAMED_RE.search(text, start, end) if cue is None else None
                declared = self._declared_aim(start, end) if cue is None and not named else None
                if declared is not None and not example and self.free(*declared):
                    if not _AIM_ONLY_NAMED_RE.fullmatch(text, *declared):
                        item = _item("goal", text, *declared)
                        self.items.goals.append(item)
                        self.claim([item])
                    # 规划提出…的主要目标。其中，…达到58亿吨标准煤，…全面提升: the goals it announces follow
                    after_goal = text[declared[0] : declared[1]].rstrip("。：: ").endswith("目标")
                    continue
                if named is not None:
                    # 我们以促进消费扩量、提质、升级为目标，…: the aim named is the goal, to the sentence end
                    # or to a clause saying how it is pursued (…，按照…原则建设…)
                    aim_end = next(
                        (cs for cs, _ in clauses(text, named.end(), end) if _MANNER_RE.match(text, cs)), end
                    )
                    aim = trim(text, named.start(), aim_end)
                    guided = _NOT_PLAN_SENTENCE_RE.search(text, start, aim[1])  # (以…为指导，…为目标)
                    if self.free(*aim) and not example and not guided:
                        item = _item("goal", text, *aim)
                        self.items.goals.append(item)
                        self.claim([item])
                    after_goal = False
                    continue
                if cue is None and after_goal and self._goal_continues(start, end):
                    cue = trim(text, start, end)[0]  # …下降13.5%。政策机制更加健全，…: the goal goes on
                after_goal = False
                # 一是持续改善宜居安居水平。力争在2027年底，基本完成城中村改造任务…: a task of a series states
                # the year its aim is due by, past its lead sentence
                dated_in_task = (
                    cue is not None
                    and cue > par.start
                    and (_CUE_YEAR_RE.match(text, cue) or _AIM_LABEL_RE.search(text, par.start, cue))
                    is not None
                    and self.series_tasks.overlaps(cue, end)
                )
                # …推动传统产业“智改数转”，力争到“十五五”末，…占比超76%: an aim strived for by a date, told
                # inside a measure, is a goal all the same
                strived_in_task = (
                    cue is not None and cue > par.start and _STRIVE_CUE_RE.match(text, cue) is not None
                )
                if example or cue is None or not (self.free(cue, end) or dated_in_task or strived_in_task):
                    continue
                if text[start:end].rstrip().endswith(("？", "?")):
                    continue  # “十五五”时期，如何进一步降低物流成本？: a question asked, no aim stated
                if _PERIOD_IS_RE.match(text, cue):
                    continue  # “十五五”时期是…夯实基础、全面发力的关键时期: what the period is, no aim
                if _ONLY_COUNTS_GOALS_RE.search(text, cue, end):
                    continue  # 到2027年推动实现五大目标。一是…: the lead of the goals it counts, none itself
                breaks = (text.find(ch, cue, end) for ch in "，,；;")
                clause_end = min((at for at in breaks if at != -1), default=end)
                if AIM_IS_A_DECISION_RE.search(text, cue, clause_end):
                    continue  # 到2035年建成健康中国是中共中央作出的一项战略决策: what the aim is, said of it
                # 记者获悉：专项行动的工作目标是…: what the reporter heard is read past the hearing
                heard = _REPORTER_HEARD_RE.match(text, start, end)
                told = heard.end() if heard is not None else start
                # …坚定不移贯彻…方针，…，力求到2030年人均预期寿命达到80岁: the guidance before the dated aim
                # is no fact of its own; what the aim's clauses say is
                after_guidance = cue if _GUIDANCE_ONLY_RE.search(text, told, cue) else told
                if _NOT_PLAN_SENTENCE_RE.search(text, after_guidance, end) and not _GOAL_CUE_RE.match(
                    text, after_guidance
                ):
                    continue
                if ALREADY_DONE_RE.search(text, start, end):
                    continue  # 到2024年，…已经达到232个 / “十四五”时期，…取得了…成效: reached, not to reach
                if self._ended_period(start, cue, end):
                    continue  # “十四五”时期，…新增469个 in a 2026 report: a record of a period over
                if _SITUATION_RE.search(text, start, end):
                    continue  # 到2030年前后全球竞争将更加激烈: the outlook of the environment, not an aim
                if cue > 0 and text[cue - 1] == "“" and (quoted := text.find("”", cue, end)) != -1:
                    end = quoted  # 提出“到2027年，…大幅提升”总体目标: the quoted aim, not what follows
                aims = dated_parts(text, cue, end, _GOAL_CUE_RE)
                if _SAID_SET_RE.search(text, max(start, cue - 3), cue) and (
                    named_aim := _AIM_WORD_RE.search(text, cue, end)
                ):
                    # 明确了到2030年，…取得决定性进展的目标，同时还展望了2035年…基本建成的发展目标: each aim
                    # up to the words naming it
                    further = _FURTHER_AIM_RE.finditer(text, named_aim.end(), end)
                    aims = [(cue, named_aim.start())] + [aim.span(1) for aim in further]
                for goal_start, goal_end in aims:
                    goal_end = self._before_actions(goal_start, goal_end)
                    item = _item("goal", text, goal_start, goal_end)
                    if item.span[1] - item.span[0] >= 8:
                        self.items.goals.append(item)
                        self.claim([item])
                        after_goal = True

    def _before_actions(self, start: int, end: int) -> int:
        """A dated aim up to its first ；-clause that opens with an action (到2025年底，…实现…覆盖；开展智慧
        景区评价，…；推进…: what is to be done after the aim is a task, not part of the aim)."""
        for clause_start, clause_end in clauses(self.text, start, end, "；;")[1:]:
            # 引进世界500强项目100个: a target (5G+ names a technology, it counts nothing)
            counted = re.search(r"\d(?![\dA-Za-z.+])", self.text[clause_start:clause_end]) is not None
            if _TASK_VERB_RE.match(self.text, clause_start) and not counted:
                return clause_start
        return end

    @cached_property
    def _ended_editions(self) -> frozenset[str]:
        """Read only when a sentence names a period: most readers never need the document's year."""
        return ended_editions(self.text)

    @cached_property
    def _issued(self) -> int | None:
        return issue_year(self.text)

    def _ended_period(self, start: int, cue: int, end: int) -> bool:
        """Whether the goal cue at `cue` (in the sentence text[start:end]) names a five-year period over
        when the document was issued, or the period closing that year in a sentence that sets nothing
        ahead (据悉，“十四五”时期，教育部实施…托管帮扶115所县中 in a 2025 feature), or a year long past
        (到2000年底，共改造旧住房… in 2025), or the year before with nothing set (到2025年底，全国累计识别
        帮扶超700万… in 2026): a record."""
        named = _ENDED_PERIOD_RE.match(self.text, cue)
        if named is not None and named.group(1) in self._ended_editions:
            return True
        if named is not None and EDITION_PERIODS[named.group(1)][1] == self._issued:
            return _AHEAD_WORDS_RE.search(self.text, cue, end) is None
        year = _CUE_YEAR_RE.match(self.text, cue)
        if year is None or self._issued is None:
            return False
        if int(year.group(1)) == self._issued - 1:
            return not sets_ahead(self.text, start, cue, end)
        return int(year.group(1)) < self._issued - 1

    def _declared_aim(self, start: int, end: int) -> tuple[int, int] | None:
        """提出构建形成“…”的总体目标: the aim declared, up to the word 目标; 改革旨在建立…，…。: the sentence
        in which the plan or reform itself is what aims (after who says it)."""
        text = self.text
        declared = (
            _AIM_DECLARED_RE.search(text, start, end)
            or _AIM_QUOTED_RE.search(text, start, end)
            or _AIM_LISTED_RE.search(text, start, end)
        )
        if declared is not None:
            return declared.span()
        if _PLAN_AIMS_RE.search(text, start, end) is None:
            return None
        first = trim(text, start, end)[0]
        lead = _SAYS_LEAD_RE.match(text, first, end)
        return (lead.end() if lead else first), end

    def _goal_continues(self, start: int, end: int) -> bool:
        """A sentence right after a goal statement that states further end states in the same breath
        (…机制更加健全，…取得显著成效。), with no time cue, modal or fact of its own."""
        text = self.text
        if FIGURE_PART_RE.match(text, start):
            return False  # 搭建“156”…体系。“1”是依托…打造…；“5”是…: the parts that build the aim, its tasks
        return (
            _STATE_RE.search(text, start, end) is not None
            and _MODAL_RE.search(text, start, end) is None
            and _NOT_PLAN_SENTENCE_RE.search(text, start, end) is None
            and _SITUATION_RE.search(text, start, end) is None
        )

    def vision_goals(self) -> None:
        """With no dated goal: the vision a report closes on (站上新起点，宁夏将…加快建设清洁低碳安全高效的
        新型能源体系，高水平建设国家新能源综合示范区。), from its first end state to the sentence end, in
        the last paragraph or one opened by a closing cue (展望未来, 下一步 …)."""
        if self.items.goals or not self.paragraphs:
            return
        text = self.text
        last = self.paragraphs[-1]
        for par in self.paragraphs:
            if par.form not in ("prose", "lead") or not (par is last or _CLOSING_CUE_RE.match(par.text)):
                continue
            for start, end in sentences(text, par.start, par.end):
                modal = _VISION_MODAL_RE.search(text, start, end)
                vision = _VISION_RE.search(text, modal.end(), end) if modal else None
                if vision is None or _NOT_PLAN_SENTENCE_RE.search(text, start, end):
                    continue
                vision_clause = max(text.rfind(ch, start, vision.start()) for ch in "，,；;") + 1
                if _SEQUENCE_RE.match(text, max(start, vision_clause)):
                    continue  # …；其次要打造…高地，主要是…: one measure of a series, not the closing vision
                clause_start = max(text.rfind(ch, modal.end(), vision.start()) for ch in "，,；;") + 1
                item = _item("goal", text, max(clause_start, modal.end()), end)
                if self.free(*item.span):
                    self.items.goals.append(item)
                    self.claim([item])

    def purpose_goals(self) -> None:
        """With no goal stated otherwise: the purpose a report gives the plan where it announces its
        release (…印发《促进残疾人就业三年行动方案》（以下简称《行动方案》），以持续提升…，促进残疾人实现
        较为充分较高质量的就业。), from the purpose word to the sentence end."""
        if self.items.goals:
            return
        text = self.text
        for par in self.paragraphs[:_RELEASE_PARAGRAPHS]:
            for start, end in sentences(text, par.start, par.end):
                release = _RELEASE_RE.search(text, start, end)
                if release is None:
                    continue
                purpose = _PURPOSE_RE.search(text, release.end(), end)
                span = (
                    (purpose.end(), end)
                    if purpose
                    else self._purpose_before(start, release.start())
                    or self._closing_purpose(release.end(), end)
                )
                if span is None:
                    continue
                item = _item("goal", text, *span)
                if item.span[1] - item.span[0] >= 8 and self.free(*item.span):
                    self.items.goals.append(item)
                    self.claim([item])
                return

    def preamble_goals(self) -> None:
        """为贯彻落实…，加快…，有效缓解…，结合本市实际，现提出实施意见如下：: the sentence in which a plan's
        preamble says what it is drawn up for, from 为 to its end."""
        text = self.text
        for par in self.paragraphs[:_PREAMBLE_PARAGRAPHS]:
            if par.form == "heading":
                return  # past the preamble
            if par.form != "prose":
                continue
            for start, end in sentences(text, par.start, par.end):
                first = trim(text, start, end)[0]
                if text.startswith(("为", "为了"), first) and _DRAWN_UP_RE.search(text, first, end):
                    item = _item("goal", text, *self._aims_of_preamble(first, end))
                    if self.free(*item.span):
                        self.items.goals.append(item)
                        self.claim([item])
                    return

    def _aims_of_preamble(self, start: int, end: int) -> tuple[int, int]:
        """为深入贯彻落实…精神，根据《…》，结合本区实际，为建立…长效机制，全力维护…，现就…提出以下意见：: the
        aims, past the policy it carries out and the basis it names and before the words that it is drawn up
        (the whole sentence when it names no policy or basis first)."""
        text = self.text
        parts = clauses(text, start, end, "，,；;")
        first = 0  # the leading run of clauses naming the policy and the basis
        while first < len(parts) and _PREAMBLE_BASIS_RE.search(text, *parts[first]):
            first += 1
        aims: list[tuple[int, int]] = []
        based = False  # 为…，不断完善…，根据《…》，结合…，特制定本意见。: the basis after the aims ends them
        for clause in parts[first:]:
            if _PREAMBLE_BASIS_RE.search(text, *clause) and aims:
                based = True
                break
            if not _DRAWN_UP_RE.search(text, *clause):
                aims.append(clause)
        if not (first or based) or not aims:
            return start, end
        return aims[0][0], aims[-1][1]  # …全力维护城市运行安全 (not 现就…提出以下意见：)

    def guided_goals(self, within: int = _RELEASE_PARAGRAPHS + 2, past_last_guide: bool = False) -> None:
        """With no goal stated otherwise: the aims a report's guiding-thought sentence ends on (《意见》强调，
        要坚持以…为指导，深入贯彻…精神，践行…思想，进一步发挥…作用，…，助力高质量发展。), from the first
        clause past the ideology (with `past_last_guide`, past its last guiding clause: a goal section's
        …坚持边排查、边整治，…，依法依规…) to the sentence end; looked for in the first `within`
        paragraphs."""
        if self.items.goals:
            return
        text = self.text
        for index, par in enumerate(self.paragraphs):
            if par.form not in ("prose", "lead"):
                continue
            for start, end in sentences(text, par.start, par.end):
                guide = _GUIDE_RE.search(text, start, end)
                if guide is None:
                    continue
                if index >= within and not _PLAN_REQUIRES_RE.search(text, start, guide.start()):
                    continue  # past the lead, only the plan's own requirements (答：方案要求以…为指导) count
                parts = clauses(text, guide.end(), end, "，,；;")
                aims = [i for i, (s, e) in enumerate(parts) if not _GUIDE_CLAUSE_RE.search(text, s, e)]
                if past_last_guide:
                    guides = (i for i, (s, e) in enumerate(parts) if _GUIDE_CLAUSE_RE.search(text, s, e))
                    last_guide = max(guides, default=-1)
                    aims = [i for i in aims if i > last_guide]
                if len(parts) - (aims[0] if aims else len(parts)) < 2:
                    # …，扎实推进城市体检工作。深刻认识…，坚持…，建立健全…机制，打造…城市。: a slogan ends
                    # the guiding sentence; the next one goes on to the aims, past its last guiding clause
                    self._guided_aims_after(end, par.end)
                    if self.items.goals:
                        return
                    continue  # one clause left is a slogan, not the aims
                item = _item("goal", text, parts[aims[0]][0], end)
                if self.free(*item.span):
                    self.items.goals.append(item)
                    self.claim([item])
                    return

    def _guided_aims_after(self, start: int, end: int) -> None:
        """The aims of the sentence after a guiding sentence: its clauses past its last guiding one, when
        two or more are left."""
        text = self.text
        following = sentences(text, start, end)
        if not following:
            return
        parts = clauses(text, *following[0], "，,；;")
        guided = [i for i, (s, e) in enumerate(parts) if _GUIDE_CLAUSE_RE.search(text, s, e)]
        if not guided or len(parts) - guided[-1] - 1 < 2:
            return
        item = _item("goal", text, parts[guided[-1] + 1][0], following[0][1])
        if self.free(*item.span):
            self.items.goals.append(item)
            self.claim([item])

    def aim_goals(self) -> None:
        """With no goal stated otherwise: the first aim the text strives for without a year (力争为转变
        发展方式…作出新的示范; 努力建成…), from its clause to the sentence end."""
        if self.items.goals:
            return
        text = self.text
        for start, end, aim in self._running_aims(_STRIVE_RE):
            clause_start = max(text.rfind(ch, start, aim.start()) for ch in "，,；;“") + 1
            if aim.group("quantities"):  # 此次行动…，聚焦…，力争…百万个以上: the whole sentence aims
                lead = _SAYS_LEAD_RE.match(text, trim(text, start, end)[0], aim.start())
                clause_start = lead.end() if lead else start
            item = _item("goal", text, max(clause_start, start), end)
            if self.free(*item.span):
                self.items.goals.append(item)
                self.claim([item])
                return

    def steered_goals(self) -> None:
        """With no goal found otherwise: the first aim named as the target the work is steered by
        (以高质量充分就业取得新进展为目标, 锚定…目标), that clause alone; not one the past reached."""
        if self.items.goals:
            return
        first = next(self._running_aims(_AIM_STEERED_RE), None)
        if first is None:
            return
        # the clause may sit inside a task's sentence (锚定…目标，加快构建…): it is that work's aim too, so it
        # is kept whether or not that sentence was read as a task
        item = _item("goal", self.text, *first[2].span())
        self.items.goals.append(item)
        self.claim([item])

    def _running_aims(self, aim_re: re.Pattern[str]) -> Iterator[tuple[int, int, re.Match[str]]]:
        """(start, end, match) of each sentence of the running text (prose and lead paragraphs), in reading
        order, where `aim_re` matches and nothing from the match on marks commentary or the past (guidance
        before it — 深入贯彻…精神，以…为目标 — does not)."""
        text = self.text
        for par in self.paragraphs:
            if par.form not in ("prose", "lead"):
                continue
            for start, end in sentences(text, par.start, par.end):
                aim = aim_re.search(text, start, end)
                if aim is not None and _NOT_PLAN_SENTENCE_RE.search(text, aim.start(), end) is None:
                    yield start, end, aim

    def _closing_purpose(self, after: int, end: int) -> tuple[int, int] | None:
        """…出台《…》，提出实施…计划，综合运用…政策，促进高质量充分就业。: the release sentence's last
        clause, when it says what the plan is for (推动/促进/助力 …) after what the plan does."""
        parts = clauses(self.text, after, end, "，,；;")
        means = next((i for i, (s, e) in enumerate(parts) if "通过" in self.text[s:e]), None)
        if means is not None and means + 1 < len(parts):
            return parts[means + 1][0], end  # 提出将通过实施…“四大行动”，全力打造…，充分发挥…: past the means
        if parts and _CLOSING_PURPOSE_RE.match(self.text, parts[0][0]):
            return parts[0][0], end  # …印发了《…》，深化…，更大力度吸引…外资。: all it says is what for
        if parts and self.text.startswith("强调", parts[0][0]):
            return parts[0][0] + 2, end  # …印发《…》，强调健全…，支持…，保障…。: what the plan is for
        if len(parts) < 2:
            return None
        last = parts[-1]
        return last if _CLOSING_PURPOSE_RE.match(self.text, last[0]) else None

    def _purpose_before(self, start: int, release: int) -> tuple[int, int] | None:
        """为贯彻落实…，推动做好…“五篇大文章”，加快建设金融强国，日前，国务院办公厅印发《…》: the aims between
        the guiding clause and who released the plan when."""
        text = self.text
        lead = re.match(r"[^，,。]{0,30}?(?:^|\s|电|讯|[：:])为了?", text[start:release])  # 新华社…电  为…
        if lead is None:
            return None
        parts = clauses(text, start + lead.end(), release, "，,；;")
        aims = [
            (s, e)
            for s, e in parts
            if not _IDEOLOGY_CLAUSE_RE.search(text, s, e)
            and not _RELEASED_BY_RE.search(text, s, e)
            and text[e:release].strip()  # 国家发展改革委、国家数据局印发: who released it, right before 印发
        ]
        if not aims:
            return None
        return aims[0][0], aims[-1][1]

    def _goal_cue(self, start: int, end: int) -> int | None:
        """Where the goal starts: the first time cue at a clause start followed by a target predicate."""
        text = self.text
        for match in _GOAL_CUE_RE.finditer(text, start, end):
            at = match.start() + len(match.group(0)) - len(match.group(0).lstrip())
            declares = re.match(r"(?:主要|发展|总体|工作)?目标|总体要求", text[at:]) is not None
            if (
                at > start
                and text[at - 1] not in _CLAUSE_START
                # 专项行动的工作目标是进一步整治…: the goal the subject declares
                and not (declares and text[at - 1] == "的")
                and not re.search(_CUE_LEAD_WORDS, text[max(start, at - 4) : at])
                and not (
                    _SAID_SET_RE.search(text, max(start, at - 3), at)
                    and text.startswith(("，", ","), match.end())
                )
            ):
                continue
            period = _SPAN_CUE_RE.fullmatch(match.group(0).strip()) is not None
            if period and text[at - 1 : at] == "是":
                continue  # 新兴产业是“十五五”时期经济增长的新引擎: what something is in the period
            if period and self._period_work(match.end(), end):
                continue  # “十五五”时期，将推动200个左右城市开展…建设: the work of the period, no end state
            # 《方案》主要目标是对接国家战略科技力量，做好…设计: what it names the goal needs no predicate
            if declares or _GOAL_PREDICATE_RE.search(text, match.end(), end):
                # 目标是，到2025年… starts at the year; 目标是 itself is not the goal
                if declares:
                    at = match.end()
                elif period:
                    # “十五五”时期，…将加力建设…，力争到“十五五”末初步建成…: the aim is what is strived for
                    strived = _STRIVE_DATED_RE.search(text, match.end(), end)
                    at = strived.start() if strived else at
                return at
        return None

    def _period_work(self, after: int, end: int) -> bool:
        """Whether what follows a period cue opens with the work to do (，将着力推动…, ，重点强化…) and
        states no end state to reach (not a scope it works in: ，重点围绕…，从省外引进…项目500个)."""
        work = _PERIOD_WORK_RE.match(self.text, after, end)
        return (
            work is not None
            and _TASK_VERB_RE.match(self.text, work.end()) is not None
            and _SCOPE_OPENER_RE.match(self.text, work.end()) is None
            and _STATE_RE.search(self.text, after, end) is None
            and _REACHED_RE.search(self.text, after, end) is None  # …超过90座，基本建成现代化水运体系
        )

    # -- task statements: 要/将 + action; the document's words reported; a subject's intended action
    def task_statements(self) -> None:
        text = self.text
        for par in self.paragraphs:
            if par.form not in ("prose", "lead", "labelled", "headed"):
                continue
            for start, end in sentences(text, par.start, par.end):
                claimed = self.claimed.first_start(start, end)
                if claimed is not None and claimed - start >= 8 and self.items.goals:
                    # …组建技术服务队，开展技术服务等，每年组织3万人次…参与: the measure before the aim read
                    end = claimed
                elif (
                    claimed is not None
                    and (aim_end := self.claimed.end_at(claimed)) is not None
                    and aim_end < end
                    and "；" in text[aim_end - 1 : aim_end + 1]
                ):
                    # 到2025年底，…实现…覆盖；开展…；推进…: the actions after the aim, the sentence's task
                    start = aim_end + (text[aim_end] == "；")
                heard = _REPORTER_HEARD_RE.match(text, start, end)
                if heard is not None:  # （记者…）记者近日在…会上获悉：今年，广西计划实施…: what was heard
                    start = heard.end()
                scope = _SCOPE_LEAD_RE.match(text, start, end)  # 对2019年以来已完成改造的小区，广西将…
                said_from = scope.end() if scope is not None else start
                if not self.free(start, end) or _NOT_PLAN_SENTENCE_RE.search(text, said_from, end):
                    continue
                verb_at = self._task_start(start, end)
                if verb_at is None or self._reports_others(start, verb_at, end):
                    continue
                verb = _TASK_VERB_RE.match(text, verb_at)
                if verb is not None and text.startswith("的", verb.end()):
                    continue  # 明确了要开展的各项工作: the work named, not a task
                acting_clause = (clauses(text, verb_at, end) or [(verb_at, end)])[0]
                if _REACHING_TARGETS_RE.search(text, *acting_clause):
                    continue  # 持续推动…的目标实现: reaching the goals set, no task of its own
                if text.count("坚持", start, end) >= _PRINCIPLES:
                    continue  # 将坚持系统观念、坚持守正创新、坚持协同共治…: the principles, no task
                if _AIMS_ANNOUNCED_RE.search(text, verb_at, end):
                    continue  # 意见提出推进…“两步走”的目标：: the lead of the goals that follow
                item = task_item(text, verb_at, end, named_by_sentence=False)
                # the actions the sentence lists: its ；-parts, else its clauses that are actions
                parts = clauses(text, verb_at, end, marks="；;")
                if len(parts) < 2:
                    parts = [c for c in clauses(text, verb_at, end) if _is_task_clause(text, *c)]
                item.children = [
                    Item(kind="task", name=without_modal(text, c), span=c, clause=True)
                    for c in parts
                    if len(parts) >= 2
                ]
                self.items.tasks.append(item)
                self.claim([item])

    def _reports_others(self, start: int, verb_at: int, end: int) -> bool:
        """A sentence about what others did or do: a tally of results (…累计建成800多家智能工厂) or a
        trend among many (越来越多的城市提出要…) — an account, not a task the document sets."""
        text = self.text
        if _TALLY_RE.search(text, start, end) and _GOAL_CUE_RE.search(text, start, end) is None:
            return True
        return _MULTITUDE_RE.search(text, start, verb_at) is not None

    def _task_start(self, start: int, end: int) -> int | None:
        """Where the sentence's task starts (its action verb), or None when it states none."""
        text = self.text
        modal = _MODAL_RE.search(text, start, end)
        if (
            modal is not None
            and not _BA_RE.match(text, modal.end() - 1)
            and (
                modal.start() == start  # 要加强省外就业公共服务。: the sentence opens with the modal
                or text[modal.start() - 1] in _CLAUSE_START
                or _subject_before(text, start, modal.start())
            )
        ):
            verb_at = modal.end()
            partners = _PARTNERS_RE.match(text, verb_at, end)
            if partners is not None:  # 将会同有关部门加快…: named by the action, not the partners
                verb_at = partners.end()
            if not _TASK_VERB_RE.match(text, verb_at):  # 将分类施策，推进…
                verb_at = _first_action_clause(text, verb_at, end) or verb_at
            return verb_at
        reported = _REPORTED_RE.search(text, start, end)
        if reported and _CONTEXT_CITED_RE.search(text, start, reported.end()):
            return None  # 《政府工作报告》提出，制定创新药目录: the context a report gives, not the plan
        dated = self._goal_cue(start, end) is not None  # a sentence with a time cue states a goal
        if reported and not dated:
            if _TASK_VERB_RE.match(text, reported.end()):
                return reported.end()
            # 意见提出，通过经济结构调整不断提高…，加快推进…: the action after the means (not after a
            # framing: 将发展数字经济作为…抓手，…)
            if _BA_RE.match(text, reported.end()):
                return None
            acting = _first_action_clause(text, reported.end(), end)
            if acting is not None:
                return acting
        focus = _FOCUS_NAMED_RE.search(text, start, end)
        if focus is not None and _TASK_VERB_RE.match(text, focus.start(1)):
            return focus.start(1)  # 《意见》以推动3类养老服务贯通协调为改革重点: the focus is a task
        acts = _DOCUMENT_ACTS_RE.search(text, start, end)
        if acts is not None and not dated:
            return acts.end()  # 为推动…，《若干措施》支持社会餐饮企业…: the document as the actor
        for says in _SAYS_ACTION_RE.finditer(text, start, end):
            if _TASK_VERB_RE.match(text, says.end()) and not dated:
                # 针对…，聚焦…，从…等方面布局一批重点任务，提出建立…等一批创新举措: the measures announced
                # before they are said are the task (not a scope before them: 聚焦智能船舶，提出加强…)
                if _MEASURES_LAID_OUT_RE.search(text, start, says.start()):
                    return _first_action_clause(text, start, says.start()) or trim(text, start, end)[0]
                return says.end()  # 比如，提出促进工资性收入合理增长
        head = trim(text, start, end)[0]
        definition = _COPULA_RE.search(text, head, end)  # 推进政务公开…是一项基本制度: a statement
        if (_INTENT_RE.match(text, head) or _DIRECTIVE_RE.match(text, head)) and definition is None:
            return head  # 加速数据资源向…汇聚。 a sentence that is an instruction
        intent = _INTENT_RE.search(text, start, min(end, start + 16))
        purpose = intent is not None and text[intent.start() - 1] in "为了"  # 为进一步支持…: a purpose
        near = intent is not None and intent.start() - start <= 6
        # 农村人居环境持续改善，…普及率约77%: a verb with no object after it tells a state, not an action
        objectless = intent is not None and text[intent.end() : intent.end() + 1] in _CLAUSE_ENDS
        if intent and near and not (purpose or objectless) and _subject_before(text, start, intent.start()):
            return intent.start()
        return None


def _first_action_clause(text: str, start: int, end: int) -> int | None:
    """Where the first clause of text[start:end] that opens with an action starts."""
    return next((s for s, _ in clauses(text, start, end) if _TASK_VERB_RE.match(text, s)), None)


_HEADED_LEAD_RE = re.compile(r"任务|举措|措施|重点工作")


def _span_text(text: str, item: Item) -> str:
    return text[item.span[0] : item.span[1]]


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _is_heading_like(par) -> bool:
    """A line that announces what follows: a heading, or a short line ending with ：/〜."""
    return par.form in ("plain_heading", "heading") or par.text.rstrip().endswith(("：", ":", "〜", "～"))


def _is_task_heading(text: str, par) -> bool:
    """A short line without sentence punctuation (强化重大项目谋划): after a lead announcing tasks,
    each such line names one."""
    words = text[par.start : par.end].strip()
    return (
        par.form in ("plain_heading", "heading")
        and 4 <= len(words) <= 20
        and not any(ch in words for ch in "，。；：,;:！？!?")
        and sum(map(_is_cjk, words)) >= 4
    )


def _subject_before(text: str, start: int, at: int) -> bool:
    """A modal right after its subject (长沙计划…, 宁夏还将…, 各地区各部门也要…): a short run of words."""
    clause_start = max(text.rfind(ch, start, at) for ch in _CLAUSE_START) + 1
    clause_start = max(clause_start, start)
    return at - clause_start <= 12


def _list_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The members of "A、B、C和D" (和/及/以及 join the last one)."""
    s, e = trim(text, start, end)
    if e - s < 3 or "、" not in text[s:e]:
        return []
    out = []
    for part in re.finditer(r"[^、]+", text[s:e]):
        ps, pe = s + part.start(), s + part.end()
        joined = re.search(r"(?:以及|和|及|与)", text[ps:pe])
        if part.end() == e - s and joined and out:
            out.append(trim(text, ps, ps + joined.start()))
            out.append(trim(text, ps + joined.end(), pe))
        else:
            out.append(trim(text, ps, pe))
    if any(pe - ps < 1 or pe - ps > 20 for ps, pe in out):
        return []
    return out


def _list_before_count(text: str, count_re: re.Pattern[str], start: int, end: int) -> list[tuple[int, int]]:
    """The members of the first list in text[start:end] closed by a count that agrees with it
    (A、B、C等3大重点领域; 从A、B等两个方面), or none."""
    for match in count_re.finditer(text, start, end):
        list_start = max(start, max(text.rfind(ch, start, match.start()) for ch in "，,：:；;（(") + 1)
        names = _list_items(text, list_start, match.start())
        counted = next(g for g in match.groups() if g is not None)
        if names and count_value(counted) == len(names) >= 2:
            return names
    return []


def _strip_list_lead(text: str, start: int, end: int) -> tuple[int, int]:
    """The first member without the verb that introduces the list (加快布局VR → VR)."""
    verbs = list(
        re.finditer(
            rf"(?:{_ACTION_VERBS}|包括|涵盖|涉及|布局|明确|提出|确定|部署|要求|围绕|面向)+了?",
            text[start:end],
        )
    )
    # the last verb with words after it (聚焦农业新品种培育: 培育 ends the member, 聚焦 leads it)
    last = next((verb for verb in reversed(verbs) if verb.end() < end - start), None)
    if last is not None:
        return start + last.end(), end
    return start, end


def read_prose(text: str, outline: Outline, taken: Iterable[tuple[int, int]] = ()) -> ProseItems:
    """The goals, directions and tasks told in the running text of the outline's paragraphs, outside
    the `taken` spans."""
    return _Reader(text, outline.paragraphs, outline.skipped, taken).read()


NO_SECTIONS_WARNING = "no goal, direction or task sections were recognised"
# Reports and interpretations often head their goals but tell their tasks in sentences (or the other
# way round): there running text fills the kinds structure did not find. A plan's own text does not.
PARTLY_PROSE_GENRES = ("plan_report", "plan_interpretation")
_KINDS = ("goals", "directions", "tasks")


def fill_from_prose(outline: Outline, genre: str) -> Outline:
    """Structure wins: running text is read only for the kinds of item structure found none of —
    all kinds in any genre, some kinds in a report or interpretation (outside what structure read) —
    for the answers to questions that name no kind (如何增强职业教育认可度？), which hold their
    items in running text whatever structure found elsewhere, and for the tasks of a report or
    interpretation whose sections cover under a quarter of its text. A report or interpretation whose text
    gave no goal takes the aim its headline states, if any."""
    if outline.preamble_aims and genre in PARTLY_PROSE_GENRES:
        # a report's running text states more goals than the dated aims structure read before any heading
        # (…，到2030年，实现…监测率提升到85% beside three other dated goals): its goals are those
        goals = {item.span for item in outline.goals}
        taken = [span for span in _structure_spans(outline) if span not in goals]
        found = read_prose(outline.text, outline, taken).goals
        if len(found) > len(outline.goals):
            outline.goals = found
    structured_tasks = bool(outline.tasks)
    missing = [kind for kind in _KINDS if not getattr(outline, kind)]
    prose = None  # the running text outside structure, read once
    if missing and (len(missing) == len(_KINDS) or genre in PARTLY_PROSE_GENRES):
        prose = read_prose(outline.text, outline, _structure_spans(outline))
        missing = _fill_missing(outline, missing, prose)
    elif "goals" in missing and genre == "plan":
        _fill_plan_aims(outline)
    if outline.answers:
        _fill_answers(outline, [kind for kind in _KINDS if kind not in missing])
    if genre in PARTLY_PROSE_GENRES and not outline.goals and (aim := _title_aim(outline)) is not None:
        outline.goals = [Item(kind="goal", name=aim, span=aim)]
    if genre in PARTLY_PROSE_GENRES and structured_tasks and _structure_is_thin(outline):
        # an interview whose one question heading (记者：…人民银行有什么举措？) holds a series: the other
        # answers' tasks are in running text all the same
        prose = prose or read_prose(outline.text, outline, _structure_spans(outline))
        read = GrowingSpans(_structure_spans(outline))  # with what the answers gave since the read
        found = [task for task in prose.tasks if not read.overlaps(*task.span)]
        outline.tasks = sorted(outline.tasks + found, key=lambda item: item.span)
    return outline


# a headline's phrases: 高质量发展民营经济  推动吉林全面振兴取得新突破（…·权威访谈）
_TITLE_PHRASE_RE = re.compile(r"[^\s（(—]{6,}")
# a phrase that is an aim reached by pushing something on (推动…取得新突破, 努力推动…建设取得新的重大进展)
_TITLE_AIM_RE = re.compile(r"(?:努力|奋力|全力|加快|着力)?推动\S{2,30}?(?:取得|实现|迈上|迈出|开创|再上)")


def _title_aim(outline: Outline) -> tuple[int, int] | None:
    """The aim a report's or interview's headline states, when its text states none that rules read."""
    if outline.title is None:
        return None
    for phrase in _TITLE_PHRASE_RE.finditer(outline.text, outline.title.start, outline.title.end):
        if _TITLE_AIM_RE.match(phrase.group()):
            return phrase.span()
    return None


# the share of a report's text structure must read for its sections to hold the report's tasks
_THIN_STRUCTURE = 0.25


def _structure_is_thin(outline: Outline) -> bool:
    """Whether the sections structure read cover less than a quarter of the text."""
    read = sum(end - start for start, end in outline.target_sections)
    return read < _THIN_STRUCTURE * len(outline.text)


def _fill_missing(outline: Outline, missing: list[str], found: ProseItems) -> list[str]:
    """Fills the missing kinds from what the running text outside structure gave; the kinds it filled."""
    filled = [kind for kind in missing if getattr(found, kind)]
    for kind in filled:
        setattr(outline, kind, getattr(found, kind))
    if not filled:
        return filled
    if len(missing) == len(_KINDS):
        outline.warnings = [w for w in outline.warnings if w != NO_SECTIONS_WARNING]
        outline.warnings.append("no goal, direction or task sections: items read from running text")
    else:
        sections = " or ".join(kind[:-1] for kind in filled)
        outline.warnings.append(f"no {sections} section: {' and '.join(filled)} read from running text")
    return filled


def _fill_plan_aims(outline: Outline) -> None:
    """A plan with no goal section: the dated goal statements of a section on its overall requirements or
    aims (一、总体要求 …到2030年，基本建成…; 二、目标任务 (一)到2025年，…), else the aims a 总体要求 section
    states in its own words, else the aims the guiding sentence of a 总体要求 or 工作目标 section ends on,
    else the dated aims one unnumbered paragraph states (至2017年，…), else what its preamble says it is
    drawn up for (为…，…，制定本方案。), else the aims its guiding-thought sentence ends on, else the dated
    aims its tasks strive for (力争到2027年…), else the targets its preamble sets, else what it strives to
    get done by a deadline (力争…2026年6月前核准)."""
    taken = _structure_spans(outline)
    stated = _Reader(outline.text, _aim_section_paragraphs(outline.root), outline.skipped, taken)
    stated.goal_statements()
    if stated.items.goals:
        outline.goals = stated.items.goals
        return
    required = _requirement_paragraphs(outline.root)
    if required:
        outline.goals = [_item("goal", outline.text, par.start, par.end) for par in required]
        return
    # 一、总体要求 坚持以…为指导，…，健全…，完善…，充分发挥…作用。: the aims its guiding sentence ends on
    required_aims = _guided_aims_of(outline, _REQUIREMENTS_RE, taken) or _guided_aims_of(
        outline, _GOAL_TITLE_RE, taken, past_last_guide=True
    )
    if required_aims:
        outline.goals = required_aims
        return
    # every paragraph's dated goal statements, read once for the two steps below that pick from them
    dated = _Reader(outline.text, outline.paragraphs, outline.skipped, ())
    dated.goal_statements()
    # 一、主要任务 以…为目标，…。至2017年，…落实；…增强；…: the dated aims an unnumbered paragraph states
    starts = [par.start for par in dated.paragraphs]  # in text order: a goal is in the last one before it
    holding: set[int] = set()
    stated_dated = []
    for goal in dated.items.goals:
        at = bisect_right(starts, goal.span[0]) - 1
        if dated.paragraphs[at].form in ("prose", "lead") and _BY_YEAR_RE.match(outline.text, goal.span[0]):
            holding.add(at)
            stated_dated.append(goal)
    if len(holding) == 1:  # the plan's aims stated together, not each task's own dated target
        outline.goals = stated_dated
        return
    reader = _Reader(outline.text, outline.paragraphs, outline.skipped, taken)
    reader.preamble_goals()
    reader.guided_goals()
    # else the aims its 指导思想 section (skipped as holding no items) ends its guiding thought on
    outline.goals = reader.items.goals or _guided_aims_of(outline, _GUIDING_THOUGHT_RE, taken)
    if not outline.goals:
        # else the dated aims its tasks strive for (…负责牵头组织开展…体检，力争到2027年实现全覆盖。)
        outline.goals = [
            g
            for g in dated.items.goals
            if outline.text.startswith(("力争", "争取", "力求"), g.span[0])
            or _DEADLINE_RE.match(outline.text, g.span[0])  # …，2027年前实现“宜装尽装”。: the deadline set
            or _AIM_QUOTED_RE.fullmatch(outline.text, *g.span)  # …，实现“…”的目标: the aim it names
        ]
    if not outline.goals:
        outline.goals = _preamble_targets(outline)
    if not outline.goals:
        outline.goals = _strived_deadlines(outline.text, dated.paragraphs)


_TARGET_CLAUSES_FOR_AIMS = 2
# 力争陆上风电2026年6月前核准, 力争年底前开工: what a plan strives to get done by a deadline
_STRIVE_DEADLINE_RE = re.compile(
    r"(?:力争|争取)[^。；，]{0,30}?(?:20\d\d年(?:\d{1,2}月)?|年)[底内]?(?:前|以前|底)"
)


def _strived_deadlines(text: str, paragraphs: list[Paragraph]) -> list[Item]:
    """What a plan strives to get done by a deadline, to the end of the clauses that go on with it (力争陆上
    风电2026年6月前核准，海上光伏…2025年10月前开工，其他光伏电站2026年6月前开工；): the aims of a short
    notice that states no other. `paragraphs`: those a reader keeps, not a skipped section's (工作基础: what
    was striven for before)."""
    found: list[Item] = []
    for par in paragraphs:
        for match in _STRIVE_DEADLINE_RE.finditer(text, par.start, par.end):
            if found and match.start() < found[-1].span[1]:
                continue  # 力争…年底前核准，力争…年底前开工。: the clauses of the aim before
            ends = [at for mark in "；。" if (at := text.find(mark, match.start(), par.end)) != -1]
            found.append(_item("goal", text, *trim(text, match.start(), min(ends, default=par.end))))
    return found


def _preamble_targets(outline: Outline) -> list[Item]:
    """The targets a plan's preamble sets, one ；-clause each (…高质量完成各项工作：…全区完成18个…小区；
    …达标率稳定在95%以上…；…回收利用率达到47%。), when one sentence sets two or more."""
    text = outline.text
    for par in outline.paragraphs:
        if par.style not in (None, "bullet"):
            return []  # the preamble ends at the first numbered heading
        if par.form != "prose":
            continue
        for start, end in sentences(text, par.start, par.end):
            colon = max(text.rfind(ch, start, end) for ch in "：:")
            parts = clauses(text, colon + 1 if colon != -1 else start, end, "；;")
            aims = [part for part in parts if find_indicators(text, *part)]
            if len(aims) >= _TARGET_CLAUSES_FOR_AIMS:
                return [_item("goal", text, *trim(text, *part)) for part in aims]
    return []


def _guided_aims_of(
    outline: Outline, title: re.Pattern[str], taken: list[tuple[int, int]], past_last_guide: bool = False
) -> list[Item]:
    """The aims the guiding sentence of the sections headed `title` ends on (see guided_goals)."""
    paragraphs = [par for section in _outermost_sections(outline.root, title) for par in section.body]
    reader = _Reader(outline.text, paragraphs, (), taken)
    reader.guided_goals(len(paragraphs), past_last_guide)
    return reader.items.goals


_AIM_SECTION_RE = re.compile(r"总体要求|目标")
_GUIDING_THOUGHT_RE = re.compile(r"^指导思想$")
_REQUIREMENTS_RE = re.compile(r"^总体要求$")
_BY_YEAR_RE = re.compile(r"(?:力争|争取)?\s*(?:到|至)\s*20\d\d\s*年")
_GOAL_TITLE_RE = re.compile(r"^(?:工作|主要|总体)?目标$")
_PRINCIPLES_LEAD_RE = re.compile(r"^[^，,。]{0,8}(?:要做到|要坚持|坚持以下原则)[：:]")


def _outermost_sections(section: Section, title: re.Pattern[str]) -> Iterator[Section]:
    """The sections under `section` whose heading matches `title`, not those nested in one of them."""
    for child in section.children:
        if child.heading is not None and title.search(child.title):
            yield child
        else:
            yield from _outermost_sections(child, title)


def _requirement_paragraphs(root: Section) -> list[Paragraph]:
    """The aims a 总体要求 section with no sub-sections states in its own paragraphs (补齐…短板。堵塞…渠道，
    确保…): not its guiding thought (以…为指导) nor its principles (工作中要做到：坚持…)."""
    return [
        par
        for section in _outermost_sections(root, _REQUIREMENTS_RE)
        if not section.children
        for par in section.body
        if par.form in ("prose", "lead")
        and not _GUIDE_RE.search(par.text)
        and not _PRINCIPLES_LEAD_RE.match(par.text)
    ]


def _aim_section_paragraphs(root: Section) -> list[Paragraph]:
    """The paragraphs of the sections whose heading names the overall requirements or aims."""
    found = [par for section in _outermost_sections(root, _AIM_SECTION_RE) for par in _statements(section)]
    return sorted(found, key=lambda par: par.start)


def _statements(section: Section) -> list[Paragraph]:
    """A section's paragraphs; a numbered line with nothing under it ((一)到2025年，全区建成…) is read as a
    statement, not a title, from after its marker."""
    found = list(section.body)
    for child in section.children:
        if child.heading is not None and not (child.body or child.children or child.tail):
            words = max(child.heading.start, child.heading.content_start)
            found.append(dataclasses.replace(child.heading, form="prose", start=words))
        found += _statements(child)
    return found + section.tail


def _fill_answers(outline: Outline, kinds: list[str]) -> None:
    """Items of these kinds told in the answers to unlabelled questions, nothing outside them."""
    outside: list[tuple[int, int]] = []
    at = 0
    for start, end in sorted(outline.answers):
        outside.append((at, start))
        at = max(at, end)
    outside.append((at, len(outline.text)))
    found = read_prose(outline.text, outline, _structure_spans(outline) + outside)
    for kind in kinds:
        items = getattr(outline, kind) + getattr(found, kind)
        setattr(outline, kind, sorted(items, key=lambda item: item.span[0]))


def _structure_spans(outline: Outline) -> list[tuple[int, int]]:
    """The items structure found and the sections it read them from (a section it read nothing
    from — 问：有哪些措施？ followed by answers in prose — stays open)."""
    items = [item.span for kind in _KINDS for item in getattr(outline, kind)]
    sections = [(s, e) for s, e in outline.target_sections if any(s <= i < e for i, _ in items)]
    return items + sections

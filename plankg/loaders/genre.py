"""Genre first: is a document a plan, a news report on a plan, an interpretation of one, or no plan at all?

Decided before anything is extracted, from the document's own title (its first lines, up to the 文号)
and a few cues of its body, in this order:
  0. a title naming a white paper (白皮书, its release or its 答记者问) or ending on a review of work done
     (…综述, 述评, 回眸, 纪实) → not_a_plan;
  1. the title says it interprets (解读, 解码, 答记者问, 问答) → plan_interpretation, unless what it
     interprets is rules: a title releasing rules, or rules or a standard its lead cites first
     (《…规定》正式施行) → not_a_plan;
  2. an official title ends with the kind of document it is:
     - 规划, 纲要, (行动)计划, (实施/工作)方案, (实施/指导/若干)意见, (若干)措施 → plan, unless its body
       is numbered articles that take effect on a day (第一条 … 自…起施行): rules under a plan's name;
     - 条例, 规定, 办法, 细则, 规则, 预案, 决定, 批复, 复函, 函, 答复, 通报, 公告 … → not_a_plan (but a
       标准 a headline raises, 提高…低保标准, is a level of support: the body decides);
     - a 通知 (or 函) that issues or forwards a document (印发/转发/颁发《X》的通知) is what X is: a plan
       (X a plan, or a forwarded 意见/报告/请示 to be carried out) or not (X a 规定, 办法, 预案 …);
     - any other 通知 is not a plan when it appoints, lists members, sets holidays or settles
       有关事项/问题; else a plan when its body gives several numbered parts (tasks to carry out);
  3. a title making cases public (公开通报5起…典型案件), saying rules take effect (…起施行), reporting
     standards released (…国家标准发布) or a publicity month's events (…宣传月活动) → not_a_plan;
     a news title on the release of rules (印发《…条例》) → not_a_plan;
     a news page's cues (a title that reports 印发《…》, 新华社…电, 记者, 日前/近日…印发) → plan_report
     when it names a plan or a dated target somewhere or a meeting sets work (会议强调，要…), else
     not_a_plan (news on no plan);
     — but a plan_interpretation when an author signs it (谷业凯《人民日报》) or it interviews an official
     (——访…部长): someone explains the plan;
  4. a question-and-answer body (问：…, 负责人…答记者问) → plan_interpretation;
  5. a body of numbered articles (第一条, 第二条 …) → not_a_plan;
     a body in a plan's own voice (现提出如下意见, 特制定本方案, 编制本规划) → plan, its title line missing;
  6. anything else: a report on a plan when it states targets, names a plan or says what work a
     government will carry out (将…推进/加快/建设); else not_a_plan.
  7. a report or interpretation by the rules that the genre model (genre_model.py, learned from the real
     documents' gold genres) reads as news on no plan → not_a_plan.
A not_a_plan document yields no goals, directions, tasks or indicators.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from plankg.loaders.genre_model import MIN_CHARS as MODEL_MIN_CHARS
from plankg.loaders.genre_model import THRESHOLD as NO_PLAN_THRESHOLD
from plankg.loaders.genre_model import no_plan_probability
from plankg.loaders.prose import PARTLY_PROSE_GENRES
from plankg.loaders.structure.notices import NEWS_DATELINE, is_furniture
from plankg.loaders.structure.paragraphs import Paragraph, split_paragraphs
from plankg.ontology.records import Genre, GenreEvidence


@dataclass(frozen=True)
class GenreDecision:
    genre: Genre
    rule: str  # which of the rules above decided, in words
    cue: str  # the text that decided it (a title word, a byline …)
    span: tuple[int, int]  # where the cue is in the document
    # how likely the genre model holds the text news on no plan, where it weighed a report or interpretation
    no_plan_probability: float | None = None

    @property
    def evidence(self) -> GenreEvidence:
        return GenreEvidence(rule=self.rule, cue=self.cue, span=self.span)

    @property
    def reason(self) -> str:
        """One line: "not_a_plan: the title names a 批复 (复函 at 12-14)"."""
        return f"{self.genre}: {self.rule} ({self.cue} at {self.span[0]}-{self.span[1]})"


_TITLE_MAX_LINES = 4
_TITLE_MAX_CHARS = 120
_DOC_NUMBER_TAIL_RE = re.compile(r"[〔\[［(（【]\s*\d{4}\s*[〕\]］)）】]\s*\d+\s*号$")
_SENTENCE_PUNCT_RE = re.compile(r"[。；;]")
_HEADING_START_RE = re.compile(
    r"^(?:第[一二三四五六七八九十\d]+[章节部篇]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)])"
)

_INTERPRETATION_RE = re.compile(r"解读|解码|答记者问|答问|问答|一图读懂|图解")
_PLAN_TYPES = (
    "行动计划|计划|规划纲要|纲要|总体规划|规划|实施方案|工作方案|试点方案|方案|实施意见|指导意见|若干意见|意见|"
    "若干措施|若干政策措施|政策措施|措施|行动方案|建议|工作要点|要点|"
    "工作指引|指引|行动指南|指南|"  # 城市体检促进城市更新的工作指引: how the work is to go
    # a government's work report to its congress, or its report on the year's plan or budget
    # (…计划执行情况与…计划草案的报告, …预算执行情况与…预算草案的报告), sets the year's expected targets
    # and work: an annual plan
    "政府工作报告|计划草案的报告|预算草案的报告"
)
_RULE_TYPES = (
    "实施条例|条例|暂行规定|规定|暂行办法|实施办法|管理办法|办法|实施细则|细则|工作规则|规则|应急预案|预案|法|"
    "标准|章程|决定|决议|批复|复函|答复|函|通报|公告|通告|命令|令"
)
_REPORT_TYPES = "报告|请示"
# What an official title ends with (a trailing period such as （2016-2020年） set aside).
_TYPE_RE = re.compile(rf"(?:{_PLAN_TYPES}|{_RULE_TYPES}|{_REPORT_TYPES}|通知)$")
_PLAN_TYPE_RE = re.compile(rf"(?:{_PLAN_TYPES})$")
_RULE_TYPE_RE = re.compile(rf"(?:{_RULE_TYPES})$")
_TRAILING_BRACKETS_RE = re.compile(r"(?:[（(][^（）()]*[）)]|[”\"》])+$")
# A wrapper: 关于印发《X》的通知, 转发…关于X的通知, 印发X的函.
_CARRIER_RE = re.compile(r"(?:印发|转发|颁发|颁布|发布)(.+?)的(?:通知|函)$")
_NOTICE_SUBJECT_RE = re.compile(r"关于(.+?)的通知$")
_NOT_A_PLAN_NOTICE_RE = re.compile(
    # calls for applications or nominations (…项目申报的通知, 征集, 评选, 推荐): a procedure, not a plan
    r"申报|征集|评选|遴选|推荐|报名|公示|备案|年检|"
    r"组成人员|人员组成|成员调整|任免|任命|免去|职务|放假|节假日|假日|调休|有关事项|几个问题|有关问题|表扬|通报|"
    r"嘉奖|奖励|悼念|讣告|更正|废止|停止执行|宣布失效|"
    r"明确[^《》]{2,40}?(?:有关)?要求的通知$"  # 关于进一步明确…审查改革有关要求的通知: rules clarified
)
# 关于做好2024年…开发建设有关事项的通知: the matters of a year's work to do well, laid out in its body
_WORK_MATTERS_RE = re.compile(r"关于(?:做好|推进|加快|加强)[^《》]{2,40}有关事项的通知$")
# the parts of a call for applications or nominations (开展…培育行动的通知: 基本条件, 申报程序, 评审) or of
# a filing's or an approval's steps: a procedure, not a plan, whatever its title says it launches
_PROCEDURE_PART_RE = re.compile(
    r"(?:基本|申报|推荐|参评|报名)条件|申报(?:程序|流程|材料|方式|时间|要求)|推荐(?:程序|名额|方式)|评审(?:程序|方式|认定)|"
    r"报名(?:方式|程序|时间)|"
    # 一、备案管理范围 二、备案管理主体 三、备案管理流程: how a filing or an approval is done, named right
    # after the part's number (二、优化审批流程 is work to do)
    r"(?<=[、）)．.])(?:备案|审批|许可|登记)(?:管理)?(?:范围|主体|流程|程序|材料|条件|时限)"
)
_PROCEDURE_PARTS = 2
_NUMBERED_PART_RE = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.．、])"
)
_NUMBERED_PARTS_FOR_A_PLAN = 4  # a notice that lays out work gives several numbered parts

_NEWS_TITLE_RE = re.compile(r"(?:印发|发布|出台|出炉|公布|推出|解读)[了]?[《“\"]")
# 国办印发促进残疾人就业三年行动方案: a headline on a release (an official title says 关于印发…的通知)
_HEADLINE_RELEASE_RE = re.compile(r"^(?!.*关于).{2,12}?(?:印发|出台|出炉|发布|公布)")
# A newspaper's byline: its dateline or its page line (《人民日报》（2025年02月24日第 12 版）)
_BYLINE = rf"{NEWS_DATELINE}|《[^》]{{2,8}}报》\s*[（(][^）)]{{4,30}}版\s*[）)]"
_NEWS_BODY_RE = re.compile(
    rf"{_BYLINE}|记者(?!见面|会|招待|提问|问|采访)\s*[\u4e00-\u9fff]{{2,4}}|"
    r"(?:日前|近日|近期|今天|今日|\d{1,2}月\d{1,2}日)[，,]?[^。；]{0,40}(?:印发|发布|出台|公布)(?:了)?[《“]"
)
_QA_LINE_RE = re.compile(r"^(?:问|提问|Q)\s*[：:]|负责人[^。]{0,30}(?:答记者问|回答|答问)|答记者问")
# 记者：我国为什么要在现阶段编纂这样一部法典？ — a reporter's question opening its line
_INTERVIEW_QUESTION_RE = re.compile(r"^记者[：:][^\n]*[？?]", re.MULTILINE)
_QUESTIONS_FOR_AN_INTERVIEW = 2
# 国务院新闻办举行“新征程上的奋斗者”中外记者见面会 / 五位…基层代表与中外记者交流: a meeting of the press
# with people who tell their own work (not a 新闻发布会 on a plan)
_PRESS_MEETING_RE = re.compile(r"中外记者见面会|与中外记者(?:交流|见面)")
_PRESS_MEETING_HEAD_CHARS = 600
# An article on what a government sets out to do: targets, a named plan, or the work it will carry out.
# 计划从2025年起，连续5年每年选派60名…: a programme set over years
PROGRAMME_FROM_YEAR = r"计划(?:从|自)\s*20\d\d\s*年起"
_TARGET_RE = re.compile(
    rf"到\s*20\d\d\s*年|{PROGRAMME_FROM_YEAR}|目标|"
    r"《[^》]{2,60}(?:规划|方案|意见|计划|纲要)[^》]{0,12}》|"
    # 要 as a modal, not inside a word (要求, 需要, 主要, 重要, 必要), its action close after it or after
    # the guide it takes (将以…为牵引，推进…): not 将故障诊断准确率提升80%, 将 taking an object as 把 does
    r"(?:(?:将|(?<![需主重必只])要(?![求点素]))(?:以[^。；]{1,24}?为[^，,。；]{0,4}[，,]?)?[^。；]{0,6}?"
    r"|力争[^。；]{0,16}?)(?:推进|加快|推动|建设|实施|打造|完善|培育|提升|实现|达到|出台)"
    # 会议强调，要全力抓好…: a meeting that sets the work to be done
    r"|(?:会议|会上)(?:强调|要求|提出|部署)[，,：:]\s*(?:各地|各级|各有关部门)?要"
)
# 全面完成“十四五”…目标, 超额实现了…目标: a target met (a review of work done), not one set
_MET_VERBS = ("完成", "实现了", "达成", "超额")
_MET_OBJECT_CHARS = 14  # the words between the verb and 目标 (“十四五”找矿)
_MET_BEFORE_RE = re.compile(rf"(?:{'|'.join(_MET_VERBS)})[^，,。；;：:]{{0,{_MET_OBJECT_CHARS}}}$")
_MET_LOOKBACK_CHARS = max(map(len, _MET_VERBS)) + _MET_OBJECT_CHARS
# 第一条 / 第十二条: the articles of a regulation or rules, whatever its title says (or when it has none)
_ARTICLE_RE = re.compile(r"^第[一二三四五六七八九十百零〇\d]{1,4}条")
_ARTICLES_FOR_RULES = 3
# 公开通报5起政绩观偏差典型案件, 集中通报典型案例, 公布一批…典型案例: a bulletin of cases (discipline,
# inspection, enforcement)
_CASES_MADE_PUBLIC_RE = re.compile(
    r"通报[^《》，。]{0,24}?(?:典型)?(?:案件|案例|问题)|(?:公布|曝光|发布)[^《》，。]{0,24}?典型(?:案件|案例)"
    # 公开通报四川省昭觉县、湖北省文化和旅游厅…不顾实际使用财政资金问题: named offenders are a long list
    r"|^公开通报[^《》。]{0,80}?问题"
)
# 本意见自2024年12月18日起施行: the day rules take effect (a plan is carried out, it does not take effect)
_TAKES_EFFECT_RE = re.compile(r"自\s*(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|印发之日|发布之日)起施行")
# a title saying rules take effect (新修改的网络安全法本月起施行——): news on rules in force, no plan
_IN_FORCE_RE = re.compile(r"(?:起|正式)施行")
# a title on standards released (50项新食品安全国家标准发布): technical rules, no plan
_STANDARDS_RELEASED_RE = re.compile(r"标准(?:和[^，,]{0,10})?(?:发布|公布|出台)")
# a title on the events of a publicity month (各地广泛开展全国消防宣传月活动): what was held, no plan
_PUBLICITY_EVENTS_RE = re.compile(r"(?:宣传月|宣传周|宣传日|活动周)活动")
# A plan's own words about itself: 现提出以下意见 / 特制定本方案 / 编制本规划 (a report quotes the title)
_OWN_VOICE_RE = re.compile(
    r"(?:现|特)(?:就[^。]{0,40})?提出(?:以下|如下)(?:意见|措施|实施意见)"
    r"|(?:特|现)?(?:制定|编制)本(?:规划|方案|计划|意见|措施)"
    # 我代表国务院，向大会作政府工作报告 / 受国务院委托，现将…计划草案提请…审查: the report itself
    r"|(?:我)?代表[^，。]{2,12}向大会(?:作|报告)|现将[^。]{2,80}提请[^。]{2,30}(?:审查|审议)"
)
# what a report on a plan names somewhere: the plan (《…方案》, 规划, 行动计划 …) or a dated target
_PLAN_MENTION_RE = re.compile(
    r"《[^》]{2,60}(?:规划|纲要|计划|方案|意见|措施|举措|指引|战略|行动|政策|通知|要点|任务清单)[^》]{0,12}》|"
    r"《政府工作报告》|"  # the year's plan of a government (_PLAN_TYPES)
    # 《全国农业科技创新重点领域（2024—2028年）》: a document over a span of years sets out work for it
    r"《[^》]{2,60}[（(]\s*\d{4}\s*[-—–~～至]+\s*\d{4}\s*年?\s*[）)]》|"
    # (a bare 规划 is also a trade: 规划设计研究院, 规划师, 国土空间规划中应用…; 政策文件 alone is a kind of
    # text — 分散在不同法律、法规、政策文件中 — not a plan)
    r"(?:发展|专项|总体|五年|十[一二三四五六]五)规划|规划纲要|纲要|行动计划|实施方案|工作方案|行动方案|指导意见|"
    r"实施意见|若干措施|政策措施|专项行动|"
    r"[\d一二三四五六七八九十]+(?:条|项)(?:具体|政策)?(?:措施|举措)|"
    # 联合印发通知，于7月17日起全面实施…
    r"(?:印发|出台)(?:了)?[^，。；]{0,12}(?:通知|方案|意见|计划|措施|政策|指引|要点)|"
    # 发布关于进一步做好住宅老旧电梯更新有关工作的通知，要求做好…: a notice that sets out work
    r"(?:印发|出台|发布|下发)(?:了)?[^，。；]{0,40}?(?:通知|意见)[，,]\s*(?:要求|提出|明确|部署)|"
    r"(?:到|力争|争取)\s*20\d\d\s*年|"
    # 今年，广西计划实施城镇老旧小区改造项目1077个: the year's plan of work
    r"(?:今年|明年|年内)[，,]?[^。；，,]{0,10}?计划(?:实施|完成|新建|改造|建设|开工|推进)|"
    # a campaign under its name (“百城千校万企”促就业行动, “千乡万村驭风行动”), quantities it strives for
    # (力争…提供百万个以上; 力争…产值达3300亿元: 达 before its figure)
    r"“[^”]{2,20}(?:”[^，。；“”]{0,8}行动|行动”)|(?:力争|争取)[^。；]{0,60}?(?:以上|不少于|不低于|达到|超过|达\s*\d)"
)
_CARRIES_TEXT_RE = re.compile(
    r"《[^》]{2,60}(?:规划|纲要|计划|方案|意见|措施)[^》]{0,12}》(?:主要内容|全文)如下"
)
_BODY_CUE_PARAGRAPHS = 6  # a news page's byline and lead are in its first paragraphs


@dataclass(frozen=True)
class _Title:
    compact: str  # the title lines joined, without spaces
    offsets: list[int]  # the source offset of each character of `compact`
    end: int  # where the text after the title begins


_BYLINE_LINE_RE = re.compile(r"本报记者|新华社记者|《人民日报》[（(]")


def _title(text: str) -> _Title:
    """The document's own title: its first paragraph (furniture skipped), continued by the short
    lines after it up to the 文号 line, the salutation or the first sentence."""
    compact: list[str] = []
    offsets: list[int] = []
    end = 0
    lines = 0
    for par in split_paragraphs(text[:4000]):
        line = par.text
        if not compact and is_furniture(line):
            continue
        if compact and (
            _TYPE_RE.search(_TRAILING_BRACKETS_RE.sub("", "".join(compact)))  # the title is complete
            or _HEADING_START_RE.match(line)
            or is_furniture(line)
            or _SENTENCE_PUNCT_RE.search(line)
            or line.endswith(("：", ":"))
            or _BYLINE_LINE_RE.search(line)  # 本报记者  吴齐强《人民日报》（…）: the byline, not the title
            or len(line) > 40
            or len(compact) + len(line) > _TITLE_MAX_CHARS
        ):
            break
        number = _DOC_NUMBER_TAIL_RE.search(line)  # a 文号 (国办函〔2005〕21号), maybe glued to the title
        keep = _before_doc_number(line, number.start()) if number else len(line)
        for index, char in enumerate(line[:keep]):
            if not char.isspace() and char != "\u3000":
                compact.append(char)
                offsets.append(par.start + index)
        end = par.end
        lines += 1
        if number is not None or lines >= _TITLE_MAX_LINES:
            break
    return _Title("".join(compact), offsets, end)


def _before_doc_number(line: str, bracket: int) -> int:
    """Where the title ends before a 文号 glued to it: after the shortest issuer code (国发, 国办函 …)
    that leaves the title ending with a document type."""
    for code_length in (2, 3, 4):
        if _TYPE_RE.search(_TRAILING_BRACKETS_RE.sub("", line[: bracket - code_length])):
            return bracket - code_length
    return max(0, bracket - 2)


def _span(title: _Title, start: int, end: int) -> tuple[int, int]:
    """Source span of title.compact[start:end]."""
    if not title.offsets:
        return (0, 0)
    return title.offsets[start], title.offsets[max(start, end - 1)] + 1


def _decision(genre: Genre, rule: str, title: _Title, start: int, end: int) -> GenreDecision:
    return GenreDecision(genre, rule, title.compact[start:end], _span(title, start, end))


def _body_decision(genre: Genre, rule: str, match: re.Match[str]) -> GenreDecision:
    return GenreDecision(genre, rule, match.group(), match.span())


# A letter that launches a year's or a campaign's work (关于开展2024年本市海绵城市建设工作的函) reads as
# a bare 通知: its body decides; any other 函 answers or asks and is not a plan.
_WORK_LETTER_RE = re.compile(r"关于(?:开展|做好|推进|加快|加强)[^《》]{2,40}工作的函$")


# A level of support raised (贵州持续提高城乡低保标准): a headline on what a plan pays, no standard laid down
_LEVEL_RAISED_RE = re.compile(r"(?:提高|提升|上调|调高)[^，,、：:]{0,20}$")


def _official_type(title: _Title) -> GenreDecision | None:
    """What an official title's last word says the document is."""
    head = _TRAILING_BRACKETS_RE.sub("", title.compact)
    kind = _TYPE_RE.search(head)
    if kind is None:
        return None
    start, end = kind.span()
    word = kind.group()
    if word == "标准" and _LEVEL_RAISED_RE.search(head, 0, start):
        return None  # the body decides
    if word in ("通知", "函"):
        carried = _CARRIER_RE.search(head)
        if carried is not None:
            inner = _TRAILING_BRACKETS_RE.sub("", carried.group(1))
            inner_kind = _PLAN_TYPE_RE.search(inner) or _RULE_TYPE_RE.search(inner)
            offset = carried.start(1)
            if inner_kind is not None and _PLAN_TYPE_RE.search(inner):
                s, e = offset + inner_kind.start(), offset + inner_kind.end()
                return _decision("plan", "the notice issues a plan", title, s, e)
            if inner_kind is not None:
                s, e = offset + inner_kind.start(), offset + inner_kind.end()
                return _decision("not_a_plan", "the notice issues rules, not a plan", title, s, e)
            report = re.search(rf"(?:{_REPORT_TYPES})$", inner)
            if report is not None:  # 转发…意见报告/请示的通知: measures to carry out
                s, e = offset + report.start(), offset + report.end()
                return _decision("plan", "the notice forwards a report to be carried out", title, s, e)
        if word == "函" and _WORK_LETTER_RE.search(head) is None:
            return _decision("not_a_plan", "the title names a 函", title, start, end)
        subject = _NOTICE_SUBJECT_RE.search(head)
        if subject is not None:  # 关于本市…运价浮动实施规则的通知: a notice of rules is rules
            inner = _TRAILING_BRACKETS_RE.sub("", subject.group(1))
            rule = _RULE_TYPE_RE.search(inner)
            if rule is not None and _PLAN_TYPE_RE.search(inner) is None:
                s, e = subject.start(1) + rule.start(), subject.start(1) + rule.end()
                return _decision("not_a_plan", "the notice lays down rules, not a plan", title, s, e)
        not_a_plan = _NOT_A_PLAN_NOTICE_RE.search(head)
        if not_a_plan is not None and not _WORK_MATTERS_RE.search(head):
            return _decision(
                "not_a_plan",
                "the notice appoints, sets dates, settles questions or clarifies requirements",
                title,
                *not_a_plan.span(),
            )
        return None  # a bare 通知: its body decides
    if _PLAN_TYPE_RE.search(head[:end]) and word not in ("决定", "决议"):
        return _decision("plan", "the title names a plan", title, start, end)
    if re.fullmatch(_REPORT_TYPES, word):
        return None  # a 报告 on its own: its body decides
    return _decision("not_a_plan", f"the title names a {word}", title, start, end)


_CITED_RE = re.compile(r"《([^》]{2,80})》")


_INTERPRETED_LEAD = 300  # characters of the body in which an interpretation names what it interprets
_RULES_CITED_RE = re.compile(rf"《([^》]{{2,80}}?(?:{_RULE_TYPES}|规范))》")


def _interpreted_rules(text: str, body_start: int) -> GenreDecision | None:
    """An interpretation whose lead first cites rules or a standard (《国务院关于对外投资的规定》正式施行 /
    推荐性国家标准《售后服务 无理由退货服务规范》…实施): it interprets no plan. (A newspaper's name in
    the byline, 《人民日报》, is no document cited.)"""
    lead = _CITED_RE.finditer(text, body_start, body_start + _INTERPRETED_LEAD)
    cited = next((c for c in lead if not c.group(1).endswith("报")), None)
    if cited is None:
        return None
    rules = _RULES_CITED_RE.fullmatch(cited.group())
    if rules is None or _PLAN_TYPE_RE.search(_TRAILING_BRACKETS_RE.sub("", cited.group(1))) is not None:
        return None
    return _body_decision("not_a_plan", "the interpretation is of rules, not a plan", cited)


def _released_rules(title: _Title) -> GenreDecision | None:
    """A news title on the release of rules (印发《生态环境保护督察工作条例》): no plan is released."""
    for cited in _CITED_RE.finditer(title.compact):
        inner = _TRAILING_BRACKETS_RE.sub("", cited.group(1))
        rule = _RULE_TYPE_RE.search(inner)
        if rule is not None and _PLAN_TYPE_RE.search(inner) is None:
            s, e = cited.start(1) + rule.start(), cited.start(1) + rule.end()
            return _decision("not_a_plan", "the report is on the release of rules, not a plan", title, s, e)
    return None


# what follows a newspaper's byline is news, whatever the headline's last word (…空间规划, …支持措施) says
_BYLINE_RE = re.compile(rf"\s*(?:{_BYLINE})")


def _head_paragraphs(text: str, body_start: int) -> list[Paragraph]:
    """The first paragraphs after the title: where a news page's byline and lead are."""
    return split_paragraphs(text[body_start : body_start + 3000])[:_BODY_CUE_PARAGRAPHS]


# an author's name alone over the paper's name (谷业凯《人民日报》, 嘉  哲《人民日报》: no 记者, no office)
_SIGNED_BYLINE_RE = re.compile(
    r"[\u4e00-\u9fff](?:[ \u3000]{0,2}[\u4e00-\u9fff]){1,2}(?=\s*《[^》]{2,8}报》)"
)
_INTERVIEW_SUBTITLE_RE = re.compile(r"——\s*访")  # ——访民政部党组书记、部长陆治原


def _signed_or_interview(
    text: str, title: _Title, body_start: int, head: list[Paragraph]
) -> re.Match[str] | None:
    """A signed article's byline or an interview's subtitle: someone explains the plan."""
    for par in head:
        start, end = body_start + par.start, body_start + par.end
        found = _SIGNED_BYLINE_RE.match(text, start, end) or _INTERVIEW_SUBTITLE_RE.match(text, start, end)
        if found is not None:
            return found
    return _INTERVIEW_SUBTITLE_RE.search(text, 0, title.end)


def _byline(text: str, body_start: int, head: list[Paragraph]) -> re.Match[str] | None:
    """The byline among the head paragraphs (split from text[body_start:])."""
    for par in head:
        match = _BYLINE_RE.match(text, body_start + par.start, body_start + par.end)
        if match is not None:
            return match
    return None


def _written_as_rules(text: str, body_start: int) -> GenreDecision | None:
    """not_a_plan when the body is numbered articles (第一条 …) and says when it takes effect."""
    effect = _TAKES_EFFECT_RE.search(text, body_start)
    if effect is None:
        return None
    articles = [(p, m) for p in split_paragraphs(text[body_start:]) if (m := _ARTICLE_RE.match(p.text))]
    if len(articles) < _ARTICLES_FOR_RULES:
        return None
    first, article = articles[0]
    span = (body_start + first.start, body_start + first.start + article.end())
    return GenreDecision(
        "not_a_plan", "a plan's name over numbered articles that take effect", article.group(), span
    )


# a white paper, or a review of work done (——二〇二四年…为基层减负综述): positions and a record, no plan
# (nor is a white paper's 答记者问: read before a title that interprets)
_TITLES_OF_NO_PLAN_FIRST = (
    (re.compile(r"白皮书"), "the title names a white paper"),
    (re.compile(r"(?:综述|述评|回眸|纪实)$"), "the title names a review of work done"),
)
# then, past a title that interprets: cases made public (公开通报5起…典型案件), whatever plan the body
# cites; rules taking effect (《行政执法监督条例》2月1日起施行——: a plan is carried out, it does not take
# effect); standards released; a publicity month's events
_TITLES_OF_NO_PLAN = (
    (_CASES_MADE_PUBLIC_RE, "the title makes cases public"),
    (_IN_FORCE_RE, "the title says rules take effect"),
    (_STANDARDS_RELEASED_RE, "the title reports standards released"),
    (_PUBLICITY_EVENTS_RE, "the title reports a publicity month's events"),
)


def _title_of_no_plan(
    title: _Title, patterns: tuple[tuple[re.Pattern[str], str], ...]
) -> GenreDecision | None:
    """not_a_plan by the first of `patterns` the title matches, with its rule; None when none does."""
    for pattern, rule in patterns:
        match = pattern.search(title.compact)
        if match is not None:
            return _decision("not_a_plan", rule, title, *match.span())
    return None


def classify_genre(text: str) -> GenreDecision:
    """The document's genre and the cue that decided it (see the module's rules)."""
    ruled = genre_by_rules(text)
    if ruled.genre not in PARTLY_PROSE_GENRES:  # the model overrules only the rules' reports on a plan
        return ruled
    probability = no_plan_probability(text)
    if probability < NO_PLAN_THRESHOLD or len(text.strip()) < MODEL_MIN_CHARS:
        return replace(ruled, no_plan_probability=probability)
    title = _title(text)
    return _decision(
        "not_a_plan",
        f"the genre model reads news on no plan (p = {probability:.2f}), not a {ruled.genre}",
        title,
        0,
        len(title.compact),
    )


def genre_by_rules(text: str) -> GenreDecision:
    """The genre the rules give (0–6 of the module's rules), before the genre model has its say."""
    title = _title(text)
    no_plan = _title_of_no_plan(title, _TITLES_OF_NO_PLAN_FIRST)
    if no_plan is not None:
        return no_plan
    interpretation = _INTERPRETATION_RE.search(title.compact)
    if interpretation is not None:
        # 就《实施弹性退休制度暂行办法》答记者问: an interpretation of rules interprets no plan
        return (
            _released_rules(title)
            or _interpreted_rules(text, title.end)
            or _decision("plan_interpretation", "the title says it interprets", title, *interpretation.span())
        )
    no_plan = _title_of_no_plan(title, _TITLES_OF_NO_PLAN)
    if no_plan is not None:
        return no_plan
    meeting = _PRESS_MEETING_RE.search(text, 0, _PRESS_MEETING_HEAD_CHARS)
    if meeting is not None:  # 一线代表与中外记者交流: people tell their work and lives, no plan is reported
        return _body_decision("not_a_plan", "a press meeting where people tell their work", meeting)
    news_title = _NEWS_TITLE_RE.search(title.compact) or _HEADLINE_RELEASE_RE.search(title.compact)
    wrapper = re.search(
        r"(?:通知|函)$", title.compact
    )  # 关于印发《…》的通知 is official, 国务院印发《…》 news
    official = None if news_title and not wrapper else _official_type(title)
    body_start = title.end
    head_paragraphs = None  # split once, when a rule needs them
    if official is not None and official.genre == "plan":
        head_paragraphs = _head_paragraphs(text, body_start)
        byline = _byline(text, body_start, head_paragraphs)
        if byline is not None and _OWN_VOICE_RE.search(text, 0, title.end + 3000) is None:
            official = None  # 江苏编制…空间规划 over 本报南京…电: a headline, not the plan's title
    if official is not None and official.genre == "plan":
        # 奉贤区景观照明管理实施意见: 第一条 目的和依据 … 本意见自…起施行: rules under a plan's name
        rules = _written_as_rules(text, body_start)
        if rules is not None:
            return rules
    if official is not None:
        return official
    if news_title is not None:
        released = _released_rules(title)
        if released is not None:
            return released
    if head_paragraphs is None:
        head_paragraphs = _head_paragraphs(text, body_start)
    for par in head_paragraphs:
        news = _NEWS_BODY_RE.search(text, body_start + par.start, body_start + par.end)
        if news is not None:
            if _PLAN_MENTION_RE.search(text) is None:  # “十五五”时期，…将…: still the work a government sets
                questions = _INTERVIEW_QUESTION_RE.findall(text, body_start)
                if len(questions) >= _QUESTIONS_FOR_AN_INTERVIEW:  # 记者：…？ 吕忠梅：… on a law, no plan
                    return _body_decision("not_a_plan", "an interview on no plan", news)
                return _sets_work(text, body_start) or _body_decision(
                    "not_a_plan", "a news report on no plan", news
                )
            statistics = _statistics_release(text, body_start)
            if statistics is not None:  # 10月份，规模以上工业增加值同比增长4.9%…: the past period's figures
                return _body_decision("not_a_plan", "a release of statistics", statistics)
            carried = _CARRIES_TEXT_RE.search(text, body_start, body_start + 1500)
            if carried is not None:  # 新华社…电 …印发了《…规划》… 《…》主要内容如下。: the plan's own text
                return _body_decision("plan", "a news page carrying the plan's text", carried)
            # 谷业凯《人民日报》, ——访民政部部长: someone explains the plan, it is not news of it
            signed = _signed_or_interview(text, title, body_start, head_paragraphs)
            if signed is not None:
                return _body_decision(
                    "plan_interpretation", "a signed article or interview on a plan", signed
                )
            return _body_decision("plan_report", "a news report's byline or lead", news)
    if news_title is not None:
        return _decision("plan_report", "the title reports a plan's release", title, *news_title.span())
    body = split_paragraphs(text[body_start:])  # read once for the body cues below
    type_match = _TYPE_RE.search(_TRAILING_BRACKETS_RE.sub("", title.compact))
    if type_match is not None and type_match.group() in ("通知", "报告", "函"):  # a 函 here launches work
        numbered = [p for p in body if _NUMBERED_PART_RE.match(p.text)]
        procedure = [
            cue
            for p in numbered
            if (
                cue := _PROCEDURE_PART_RE.search(
                    text, body_start + p.start, body_start + min(p.end, p.start + 16)
                )
            )
        ]
        if len(procedure) >= _PROCEDURE_PARTS:  # 二、基本条件 三、申报程序 (who may apply, how); 备案管理流程
            return _body_decision("not_a_plan", "the notice sets out a procedure", procedure[0])
        if len(numbered) >= _NUMBERED_PARTS_FOR_A_PLAN:
            return _decision("plan", "the notice lays out numbered parts of work", title, *type_match.span())
        return _decision("not_a_plan", "the notice lays out no work in parts", title, *type_match.span())
    qa = [p for p in body if _QA_LINE_RE.search(p.text)]
    if len(qa) >= 2:
        first = qa[0]
        # an interview on laws and their application (访最高人民法院…庭长) names no plan: no plan interpreted
        named = _PLAN_MENTION_RE.search(text) is not None
        return GenreDecision(
            "plan_interpretation" if named else "not_a_plan",
            "questions and answers on a plan" if named else "questions and answers on no plan",
            first.text[:20],
            (body_start + first.start, body_start + min(first.end, first.start + 20)),
        )
    articles = [(p, m) for p in body if (m := _ARTICLE_RE.match(p.text))]
    if len(articles) >= _ARTICLES_FOR_RULES:
        first, article = articles[0]
        span = (body_start + first.start, body_start + first.start + article.end())
        return GenreDecision("not_a_plan", "a body of numbered articles (rules)", article.group(), span)
    own_voice = _OWN_VOICE_RE.search(text, 0, body_start + 3000)
    if own_voice is not None:
        return _body_decision("plan", "the text speaks as the plan itself", own_voice)
    sets_work = _sets_work(text, body_start)
    if sets_work is not None:
        return sets_work
    return _decision("not_a_plan", "no plan, report or interpretation cue", title, 0, len(title.compact))


# a period's statistics compared (同比增长4.9%, 比上年增加), and the words of what is to come
_COMPARED_RE = re.compile(r"同比|环比|比上年|较上年")
_TO_COME_RE = re.compile(r"将|要|力争|计划")
_COMPARISONS_FOR_STATISTICS = 5


def _statistics_release(text: str, body_start: int) -> re.Match[str] | None:
    """The first comparison of a news release of statistics: one that compares a period's figures with
    the last at least five times, more often than it speaks of what is to come (a report on a plan cites
    a few figures among the work it sets)."""
    compared = list(_COMPARED_RE.finditer(text, body_start))
    if len(compared) < _COMPARISONS_FOR_STATISTICS:
        return None
    return compared[0] if len(compared) > len(_TO_COME_RE.findall(text, body_start)) else None


def _sets_work(text: str, body_start: int) -> GenreDecision | None:
    """A report on a plan when the body states targets or work a government will carry out."""
    for target in _TARGET_RE.finditer(text, body_start):
        lookback = max(0, target.start() - _MET_LOOKBACK_CHARS)
        if target.group() == "目标" and _MET_BEFORE_RE.search(text, lookback, target.start()):
            continue  # 全面完成“十四五”找矿目标任务: a target met, not one set
        return _body_decision("plan_report", "an article on the targets or work a government sets", target)
    return None

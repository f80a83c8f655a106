"""Quantified targets (指标) in plan text: value, unit as written, comparator, baseline, target year.

A number is a target when the text around it says so: a comparator (超过 → ">", 达到/不低于/以上 → ">=",
不超过/控制在/以下 → "<=", 由A提升至B → "from_to"), or a building verb that counts what it builds
(培育5个…平台, 建设500条…生产线; comparator "="), or a growth verb (年均增长8%; "="), or a percentage.
Decisions: 达到 means ">=" (a plan's 达到 is a floor); a plain count or 实现100Mbps到户 is "="; 左右 is "=";
一半 is 50 with unit "%". Numbers that are not targets are left alone: years and durations (…年),
dates, ordinals (第一), numbers inside quotes or 《》 titles ("1332"架构, 《中国制造2025》), numbers glued to
Latin letters (5G, IPv6), versions (2.0), edition words (十三五), ranges (5—10年) and frequencies (每年1次),
classes (千兆光网, 千亿级产业集群). Rates are one unit (微克/立方米, 平方米/人).
Per-unit norms with a bound are targets (每个地市至少建设1所, 按每百户不低于20平方米的标准配建): a plan
sets them as much as a total; an attribute of what is counted is not (培育年产值超10亿元的企业10家: 10家).

The name says what is measured: the noun phrase before the comparator, without time and scope leads
(到2025年, 全市, 累计, 力争, 基本…), without the action before it (各地在继续巩固落实好X → X; 接入部门业务
系统不少于200个 → 部门业务系统), bracketed explanations or hedges inside it; "X占Y" is "X占Y比例"; a count's
name is what it counts (建成5G基站1.5万个 → 5G基站); a later item of a list, or a clause whose subject is
left out, takes its name from the clause before (经营收入年均增长12%，到2020年达到3000亿元).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace

from plankg.loaders.indicator_names import (
    CLAUSE_BREAK,
    clean_name,
    named_before,
    object_after,
    object_built_before,
    with_subject,
)
from plankg.loaders.metadata import EDITION_NAME, EDITION_PERIODS
from plankg.loaders.non_targets import (
    CHANGED_TO,
    counts_own_measures,
    is_baseline,
    is_condition_or_scope,
    is_definition,
    is_estimate_or_statistic,
    is_event_count,
    is_forecast,
    is_past,
    is_penalty,
    is_permission,
    is_project_size,
    is_qualification,
    is_range_start,
    is_scoped_bound,
    is_score_weight,
    is_size_class,
    is_support_granted,
)
from plankg.loaders.quantities import (
    COUNT_UNITS,
    FULLWIDTH_DIGIT_RE,
    FULLWIDTH_DIGITS,
    LATIN_UNITS,
    MAY_HOLD_NUMBER_RE,
    NUMBER_RE,
    STRONG_UNITS,
    TIME_UNITS,
    normalize_unit,
    parse_number,
    parse_unit,
)
from plankg.loaders.target_kinds import (
    BASELINE_YEAR_RE,
    DOUBLING_RE,
    ChangeDirection,
    TargetKind,
    baseline_year,
    doublings,
    growth_kind,
    level_direction,
    verb_direction,
)

Comparator = str


# 不得低于80% is a floor and 不宜超过 a cap: a negated bound flips its comparator.
_NEGATED_BOUNDS = tuple(
    (negation + bound, comparator)
    for negation in ("不得", "不应", "不宜", "不能", "不可")
    for bound, comparator in (
        ("低于", ">="),
        ("少于", ">="),
        ("小于", ">="),
        ("高于", "<="),
        ("超过", "<="),
        ("多于", "<="),
        ("大于", "<="),
    )
)
# verbs of rising to a level, before 接近 (提升至接近70%)
_RISE_TO_VERBS = (
    "达到",
    "提升至",
    "提升到",
    "提高至",
    "提高到",
    "增长到",
    "增长至",
    "增加到",
    "增加至",
    "上升到",
    "上升至",
)
_PREFIX_COMPARATORS: tuple[tuple[str, str], ...] = tuple(
    sorted(
        (
            ("不低于", ">="),
            ("不少于", ">="),
            ("不小于", ">="),
            ("至少", ">="),
            ("达到或超过", ">="),
            ("达到", ">="),
            ("达", ">="),
            ("超过", ">"),
            ("超", ">"),
            ("高于", ">"),
            ("大于", ">"),
            ("多于", ">"),
            ("突破", ">"),
            ("逾", ">"),
            ("不超过", "<="),
            ("不高于", "<="),
            ("不大于", "<="),
            ("控制在", "<="),
            ("控制到", "<="),
            ("降至", "<="),
            ("降低到", "<="),
            ("降低至", "<="),
            ("下降到", "<="),
            ("下降至", "<="),
            ("压缩至", "<="),
            ("压缩到", "<="),
            ("压减至", "<="),
            ("压减到", "<="),
            ("缩短至", "<="),
            ("缩短到", "<="),
            ("减少到", "<="),
            ("减少至", "<="),
            ("减至", "<="),
            ("低于", "<"),
            ("少于", "<"),
            ("小于", "<"),
            ("提升至", ">="),
            ("提升到", ">="),
            ("提高至", ">="),
            ("提高到", ">="),
            ("增加到", ">="),
            ("增加至", ">="),
            ("增长到", ">="),
            ("增长至", ">="),
            ("增至", ">="),
            ("扩大到", ">="),
            ("扩大至", ">="),
            ("拓展到", ">="),
            ("拓展至", ">="),
            ("扩展到", ">="),
            ("扩展至", ">="),
            ("上升到", ">="),
            ("上升至", ">="),
            ("升至", ">="),
            ("提至", ">="),  # 建成率将提至95%
            ("稳定在", "="),
            ("迈上", ">="),  # 服务业总规模迈上100万亿元台阶
            ("保持在", "="),
            ("维持在", "="),
            ("为", "="),
            ("约", "="),
            ("实现", "="),
            ("保持", "="),
            ("约为", "="),
            ("总数", "="),
            # 提升至接近70%: about the level, reached from below
            ("接近", "="),
            *((verb + "接近", "=") for verb in _RISE_TO_VERBS),
            *_NEGATED_BOUNDS,
            ("≥", ">="),
            ("≤", "<="),
            ("＞", ">"),
            ("＜", "<"),
            (">", ">"),
            ("<", "<"),
            ("‹", "<"),
            ("›", ">"),
        ),
        key=lambda pair: -len(pair[0]),
    )
)
_PREFIX_WORDS = tuple(word for word, _ in _PREFIX_COMPARATORS)
# the longest prefix word the name ends on wins: one lookup per length, not one test per word
_COMPARATOR_BY_PREFIX = dict(reversed(_PREFIX_COMPARATORS))  # a word listed twice keeps its first
_PREFIX_LENGTHS = tuple(sorted({len(word) for word in _PREFIX_WORDS}, reverse=True))
_SUFFIX_COMPARATORS: tuple[tuple[str, str], ...] = (
    ("及以上", ">="),
    ("以上", ">="),
    ("以下", "<="),
    ("以内", "<="),
    ("左右", "="),
    ("上下", "="),
)
_GROWTH_VERBS = ("增长", "提高", "提升", "下降", "降低", "减少", "增加", "缩减", "压缩", "降")
_BUILD_VERBS = tuple(
    sorted(
        (
            "建设",
            "建成",
            "新建",
            "建立",
            "培育",
            "打造",
            "推出",
            "引进",
            "引育",
            "培养",
            "培训",
            "创建",
            "认定",
            "遴选",
            "选派",  # 每年选派60名专家人才担任企业科技副总
            "选拔",
            "新增",
            "增设",  # 增设战勤物资保障仓库2000㎡
            "扶持",
            "形成",
            "布局",
            "部署",
            "组建",
            "举办",
            "开通",
            "改造",
            "完成",
            "带动",
            "推动",
            "推进",
            "帮助",
            "吸引",
            "吸纳",  # 吸纳100万高校毕业生来粤就业创业
            "集聚",
            "覆盖",
            "服务",
            "开展",
            "设立",
            "评选",
            "孵化",
            "推广",
            "选树",
            "命名",
            "创办",
            "发放",
            "招引",
            "储备",
            "编制",
            "制定",
            "修订",
            "研发",
            "建",
            "培植",
            "新开工",  # 新开工改造城镇老旧小区11.5万个
            "抓好",  # 抓好616个省级重点工程年度建设项目
            "新开",
            "整治",
            "修缮",  # 保护修缮15幢历史风貌建筑
            "修复",
            "治理",
            "植树",
            "造林",
            "实施",
            "引导",
            "支持",
            "攻克",
            "突破性",
            "新培育",
            "新认定",
            "新打造",
            "新引进",
            "接入",
            "连接",
            "汇聚",
            "上线",
            "入驻",
            "聚集",
            "建有",
            "拥有",
            "达标",
            "利用",  # 累计实际利用外资1000亿美元: an amount used over the period
            "实际利用",
            "提供",  # 提供百万个以上就业岗位: the count is of what is provided
            "更新",  # 更新…压缩空气泡沫消防车2辆
            "升级",  # 组建升级3支地震救援…专业处置队
            "开发",  # 开发15万个以上政策性岗位
            "开辟",  # 开辟5条智能航运试点航线
            "安装",  # 安装家用燃气报警装置10万户
        ),
        key=len,
        reverse=True,
    )
)
_ADVERBS_BEFORE_NUMBER = (
    "累计",
    "新",
    "再",
    "共",
    "约",
    "近",
    "超",
    "逾",
    "总计",
    "合计",
    "每年",
    "年均",
    "平均",
    # the scope between the verb and its count: 完成本市118万户…软管更换
    "本市",
    "全市",
    "本区",
    "全区",
    "本省",
    "全省",
    "全县",
    "全国",
)
# Quoted names ("1332"架构, 《中国制造2025》) hold no target; a quoted sentence (a speaker's words, with
# its clauses) may: "到2028年形成不少于100个数据空间解决方案"，陈荣辉说.
_PROTECT_RE = re.compile(
    r"“[^“”\n，。；！？]*”|\"[^\"\n，。；！？]*\"|《[^《》\n]*》|〔[^〔〕\n]*〕|「[^「」\n]*」|‘[^‘’\n，。；！？]*’"
    r"|【[^【】\n]*】"
    # idioms spelled with numerals: 走进千家万户, 赋能千行百业, 千方百计
    r"|千家万户|千行百业|千方百计|千头万绪|万无一失|万众一心|千军万马|百花齐放|百家争鸣"
    r"|一个(?:大|新)?台阶"  # 迈上一个大台阶: a step up, nothing counted
)

_YEAR_RE = re.compile(r"(\d{4})\s*年\s*(底|末|前|内|初|年底)?")
# “十四五”期间 / 十四五末: a target for the period is due at its last year
_EDITION_DUE_RE = re.compile(rf"{EDITION_NAME}(?:时期|期间|末|期末|规划期)(?!以来)")
# Leads a name does not start with. Some are also word starts (基本医疗保险, 及时率, 再生资源, 共享,
# 使用), so those only go before what makes them adverbs or conjunctions.
_RISE_LEAD_RE = re.compile(rf"\s*{CHANGED_TO}")
_RISE_TO_RE = re.compile(r"(?:提升|提高|增加|增长|扩大|降低|下降|减少|缩短|压缩|降|升|提)至$")
# a name that is only verbs (培养造就1000名左右大国工匠, 资助不少于300万名…产业工人): what follows is counted
_BARE_VERBS_RE = re.compile(rf"(?:{'|'.join(_BUILD_VERBS)}|造就|资助|帮扶|支持)+")
_VERB_AFTER_COUNT_RE = re.compile(r"纳入|列入|进入|实现|达到|完成|享受|通过|获得")
_VERB_OBJECT_RE = re.compile(
    # 今年 / 广西计划…: the year or the actor (a name of a few characters before its modal) lead the verb
    r"^(?:[^，,。；;\d]{2,6}?(?=计划|将|拟|力争))?"
    r"(?:每年|今年|明年|年内|累计|力争|到\s*\d{4}\s*年(?:底|末)?|\d{4}\s*年(?:底|末)?|全市|全省|全区|再|共|新|逐步|持续|重点|"
    r"着力|积极|大力|[一二三四五六七八九十]是|拟|将|计划|要|[，,\s])*("
    + "|".join(_BUILD_VERBS)
    + r")(.{2,40})$"
)
# "…的标准配建X": the number before 的 is the norm a plan sets for building X.
_AIM_AFTER_RE = re.compile(r"的(?:目标|水平)")  # the level named is the aim itself, not an attribute
_STANDARD_AFTER_RE = re.compile(r"的(?:标准|要求|规模)(?:配建|建设|配置|设置|配备|新建|改建|建成|建)?")
# 在交通、水务等领域部署智能感知终端10万个 / 通过租赁、合用等方式增设仓库2000㎡: the scope or means before
# the verb is not part of what is counted.
_SCOPE_LEAD_RE = re.compile(
    r"^(?:在|于|对|向|围绕|聚焦|面向|依托|结合|针对|按照|通过)[^，,；;。]{1,30}?"
    r"(?:等?(?:领域|行业|方面|区域|地区|场景|园区|系统|环节|部门|方式|途径|渠道)|中|内|上)"
)


_BOUNDS = ("以下", "以上", "以内")


# “20”是指新建特色园20座: a quoted figure of the plan's target formula (“1+20+30+100”) spelled out
_FIGURE_LEAD_RE = re.compile(r"[“\"‘][\d+.．]+[”\"’]是?指")


# …的经济增长预期目标: the number names a target (5%左右的增长目标), as a text speaking of it does
_TARGET_NAMED_AFTER_RE = re.compile(r"的[^，,。；;的]{0,8}目标")
# 3—5个: a bare low end and a dash before the number that carries the unit (not 2024—2026年, 1-2)
_RANGE_DASHES = ("—", "–", "~", "～", "-", "至")
_RANGE_LOW_RE = re.compile(r"(?<![\d.])(\d{1,3}(?:\.\d+)?)\s*(?:—|–|~|～|-|至)$")
# a number shortly before 至 in the same clause (10至20个, 1200万吨至1500万吨): 至 closes a range
_NUMBER_BEFORE_TO_RE = re.compile(r"\d[^\d，,。；;、]{0,4}$")
# 较“十四五”末, 比2025年: a clause that opens on the base a rise is measured from, naming nothing else
_AGAINST_BASE_RE = re.compile(r"^(?:较|比)[^，,；;。]{0,10}?(?:末|年|底|期末)$")
# 每个市州至少建设1个: a count named only by its verb and a scope (…修复改造500公里 names its own)
_SCOPE_BEFORE_VERB_CHARS = 4
_OBJECT_MIN_CHARS = 2  # what a count counts is a word at least (not a lone 的 or 等)
_EACH_SCOPE_RE = re.compile(r"每|各|至少|均|累计")
# the people a bare 万 counts (约200万居民, 1000万群众)
_PEOPLE_AFTER_RE = re.compile(
    r"居民|群众|人口|农民|职工|城乡居民|老年人|儿童|学生|高校毕业生|毕业生|青年|人才|劳动者|就业困难人员"
)
# what people on duty do, bounded by a rule (driving and rest times, training hours, shifts)
# (not training hours: an education plan sets them as its targets)
_CONDUCT_RE = re.compile(r"驾驶|休息|值班|值守|作业时间|工作时间")
# …以上（含30辆）专用车辆的企业: a bound, an aside and what is held, closing on whom it picks out
_QUALIFIED_HOLDER_RE = re.compile(
    r"(?:[（(][^（）()]{0,12}[）)])?[^，,。；;、]{0,10}?的(?:企业|单位|机构|经营者|主体|个人|人员|家庭|车辆|船舶)"
)
# a noun phrase that names a measure (再就业人数, 耕地保有量, 粮食产量) right before its number
_MEASURE_NOUN_END_RE = re.compile(
    r"[\u4e00-\u9fff]{2,}(?:人数|户数|数量|总量|保有量|产量|总数|规模|面积|里程)$"
)
# the sentence sets an aim: a target year or period, or a word of striving
_AIM_CUE_RE = re.compile(rf"到\s*\d{{4}}\s*年|{EDITION_NAME}(?:时期|期间|末)|力争|目标")


# 折合约1.5亿吨标准煤: the same quantity in another unit, named by what it converts
_EQUIVALENT_WORDS = frozenset({"折合", "折算", "相当于", "约合", "合计"})
# 这一占比, 该比例, 上述指标: the measure named just before, referred back to
_ANAPHOR_RE = re.compile(
    r"(?:这一|这个|该|此|上述)(?:占比|比例|比重|比率|数字|数据|指标|目标|数值|规模|数量|水平)"
)


def _verb_object(pre: str) -> re.Match[str] | None:
    """The build verb and its object when a clause is "verb + object + count" (累计建成5G基站1.5万个),
    also after a scope phrase (在交通等领域部署…)."""
    match = _VERB_OBJECT_RE.match(pre)
    if match is None and (scope := _SCOPE_LEAD_RE.match(pre)):
        match = _VERB_OBJECT_RE.match(pre[scope.end() :])
    return match


# 不高于承担风险责任的0.5%: a comparator, the base of a share, 的, then the share.
_BASE_SHARE_RE = re.compile(
    r"(不得低于|不得高于|不低于|不少于|不高于|不超过|低于|高于|超过|达到|占)([^，,；;。的]{2,14})的$"
)
_COMPARATOR_OF = dict(_PREFIX_COMPARATORS) | {"占": "="}
_BASIS_LEAD_RE = re.compile(r"^(?:按照|按|依照|依|以)$")


def _share_name(scan: str, clause_start: int, subject: str, after: int) -> str:
    """What a share of a base measures: the subject before the comparator (再担保业务收费原则上不高于…),
    else the subject of the clause before (…的再担保业务收费，原则上不高于…), or, after 按 (a basis),
    what is done with the share (按不低于采购金额的30%提前预付给医疗机构 → 提前预付给医疗机构)."""
    basis = _BASIS_LEAD_RE.match(subject.strip())
    name = "" if basis else clean_name(subject)
    if not name and not basis and clause_start > 1:
        previous = re.split(r"[，,；;。：:\n]", scan[max(0, clause_start - 60) : clause_start - 1])[-1]
        name = clean_name(previous.rsplit("的", 1)[-1])
    if not name:
        end = after
        while end < len(scan) and scan[end] not in CLAUSE_BREAK:
            end += 1
        name = clean_name(scan[after:end])
    return name


_EACH_END_RE = re.compile(r"各(?:有|自)?$")


def _listed(phrase: str) -> list[str]:
    """The items of a list of subjects (经济开发区、高新技术产业开发区 → both), cleaned."""
    items = [clean_name(item) for item in _LIST_SPLIT_RE.split(phrase)]
    return [item for item in items if len(item) >= 2]


TRAVEL_TIME_UNITS = ("小时", "个小时", "分钟", "天", "日")
_REACH_AFTER_RE = re.compile(r"内?(通勤|通达|覆盖|送达|到达|抵达|直达|可达|畅达|互达)")
_CAPACITY_AFTER_RE = re.compile(r"([^，,；;。：:\d]{1,10}能力)")
_CAPACITY_VERB_RE = re.compile(r"具备|具有|形成|达到|提升|提高|增强")
_PREPOSITION_END = ("在", "对", "向", "从", "于", "给", "按", "以", "每", "将", "把", "为")


@dataclass
class IndicatorMatch:
    name: str
    value: float
    unit: str
    comparator: Comparator
    span: tuple[int, int]
    number_start: int
    baseline: float | None = None
    target_year: int | None = None
    normalized_value: float | None = None
    normalized_unit: str | None = None
    target_kind: TargetKind = "level"
    direction: ChangeDirection | None = None
    baseline_year: int | None = None
    attribute: str | None = None  # a table's 指标属性: binding (约束性) or expected (预期性)


def _protected(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _PROTECT_RE.finditer(text)]


def _ends_with_any(text: str, options: tuple[str, ...]) -> str | None:
    """The first of `options` (callers sort them longest first) that `text` ends with."""
    if not text.endswith(options):  # one C-level test before the loop: most texts end with none
        return None
    for option in options:
        if text.endswith(option):
            return option
    return None


# Verbs (with their adverbs) that end the action part of a clause: what follows the last of them is
# the measured thing ("各地在继续巩固落实好高等职业教育生均财政拨款水平" → 高等职业教育生均财政拨款水平).


_GROWTH_TAIL_RE = re.compile(
    r"(?:年均|年平均|平均每年|平均|每年|逐年|累计|(?:同比|比|较|与)\d{4}年(?:底|末)?(?:相比)?|同比)?"
    r"(?:增长|提高|提升|下降|降低|减少|增加|缩减|压缩|降)$"
)
_ACTIVITY_AFTER_RE = re.compile(r"(?:在|到|赴|用于|从事|参加|参与)[^，,；;。：:]{2,20}")
_PER_PERIOD_RE = re.compile(r"每(?:年|季度|月|周|学年)")


# (1:10000 is a map's scale, a ratio, no quantity)
_NOT_A_QUANTITY_AFTER_RE = re.compile(r"\s*(?:年|月|日|号|届|次会|\+|＋|[-—–~～至:：]\s*\d|\.\d|大(?!于))")
_CLASS_AFTER_RE = re.compile(r"兆|(?:亿|万)?元?级")  # 千兆光网, 千亿级, 万亿元级产业集群: a class
# 3岁以下婴幼儿, 65周岁及以上老年人: an age group named, not a quantity
_AGE_GROUP_AFTER_RE = re.compile(
    r"\s*周?岁(?:及?以[上下])?的?(?:婴幼儿|幼儿|儿童|少年|青少年|学生|老年人|老人|人口|人群|群体|居民|妇女)"
)
_COUNTED_BEFORE_RE = re.compile(r"(?<![A-Za-z])\d(?![A-Za-z])|[一二两三四五六七八九十][个项家所条]")  # not 5G
_ITEM_NUMBER_RE = re.compile(r"\s*(?:[（(]\d{1,2}[）)]|\d{1,2}[）)]|\d{1,2}[.．、](?!\d))")
_FEE_BEFORE_RE = re.compile(
    r"(?:费用|收费|费|价格|单价|租金|售价)(?:标准)?(?:不超过|不高于|最高|上限为?|为|按)?$"
)
_FUNDS_AFTER_RE = re.compile(r"的?(?:资金|款项|费用|补助|补贴)")
_NOTICE_PERIOD_RE = re.compile(r"(?:公示|公告|征求意见)期?(?:时间)?(?:为|至少|不少于|不得少于)?$")
_ALT_UNIT_RE = re.compile(r"[（(][^（）()]{1,3}[）)]")
_COUNT_AFTER_RE = re.compile(r"\d|[一二两三四五六七八九十百千万]+[个家项所条座]")
_FRACTION_RE = re.compile(r"\s*分之\s*([一二两三四五六七八九十]+|\d+)")
# 超20亿元项目200个 (the amount qualifies what is counted after it); never across a list's joint
# (培育3个产业集群和10个消费热点: two counts)
_QUALIFIES_COUNT_RE = re.compile(r"(?:(?![和及与并])[\u4e00-\u9fff]){1,8}?\d+(?:\.\d+)?\s*[个家项所条座]")
_AT_LEAST_END_RE = re.compile(r"(?:至少|不少于)\s*$")
_FROM_TO_RE = re.compile(
    r"(?:由|从)\s*(\d+(?:\.\d+)?)\s*([^\d\s，,；;。]{0,6}?)\s*(?:提升|提高|增加|增长|扩大|降低|下降|"
    r"减少|缩短|压缩|降|升)(?:至|到)$"
)
_LIST_SPLIT_RE = re.compile("[、和及与]")


def find_indicators(
    text: str, start: int, end: int, *, default_year: int | None = None
) -> list[IndicatorMatch]:
    """Every quantified target in text[start:end] (one paragraph or heading)."""
    if MAY_HOLD_NUMBER_RE.search(text, start, end) is None and text.find("番", start, end) == -1:
        return []  # most paragraphs: no digit, and no Chinese numeral that could count anything
    segment = text[start:end]
    # (translating a whole Chinese paragraph costs a table lookup per character: only when needed)
    scan = segment.translate(FULLWIDTH_DIGITS) if FULLWIDTH_DIGIT_RE.search(segment) else segment
    protected = _protected(scan)
    sentences = _Bounds(scan, _SENTENCE_STOP_RE)
    clauses = _Bounds(scan, _CLAUSE_STOP_RE)
    results: list[IndicatorMatch] = []
    clause_state: dict[int, tuple[str, str]] = {}  # clause start → (comparator, mode) of its last indicator
    qualifiers: list[int] = []  # where an amount qualifying a count starts (超20亿元 of 超20亿元项目200个)
    for match in NUMBER_RE.finditer(scan):
        n_start, n_end = match.span()
        token = match.group()
        if any(p_start <= n_start < p_end for p_start, p_end in protected):
            continue
        is_arabic = token[0].isdigit()
        value = parse_number(token)
        if value is None:
            continue
        before = scan[max(0, n_start - 1) : n_start]
        glued = before in ("第", "+", "＋", "-", "—", "–", "~", "～", "V", ".", "×", "÷") or (
            before.isascii() and before.isalpha()
        )
        if before == "至":  # 10至20个, 2024年至2026年: a range's high end; after a verb (扩大至) a level
            glued = _NUMBER_BEFORE_TO_RE.search(scan, max(0, n_start - 7), n_start - 1) is not None
        low = _RANGE_LOW_RE.search(scan, max(0, n_start - 12), n_start) if before in _RANGE_DASHES else None
        if low is not None:  # 推动3—5个通用大模型在制造业深度应用: at least the range's low end
            value, n_start, glued = float(low.group(1)), low.start(1), False
        if glued and not (before == "至" and _RISE_TO_RE.search(scan, max(0, n_start - 4), n_start)):
            continue  # ordinals, ranges, versions, IPv6, formulas (…×100%) — but 提升至100 is a target
        if (
            not is_arabic
            and token not in ("一半", "半数")
            and (
                (before and before.isdigit())
                or before in "统唯单同之每逐万"
                or (token == "一" and before and before in "一二三四五六七八九十")
            )
        ):
            continue
        unit_pos = n_end
        while unit_pos < len(scan) and scan[unit_pos] == " ":
            unit_pos += 1
        rest = scan[unit_pos : unit_pos + 4]
        if _NOT_A_QUANTITY_AFTER_RE.match(rest):
            continue
        if _AGE_GROUP_AFTER_RE.match(scan, unit_pos):
            continue
        if not is_arabic and _CLASS_AFTER_RE.match(rest):
            continue  # 千兆光网, 千亿级产业集群: a class, not a quantity
        if token.isdigit() and len(token) == 4 and token[:2] in ("19", "20") and not rest[:1].strip("%％"):
            continue  # a year (19.5 is none)
        unit, _, unit_end = parse_unit(scan, unit_pos)
        if not unit and scan.startswith("次", unit_end):
            continue  # 至少1次职业指导, 每学期1次以上逃生疏散演练: how often an act is done, a norm
        if unit in ("万", "亿") and _PEOPLE_AFTER_RE.match(scan, unit_end):
            unit += "人"  # 覆盖周边约200万居民: so many people (the noun after names whom)
        fraction = _FRACTION_RE.match(scan, n_end)
        if fraction:  # 三分之一 → 33.33 %
            numerator = parse_number(fraction.group(1))
            if numerator is None or value == 0:
                continue
            value, unit, unit_end = round(numerator / value * 100, 2), "%", fraction.end()
        elif token in ("一半", "半数"):
            unit, unit_end = "%", n_end
        elif not is_arabic:
            if token == "百" and scan.startswith("分点", n_end):
                continue  # 提高6个百分点: 百 is the unit's, no number of its own
            if not unit and value < 10:
                continue  # a bare 三 or 五 is a word part, 千万 (after 超) a quantity
            if unit in LATIN_UNITS or unit in STRONG_UNITS:
                continue
        if (
            is_arabic
            and not unit
            and unit_pos < len(scan)
            and scan[unit_pos].isascii()
            and scan[unit_pos].isalpha()
        ):
            continue  # 5G, 4K
        if (
            unit in LATIN_UNITS
            and unit_end < len(scan)
            and scan[unit_end].isascii()
            and scan[unit_end].isalnum()
        ):
            continue
        if n_start > 0 and scan[n_start - 1] in "（(" and scan[unit_end : unit_end + 1] in "）)":
            continue  # 远香湖南（4.73平方公里）: the size of what is named, in an aside, sets nothing
        if results and _in_note_after(scan, n_start, results[-1].span[1] - start):
            continue  # 特色园20座（区域面积1000平米以上）: the note sizes what was counted, it sets nothing
        if unit and is_range_start(scan, unit_end):
            continue  # 60%—70%: a range, not a target
        if unit.endswith("级") and unit != "级":
            continue  # 2000亿级产业集群: a class, not a quantity
        # the clause the number sits in
        clause_start = clauses.start(n_start)
        figure = _FIGURE_LEAD_RE.match(scan, clause_start, n_start)
        if figure is not None:  # “20”是指新建特色园20座: the clause proper starts after the figure
            clause_start = figure.end()
        pre = scan[clause_start:n_start]
        cut = max(pre.rfind("、"), pre.rfind("和"), pre.rfind("及"), pre.rfind("与"), pre.rfind("或"))
        # 500万元及以下的占比: 及以下 bounds the number before, it does not list a second item
        numbered = _ITEM_NUMBER_RE.match(pre)  # （1）县、乡、村道…: the item's number counts nothing
        counted_from = numbered.end() if numbered else 0
        if (
            cut != -1
            and _COUNTED_BEFORE_RE.search(pre, counted_from, cut)
            and not pre.startswith(_BOUNDS, cut + 1)
        ):
            name_start = clause_start + cut + 1
        else:
            name_start = clause_start
        pre_name = scan[name_start:n_start].rstrip(" ")
        comparator: str | None = None
        mode = "comparator"
        verb_object_name = ""
        each_of: list[str] = []  # 经济开发区、高新区各有2家…: the count holds for each of these
        object_end = 0  # where a counted thing named after the number ends
        standard_object = ""
        baseline: float | None = None
        # suffix comparators: 以上, 以下, 左右 (after the unit and an optional （个）)
        after_unit = unit_end
        alt = _ALT_UNIT_RE.match(scan[after_unit : after_unit + 5])
        if alt:
            after_unit += alt.end()
        suffix_end = after_unit
        while suffix_end < len(scan) and scan[suffix_end] == " ":
            suffix_end += 1
        suffix_comparator = None
        for word, comp in _SUFFIX_COMPARATORS:
            if scan.startswith(word, suffix_end):
                suffix_comparator = comp
                suffix_end += len(word)
                break
        else:
            suffix_end = after_unit
        if _QUALIFIES_COUNT_RE.match(scan, suffix_end):
            # 超20亿元项目200个: the amount qualifies the projects counted after it
            bound = _ends_with_any(scan[clause_start:n_start], _PREFIX_WORDS)
            qualifiers.append(n_start - len(bound or ""))
            continue
        if is_project_size(scan, suffix_end, normalize_unit(unit)[0] in COUNT_UNITS):
            continue  # 超50亿美元项目取得突破: the amount sizes a project
        sentence_before = scan[sentences.start(clause_start) : n_start]
        if (
            is_condition_or_scope(scan, suffix_end, pre)
            or is_forecast(sentence_before, scan[suffix_end : clauses.end(suffix_end)])
            or is_permission(pre, scan[suffix_end : sentences.end(n_start)])
            or is_penalty(pre, scan[suffix_end : clauses.end(suffix_end)])
            or is_score_weight(pre, unit)
            or is_event_count(pre)
            or is_definition(sentence_before)
            or is_estimate_or_statistic(sentence_before)
            or is_past(pre, sentence_before, sentence_before + scan[n_start : sentences.end(n_start)])
            or is_baseline(scan, suffix_end, pre)
            or is_qualification(pre)
            or is_support_granted(pre, scan, suffix_end)
            or is_scoped_bound(sentence_before, pre.rstrip())
            or is_size_class(pre, scan, suffix_end if suffix_comparator in (">=", "<=") else None)
        ):
            continue
        if unit in TIME_UNITS and re.match(r"的?时间", scan[suffix_end : suffix_end + 3]):
            continue  # 用3个月左右时间开展集中攻坚: the time the work takes, no target
        if unit in TIME_UNITS and _CONDUCT_RE.search(sentence_before):
            continue  # 每日驾驶时间不得超过8小时，连续驾驶4小时，应停车休息至少20分钟: a rule on conduct
        if (
            suffix_comparator
            and _QUALIFIED_HOLDER_RE.match(scan, suffix_end)
            and _ends_with_any(pre_name.rstrip(), _BUILD_VERBS) in (None, "拥有")
        ):
            continue  # 拥有30辆以上（含30辆）专用车辆的企业应设置…: the bound picks out whom a rule binds
        if _TARGET_NAMED_AFTER_RE.match(scan, suffix_end) and any(
            r.value == value and r.unit == unit for r in results
        ):
            continue  # 国内生产总值增长5%左右。…5%左右的经济增长预期目标综合考虑了…: the target named again
        if re.search(r"[（(]含$", pre):
            continue  # （含30辆）: the bound before restated as inclusive, no target of its own
        if normalize_unit(unit)[0].startswith("元") and _FEE_BEFORE_RE.search(pre):
            continue  # 服务费用不超过5万元/每份: a fee or price a rule caps, no target
        if unit in ("%", "％") and _FUNDS_AFTER_RE.match(scan, suffix_end):
            continue  # 申请30%资金: a share of the funds paid out, a step of a procedure
        if unit in TIME_UNITS and _NOTICE_PERIOD_RE.search(pre):
            continue  # 在…出入口处公示至少5个工作日: a step of a procedure, no target
        if _DIVIDED_INTO_RE.search(pre):
            continue  # 操作流程分为…四部分: how something is divided, a count of its parts
        if unit in ("项", "条", "个") and _ASPECTS_BEFORE_RE.search(pre):
            continue  # 9个方面34项: the document's own measures, counted by aspect
        if unit in ("项", "条", "个") and (
            counts_own_measures(object_after(scan, suffix_end, len(scan))[0])
            or counts_own_measures(scan[suffix_end : suffix_end + 4].split("的", 1)[0])
        ):
            continue  # 调整增加为30项督查激励措施: the document's own measures
        if scan.startswith("的", suffix_end):
            clause_end = clauses.end(suffix_end)
            if _COUNT_AFTER_RE.search(scan, suffix_end, clause_end):
                continue  # 年产值超10亿元的企业10家: an attribute of what is counted, not the target
            standard = _STANDARD_AFTER_RE.match(scan, suffix_end, clause_end)
            if standard:  # 按每百户不低于20平方米的标准配建社区养老服务设施: a norm the plan sets
                standard_object = scan[standard.end() : clause_end].strip()
            elif (
                _VERB_OBJECT_RE.match(pre_name)
                and not _ends_with_any(pre_name.rstrip(), _BUILD_VERBS)
                and not _AIM_AFTER_RE.match(scan, suffix_end)  # 推动实现…达标优良率达到60%以上的目标
            ):
                continue  # 培育年产值超10亿元的企业: the verb counts the firms, the number qualifies them
        prefix_word = None
        stripped_pre = pre_name
        for length in _PREFIX_LENGTHS if pre_name.endswith(_PREFIX_WORDS) else ():
            comp = _COMPARATOR_BY_PREFIX.get(pre_name[-length:])
            if comp is not None:
                prefix_word, comparator = pre_name[-length:], comp
                stripped_pre = pre_name[:-length]
                break
        # from_to: 由20Mbps提升至100Mbps
        from_to = _FROM_TO_RE.search(pre_name)
        if from_to:
            baseline_value = float(from_to.group(1))
            baseline_unit = from_to.group(2)
            if baseline_unit and baseline_unit != unit:
                base_norm, base_factor = normalize_unit(baseline_unit)
                unit_norm, unit_factor = normalize_unit(unit)
                if base_norm == unit_norm:
                    baseline_value = baseline_value * base_factor / unit_factor
            baseline = baseline_value
            comparator = "from_to"
            stripped_pre = pre_name[: from_to.start()]
        attained = (
            _SHARE_ATTAINING_RE.match(scan, suffix_end, clauses.end(suffix_end))
            if unit in ("%", "％") and comparator is None
            else None
        )
        if attained is not None:
            # 建成区40%以上的面积达到海绵城市建设目标要求: the share of the area that reaches a standard
            comparator = suffix_comparator or "="
            what = attained.group(1) or attained.group(2)  # the share's own noun, or its item of a list
            verb_object_name = f"{clean_name(pre_name)}{what}{attained.group(3)}的比例"
            stripped_pre, object_end = "", attained.end()
        if (
            comparator is None
            and suffix_comparator in (">=", "<=")
            and scan.startswith("的", suffix_end)
            and not _ends_with_any(stripped_pre.rstrip(), _BUILD_VERBS)
        ):
            continue  # 单户担保金额500万元以上的再担保业务: the bound picks out a class, it sets nothing
        share = _BASE_SHARE_RE.search(pre_name) if comparator is None and unit in ("%", "％") else None
        if share:  # 不高于承担风险责任的0.5%, 按不低于采购金额的30%: a bound on a share of a base
            prefix_word = share.group(1)
            comparator = _COMPARATOR_OF[prefix_word]
            verb_object_name = _share_name(scan, clause_start, pre_name[: share.start()], suffix_end)
            verb_object_name += f"占{share.group(2)}比例"
            stripped_pre = ""
        growth = None if comparator else _ends_with_any(stripped_pre, _GROWTH_VERBS)
        build = None
        if comparator is None and growth is None:
            trimmed = stripped_pre
            adverb = _ends_with_any(trimmed, _ADVERBS_BEFORE_NUMBER)
            if adverb:
                trimmed = trimmed[: -len(adverb)]
            build = _ends_with_any(trimmed, _BUILD_VERBS)
        if build:
            mode = "build"
            comparator = "="
            if _AT_LEAST_END_RE.search(stripped_pre[: -len(build)]) or adverb in ("超", "逾"):
                comparator = ">=" if adverb not in ("超", "逾") else ">"
            if unit in TIME_UNITS or (not unit and not suffix_comparator):
                continue
        elif growth:
            comparator = "="
            mode = "growth"
        elif comparator is None:
            # 40万户立管改造 after a counted clause: the count first, nothing else counted in the clause
            count_first = (
                not pre.strip()
                and scan[n_start].isdigit()
                and unit not in TIME_UNITS
                and not any(ch.isdigit() for ch in scan[unit_end : clauses.end(unit_end)])
            )
            continued = _list_continued(scan, clause_start, clause_state, count_first)
            inherited = clause_state.get(clause_start) or continued
            if inherited and not stripped_pre.strip("、和及与并 "):
                comparator, mode = inherited
            elif (  # a later item of a list: 建成工厂200家、车间1000个 / 基站达到5万个、千兆用户100万户
                inherited
                and (
                    pre_name != scan[clause_start:n_start]
                    or (continued is not None and _verb_object(pre_name) is None)  # its own verb decides
                )
                and 2 <= len(pre_name.strip()) <= 20
                and not _ends_with_any(pre_name, _BUILD_VERBS)
                and _at_clause_end(scan, suffix_end)
            ):
                comparator, mode = inherited
                if mode == "build":
                    verb_object_name = pre_name.strip()
                    stripped_pre = ""
            elif (verb_object := _verb_object(pre_name)) and _at_clause_end(scan, suffix_end):
                # 累计建成5G基站1.5万个 / 新增省级以上工业互联网平台20个: the count closes the clause
                mode = "build"
                comparator = suffix_comparator or "="
                stripped_pre = ""
                obj = verb_object.group(2).strip()
                verb_object_name = (
                    obj.rsplit("的", 1)[1] if "的" in obj and len(obj.rsplit("的", 1)[1]) >= 2 else obj
                )
                if verb_object.group(1).endswith("利用"):  # 实际利用外资 is the measure, not 外资
                    verb_object_name = verb_object.group(1) + verb_object_name
            elif (
                (verb_object := _verb_object(pre_name))
                and len(verb_object.group(2).split("、")) == value >= 2
                and (counted := object_after(scan, suffix_end, len(scan)))[0]
                and not _VERB_AFTER_COUNT_RE.match(counted[0])  # …资金2项纳入“免申即享”: what befalls them
            ):
                # 建设石油化工、水域救援、危化品槽车处置3支专业救援队伍: the list names what the count counts
                mode, comparator, stripped_pre = "build", suffix_comparator or "=", ""
                verb_object_name, object_end = clean_name(counted[0]) or counted[0], counted[1]
            elif (qualified := _qualified_from(qualifiers, scan, clause_start, n_start)) is not None:
                mode, comparator = "build", suffix_comparator or "="  # 超20亿元项目200个 counts such projects
                verb_object_name, stripped_pre = scan[qualified:n_start], ""
            elif (each := _EACH_END_RE.search(pre)) and len(each_of := _listed(pre[: each.start()])) >= 2:
                comparator, stripped_pre = suffix_comparator or "=", ""
                counted, counted_end = object_after(scan, suffix_end, len(scan))
                verb_object_name = clean_name(counted) or counted or unit
                object_end = counted_end
            elif unit in TRAVEL_TIME_UNITS and (reach := _REACH_AFTER_RE.match(scan, suffix_end)):
                # 都市区1小时通勤, 快货国内1天送达: a travel time is an upper bound on reaching
                comparator = "<="
                subject = re.split(r"[（(“]", pre_name)[-1]
                verb_object_name, stripped_pre = f"{clean_name(subject)}{reach.group(1)}时间", ""
                suffix_end = reach.end()
            elif suffix_comparator:
                comparator = suffix_comparator
            elif unit in STRONG_UNITS:
                comparator = "="
            elif (
                _MEASURE_NOUN_END_RE.search(stripped_pre)
                and _at_clause_end(scan, suffix_end)
                and _AIM_CUE_RE.search(sentence_before)
            ):
                comparator = "="  # “十五五”时期，城镇失业人员再就业人数2500万人: the measure named, its level
            else:
                continue
        if suffix_comparator == "=" and comparator != "from_to":
            comparator = "="  # 达到30%左右: approximately
        elif suffix_comparator and comparator != "from_to":
            if comparator in (">", ">=") and suffix_comparator == ">=":
                comparator = ">=" if comparator == ">=" else ">"
                comparator = (
                    ">=" if prefix_word not in ("超过", "超", "高于", "大于", "多于", "逾", "突破") else ">"
                )
            elif suffix_comparator in ("<=", ">=") or comparator is None or mode == "build":
                comparator = suffix_comparator
        if not unit and not is_arabic and mode == "build":
            continue
        if not unit and mode == "build":
            continue
        if comparator is None:
            continue
        if token == "一" and (
            comparator == "="
            or (
                mode != "comparator"
                and prefix_word is None
                and not _AT_LEAST_END_RE.search(stripped_pre[: -len(build)] if build else "")
            )
        ):
            continue  # 打造一支队伍, 建设一个平台: "one" is rarely a target unless bounded (至少建设一所)
        if not unit and prefix_word in ("为", "约", "实现", "保持", "总数") and not suffix_comparator:
            continue  # "为1" without a unit is rarely a target
        if unit in TIME_UNITS and mode != "comparator":
            continue
        clause_state[clause_start] = (comparator, mode)
        # the name: what is measured
        name = ""
        span_end = max(suffix_end, object_end)
        if standard_object:
            verb_object_name = standard_object
            span_end = suffix_end + scan[suffix_end:].index(standard_object) + len(standard_object)
        if verb_object_name:
            name = clean_name(verb_object_name) or verb_object_name
        # (not when the count closes an item of a list: 完成老旧供水管网改造600公里、老旧排水管网…: the
        # object is named before the count, the words after it are the next item)
        listed_item = scan[suffix_end : suffix_end + 1] == "、" and bool(clean_name(stripped_pre))
        use_object = (mode == "build" and not listed_item) or stripped_pre.rstrip().endswith(_PREPOSITION_END)
        if not use_object and not verb_object_name:
            name = clean_name(stripped_pre if mode != "growth" else _growth_subject(pre_name))
            if stripped_pre.rstrip().endswith(_BUILD_VERBS) and not name:
                use_object = True
        if verb_object_name:
            pass
        elif use_object or not name:
            obj, obj_end = object_after(scan, suffix_end, len(scan))
            if obj:
                name = clean_name(obj) or obj
                span_end = max(span_end, obj_end)
            elif not name:
                name = clean_name(stripped_pre) or clean_name(pre_name)
        if prefix_word and prefix_word[-1] in "至到" and len(name.rpartition("将")[2]) >= 2:
            name = name.rpartition("将")[2]  # 引导合作机构逐步将平均担保费率降至1%以下 → 平均担保费率
        if mode == "growth":
            name = _GROWTH_TAIL_RE.sub("", name)  # 单位地区生产总值能耗下降14% → …能耗
        if unit in TIME_UNITS and mode == "comparator":
            activity = _ACTIVITY_AFTER_RE.match(scan, suffix_end)
            if activity:  # 教师每年至少1个月在企业实训: the time spent on the activity is measured
                per = _PER_PERIOD_RE.search(stripped_pre)
                name = f"{name}{per.group() if per else ''}{activity.group()}时间"
                span_end = max(span_end, activity.end())
        # a name that is only verbs (形成, 培养造就, 资助): what follows the count is what is counted
        if _BARE_VERBS_RE.fullmatch(name) and (counted := object_after(scan, suffix_end, len(scan)))[0]:
            name = clean_name(counted[0]) or counted[0]  # 形成不少于100个数据空间解决方案: what is formed
            span_end = max(span_end, counted[1])
        elif name in _BUILD_VERBS and name_start > 0:
            name = named_before(scan, name_start, name) or name  # 实施适老化改造，改造不少于5万户
        elif (
            (verb := _ends_with_any(name, _BUILD_VERBS))
            and (len(name) - len(verb) <= _SCOPE_BEFORE_VERB_CHARS or _EACH_SCOPE_RE.search(name))
            and _at_clause_end(scan, suffix_end)
        ):
            # 建设一批数字化转型促进中心，每个市州至少建设1个: the count is of the thing built before
            name = object_built_before(scan, clause_start, verb) or name
        elif (
            _ends_with_any(name, _BUILD_VERBS)
            and not _at_clause_end(scan, suffix_end)
            and len((counted := object_after(scan, suffix_end, len(scan)))[0]) >= _OBJECT_MIN_CHARS
        ):
            # 统筹推进约600公里集中连片中小河道治理, 结合新城建设等新建约50座社区公园: what the verb builds
            # follows the count (a bound or a hedge before the number leaves the verb in the name)
            name = clean_name(counted[0]) or counted[0]
            span_end = max(span_end, counted[1])
        if (
            # 增长1.5倍，折合约1.5亿吨; 覆盖率达到73%左右，到2030年，这一占比将达到75%
            (not name or name in _PREFIX_WORDS or name in _EQUIVALENT_WORDS or _ANAPHOR_RE.fullmatch(name))
            and results
            and "。" not in scan[results[-1].number_start - start : n_start]
        ):
            name = results[-1].name  # 经营收入年均增长12%，到2020年达到3000亿元: the same subject
            if mode == "growth" and "占" in name[1:]:
                name = name.split("占", 1)[0]  # X占GDP比重达到50%，年均增长30%: X grows, not its share
        if name.startswith("占") and results and "。" not in scan[results[-1].number_start - start : n_start]:
            # 增加值突破7000亿元，占全市GDP比重达到30%; …电量占总发电量的比例不低于60%，占总用电量的比例…
            name = results[-1].name.split("占", 1)[0] + name
        name = _FROM_YEAR_TAIL_RE.sub("", name) or name  # 比例由2025年不低于30%逐年提升至2030年(不低于35%)
        if (capacity := _CAPACITY_AFTER_RE.match(scan, suffix_end)) and not verb_object_name:
            # 具备抗御6级左右地震能力: the capacity to do what the verb before the number says
            name = clean_name(_CAPACITY_VERB_RE.split(pre_name)[-1] + capacity.group(1)) or name
            span_end = max(span_end, capacity.end())
        rise = _RISE_LEAD_RE.match(pre)
        if rise is not None and clause_start > 0:
            # 将…专项从每年培养20人，扩容至每年培养150人: what rises is named before 从, a clause back
            previous = scan[clauses.start(clause_start - 1) : clause_start - 1]
            source = re.search(r"(?:从|由)", previous)
            if source is not None and clean_name(previous[: source.start()]):
                name = clean_name(previous[: source.start()])
        if (
            _AGAINST_BASE_RE.match(name)
            and results
            and "。" not in scan[results[-1].number_start - start : n_start]
        ):
            continue  # 指标设定为大于22件，较“十四五”末增长6件以上: the target just set, restated as a rise
        if not name:
            name = unit or token
        name = with_subject(name, scan, sentences.start(n_start), n_start)
        span_start = name_start
        while span_start < n_start and scan[span_start] in " \t\u3000、和及与":
            span_start += 1
        year = _target_year(scan, n_start) or default_year
        norm_unit, norm_factor = normalize_unit(unit)
        if mode == "growth" and growth:
            target_kind: TargetKind = growth_kind(stripped_pre[: -len(growth)])
            direction = verb_direction(growth)
        else:
            target_kind = "level"
            direction = level_direction(comparator, value, baseline) or (
                verb_direction(prefix_word) if prefix_word and prefix_word[-1] in "至到" else None
            )
        if low is not None and comparator == "=":
            comparator = ">="
        results.append(
            IndicatorMatch(
                name=name.strip("、，,；; "),  # 新增、改造…: never a list's joint
                value=value,
                unit=unit,
                comparator=comparator,
                span=(start + span_start, start + span_end),
                number_start=start + n_start,
                baseline=baseline,
                target_year=year,
                normalized_value=value * norm_factor,
                normalized_unit=norm_unit,
                target_kind=target_kind,
                direction=direction,
                baseline_year=baseline_year(pre) if target_kind != "level" else None,
            )
        )
        if each_of:  # one target per subject: 经济开发区进入全国前十强, 高新技术产业开发区进入全国前十强
            shared = results.pop()
            results.extend(replace(shared, name=f"{subject}{shared.name}") for subject in each_of)
    results.extend(_doubling_targets(scan, start, default_year, protected))
    results.extend(_counted_rate_targets(scan, start, default_year))
    results.sort(key=lambda r: r.number_start)
    return _shared_value_rates(_respective_targets(scan, start, results))


# N%以上的面积达到…要求, N%以上的行政村设置…: a share of something (面积, 人口, 企业, 行政村 …) that reaches a
# standard or sets something up
_SHARE_ATTAINING_RE = re.compile(
    r"的?(?:([^\s，,。；;的、]{1,6}?)"
    # 90%持证在产大型矿山、80%中型矿山达到绿色矿山标准: each share of a list reaches what closes it
    r"|([^\s，,。；;的、]{1,10}?)、[^，,。；;]{0,40}?)"
    # what each reaches, or sets up (80%以上的行政村、城市社区设置心理咨询室: the share of places with one)
    r"((?:达到|实现|完成|符合|具备|满足|建成|建立|设置|设立|配备|拥有)[^，,。；;]{2,30})"
)


_DIVIDED_INTO_RE = re.compile(r"分为|分成|划分为")
_ASPECTS_BEFORE_RE = re.compile(r"[\d一二三四五六七八九十]+个?方面的?$")
_FROM_YEAR_TAIL_RE = re.compile(r"由\s*\d{4}\s*年.*$")


def _in_note_after(scan: str, position: int, previous_end: int) -> bool:
    """The number sits in a bracketed note that opens right after the previous target (only the text
    between the two is read: linear in the paragraph)."""
    head = scan[previous_end : previous_end + 2] if 0 <= previous_end < position else ""
    opening = next((previous_end + i for i, ch in enumerate(head) if ch in "（("), None)
    return opening is not None and not any(ch in "）)" for ch in scan[opening:position])


def _list_continued(
    scan: str, clause_start: int, clause_state: dict[int, tuple[str, str]], count_first: bool
) -> tuple[str, str] | None:
    """A list of targets that goes on after ；(新增点位30个，总计达60个；特色道路10条，…), or after ，
    with the count first (完成1000公里管道改造，40万户立管改造): the clause keeps the verb of the
    sentence's last target. (Clause starts enter clause_state in text order, so the last one before
    this clause is found from the end in a step or two.)"""
    if clause_start == 0:
        return None
    if scan[clause_start - 1] not in "；;" and not (count_first and scan[clause_start - 1] in "，,"):
        return None
    last = next((k for k in reversed(clause_state) if k < clause_start), None)
    if last is None or any(ch in scan[last:clause_start] for ch in "。！？!?\n"):
        return None
    return clause_state[last]


_RESPECTIVELY_RE = re.compile(r"分别")
_RESPECTIVE_REACH = 200  # characters a respective list and its values span at most
# where the measure shared by every subject of the list starts, in its last member
# (挥发性有机物|排放总量比2020年: 排放总量 is measured for 化学需氧量, 氨氮, … too)
_SHARED_MEASURE_RE = re.compile(
    r"排放总量|排放量|总量|产量|产值|比重|比例|占比|增加值|能耗|用水量|消耗|规模|数量|覆盖率|利用率|"
    r"普及率|(?:比|较)(?:19|20)\d{2}年"
)


_RATE_NAME_END = ("率", "比例", "占比", "比重")
_BARE_RATE_CHARS = 4  # 入网率, 实时在线率: a rate with no subject of its own
# …排查率、…建设率和…履行率“六个100%”: N rates, each to reach the one value
_COUNTED_RATES_RE = re.compile(
    r"[“\"]?([两二三四五六七八九十]|\d{1,2})个\s*(\d{1,3}(?:\.\d+)?)\s*[%％][”\"]?"
)
_AIM_VERB_RE = re.compile(r"^(?:力争|努力|确保|全面|基本)*(?:实现|达到|做到)?")
# …配置率和…履行率: 和 after a rate joins two rates (高层公共建筑和高层住宅小区…建设率 is one)
_RATES_JOINED_RE = re.compile(rf"(?<=[{''.join(end[-1] for end in _RATE_NAME_END)}])(?:和|及|以及)")


def _counted_rate_targets(scan: str, start: int, default_year: int | None) -> list[IndicatorMatch]:
    """力争实现A率、B率和C率“三个100%”: one target per rate the list names."""
    found: list[IndicatorMatch] = []
    for match in _COUNTED_RATES_RE.finditer(scan):
        clause_start = max(scan.rfind(ch, 0, match.start()) for ch in "，,。；;：:！？\n") + 1
        listed = scan[clause_start : match.start()]
        names = [name for part in listed.split("、") for name in _RATES_JOINED_RE.split(part)]
        names[0] = names[0][_AIM_VERB_RE.match(names[0]).end() :]
        # (the count is the writer's: “六个100%” may follow seven rates; every member must be a rate)
        if len(names) < 2 or not all(name.endswith(_RATE_NAME_END) for name in names):
            continue
        value = float(match.group(2))
        for name in names:
            found.append(
                IndicatorMatch(
                    name=clean_name(name),
                    value=value,
                    unit="%",
                    comparator=">=" if value == 100 else "=",
                    span=(start + clause_start, start + match.end()),
                    number_start=start + match.start(2),
                    target_year=_target_year(scan, match.start()) or default_year,
                    normalized_value=value,
                    normalized_unit="%",
                )
            )
    return found


def _shared_value_rates(results: list[IndicatorMatch]) -> list[IndicatorMatch]:
    """车辆装置安装率、入网率、实时在线率达到100%: one target per rate the list names, the subject the first
    member carries shared by the rest (车辆装置 + 入网率)."""
    out: list[IndicatorMatch] = []
    for match in results:
        parts = [part for part in match.name.split("、") if part]
        if len(parts) < 2 or not all(part.endswith(_RATE_NAME_END) for part in parts):
            out.append(match)
            continue
        first, second = parts[0], parts[1]
        # 车辆装置安装率、入网率: a bare rate (入网率) takes the first's subject; 外保温材料排查率、
        # 建筑消防设施排查率 each name their own
        bare = len(second) <= _BARE_RATE_CHARS
        subject = first[: len(first) - len(second)] if bare and len(first) > len(second) + 1 else ""
        for index, part in enumerate(parts):
            name = part if index == 0 or not subject or part.startswith(subject) else subject + part
            out.append(replace(match, name=name))
    return out


def _respective_targets(scan: str, start: int, results: list[IndicatorMatch]) -> list[IndicatorMatch]:
    """A、B、C…分别下降8%、8%、10%: one target per listed subject, in order, the measure and the kind of
    target shared (化学需氧量排放总量比2020年 下降 8 %, 氨氮排放总量比2020年 下降 8 % …)."""
    starts = [r.number_start - start for r in results]  # sorted: results are in text order
    for marker in _RESPECTIVELY_RE.finditer(scan):
        # the clause around 分别, looked for within a bounded reach (linear however many markers)
        reach_start = max(0, marker.start() - _RESPECTIVE_REACH)
        clause_start = max(scan.rfind(ch, reach_start, marker.start()) for ch in "，,。；;：:！？\n") + 1
        clause_start = max(clause_start, reach_start)
        reach_end = min(len(scan), marker.end() + _RESPECTIVE_REACH)
        clause_end = min(
            (i for i in (scan.find(ch, marker.end(), reach_end) for ch in "，,。；;！？\n") if i != -1),
            default=reach_end,
        )
        first_index, stop_index = bisect_left(starts, marker.end()), bisect_left(starts, clause_end)
        values = [(index, results[index]) for index in range(first_index, stop_index)]
        subjects = [part.strip() for part in _LIST_SPLIT_RE.split(scan[clause_start : marker.start()])]
        if len(values) < 2 or len(subjects) != len(values) or not all(subjects):
            continue
        shared = _SHARED_MEASURE_RE.search(subjects[-1], 1)
        cut = shared.start() if shared else None
        if cut is None and len(subjects[-1]) > len(subjects[0]) + 2:
            cut = len(subjects[0])  # 城镇和农村居民人均可支配收入: the members are as long as the first
        measure = subjects[-1][cut:] if cut is not None else ""
        if cut is not None:
            subjects[-1] = subjects[-1][:cut]
        first = values[0][1]
        for (index, result), subject in zip(values, subjects, strict=True):
            results[index] = replace(
                result,
                name=f"{subject}{measure}",
                target_kind=first.target_kind,
                direction=first.direction,
                baseline_year=first.baseline_year,
            )
    return results


def _growth_subject(pre_name: str) -> str:
    """What a change measures: the words before its verb, without the verb, its adverbs and the
    baseline year (单位GDP二氧化碳排放比2020年降低 → 单位GDP二氧化碳排放)."""
    return BASELINE_YEAR_RE.sub("", _GROWTH_TAIL_RE.sub("", pre_name.rstrip()))


def _doubling_targets(
    scan: str, start: int, default_year: int | None, protected: list[tuple[int, int]]
) -> list[IndicatorMatch]:
    """翻一番 / 翻两番: a change that doubles the measure N times (value N, unit 番; normalised to the
    factor 2**N in 倍)."""
    found: list[IndicatorMatch] = []
    for match in DOUBLING_RE.finditer(scan):
        if any(p_start <= match.start() < p_end for p_start, p_end in protected):
            continue
        clause_start = match.start()
        while clause_start > 0 and scan[clause_start - 1] not in CLAUSE_BREAK:
            clause_start -= 1
        pre = scan[clause_start : match.start()]
        name = clean_name(_growth_subject(re.sub(r"(?:实现|力争|再|基本)+$", "", pre))) or match.group()
        span_end = match.end()
        comparator = "="
        if scan.startswith("以上", span_end):
            comparator, span_end = ">=", span_end + 2
        count = doublings(match)
        span_start = clause_start + len(pre) - len(pre.lstrip(" \t\u3000"))
        found.append(
            IndicatorMatch(
                name=name,
                value=float(count),
                unit="番",
                comparator=comparator,
                span=(start + span_start, start + span_end),
                number_start=start + match.start(),
                target_year=_target_year(scan, match.start()) or default_year,
                normalized_value=float(2**count),
                normalized_unit="倍",
                target_kind="change",
                direction="increase",
                baseline_year=baseline_year(pre),
            )
        )
    return found


def _qualified_from(qualifiers: list[int], scan: str, clause_start: int, position: int) -> int | None:
    """Where the qualified thing a count counts starts (超20亿元项目200个 → at 超), if the same list
    item holds a qualifying amount before it."""
    for start in reversed(qualifiers):
        if clause_start <= start < position and not any(ch in "、，,；;和及" for ch in scan[start:position]):
            return start
    return None


_SENTENCE_STOP_RE = re.compile("[。！？!?\n]")
_CLAUSE_STOP_RE = re.compile(f"[{re.escape(CLAUSE_BREAK)}]")


class _Bounds:
    """Where the sentences (or clauses) of one scan start and end, from its stops found once: each
    number asks several times, and walking the text character by character each time cost more."""

    def __init__(self, scan: str, stops: re.Pattern[str]) -> None:
        self._stops = [m.start() for m in stops.finditer(scan)]
        self._length = len(scan)

    def end(self, position: int) -> int:
        """The first stop at or after `position`, or the scan's end."""
        index = bisect_left(self._stops, position)
        return self._stops[index] if index < len(self._stops) else self._length

    def start(self, position: int) -> int:
        """Just past the last stop before `position`, or 0."""
        index = bisect_left(self._stops, position)
        return self._stops[index - 1] + 1 if index else 0


def _at_clause_end(scan: str, position: int) -> bool:
    """The count closes its clause or its item of a list (…200家、数字化车间1000个), a note in brackets
    aside (特色园20座（区域面积1000平米以上）)."""
    rest = scan[position : position + 1]
    if rest in ("（", "("):
        close = scan.find("）" if rest == "（" else ")", position)
        rest = scan[close + 1 : close + 2] if close != -1 else rest
    return not rest or rest in CLAUSE_BREAK or rest in "）)、"


def stated_year(text: str, start: int, position: int) -> int | None:
    """The target year text[start:position] itself states for a number at `position` (no default)."""
    return _target_year(text[start:position], position - start)


def _target_year(scan: str, position: int) -> int | None:
    best = None
    best_at = -1
    for match in _EDITION_DUE_RE.finditer(scan, 0, position):
        best, best_at = EDITION_PERIODS[match.group(1)][1], match.start()
    for match in _YEAR_RE.finditer(scan, 0, position):
        before = scan[max(0, match.start() - 2) : match.start()]
        after = scan[match.end() : match.end() + 2]
        if before.endswith(("从", "自", "截至", "截止", "于", "比", "较", "与", "同")) or after.startswith(
            ("开始", "起", "以来", "来", "相比", "底相比", "末相比")
        ):
            continue
        if scan[match.end() - 1 : match.end()].strip().isdigit() or match.start() < best_at:
            continue
        best = int(match.group(1))
    return best

"""Numbers a plan's text gives that are not targets it sets, told apart by the words around them.

A plan sets a target with 到2025年…达到, 力争, 控制在, 不低于 …; the same sentence shapes also carry
- a forecast (届时每年外送电力预计超360亿千瓦时, 有望突破, …地震的可能性较大): what someone expects, not
  what the plan sets;
- a condition or scope inside a rule (入围生产企业在3家及以上的，采取招标采购; 对年营业收入超过1亿元的企业;
  单户担保金额500万元以上的再担保业务): the number picks out whom a rule applies to;
- a permission or a cap a rule allows (允许不超过五分之一…担任股东);
- a definition (日间手术是指…住院时间不超过48小时);
- a count of events (1995年全球共发生7级以上地震);
- a calculation or a statistic a sentence reports (据测算，…将带动GDP增长0.2%; 据统计，…普及率达84.9%);
- a past achievement (全市5G基站已达到3万个; 截至2021年底，…为3.5万亿元; “十三五”以来…累计建成;
  设施近4000个) or a statistic of a past year (…达到45.5万亿元，同比增长16.2%; 比上年增长8.5%): what is
  already reached;
- a range of a calculation rule (按总用量的60%—70%估算);
- a project's size (超50亿美元项目取得突破): the amount sizes the project, it is not an amount to reach;
- a count of the document's own measures (将24项督查激励措施调整增加为30项督查激励措施);
- a fine a rule imposes (处以1万元以上5万元以下罚款);
- a qualification asked of an applicant (注册资本不低于1000万元, 申请企业…, 年龄不超过35周岁): who may
  apply, not what the plan is to reach;
- a level already reached that a measure builds on (在…生均财政拨款水平达到12000元的基础上);
- support a measure grants per case (按新增研发投入的10%给予补助, 单个企业最高不超过200万元, 给予一次性奖励
  300万元, 贷款贴息比例为50%): what a beneficiary receives, not a level the plan is to reach;
- a threshold of eligibility: the numbers of a list of conditions (符合下列要求的社会团体予以保留：…有50个
  以上的成员…应有10万元以上资金), which tell who qualifies, not what the plan is to reach.
Each check but the last reads only the text around one number; indicators.py asks them before it keeps a
number. The conditions lists are found once per document (`condition_lists`) and looked up by position.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from plankg.loaders.indicator_names import CLAUSE_BREAK

# 预计超360亿千瓦时, 有望突破, 可能发生: the clause forecasts. "预计到2022年，…达到" is a plan's dated aim
# (the forecast word leads the year, in a clause of its own), so 预计 right before a year is not one.
FORECAST_WORD = r"预计(?!\s*(?:到|至|在)?\s*\d{4}\s*年)"
_FORECAST_RE = re.compile(rf"{FORECAST_WORD}|有望|可望|估计|预测(?![准精能预])|有可能|可能(?=[会将发达超突])")
_LIKELIHOOD_RE = re.compile(r"可能性|概率|的可能")
_ESTIMATE_RE = re.compile(
    r"据(?:测算|估算|估计|预测|统计|初步统计|不完全统计)|经测算|数据显示|统计显示|数据表明|监测显示"
)
_EVENT_RE = re.compile(r"发生了?$")
# 已 before a verb of reaching (已达到, 已突破, 已建成, 已累计): done, not to do.
_ALREADY_RE = re.compile(r"(?<!不得)已(?:经)?(?=[达突超建完实累有拥增提降减形培])")
# 如今，余杭区累计引进…，人才总量突破45万: the state things are in now
_NOW_RE = re.compile(r"\s*(?:如今|现如今|眼下|当前|目前|现在)[，,]")
# 支持建设…设施近4000个: "nearly" so many is a tally of what was done (a target says 以上, 左右); 接近 may aim
_NEARLY_RE = re.compile(r"(?<!接)近$")
# 人民银行已将… / 重庆已建立…闭环工作机制，…接入…感知设备2200万个: the sentence tells what was done
_ALREADY_DONE_ACT_RE = re.compile(
    r"(?<!不得)(?<!尚未)已(?:经)?(?:将|有|累计|设立|完成|发行|落地|出台|建立|建成|形成|开展|实施|推出|上线|投用|接入|纳入)"
)
_TALLIED_RE = re.compile(r"累计[^，,。；;]{0,8}了")
# 已经达到… / 取得了积极成效: reached already (a 了 after a verb of reaching tells it is done)
ALREADY_DONE_RE = re.compile(
    r"已经(?:达到|突破|超过|建成|完成|实现|形成|由|从|进入|迈入|转向)|"  # 已经由普及法律常识转向了…
    # 我国在全球率先实现到2030年土地退化零增长目标: a target met ahead of its time (not 力争率先实现)
    r"(?<![将要争取力保确望能会])(?:率先|提前)实现[^。；;]{0,30}?目标|"
    r"(?:取得|实现|完成|形成|建成|达到|超过|突破|转向|进入|迈入)了|"
    # 吸引了超过300家机器人产业链企业在此汇聚: what a place drew or drove, told as done
    r"(?:吸引|集聚|汇聚|聚集|带动|吸纳|引进|招引|培育|孵化|创造|发放|投入|签约)了|"
    # 成功将组件效率提升至26%, 将爬电距离缩短了28%: a change made, told by a firm or a report
    r"成功(?:将|把)|(?:提升|提高|增长|增加|缩短|减少|降低|下降|扩大|缩小)了\s*(?:[\d约近超]|[一二两三四五六七八九十]倍|$)"
)
# 同比, 环比, 比上年, 去年: a sentence reporting a past period's statistics; 以来: what a past period did.
# (同比2022年增长30%: a change against a named base year is how a plan sets a target)
# 上半年，全国城镇新增就业695万人，完成全年目标任务的58%: a period's results reported (its opening words)
_STATISTIC_RE = re.compile(
    r"[同环]比(?!\s*(?:19|20)\d{2}\s*年)|(?:比|较)(?:上年|去年|上年度)|去年|上年度"
    r"|(?:^|[，,。：:])\s*(?:今年)?(?:上半年|一季度|前三季度)[，,]"
)
# 5年来，…迈上两个万亿元级台阶; 近年来，…汽车产量增长1.7倍; 过去5年，…达2.4万家; 过去这一年
SINCE_RE = re.compile(
    r"以来|(?:过去|近)?[\d一二三四五六七八九十两]+年来|近(?:几|些)?年来|过去(?:的|这)?[\d一二三四五六七八九十两]+年"
)
_AS_OF_RE = re.compile(r"(?:截至|截止)(?:到)?\s*(?:\d{4}\s*年|目前|去年|上年|今年)")
# 允许…不超过, 最多可…; a cap a rule allows raised (占用地面积的比例上限由7%提高到15%)
# …不得预收超过1个月的租金: a ban on an act, whose number bounds the act (不得低于30%: a floor, a target)
# 将小微企业最高授信额度提高到5000万元: the most one beneficiary may be granted, a cap per case;
# 物业可转让不超过50％: what a rule allows (可 + a verb right before the bound)
_PERMISSION_RE = re.compile(
    r"允许|准许|最多可|上限|不得(?!低于|少于|超过|高于|小于|大于)|可(?:在|按)$|最高[^，,。；;]{0,8}?(?:额度|限额)"
    r"|可[\u4e00-\u9fff]{1,3}(?:不超过|不高于|最多|至多)$"
)
# 处以1万元以上5万元以下罚款: a fine a rule imposes
_PENALTY_BEFORE_RE = re.compile(r"处以?[^，,。；;]{0,12}$")
_PENALTY_AFTER_RE = re.compile(r"[^，,。；;]{0,12}?罚款")
_DEFINITION_RE = re.compile(r"是指|指的是|系指|定义为")
# 对年营业收入超过1亿元的企业, 针对…的: a scope preposition before the number (not 对标, 对接, 对外 …).
_SCOPE_RE = re.compile(r"(?:对于|针对|凡是|凡|对(?![标接外话口比象应称]))")
_RANGE_AFTER_RE = re.compile(r"\s*[-—–―~～－]\s*\d")
_PROJECT_AFTER_RE = re.compile(r"的?(?:重大|产业|投资|建设|招商|外资|内资)?(?:项目|工程)")
# the document's own parts and work (4项行动, 210项重点任务)
_OWN_MEASURES = (
    "措施",
    "举措",
    "条目",
    "部分",
    "章",
    "篇",
    "条款",
    "方面",
    "指标",
    "步骤",
    "阶段",
    "行动",
    "任务",
)
# 注册资本不低于1000万元, 取得二级以上资质, 申报单位…, 年龄不超过35周岁: a qualification
_QUALIFICATION_RE = re.compile(r"注册资本|资质|申请(?:企业|单位|人|者)|申报(?:企业|单位|主体)|年龄")
# support granted: the grant named before the number (给予…奖励, 贴息比例为, 补贴标准) or right after it
# (10%给予补助, 300万元的奖励), or a cap per beneficiary (单个企业最高, 每人最高)
_GRANT_WORDS = "补助|补贴|奖励|奖补|资助|贴息|扶持资金|补偿"
_GRANT_BEFORE_RE = re.compile(
    rf"给予|予以|(?:{_GRANT_WORDS})(?:比例|标准|金额|资金|额度)?(?:为|按|达|最高|不超过)?$"
)
_GRANT_AFTER_RE = re.compile(
    rf"\s*(?:的)?(?:比例)?(?:给予|予以|一次性|进行)?(?:{_GRANT_WORDS}|支持)"  # 按总投资5%的比例进行支持
)
_PER_BENEFICIARY_RE = re.compile(
    r"(?:单个|每个|每家|每户|每人|每位|单户|单项|单笔|单一|每项|每名)[^，,。；;]{0,12}?(?:最高|最多|不超过|给予)"
)
# …的基础上 / 从0.15%左右起步: the level a measure starts from
_BASELINE_AFTER_RE = re.compile(r"的?(?:水平)?的?基础上|(?:左右)?起步")
# the lead of a list of conditions: 符合下列要求的…, 应当具备下列条件：, 还应具备：
_CONDITIONS_LEAD_RE = re.compile(
    r"(?:符合|具备|具有|满足)(?:以下|下列|如下)[^。；：:]{0,6}?(?:条件|要求|标准)|应(?:当)?具备(?:以下|下列)?(?:条件)?[：:]"
)
# numbering styles from the outermost level in (as paragraphs.py names them)
_STYLE_RANK = {
    style: rank
    for rank, style in enumerate(
        ("chapter", "section", "part", "cn", "cn_paren", "ar", "ar_paren", "ar_half", "circled", "bullet")
    )
}


def is_forecast(before: str, clause_after: str = "") -> bool:
    """届时每年外送电力预计超360亿千瓦时, 发生6级以上地震的可能性较大: the text before the number (its
    sentence: 预计…新购车超600万辆，…拉动汽车消费超过1.3万亿元) or the clause after it forecasts it."""
    return _FORECAST_RE.search(before) is not None or _LIKELIHOOD_RE.search(clause_after) is not None


def is_event_count(clause_before: str) -> bool:
    """1995年全球共发生7级以上地震: a count of what happened, not a level to reach."""
    return _EVENT_RE.search(clause_before) is not None


def is_estimate_or_statistic(sentence_before: str) -> bool:
    """据测算，数据流动量每增加10%，将带动GDP增长0.2%; 据统计，…普及率达84.9%: the sentence reports a
    calculation or a statistic, not a target."""
    return _ESTIMATE_RE.search(sentence_before) is not None


def is_past(clause_before: str, sentence_before: str, sentence: str) -> bool:
    """全市5G基站已达到3万个, 截至2021年底…为3.5万亿元, “十三五”以来累计建成…, …同比增长16.2%:
    a level already reached or a past year's statistic, not a target."""
    return (
        _ALREADY_RE.search(clause_before) is not None
        # 开发区已经达到232个，创造地区生产总值达16.9万亿元: the sentence tells what has been reached
        or ALREADY_DONE_RE.search(sentence_before) is not None
        # 人民银行已将…规模由5000亿元提升到8000亿元 / 已有约100家机构发行…，发行规模超2500亿元
        or _ALREADY_DONE_ACT_RE.search(sentence_before) is not None
        # 累计举办了45场专题活动，发布供需对接清单超1万项: a tally of what was done
        or _TALLIED_RE.search(sentence_before) is not None
        or _AS_OF_RE.search(sentence_before) is not None
        or SINCE_RE.search(sentence_before) is not None
        or _NOW_RE.match(sentence_before) is not None
        or _NEARLY_RE.search(clause_before) is not None
        or _STATISTIC_RE.search(sentence) is not None
    )


# （2分） / 扣1分 / 得5分: the weight of an item in a scoring table, not a level to reach
_SCORE_WEIGHT_RE = re.compile(r"(?:[（(]|扣|加|得|计)$")


def is_score_weight(clause_before: str, unit: str) -> bool:
    return unit == "分" and _SCORE_WEIGHT_RE.search(clause_before) is not None


def is_penalty(clause_before: str, clause_after: str) -> bool:
    """处以1万元以上5万元以下罚款 / 处2000元罚款: a fine a rule imposes, not a level to reach."""
    imposed = _PENALTY_BEFORE_RE.search(clause_before) is not None
    return imposed and _PENALTY_AFTER_RE.match(clause_after) is not None


def is_permission(clause_before: str, sentence_after: str = "") -> bool:
    """允许不超过五分之一…担任股东 / 不得预收超过1个月的租金 / 持股比例可在10%以上: a cap or floor a rule
    allows or a ban bounds, not a level to reach; 建筑面积在500平方米以下…的…工程，可不申请办理施工许可证:
    the scope of an exemption the sentence grants."""
    return (
        _PERMISSION_RE.search(clause_before) is not None or _EXEMPTION_RE.search(sentence_after) is not None
    )


_EXEMPTION_RE = re.compile(r"可不|可以不|可免|无需|免于|不再需要|不需(?:要)?(?:申请|办理)")


# “20”是指新建特色园20座: a quoted figure of the plan's target formula (“1+20+30+100”) spelled out
_FIGURE_DEFINED_RE = re.compile(r"[“\"‘][\d+.．]+[”\"’]$")


def is_definition(sentence_before: str) -> bool:
    """日间手术是指…住院时间不超过48小时: the sentence defines a term (not a quoted figure of a target:
    “20”是指新建…特色园20座)."""
    definitions = list(_DEFINITION_RE.finditer(sentence_before))
    if not definitions:
        return False
    return _FIGURE_DEFINED_RE.search(sentence_before, 0, definitions[-1].start()) is None


def is_range_start(text: str, unit_end: int) -> bool:
    """60%—70%: the first bound of a range (the second is read as glued to its dash)."""
    return _RANGE_AFTER_RE.match(text, unit_end) is not None


_CONDITION_TAIL_RE = re.compile(r"[^，,。；;：:、]{0,15}的[，,]")


def is_condition_or_scope(text: str, after: int, clause_before: str) -> bool:
    """The number qualifies whom a rule applies to: "…在3家及以上的，" closes a condition clause;
    "对…超过1亿元的企业" scopes a measure."""
    clause = _CONDITION_TAIL_RE.match(text, after)
    if clause is not None:  # 分别属于村内两个及以上农民集体所有的，由…: the clause states a condition
        return True
    if not text.startswith("的", after):
        return False
    closes = after + 1 >= len(text) or text[after + 1] in CLAUSE_BREAK
    return closes or _SCOPE_RE.search(clause_before) is not None


# 对于…公共活动需求较大的地区，可…，其配套建筑用地占比不超过8%: the sentence scopes a rule by its opening
# 对(于)…的X， and the number is a bound on what the rule allows
_SCOPED_RULE_RE = re.compile(
    r"^\s*(?:对于|对(?![标接外话口比象应称]))[^，,。；;]{2,60}的[^，,。；;]{0,10}[，,]"
    # ——占地面积10万平方米以上的体育公园，绿化用地占比不低于65%: a class picked out by its size
    r"|^\s*[—-]*\s*[^，,。；;\d]{0,20}\d[\d.]*\s*[万亿]?[^\d，,。；;]{0,6}?"
    r"(?:以上|以下|以内|(?:至|到)\s*\d[\d.]*\s*[万亿]?[^\d，,。；;]{0,6}?)的[^，,。；;]{1,20}[，,]"
)
_BOUND_BEFORE_RE = re.compile(r"(?:不得?|应不)(?:超过|低于|高于|少于|大于|小于)$")


def is_scoped_bound(sentence_before: str, clause_before: str) -> bool:
    """A cap or floor a rule sets for the cases its opening 对于…的… clause picks out, not a level to reach
    (对拥有1套住房的居民家庭，…首付款比例不低于50%)."""
    return (
        _SCOPED_RULE_RE.match(sentence_before) is not None
        and _BOUND_BEFORE_RE.search(clause_before) is not None
    )


# 人口20万以上县, 占地面积1万平方米以上的公园: a size that picks out a class of what follows
_SIZE_ATTRIBUTE_RE = re.compile(r"(?:人口|面积|规模|排量|功率|营业收入|营收|销售额|产值|投资额|容量|吨位)$")
# the noun of the class (县, 的体育公园), not a verb the measure goes on with (面积50%以上达到…)
_CLASS_NOUN_RE = re.compile(r"的?(?![达实建完覆符具纳用得获为是占要将应需必可])[\u4e00-\u9fff]")


def is_size_class(clause_before: str, text: str, after_bound: int | None) -> bool:
    """支持人口20万以上县（市、区）办好一所特殊教育学校: the size bounds a class of places or firms (the
    noun right after 以上/以下), it is not an amount to reach. `after_bound` is where the 以上/以下 ends."""
    return (
        after_bound is not None
        and _SIZE_ATTRIBUTE_RE.search(clause_before) is not None
        and _CLASS_NOUN_RE.match(text, after_bound) is not None
    )


def is_project_size(text: str, after: int, unit_is_count: bool) -> bool:
    """超50亿美元项目取得突破: an amount right before 项目/工程 sizes the project. (A count of projects,
    建设5个重大项目, is a target.)"""
    return not unit_is_count and _PROJECT_AFTER_RE.match(text, after) is not None


def counts_own_measures(counted: str) -> bool:
    """调整增加为30项督查激励措施, 主体共7个部分20个条目, 新增34个指标: the document counts its own
    measures, parts or indicators; that is not a target."""
    return counted.endswith(_OWN_MEASURES) or counted.startswith(_OWN_MEASURES)  # 从4个方面作出了系统部署


def is_qualification(clause_before: str) -> bool:
    """取得二级以上资质且注册资本不低于1000万元, 年龄一般不超过70周岁: what an applicant or office-holder
    must meet, not a target."""
    return _QUALIFICATION_RE.search(clause_before) is not None


def is_support_granted(clause_before: str, text: str, after: int) -> bool:
    """按新增研发投入的10%给予补助, 单个企业最高不超过200万元, 给予每人最高50万元安家补贴: what a measure
    grants a beneficiary, not a target."""
    return (
        _GRANT_BEFORE_RE.search(clause_before) is not None
        or _GRANT_AFTER_RE.match(text, after) is not None
        or _PER_BENEFICIARY_RE.search(clause_before) is not None
    )


_FROM_BEFORE_RE = re.compile(r"(?:^|[^自])(?:从|由)[^，,。；;从由]{0,8}$")
# a level changed to another (扩容至, 提高到): the clause that gives a rise's target
CHANGED_TO = r"(?:提高|提升|增加|增长|扩大|扩容|扩充|降低|下降|减少|压缩|缩短)(?:至|到)"
_TO_NEXT_RE = re.compile(rf"[^，,。；;]{{0,4}}[，,]\s*[^，,。；;\d]{{0,6}}?{CHANGED_TO}|\s*{CHANGED_TO}")


def is_baseline(text: str, after: int, clause_before: str = "") -> bool:
    """在…拨款水平达到12000元的基础上，逐步提高: the level a measure starts from, not its target; and
    从每年培养20人，扩容至每年培养150人 / 从18.49%提升到19.5%: the starting level, the target after it."""
    if _BASELINE_AFTER_RE.match(text, after) is not None:
        return True
    return _FROM_BEFORE_RE.search(clause_before) is not None and _TO_NEXT_RE.match(text, after) is not None


class _Numbered(Protocol):
    start: int
    end: int
    text: str
    style: str | None


def condition_lists(paragraphs: Sequence[_Numbered]) -> list[tuple[int, int]]:
    """The spans of the lists of conditions: from a lead (符合下列要求的社会团体予以保留。) over the items
    that follow it, up to the next paragraph numbered at the lead's level or above (or, for an unnumbered
    lead, up to the first paragraph that is not an item of the list)."""
    spans: list[tuple[int, int]] = []
    index = 0
    while index < len(paragraphs):
        lead = paragraphs[index]
        index += 1
        if _CONDITIONS_LEAD_RE.search(lead.text) is None:
            continue
        lead_rank = _STYLE_RANK.get(lead.style or "")
        end = lead.end
        item_rank: int | None = None
        while index < len(paragraphs):
            par = paragraphs[index]
            rank = _STYLE_RANK.get(par.style or "")
            if lead_rank is not None:
                if rank is not None and rank <= lead_rank:
                    break
            else:
                if rank is None or (item_rank is not None and rank < item_rank):
                    break
                item_rank = rank if item_rank is None else item_rank
            end = par.end
            index += 1
        spans.append((lead.start, end))
    return spans

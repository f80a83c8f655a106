"""Numbers that are not targets: forecasts, conditions and scopes inside rules, permissions, definitions,
ranges of a calculation rule, a project's size, a count of the document's own measures — and the target
that sits beside them in the same shape. Sentences are written the way 通知, 意见 and news reports write them.
"""

from __future__ import annotations

import pytest

from plankg.loaders import extract_path, extract_text
from plankg.loaders.indicators import IndicatorMatch, find_indicators
from plankg.loaders.quantities import chinese_to_number
from tests.support.corpus import REPO


def targets(sentence: str) -> list[IndicatorMatch]:
    found = find_indicators(sentence, 0, len(sentence), default_year=2025)
    for match in found:
        assert sentence[match.span[0] : match.span[1]], "every span slices the sentence"
    return found


def described(sentence: str) -> list[tuple[str, float, str, str]]:
    return [(m.name, m.value, m.unit, m.comparator) for m in targets(sentence)]


@pytest.mark.parametrize(
    "sentence",
    [
        # a forecast: what someone expects, not what the plan sets
        "这条电力输出大通道将于今年投运，届时每年外送电力预计超360亿千瓦时。",
        "全年新增装机有望突破500万千瓦。",
        # a condition or scope inside a rule
        "入围生产企业在3家及以上的，采取招标采购的方式；入围生产企业为2家的，采取议价采购的方式。",
        "对年营业收入超过1亿元的企业给予一次性奖励。",
        "有条件的地方可对单户担保金额500万元及以下、平均担保费率不超过1%的担保业务给予适当补贴。",
        "单户担保金额500万元以上的再担保业务，由基金按规定办理。",
        # a permission a rule gives
        "新设立有限责任制专利代理机构的，允许不超过五分之一的中国公民担任股东。",
        # the state things are in now
        "如今，余杭区累计引进海外高层次人才6800余名，人才总量突破45万。",
        # 零 in a word is no number
        "措施提出构建零部件配套服务体系。",
        # what has been done already
        "人民银行已将科技创新和技术改造再贷款规模由5000亿元提升到8000亿元。",
        "已有约100家机构发行科技创新债券，发行规模超2500亿元。",
        # a tally of what was done
        "中央企业累计举办了45场专题活动，发布供需对接清单超1万项。",
        # a ban on an act, bounded by the number
        "保障性租赁住房不得预收超过3个月的租金。",
        # a definition
        "日间手术是指患者在1日内入、出院完成的手术，因病情需要延期住院的，住院时间不超过48小时。",
        # the bounds of a calculation rule's range
        "约定采购量按照试点地区年度药品总用量的60%—70%估算。",
        # a project's size
        "其中超10亿美元项目50个、超50亿美元项目取得突破。",
        # the document's own measures
        "国务院决定将2016年实施的24项督查激励措施调整增加为30项督查激励措施。",
        # a qualification asked of an applicant or an office-holder
        "申报单位须取得二级以上资质且注册资本不低于1000万元。",
        "秘书长以上负责人任期一般不超过两届，年龄一般不超过70周岁。",
        # a level already reached that a measure builds on
        "各地在继续巩固落实好高等职业教育生均财政拨款水平达到12000元的基础上，逐步提高拨款水平。",
    ],
)
def test_numbers_that_are_not_targets(sentence: str) -> None:
    assert [(m.name, m.value, m.unit) for m in targets(sentence) if m.unit != "个"] == []


def test_a_project_size_does_not_hide_the_project_count() -> None:
    found = described("其中超10亿美元项目50个、超50亿美元项目取得突破。")
    assert found == [("超10亿美元项目", 50, "个", "=")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a dated aim led by 预计 in its own clause is the plan's target, not a forecast
        (
            "预计到2022年，南昌数字经济增加值达到4000亿元。",
            [("南昌数字经济增加值", 4000, "亿元", ">=")],
        ),
        # a bound on a share of a base: the comparator comes before the base noun
        (
            "医保基金在总额预算的基础上，按不低于采购金额的30%提前预付给医疗机构。",
            [("提前预付给医疗机构占采购金额比例", 30, "%", ">=")],
        ),
        (
            "单户担保金额500万元以上的再担保业务收费，原则上不高于承担风险责任的0.5%。",
            [("担保业务收费占承担风险责任比例", 0.5, "%", "<=")],
        ),
        # 提升至接近70%: about the level, the rise verb and 接近 are not part of the name
        (
            "到2027年，常住人口城镇化率提升至接近70%，户籍人口城镇化率明显提高。",
            [("常住人口城镇化率", 70, "%", "=")],
        ),
        # a level followed by 的 that neither closes a condition, sits in a 对… scope nor is a baseline stays
        (
            "到2025年，全省高等职业教育生均财政拨款水平达到15000元的水平。",
            [("高等职业教育生均财政拨款水平", 15000, "元", ">=")],
        ),
    ],
)
def test_targets_beside_non_targets(sentence: str, expected: list[tuple[str, float, str, str]]) -> None:
    assert described(sentence) == expected


def test_a_quoted_sentence_may_hold_a_target_a_quoted_name_does_not() -> None:
    spoken = "“到2028年形成不少于100个数据空间解决方案和最佳实践，带动扩大基础设施建设投资。”副局长说。"
    assert described(spoken) == [("数据空间解决方案和最佳实践", 100, "个", ">=")]
    assert targets(spoken)[0].target_year == 2028
    assert described("构建“1个中心+5个平台”体系，打造“双10”示范工程。") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "今后几年发生多次5―6级或6级以上地震的可能性较大，存在7级以上大震连发的可能。",
        "1995年全球共发生7级以上地震18次。",
        "形成2000亿级产业集群。",
    ],
)
def test_forecasts_events_and_classes_in_magnitudes_are_not_targets(sentence: str) -> None:
    assert [m for m in targets(sentence) if m.unit.endswith("级")] == []


def test_a_capacity_to_withstand_a_magnitude_is_a_target() -> None:
    sentence = "经过“九五”期间的努力，使首都圈率先具备抗御6级左右地震能力。"
    assert described(sentence) == [("抗御地震能力", 6, "级", "=")]


def test_travel_times_are_upper_bounds() -> None:
    sentence = (
        "展望2035年，“全国123出行交通圈”（都市区1小时通勤、城市群2小时通达、全国主要城市3小时覆盖）"
        "和“全球123快货物流圈”（快货国内1天送达、周边国家2天送达）基本形成。"
    )
    assert described(sentence) == [
        ("都市区通勤时间", 1, "小时", "<="),
        ("城市群通达时间", 2, "小时", "<="),
        ("主要城市覆盖时间", 3, "小时", "<="),
        ("快货国内送达时间", 1, "天", "<="),
        ("周边国家送达时间", 2, "天", "<="),
    ]
    assert {m.target_year for m in targets(sentence)} == {2035}
    # a time limit with no reaching verb is not a travel time, nor a target
    assert described("申请人应在收到通知后5个工作日内提交材料。") == []


def test_an_amount_used_and_a_count_for_each_listed_subject() -> None:
    assert described("“十四五”期间，累计实际利用外资1000亿美元。") == [("实际利用外资", 1000, "亿美元", "=")]
    assert described("经济开发区、高新技术产业开发区各有2家进入全国前十强。") == [
        ("经济开发区进入全国前十强", 2, "家", "="),
        ("高新技术产业开发区进入全国前十强", 2, "家", "="),
    ]


def test_a_goal_paragraph_keeps_setting_targets_after_its_goal_sentence() -> None:
    text = (
        "浙江省政府发文，进一步加强招商引资工作\n"
        "为进一步提高招商引资工作水平，近日，省政府印发了《关于进一步加强招商引资工作的指导意见》。\n"
        "目标是\n：\n● 平台能级实现新提升\n"
        "“十四五”期间，自贸试验区走在全国前列，经济开发区、高新技术产业开发区各有2家进入全国前十强，"
        "省级新区带动作用更加明显。经济开发区规上亩均税收达到37万元以上，规上工业增加值占全省比重超75%。\n"
        "2021年，全省经济开发区规上亩均税收为32万元。\n"
    )
    found = {(i.name, i.value) for i in extract_text(text).indicators}
    assert ("经济开发区规上亩均税收", 37) in found
    assert ("规上工业增加值占全省比重", 75) in found
    assert all(value != 32 for _, value in found), "a past figure in a later paragraph is not a target"


@pytest.mark.parametrize(
    "sentence",
    [
        "截至2021年底，全市5G基站已达到3万个。",
        "截至2021年底，全省数字经济增加值为3.5万亿元。",
        "全市数字经济增加值已突破5000亿元。",
        "2021年，我国数字经济规模达到45.5万亿元，同比名义增长16.2%，占GDP比重达到39.8%。",
        "全年全市规上工业增加值比上年增长8.5%。",
        "“十三五”以来，全省累计建成5G基站12万个。",
        "行政机关应当自受理申请之日起20个工作日内作出决定。",
    ],
)
def test_past_achievements_and_time_limits_are_not_targets(sentence: str) -> None:
    assert described(sentence) == []


def test_a_time_limit_set_as_a_target_stays() -> None:
    sentence = "到2025年，企业开办时间压缩至1个工作日以内。"
    assert described(sentence) == [("企业开办时间", 1, "个工作日", "<=")]


def test_forecast_and_past_words_inside_a_measure_name_keep_the_target() -> None:
    assert described("到2025年，灾害性天气预测准确率达到90%。") == [("灾害性天气预测准确率", 90, "%", ">=")]
    # a change against a base year is a target, not last year's statistic
    assert described("到2025年，单位GDP能耗比2020年下降13.5%。") == [("单位GDP能耗", 13.5, "%", "=")]


def test_thresholds_of_a_list_of_conditions_are_not_targets() -> None:
    """符合下列要求的…予以保留: the numbers of the conditions tell who qualifies; the target after the list
    (the next item at the lead's level) is still read."""
    text = (
        "关于清理整顿社会团体的意见\n"
        "一、清理整顿工作的主要内容\n"
        "（一）符合下列要求的社会团体予以保留。\n"
        "1.有50个以上的成员。\n"
        "2.全国性社会团体应有10万元以上资金，秘书长年龄一般不超过70周岁。\n"
        "非法人社会团体还应有5000元以上的资金。\n"
        "（二）到1998年，社会团体年检合格率要达到95%以上。\n"
    )
    found = [(i.name, i.value, i.unit) for i in extract_text(text).indicators]
    assert found == [("社会团体年检合格率", 95, "%")]


@pytest.mark.parametrize(
    "sentence",
    [
        "对年度研发投入增长的企业，按其新增研发投入的10%给予补助，单个企业最高不超过200万元。",
        "对新认定的国家级企业技术中心，给予一次性奖励300万元。",
        "对引进的高层次人才，给予每人最高50万元安家补贴。",
        "对符合条件的科技贷款，贷款贴息比例为50%。",
    ],
)
def test_support_a_measure_grants_is_not_a_target(sentence: str) -> None:
    assert targets(sentence) == []


def test_a_target_beside_support_granted_stays() -> None:
    sentence = "对新开办企业给予一次性奖励5万元，企业开办时间压缩至1个工作日以内。"
    assert described(sentence) == [("企业开办时间", 1.0, "个工作日", "<=")]


def test_respective_targets_give_one_indicator_per_subject() -> None:
    sentence = "到2025年，化学需氧量、氨氮、氮氧化物排放总量比2020年分别下降8%、8%、10%以上。"
    found = targets(sentence)
    assert [(m.name, m.value, m.comparator, m.target_kind, m.direction) for m in found] == [
        ("化学需氧量排放总量比2020年", 8.0, "=", "change", "decrease"),
        ("氨氮排放总量比2020年", 8.0, "=", "change", "decrease"),
        ("氮氧化物排放总量比2020年", 10.0, ">=", "change", "decrease"),
    ]
    income = "城镇和农村居民人均可支配收入分别达到5万元和2万元。"
    assert [m.name for m in targets(income)] == ["城镇居民人均可支配收入", "农村居民人均可支配收入"]


def test_a_count_of_the_documents_own_parts_is_not_a_target() -> None:
    assert targets("《意见》主体共7个部分20个条目，从五个方面提出20项举措。") == []
    assert described("推进34条滨水沿路生态廊道建设。") == [("滨水沿路生态廊道建设", 34.0, "条", "=")]


def test_a_list_of_targets_goes_on_after_a_semicolon() -> None:
    sentence = "新增栽植及观赏点位30个，总计达60个；特色道路10条，总计达20条；特色园5座，总计达10座。"
    assert [(m.name, m.value, m.unit) for m in targets(sentence)] == [
        ("栽植及观赏点位", 30.0, "个"),
        ("栽植及观赏点位", 60.0, "个"),
        ("特色道路", 10.0, "条"),
        ("特色道路", 20.0, "条"),
        ("特色园", 5.0, "座"),
        ("特色园", 10.0, "座"),
    ]


def test_the_figures_of_a_target_formula_spelled_out_are_targets() -> None:
    sentence = (
        "完成“1+20+30”的任务。其中，“20”是指新建、改建以白玉兰为主的特色园20座（区域面积1000平米以上），"
        "“30”是指在本市街头等区域新增白玉兰特色道路30条。"
    )
    assert [(m.name, m.value, m.unit) for m in targets(sentence)] == [
        ("特色园", 20.0, "座"),
        ("白玉兰特色道路", 30.0, "条"),
    ]
    # a definition of a term still sets no target
    assert targets("日间手术是指患者在1日内入、出院完成的手术，住院时间不超过48小时。") == []


def test_the_share_of_an_area_that_reaches_a_standard_is_a_target() -> None:
    sentence = "到2025年底，本市建成区40%以上的面积达到海绵城市建设目标要求。"
    assert described(sentence) == [("本市建成区面积达到海绵城市建设目标要求的比例", 40.0, "%", ">=")]
    # regression from a real People's Daily report (sealed93): the first share of a list was named 甘肃省
    listed = "到2028年底，推动90%持证在产大型矿山、80%中型矿山达到绿色矿山标准，鼓励小型矿山积极参与创建。"
    assert [(name, value) for name, value, _, _ in described(listed)] == [
        ("持证在产大型矿山达到绿色矿山标准的比例", 90.0),
        ("中型矿山达到绿色矿山标准的比例", 80.0),
    ]


def test_the_share_of_places_that_set_up_a_service_is_a_target() -> None:
    # regression from a real People's Daily report (sealed103): 到2030年，80%以上的行政村、城市社区
    # 设置心理咨询室或社会工作室 gave no indicator (only shares reaching a standard were read)
    name = "pd_2026_04_10_social_psychological_service_system_plan_report.txt"
    path = REPO / "tests/gold/sealed103/docs" / name
    shares = [(i.name, i.value, i.comparator) for i in extract_path(path).indicators if i.unit == "%"]
    assert shares == [("行政村设置心理咨询室或社会工作室的比例", 80.0, ">=")]
    built = "到2027年，90%以上的县建成县级综合养老服务中心。"
    assert described(built) == [("县建成县级综合养老服务中心的比例", 90.0, "%", ">=")]
    assert described("到2027年，90%以上的县推广县级综合养老服务。") == []  # no place set up, no share read


def test_a_change_against_a_named_base_year_is_a_target_a_years_statistic_is_not() -> None:
    found = targets("2023年，国际集装箱靠港船舶岸电使用量同比2022年增长30%。")
    assert [(m.name, m.value, m.target_kind, m.baseline_year) for m in found] == [
        ("国际集装箱靠港船舶岸电使用量", 30.0, "change", 2022)
    ]
    assert targets("全年完成45.5万亿元，同比增长16.2%。") == []
    assert targets("2025年上半年环保替代品使用量环比增加26.31%。") == []  # against the period before


def test_square_metres_in_short_and_a_note_sizing_a_count() -> None:
    found = targets("每年完成80万平米屋面及相关设施改造。")
    assert [(m.value, m.unit, m.normalized_unit, m.normalized_value) for m in found] == [
        (80.0, "万平米", "平方米", 800000.0)
    ]
    assert [(m.value, m.unit) for m in targets("新建特色园20座（区域面积1000平米以上）。")] == [(20.0, "座")]


def test_estimates_and_statistics_a_sentence_reports_are_not_targets() -> None:
    assert targets("据测算，数据流动量每增加10%，将带动GDP增长0.2%。") == []
    assert targets("据统计，2024年底轻工业企业数字化研发设计工具普及率达84.9%。") == []


def test_counts_of_indicators_and_repairs_counted() -> None:
    assert targets("市级新增34个指标的同时，崇明区新增6个特色指标。") == []
    assert described("保护修缮15幢历史风貌建筑。") == [("历史风貌建筑", 15.0, "幢", "=")]


def test_a_statistic_that_data_show_is_not_a_target() -> None:
    sentence = (
        "商务部数据显示，“十三五”时期我国服务业吸收外资年均增长4.4%，占比从2015年的69.8%提高至2020年的78.5%。"
    )
    assert targets(sentence) == []


def test_a_cap_a_rule_allows_is_not_a_target() -> None:
    assert (
        targets("配套设施用地面积占项目总用地面积的比例上限由7%提高到15%，建筑面积占比上限相应提高到30%。")
        == []
    )


def test_a_count_after_a_lists_joint_is_a_second_count_not_what_the_first_qualifies() -> None:
    # regression: 3个…和10个 was read as an amount qualifying the count after it (as in 超20亿元项目200个)
    found = targets("到2027年，形成3个万亿级消费领域和10个千亿级消费热点。")
    assert [(m.name, m.value, m.unit, m.target_year) for m in found] == [
        ("万亿级消费领域", 3.0, "个", 2027),
        ("千亿级消费热点", 10.0, "个", 2027),
    ]
    assert [(m.name, m.value) for m in targets("储备超20亿元项目200个。")] == [("超20亿元项目", 200.0)]


def test_the_years_plan_a_report_gives_sets_targets() -> None:
    report = (
        "农村公路如何建设好养护好（政策解读）\n"
        "本报北京7月16日电  据介绍，交通运输部今年全年计划新改建农村公路，新增通三级及以上等级公路乡镇250个，"
        "新增通硬化路较大人口规模自然村（组）1.2万个。\n"
    )
    assert [(i.value, i.unit) for i in extract_text(report).indicators] == [(250.0, "个"), (1.2, "万个")]
    past = report.replace("今年全年计划", "去年")
    assert extract_text(past).indicators == []


def test_added_facilities_and_a_means_before_the_verb() -> None:
    assert [(m.name, m.value, m.unit) for m in targets("增设停车泊位500个。")] == [("停车泊位", 500.0, "个")]
    found = targets("通过租赁、合用等方式增设战勤物资保障仓库2000㎡。")  # the means is not what is counted
    assert [(m.name, m.value, m.unit) for m in found] == [("战勤物资保障仓库", 2000.0, "㎡")]


def test_a_scoring_weight_and_a_floor_a_rule_allows_are_not_targets() -> None:
    assert targets("活动应按规定报公安部门审核同意，制定好相关预案（2分）。") == []
    assert targets("新建工程不符合报批程序的扣1分。") == []
    assert targets("对具备条件的项目，民间资本持股比例可在10%以上。") == []
    assert [(m.value, m.unit) for m in targets("到2025年，消防安全常识知晓率综合得分达到90分以上。")] == [
        (90.0, "分")
    ]


def test_what_a_measure_secures_and_what_a_reported_document_sets_are_targets() -> None:
    # regression from real reports: 确保…稳定在 and 《意见》，提出… carry their numbers as targets
    secured = (
        "《关于做好2026年“三农”工作的意见》发布（权威发布）\n"
        "本报北京12月30日电  韩文秀表示，要紧抓粮食生产，持续稳面积、提单产，"
        "确保粮食产量稳定在1.4万亿斤左右。\n"
    )
    assert [(i.value, i.unit) for i in extract_text(secured).indicators] == [(1.4, "万亿斤")]
    assert extract_text(secured.replace("确保", "去年")).indicators == []
    reported = (
        "临时救助更加及时（民生）\n"
        "本报北京1月29日电  民政部、财政部前不久联合印发《关于进一步健全完善临时救助制度的意见》，"
        "提出全面推行急难事项“小额快救”，办理时限一般不超过3天。\n"
    )
    assert [(i.value, i.unit, i.comparator) for i in extract_text(reported).indicators] == [(3.0, "天", "<=")]


def test_a_deadline_long_passed_when_the_text_was_published_is_a_record() -> None:
    # regression from a real inspection report of 2025 quoting a plan's 2023 target it missed
    report = (
        "草原保护修复扎实推进（权威发布）\n"
        "《人民日报》（2025年06月12日第 04 版）\n"
        "《草原保护和修复工程实施方案》明确，2023年年底前完成30个重点项目，但仍有6个重点项目尚未完成。\n"
    )
    assert extract_text(report).indicators == []
    # a plan issued a year late still sets the targets of the year before
    late = report.replace("2025年06月12日", "2024年06月12日")
    assert [(i.value, i.target_year) for i in extract_text(late).indicators] == [(30.0, 2023)]


def test_some_more_than_a_number_and_copies_are_counted() -> None:
    # regression from a real plan: 1.7万余个 was read as 1.7 of “余个”, 2万份 as 2 of “份普法宣传资料”
    assert described("全面落实居住区分类垃圾箱房和分类投放点改造1.7万余个。") == [
        ("居住区分类垃圾箱房和分类投放点改造", 1.7, "万个", "=")
    ]
    assert described("发放800余万份宣传海报及资料。") == [("宣传海报及资料", 800.0, "万份", "=")]
    assert described("发放2万份普法宣传资料。") == [("普法宣传资料", 2.0, "万份", "=")]
    assert described("到2025年，建设800多个站点。") == [("站点", 800.0, "个", "=")]


@pytest.mark.parametrize("marker", ["(三)", "（三）", "三、", "1.", "（1）"])
def test_an_items_number_is_no_part_of_what_is_measured(marker: str) -> None:
    # regression from a real plan: (三)县、乡、村道列养率保持100% was named “三)县、乡、村道列养率”
    assert described(f"{marker}县、乡、村道列养率达到100%。") == [("县、乡、村道列养率", 100.0, "%", ">=")]


def test_counts_in_a_plans_list_of_works() -> None:
    # regressions from a real plan: the count-first clause after ，, the scope between verb and count,
    # and the time the work takes
    assert described("“十四五”期间完成1000公里老化燃气管道改造，40万户立管改造。") == [
        ("老化燃气管道改造", 1000.0, "公里", "="),
        ("立管改造", 40.0, "万户", "="),
    ]
    assert [name for name, *_ in described("完成1000公里管道改造，万元工业增加值用水量下降16%。")] == [
        "管道改造",
        "万元工业增加值用水量",
    ]
    assert described("完成本市118万户燃气软管更换。") == [("燃气软管更换", 118.0, "万户", "=")]
    assert targets("切实提高能力水平。用3个月左右时间开展集中攻坚，全面排查整治风险隐患。") == []


def test_targets_reports_state_in_their_own_ways() -> None:
    # regressions from real reports and plans: a modal before the verb, a level stepped up to, a noun
    # ending in 能, a size given in an aside
    assert described("拟培养学员550余人。") == [("学员", 550.0, "人", "=")]
    assert described("到2030年，服务业总规模迈上100万亿元台阶。") == [("服务业总规模", 100.0, "万亿元", ">=")]
    assert described("推动粮食产能稳步迈上1.4万亿斤台阶。") == [("粮食产能", 1.4, "万亿斤", ">=")]
    assert (
        targets("计划2024年推进远香湖南（4.73平方公里）、嘉北公园二期（10.46平方公里）海绵城市建设。") == []
    )


def test_what_a_report_says_the_document_sets_is_a_target() -> None:
    # regression from a real report: 根据意见，…费率统一控制在0.3%左右
    report = (
        "《关于加快建立长期护理保险制度的意见》发布（权威发布）\n"
        "本报北京3月2日电  根据意见，长期护理保险费率统一控制在0.3%左右，缴费基数与收入水平挂钩。\n"
    )
    assert [(i.value, i.unit) for i in extract_text(report).indicators] == [(0.3, "%")]
    assert extract_text(report.replace("根据意见，", "目前，")).indicators == []


def test_renewed_and_upgraded_equipment_is_counted() -> None:
    # regression from a real plan: 更新…消防车2辆 and 组建升级3支…队 set counts
    assert described("更新满足隧道灭火救援的压缩空气泡沫消防车2辆。") == [
        ("压缩空气泡沫消防车", 2.0, "辆", "=")
    ]
    assert [v for _, v, *_ in described("组建升级3支地震救援、2支抗洪抢险专业处置队。")] == [3.0, 2.0]
    # a norm per household is no target
    assert targets("要求每户配置1组干湿垃圾投放桶，每村配置1辆专用收集车。") == []


@pytest.mark.parametrize("lead", ["全年", "今年", "2024年-2025年计划"])
def test_a_time_lead_before_the_verb_is_no_part_of_the_name(lead: str) -> None:
    # regression from a real plan: 全年新增约1万个公共充电桩 was named “全年新增”
    assert described(f"{lead}新增约1万个公共充电桩。") == [("公共充电桩", 1.0, "万个", "=")]


def test_an_exemptions_scope_and_a_notice_period_are_not_targets() -> None:
    # regressions from real plans: the scope an exemption covers, the days a list is posted
    exemption = "建筑面积在500平方米以下（总投资额在100万元以上的除外）的装修工程，可不申请施工许可证。"
    assert targets(exemption) == []
    assert targets("对符合条件的申请人，在住宅小区主要出入口处公示至少5个工作日。") == []
    assert described("审批时限压缩至5个工作日。") == [("审批时限", 5.0, "个工作日", "<=")]


def test_a_span_of_years_and_hours_as_the_alternative_measure() -> None:
    # regression from a real plan: 党员5年内…累计不少于20天或160学时 (a span of years is a time cue; the
    # hours are the same floor measured otherwise)
    plan = (
        "全国党员教育培训工作规划（2024—2028年）\n一、总体要求\n"
        "为实现以上目标，用5年左右时间，全面落实各项任务。党员5年内参加各类集中学习培训累计不少于20天或160学时。\n"
    )
    assert [(i.value, i.unit, i.comparator) for i in extract_text(plan).indicators] == [
        (20.0, "天", ">="),
        (160.0, "学时", ">="),
    ]
    report = "武汉数字经济发展（新闻）\n本报武汉电  武汉一年内就举办28场智能化改造示范项目推广会。\n"
    assert extract_text(report).indicators == []


def test_the_magnitude_after_some_more_is_no_number_of_its_own() -> None:
    # regression: 5300余万平方米 also gave 万 (10000) 平方米
    assert described("到2025年，完成各类旧住房更新改造5300余万平方米。") == [
        ("各类旧住房更新改造", 5300.0, "万平方米", "=")
    ]


def test_rates_listed_before_one_value_are_one_target_each() -> None:
    # regression from a real plan: 装置安装率、入网率、实时在线率达到100% was one indicator named by the list
    assert described("上路行驶车辆装置安装率、入网率、实时在线率达到100%。") == [
        ("上路行驶车辆装置安装率", 100.0, "%", ">="),
        ("上路行驶车辆装置入网率", 100.0, "%", ">="),
        ("上路行驶车辆装置实时在线率", 100.0, "%", ">="),
    ]


def test_a_capped_fee_and_a_share_of_funds_paid_out_are_not_targets() -> None:
    # regression from a real plan: 服务费用不超过5万元/每份, 申请30%资金 are rules of a procedure
    assert targets("所有项目签署服务合同。服务费用不超过5万元/每份。") == []
    assert targets("服务费用不超过16元/平方米。") == []
    assert targets("各村携带相关收据进行申请30%资金。") == []
    assert described("到2025年，数字经济增加值达到5000亿元。") == [("数字经济增加值", 5000.0, "亿元", ">=")]


def test_nearly_so_many_a_per_case_credit_cap_and_a_condition_clause_are_not_targets() -> None:
    # regressions from real texts: 设施近4000个 (a tally of what was done), 最高授信额度提高到5000万元
    # (the most one firm may borrow), 分别属于村内两个及以上农民集体所有的，由… (a condition of a rule)
    assert targets("支持建设农产品分拣、预冷、初加工等设施近4000个，农产品商品化处理能力明显增强。") == []
    assert targets("设立稳岗扩岗专项贷款，将小微企业最高授信额度提高到5000万元。") == []
    assert targets("分别属于村内两个及以上农民集体所有的，由村内各该集体经济组织代表集体行使所有权。") == []
    assert described("到2025年，冷链设施数量接近4000个。") == [("冷链设施数量", 4000.0, "个", "=")]


def test_a_level_the_years_work_must_hold_is_a_target() -> None:
    # regression from a real report: 脱贫人口务工规模需保持在3000万人以上 had no cue
    report = (
        "如何织牢重点群体就业保障网？（政策问答·稳就业，政策有哪些）\n"
        "本报记者  邱超奕《人民日报》（2025年06月10日第 01 版）\n"
        "今年我国高校毕业生规模创新高，脱贫人口务工规模需保持在3000万人以上，就业总量压力不减，结构性矛盾突出。"
        "如何织牢重点群体就业保障网？人力资源社会保障部有关司局负责人介绍了相关政策举措及进展情况。\n"
    )
    assert [(i.name, i.value, i.unit) for i in extract_text(report).indicators] == [
        ("脱贫人口务工规模", 3000.0, "万人")
    ]


def test_the_clause_before_that_counted_its_own_names_no_count_after_it() -> None:
    # regression from a real plan: …居住建筑节能改造2000万平方米 was named "3000万平方米"
    assert described("完成既有公共建筑节能改造3000万平方米，完成既有居住建筑节能改造2000万平方米。") == [
        ("既有公共建筑节能改造", 3000.0, "万平方米", "="),
        ("既有居住建筑节能改造", 2000.0, "万平方米", "="),
    ]


def test_a_count_of_the_list_before_it_and_a_count_led_by_the_year_or_its_actor() -> None:
    # regressions from real texts: 建设石油化工、水域救援、危化品槽车处置3支专业救援队伍 (the list
    # names what is counted), 今年，广西计划实施…项目1077个, 我国将新开工改造…11.5万个 were not read
    assert described("着力建设石油化工、水域救援、危化品槽车处置3支专业救援队伍，分类组建专家库。") == [
        ("专业救援队伍", 3.0, "支", "=")
    ]
    assert described("推进航运集疏运结构项目资金、海铁联运发展项目资金2项纳入“免申即享”。") == []
    assert described("今年，广西计划实施城镇老旧小区改造项目1077个。") == [
        ("城镇老旧小区改造项目", 1077.0, "个", "=")
    ]
    assert described("“十五五”时期，我国将新开工改造城镇老旧小区11.5万个。") == [
        ("城镇老旧小区", 11.5, "万个", "=")
    ]


def test_a_yearly_breakdown_of_a_stated_target_is_no_target_of_its_own() -> None:
    # regression from a real plan (an annex with one cell per line): 农村公路提档升级改造300公里。200公里。
    # 100公里。 for 2024–2026 became three targets beside the plan's own …提档升级改造600公里
    path = REPO / "tests/gold/sealed7/docs/sh_jt_refined_management_3yr_plan_2024.txt"
    found = [(i.name, i.value) for i in extract_path(path).indicators if i.name == "农村公路提档升级改造"]
    assert found == [("农村公路提档升级改造", 600.0)]


def test_a_fine_an_allowance_and_a_half_years_results_are_not_targets() -> None:
    # regressions from real texts: 处以1万元以上5万元以下罚款 (a fine), 物业可转让不超过50％ (what a rule
    # allows), 上半年，…完成全年目标任务的58% (a period's results)
    assert targets("对旅行社使用不符合规定车辆的，责令改正，并处以1万元以上5万元以下罚款。") == []
    assert targets("除生活配套设施以外的物业可转让不超过50％，这部分可转让的物业可转让给高新技术企业。") == []
    assert targets("上半年，全国城镇新增就业695万人，完成全年目标任务的58%。") == []
    assert described("到2025年，罚款收缴率达到100%。") == [("罚款收缴率", 100.0, "%", ">=")]


def test_a_report_on_a_completed_plan_counts_what_was_done() -> None:
    # regression from a real report (高质量完成“十四五”规划, 2025): 已就业残疾人达901万人, 入学率达97% became
    # targets, 经过五年的努力，…进一步提升 a goal, and the results paragraphs tasks
    path = REPO / "tests/gold/sealed16/docs/pd_disabled_persons_14th_fyp_review_report_2025.txt"
    text = path.read_text(encoding="utf-8")
    extraction = extract_text(text)
    assert extraction.indicators == [] and extraction.goals == []
    turn = text.index("下一步，中国残联将")  # where it turns to what comes next
    assert extraction.tasks and all(t.span[0] >= turn for t in extraction.tasks)
    # the closing period's record in a report that does not say it looks back
    lead = (
        "残疾人就业稳步扩大\n本报记者  易舒冉《人民日报》（2025年07月23日第 04 版）\n"
        "“十四五”期间，全国已就业残疾人达901万人，新增就业累计达到231万人。\n"
        "《残疾人就业促进行动计划》提出，“十五五”时期，将力争新增就业300万人。\n"
    )
    assert [i.value for i in extract_text(lead).indicators] == [300.0]


def test_a_sentence_opening_on_the_documents_own_year_sets_its_counts() -> None:
    # regression from a real report (2025): 2025年，山西开展…行动，…，抓好616个省级重点工程年度建设项目。
    text = (
        "山西开展“重大项目建设年”行动\n本报记者  刘鑫焱《人民日报》（2025年03月01日第 01 版）\n"
        "2025年，山西开展“重大项目建设年”行动，实施一批“两重”项目和高质量转型项目，"
        "抓好616个省级重点工程年度建设项目。\n2024年，山西抓好500个省级重点工程年度建设项目。\n"
    )
    found = [(i.name, i.value, i.target_year) for i in extract_text(text).indicators]
    assert found == [("省级重点工程年度建设项目", 616.0, 2025)]


def test_a_count_is_named_by_the_kind_its_list_closes_on_and_not_by_a_bare_verb() -> None:
    # regressions from real texts: 建设约100个建筑与小区、…、水务系统等海绵重点项目 was named by the list;
    # 培养造就1000名左右大国工匠, 资助不少于300万名…产业工人 were named 培养造就 and 资助
    def names(sentence: str) -> list[str]:
        return [name for name, *_ in described(sentence)]

    assert names("到2025年，建设约100个建筑与小区、公园与绿地、水务系统等海绵重点项目。") == ["海绵重点项目"]
    assert names("到2030年，培养造就1000名左右大国工匠。") == ["大国工匠"]
    assert names("到2030年，资助不少于300万名产业工人提升学历。") == ["产业工人提升学历"]
    assert names("到2025年，建成10所高等教育机构。") == ["高等教育机构"]


def test_a_target_met_ahead_of_its_time_is_a_record() -> None:
    # regression from a real report: 我国在全球率先实现到2030年土地退化零增长目标；为全球贡献约25%的新增绿化
    # 面积 gave 25% for 2030
    assert described("我国在全球率先实现到2030年土地退化零增长目标；为全球贡献约25%的新增绿化面积。") == []
    assert [v for _, v, *_ in described("力争率先实现到2030年单位产值能耗下降15%的目标。")] == [15.0]


def test_a_measure_named_before_its_number_in_an_aim_is_a_level() -> None:
    # regression from a real 解读: “十五五”时期，…城镇失业人员再就业人数2500万人 gave nothing; 其中农民工参加
    # 培训1750万人次 was named by the clause before (超过5000万人次); 折合约1.5亿吨标准煤 was named 折合
    text = "“十五五”时期，城镇失业人员再就业人数2500万人，就业困难人员就业人数650万人。"
    assert [(n, v) for n, v, *_ in described(text)] == [
        ("城镇失业人员再就业人数", 2500.0),
        ("就业困难人员就业人数", 650.0),
    ]
    assert described("2024年，全市常住人口数量2500万人。") == []
    text = "到2030年，开展补贴性职业技能培训超过5000万人次，其中农民工参加培训1750万人次。"
    assert [n for n, *_ in described(text)] == ["补贴性职业技能培训", "农民工参加培训"]
    text = "到2030年，可再生能源非电利用总规模较2025年增长1.5倍，折合约1.5亿吨标准煤。"
    assert [n for n, *_ in described(text)][-1] == "可再生能源非电利用总规模"


def test_a_rule_on_conduct_and_whom_a_bound_picks_out_are_no_targets() -> None:
    # regression from a real Shanghai 若干意见: 驾驶人员每日驾驶时间不得超过8小时；连续驾驶4小时，应停车休息
    # 至少20分钟 and 拥有30辆以上（含30辆）专用车辆的企业应设置… gave six targets
    text = (
        "拥有30辆以上（含30辆）专用车辆的企业应设置专门的安全生产管理机构。"
        "驾驶人员每日驾驶时间不得超过8小时；连续驾驶4小时，应停车休息至少20分钟。"
    )
    assert described(text) == []
    assert [v for _, v, *_ in described("到2025年，建成30个以上的示范企业。")] == [30.0]
    assert [v for _, v, *_ in described("到2025年，政务服务事项办理时间压缩至3个工作日。")] == [3.0]


def test_a_range_counts_its_low_end_and_a_target_named_again_or_restated_as_a_rise_is_no_second() -> None:
    # regressions from real reports: 推动3—5个通用大模型…，培育2—3家…企业 gave nothing; 5%左右的经济增长
    # 预期目标综合考虑了… after 增长5%左右 and 指标设定为大于22件，较“十四五”末增长6件以上 gave second targets
    text = "到2027年，推动3—5个通用大模型在制造业深度应用，培育2—3家具有全球影响力的生态主导型企业。"
    assert [(v, c) for _, v, _, c in described(text)] == [(3.0, ">="), (2.0, ">=")]
    assert described("按总用量的60%—70%估算。") == []
    text = "今年国内生产总值增长5%左右。5%左右的经济增长预期目标综合考虑了国内外形势。"
    assert [v for _, v, *_ in described(text)] == [5.0]
    text = "“十五五”时期，每万人口高价值发明专利的指标设定为大于22件，较“十四五”末增长6件以上。"
    assert [(n, v) for n, v, *_ in described(text)] == [("每万人口高价值发明专利", 22.0)]


def test_idioms_spelled_with_numerals_and_a_starting_level_are_no_targets() -> None:
    # regressions from real plans: 推动廉洁文化走进各行各业、千家万户 gave 10000户; 费率减半从0.15%左右起步
    # gave 0.15%
    assert described("到2030年，推动廉洁文化走进各行各业、千家万户。") == []
    text = "未就业城乡居民费率减半从0.15%左右起步，用5年左右时间逐步过渡到0.3%左右。"
    assert [v for _, v, *_ in described(text)] == [0.3]
    text = "建设一批数字化转型促进中心，每个市州至少建设1个。"
    assert [n for n, *_ in described(text)] == ["数字化转型促进中心"]


def test_a_figure_as_of_the_end_of_a_past_year_is_no_target() -> None:
    # regression from a real People's Daily interpretation (sealed29, 2026): “2025年末，我国常住人口城镇化率达
    # 67.89%…” was read as a target of 67.89 %
    path = REPO / "tests/gold/sealed29/docs/pd_2026_05_24_residence_public_services_interpretation.txt"
    assert [indicator.value for indicator in extract_path(path).indicators] == []
    # a year's end still dates a target when it is reached for (到2027年底，…达到90%)
    text = (
        "某市行动方案\n一、主要目标\n到2027年底，全市公共服务覆盖率达到90%。\n二、重点任务\n（一）推进服务。"
    )
    assert [indicator.value for indicator in extract_text(text).indicators] == [90]


def test_rates_listed_before_a_counted_hundred_percent_are_each_a_target() -> None:
    # regression from a real Shanghai district plan (sealed12): 力争实现…排查率、…建设率…和…履行率“六个100%”
    # gave no target (the count is the writer's: seven rates are listed)
    path = REPO / "tests/gold/sealed12/docs/sh_chongming_highrise_fire_safety_plan_2017.txt"
    hundreds = [i for i in extract_path(path).indicators if i.value == 100 and i.unit == "%"]
    assert [i.name for i in hundreds][:3] == [
        "易燃可燃外保温材料排查率",
        "建筑消防设施排查率",
        "安全疏散设施排查率",
    ]
    assert "高层公共建筑和高层住宅小区微型消防站建设率" in [i.name for i in hundreds]  # 和 inside a name
    assert len(hundreds) == 7 and {i.comparator for i in hundreds} == {">="}
    # a rate with a subject of its own takes no other's: …排查率、建筑消防设施排查率达到100%
    text = "某区方案\n一、工作目标\n力争易燃可燃外保温材料排查率、消防设施排查率达到100%。\n二、任务"
    assert [i.name for i in extract_text(text).indicators] == ["易燃可燃外保温材料排查率", "消防设施排查率"]


def test_a_bound_a_rule_sets_for_the_cases_it_scopes_is_no_target() -> None:
    # regressions from real Shanghai opinions (sealed30, sealed14): 对于…公共活动需求较大的地区，可…，其配套
    # 建筑用地占比不超过8%，绿化面积比率不低于50% and 对拥有1套住房的居民家庭，…首付款比例不低于50%
    # were targets
    path = REPO / "tests/gold/sealed30/docs/sh_2025_281_urban_renewal_planning_resources_opinion.txt"
    assert extract_path(path).indicators == []
    housing = REPO / "tests/gold/sealed14/docs/sh_fbf_2016_11_housing_market_opinions.txt"
    assert not any(i.name.startswith("首付款比例") for i in extract_path(housing).indicators)
    # unscoped, the same bound is the plan's target: 到2027年，绿化面积比率不低于50%
    text = "某区方案\n一、工作目标\n到2027年，全区绿化面积比率不低于50%。\n二、任务"
    assert [i.value for i in extract_text(text).indicators] == [50]


def test_a_level_named_as_the_aim_after_a_verb_is_a_target() -> None:
    # regression from a real People's Daily report (sealed26): 推动实现到2030年中小学生国家学生体质健康标准
    # 达标优良率达到60%以上的目标 was read as a number qualifying what the verb acts on (培育…超10亿元的企业)
    path = REPO / "tests/gold/sealed26/docs/pd_2026_01_07_youth_five_health_action_plan_news.txt"
    found = [(i.value, i.unit, i.target_year) for i in extract_path(path).indicators]
    assert (60, "%", 2030) in found


def test_what_the_years_since_brought_is_no_target() -> None:
    # regression from a real press conference (sealed27): 5年来，双城经济圈地区生产总值…迈上两个万亿元级台阶，
    # 占全国的比重由6.3%提高到6.5% — a record of the five years since, read as targets
    path = REPO / "tests/gold/sealed27/docs/pd_2025_01_10_chengdu_chongqing_circle_press_conference.txt"
    values = {(i.value, i.unit) for i in extract_path(path).indicators}
    assert not values & {(2, "个"), (6.3, "%"), (6.5, "%")}


def test_how_often_an_act_is_done_is_no_target() -> None:
    # regressions from real documents (sealed16, sealed11): 提供“1131”服务，也就是至少1次政策宣介、
    # 1次职业指导… and 每年组织…开展至少1次疏散逃生演练 gave unit-less targets (也就是, 次职业指导 …)
    for batch, name in (
        ("sealed16", "pd_graduate_employment_services_press_report_2025.txt"),
        ("sealed11", "sh_huangpu_fire_12th_fyp_2013.txt"),
    ):
        indicators = extract_path(REPO / "tests" / "gold" / batch / "docs" / name).indicators
        assert [i.name for i in indicators if not i.unit] == []


def test_a_programme_set_over_years_is_a_report_on_work_with_its_yearly_target() -> None:
    # regression from a real People's Daily report (sealed13): 重庆…计划从2025年起，连续5年每年选派60名
    # 专家人才担任企业科技副总 — read as no plan (no cue set work), and 选派 counted nobody
    path = REPO / "tests/gold/sealed13/docs/pd_2025_11_14_chongqing_talent_parks.txt"
    extraction = extract_path(path)
    assert extraction.document.genre == "plan_report"
    assert [(i.value, i.unit) for i in extraction.indicators] == [(60, "名")]


def test_a_class_of_trillion_yuan_is_no_target() -> None:
    # regression from a real People's Daily press conference (sealed34): 全力打造万亿元级现代服务业产业集群
    # gave a target of 1000100000000 元 (万亿 was read as (万 + 1) × 亿, and 元级 was not seen as a class)
    assert chinese_to_number("万亿") == 10**12 and chinese_to_number("三万亿") == 3 * 10**12
    assert chinese_to_number("一亿五千万") == 150_000_000 and chinese_to_number("千万") == 10**7
    path = REPO / "tests/gold/sealed34/docs/pd_2026_04_21_shaanxi_15th_fyp_press_conference.txt"
    assert not any("产业集群" in indicator.name for indicator in extract_path(path).indicators)


def test_the_period_closed_the_year_before_is_told_as_a_record() -> None:
    # regression from a real People's Daily press conference of 2026 (sealed34): “十四五”时期，…累计开行超过
    # 3.4万列，西安港日装卸作业能力达到3700标箱 — the period had closed the year before, its figures are a
    # record, while “十五五”时期，…力争千亿元级产业链由11条增加到18条以上 stays a target
    path = REPO / "tests/gold/sealed34/docs/pd_2026_04_21_shaanxi_15th_fyp_press_conference.txt"
    indicators = extract_path(path).indicators
    assert not any(indicator.value in (3.4, 3700) for indicator in indicators)
    assert any(indicator.value == 18 and indicator.unit == "条" for indicator in indicators)


def test_what_recent_years_brought_is_no_target() -> None:
    # regression from a real press conference (sealed34): 近年来，…汽车产量增长1.7倍，特别是新能源汽车产量
    # 增长17倍 — growth of the recent years, told as a record
    path = REPO / "tests/gold/sealed34/docs/pd_2026_04_21_shaanxi_15th_fyp_press_conference.txt"
    assert not any(indicator.unit == "倍" for indicator in extract_path(path).indicators)
    assert find_indicators("近几年来，全省培育企业达到200家。", 0, 17) == []


def test_a_norm_for_a_class_picked_out_by_its_size_is_no_target() -> None:
    # regression from a real Shanghai plan (sealed35): ——占地面积10万平方米以上的体育公园，绿化用地占比不低于
    # 65%，…健身步道不少于2公里，运动场地不少于10块 — design norms for each size of park, no targets
    path = REPO / "tests/gold/sealed35/docs/sh_2023_01_31_sports_park_implementation_plan.txt"
    indicators = extract_path(path).indicators
    assert not any(indicator.unit in ("块", "公里") for indicator in indicators)
    assert any(indicator.value == 20 and indicator.unit == "万平方米" for indicator in indicators)
    norm = "——占地面积4万至10万平方米的体育公园，绿化用地占比不低于65%。"
    assert find_indicators(norm, 0, len(norm)) == []


def test_a_rise_from_a_level_to_a_decimal_target_keeps_the_target_not_the_start() -> None:
    # regression from a real Shanghai plan (sealed35): 森林覆盖率从18.49%提升到19.5% gave a target of
    # 18.49 % named 提升到19.5% (the start of a rise in its own clause was not a baseline) and lost 19.5 %
    # (a four-character 19.5 was taken for a year)
    text = "森林覆盖率从18.49%提升到19.5%，公园数量由438座增加至1000座。"
    found = [(m.name, m.value, m.comparator, m.baseline) for m in find_indicators(text, 0, len(text))]
    assert found == [("森林覆盖率", 19.5, "from_to", 18.49), ("公园数量", 1000.0, "from_to", 438.0)]
    path = REPO / "tests/gold/sealed35/docs/sh_2021_06_21_park_city_guidance_opinion.txt"
    values = [indicator.value for indicator in extract_path(path).indicators]
    assert 19.5 in values and 18.49 not in values


def test_a_forecast_holds_for_every_clause_of_its_sentence() -> None:
    # regression from a real People's Daily interpretation (sealed38): “十五五”时期，租赁行业预计新购车超
    # 600万辆，向二手车市场供应车辆约500万辆，拉动汽车消费超过1.3万亿元 — the 预计 of the first clause
    # forecasts the later ones too; they were targets
    path = (
        REPO / "tests/gold/sealed38/docs/pd_2026_07_26_car_rental_three_year_action_plan_interpretation.txt"
    )
    assert extract_path(path).indicators == []
    said = "预计“十五五”时期，新购车超600万辆，拉动汽车消费超过1.3万亿元。"
    assert find_indicators(said, 0, len(said)) == []


def test_the_actions_and_tasks_a_document_counts_are_no_targets() -> None:
    # regressions from real People's Daily pages (sealed38): 重点开展消防常识普及…4项行动 and 接续开展治理重复
    # 信访、信访问题源头治理两个三年攻坚行动 gave targets of 4 项 and 2 个: the document counts its own work
    docs = REPO / "tests/gold/sealed38/docs"
    for name in (
        "pd_2026_07_28_fire_safety_literacy_action_plan_report.txt",
        "pd_2025_12_04_petition_rule_of_law_15th_fyp_interview.txt",
    ):
        assert extract_path(docs / name).indicators == []


def test_a_map_scale_is_no_quantity_and_millimetres_are_a_unit() -> None:
    # regression from a real Shanghai plan (sealed36): 城市地质调查工作程度达到1:10000 gave targets of 1 (a
    # map's scale), and 平均地面沉降量持续控制在6毫米/年以内 a target of 6 with no unit
    path = REPO / "tests/gold/sealed36/docs/sh_2024_09_05_geological_safety_risk_prevention_plan.txt"
    indicators = extract_path(path).indicators
    assert not any(indicator.value == 1 for indicator in indicators)
    assert any(indicator.value == 6 and indicator.unit == "毫米/年" for indicator in indicators)


def test_last_years_deadline_in_a_report_that_sets_nothing_ahead_is_a_record() -> None:
    # regression from a real People's Daily report of January 2026 (sealed41): 到2025年底，全国累计识别帮扶
    # 超700万监测对象，并稳定消除其返贫致贫风险… was a goal and 700万 a target: what last year achieved
    name = "pd_2026_01_23_regular_assistance_press_conference.txt"
    extraction = extract_path(REPO / "tests/gold/sealed41/docs" / name)
    assert not any("700万" in goal.text for goal in extraction.goals)
    assert not any(indicator.value == 700 for indicator in extraction.indicators)
    # said ahead (将, 力争 …), last year's deadline stays a target, as a plan issued a year late sets it
    ahead = (
        "稳定消除返贫风险（权威发布）\n《人民日报》（2026年01月23日第 04 版）\n"
        "国家乡村振兴局有关负责人表示，到2025年底，全国将累计识别帮扶超700万监测对象。\n"
    )
    assert [indicator.value for indicator in extract_text(ahead).indicators] == [700]


def test_an_age_group_and_the_hundred_of_percentage_points_are_no_quantities() -> None:
    # from a real People's Daily briefing on the 15th five-year outline's indicators (sealed40): …推动3岁以下
    # 婴幼儿入托率提高6个百分点 — the 3 of an age group and the 百 of 百分点 counted nothing
    for sentence, expected in (
        ("到2030年，3岁以下婴幼儿入托率提高6个百分点。", [(6.0, "个百分点")]),
        (
            "到2030年，3岁以下婴幼儿入托率达到50%，65周岁及以上老年人体检率达到80%。",
            [(50.0, "%"), (80.0, "%")],
        ),
        ("到2030年，人均预期寿命达到80岁。", [(80.0, "岁")]),
    ):
        found = find_indicators(sentence, 0, len(sentence))
        assert [(match.value, match.unit) for match in found] == expected


def test_a_change_a_firm_made_is_no_target() -> None:
    # regression from a real People's Daily report (sealed46): a firm's 成功将ABC组件效率提升至最高26% and
    # 将组件边缘的爬电距离缩短了28%，非发电面积减少了20% were targets (将 the object marker, not the future)
    name = "pd_2026_08_27_fair_market_competition_report.txt"
    assert extract_path(REPO / "tests/gold/sealed46/docs" / name).indicators == []
    ahead = "光伏方案\n到2027年，将组件效率提升至26%，将非发电面积减少20%。\n"
    assert [i.value for i in extract_text(ahead).indicators] == [26.0, 20.0]


def test_what_the_past_years_brought_is_a_record() -> None:
    # regression from a real People's Daily press-conference report (sealed43): 过去5年，安徽国家级高新
    # 技术企业数量达2.4万家，年均增长23% were targets for 2030
    name = "pd_2026_05_16_anhui_innovation_15th_fyp_press_conference.txt"
    values = [i.value for i in extract_path(REPO / "tests/gold/sealed43/docs" / name).indicators]
    assert 2.4 not in values and 23.0 not in values


def test_a_size_that_picks_out_a_class_is_no_target() -> None:
    # from a real People's Daily report on the disability plan (sealed45): 支持人口20万以上县（市、区、旗）
    # 办好一所…特殊教育学校，人口20万以下县…设立特教班 gave two targets of 20万 (a class of counties)
    name = "pd_2026_07_17_disability_15th_fyp_work_conference.txt"
    assert extract_path(REPO / "tests/gold/sealed45/docs" / name).indicators == []
    for sentence, expected in (
        ("到2030年，常住人口达到2000万以上。", [2000.0]),  # an amount to reach
        ("到2025年，新城建设用地面积50%以上达到海绵城市建设要求。", [50.0]),  # the measure goes on
    ):
        assert [match.value for match in find_indicators(sentence, 0, len(sentence))] == expected


def test_what_a_place_drew_is_told_as_done() -> None:
    # from a real People's Daily lecture on the 15th five-year plan (sealed53): 芜湖市…建成国家级机器人产业
    # 集聚区，吸引了超过300家机器人产业链企业在此汇聚，年产业规模突破400亿元。 gave two targets
    name = "pd_2026_03_30_15th_fyp_high_quality_development_lecture.txt"
    assert extract_path(REPO / "tests/gold/sealed53/docs" / name).indicators == []
    sentence = "到2030年，吸引超过300家企业入驻。"  # an aim to draw them stays a target
    assert [match.value for match in find_indicators(sentence, 0, len(sentence))] == [300.0]


def test_a_sentence_telling_what_was_set_up_counts_no_target() -> None:
    # from a real People's Daily report on Chongqing's digital city (sealed60): 重庆已建立…闭环工作机制，…
    # 接入…感知设备2200万个，…推动全市应急响应速度提升3倍。 gave two targets
    name = "pd_2025_11_20_chongqing_city_digital_transformation.txt"
    assert extract_path(REPO / "tests/gold/sealed60/docs" / name).indicators == []
    sentence = "到2030年，接入感知设备达到2200万个。"  # the same count set ahead stays a target
    assert [match.value for match in find_indicators(sentence, 0, len(sentence))] == [2200.0]


def test_how_a_thing_is_divided_is_no_target() -> None:
    # regression from a real Shanghai district opinion (sealed13): 区域更新的操作流程分为…四部分 and
    # 零星更新的操作流程分为…三部分 were targets of 4 and 3 "部"
    path = REPO / "tests/gold/sealed13/docs/sh_jiading_urban_renewal_implementation_opinions_2023.txt"
    assert extract_path(path).indicators == []

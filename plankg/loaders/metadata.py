"""Plan metadata: title, region, period, issuer and edition, read from the genre's usual places.

Title, in order of evidence: the 《…》 the text says was issued (印发/发布/出台…《X》) when no title
line of the document's own comes before it; the document's own title line — the first short line
without sentence punctuation that names a plan (…规划/方案/意见…, found past a web page's navigation),
its 关于印发X的通知 wrapper's X, or a 《X》 in it (《X》解读); a 《…》 that names a plan and is not cited
as a basis (根据/依据/按照《…》) nor a back-reference (《规划》); else the first line.
Region: a province/city at the head of the title (青岛市… → 青岛), else the issuer's
(青岛市政府办公厅 → 青岛),
central issuers (国务院, 国务院办公厅, 国家…委/部) → 全国. Period: （2016-2020年） in the title or text, else
the edition (十三五 → 2016-2020, 十四五 → 2021-2025), else the issue year to the last 到YYYY年 target.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

EDITION_PERIODS = {
    "十一五": (2006, 2010),
    "十二五": (2011, 2015),
    "十三五": (2016, 2020),
    "十四五": (2021, 2025),
    "十五五": (2026, 2030),
}
# an edition as a text names it, quoted or not (“十四五”): group 1 is one of EDITION_PERIODS
EDITION_NAME = rf"[“\"‘]?({'|'.join(EDITION_PERIODS)})[”\"’]?"

_PLAN_SUFFIX = (
    r"(?:规划|计划|方案|意见|纲要|办法|通知|决定|指南|要点|政策|措施|规定|战略|细则|行动|部署|举措)"
)
_PERIOD_PAREN = r"(?:[（(]\s*\d{4}\s*[-—–~～至到]+\s*\d{4}\s*年?\s*[）)])"
_QUOTED_TITLE_RE = re.compile(r"《([^《》\n]{4,80})》")
_PLAN_TITLE_RE = re.compile(rf"{_PLAN_SUFFIX}\s*{_PERIOD_PAREN}?$")
_ISSUE_VERB_BEFORE_RE = re.compile(
    r"(?:印发|发布|出台|制定|编制|公布|审议通过|颁布|出炉|正式实施|通过了?)(?:了)?\s*$"
)
_GENERIC_TITLES = {"规划", "方案", "意见", "纲要", "计划", "通知", "办法", "实施方案", "实施意见", "行动计划"}
_NOTICE_RE = re.compile(r"关于印发(.{4,80}?)的通知")
_PERIOD_RE = re.compile(r"(\d{4})\s*[-—–~～至到]+\s*(\d{4})\s*年")
_EDITION_RE = re.compile(r"十[一二三四五]五")
_TARGET_YEAR_RE = re.compile(r"(?:到|至)\s*(\d{4})\s*年")
_DOC_YEAR_RE = re.compile(r"[〔\[［(（【]\s*(\d{4})\s*[〕\]］)）】]\s*\d+\s*号")
_DATE_RE = re.compile(r"(\d{4})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")

_ORG_SUFFIX = (
    r"(?:人民政府办公厅|人民政府办公室|政府办公厅|政府办公室|人民政府|国务院办公厅|国务院|办公厅|办公室|"
    r"委员会|发展改革委|发改委|经信委|工信委|管理局|领导小组|局|厅|部|委|署|政府)"
)
_ORG_RE = re.compile(rf"[\u4e00-\u9fff]{{0,16}}?{_ORG_SUFFIX}")
_ISSUER_BEFORE_ISSUE_RE = re.compile(
    rf"([\u4e00-\u9fff、和与]{{2,40}}?{_ORG_SUFFIX})(?:近日|日前|正式|联合|已经|已)?(?:印发|发布|出台|公布|制定|颁布)"
)
_PROVINCES = [
    "北京",
    "天津",
    "上海",
    "重庆",
    "河北",
    "山西",
    "辽宁",
    "吉林",
    "黑龙江",
    "江苏",
    "浙江",
    "安徽",
    "福建",
    "江西",
    "山东",
    "河南",
    "湖北",
    "湖南",
    "广东",
    "海南",
    "四川",
    "贵州",
    "云南",
    "陕西",
    "甘肃",
    "青海",
    "台湾",
    "内蒙古",
    "广西",
    "西藏",
    "宁夏",
    "新疆",
    "香港",
    "澳门",
]
_REGION_RE = re.compile(
    r"^(?:关于)?((?:[\u4e00-\u9fff]{2,3}?(?:省|自治区|特别行政区))?(?:[\u4e00-\u9fff]{2,4}?(?:市|自治州|地区|盟))?"
    r"(?:[\u4e00-\u9fff]{1,4}?(?:县|区|旗))?)"
)
# Words that show a "place" match is really the start of a title (关于推进…区, 数字经济…市场).
_NOT_PLACE_WORDS = re.compile(
    "关于|推进|加快|促进|全面|深化|实施|数字|经济|发展|建设|的|印发|做好|进一步|支持|新型|现代|城乡|推动|于"
)
_CENTRAL_ISSUER_RE = re.compile(
    r"^(?:中共中央|国务院|国家|中央|全国|教育部|财政部|商务部|工业和信息化部|科技部|"
    r"农业农村部|交通运输部|人力资源社会保障部|自然资源部|生态环境部|住房城乡建设部|"
    r"民政部|司法部|文化和旅游部|国家卫生健康委|应急管理部|水利部|体育总局|中国)"
)


@dataclass
class PlanMetadata:
    title: str
    title_span: tuple[int, int] | None
    region: str | None
    period_start: int | None
    period_end: int | None
    issuer: str | None
    edition: str | None


_SPACES_RE = re.compile(r"[\s\u3000]+")


def _compact(text: str) -> str:
    return _SPACES_RE.sub("", text)


_CITED_BEFORE_RE = re.compile(r"(?:根据|依据|按照|遵照|对照|参照|贯彻|落实|衔接|结合|对标|实施|执行)\s*$")
_SENTENCE_PUNCT_RE = re.compile(r"[。；;！？!?，,]")
_TITLE_LINE_SEARCH_CHARS = 4000  # a web page's navigation and info table come before the title line
_TITLE_LINE_MAX_CHARS = 90


def find_title_line(text: str) -> tuple[int, int] | None:
    """The document's own title line: the first short line without sentence punctuation that names a
    plan — a title ending in 规划/方案/意见… (with its period), or a 关于印发…的通知 wrapper."""
    for match in re.finditer(r"[^\n]+", text[:_TITLE_LINE_SEARCH_CHARS]):
        line = match.group().strip(" \t\u3000\xa0\ufeff")
        compact = _compact(line)
        if not 8 <= len(compact) <= _TITLE_LINE_MAX_CHARS or _SENTENCE_PUNCT_RE.search(line):
            continue
        if compact.startswith(("《", "“")) and not compact.endswith(("解读", "》")):
            continue
        if _PLAN_TITLE_RE.search(compact) or _NOTICE_RE.search(compact) or compact.endswith("解读"):
            start = match.start() + (len(match.group()) - len(match.group().lstrip(" \t\u3000\xa0\ufeff")))
            return start, start + len(line)
    return None


def find_title(text: str, first_line: tuple[int, int] | None) -> tuple[str, tuple[int, int] | None]:
    issued, named = [], []
    for match in _QUOTED_TITLE_RE.finditer(text):
        inner = match.group(1)
        compact = _compact(inner)
        if compact in _GENERIC_TITLES or len(compact) < 6:
            continue
        if not _PLAN_TITLE_RE.search(compact):
            continue
        before = text[max(0, match.start() - 12) : match.start()]
        if _ISSUE_VERB_BEFORE_RE.search(before):
            issued.append((match.start(1), match.end(1)))
        elif not _CITED_BEFORE_RE.search(before):
            named.append((match.start(1), match.end(1)))
    own_line = find_title_line(text)
    # A 《X》 the text says was issued names the plan of a report about it (the seed's news genre),
    # but never outranks a title line of the document's own above it: an action plan that cites
    # 印发《another plan》 in its body is not that plan.
    if issued and (own_line is None or own_line[0] > issued[0][0]):
        start, end = issued[0]
        return _compact(text[start:end]), (start, end)
    title_line = own_line or first_line
    if title_line is not None:
        line = text[title_line[0] : title_line[1]]
        notice = _NOTICE_RE.search(line)
        if notice:
            inner = notice.group(1).strip("《》")
            offset = title_line[0] + notice.start(1) + (1 if notice.group(1).startswith("《") else 0)
            return _compact(inner), (offset, offset + len(inner))
        quoted = _QUOTED_TITLE_RE.search(line)
        if quoted and _PLAN_TITLE_RE.search(_compact(quoted.group(1))):
            start = title_line[0] + quoted.start(1)
            return _compact(quoted.group(1)), (start, start + len(quoted.group(1)))
        if _PLAN_TITLE_RE.search(_compact(line)):
            return _compact(line), title_line
    if named:
        start, end = named[0]
        return _compact(text[start:end]), (start, end)
    if first_line is not None:
        return _compact(text[first_line[0] : first_line[1]]), first_line
    return "", None


def _normalize_region(name: str) -> str:
    for suffix in ("特别行政区", "自治区", "自治州", "省", "市", "地区", "盟"):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


def region_of(name: str) -> str | None:
    """The most specific place at the head of a title or issuer name: 青岛市… → 青岛, 广东省… → 广东."""
    compact = _compact(name)
    if _CENTRAL_ISSUER_RE.match(compact):
        return "全国"
    for province in _PROVINCES:
        if compact.startswith(province) and not compact.startswith(province + "市场"):
            match = _REGION_RE.match(compact)
            places = _places(match.group(1)) if match else []
            return _normalize_region(places[-1]) if places else province
    match = _REGION_RE.match(compact)
    if not match or not match.group(1):
        return None
    places = _places(match.group(1))
    if not places:
        return None
    if compact[len(match.group(1)) :].startswith("场"):  # 市场…, not a city
        return None
    return _normalize_region(places[-1])


def _places(prefix: str) -> list[str]:
    places = re.findall(r"[\u4e00-\u9fff]+?(?:特别行政区|自治区|省|自治州|市|地区|盟|县|区|旗)", prefix)
    return [p for p in places if not _NOT_PLACE_WORDS.search(p[:-1])]


_ISSUE_VERB_RE = re.compile("印发|发布|出台|公布|制定|颁布")
_ISSUER_ENDING_RE = re.compile(_ISSUER_BEFORE_ISSUE_RE.pattern + "$")


def _issued_by(head: str) -> list[re.Match[str]]:
    """`_ISSUER_BEFORE_ISSUE_RE` matches in `head`, in order, tried only just before an issue verb
    (the pattern's lazy runs are slow to try at every position of a long text)."""
    found = []
    for verb in _ISSUE_VERB_RE.finditer(head):
        window_start = max(0, verb.start() - 60)
        match = _ISSUER_ENDING_RE.search(head, window_start, verb.end())
        if match is not None:
            found.append(match)
    return found


def find_issuer(text: str, title_line: str | None) -> str | None:
    if title_line:
        head = _compact(title_line).split("关于", 1)
        if len(head) == 2 and head[0] and re.search(rf"{_ORG_SUFFIX}$", head[0]):
            return head[0]
    for match in _issued_by(text[:3000]):
        phrase = match.group(1)
        # the organisation is the last run after a clause break ("日前，青岛市政府办公厅印发…")
        phrase = re.split(r"[，。；：、\s]", phrase)[-1]
        if phrase.startswith(("由", "经")):
            phrase = phrase[1:]
        if len(phrase) >= 3 and not phrase.startswith(("现将", "特此", "请")):
            return phrase
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for index, line in enumerate(lines):
        signed = index + 1 < len(lines) and re.fullmatch(
            r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日", lines[index + 1]
        )
        if signed and re.fullmatch(rf"[\u4e00-\u9fff]{{2,30}}{_ORG_SUFFIX}", line):
            return line
    return None


def issue_year(text: str) -> int | None:
    match = _DOC_YEAR_RE.search(text[:600])
    if match:
        return int(match.group(1))
    dates = [int(m.group(1)) for m in _DATE_RE.finditer(text)]
    return dates[0] if dates else None


def extract_metadata(text: str, first_line: tuple[int, int] | None) -> PlanMetadata:
    title, title_span = find_title(text, first_line)
    line_span = find_title_line(text) or first_line
    title_line = text[line_span[0] : line_span[1]] if line_span else None
    issuer = find_issuer(text, title_line)
    region = region_of(title) if title else None
    if region is None and issuer:
        region = region_of(issuer)
    edition_match = _EDITION_RE.search(title) or _EDITION_RE.search(text[:1500])
    edition = edition_match.group() if edition_match else None
    period_start: int | None = None
    period_end: int | None = None
    period = _PERIOD_RE.search(title) or _PERIOD_RE.search(text[:3000])
    if period and 1949 < int(period.group(1)) <= int(period.group(2)) <= int(period.group(1)) + 20:
        period_start, period_end = int(period.group(1)), int(period.group(2))
    elif edition:
        period_start, period_end = EDITION_PERIODS[edition]
    else:
        year = issue_year(text)
        targets = [int(m.group(1)) for m in _TARGET_YEAR_RE.finditer(text)]
        targets = [t for t in targets if year is None or year <= t <= year + 20]
        if targets:
            period_end = max(targets)
            period_start = year
    return PlanMetadata(
        title=title,
        title_span=title_span,
        region=region,
        period_start=period_start,
        period_end=period_end,
        issuer=issuer,
        edition=edition,
    )

"""A notice's and a web page's furniture: document number, date line, issuing organisation, salutation,
(此件公开发布), a task's note of who carries it out or by when ((责任单位：区建管委), 牵头单位：…),
and the page's chrome and byline (分享到, 相关链接, 主办, 网站标识码, 责任编辑 …).
None of it is text of the plan; a signature with its date (落款) closes the sections before it."""

from __future__ import annotations

import re

_DOC_NUMBER_RE = re.compile(r"^[\u4e00-\u9fff]{1,12}[〔\[［(（【]\s*\d{4}\s*[〕\]］)）】]\s*\d+\s*号$")
# a full date in figures or in Chinese numerals (2019年3月5日, 二〇二五年三月五日)
DATE = (
    r"(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*[\d〇一二三四五六七八九十]{1,3}\s*月"
    r"\s*[\d〇一二三四五六七八九十]{1,3}\s*日"
)
DATE_LINE_RE = re.compile(rf"^{DATE}$")
ORG_LINE_RE = re.compile(
    r"^[\u4e00-\u9fff（）()、\s]{2,40}(?:国务院|办公厅|办公室|人民政府|委员会|发展改革委|"
    r"局|厅|部|委|署|院|中心|政府)$"
)
# a news dateline: 新华社北京1月12日电, 本报南京2月23日电, 中新网…讯 (genre reads it as news, prose strips it)
NEWS_DATELINE = r"(?:新华社|中新社|本报|新华网|人民网|央视网|中新网)[^。，,；]{0,16}?(?:电|讯)"
_SALUTATION_RE = re.compile(r"^各.{2,80}[：:]$")
_PUBLIC_NOTE_RE = re.compile(r"^[（(](?:此件|本件).{0,10}[）)]$")
# who carries a task out and by when, on a line of its own: (责任单位：区发展改革委、区建管委)
_DUTY_NOTE_RE = re.compile(
    r"^[（(【]?\s*(?:责任单位|牵头单位|配合单位|参与单位|主责单位|责任部门|牵头部门|配合部门|责任主体|"
    r"实施主体|完成时限|时间节点|完成时间)\s*[：:][^。]*[）)】]?$"
)
# A web page's furniture around the text, and a news page's byline: never part of the plan.
_PAGE_CHROME_RE = re.compile(
    r"^[（(【\[]?\s*(?:分享到|相关链接|相关文件|相关阅读|相关新闻|附件下载|主办单位|主办|承办|协办|网站标识码|"
    r"联系电话|联系我们|联系方式|版权所有|Copyright|©|打印本页|打印|关闭窗口|关闭|扫一扫|责任编辑|编辑|来源|"
    r"信息来源|文章来源|发布时间|发布日期|发文日期|浏览次数|点击数|阅读次数|字号|当前位置|您现在的位置|网站地图|"
    r"索\s*引\s*号|主题分类|发文机关|发布机构|成文日期|发文字号|上一篇|下一篇)\s*[：:】\]）)]?",
    re.IGNORECASE,
)

# a news photo's caption on a line of its own (图②：医保工作人员…讲解政策。 / 图为…村民在装运蔬菜。), not
# a plan's figure title (图1 普陀区绿道布局现状图, which names what a plan shows)
_PHOTO_CAPTION_RE = re.compile(r"^(?:图[①②③④⑤⑥⑦⑧⑨⑩][：:]|图为)")


def is_furniture(text: str) -> bool:
    """A paragraph that is a notice's or a page's furniture, not text of the plan."""
    return bool(
        _DOC_NUMBER_RE.match(text)
        or DATE_LINE_RE.match(text)
        or _PUBLIC_NOTE_RE.match(text)
        or _DUTY_NOTE_RE.match(text)
        or _PAGE_CHROME_RE.match(text)
        or _PHOTO_CAPTION_RE.match(text)
        or (
            _SALUTATION_RE.match(text)
            and ("人民政府" in text or "部委" in text or "单位" in text or "机构" in text or "部门" in text)
        )
    )


def is_org_line(text: str) -> bool:
    """An issuing organisation's name on its own line (a 落款, or a notice's header)."""
    return bool(ORG_LINE_RE.match(text)) and len(text) <= 24

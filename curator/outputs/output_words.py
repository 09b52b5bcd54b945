"""The words of Curator's documents (the allocation workbook, labels) in English and Chinese.

The domain cannot use Qt's translations, so its documents keep their words here: a small bilingual table
keyed by the English word. A document is written in English ("en"), Chinese ("zh") or both ("both":
"English / 中文"); vocabulary words read as the desk shows them (resources/translations, docs/glossary-zh.md).
"""

from __future__ import annotations

from collections.abc import Callable

from curator.errors import Refusal, ValidationError

LANGUAGES = ("en", "zh", "both")

#: English word or phrase -> Chinese, for every word a document writes.
CHINESE: dict[str, str] = {
    # Register and samples sheets
    "Reference": "编号", "Institution": "借用单位", "Country": "国家", "Country name": "国家名称",
    "ISO code": "ISO 代码", "PI": "项目负责人", "Mission": "任务", "Status": "状态",
    "Approved (mg)": "批准质量 (mg)", "Handed over (mg)": "交接质量 (mg)", "Returned (mg)": "归还质量 (mg)",
    "Consumed (mg)": "消耗质量 (mg)", "On loan (mg)": "借出中质量 (mg)", "Requested": "申请日期",
    "Approved on": "批准日期", "Handed over on": "交接日期", "Due": "归还期限", "Closed on": "结束日期",
    "Allocation": "分配编号", "Sample number": "样品编号", "Parent": "母样", "Kind": "类型",
    "Mass handed over (mg)": "交接质量 (mg)", "Container": "容器", "Condition": "保存状况",
    "Results": "成果数", "Result DOIs": "成果 DOI", "Loan closed": "借用已结束", "yes": "是", "no": "否",
    # Totals sheets and their charts
    "Allocations": "分配数", "Allocated (mg)": "已分配质量 (mg)", "Total": "合计", "mg": "mg",
    "Mass allocated and on loan by country": "各国分配质量与借出中质量",
    "Mass allocated and on loan by institution": "各借用单位分配质量与借出中质量",
    # About sheet
    "Curator allocation workbook": "Curator 样品分配工作簿", "Database": "数据库",
    "Generated at (local time)": "生成时间（本地时间）", "Operator": "操作员", "(not given)": "（未提供）",
    "Chain head": "监管链校验码", "Requested from": "申请日期自", "Requested to": "申请日期至",
    "all missions": "全部任务", "(no limit)": "（不限）", "Samples handed over": "已交接样品数",
    "Units": "单位", "masses in milligrams, exact to the microgram": "质量单位为毫克，精确到微克",
    "Allocated": "已分配", "Totals": "合计",
    "approved mass of allocations that are {statuses}": "状态为{statuses}的分配的批准质量",
    "the By country and By institution sheets compute their totals with formulas over the Allocations sheet":
        "“按国家汇总”和“按借用单位汇总”两表以公式根据“分配登记”表计算合计",
    "{code} (prove later that history up to here is unchanged: curator verify --head {code})":
        "{code}（日后用 curator verify --head {code} 证明此前的历史未被改动）",
    # Vocabulary words as cells show them (the desk's translations, docs/glossary-zh.md)
    "requested": "已申请", "approved": "已批准", "prepared": "已备样", "handed over": "已交接",
    "returned": "已归还", "consumed": "已消耗", "cancelled": "已取消",
    "powder": "粉末", "rock fragment": "岩屑", "glass bead": "玻璃珠", "thin section": "薄片", "soil": "月壤",
    "core": "岩芯", "breccia": "角砾岩", "basalt": "玄武岩", "crustal": "月壳岩", "special": "特殊",
    "pristine": "原始", "exposed": "已暴露", "processed": "已处理", "contaminated": "已污染",
    "facility": "设施", "room": "房间", "cabinet": "柜", "shelf": "层架", "position": "库位",
    "vial": "样品瓶", "capsule": "胶囊", "bag": "样品袋", "jar": "样品罐", "ampoule": "安瓿", "box": "样品盒",
    # Labels
    "{kind} in {container}": "{kind}，装于{container}", "{container}, {count} samples": "{container}，{count} 个样品",
    "{container}, empty": "{container}，空",
}

#: Sheet names (at most 31 characters, no "/"): English -> Chinese; "both" joins them with a space.
SHEET_NAMES: dict[str, str] = {
    "Allocations": "分配登记", "Samples": "交接样品", "By country": "按国家汇总", "By institution": "按借用单位汇总",
    "About": "说明", "Chart by country": "按国家图表", "Chart by institution": "按借用单位图表",
}

#: Mission names in Chinese, by mission code (an unknown mission keeps its own name).
MISSION_NAMES: dict[str, str] = {
    "CE5": "嫦娥五号", "CE6": "嫦娥六号", "A11": "阿波罗11号", "A12": "阿波罗12号", "A14": "阿波罗14号",
    "A15": "阿波罗15号", "A16": "阿波罗16号", "A17": "阿波罗17号",
}


def check_language(language: str) -> str:
    """``language`` if a document can be written in it, else a ValidationError naming the choices."""
    if language not in LANGUAGES:
        raise ValidationError(f"unknown language {language!r} (use one of {', '.join(LANGUAGES)})",
                              code=Refusal.UNKNOWN_CHOICE, params={"value": language, "known": ", ".join(LANGUAGES)})
    return language


def both(english: str, chinese: str, language: str) -> str:
    """The English or the Chinese text, or both as "English / 中文"."""
    if language == "en" or english == chinese:
        return english
    return chinese if language == "zh" else f"{english} / {chinese}"


def say(english: str, language: str, **values: object) -> str:
    """A word or phrase of the table in ``language``, with ``{placeholders}`` filled in; a vocabulary value
    as stored ("handed_over") reads as its word. A word missing from the table stays English."""
    english = english.replace("_", " ")
    chinese = CHINESE.get(english, english)
    return both(english.format(**values), chinese.format(**values), language)


def each_language(language: str, make: Callable[[str], str], joiner: str = " ") -> str:
    """``make("en")``, ``make("zh")``, or for "both" the two joined (once if they are the same): for
    texts whose parts are words themselves, such as "powder in jar" / "粉末，装于样品罐"."""
    if language != "both":
        return make(language)
    english, chinese = make("en"), make("zh")
    return english if english == chinese else f"{english}{joiner}{chinese}"


def sheet_name(english: str, language: str) -> str:
    chinese = SHEET_NAMES[english]
    return {"en": english, "zh": chinese}.get(language, f"{english} {chinese}")


def mission_name(code: str, english_name: str, language: str) -> str:
    """A mission's name: "Chang'e-5", "嫦娥五号" or "Chang'e-5 / 嫦娥五号"."""
    return both(english_name, MISSION_NAMES.get(code, english_name), language)

"""A borrower's reminder letter, in English and Chinese: one paragraph per loan due, overdue or whose
inventory is asked for, as plain text (pasted into an e-mail) and as data for the PDF
(ui/reminder_print.py draws it). The letter is a document for the borrower, fixed in both languages,
as the handover sheet's storage conditions are."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from curator.errors import Refusal, RuleViolation
from curator.loan_inventory import GRACE_DAYS
from curator.lookup import get_institution
from curator.reminders import DueItem, due_list
from curator.storage.db import Database
from curator.vocabulary import DueState

SUBJECT = ("Lunar sample loans: reminder", "月球样品借用提醒")
CLOSING = ("With kind regards,\nThe sample curator", "此致\n敬礼\n样品管理员")


def _paragraph(item: DueItem) -> tuple[str, str]:
    """(English, Chinese) sentence about one item."""
    ref, pi, due, days = item.reference, item.pi, item.due.isoformat(), abs(item.days)
    head_en, head_zh = f"Allocation {ref} (PI {pi})", f"借用编号 {ref}（项目负责人 {pi}）"
    if item.state == DueState.DUE_SOON:
        return (f"{head_en} is due back on {due}, in {days} days.",
                f"{head_zh}的样品应于 {due} 归还，距今还有 {days} 天。")
    if item.state == DueState.DUE:
        return f"{head_en} is due back today, {due}.", f"{head_zh}的样品应于今天（{due}）归还。"
    if item.state == DueState.OVERDUE:
        return (f"{head_en} was due back on {due} and is {days} days overdue. Please return the material "
                "or ask for an extension; no new allocation can be approved meanwhile.",
                f"{head_zh}的样品应于 {due} 归还，已逾期 {days} 天。"
                "请归还样品或申请延期；在此之前不能批准新的借用申请。")
    blocked = (item.due + timedelta(days=GRACE_DAYS)).isoformat()
    if item.state == DueState.INVENTORY_DUE:
        return (f"The yearly inventory of {item.year} for allocation {ref} (PI {pi}) is due by {due}: please "
                "fill in the enclosed statement (mass held now, consumed, returned) and send it back.",
                f"借用编号 {ref}（项目负责人 {pi}）{item.year} 年度样品清点表应于 {due} 前提交：请填写随附的清点表"
                "（现存质量、消耗质量、归还质量）并寄回。")
    return (f"The yearly inventory of {item.year} for allocation {ref} (PI {pi}) was due on {due} and is "
            f"{days} days late. After {blocked} no new allocation can be approved until it is received.",
            f"借用编号 {ref}（项目负责人 {pi}）{item.year} 年度样品清点表应于 {due} 提交，已逾期 {days} 天。"
            f"{blocked} 之后，在收到清点表之前不能批准新的借用申请。")


@dataclass(frozen=True)
class ReminderLetter:
    institution: str
    contact: str
    written: date
    items: tuple[DueItem, ...]

    @property
    def paragraphs(self) -> list[tuple[str, str]]:
        return [_paragraph(item) for item in self.items]

    @property
    def subject(self) -> str:
        return f"{SUBJECT[0]} / {SUBJECT[1]}: {self.institution}"

    def greeting(self) -> tuple[str, str]:
        return "Dear colleagues,", "尊敬的各位同事："

    def english(self) -> str:
        lines = [self.greeting()[0], "", f"This is a reminder of the lunar sample loans to {self.institution} "
                 f"as of {self.written.isoformat()}:", ""]
        lines += [f"- {english}" for english, _ in self.paragraphs]
        return "\n".join([*lines, "", CLOSING[0]])

    def chinese(self) -> str:
        lines = [self.greeting()[1], "",
                 f"截至 {self.written.isoformat()}，贵单位（{self.institution}）借用的月球样品情况如下：", ""]
        lines += [f"- {chinese}" for _, chinese in self.paragraphs]
        return "\n".join([*lines, "", CLOSING[1]])

    def email(self) -> str:
        """The letter as text to paste into an e-mail: subject, English, then Chinese."""
        return f"Subject: {self.subject}\n\n{self.english()}\n\n— — —\n\n{self.chinese()}\n"


def reminder_letter(db: Database, institution: str, today: date | None = None) -> ReminderLetter:
    """The borrower's letter for ``today``: the reminders still to send (refused when there are none)."""
    today = today or date.today()
    with db.read() as session:
        borrower = get_institution(session, institution)
        name, contact = borrower.name, borrower.contact
    items = tuple(item for item in due_list(db, today) if item.institution == name and item.to_send)
    if not items:
        raise RuleViolation(f"{name} has nothing to be reminded of on {today}", code=Refusal.NOTHING_TO_REMIND,
                            params={"name": name, "date": today})
    return ReminderLetter(name, contact, today, items)

"""The A4 handover sheet: allocation and borrower, every split with mass and container, total, storage
conditions, the chain-of-custody head code and signature fields; optionally Chinese/English."""

from __future__ import annotations

import os
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QPagedPaintDevice

from curator.mass import format_mass
from curator.outputs.handover import HandoverSheet
from ui.printing import MmCanvas, canvas_on, room_for, set_page, write_pdf

PAGE_W, PAGE_H, MARGIN, TOP = 210.0, 297.0, 18.0, 14.0
CONTENT_W = PAGE_W - 2 * MARGIN
ROW_H = 6.5
QR_SIZE = 34.0
FOOTER_Y = PAGE_H - 11.0
#: Table columns: (English heading, Chinese heading, width in mm, alignment).
COLUMNS = (("#", "序号", 9, "right"), ("Sample number", "样品编号", 50, "left"), ("Parent", "母样", 44, "left"),
           ("Kind", "类型", 23, "left"), ("Mass", "质量", 26, "right"), ("Container", "容器", 22, "left"))
TAIL_H = 96.0  # total row, storage conditions, chain code and the signature boxes


def _when(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%Y-%m-%d") if moment else "—"


class _Sheet:
    def __init__(self, canvas: MmCanvas, sheet: HandoverSheet, bilingual: bool, pages: int) -> None:
        self.c, self.sheet, self.bilingual, self.pages = canvas, sheet, bilingual, pages
        self.page = 1

    def label(self, english: str, chinese: str) -> str:
        return f"{english} / {chinese}" if self.bilingual else english

    def header(self) -> float:
        c, s = self.c, self.sheet
        c.text(MARGIN, TOP, CONTENT_W - QR_SIZE - 4, 10, "Lunar sample handover sheet", 18, bold=True)
        y = TOP + 10
        if self.bilingual:
            c.text(MARGIN, y, CONTENT_W - QR_SIZE - 4, 8, "月球样品交接单", 14, bold=True)
            y += 8
        c.text(MARGIN, y, CONTENT_W - QR_SIZE - 4, 6, f"Allocation {s.reference}", 12, bold=True)
        qr_x = PAGE_W - MARGIN - QR_SIZE
        c.qr(qr_x, TOP - 3, QR_SIZE, s.reference)
        c.text(qr_x, TOP - 3 + QR_SIZE - 1, QR_SIZE, 4, s.reference, 7, align=Qt.AlignmentFlag.AlignHCenter)
        y = max(y + 9, TOP + QR_SIZE + 3)
        facts = [
            (self.label("Allocation reference", "借用编号"), s.reference),
            (self.label("Mission", "任务"), f"{s.mission_code} — {s.mission_name}"),
            (self.label("Institution", "借用单位"), s.institution + (f", {s.city}" if s.city else "")),
            (self.label("Country", "国家/地区"), f"{s.country} ({s.country_code})"),
            (self.label("Principal investigator", "项目负责人"), s.pi),
            (self.label("Approved mass", "批准质量"), f"{format_mass(s.approved_mass_ug)}  ·  "
             + f"approved {_when(s.approved_at)}" + (f" ({s.approved_by})" if s.approved_by else "")),
            (self.label("Handed over", "交接日期"), _when(s.handed_over_at) + "  ·  due back"
             + f" {s.due_date.isoformat() if s.due_date else '—'}  ·  {s.status}"),
        ]
        for name, value in facts:
            c.text(MARGIN, y, 58, ROW_H, name, 9, bold=True)
            c.text(MARGIN + 60, y, CONTENT_W - 60, ROW_H, value, 10)
            y += ROW_H
        c.text(MARGIN, y, 58, ROW_H, self.label("Purpose", "用途"), 9, bold=True)
        c.paragraph(MARGIN + 60, y + 0.8, CONTENT_W - 60, 2 * ROW_H - 0.8, s.purpose or "—", 10)
        return y + 2 * ROW_H + 3

    def continuation_header(self) -> float:
        self.c.text(MARGIN, TOP, CONTENT_W, 7, f"Handover sheet {self.sheet.reference} (continued)", 11, bold=True)
        return TOP + 11

    def table_header(self, y: float) -> float:
        height = ROW_H * (1.6 if self.bilingual else 1)
        x = MARGIN
        for english, chinese, width, align in COLUMNS:
            text = f"{english}\n{chinese}" if self.bilingual else english
            flag = Qt.AlignmentFlag.AlignRight if align == "right" else Qt.AlignmentFlag.AlignLeft
            if self.bilingual:
                self.c.paragraph(x + 1, y + 0.5, width - 2, height - 1, text, 8.5, bold=True, align=flag)
            else:
                self.c.text(x + 1, y, width - 2, height, text, 9, bold=True, align=flag)
            x += width
        self.c.line(MARGIN, y + height, MARGIN + CONTENT_W, y + height, 0.35)
        return y + height + 0.5

    def row(self, y: float, values: list[str], bold: bool = False) -> None:
        x = MARGIN
        for (_, _, width, align), value in zip(COLUMNS, values, strict=True):
            flag = Qt.AlignmentFlag.AlignRight if align == "right" else Qt.AlignmentFlag.AlignLeft
            self.c.text(x + 1, y, width - 2, ROW_H, value, 9.5, bold=bold, align=flag)
            x += width
        self.c.line(MARGIN, y + ROW_H, MARGIN + CONTENT_W, y + ROW_H, 0.1)

    def footer(self) -> None:
        text = (f"Curator · {self.sheet.reference} · chain of custody head {self.sheet.chain_code}"
                f" · page {self.page} / {self.pages}")
        self.c.text(MARGIN, FOOTER_Y, CONTENT_W, 5, text, 7.5, align=Qt.AlignmentFlag.AlignHCenter)

    def tail(self, y: float) -> None:
        c, s = self.c, self.sheet
        c.line(MARGIN, y, MARGIN + CONTENT_W, y, 0.35)
        total = self.label("Total", "合计") + f" ({len(s.items)} splits)"
        c.text(MARGIN + 1, y + 0.5, 120, ROW_H, total, 10, bold=True)
        mass_x = MARGIN + sum(width for _, _, width, _ in COLUMNS[:4])
        c.text(mass_x + 1, y + 0.5, COLUMNS[4][2] - 2, ROW_H, format_mass(s.total_ug), 10, bold=True,
               align=Qt.AlignmentFlag.AlignRight)
        y += ROW_H + 5
        c.text(MARGIN, y, CONTENT_W, 6, self.label("Storage conditions", "保存条件"), 10, bold=True)
        english, chinese = s.storage_conditions
        conditions = f"{english}\n{chinese}" if self.bilingual else english
        c.paragraph(MARGIN, y + 6.5, CONTENT_W, 13, conditions, 9.5)
        y += 21
        c.text(MARGIN, y, CONTENT_W, 5.5, self.label("Chain of custody head code", "监管链校验码") + f": {s.chain_code}"
               + "  (check with curator verify)", 9)
        y += 9
        self.signatures(y)

    def signatures(self, y: float) -> None:
        width, gap, height = (CONTENT_W - 8) / 2, 8.0, 44.0
        boxes = ((self.label("Released by (curator)", "发放人（样品管理员）"), self.sheet.approved_by),
                 (self.label("Received by (recipient)", "接收人"), self.sheet.pi))
        for index, (title, name) in enumerate(boxes):
            x = MARGIN + index * (width + gap)
            self.c.frame(x, y, width, height)
            self.c.text(x + 2, y + 1.5, width - 4, 6, title, 10, bold=True)
            lines = (("Name", "姓名"), ("Signature", "签名"), ("Date", "日期"))
            for line_index, (english, chinese) in enumerate(lines):
                line_y = y + 17 + line_index * 11
                self.c.text(x + 2, line_y - 5.5, 30, 5, self.label(english, chinese), 8.5)
                self.c.line(x + 32, line_y, x + width - 3, line_y, 0.2)
                if english == "Name" and name:
                    self.c.text(x + 33, line_y - 5.5, width - 37, 5, name, 9)


def page_count(sheet: HandoverSheet, bilingual: bool) -> int:
    """Pages needed: the first holds the facts, later ones only rows; the tail stays in one piece."""
    header_h = (TOP + QR_SIZE + 3 + 9 * ROW_H + 3) + ROW_H * (1.6 if bilingual else 1)
    more_h = TOP + 11 + ROW_H * (1.6 if bilingual else 1)
    y, pages = header_h, 1
    for _ in sheet.items:
        if y + ROW_H > FOOTER_Y - 3:
            pages, y = pages + 1, more_h
        y += ROW_H
    return pages + (1 if y + TAIL_H > FOOTER_Y - 2 else 0)


def render_handover(device: QPagedPaintDevice, sheet: HandoverSheet, bilingual: bool = False) -> int:
    """Draw the sheet on ``device`` (page size A4 already set); returns the number of pages."""
    with canvas_on(device) as canvas:
        page = _Sheet(canvas, sheet, bilingual, page_count(sheet, bilingual))
        y = page.table_header(page.header())
        for index, item in enumerate(sheet.items, start=1):
            y = room_for(page, device, y, ROW_H, FOOTER_Y - 3,
                         lambda: page.table_header(page.continuation_header()))
            page.row(y, [str(index), item.number, item.parent or "—", item.kind, format_mass(item.mass_ug),
                         item.container or "—"])
            y += ROW_H
        y = room_for(page, device, y, TAIL_H, FOOTER_Y - 2, page.continuation_header)
        page.tail(y + 1)
        page.footer()
        return page.page


def write_handover_pdf(path: str | os.PathLike[str], sheet: HandoverSheet, bilingual: bool = False,
                       replace: bool = False, database: str | os.PathLike[str] | None = None) -> int:
    """Write the handover sheet as an A4 PDF (see ui.printing.write_pdf); returns the number of pages."""
    return write_pdf(path, f"Handover sheet {sheet.reference}", PAGE_W, PAGE_H,
                     lambda writer: render_handover(writer, sheet, bilingual), replace, database)


__all__ = ["render_handover", "write_handover_pdf", "page_count", "set_page"]

"""Domain refusals carry a code and parameters: the Chinese desk says them in Chinese, the English desk and
the command line keep the domain's English message."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

import build_translations
from curator.catalogue import read_catalogue
from curator.directory import identify, sign_in
from curator.errors import ConflictError, CuratorError, NotFoundError, PermissionDenied, Refusal, RuleViolation
from curator.grids import parse_grid
from curator.handling import correct
from curator.inventory import weigh
from curator.loan_limits import check_due_date
from curator.loan_results import normalise_doi
from curator.locations import location_kind, retire_location
from curator.mass import parse_mass
from curator.pins import check_pin_policy
from curator.storage.db import Database, failure_error, open_database
from tests.ui.conftest import CURATOR, PRIMARY, TECHNICIAN
from ui.language import install_translators, remove_translators
from ui.refusals import SENTENCES, refusal_text, row_error_text, said


@pytest.fixture
def chinese(tmp_path: Path, qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    installed = install_translators(qapp, QLocale("zh_CN"), build_translations.compile_all(out=tmp_path)[0].parent)
    yield
    remove_translators(installed)


def refused(call, *args, **kwargs) -> CuratorError:  # type: ignore[no-untyped-def]
    with pytest.raises(CuratorError) as caught:
        call(*args, **kwargs)
    return caught.value


def test_every_refusal_code_has_a_sentence() -> None:
    assert set(SENTENCES) == set(Refusal)


def test_a_refusal_keeps_its_english_message_and_names_its_code(demo_db: Database) -> None:
    error = refused(identify, demo_db, "NO-SUCH-CODE")
    assert isinstance(error, NotFoundError) and error.code == Refusal.UNKNOWN_SCAN
    assert str(error) == "unknown code 'NO-SUCH-CODE': no sample, container or location has it"
    assert error.params == {"code": "NO-SUCH-CODE"}
    stale = refused(weigh, demo_db, TECHNICIAN, PRIMARY, 1_000, expected_ug=1)
    assert isinstance(stale, ConflictError) and stale.code == Refusal.STALE_MASS
    assert stale.params["seen"] == "1 µg" and "changed since you opened it" in str(stale)


def test_the_english_desk_shows_the_domain_message(demo_db: Database) -> None:
    error = refused(identify, demo_db, "NO-SUCH-CODE")
    assert refusal_text(error) == str(error)


def test_the_chinese_desk_says_the_refusals_a_technician_meets(chinese, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    unknown = refusal_text(refused(identify, demo_db, "NO-SUCH-CODE"))
    assert unknown == "未知编码 NO-SUCH-CODE：没有样品、容器或位置使用它"
    stale = refusal_text(refused(weigh, demo_db, TECHNICIAN, PRIMARY, 1_000, expected_ug=1))
    assert stale.startswith(f"{PRIMARY} 在您打开后已有变动") and "1 µg" in stale
    wrong_pin = refused(sign_in, demo_db, TECHNICIAN, "000000")
    assert isinstance(wrong_pin, PermissionDenied)
    assert refusal_text(wrong_pin) == "Li Wei 的 PIN 错误（再错 4 次将被锁定）"
    status = RuleViolation("cannot weigh X: it is on loan", code=Refusal.STATUS_FORBIDS,
                           params={"action": "weigh", "number": "X", "status": "on_loan"})
    assert refusal_text(status) == "无法称重 X：其状态为借出中"
    assert refusal_text(refused(parse_mass, "12 xg")).startswith("质量 12 xg 的单位 xg 无法识别")
    assert refusal_text(refused(parse_mass, "1,500 g")).endswith("请写作 1500 g 或 1.5 g")


def test_a_mass_field_says_what_is_wrong_in_chinese(chinese, qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.widgets.mass_edit import MassEdit

    field = MassEdit()
    qtbot.addWidget(field)
    field.setText("-3 mg")
    assert field.value_ug is None and field.error == "质量 -3 mg 为负数：质量必须大于或等于零"


def test_an_error_without_a_code_or_with_odd_parameters_keeps_its_message(chinese) -> None:  # type: ignore[no-untyped-def]
    assert refusal_text(RuleViolation("something else")) == "something else"
    odd = NotFoundError("no sample 'X'", code=Refusal.UNKNOWN_SAMPLE, params={})
    assert refusal_text(odd) == "no sample 'X'"


def test_the_chinese_desk_says_the_rarer_rules(chinese, demo_db: Database) -> None:  # type: ignore[no-untyped-def]

    assert refusal_text(refused(check_pin_policy, "12345")) == "PIN 至少需要 6 位数字（或 8 个字符的口令）"
    assert refusal_text(refused(check_pin_policy, "111111")).startswith("该 PIN 太容易被猜到")
    assert refusal_text(refused(correct, demo_db, CURATOR, 1, " ")) == "请填写原因"
    assert refusal_text(refused(correct, demo_db, CURATOR, 10**9, "typo")) == f"没有事件 {10**9}"


def test_the_chinese_desk_says_storage_and_database_refusals(chinese, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    busy = failure_error("desk.db", sqlite3.OperationalError("database is locked"))
    assert refusal_text(busy) == "desk.db：数据库忙：另一台工作站锁定时间过长；请重试（database is locked）"
    assert refusal_text(refused(retire_location, demo_db, CURATOR, "NOWHERE-9")).startswith("没有位置 NOWHERE-9")
    assert refusal_text(refused(parse_grid, "4 by 6")) == "网格 4 by 6 不是“行x列”的格式，例如 4x6"
    assert refusal_text(refused(location_kind, "attic")).startswith("attic 不在可选项中")


def test_the_chinese_desk_says_loan_refusals(chinese) -> None:  # type: ignore[no-untyped-def]
    assert refusal_text(refused(normalise_doi, "doi 42")).startswith("doi 42 不是 DOI")
    early = refused(check_due_date, date(2026, 1, 1), datetime(2026, 2, 1, tzinfo=UTC))
    assert refusal_text(early) == "归还期限 2026-01-01 早于申请日期（2026-02-01）"
    status = RuleViolation("cannot hand over allocation R: it is cancelled", code=Refusal.ALLOCATION_STATUS_FORBIDS,
                           params={"action": "hand over", "reference": "R", "status": "cancelled"})
    assert refusal_text(status).startswith("无法交接分配 R：其状态为") and "cancelled" not in refusal_text(status)


def test_the_chinese_desk_says_bad_catalogue_rows(chinese, demo_db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    catalogue = tmp_path / "catalogue.csv"
    catalogue.write_text("ID,Type,Weight (mg)\nCE5-NEW-1,soil,\nCE5-NEW-2,moon cheese,5\nCE5-NEW-1,soil,5\n",
                         encoding="utf-8")
    plan = read_catalogue(demo_db, catalogue, "CE5")
    assert [row_error_text(error) for error in plan.errors] == [
        "第 2 行：缺少质量", "第 3 行：未知类型 moon cheese", "第 4 行：编号 CE5-NEW-1 重复（第 2 行也有）"]
    assert [str(error) for error in plan.errors][0] == "row 2: missing mass"
    assert refusal_text(refused(read_catalogue, demo_db, catalogue, "CE9")) == "未知任务 CE9"


def test_the_status_bar_says_a_vanished_database_file_in_chinese(chinese, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = open_database(tmp_path / "desk.db", create=True)
    (tmp_path / "desk.db").unlink()
    problem = db.file_problem()
    assert problem is not None and problem.code == Refusal.DB_GONE
    assert said(problem.code, problem.params, problem.message).startswith(f"数据库文件 {tmp_path / 'desk.db'} 不见了")
    db.dispose()

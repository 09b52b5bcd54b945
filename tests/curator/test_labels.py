"""Label templates as data, label values, QR matrices and the Code 128 encoder (no Qt here)."""

from __future__ import annotations

import json

import pytest

from curator.errors import NotFoundError, ValidationError
from curator.outputs import code128
from curator.outputs.labels import TEMPLATES_DIR, get_template, label_data, pages, parse_template, qr_matrix, templates
from curator.storage.db import Database


def test_templates_are_data_files_with_true_sizes() -> None:
    found = templates()
    assert {"62x29", "2x1in", "a4-3x8", "62x40-code128"} <= set(found)
    assert (found["62x29"].page_width, found["62x29"].page_height) == (62, 29)
    assert (found["2x1in"].label_width, found["2x1in"].label_height) == (50.8, 25.4)
    sheet = found["a4-3x8"]
    assert (sheet.page_width, sheet.page_height, sheet.per_page) == (210, 297, 24)
    assert sheet.origin(23)[0] + sheet.label_width <= 210 and sheet.origin(23)[1] + sheet.label_height <= 297
    assert {path.stem for path in TEMPLATES_DIR.glob("*.json")} == set(found)


def test_every_box_lies_inside_its_label() -> None:
    for template in templates().values():
        boxes = [template.qr, *(spec.box for spec in template.fields)]
        boxes += [template.barcode] if template.barcode else []
        for box in boxes:
            assert box.x >= 0 and box.y >= 0, template.name
            assert box.x + box.width <= template.label_width + 1e-9, template.name
            assert box.y + box.height <= template.label_height + 1e-9, template.name


def test_a_malformed_or_unknown_template_is_refused() -> None:
    data = json.loads((TEMPLATES_DIR / "62x29.json").read_text(encoding="utf-8"))
    data["fields"][0]["values"] = ["colour"]
    with pytest.raises(ValidationError, match="unknown values"):
        parse_template(data)
    del data["grid"]
    with pytest.raises(ValidationError, match="malformed"):
        parse_template(data)
    with pytest.raises(ValidationError, match="no label template 'huge'.*62x29"):
        get_template("huge")


def test_label_values_for_samples_and_containers(demo_db: Database) -> None:
    sample, container = label_data(demo_db, ["CE5C0400YJFM00501", "LSL-00001"])
    assert sample.code == "CE5C0400YJFM00501"
    assert sample.values["mission"] == "CE5" and sample.values["container"] == "LSL-00001"
    assert sample.values["mass"].endswith(" g") and sample.values["date"] == "2020-12-19"
    assert container.code == "LSL-00001" and container.values["id"] == "LSL-00001"
    assert "jar" in container.values["kind"]


def test_an_unknown_id_stops_everything(demo_db: Database) -> None:
    with pytest.raises(NotFoundError, match="unknown ID 'NOPE-1'"):
        label_data(demo_db, ["CE5C0400YJFM00501", "NOPE-1"])
    with pytest.raises(ValidationError):
        label_data(demo_db, [])


def test_pages_fill_sheets_row_by_row(demo_db: Database) -> None:
    labels = label_data(demo_db, ["LSL-00001"] * 30)
    placed = pages(get_template("a4-3x8"), labels)
    assert [len(page) for page in placed] == [24, 6]
    assert placed[0][1][:2] == (70.0, 0.5) and placed[0][3][:2] == (0.0, 37.5)
    assert len(pages(get_template("62x29"), labels)) == 30


def test_qr_matrix_is_square_without_quiet_zone() -> None:
    matrix = qr_matrix("CE5C0400YJFM00501-01-02")
    assert len(matrix) == len(matrix[0]) == 25  # version 2: 23 alphanumerics at level M
    assert all(matrix[0][:7]) and all(matrix[6][:7])  # finder pattern edge


def test_code128_patterns_and_check_symbol() -> None:
    assert all(sum(map(int, pattern)) == 11 for pattern in code128.PATTERNS[:106])
    assert sum(map(int, code128.PATTERNS[106])) == 13
    # "PJJ123C": 104 + 48*1 + 42*2 + 42*3 + 17*4 + 18*5 + 19*6 + 35*7 = 879; 879 mod 103 = 55.
    assert code128.symbols("PJJ123C") == [104, 48, 42, 42, 17, 18, 19, 35, 55, 106]


def test_code128_uses_set_c_for_long_digit_runs() -> None:
    assert code128.symbols("123456")[0] == code128.START_C
    assert code128.symbols("123456")[1:4] == [12, 34, 56]
    mixed = code128.symbols("CE5C0400YJFM00505")
    # "0400" in the middle stays in set B; the final "00505": "0" in B, then "05", "05" in set C.
    assert mixed[-6:-2] == [ord("0") - 32, code128.CODE_C, 5, 5]
    apollo = code128.symbols("70017,111")
    assert apollo[:4] == [code128.START_B, ord("7") - 32, code128.CODE_C, 0] and apollo[4] == 17
    with pytest.raises(ValidationError):
        code128.symbols("µg")


def test_container_labels_summarise_what_is_inside(db: Database) -> None:
    from curator import inventory
    from tests.factories import TECH, sample, seed

    seed(db)
    sample(db, "CE5-A", 2_000, barcode="JAR-1")
    sample(db, "CE5-B", 3_000, barcode="JAR-2")
    inventory.add_container(db, TECH, "BOX-1", "box")
    inventory.put_in_container(db, TECH, "CE5-A", "BOX-1")
    inventory.put_in_container(db, TECH, "CE5-B", "BOX-1")
    inventory.add_container(db, TECH, "EMPTY-1", "vial")
    box, empty, inside = label_data(db, ["BOX-1", "EMPTY-1", "CE5-B"])
    assert box.values["kind"] == "box, 2 samples" and box.values["mass"] == "5 mg"
    assert empty.values["kind"] == "vial, empty" and empty.values["mass"] == ""
    assert inside.values["container"] == "BOX-1" and inside.code == "CE5-B"


def test_positions_and_shelves_get_labels_holding_their_barcode(demo_db: Database) -> None:
    from curator.demo import FACILITY
    from curator.occupancy import list_locations

    shelf = f"{FACILITY} / Glove-box room / Glove box G1 / Shelf 4"
    position = list_locations(demo_db, shelf)[0]
    by_path, by_code = label_data(demo_db, [shelf, position.barcode.lower()])
    assert by_path.values["kind"] == "shelf Shelf 4" and by_path.code.startswith("LOC-")
    assert by_code.code == position.barcode and by_code.values["kind"] == "position A1"
    assert by_code.values["container"].endswith("Glove box G1 / Shelf 4")
    assert label_data(demo_db, [shelf], "zh")[0].values["kind"] == "层架 Shelf 4"


def test_labels_in_chinese_or_both_name_the_kind_and_mission(demo_db: Database) -> None:
    english, chinese, both = (label_data(demo_db, ["CE5C0400YJFM00501", "LSL-00001"], language)
                              for language in ("en", "zh", "both"))
    assert (english[0].values["mission"], english[0].values["kind"]) == ("CE5", "powder")
    assert (chinese[0].values["mission"], chinese[0].values["kind"]) == ("嫦娥五号", "粉末")
    assert (both[0].values["mission"], both[0].values["kind"]) == ("Chang'e-5 嫦娥五号", "powder 粉末")
    assert chinese[1].values["kind"] == "粉末，装于样品罐"
    assert both[1].values["kind"] == "powder in jar 粉末，装于样品罐"
    # masses, dates and IDs read the same in every language
    for name in ("id", "mass", "date", "container"):
        assert english[0].values[name] == chinese[0].values[name] == both[0].values[name]
    prefixed = next(spec for spec in get_template("62x29").fields if spec.prefix)
    assert prefixed.text(chinese[0]) == "容器 LSL-00001" and prefixed.text(both[0]) == "Container 容器 LSL-00001"
    with pytest.raises(ValidationError, match="unknown language"):
        label_data(demo_db, ["CE5C0400YJFM00501"], "de")

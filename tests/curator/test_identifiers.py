"""Issue 10 section 3: identifiers that scanners and people can trust."""

import unicodedata

import pytest
from factories import ADMIN, SHELF, TECH, sample, seed

from curator import inventory
from curator.errors import ValidationError
from curator.identifiers import clean_code, operator_skeleton
from curator.lookup import find_code, get_container, get_sample
from curator.operators import add_operator, find_operator


@pytest.fixture
def positions(db):
    return seed(db)


@pytest.mark.parametrize(("code", "why"), [
    ("CE5\u200bC0400", "invisible"),            # zero-width space
    ("VIAL\u202e1-2", "bidi-override"),          # right-to-left override
    ("LSL\u2066-00001", "bidi-override"),        # isolate
    ("JAR\x07-1", "control"),
    ("JAR\ufeff-1", "invisible"),                # byte order mark
    ("СE5C0400", "Cyrillic letter 'С'"),        # Cyrillic Es
    ("LSL-0000\u039f", "Greek letter 'Ο'"),     # Greek Omicron
    (" \t ", "empty"),
])
def test_codes_with_hidden_or_lookalike_characters_are_refused_with_the_reason(code: str, why: str) -> None:
    with pytest.raises(ValidationError, match=why):
        clean_code(code, "barcode")


def test_codes_are_normalised_nfc_and_trimmed() -> None:
    decomposed = unicodedata.normalize("NFD", "JAR-É1")
    assert decomposed != "JAR-É1"
    assert clean_code(f"  {decomposed}\r\n", "barcode") == "JAR-É1"


def test_every_creation_refuses_hidden_characters(db, positions) -> None:
    with pytest.raises(ValidationError, match="invisible"):
        inventory.receive_sample(db, TECH, "CE5\u200bX1", "CE5", "powder", 1_000)
    with pytest.raises(ValidationError, match="Cyrillic"):
        inventory.add_container(db, TECH, "VIАL-9", "vial")  # Cyrillic A
    with pytest.raises(ValidationError, match="mixes Latin letters"):
        inventory.add_location(db, TECH, SHELF, "position", "Pоsition 9")  # Cyrillic o
    number = sample(db)
    with pytest.raises(ValidationError, match="bidi"):
        inventory.split(db, TECH, number, [inventory.ChildSpec(10, "X\u202e1")])


def test_samples_barcodes_and_locations_share_one_namespace(db, positions) -> None:
    number = sample(db, barcode="JAR-1")
    with pytest.raises(ValidationError, match="already used by container JAR-1"):
        inventory.receive_sample(db, TECH, "jar-1", "CE5", "powder", 1_000)
    with pytest.raises(ValidationError, match=f"already used by sample {number}"):
        inventory.add_container(db, TECH, number.lower(), "vial")
    with pytest.raises(ValidationError, match="already used by location Lab"):
        inventory.add_container(db, TECH, "LAB", "vial")
    with pytest.raises(ValidationError, match="already used by container JAR-1"):
        inventory.split(db, TECH, number, [inventory.ChildSpec(10, "Jar-1")])
    with pytest.raises(ValidationError, match=f"already used by sample {number}"):
        inventory.add_location(db, TECH, None, "facility", number)


def test_scans_match_sample_numbers_and_barcodes_in_any_case(db, positions) -> None:
    number = sample(db, barcode="JAR-1")
    with db.read() as session:
        assert get_sample(session, number.lower()).number == number
        assert get_container(session, " jar-1\r\n").barcode == "JAR-1"
        assert find_code(session, "jar-1").barcode == "JAR-1"
        assert find_code(session, number.lower()).number == number


@pytest.mark.parametrize("lookalike", [
    "Tеss Tech",         # Cyrillic e
    "Tess\u200b Tech",   # zero-width space: refused as hidden
    "TESS TECH",         # only case differs
    "Tess  Tech",        # doubled space
    "Τess Tech",         # Greek Tau
    "Ｔｅｓｓ Ｔｅｃｈ",   # full-width letters (NFKC)
])
def test_operator_names_that_only_look_different_are_refused(db, positions, lookalike: str) -> None:
    refused = pytest.raises(ValidationError, match="looks the same as the existing operator|invisible")
    with db.write() as session, refused:
        add_operator(session, lookalike, "technician", "704182", find_operator(session, ADMIN))


def test_operators_of_other_scripts_are_welcome(db, positions) -> None:
    with db.write() as session:
        admin = find_operator(session, ADMIN)
        for name in ("李伟", "张敏", "Ольга", "Ivan", "Иван"):
            assert add_operator(session, name, "technician", "704182", admin).name == name
    assert operator_skeleton("Ivan") != operator_skeleton("Иван")  # И is no lookalike of a Latin letter

"""Property tests on what people type and scanners send: the mass parser and the scan lookup never
crash, never invent a value, and find exactly what carries a code."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

import pytest
from factories import TECH, sample, seed
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from curator import inventory
from curator.errors import NotFoundError, ValidationError
from curator.lookup import find_code
from curator.mass import ABSURD_MASS_UG, format_mass, parse_mass
from curator.storage.db import Database, open_database
from curator.storage.models import Sample

UNITS = ["ug", "µg", "μg", "mcg", "mg", "g", "kg", "MG", "G"]
SEPARATORS = [" ", "\u00a0", "\u202f", "'"]
masses = st.integers(min_value=0, max_value=ABSURD_MASS_UG)
any_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)


# --- the mass parser ---------------------------------------------------------------------------


@settings(deadline=None)
@given(any_text, st.one_of(st.none(), st.integers(min_value=0, max_value=10**15)))
def test_any_text_gives_a_bounded_mass_or_a_validation_error(text: str, limit: int | None) -> None:
    try:
        value = parse_mass(text, limit_ug=limit)
    except ValidationError as exc:
        assert str(exc)  # always says why
        return
    assert isinstance(value, int) and 0 <= value
    assert limit is None or value <= limit


@settings(deadline=None)
@given(masses, st.sampled_from(["µg", "mg", "g"]), st.sampled_from(SEPARATORS))
def test_thousands_separators_never_change_the_value(micrograms: int, unit: str, separator: str) -> None:
    whole, _, fraction = format_mass(micrograms, unit).split()[0].partition(".")
    grouped = f"{int(whole):,}".replace(",", separator)
    text = f"{grouped}.{fraction} {unit}" if fraction else f"{grouped} {unit}"
    assert parse_mass(text) == micrograms


@settings(deadline=None)
@given(masses, st.sampled_from(["µg", "mg", "g"]))
def test_a_decimal_comma_means_the_same_as_a_point(micrograms: int, unit: str) -> None:
    number = format_mass(micrograms, unit).split()[0]
    whole, _, fraction = number.partition(".")
    text = f"{number.replace('.', ',')} {unit}"
    if int(whole) != 0 and len(fraction) == 3:  # "1,500 g" could be either: refused, naming both
        with pytest.raises(ValidationError, match="ambiguous"):
            parse_mass(text)
    else:
        assert parse_mass(text) == micrograms


@settings(deadline=None)
@given(masses, st.sampled_from(UNITS), st.text(" \t\r\n\u00a0", max_size=3), st.text(" \t\r\n", max_size=3))
def test_surrounding_whitespace_and_unit_case_are_ignored(micrograms: int, unit: str, before: str,
                                                          after: str) -> None:
    canonical = unit.lower().replace("mcg", "ug").replace("μ", "µ")
    if canonical not in ("ug", "µg"):
        micrograms -= micrograms % {"mg": 1_000, "g": 1_000_000, "kg": 1_000_000_000}[canonical]
    number = format_mass(micrograms, {"ug": "µg"}.get(canonical, canonical)).split()[0]
    assume(parse_mass(f"{number} {canonical}", limit_ug=None) <= ABSURD_MASS_UG)
    assert parse_mass(f"{before}{number} {unit}{after}") == micrograms


@settings(deadline=None)
@given(st.integers(min_value=1, max_value=ABSURD_MASS_UG), st.sampled_from(["µg", "mg", "g"]))
def test_negative_masses_are_always_refused(micrograms: int, unit: str) -> None:
    with pytest.raises(ValidationError, match="negative"):
        parse_mass(f"-{format_mass(micrograms, unit)}")


@settings(deadline=None)
@given(st.integers(min_value=1, max_value=9), st.integers(min_value=7, max_value=12))
def test_sub_microgram_precision_is_refused_not_rounded(digit: int, places: int) -> None:
    with pytest.raises(ValidationError, match="finer than one microgram"):
        parse_mass(f"0.{'0' * places}{digit} g")


# --- the scan lookup ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def scan_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    db = open_database(tmp_path_factory.mktemp("scan") / "scan.db")
    seed(db)
    sample(db, "CE5C0400YJFM00505", barcode="JAR-1")
    yield db
    db.dispose()


codes = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zs", "Zl", "Zp")), min_size=1, max_size=40)
scanner_noise = st.sampled_from(["", " ", "\r", "\n", "\r\n", "\t", "  \n"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(codes, min_size=1, max_size=4, unique=True), scanner_noise, scanner_noise)
def test_a_scanned_barcode_finds_its_container(scan_db: Database, barcodes: list[str], before: str,
                                               after: str) -> None:
    """Every barcode is either refused with its reason (hidden characters, lookalike letters, a code
    another record holds in any case) or found again by a noisy scan of it."""
    added = []
    for barcode in barcodes:
        try:
            inventory.add_container(scan_db, TECH, barcode, "vial")
        except ValidationError as exc:
            assert any(why in str(exc) for why in ("already", "invisible", "control", "bidi", "looks like", "empty"))
            continue
        added.append(barcode)
    with scan_db.read() as session:
        for barcode in added:
            for scanned in (barcode, _swap_ascii_case(barcode)):
                found = find_code(session, f"{before}{scanned}{after}")
                assert _key(getattr(found, "barcode", None) or found.number) == _key(barcode)


def _swap_ascii_case(code: str) -> str:
    """What a scanner sends with Caps Lock on (sample numbers and barcodes match in any case)."""
    return "".join(char.swapcase() if char.isascii() else char for char in code)


def _key(code: str) -> str:
    return unicodedata.normalize("NFC", code).strip().upper()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(any_text)
def test_any_scan_finds_exactly_its_code_or_says_unknown(scan_db: Database, text: str) -> None:
    with scan_db.read() as session:
        try:
            found = find_code(session, text)
        except NotFoundError as exc:
            assert "unknown code" in str(exc) or "nothing was scanned" in str(exc)
            return
    assert _key(text) in (_key(getattr(found, "barcode", "")), _key(getattr(found, "number", "")))


def test_a_barcode_equal_to_a_sample_number_is_refused(scan_db: Database) -> None:
    """Sample numbers, barcodes and location paths share one namespace, whatever the case."""
    for code in ("CE5C0400YJFM00505", "ce5c0400yjfm00505"):
        with pytest.raises(ValidationError, match="already used by sample CE5C0400YJFM00505"):
            inventory.add_container(scan_db, TECH, code, "vial")
    with scan_db.read() as session:
        assert isinstance(find_code(session, " ce5c0400yjfm00505\r\n"), Sample)


def test_nothing_scanned(scan_db: Database) -> None:
    with scan_db.read() as session, pytest.raises(NotFoundError, match="nothing was scanned"):
        find_code(session, " \r\n")

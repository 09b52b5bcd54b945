import pytest
from hypothesis import given
from hypothesis import strategies as st

from curator.errors import ValidationError
from curator.mass import format_mass, parse_mass


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12.5 mg", 12_500),
        ("0.0125 g", 12_500),
        ("12500 ug", 12_500),
        ("12 500 µg", 12_500),
        ("12500 μg", 12_500),
        ("1,5 g", 1_500_000),
        ("0,500 g", 500_000),
        ("1 234.5 mg", 1_234_500),
        ("2.18 g", 2_180_000),
        ("0", 0),
        ("7", 7_000),
        ("3 MG", 3_000),
    ],
)
def test_parses_common_notations(text: str, expected: int) -> None:
    assert parse_mass(text) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("-3 mg", "negative"),
        ("abc", "not a number"),
        ("12 pounds", "unknown unit"),
        ("0.0000001 g", "finer than one microgram"),
        ("5000 g", "more than"),
        ("1.2.3 mg", "not a number"),
        ("1,500 mg", "ambiguous"),
        ("1,234.5 mg", "more than one decimal separator"),
    ],
)
def test_rejects_bad_masses_with_a_clear_reason(text: str, reason: str) -> None:
    with pytest.raises(ValidationError, match=reason):
        parse_mass(text)


def test_limit_is_configurable() -> None:
    with pytest.raises(ValidationError, match="more than"):
        parse_mass("2 g", limit_ug=1_000_000)
    assert parse_mass("2 g", limit_ug=None) == 2_000_000


def test_formats_exactly_in_a_fitting_unit() -> None:
    assert format_mass(12_500) == "12.5 mg"
    assert format_mass(2_180_000) == "2.18 g"
    assert format_mass(7) == "7 µg"
    assert format_mass(0) == "0 µg"
    assert format_mass(1_731_000_000_001) == "1731000.000001 g"
    assert format_mass(1_500, "mg") == "1.5 mg"


@given(st.integers(min_value=0, max_value=2_000_000_000), st.sampled_from(["µg", "mg", "g"]))
def test_format_then_parse_round_trips(micrograms: int, unit: str) -> None:
    assert parse_mass(format_mass(micrograms, unit)) == micrograms


@given(st.text(max_size=30))
def test_any_text_either_parses_or_raises_validation_error(text: str) -> None:
    try:
        value = parse_mass(text)
    except ValidationError:
        return
    assert isinstance(value, int) and value >= 0

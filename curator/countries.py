"""ISO 3166-1 alpha-2 country codes and the names people read (from pycountry)."""

from __future__ import annotations

from functools import cache

import pycountry

from curator.errors import ValidationError


@cache
def country_name(code: str) -> str:
    """The full, common English name of a country code; the code itself if unknown."""
    country = pycountry.countries.get(alpha_2=code.upper())
    if country is None:
        return code
    return getattr(country, "common_name", None) or country.name


def check_country(code: str) -> str:
    """The upper-case code if it is a real ISO 3166-1 alpha-2 code, else a ValidationError."""
    code = code.strip().upper()
    if len(code) != 2 or pycountry.countries.get(alpha_2=code) is None:
        raise ValidationError(f"{code!r} is not an ISO 3166-1 alpha-2 country code (e.g. FR, DE, JP)")
    return code

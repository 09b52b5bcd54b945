"""ISO 3166-1 alpha-2 country codes, the names people read (from pycountry, in English or Chinese), and how
the lending agency groups them.

The one place that says how figures per country count a region: the agency counts institutions in Hong
Kong and Macao as domestic, so per-country reports, charts and the workbook put them under China, shown as
"China (Macao)" where the region helps. The institution keeps its own ISO code (HK, MO) everywhere else.
"""

from __future__ import annotations

import gettext
from functools import cache

import pycountry

from curator.errors import Refusal, ValidationError

#: Regions that figures per country count under another country: region code -> country code.
REPORTED_UNDER: dict[str, str] = {"HK": "CN", "MO": "CN"}
#: Languages a country name can be given in ("en", "zh").
NAME_LANGUAGES = ("en", "zh")


@cache
def _chinese() -> gettext.NullTranslations:
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"], fallback=True)


@cache
def country_name(code: str, language: str = "en") -> str:
    """The common name of a country code in English ("en") or Chinese ("zh"); the code itself if unknown."""
    country = pycountry.countries.get(alpha_2=code.upper())
    if country is None:
        return code
    name = getattr(country, "common_name", None) or country.name
    return _chinese().gettext(name) if language == "zh" else name


def reported_country(code: str) -> str:
    """The country code a figure per country counts ``code`` under: CN for HK and MO, else ``code``."""
    code = code.upper()
    return REPORTED_UNDER.get(code, code)


def reported_country_name(code: str, language: str = "en") -> str:
    """The country an institution in ``code`` is reported under, with the region where it is one:
    "China (Macao)" / "中国（澳门）" for MO, "France" for FR."""
    country = reported_country(code)
    if country == code.upper():
        return country_name(code, language)
    if language == "zh":
        return f"{country_name(country, language)}（{country_name(code, language)}）"
    return f"{country_name(country, language)} ({country_name(code, language)})"


def check_country(code: str) -> str:
    """The upper-case code if it is a real ISO 3166-1 alpha-2 code, else a ValidationError."""
    code = code.strip().upper()
    if len(code) != 2 or pycountry.countries.get(alpha_2=code) is None:
        raise ValidationError(f"{code!r} is not an ISO 3166-1 alpha-2 country code (e.g. FR, DE, JP)",
                              code=Refusal.NOT_A_COUNTRY, params={"code": code})
    return code


def country_choices(language: str = "en") -> list[tuple[str, str]]:
    """(code, name) of every ISO 3166-1 country, by name in ``language``: what a person picks a country from."""
    return sorted(((country.alpha_2, country_name(country.alpha_2, language)) for country in pycountry.countries),
                  key=lambda choice: choice[1])

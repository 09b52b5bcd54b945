"""The desk's translations: the .ts files match the code (lupdate changes nothing), every entry is
translated keeping its placeholders, the glossary's terms are used, and the compiled .qm speaks Chinese."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings

import build_translations
from ui.language import LANGUAGE_KEY, desk_locale, install_translators, remove_translators

PLACEHOLDER = re.compile(r"\{\w*\}|%L?n")
GLOSSARY = Path(__file__).resolve().parents[2] / "docs" / "glossary-zh.md"


def messages(language: str) -> list[ET.Element]:
    return list(ET.parse(build_translations.ts_file(language)).iter("message"))


def translations(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    forms = translation.findall("numerusform")
    return [form.text or "" for form in forms] if forms else [translation.text or ""]


@pytest.mark.parametrize("language", build_translations.LANGUAGES)
def test_the_ts_file_is_up_to_date_with_the_code(language: str, tmp_path: Path) -> None:
    """Running the update over a copy changes nothing: no string of the desk is missing or left over.
    If this fails: `make translations` (or `python build_translations.py update`), then translate."""
    copy = tmp_path / build_translations.ts_file(language).name
    shutil.copy(build_translations.ts_file(language), copy)
    build_translations.update(copy, language)
    assert copy.read_text(encoding="utf-8") == build_translations.ts_file(language).read_text(encoding="utf-8"), (
        "resources/translations is out of date with ui/: run `make translations` and translate the new entries "
        "(see docs/translations.md)")


@pytest.mark.parametrize("language", build_translations.LANGUAGES)
def test_every_entry_is_translated_and_keeps_its_placeholders(language: str) -> None:
    problems = []
    for message in messages(language):
        source = message.findtext("source") or ""
        state = message.find("translation").get("type")  # type: ignore[union-attr]
        if state is not None:
            problems.append(f"{state}: {source!r}")
            continue
        for text in translations(message):
            if not text.strip():
                problems.append(f"empty: {source!r}")
            elif sorted(PLACEHOLDER.findall(text)) != sorted(PLACEHOLDER.findall(source)):
                problems.append(f"placeholders differ: {source!r} -> {text!r}")
            elif source.count("&") - source.count("&&") != text.count("&") - text.count("&&"):
                problems.append(f"keyboard shortcut (&) lost: {source!r} -> {text!r}")
    assert not problems, "\n".join(problems)


def glossary() -> dict[str, list[str]]:
    """English term -> its Chinese words, from the table in docs/glossary-zh.md."""
    rows = re.findall(r"^\|\s*([a-z][a-z /-]*?)\s*\|\s*([^|]+?)\s*\|", GLOSSARY.read_text(encoding="utf-8"), re.M)
    return {english: [word.strip() for word in chinese.split("/")] for english, chinese in rows}


def test_the_chinese_desk_uses_the_glossary_terms() -> None:
    """A label that is exactly a glossary term is translated by the glossary's word."""
    terms = glossary()
    assert {"sample", "split", "chain of custody", "curator", "technician"} <= terms.keys()
    wrong = []
    for message in messages("zh_CN"):
        source = (message.findtext("source") or "").replace("&", "").rstrip(":…").lower()
        if source in terms and not any(word in translations(message)[0] for word in terms[source]):
            wrong.append(f"{source!r} -> {translations(message)[0]!r}, glossary: {terms[source]}")
    assert not wrong, "\n".join(wrong)


@pytest.fixture
def compiled(tmp_path: Path) -> Path:
    """The .ts files compiled by lrelease, as the build does."""
    build_translations.compile_all(out=tmp_path)
    return tmp_path


def test_the_compiled_translation_speaks_chinese(compiled: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    installed = install_translators(qapp, QLocale("zh_CN"), compiled)
    try:
        assert len(installed) == 2  # Qt's own (OK, Cancel...) and Curator's
        assert QCoreApplication.translate("SamplesTableModel", "Sample number") == "样品编号"
        assert QCoreApplication.translate("PrintLabelsDialog", "%n label(s)", "", 3) == "3 张标签"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    finally:
        remove_translators(installed)
    assert QCoreApplication.translate("SamplesTableModel", "Sample number") == "Sample number"


def test_english_counts_say_one_or_many(compiled: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    installed = install_translators(qapp, QLocale("en_US"), compiled)
    try:
        assert QCoreApplication.translate("PrintLabelsDialog", "%n label(s)", "", 1) == "1 label"
        assert QCoreApplication.translate("PrintLabelsDialog", "%n label(s)", "", 2) == "2 labels"
    finally:
        remove_translators(installed)


def test_the_language_follows_the_system_unless_chosen(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "desk.ini"), QSettings.Format.IniFormat)
    assert desk_locale(settings) == QLocale.system()
    settings.setValue(LANGUAGE_KEY, "zh_CN")
    assert desk_locale(settings).name() == "zh_CN"
    assert desk_locale(settings, "en").language() == QLocale.Language.English  # --language wins


def test_tools_language_is_remembered_for_the_next_start(window) -> None:  # type: ignore[no-untyped-def]
    chinese = next(action for action in window.language_choices.actions() if action.data() == "zh_CN")
    assert window.language_choices.checkedAction().data() == ""  # the system's, until chosen
    chinese.trigger()
    assert window.settings.value(LANGUAGE_KEY) == "zh_CN"
    assert "starts next" in window.statusBar().currentMessage()
    assert desk_locale(window.settings).name() == "zh_CN"


def test_every_member_of_a_shown_vocabulary_has_a_translatable_word() -> None:
    """A member added to EventKind (or any vocabulary ui/text.py shows) needs its word in ui/text.py's
    _WORDS, or the desk shows it untranslated."""
    from ui.text import _WORDS

    missing = [f"{type(member).__name__}.{member.name}" for vocabulary in {type(key) for key in _WORDS}
               for member in vocabulary if member and member not in _WORDS]  # "" (not stated) shows empty
    assert not missing, missing


def test_the_shipped_label_templates_have_translatable_titles() -> None:
    from curator.outputs.labels import templates
    from ui.dialogs.print_dialog import TEMPLATE_TITLES

    assert {template.title for template in templates().values()} <= set(map(str, TEMPLATE_TITLES))

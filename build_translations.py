"""The desk's translations: update the .ts files from the code (lupdate) and compile them to .qm (lrelease).

    python build_translations.py update    # after adding or changing a user-visible string in ui/
    python build_translations.py compile   # .ts -> .qm beside it (make run/test do it; so does the wheel build)

build_hook.py compiles them into the wheel. Qt's tools ship in the PySide6-Essentials wheel.
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent
TRANSLATIONS = ROOT / "resources" / "translations"
#: The desk's languages and whether their .ts holds only the plural forms: the English one just turns
#: "%n label(s)" into "1 label" / "2 labels". One curator_LANG.ts each.
LANGUAGES = {"zh_CN": False, "en": True}
#: Only the desk is translated; the command line (ui/cli) keeps English.
SOURCES = ROOT / "ui"


EXTRACOMMENT = re.compile(r"\n *<extracomment>.*?</extracomment>", re.S)


def qt_tool(name: str) -> Path:
    """lupdate or lrelease as shipped inside the PySide6 package (the one that reads Python)."""
    import PySide6

    return Path(PySide6.__file__).parent / name


def ts_file(language: str, folder: Path = TRANSLATIONS) -> Path:
    return folder / f"curator_{language}.ts"


def source_files(root: Path = ROOT) -> list[str]:
    """Every desk module, in a fixed order, relative to ``root``."""
    ui = root / "ui"
    return sorted(str(path.relative_to(root)) for path in ui.rglob("*.py") if "cli" not in path.relative_to(ui).parts)


def update(ts: Path, language: str, root: Path = ROOT) -> str:
    """Run lupdate over the desk's code into ``ts``: new strings come in unfinished, vanished ones go.
    No line numbers are stored and the "#:" comments lupdate would attach to the next string are dropped,
    so moving code or editing a comment changes nothing. Returns lupdate's summary."""
    command = [str(qt_tool("lupdate")), *source_files(root), "-locations", "none", "-no-obsolete",
               "-target-language", language, *(["-pluralonly"] if LANGUAGES[language] else []), "-ts", str(ts)]
    done = subprocess.run(command, cwd=root, capture_output=True, text=True, check=True)
    text = ts.read_text(encoding="utf-8")
    ts.write_text(EXTRACOMMENT.sub("", text), encoding="utf-8")
    return done.stdout.strip()


def fill_english_plurals(ts: Path) -> int:
    """Give each unfinished English plural its two forms from the source: "%n label(s)" -> "%n label",
    "%n labels". Returns how many it filled (a source without "(s)" is left for a person)."""
    tree = ET.parse(ts)
    filled = 0
    for message in tree.iter("message"):
        source, translation = message.findtext("source") or "", message.find("translation")
        if translation is None or translation.get("type") != "unfinished" or "(s)" not in source:
            continue
        for form, text in zip(translation.findall("numerusform"), (source.replace("(s)", ""),
                                                                     source.replace("(s)", "s")), strict=True):
            form.text = text
        del translation.attrib["type"]
        filled += 1
    if filled:
        tree.write(ts, encoding="utf-8", xml_declaration=True)
    return filled


def compile_ts(ts: Path, qm: Path) -> None:
    """Compile one .ts to .qm (unfinished entries are left out, so they show in English)."""
    subprocess.run([str(qt_tool("lrelease")), "-silent", str(ts), "-qm", str(qm)], check=True)


def compile_all(folder: Path = TRANSLATIONS, out: Path | None = None) -> list[Path]:
    written = []
    for language in LANGUAGES:
        qm = (out or folder) / f"curator_{language}.qm"
        compile_ts(ts_file(language, folder), qm)
        written.append(qm)
    return written


def main(argv: list[str]) -> int:
    if argv == ["update"]:
        for language, plurals_only in LANGUAGES.items():
            print(update(ts_file(language), language))
            if plurals_only and fill_english_plurals(ts_file(language)):
                update(ts_file(language), language)  # back in lupdate's own layout
        print("now translate the entries marked unfinished (see docs/translations.md)")
        return 0
    if argv == ["compile"]:
        for qm in compile_all():
            print(f"compiled {qm.relative_to(ROOT)}")
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

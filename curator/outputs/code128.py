"""A small Code 128 encoder (ISO/IEC 15417): code set B for text, code set C for runs of digits.

``modules(text)`` gives the bar/space widths in modules, starting with a bar, ready to draw.
"""

from __future__ import annotations

from curator.errors import Refusal, ValidationError

#: Bar/space widths of symbol values 0-106 (103-105: start A/B/C, 106: stop).
PATTERNS = (
    "212222", "222122", "222221", "121223", "121322", "131222", "122213", "122312", "132212", "221213",
    "221312", "231212", "112232", "122132", "122231", "113222", "123122", "123221", "223211", "221132",
    "221231", "213212", "223112", "312131", "311222", "321122", "321221", "312212", "322112", "322211",
    "212123", "212321", "232121", "111323", "131123", "131321", "112313", "132113", "132311", "211313",
    "231113", "231311", "112133", "112331", "132131", "113123", "113321", "133121", "313121", "211331",
    "231131", "213113", "213311", "213131", "311123", "311321", "331121", "312113", "312311", "332111",
    "314111", "221411", "431111", "111224", "111422", "121124", "121421", "141122", "141221", "112214",
    "112412", "122114", "122411", "142112", "142211", "241211", "221114", "413111", "241112", "134111",
    "111242", "121142", "121241", "114212", "124112", "124211", "411212", "421112", "421211", "212141",
    "214121", "412121", "111143", "111341", "131141", "114113", "114311", "411113", "411311", "113141",
    "114131", "311141", "411131", "211412", "211214", "211232", "2331112",
)
START_B, START_C, STOP = 104, 105, 106
CODE_B, CODE_C = 100, 99  # "switch to" symbols, valid in the other set
QUIET_ZONE_MODULES = 10


def _digit_run(text: str, start: int) -> int:
    end = start
    while end < len(text) and text[end].isdigit():
        end += 1
    return end - start


def symbols(text: str) -> list[int]:
    """Symbol values: start, data, check symbol, stop. Printable ASCII only."""
    if not text:
        raise ValidationError("a Code 128 barcode needs some text", code=Refusal.BARCODE_EMPTY)
    bad = [c for c in text if not 32 <= ord(c) <= 126]
    if bad:
        raise ValidationError(f"Code 128 (set B) cannot carry {bad[0]!r}", code=Refusal.BARCODE_CHARACTER,
                              params={"character": bad[0]})
    values: list[int] = []
    code_set = ""
    i = 0
    while i < len(text):
        run = _digit_run(text, i)
        at_start, reaches_end = i == 0, i + run == len(text)
        wants_c = run >= 4 and (at_start or reaches_end or run >= 6) or (at_start and run == len(text) == 2)
        if wants_c:
            if run % 2:  # an odd run: one digit in set B first, the even rest in set C
                if code_set != "B":
                    values.append(START_B if not values else CODE_B)
                    code_set = "B"
                values.append(ord(text[i]) - 32)
                i += 1
                run -= 1
            values.append(START_C if not values else CODE_C)
            code_set = "C"
            for k in range(i, i + run, 2):
                values.append(int(text[k:k + 2]))
            i += run
            continue
        if code_set != "B":
            values.append(START_B if not values else CODE_B)
            code_set = "B"
        values.append(ord(text[i]) - 32)
        i += 1
    check = (values[0] + sum(position * value for position, value in enumerate(values[1:], start=1))) % 103
    return [*values, check, STOP]


def modules(text: str) -> list[int]:
    """Widths in modules of the bars and spaces of ``text``'s barcode, first a bar, without quiet zones."""
    return [int(width) for value in symbols(text) for width in PATTERNS[value]]


def total_modules(text: str) -> int:
    """Width of the barcode in modules, quiet zones included."""
    return sum(modules(text)) + 2 * QUIET_ZONE_MODULES

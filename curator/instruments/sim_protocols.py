"""The simulated balance's two languages: bytes in, commands out, reply lines back (CR LF)."""

from __future__ import annotations

from curator.instruments.simulator import Shown, SimulatedBalance


class MtSicsResponder:
    """Commands end in CR LF; the reply to each is one line (or nothing, when the script says silent)."""

    def __init__(self, balance: SimulatedBalance) -> None:
        self.balance, self.buffer = balance, b""

    def feed(self, data: bytes) -> bytes:
        self.buffer += data
        replies = b""
        while b"\n" in self.buffer:
            line, self.buffer = self.buffer.split(b"\n", 1)
            command = line.decode("ascii", errors="replace").strip()
            if command:
                replies += self.answer(command)
        return replies

    def answer(self, command: str) -> bytes:
        balance = self.balance
        head = command.split()[0]
        if head == "I4":
            return _line(f'I4 A "{balance.serial}"')
        if head == "I2":
            return _line(f'I2 A "{balance.model}"')
        if head in ("S", "SI"):
            return self._weight("S", balance.next_stable() if head == "S" else balance.next_value())
        if head in ("Z", "ZI"):
            shown = balance.set_zero()
            return self._weight("Z", shown) if shown.kind != "stable" else _line("Z A")
        if head == "T":
            return self._weight("T", balance.set_zero())
        return _line("ES")

    @staticmethod
    def _weight(header: str, shown: Shown) -> bytes:
        if shown.kind == "silent":
            return b""
        sign = "-" if shown.value < 0 else ""
        status = {"stable": "S", "unstable": "D", "overload": "+", "underload": "-", "busy": "I"}.get(shown.kind)
        if status is None:  # "error"
            return _line("EL")
        if status in "SD":
            return _line(f"{header} {status} {sign + shown.number:>10} {shown.unit}")
        return _line(f"{header} {status}")


class SbiResponder:
    """Commands are ESC and one capital letter, or ESC, letters, digits and ``_``; CR LF after them optional."""

    def __init__(self, balance: SimulatedBalance, with_id: bool = False) -> None:
        self.balance, self.buffer, self.with_id = balance, b"", with_id

    def feed(self, data: bytes) -> bytes:
        self.buffer += data
        replies = b""
        while True:
            start = self.buffer.find(b"\x1b")
            if start < 0:
                self.buffer = b""
                return replies
            rest = self.buffer[start + 1:]
            if not rest:
                self.buffer = self.buffer[start:]
                return replies
            if rest[:1].isupper():
                command, self.buffer = rest[:1].decode(), rest[1:]
            elif b"_" in rest:
                end = rest.index(b"_")
                command, self.buffer = rest[:end + 1].decode("ascii", errors="replace"), rest[end + 1:]
            else:
                self.buffer = self.buffer[start:]
                return replies
            replies += self.answer(command)

    def answer(self, command: str) -> bytes:
        balance = self.balance
        if command == "x1_":
            return _line(balance.model)
        if command == "x2_":
            return _line(balance.serial)
        if command in ("T", "U", "V"):
            balance.set_zero()
            return b""
        if command == "P":
            return self._print(balance.next_value())
        return b""  # SBI answers no other command

    def _print(self, shown: Shown) -> bytes:
        if shown.kind == "silent":
            return b""
        body = {"overload": "      High    ", "underload": "      Low     ", "error": "Err  54       "}.get(shown.kind)
        if body is None:
            sign = "-" if shown.value < 0 else "+"
            unit = shown.unit if shown.kind == "stable" else ""
            body = f"{sign} {shown.number:>8} {unit:<3}"
        return _line((f"{'N':<6}" if self.with_id else "") + body)


def _line(text: str) -> bytes:
    return text.encode("ascii") + b"\r\n"

"""Issue 16: weigh a sample from a balance (the simulator on a real pseudo-terminal and on TCP), record where
the mass came from, and refuse what a balance cannot vouch for."""

import subprocess
import sys
from pathlib import Path

import pytest
from factories import PINS, TECH, sample, seed

from curator.describe import describe
from curator.instruments.balance import open_balance, read_stable
from curator.instruments.sim_server import running_simulator
from curator.instruments.simulator import SimulatedBalance
from ui.cli import main

NUMBER = "CE5C0400YJFM00505"


@pytest.fixture(autouse=True)
def signs_as_tech(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CURATOR_PIN", PINS[TECH])


@pytest.fixture
def number(db, db_path):
    seed(db)
    sample(db, NUMBER, mass_ug=12_500_000)
    db.dispose()
    return NUMBER


def record(db_path, capsys, *args: str) -> tuple[int, str, str]:
    code = main(["record", "weighed", NUMBER, "--operator", TECH, "--db", str(db_path), *args])
    out, err = capsys.readouterr()
    return code, out, err


def weighings(db):
    return [row for row in describe(db, NUMBER)["history"] if row["kind"] == "weighed"]


@pytest.mark.parametrize("protocol", ["mtsics", "sbi"])
@pytest.mark.parametrize("tcp", [False, True], ids=["pty", "tcp"])
def test_a_stable_reading_is_recorded_with_the_balance_serial(db, db_path, number, capsys, protocol, tcp) -> None:
    balance = SimulatedBalance("unstable 12.4987 g x2; stable 12.5012 g", model="XPR205", serial="B123456789")
    with running_simulator(protocol, balance, tcp=tcp) as served:
        assert served.uri.startswith(f"{protocol}+tcp://127.0.0.1:" if tcp else f"{protocol}:///dev/pts/")
        code, out, err = record(db_path, capsys, "--balance", served.uri, "--timeout", "5")
    assert (code, err) == (0, "")
    assert "weighed 12.5012 g (read from XPR205, serial B123456789" in out
    [event] = weighings(db)
    assert event["mass_ug"] == 12_501_200
    facts = event["facts"]
    assert facts["source"] == "balance"
    assert {k: facts["balance"][k] for k in ("protocol", "model", "serial", "stable")} == {
        "protocol": protocol, "model": "XPR205", "serial": "B123456789", "stable": True}
    assert "12.5012 g" in facts["balance"]["raw"] and facts["balance"]["read_at"].startswith("20")
    assert describe(db, NUMBER)["mass_ug"] == 12_501_200


def test_an_overload_is_refused_and_nothing_is_recorded(db, db_path, number, capsys) -> None:
    for protocol in ("mtsics", "sbi"):
        with running_simulator(protocol, SimulatedBalance("unstable 12.4 g; overload")) as served:
            code, out, err = record(db_path, capsys, "--balance", served.uri)
        assert code == 2 and out == ""
        assert err.startswith("curator: the balance is overloaded") and err.count("\n") == 1
    assert weighings(db) == []


def test_each_trouble_is_one_line_and_records_nothing(db, db_path, number, capsys) -> None:
    for script, message in [
        ("underload", "below its range"), ("error", "logical error"), ("silent", "did not answer within 2 s"),
        ("drift 12.5000 g +0.0002", "no stable value within 1 s (last 12.50"), ("stable -0.0030 g", "below zero"),
    ]:
        with running_simulator("mtsics", SimulatedBalance(script)) as served:
            code, _out, err = record(db_path, capsys, "--balance", served.uri, "--timeout", "1")
        assert code == 2 and message in err and err.count("\n") == 1, (script, err)
    assert weighings(db) == []


def test_no_balance_there_is_one_line(db_path, number, capsys, tmp_path: Path) -> None:
    code, _out, err = record(db_path, capsys, "--balance", f"mtsics://{tmp_path}/ttyUSB9")
    assert code == 2 and err.startswith("curator: cannot open the balance at ") and err.count("\n") == 1


def test_a_typed_mass_is_recorded_as_typed_and_one_source_only(db, db_path, number, capsys) -> None:
    assert record(db_path, capsys, "--mass", "12.5 g")[0] == 0
    assert weighings(db)[0]["facts"]["source"] == "typed"
    code, _out, err = record(db_path, capsys, "--mass", "12.5 g", "--balance", "mtsics+tcp://127.0.0.1:1")
    assert code == 2 and "--mass '12.5 mg' or --balance URI (one of them)" in err
    with running_simulator("mtsics", SimulatedBalance("stable 12.5001 g")) as served:
        assert record(db_path, capsys, "--balance", served.uri)[0] == 0
    assert main(["report", "--sources", "--db", str(db_path)]) == 0
    assert capsys.readouterr().out.startswith("weighings: 2, read from a balance: 1 (50 %), typed: 1")


def test_zero_and_tare_reach_the_balance() -> None:
    for protocol in ("mtsics", "sbi"):
        with running_simulator(protocol, SimulatedBalance("stable 3.0000 g; stable 15.5000 g")) as served:
            balance = open_balance(served.uri)
            balance.tare()
            assert read_stable(balance).micrograms == 0
            assert read_stable(balance).shown == "12.5000 g"  # the container's 3 g tared off
            balance.close()


def test_balance_sim_command_prints_its_pty_and_serves(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    command = [sys.executable, str(root / "main.py"), "balance-sim", "--protocol", "sbi", "--serial", "S-42",
               "--script", "stable 1.2345 g"]
    sim = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, cwd=tmp_path)
    try:
        assert sim.stdout is not None
        uri = sim.stdout.readline().strip()
        assert uri.startswith("sbi:///dev/pts/")
        balance = open_balance(uri)
        assert balance.identity().serial == "S-42"
        assert read_stable(balance).micrograms == 1_234_500
        balance.close()
    finally:
        sim.terminate()
        sim.wait(10)

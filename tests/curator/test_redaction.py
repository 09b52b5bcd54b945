"""No database password in any message, title or log line, for every URL form and for a driver's error
that echoes the URL or its connection string."""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import quote

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy.exc import OperationalError

from curator.errors import DatabaseError
from curator.redaction import RedactingFormatter, redact
from curator.storage import server
from curator.storage.db import Database, describe_failure, resolve_url
from ui.cli import main

SECRET = "Sup3r-Secret"
URL_FORMS = [
    f"postgresql://alice:{SECRET}@localhost:1/curator",
    f"postgresql+psycopg://alice:{SECRET}@localhost:1/curator",
    f"postgres://alice:{SECRET}@localhost:1/curator",
    f"postgresql+psycopg://alice@localhost:1/curator?password={SECRET}",
    f"postgresql+psycopg:///curator?host=/nonexistent&password={SECRET}",
    f"postgresql+psycopg://alice:{quote(SECRET + '@/%', safe='')}@localhost:1/curator",
    f"postgresql+psycopg://alice:{SECRET}@localhost:notaport/curator",
    f"postgresql+psycopg://alice:{SECRET}@[::1/curator",
    f"mysql://alice:{SECRET}@localhost/curator",
    f"nosuchdb+driver://alice:{SECRET}@localhost/curator",
]


@pytest.mark.parametrize("url", URL_FORMS)
@pytest.mark.parametrize("command", [["verify"], ["report", "--by", "country"], ["init"], ["gui"]])
def test_no_command_prints_the_password(url: str, command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*command, "--db", url]) == 2
    out, err = capsys.readouterr()
    assert SECRET not in out + err and quote(SECRET, safe="") not in out + err
    assert len(err.strip().splitlines()) == 1, err


@pytest.mark.parametrize("url", [u for u in URL_FORMS if "notaport" not in u and "[::1" not in u])
def test_the_display_name_never_holds_the_password(url: str) -> None:
    try:
        database = Database(resolve_url(url))
    except DatabaseError as exc:  # no driver for it: the refusal is checked above
        assert SECRET not in str(exc)
        return
    assert SECRET not in database.display_name and "curator" in database.display_name
    database.dispose()


def test_migrate_to_with_the_password_in_the_target_url(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["migrate-to", URL_FORMS[1], "--db", str(tmp_path / "none.db")]) == 2
    assert SECRET not in "".join(capsys.readouterr())


def test_a_misplaced_url_in_an_argument_error_is_redacted(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["verify", URL_FORMS[0]])
    err = capsys.readouterr().err
    assert "unrecognized arguments" in err and SECRET not in err


def driver_error(message: str) -> OperationalError:
    return OperationalError("SELECT 1", {}, Exception(message))


@pytest.mark.parametrize("echo", [
    f"invalid dsn: host=db user=alice password={SECRET} dbname=curator",
    f"invalid dsn: host=db user=alice password='{SECRET} x' dbname=curator",
    f"could not connect to postgresql://alice:{SECRET}@db/curator",
    f"bad options {{'user': 'alice', 'password': '{SECRET}'}}",
    f"authentication failed (PWD={SECRET};UID=alice)",
])
def test_a_driver_error_that_echoes_the_dsn_is_redacted(echo: str) -> None:
    assert SECRET not in describe_failure(driver_error(echo))
    assert SECRET not in str(server.connection_lost("db", driver_error(echo), committing=True))


def test_a_remembered_password_is_hidden_in_any_form() -> None:
    resolve_url(f"postgresql+psycopg://alice:{quote('pa ss/w@rd!', safe='')}@db/curator")
    assert redact("the driver said: pa ss/w@rd! was refused") == "the driver said: *** was refused"
    assert redact("quoted pa%20ss%2Fw%40rd%21 too") == "quoted *** too"


def test_the_log_never_holds_the_password(tmp_path: Path) -> None:
    handler = logging.FileHandler(tmp_path / "desk.log", encoding="utf-8")
    handler.setFormatter(RedactingFormatter("%(levelname)s %(message)s"))
    log = logging.getLogger("test.redaction")
    log.addHandler(handler)
    try:
        try:
            raise RuntimeError(f"cannot reach {URL_FORMS[3]}")
        except RuntimeError:
            log.exception("opening %s failed", URL_FORMS[0])
    finally:
        log.removeHandler(handler)
        handler.close()
    written = (tmp_path / "desk.log").read_text(encoding="utf-8")
    assert "RuntimeError" in written and "Traceback" in written and SECRET not in written


passwords = st.text(st.characters(min_codepoint=33, max_codepoint=0x2FF), min_size=1, max_size=24)


@settings(deadline=None)
@given(passwords, st.sampled_from(["postgresql", "postgresql+psycopg", "postgres", "mysql+pymysql"]))
def test_any_password_in_any_url_form_is_masked(password: str, scheme: str) -> None:
    encoded = quote(password, safe="")
    assert redact(f"{scheme}://alice:{encoded}@db:5432/curator") == f"{scheme}://alice:***@db:5432/curator"
    assert redact(f"{scheme}://alice@db/curator?sslmode=require&password={encoded}&x=1") == (
        f"{scheme}://alice@db/curator?sslmode=require&password=***&x=1")
    assert redact(f"host=db password={encoded} user=alice") == "host=db password=*** user=alice"

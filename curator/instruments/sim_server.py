"""Serve a simulated balance on a pseudo-terminal (a serial port as far as any program can tell) or a TCP
port, until stopped. Used by ``curator balance-sim`` and by the tests (``running_simulator``)."""

from __future__ import annotations

import os
import select
import socket
import threading
import tty
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from curator.instruments.sim_protocols import MtSicsResponder, SbiResponder
from curator.instruments.simulator import SimulatedBalance

Responder = MtSicsResponder | SbiResponder


def responder_for(protocol: str, balance: SimulatedBalance) -> Responder:
    return MtSicsResponder(balance) if protocol == "mtsics" else SbiResponder(balance)


@dataclass
class Served:
    """Where a simulator listens: its URI, and the event that stops it."""

    uri: str
    stop: threading.Event


def open_pty() -> tuple[int, int, str]:
    """(master, slave, slave path) of a new pseudo-terminal in raw mode: bytes pass unchanged, no echo."""
    master, slave = os.openpty()
    tty.setraw(slave)
    return master, slave, os.ttyname(slave)


def serve_pty(protocol: str, balance: SimulatedBalance, master: int, stop: threading.Event) -> None:
    responder = responder_for(protocol, balance)
    while not stop.is_set():
        ready, _, _ = select.select([master], [], [], 0.05)
        if not ready:
            continue
        try:
            data = os.read(master, 4096)
        except OSError:  # no program holds the terminal open at the moment
            stop.wait(0.05)
            continue
        reply = responder.feed(data)
        if reply:
            os.write(master, reply)


def serve_tcp(protocol: str, balance: SimulatedBalance, server: socket.socket, stop: threading.Event) -> None:
    server.settimeout(0.05)
    while not stop.is_set():
        try:
            connection, _ = server.accept()
        except TimeoutError:
            continue
        threading.Thread(target=_serve_connection, args=(responder_for(protocol, balance), connection, stop),
                         daemon=True).start()
    server.close()


def _serve_connection(responder: Responder, connection: socket.socket, stop: threading.Event) -> None:
    connection.settimeout(0.05)
    with connection:
        while not stop.is_set():
            try:
                data = connection.recv(4096)
            except TimeoutError:
                continue
            except OSError:
                return
            if not data:
                return
            reply = responder.feed(data)
            if reply:
                connection.sendall(reply)


def listen_tcp(host: str = "127.0.0.1", port: int = 0) -> socket.socket:
    server = socket.create_server((host, port))
    server.listen()
    return server


@contextmanager
def running_simulator(protocol: str, balance: SimulatedBalance, tcp: bool = False,
                      host: str = "127.0.0.1") -> Iterator[Served]:
    """A simulator serving in a background thread while the block runs; ``.uri`` opens it."""
    stop = threading.Event()
    work: Callable[[], None]
    if tcp:
        server = listen_tcp(host)
        uri = f"{protocol}+tcp://{host}:{server.getsockname()[1]}"
        work = lambda: serve_tcp(protocol, balance, server, stop)  # noqa: E731
        closing: list[int] = []
    else:
        master, slave, path = open_pty()
        uri = f"{protocol}://{path}"
        work = lambda: serve_pty(protocol, balance, master, stop)  # noqa: E731
        closing = [master, slave]
    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    try:
        yield Served(uri, stop)
    finally:
        stop.set()
        thread.join(2)
        for fd in closing:
            os.close(fd)

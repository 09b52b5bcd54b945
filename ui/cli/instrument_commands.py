"""`curator balance-sim`: a balance in software on a pseudo-terminal or a TCP port, for demonstrations and
tests without hardware."""

from __future__ import annotations

import argparse
import os
import threading
from collections.abc import Callable

from curator.errors import ValidationError
from curator.instruments.sim_server import listen_tcp, open_pty, serve_pty, serve_tcp
from curator.instruments.simulator import DEFAULT_SCRIPT, SimulatedBalance
from curator.instruments.uris import BALANCE_PROTOCOLS


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    sim = commands.add_parser("balance-sim", help="serve a simulated balance on a pseudo-terminal or a TCP port")
    sim.add_argument("--protocol", choices=BALANCE_PROTOCOLS, required=True)
    sim.add_argument("--tcp", metavar="[HOST:]PORT",
                     help="listen on this TCP port (0: any free one) instead of a pseudo-terminal")
    sim.add_argument("--script", default=DEFAULT_SCRIPT,
                     help="readings, ';' between steps, 'xN' repeats, the last step for ever: stable/unstable VALUE "
                          "UNIT, drift VALUE UNIT +STEP, overload, underload, silent, error "
                          f"(default: {DEFAULT_SCRIPT!r})")
    sim.add_argument("--model", default="XPR205 Simulated", help="the model the balance reports")
    sim.add_argument("--serial", default="SIM0001", help="the serial number the balance reports")
    sim.set_defaults(run=run_balance_sim)


def run_balance_sim(args: argparse.Namespace) -> int:
    balance = SimulatedBalance(args.script, args.model, args.serial)
    stop = threading.Event()
    if args.tcp is not None:
        host, _, port = args.tcp.rpartition(":")
        server = listen_tcp(host or "127.0.0.1", _port(port))
        bound_host, bound_port = server.getsockname()[:2]
        print(f"{args.protocol}+tcp://{bound_host}:{bound_port}", flush=True)
        _until_interrupted(lambda: serve_tcp(args.protocol, balance, server, stop), stop)
        return 0
    master, slave, path = open_pty()
    print(f"{args.protocol}://{path}", flush=True)
    try:
        _until_interrupted(lambda: serve_pty(args.protocol, balance, master, stop), stop)
    finally:
        os.close(master)
        os.close(slave)
    return 0


def _port(text: str) -> int:
    if not text.isdigit() or int(text) > 65535:
        raise ValidationError(f"--tcp {text!r}: give a port number (0 picks a free one)")
    return int(text)


def _until_interrupted(serve: Callable[[], None], stop: threading.Event) -> None:
    """Serve until Ctrl+C or SIGTERM; the serving loop runs in a thread so the signal reaches this one."""
    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        while thread.is_alive():
            thread.join(0.5)
    finally:
        stop.set()

"""Gunicorn on 127.0.0.1 for a benchmark database, and bounded load with wrk against it.

The server runs in its own process group and is always stopped: SIGTERM, then SIGKILL of that group if it lingers.
"""

import contextlib
import os
import re
import signal
import socket
import subprocess
import time
import urllib.request

from bench.benchdb import REPO, server_environment

GUNICORN = REPO / ".venv" / "bin" / "gunicorn"
WRK = "/usr/bin/wrk"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def gunicorn(kind: str, workers: int = 2):
    """Yield the base URL of a gunicorn (sync workers) serving the benchmark site on the `kind` database."""
    port = free_port()
    command = [str(GUNICORN), "klusterplattform.wsgi:application", "--workers", str(workers), "--worker-class", "sync"]
    command += ["--bind", f"127.0.0.1:{port}", "--chdir", str(REPO), "--log-level", "warning"]
    process = subprocess.Popen(command, env=server_environment(kind), start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base + "/api/v1/regions", process)
        yield base
    finally:
        stop(process)


def wait_until_up(url: str, process, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}")
        with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=2) as response:
            if response.status == 200:
                return
        time.sleep(0.3)
    raise RuntimeError(f"gunicorn did not answer {url} within {timeout} s")


def stop(process) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=5)


def fetch_json(url: str):
    import json

    with urllib.request.urlopen(url, timeout=10) as response:
        return json.load(response)


def wrk(url: str, seconds: int, threads: int = 2, connections: int = 8) -> dict:
    """Bounded load (fixed connections and duration); requests/s, latency, and any error responses."""
    output = subprocess.run(
        [WRK, f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 30,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    median = re.search(r"50%\s+([\d.]+)(us|ms|s)", output)
    return {
        "rps": rps,
        "latency_p50_ms": _ms(*median.groups()) if median else None,
        "non_2xx": int(errors.group(1)) if errors else 0,
    }


def _ms(value: str, unit: str) -> float:
    return round(float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit], 2)

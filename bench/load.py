"""`casus serve` under load: requests/s and p50/p99 latency of the event list and the event
detail, alone and while `casus ingest` runs (docs/reliability.md, "Server under attack and load").

    .venv/bin/python bench/load.py [--duration 10] [--threads 2] [--connections 16]
        [--ingest ../shared/corpus/wikipedia]

What it does, all on 127.0.0.1 and bounded in time:

1. builds a store with ``casus ingest samples eval/docs`` into a temporary DuckDB file;
2. starts ``casus serve`` on it (no token: the file is opened read-only) on a free loopback port;
3. checks whether another process can write that same file while the server holds it (DuckDB:
   one process writes a file, and a writer excludes readers in other processes), with a
   ``casus ingest`` of one sample, bounded to 120 s;
4. runs ``wrk -t2 -c16 -d10s --latency`` on ``GET /api/events?limit=50`` and
   ``GET /api/events/{id}``, first alone, then while ``casus ingest`` of ``--ingest`` runs in
   the background into a second DuckDB file (restarted on a fresh file if it ends early, at
   most 5 times), on the same machine, so it competes for the CPU;
5. prints requests/s, p50/p99 latency, non-2xx and socket errors per endpoint and condition, and
   stops everything it started (the server, the ingest), by process id.

A measurement, not a test: it asserts nothing. Needs wrk (``apt-get install -y wrk``).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CASUS = str(ROOT / ".venv" / "bin" / "casus")
HOST = "127.0.0.1"  # loopback only, never anything else


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def run(cmd: list[str], timeout: float) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=timeout)


def stop(proc: subprocess.Popen | None) -> None:
    if proc is None or proc.poll() is not None:
        return
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(5)


def wait_up(url: str, proc: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"casus serve ended: {proc.stderr.read() if proc.stderr else ''}")
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("casus serve did not answer in time")


def to_ms(value: str) -> float:
    m = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value.strip())
    if not m:
        return float("nan")
    n, unit = float(m.group(1)), m.group(2)
    return n * {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 6e4}[unit]


def wrk(url: str, duration: int, threads: int, connections: int) -> dict:
    assert url.startswith(f"http://{HOST}:")
    cmd = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--timeout", "10s", "--latency", url]
    out = run(cmd, timeout=duration + 60).stdout
    found = {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
        "p50_ms": to_ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1)),
        "p99_ms": to_ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1)),
        "non_2xx": int(m.group(1)) if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", out)) else 0,
        "socket_errors": sum(map(int, m.groups())) if (m := re.search(
            r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)) else 0,
    }
    return found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--duration", type=int, default=10, help="seconds per wrk run (at most 60)")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--connections", type=int, default=16)
    ap.add_argument("--ingest", default=str(ROOT.parent / "shared" / "corpus" / "wikipedia"),
                    help="folder ingested in the background during the second round")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args()
    duration = max(1, min(args.duration, 60))
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: apt-get install -y wrk")

    tmp = Path(tempfile.mkdtemp(prefix="casus-load-"))
    server = ingest = None
    results: dict = {"duration_s": duration, "threads": args.threads, "connections": args.connections}
    try:
        db = tmp / "served.duckdb"
        t = time.monotonic()
        built = run([CASUS, "ingest", "samples", "eval/docs", "--db", str(db), "-q"], timeout=600)
        if built.returncode != 0:
            raise SystemExit(f"casus ingest failed: {built.stderr[-2000:]}")
        results["build_s"] = round(time.monotonic() - t, 1)

        port = free_port()
        base = f"http://{HOST}:{port}"
        server = subprocess.Popen([CASUS, "serve", "--db", str(db), "--host", HOST, "--port", str(port)],
                                  cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        wait_up(base + "/api/events?limit=1", server)
        with urllib.request.urlopen(base + "/api/events?limit=500", timeout=10) as r:
            page = json.load(r)
        results["events_in_store"] = page["total"]
        # an event with several claims: the detail is the heavier answer
        event_id = max(page["events"], key=lambda e: len(e["claims"]))["event_id"]
        urls = {"GET /api/events?limit=50": f"{base}/api/events?limit=50",
                "GET /api/events/{id}": f"{base}/api/events/{event_id}"}
        results["event_id"] = event_id

        # can another process write the file the server reads? (DuckDB's file lock)
        probe = run([CASUS, "ingest", "samples/raid-on-dioura-2023.txt", "--db", str(db), "-q"], timeout=120)
        lock = (probe.stderr or probe.stdout).strip().splitlines()
        results["same_file_ingest"] = {"exit": probe.returncode, "said": lock[-1][:300] if lock else ""}

        rows = []
        for label, url in urls.items():
            rows.append(("alone", label, wrk(url, duration, args.threads, args.connections)))

        corpus = Path(args.ingest)
        started, restarts, ingest_log = time.monotonic(), 0, []

        def start_ingest() -> subprocess.Popen:
            target = tmp / f"ingest-{len(ingest_log)}.duckdb"
            ingest_log.append(str(target))
            return subprocess.Popen([CASUS, "ingest", str(corpus), "--db", str(target), "-q"], cwd=ROOT,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

        ingest = start_ingest()
        time.sleep(5)  # past the model loading: extraction under way
        for label, url in urls.items():
            if ingest.poll() is not None and restarts < 5:
                restarts += 1
                ingest = start_ingest()
                time.sleep(5)
            rows.append(("during ingest", label, wrk(url, duration, args.threads, args.connections)))
        results["ingest"] = {"corpus": str(corpus), "still_running_at_end": ingest.poll() is None,
                             "restarts": restarts, "seconds": round(time.monotonic() - started, 1)}
        results["rows"] = [{"condition": c, "endpoint": e, **r} for c, e, r in rows]
        with urllib.request.urlopen(base + "/api/events?limit=1", timeout=10) as r:
            results["server_alive_after"] = r.status == 200
    finally:
        stop(ingest)
        stop(server)
        shutil.rmtree(tmp, ignore_errors=True)

    print(f"store: {results['events_in_store']} events (built in {results['build_s']} s); "
          f"wrk -t{args.threads} -c{args.connections} -d{duration}s on {HOST}; cpus: {os.cpu_count()}")
    print(f"ingest into the served file while serving: exit {results['same_file_ingest']['exit']}: "
          f"{results['same_file_ingest']['said']}")
    print(f"{'condition':<15}{'endpoint':<28}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'requests':>10}"
          f"{'non-2xx':>9}{'sock err':>9}")
    for row in results["rows"]:
        print(f"{row['condition']:<15}{row['endpoint']:<28}{row['rps']:>9.0f}{row['p50_ms']:>9.2f}"
              f"{row['p99_ms']:>9.2f}{row['requests']:>10}{row['non_2xx']:>9}{row['socket_errors']:>9}")
    print(f"background ingest: {results['ingest']}; server answering after: {results['server_alive_after']}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    sys.exit(main())

"""Bounded load test of the HTTP API on loopback: N ``POST /v1/code`` requests, C at a time.

Starts ``eventcoder serve`` in a subprocess on 127.0.0.1 (a free port, a throw-away store), waits for
``/v1/health``, sends the bundled example article ``--n`` times with ``--concurrency`` clients (httpx async)
and prints the latency distribution (p50, p95, max, mean; seconds, measured by the client from sending the
request to reading the whole response), the server's own coding time per request, throughput and the error
count (any non-200 answer or transport failure). ``--url`` targets a running server instead.

    .venv/bin/python bench/load_test.py --n 200 --concurrency 8

The server codes one article at a time (see ``eventcoder.web.app``), so with C clients a request waits for
about C-1 others: latency ~ C x coding time, throughput ~ 1 / coding time.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "nato-russia-brussels-2015.txt"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, port: int, log_path: Path) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "eventcoder.cli", "serve", "--db", str(db), "--host", "127.0.0.1",
           "--port", str(port)]
    log = open(log_path, "w")  # noqa: SIM115 - closed with the process
    return subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)


def wait_ready(url: str, proc: subprocess.Popen | None, timeout_s: float = 180) -> float:
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < timeout_s:
        if proc is not None and proc.poll() is not None:
            raise SystemExit(f"server exited with status {proc.returncode} before it was ready")
        try:
            if httpx.get(url + "/v1/health", timeout=2).status_code == 200:
                return time.perf_counter() - t0
        except httpx.HTTPError:
            pass
        time.sleep(0.25)
    raise SystemExit(f"server at {url} not ready within {timeout_s:g} s")


async def run_load(url: str, body: dict, n: int, concurrency: int, timeout_s: float) -> dict:
    latencies: list[float] = []
    server_ms: list[float] = []
    errors: dict[str, int] = {}
    queue: asyncio.Queue[int] = asyncio.Queue()
    for i in range(n):
        queue.put_nowait(i)
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)

    async with httpx.AsyncClient(base_url=url, timeout=timeout_s, limits=limits) as client:
        async def worker() -> None:
            while True:
                try:
                    queue.get_nowait()
                except asyncio.QueueEmpty:
                    return
                t0 = time.perf_counter()
                try:
                    r = await client.post("/v1/code", json=body)
                    await r.aread()
                    dt = time.perf_counter() - t0
                    if r.status_code == 200:
                        latencies.append(dt)
                        server_ms.append(r.json()["elapsed_ms"])
                    else:
                        errors[str(r.status_code)] = errors.get(str(r.status_code), 0) + 1
                except httpx.HTTPError as err:
                    errors[err.__class__.__name__] = errors.get(err.__class__.__name__, 0) + 1

        t_start = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        wall = time.perf_counter() - t_start

    q = statistics.quantiles(latencies, n=100, method="inclusive") if len(latencies) >= 2 else latencies * 99
    return {
        "requests": n, "concurrency": concurrency, "ok": len(latencies), "errors": sum(errors.values()),
        "error_kinds": errors, "wall_s": round(wall, 2), "throughput_rps": round(len(latencies) / wall, 2),
        "p50_s": round(q[49], 3) if q else None, "p95_s": round(q[94], 3) if q else None,
        "max_s": round(max(latencies), 3) if latencies else None,
        "mean_s": round(statistics.fmean(latencies), 3) if latencies else None,
        "server_coding_ms_mean": round(statistics.fmean(server_ms), 1) if server_ms else None,
        "server_coding_ms_p95": (round(statistics.quantiles(server_ms, n=100)[94], 1)
                                 if len(server_ms) >= 2 else None),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=200, help="requests (default 200)")
    ap.add_argument("--concurrency", type=int, default=8, help="clients at once (default 8)")
    ap.add_argument("--url", help="use this running server instead of starting one")
    ap.add_argument("--timeout", type=float, default=120, help="client timeout per request, seconds")
    ap.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    args = ap.parse_args(argv)
    if args.n < 1 or args.concurrency < 1:
        ap.error("--n and --concurrency must be positive")

    text = EXAMPLE.read_text(encoding="utf-8")
    body = {"text": text, "published": "2015-05-19"}
    proc = None
    with tempfile.TemporaryDirectory() as tmp:
        if args.url:
            url = args.url.rstrip("/")
            startup = wait_ready(url, None)
        else:
            port = free_port()
            url = f"http://127.0.0.1:{port}"
            proc = start_server(Path(tmp) / "load.duckdb", port, Path(tmp) / "server.log")
            startup = wait_ready(url, proc)
        try:
            httpx.post(url + "/v1/code", json=body, timeout=args.timeout)  # warm-up, not counted
            res = asyncio.run(run_load(url, body, args.n, args.concurrency, args.timeout))
        finally:
            if proc is not None:
                proc.terminate()
                try:
                    proc.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    proc.kill()
                log_text = (Path(tmp) / "server.log").read_text(errors="replace")
                if "Traceback" in log_text or "ERROR" in log_text:
                    print("server log tail:\n" + "\n".join(log_text.splitlines()[-10:]), file=sys.stderr)
    res.update(server_start_s=round(startup, 1), text_chars=len(text), cpus=os.cpu_count(),
               python=platform.python_version(), machine=platform.machine())
    print(f"POST /v1/code x {res['requests']} ({res['concurrency']} at a time), example article "
          f"({res['text_chars']} chars), {res['cpus']} CPUs")
    print(f"  latency  p50 {res['p50_s']} s   p95 {res['p95_s']} s   max {res['max_s']} s   "
          f"mean {res['mean_s']} s")
    print(f"  server coding time per request: mean {res['server_coding_ms_mean']} ms, "
          f"p95 {res['server_coding_ms_p95']} ms")
    print(f"  throughput {res['throughput_rps']} req/s over {res['wall_s']} s;  errors {res['errors']} "
          f"{res['error_kinds'] or ''}".rstrip())
    if args.json:
        Path(args.json).write_text(json.dumps(res, indent=2) + "\n")
    return 1 if res["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())

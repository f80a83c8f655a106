"""Load test of the HTTP API: concurrent clients on loopback against a real `plankg serve` process.

For each backend (embedded always; Neo4j when PLANKG_NEO4J_URI answers) and each data set (the seed
document alone; the seed plus a generated graph of --entities entities), this starts `plankg serve`
on a free 127.0.0.1 port, then for each endpoint runs --concurrency client threads (one keep-alive
httpx.Client each) for --duration seconds and prints requests/s and p50/p95/p99 latency:

  concept        GET /concepts/智慧社区/tasks      (the canonical question)
  search         GET /search?q=智慧社区
  neighbourhood  GET /graph/neighborhood/{task}?depth=2   (task: the concept answer's first task)
  healthz        GET /healthz, which touches no store: the ceiling of server + client on this machine
                 (the client threads share the CPUs with the server; read the figures against it)
  concept*, neighbourhood*   on the generated graph only: a generated concept that many tasks
                 mention, and the neighbourhood of a generated task whose plan has thousands of tasks

Beside req/s and latency each row prints the CPU milliseconds per request of the server process and
of the clients: on a busy 2-core machine throughput swings with the neighbours, CPU per request
much less (1,000 req/s needs well under 1 ms of server CPU per request).

Target, embedded default, concept question: >= 1,000 requests/s and p99 < 50 ms.

    python benchmarks/api_load.py                       # both data sets, every reachable backend
    python benchmarks/api_load.py --backends embedded --entities 0   # seed only, embedded only

Embedded data live in temporary PLANKG_DATA_DIRs that are removed afterwards. On Neo4j the seed stays
loaded (loads are idempotent); the generated plans, and the generated concepts and sectors nothing
else links to, are deleted again at the end.
The generated graph comes from benchmarks/bulk_load.py (the same generator as the bulk-load benchmark).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.support.corpus import SEED_DOCUMENT as SEED  # noqa: E402  (the checkout's shared corpus)

CONCEPT = "智慧社区"
# In bulk_load.synthetic_documents' graphs: a concept each plan's tasks mention, and a task of a big plan.
GENERATED_CONCEPT = "概念1"
GENERATED_TASK = "bench-plan-0-task-0"
TARGET_RPS = 1000.0
TARGET_P99_MS = 50.0
LOOPBACK = "127.0.0.1"


# ------------------------------------------------------------------ measuring


@dataclass
class Measurement:
    backend: str
    dataset: str
    endpoint: str
    path: str
    seconds: float
    latencies: list[float] = field(default_factory=list)  # seconds, successful requests only
    errors: dict[str, int] = field(default_factory=dict)  # status code or exception name -> count
    note: str = ""
    server_cpu: float = 0.0  # CPU seconds the server process used in the measured window
    client_cpu: float = 0.0  # CPU seconds this process (the client threads) used in it

    @property
    def requests(self) -> int:
        return len(self.latencies) + sum(self.errors.values())

    @property
    def rps(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0

    def percentile_ms(self, q: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        index = min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))
        return ordered[index] * 1000

    def cpu_ms_per_request(self, cpu_seconds: float) -> float:
        return cpu_seconds / self.requests * 1000 if self.requests else float("nan")


@dataclass
class Window:
    latencies: list[float]
    errors: dict[str, int]
    server_cpu: float
    client_cpu: float


def process_cpu_seconds(pid: int) -> float:
    """utime + stime of a process, all its threads included (Linux /proc/PID/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def hammer(
    base_url: str,
    path: str,
    *,
    concurrency: int,
    duration: float,
    warmup: float,
    server_pid: int | None = None,
) -> Window:
    """Run `concurrency` threads, each with its own keep-alive client, GETting `path` until the deadline.
    Requests begun during the warm-up are not counted. The server's and this process's CPU time are
    read at the edges of the measured window: on a small or busy machine the clients and the server
    share the cores, and CPU per request is the figure that survives that."""
    latencies: list[list[float]] = [[] for _ in range(concurrency)]
    errors: list[dict[str, int]] = [{} for _ in range(concurrency)]
    start_barrier = threading.Barrier(concurrency + 1)
    clock: dict[str, float] = {}

    def worker(slot: int) -> None:
        with httpx.Client(base_url=base_url, timeout=10.0, trust_env=False) as client:
            start_barrier.wait()
            counted_from, deadline = clock["counted_from"], clock["deadline"]
            mine, my_errors = latencies[slot], errors[slot]
            while True:
                began = time.perf_counter()
                if began >= deadline:
                    return
                try:
                    response = client.get(path)
                    response.read()
                    outcome = None if response.status_code < 400 else str(response.status_code)
                except httpx.HTTPError as exc:
                    outcome = type(exc).__name__
                ended = time.perf_counter()
                if began < counted_from:
                    continue
                if outcome is None:
                    mine.append(ended - began)
                else:
                    my_errors[outcome] = my_errors.get(outcome, 0) + 1

    threads = [threading.Thread(target=worker, args=(slot,), daemon=True) for slot in range(concurrency)]
    for thread in threads:
        thread.start()
    now = time.perf_counter()
    clock["counted_from"] = now + warmup
    clock["deadline"] = now + warmup + duration
    start_barrier.wait()
    time.sleep(max(0.0, clock["counted_from"] - time.perf_counter()))
    server_before = process_cpu_seconds(server_pid) if server_pid else 0.0
    client_before = time.process_time()
    time.sleep(max(0.0, clock["deadline"] - time.perf_counter()))
    server_cpu = process_cpu_seconds(server_pid) - server_before if server_pid else 0.0
    client_cpu = time.process_time() - client_before
    for thread in threads:
        thread.join(timeout=duration + 30)
    merged_errors: dict[str, int] = {}
    for per_thread in errors:
        for key, count in per_thread.items():
            merged_errors[key] = merged_errors.get(key, 0) + count
    merged_latencies = [lat for per_thread in latencies for lat in per_thread]
    return Window(merged_latencies, merged_errors, server_cpu, client_cpu)


# ------------------------------------------------------------------ the server under test


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((LOOPBACK, 0))
        return int(sock.getsockname()[1])


def plankg_executable() -> list[str]:
    found = shutil.which("plankg") or str(Path(sys.executable).with_name("plankg"))
    if not Path(found).exists():
        raise RuntimeError("the `plankg` console script is not installed (pip install -e .)")
    return [found]


@dataclass
class Server:
    url: str
    process: subprocess.Popen[bytes]
    log_path: Path

    def check_alive(self) -> None:
        if self.process.poll() is not None:
            code = self.process.returncode
            raise RuntimeError(
                f"plankg serve died (exit {code}); log {self.log_path}:\n{tail(self.log_path)}"
            )


@contextlib.contextmanager
def served(env: dict[str, str], log_dir: Path, label: str) -> Iterator[Server]:
    """Start `plankg serve` on a free loopback port, wait until it is ready, yield it,
    and stop it (SIGINT, then SIGKILL after 20 s) — only the process started here."""
    port = free_port()
    log_path = log_dir / f"serve-{label}.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [*plankg_executable(), "serve", "--host", LOOPBACK, "--port", str(port)],
            env=env,
            cwd=log_dir,  # not the repo: keeps the repo's .env out of the server's settings
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    base_url = f"http://{LOOPBACK}:{port}"
    try:
        wait_ready(base_url, process, log_path)
        yield Server(base_url, process, log_path)
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def wait_ready(
    base_url: str, process: subprocess.Popen[bytes], log_path: Path, timeout: float = 90.0
) -> None:
    deadline = time.monotonic() + timeout
    last = "no answer"
    with httpx.Client(base_url=base_url, timeout=2.0, trust_env=False) as client:
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(
                    f"plankg serve exited with {process.returncode}; log: {log_path}\n{tail(log_path)}"
                )
            try:
                response = client.get("/readyz")
                if response.status_code == 200:
                    return
                last = f"/readyz {response.status_code}: {response.text[:200]}"
            except httpx.HTTPError as exc:
                last = type(exc).__name__
            time.sleep(0.2)
    raise RuntimeError(
        f"plankg serve not ready after {timeout:.0f} s ({last}); log: {log_path}\n{tail(log_path)}"
    )


def tail(path: Path, lines: int = 20) -> str:
    try:
        return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


# ------------------------------------------------------------------ data sets


def run_cli(args: Sequence[str], env: dict[str, str], cwd: Path) -> None:
    completed = subprocess.run(
        [*plankg_executable(), *args], env=env, cwd=cwd, capture_output=True, text=True, check=False
    )
    if completed.returncode != 0:
        raise RuntimeError(
            f"plankg {' '.join(args)} failed ({completed.returncode}):\n{completed.stderr[-2000:]}"
        )


def load_bulk_generator() -> Any:
    """benchmarks/bulk_load.py, imported by path (benchmarks/ is not a package)."""
    path = ROOT / "benchmarks" / "bulk_load.py"
    if not path.exists():
        raise RuntimeError("benchmarks/bulk_load.py does not exist yet: no generator for the large graph")
    spec = importlib.util.spec_from_file_location("plankg_bench_bulk_load", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def generated_documents(entities: int, plans: int) -> list[Any]:
    """PlanSubgraphs of about `entities` nodes in all, from the bulk-load benchmark's generator."""
    return list(load_bulk_generator().synthetic_documents(entities, plans))


@dataclass
class Generated:
    plan_ids: list[str]
    shared_ids: list[str]  # concepts and sectors several generated plans share (delete_plan keeps them)
    nodes: int  # the whole store's, after writing
    relationships: int


def write_generated(env: dict[str, str], entities: int, plans: int) -> Generated:
    """Write the generated graph through the store API (open_store(settings).write_document)."""
    from plankg.graph import open_store
    from plankg.settings import Settings

    settings = Settings(_env_file=None, **settings_overrides(env))  # type: ignore[call-arg]
    documents = generated_documents(entities, plans)
    with open_store(settings) as store:
        store.apply_schema()
        for document in documents:
            store.write_document(document, force=True)
        counts = store.counts()
    shared = {node.id for doc in documents for node in doc.nodes if node.label in ("Concept", "Sector")}
    return Generated(
        [doc.plan_id for doc in documents],
        sorted(shared),
        sum(counts.nodes.values()),
        sum(counts.relationships.values()),
    )


def remove_generated(env: dict[str, str], generated: Generated) -> None:
    """Delete the generated plans, then the generated concepts and sectors nothing links to any more."""
    from neo4j import GraphDatabase

    from plankg.graph import open_store
    from plankg.settings import Settings

    settings = Settings(_env_file=None, **settings_overrides(env))  # type: ignore[call-arg]
    with open_store(settings) as store:
        for plan_id in generated.plan_ids:
            store.delete_plan(plan_id)
    auth = (settings.neo4j_user, settings.neo4j_password)
    with GraphDatabase.driver(settings.neo4j_uri, auth=auth) as driver:
        driver.execute_query(
            "UNWIND $ids AS id MATCH (n {id: id}) WHERE n:Concept OR n:Sector "
            "OPTIONAL MATCH (n)-[r]-() WITH n, count(r) AS links WHERE links = 0 DELETE n",
            ids=generated.shared_ids,
            database_=settings.neo4j_database,
        )


def settings_overrides(env: dict[str, str]) -> dict[str, Any]:
    """The PLANKG_* part of a subprocess environment, as Settings keyword arguments, so the
    in-process writer opens exactly the store the server will read."""
    return {
        name.removeprefix("PLANKG_").lower(): value
        for name, value in env.items()
        if name.startswith("PLANKG_")
    }


def neo4j_reachable(env: dict[str, str]) -> str | None:
    """None when Neo4j answers at PLANKG_NEO4J_URI, else the reason."""
    from neo4j import GraphDatabase

    uri = env.get("PLANKG_NEO4J_URI", "bolt://127.0.0.1:7687")
    auth = (env.get("PLANKG_NEO4J_USER", "neo4j"), env.get("PLANKG_NEO4J_PASSWORD", "plankg-test-password"))
    try:
        with GraphDatabase.driver(uri, auth=auth, connection_timeout=3.0) as driver:
            driver.verify_connectivity()
    except Exception as exc:  # any failure means "not reachable" here; the reason is printed
        return f"{type(exc).__name__}: {exc}"
    return None


# ------------------------------------------------------------------ one run


def measure_server(
    server: Server,
    backend: str,
    dataset: str,
    *,
    concurrency: int,
    duration: float,
    warmup: float,
    generated: bool = False,
) -> list[Measurement]:
    """Measure each endpoint in turn. On a generated graph also a generated concept (mentioned by many
    tasks) and the neighbourhood of a generated task (its plan has thousands of tasks)."""
    base_url, pid = server.url, server.process.pid
    concept_path = f"/concepts/{quote(CONCEPT)}/tasks"
    with httpx.Client(base_url=base_url, timeout=30.0, trust_env=False) as client:
        answer = client.get(concept_path)
        answer.raise_for_status()
        body = answer.json()
        items = body.get("items") or []
        if not items:
            raise RuntimeError(f"{concept_path} returned no tasks on {backend}/{dataset}: {str(body)[:300]}")
        task_id = items[0]["task"]["id"]
        search_total = client.get("/search", params={"q": CONCEPT}).json().get("total")
    endpoints = [
        # /healthz touches no store: the ceiling of this server + client pair on this machine.
        ("healthz", "/healthz", "baseline: no store"),
        ("concept", concept_path, f"total={body.get('total')}"),
        ("search", f"/search?q={quote(CONCEPT)}", f"total={search_total}"),
        ("neighbourhood", f"/graph/neighborhood/{quote(task_id)}?depth=2", f"task={task_id}"),
    ]
    if generated:
        with httpx.Client(base_url=base_url, timeout=30.0, trust_env=False) as client:
            busy = client.get(f"/concepts/{quote(GENERATED_CONCEPT)}/tasks")
            busy.raise_for_status()
        endpoints += [
            ("concept*", f"/concepts/{quote(GENERATED_CONCEPT)}/tasks", f"total={busy.json().get('total')}"),
            ("neighbourhood*", f"/graph/neighborhood/{GENERATED_TASK}?depth=2", f"task={GENERATED_TASK}"),
        ]
    results = []
    for endpoint, path, note in endpoints:
        window = hammer(
            base_url, path, concurrency=concurrency, duration=duration, warmup=warmup, server_pid=pid
        )
        server.check_alive()
        measurement = Measurement(
            backend,
            dataset,
            endpoint,
            path,
            duration,
            window.latencies,
            window.errors,
            note,
            server_cpu=window.server_cpu,
            client_cpu=window.client_cpu,
        )
        print_row(measurement)
        results.append(measurement)
    return results


def print_header() -> None:
    print(
        f"{'backend':9} {'data':6} {'endpoint':13} {'req/s':>8} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} "
        f"{'errors':>6} {'srv cpu':>7} {'cli cpu':>7}  note   (cpu: ms of CPU per request)"
    )


def print_row(m: Measurement) -> None:
    errors = sum(m.errors.values())
    target = ""
    if m.endpoint == "concept" and m.backend == "embedded":
        met = m.rps >= TARGET_RPS and m.percentile_ms(99) < TARGET_P99_MS
        verdict = "met" if met else "MISSED"
        target = f"  [target >= {TARGET_RPS:,.0f} req/s, p99 < {TARGET_P99_MS:.0f} ms: {verdict}]"
    error_detail = f" {m.errors}" if errors else ""
    print(
        f"{m.backend:9} {m.dataset:6} {m.endpoint:13} {m.rps:8.0f} {m.percentile_ms(50):7.1f} "
        f"{m.percentile_ms(95):7.1f} {m.percentile_ms(99):7.1f} {errors:6d} "
        f"{m.cpu_ms_per_request(m.server_cpu):7.2f} {m.cpu_ms_per_request(m.client_cpu):7.2f}  "
        f"{m.note}{error_detail}{target}",
        flush=True,
    )


def run_backend(backend: str, args: argparse.Namespace, base_env: dict[str, str], work: Path) -> None:
    env = dict(base_env)
    env["PLANKG_STORE"] = backend
    timing = {"concurrency": args.concurrency, "duration": args.duration, "warmup": args.warmup}
    if backend == "embedded":
        env["PLANKG_DATA_DIR"] = str(work / "embedded-seed")
    run_cli(["load", str(args.seed)], env, work)
    with served(env, work, f"{backend}-seed") as server:
        measure_server(server, backend, "seed", **timing)
    if not args.entities:
        return
    if backend == "embedded":
        large = work / "embedded-large"
        shutil.copytree(work / "embedded-seed", large)  # the seed plus the generated graph
        env["PLANKG_DATA_DIR"] = str(large)
    generated: Generated | None = None
    try:
        began = time.perf_counter()
        generated = write_generated(env, args.entities, args.plans)
        took = time.perf_counter() - began
        print(
            f"# {backend}: wrote {len(generated.plan_ids)} generated plans in {took:.0f} s; "
            f"the store holds {generated.nodes:,} nodes and {generated.relationships:,} links",
            flush=True,
        )
        with served(env, work, f"{backend}-large") as server:
            measure_server(server, backend, f"{generated.nodes // 1000}k", generated=True, **timing)
    finally:
        if backend == "neo4j" and generated is not None:
            remove_generated(env, generated)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--backends", default="embedded,neo4j", help="comma-separated: embedded,neo4j")
    parser.add_argument("--entities", type=int, default=100_000, help="generated graph size; 0 = seed only")
    parser.add_argument("--plans", type=int, default=10, help="generated plan documents (as bulk_load.py)")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--duration", type=float, default=5.0, help="measured seconds per endpoint")
    parser.add_argument("--warmup", type=float, default=1.0, help="unmeasured seconds before each endpoint")
    parser.add_argument("--seed", type=Path, default=SEED)
    args = parser.parse_args(argv)

    base_env = {name: value for name, value in os.environ.items() if not name.startswith("PLANKG_")}
    for name in ("PLANKG_NEO4J_URI", "PLANKG_NEO4J_USER", "PLANKG_NEO4J_PASSWORD", "PLANKG_NEO4J_DATABASE"):
        if name in os.environ:
            base_env[name] = os.environ[name]
    print(
        f"# plankg API load: {args.concurrency} concurrent clients, {args.duration:g} s per endpoint "
        f"(+{args.warmup:g} s warm-up), loopback; {os.cpu_count()} CPUs, load average "
        f"{os.getloadavg()[0]:.1f}; seed {args.seed.name}"
    )
    print_header()
    with tempfile.TemporaryDirectory(prefix="plankg-api-load-") as tmp:
        work = Path(tmp)
        for backend in [b.strip() for b in args.backends.split(",") if b.strip()]:
            if backend == "neo4j":
                reason = neo4j_reachable(base_env)
                if reason:
                    print(
                        f"# neo4j: skipped, not reachable at "
                        f"{base_env.get('PLANKG_NEO4J_URI', 'bolt://127.0.0.1:7687')} ({reason}); "
                        "start one with scripts/neo4j start",
                        flush=True,
                    )
                    continue
            run_backend(backend, args, base_env, work)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Run the scenarios, each in worker processes, and write the JSON report and a table."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench import PROJECTS_DIR, REPORT_PATH, ROOT
from bench import scenarios as _scenarios  # noqa: F401 - registers the scenarios
from bench.generate import SIZES, cache_paths
from bench.machine import describe, load_average
from bench.registry import SCENARIOS, Scenario
from bench.worker import RESULT_PREFIX

DEFAULT_RUNS = 5
WORKER_TIMEOUT_S = 1800


class ScenarioError(Exception):
    pass


def _worker(job: dict[str, Any], env: dict[str, str]) -> dict[str, Any]:
    # Each process gets an empty user folder: no settings (window geometry, recent files) carried over
    # from the previous run, so every run starts like the first.
    home = Path(tempfile.mkdtemp(prefix="home-", dir=job["workdir"]))
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "bench.worker", json.dumps(job, ensure_ascii=False)],
            cwd=ROOT, env={**env, "GUIJI_HOME": str(home)}, capture_output=True, text=True,
            timeout=WORKER_TIMEOUT_S, check=False,
        )
    finally:
        shutil.rmtree(home, ignore_errors=True)
    for line in reversed(proc.stdout.splitlines()):
        if proc.returncode == 0 and line.startswith(RESULT_PREFIX):
            result: dict[str, Any] = json.loads(line[len(RESULT_PREFIX):])
            return result
    lines = (proc.stderr or proc.stdout).strip().splitlines()
    fatal = [line for line in lines[:-15] if line.startswith("Fatal Python error")]  # the cause of an abort
    tail = "\n".join(fatal + lines[-15:])
    raise ScenarioError(f"worker exited with {proc.returncode}:\n{tail}")


def _env(**extra: str) -> dict[str, str]:
    """The environment of worker processes: offscreen Qt, this checkout first on the path."""
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p),
        **extra,
    }


def run_scenario(
    scenario: Scenario, base_job: dict[str, Any], runs: int, env: dict[str, str]
) -> dict[str, Any]:
    """Warm-up and timed runs of one scenario; its report entry."""
    runs = min(runs, scenario.max_runs) if scenario.max_runs else runs
    job = {**base_job, "scenario": scenario.name}
    times: list[float] = []
    cpu: list[float] = []
    rss: list[float] = []
    maxrss: list[float] = []
    details: dict[str, Any] = {}
    if scenario.fresh_process:
        for _ in range(scenario.warmup):
            _worker({**job, "runs": 1, "warmup": 0}, env)
        for _ in range(runs):
            result = _worker({**job, "runs": 1, "warmup": 0}, env)
            times += result["runs"]
            cpu += result["cpu_runs"]
            rss.append(result["peak_rss_mb"])
            maxrss.append(result["ru_maxrss_mb"])
            details = result["details"]
    else:
        result = _worker({**job, "runs": runs, "warmup": scenario.warmup}, env)
        times, rss, details = result["runs"], [result["peak_rss_mb"]], result["details"]
        cpu = result["cpu_runs"]
        maxrss.append(result["ru_maxrss_mb"])
    median = statistics.median(times)
    peak = max(rss)
    checks = []
    if scenario.budget_s is not None:
        checks.append(median <= scenario.budget_s)
    if scenario.budget_rss_mb is not None:
        checks.append(peak <= scenario.budget_rss_mb)
    return {
        "median_s": round(median, 6),
        "min_s": round(min(times), 6),
        # CPU time of the process during the timed part: wall time minus waiting (I/O, other processes).
        "median_cpu_s": round(statistics.median(cpu), 6),
        "runs": [round(t, 6) for t in times],
        "budget_s": scenario.budget_s,
        "peak_rss_mb": peak,
        "budget_rss_mb": scenario.budget_rss_mb,
        "ru_maxrss_mb": max(maxrss),  # getrusage's figure (see bench.worker.maxrss_mb)
        "within_budget": all(checks),
        "fresh_process": scenario.fresh_process,
        "description": scenario.description,
        "details": details,
    }


def _fmt_s(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"


def _fmt_mb(value: float | None) -> str:
    return "-" if value is None else f"{value:.0f} MB"


def _status(entry: dict[str, Any]) -> str:
    if "error" in entry:
        return "ERROR"
    missed = []
    if entry["budget_s"] is not None and entry["median_s"] > entry["budget_s"]:
        missed.append("time")
    if entry["budget_rss_mb"] is not None and entry["peak_rss_mb"] > entry["budget_rss_mb"]:
        missed.append("memory")
    if missed:
        return "MISSED (" + ", ".join(missed) + ")"
    return "ok" if (entry["budget_s"] is not None or entry["budget_rss_mb"] is not None) else "(no budget)"


_WIDTHS = (26, 10, 10, 10, 9, 8, 4)


def _line(*cells: str) -> str:
    first, *rest = cells[:-1]
    parts = [f"{first:<{_WIDTHS[0]}}"] + [f"{c:>{w}}" for c, w in zip(rest, _WIDTHS[1:], strict=True)]
    return " ".join(parts) + "  " + cells[-1]


HEADER = _line("scenario", "median", "budget", "cpu", "peak RSS", "budget", "runs", "result")


def format_row(name: str, entry: dict[str, Any]) -> str:
    if "error" in entry:
        return _line(name, "-", _fmt_s(entry.get("budget_s")), "-", "-", "-", "-", "ERROR")
    return _line(
        name, _fmt_s(entry["median_s"]), _fmt_s(entry["budget_s"]), _fmt_s(entry["median_cpu_s"]),
        _fmt_mb(entry["peak_rss_mb"]), _fmt_mb(entry["budget_rss_mb"]), str(len(entry["runs"])),
        _status(entry),
    )


def format_table(report: dict[str, Any]) -> str:
    lines = [HEADER, "-" * len(HEADER)]
    lines += [format_row(name, entry) for name, entry in report["scenarios"].items()]
    return "\n".join(lines)


def format_markdown(report: dict[str, Any]) -> str:
    """The report's table in Markdown (for docs/performance.md)."""
    lines = [
        "| scenario | median | budget | CPU | peak RSS | memory budget | runs | result |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for name, e in report["scenarios"].items():
        if "error" in e:
            first = e["error"].splitlines()
            cause = next((line for line in first if line.startswith("Fatal Python error")), first[0])
            budget = _fmt_s(e.get("budget_s"))
            lines.append(f"| `{name}` | – | {budget} | – | – | – | – | **crashed**: {cause} |")
            continue
        status = _status(e)
        lines.append(
            f"| `{name}` | {_fmt_s(e['median_s'])} | {_fmt_s(e['budget_s'])} | {_fmt_s(e['median_cpu_s'])} | "
            f"{_fmt_mb(e['peak_rss_mb'])} | {_fmt_mb(e['budget_rss_mb'])} | {len(e['runs'])} | "
            f"{'**' + status + '**' if status.startswith('MISSED') else status} |"
        )
    return "\n".join(lines)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description="Guiji's benchmark: timed scenarios on a generated project; writes a JSON report.",
    )
    parser.add_argument("--size", choices=sorted(SIZES), default="small", help="project size (default small)")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="run only these scenarios")
    parser.add_argument("--runs", type=int, default=DEFAULT_RUNS,
                        help=f"timed runs per scenario, after the warm-up (default {DEFAULT_RUNS})")
    parser.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
    parser.add_argument("--out", type=Path, default=REPORT_PATH, help=f"report file (default {REPORT_PATH})")
    parser.add_argument("--cache-dir", type=Path, default=PROJECTS_DIR,
                        help=f"where generated projects are cached (default {PROJECTS_DIR})")
    parser.add_argument("--patch", type=Path, metavar="FILE",
                        help="a Python file run in every worker first: measure a proposed fix by "
                             "monkeypatching, without editing the app (recorded in the report)")
    parser.add_argument("--list", action="store_true", help="list the scenarios and exit")
    parser.add_argument("--markdown", type=Path, metavar="REPORT",
                        help="print the table of an existing report in Markdown and exit")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    unknown = sorted(set(args.only or ()) - set(SCENARIOS))
    if unknown:
        parser.error(f"unknown scenario(s): {', '.join(unknown)} (choose from {', '.join(SCENARIOS)})")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.markdown:
        print(format_markdown(json.loads(args.markdown.read_text("utf-8"))))
        return 0
    if args.list:
        for s in SCENARIOS.values():
            budgets = (s.budget_s and f"≤ {s.budget_s} s", s.budget_rss_mb and f"≤ {s.budget_rss_mb} MB")
            budget = ", ".join(b for b in budgets if b)
            print(f"{s.name:<26} {budget or 'no budget'}{' (fresh process)' if s.fresh_process else ''}")
            print(f"    {s.description}")
        return 0
    selected = [SCENARIOS[name] for name in (args.only or SCENARIOS)]
    began = time.perf_counter()

    manifest: dict[str, Any] = {}
    project: Path | None = None
    if any(s.needs_project for s in selected):
        project, manifest_path = cache_paths(args.size, args.seed, args.cache_dir)
        if not (project.is_file() and manifest_path.is_file()):
            print(f"generating the {args.size} project (seed {args.seed}) in {args.cache_dir} …", flush=True)
            # In a child process: the runner stays small, and its workers inherit nothing big.
            subprocess.run(
                [sys.executable, "-m", "bench.generate", "--size", args.size, "--seed", str(args.seed),
                 "--cache-dir", str(args.cache_dir)],
                cwd=ROOT, env=_env(), check=True, stdout=subprocess.DEVNULL,
            )
        manifest = json.loads(manifest_path.read_text("utf-8"))
    else:
        manifest_path = cache_paths(args.size, args.seed, args.cache_dir)[1]
        if manifest_path.is_file():
            manifest = json.loads(manifest_path.read_text("utf-8"))

    machine = describe()
    print(f"{machine['cpu']}, {machine['usable_cores']} cores, {machine['memory_mb']} MB, "
          f"Python {machine['python']}, SQLite {machine['sqlite']}, load average {machine['load_average']}")
    if manifest:
        counts, big = manifest["counts"], manifest["big_document"]
        print(f"project {args.size} (seed {args.seed}): {counts['documents']} documents, "
              f"{counts['characters']:,} characters, {counts['codes']} codes, {counts['codings']:,} codings, "
              f"{counts['stages']} stages, {counts['coders']} coders; longest document "
              f"{big['length']:,} characters, {big['codings']:,} codings")
    print()
    print(HEADER)
    print("-" * len(HEADER), flush=True)

    workdir = Path(tempfile.mkdtemp(prefix="guiji-bench-"))
    results: dict[str, Any] = {}
    try:
        work_project = workdir / "project.guiji"
        if project is not None:
            shutil.copyfile(project, work_project)  # scenarios may change it; the cache stays as generated
        env = _env()
        base_job = {
            "size": args.size, "seed": args.seed, "project": str(work_project), "manifest": manifest,
            "workdir": str(workdir), "patch": str(args.patch.resolve()) if args.patch else None,
        }
        for scenario in selected:
            try:
                entry = run_scenario(scenario, base_job, args.runs, env)
            except (ScenarioError, subprocess.TimeoutExpired) as exc:
                entry = {
                    "error": str(exc), "budget_s": scenario.budget_s, "budget_rss_mb": scenario.budget_rss_mb,
                    "median_s": None, "runs": [], "peak_rss_mb": None, "within_budget": False,
                    "description": scenario.description,
                }
            results[scenario.name] = entry
            print(format_row(scenario.name, entry), flush=True)
            if "error" in entry:
                print("    " + entry["error"].replace("\n", "\n    "), file=sys.stderr)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    machine["load_average_end"] = load_average()
    report = {
        "machine": machine,
        "size": args.size,
        "seed": args.seed,
        "runs": args.runs,
        "patch": str(args.patch) if args.patch else None,
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "project": {k: manifest[k] for k in ("counts", "big_document", "top_code", "fingerprint", "spec")
                    if k in manifest},
        "scenarios": results,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", "utf-8")

    missed = [name for name, e in results.items() if "error" not in e and not e["within_budget"]]
    failed = [name for name, e in results.items() if "error" in e]
    print()
    print(f"report: {args.out}  ({time.perf_counter() - began:.0f} s)")
    if missed:
        print("MISSED BUDGETS: " + ", ".join(f"{n} ({_status(results[n])[8:-1]})" for n in missed))
    elif not failed:
        print("every budget met")
    if failed:
        print("FAILED: " + ", ".join(failed), file=sys.stderr)
    # Missed budgets are reported, not failed (machines are noisy); a scenario that broke is an error.
    return 1 if failed else 0

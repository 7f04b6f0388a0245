"""Run one scenario in this process and print its timings as one JSON line (used by bench.runner).

``python -m bench.worker '{"scenario": ..., "size": ..., "seed": ..., "project": ..., "manifest": {...},
"runs": N, "warmup": K, "workdir": ...}'``
"""

from __future__ import annotations

import json
import os
import resource
import runpy
import sys
import time
import traceback
from pathlib import Path
from typing import Any

# The scenarios are imported when a job runs, not when the runner imports RESULT_PREFIX from here.

RESULT_PREFIX = "BENCH-RESULT "


def maxrss_mb() -> float:
    """getrusage's peak resident set size in MB (ru_maxrss is KiB on Linux, bytes on macOS).

    On Linux this is carried over an exec: a worker started by a parent that had grown large
    reports at least the parent's size (the kernel keeps the larger high-water mark), so the
    runner keeps itself small and :func:`peak_rss_mb` prefers the kernel's per-image figure.
    """
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


def peak_rss_mb() -> float:
    """This process image's peak RSS in MB: VmHWM from /proc (Linux), else :func:`maxrss_mb`."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return maxrss_mb()


def run_job(job: dict[str, Any]) -> dict[str, Any]:
    from bench import scenarios  # noqa: F401 - registers the scenarios
    from bench.registry import SCENARIOS, Context, Timed

    os.environ["BENCH_SCENARIO"] = job["scenario"]
    if job.get("patch"):
        # A proposed fix, applied by monkeypatching before the scenario imports what it measures.
        runpy.run_path(job["patch"], run_name="bench_patch")
    spec = SCENARIOS[job["scenario"]]
    warmup, runs = int(job["warmup"]), int(job["runs"])
    ctx = Context(
        size=job["size"], seed=int(job["seed"]), project=Path(job["project"]), manifest=job["manifest"],
        runs=warmup + runs, workdir=Path(job["workdir"]),
    )
    gen = spec.func(ctx)
    first = next(gen)
    run, after = (first.run, first.after) if isinstance(first, Timed) else (first, None)
    times: list[float] = []
    cpu: list[float] = []
    try:
        for i in range(warmup + runs):
            cpu_began = time.process_time()
            began = time.perf_counter()
            run(i)
            elapsed = time.perf_counter() - began
            cpu_elapsed = time.process_time() - cpu_began
            if after is not None:
                after(i)
            if i >= warmup:
                times.append(elapsed)
                cpu.append(cpu_elapsed)
    except BaseException:
        gen.close()
        raise
    next(gen, None)  # tear-down
    return {
        "runs": times, "cpu_runs": cpu, "peak_rss_mb": peak_rss_mb(), "ru_maxrss_mb": maxrss_mb(),
        "details": ctx.details,
    }


def main() -> int:
    job = json.loads(sys.argv[1])
    try:
        result = run_job(job)
    except Exception:
        traceback.print_exc()
        return 1
    sys.stdout.flush()
    print(RESULT_PREFIX + json.dumps(result, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

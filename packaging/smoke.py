"""Smoke test of an installed Guiji: ``python packaging/smoke.py GUIJI_EXECUTABLE``.

Runs the installed ``guiji`` (a wheel's console script or the PyInstaller bundle's executable)
through the steps a researcher's first session takes: version, sample project, import of a
Chinese .docx, coding, REFI-QDA export, a PDF figure (its font must be embedded) and an
offscreen screenshot. Everything happens in a temporary folder outside the source tree, with
``GUIJI_HOME`` pointing there, so nothing of the developer's is read or written.

The .docx is made with python-docx by the Python running this script (not by the executable
under test). Prints one line per step with its time, then a JSON summary on the last line;
exits 1 on the first failure.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

INTERVIEW = [
    "访谈对象：社区居委会主任（化名：李华）",
    "我们社区是2015年开始搞垃圾分类的，一开始居民都不太配合。",
    "后来我们组织了志愿者，每天早上在投放点值守，情况慢慢好转。",
    "𠮷字也要能正确导入。",
]


class SmokeError(Exception):
    pass


def make_docx(path: Path) -> None:
    from docx import Document

    document = Document()
    for paragraph in INTERVIEW:
        document.add_paragraph(paragraph)
    document.save(str(path))


def run(exe: list[str], args: list[str], env: dict[str, str], cwd: Path, timeout: float = 300) -> tuple[str, float]:
    started = time.perf_counter()
    done = subprocess.run([*exe, *args], env=env, cwd=cwd, capture_output=True, text=True, encoding="utf-8",
                          errors="replace", timeout=timeout, check=False)
    took = time.perf_counter() - started
    if done.returncode != 0:
        raise SmokeError(f"guiji {' '.join(args)} exited {done.returncode}\nstdout:\n{done.stdout}\n"
                         f"stderr:\n{done.stderr}")
    return done.stdout, took


def embedded_fonts(pdf: Path) -> list[str]:
    """Names of the fonts embedded in ``pdf``: pdffonts when installed, else the PDF's font dictionaries."""
    if shutil.which("pdffonts"):
        out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
        rows = out.splitlines()[2:]
        # columns: name type encoding emb sub uni object ID; 'emb' is the 5th-from-last field
        return [row.split()[0] for row in rows if row.split() and row.split()[-5] == "yes"]
    data = pdf.read_bytes()
    # A font descriptor that carries its font program has /FontFile, /FontFile2 or /FontFile3.
    names = re.findall(rb"/FontName\s*/([^\s/<>\[\]]+)[^>]*?/FontFile[23]?\b", data, re.S)
    names += re.findall(rb"/FontFile[23]?\b[^>]*?/FontName\s*/([^\s/<>\[\]]+)", data, re.S)
    return sorted({n.decode("latin-1") for n in names})


def smoke(exe: list[str], work: Path) -> dict[str, object]:
    env = dict(os.environ)
    env["GUIJI_HOME"] = str(work / "home")
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("PYTHONPATH", None)
    times: dict[str, float] = {}

    def step(name: str, args: list[str], timeout: float = 300) -> str:
        out, took = run(exe, args, env, work, timeout)
        times[name] = round(took, 2)
        print(f"ok  {name:<12} {took:6.2f} s", flush=True)
        return out

    version = step("version", ["--version"]).strip()
    if not re.search(r"\d+\.\d+", version):
        raise SmokeError(f"guiji --version printed {version!r}")
    project = work / "示例.guiji"
    step("sample", ["sample", str(project)])
    if not project.is_file():
        raise SmokeError("guiji sample wrote no project file")
    docx = work / "社区访谈.docx"
    make_docx(docx)
    step("import", ["import", str(project), str(docx), "--json"])
    codings = json.loads(step("codings-0", ["codings", str(project), "--json"]) or "[]")
    name = "社区访谈"
    text_start = INTERVIEW[0].index("李华")
    step("codes-add", ["codes", str(project), "add", "冒烟测试/人名"])
    coded = json.loads(step("code", ["code", str(project), "--doc", name, "--start", str(text_start),
                                     "--end", str(text_start + 2), "--code", "冒烟测试/人名", "--json"]))
    if not coded:
        raise SmokeError("guiji code printed nothing")
    after = json.loads(step("codings", ["codings", str(project), "--json"]))
    quotes = [c.get("text") for c in _as_list(after) if c.get("document") == name]
    if len(_as_list(after)) != len(_as_list(codings)) + 1 or "李华" not in quotes:
        raise SmokeError(f"the new coding is not listed on 李华: {quotes}")
    names = json.loads(step("names", ["names", str(project), "--json"]))  # jieba's part-of-speech tables
    if not any(n.get("kind") == "nr" for n in names):
        raise SmokeError(f"guiji names found no person: {names[:3]}")
    terms = json.loads(step("keywords", ["keywords", str(project), "--doc", name, "--json"]))  # jieba's IDF
    if not terms:
        raise SmokeError("guiji keywords found no term")
    # A code named after a word of the uncoded text: its name is a keyword rule, whose hit spaCy's
    # blank Chinese pipeline (jieba tokenizer) widens to whole words.
    step("codes-add-2", ["codes", str(project), "add", "冒烟测试/志愿者"])
    suggested = json.loads(step("suggest", ["suggest", str(project), "--doc", name, "--json"]))
    if not any(s.get("code") == "冒烟测试/志愿者" and s.get("source") == "keyword" for s in suggested):
        raise SmokeError(f"guiji suggest did not find the keyword 志愿者: {suggested}")
    qdpx = work / "导出.qdpx"
    step("export-qdpx", ["export-qdpx", str(project), str(qdpx)])
    with zipfile.ZipFile(qdpx) as archive:
        qde = archive.read("project.qde").decode("utf-8")
    if "冒烟测试" not in qde or "人名" not in qde:
        raise SmokeError("the .qdpx lacks the new code")
    pdf = work / "时间线.pdf"
    step("figure", ["figure", str(project), str(pdf), "--kind", "timeline"])
    fonts = embedded_fonts(pdf)
    if not fonts:
        raise SmokeError(f"{pdf.name} has no embedded font")
    shot = work / "窗口.png"
    step("screenshot", ["screenshot", str(shot), "--project", str(project), "--doc", name, "--lang", "zh_CN"])
    start = work / "start.png"
    step("start-page", ["screenshot", str(start), "--lang", "zh_CN"])
    for png in (shot, start):
        if png.read_bytes()[:8] != b"\x89PNG\r\n\x1a\n" or png.stat().st_size < 10_000:
            raise SmokeError(f"{png.name} is not a rendered window")
    return {"ok": True, "version": version, "fonts": fonts, "seconds": times}


def _as_list(value: object) -> list[dict]:
    if isinstance(value, dict):
        for key in ("codings", "items", "rows"):
            if isinstance(value.get(key), list):
                return value[key]
        return []
    return list(value) if isinstance(value, list) else []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("guiji", nargs="+", help="the guiji executable (and any leading arguments)")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temporary one)")
    options = parser.parse_args(argv)
    exe = list(options.guiji)
    if Path(exe[0]).exists():  # the steps run in the work folder: a relative path would no longer resolve
        exe[0] = str(Path(exe[0]).resolve())
    if options.keep:
        options.keep.mkdir(parents=True, exist_ok=True)
        context = None
        work = options.keep.resolve()
    else:
        context = tempfile.TemporaryDirectory(prefix="guiji-smoke-")
        work = Path(context.name)
    try:
        summary = smoke(exe, work)
    except (SmokeError, subprocess.TimeoutExpired, OSError, KeyError, ValueError) as exc:
        print(f"FAIL {exc}", file=sys.stderr)
        return 1
    finally:
        if context is not None:
            context.cleanup()
    print(json.dumps(summary, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Every UI string has a Chinese translation, and lupdate can see every string the UI translates."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "guiji_zh_CN.ts"
LUPDATE = Path(sys.executable).parent / "pyside6-lupdate"


def test_every_ui_string_is_translated(tmp_path: Path) -> None:
    copy = tmp_path / "probe.ts"
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in (ROOT / "app" / "ui").rglob("*.py"))
    subprocess.run([str(LUPDATE), "-silent", *sources, "-ts", str(copy)], check=True, cwd=ROOT)
    missing, vanished = [], []
    for context in ET.parse(copy).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            kind = translation.get("type")
            if kind in {"vanished", "obsolete"}:
                vanished.append((name, message.findtext("source")))
            elif kind == "unfinished" or not (translation.text or "").strip():
                missing.append((name, message.findtext("source")))
    assert missing == [], f"untranslated UI strings (run `make update-translations`, then translate): {missing}"
    assert vanished == [], f"translations lupdate no longer finds in the code: {vanished}"

"""Developers: fill Chinese translations into guiji_zh_CN.ts from a tab-separated file.

Usage: ``python resources/i18n/fill_translations.py FILE.tsv`` after ``make update-translations``.
Each line of FILE.tsv is ``context<TAB>English source<TAB>Chinese translation`` (a literal ``\\n`` in
either text stands for a line break). Messages of the .ts file whose context and source match get
the translation and lose their ``unfinished`` mark; the script prints what is still unfinished.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).with_name("guiji_zh_CN.ts")


def main(tsv: str) -> int:
    wanted: dict[tuple[str, str], str] = {}
    for line in Path(tsv).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        context, source, translation = line.split("\t")
        wanted[(context, source.replace("\\n", "\n"))] = translation.replace("\\n", "\n")
    tree = ET.parse(TS)
    filled, unfinished = 0, []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            node = message.find("translation")
            assert node is not None
            if (name, source) in wanted:
                node.text = wanted[(name, source)]
                node.attrib.pop("type", None)
                filled += 1
            elif node.get("type") == "unfinished" or not (node.text or "").strip():
                unfinished.append(f"{name}\t{source}")
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    TS.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    print(f"filled {filled}; still unfinished: {len(unfinished)}")
    for item in unfinished:
        print("  " + item)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))

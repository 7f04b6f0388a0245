"""What the ``.qdpx`` exporter and importer share: element helpers and Guiji's marked lines.

Guiji facts with no place in the REFI-QDA schema travel as marked lines in ``<Description>``
elements (as the codebook's structured fields do, see :mod:`codebook_qdc`): a coding's own stage and
its exemplar flag in its selection's description, a stage's order, colour and dates in the
description of the set that stands for the stage; an action-logic link's relation, stages and coder,
and an evidence link's process-tracing test and stance, in the note attached to the REFI ``Link``.
Other programs show them as readable text; Guiji reads them back.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

NS = "urn:QDA-XML:project:1.0"
STAGE = "【阶段 Stage】"
EXEMPLAR = "【范例 Exemplar】"
COLOUR = "【颜色 Colour】"
START = "【开始 Start】"
END = "【结束 End】"
RELATION = "【关系 Relation】"
FROM_STAGE = "【起点阶段 From stage】"
TO_STAGE = "【终点阶段 To stage】"
CODER = "【编码者 Coder】"
TEST = "【检验 Test】"
STANCE = "【立场 Stance】"
MARKERS = (STAGE, EXEMPLAR, COLOUR, START, END, RELATION, FROM_STAGE, TO_STAGE, CODER, TEST, STANCE)
_MARKED = re.compile(r"^(【[^】]{1,40}】)(.*)$")
# Characters XML 1.0 cannot carry (C0 controls other than tab, LF, CR; lone surrogates; U+FFFE/F).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def local(element: etree._Element) -> str:
    """The element's name without its namespace ('' for comments and processing instructions)."""
    tag = element.tag
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def children(element: etree._Element, name: str) -> Iterator[etree._Element]:
    """The child elements called ``name`` (any namespace)."""
    return (e for e in element if local(e) == name)


def child(element: etree._Element, name: str) -> etree._Element | None:
    """The first child element called ``name`` (any namespace), or None."""
    return next(children(element, name), None)


def child_text(element: etree._Element, name: str) -> str:
    """The text of the first child called ``name`` ('' when absent or empty)."""
    found = child(element, name)
    return (found.text or "") if found is not None else ""


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold."""
    return _NOT_XML.sub("", text)


def split_marked(text: str) -> tuple[dict[str, str], str]:
    """The marked lines of a description (by marker) and the rest of its text."""
    marks: dict[str, str] = {}
    rest: list[str] = []
    for line in text.replace("\r\n", "\n").split("\n"):
        match = _MARKED.match(line.strip())
        if match and match.group(1) in MARKERS:
            marks[match.group(1)] = match.group(2).strip()
        else:
            rest.append(line)
    return marks, "\n".join(rest).strip()

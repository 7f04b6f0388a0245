"""Who asks the questions: the interviewer's turns, which get no suggestions by default.

A coder codes what the interviewee says; the interviewer's questions repeat the topics (so they look
like coded passages to any model) but are almost never coded themselves. A speaker is taken for the
interviewer when the label says so (问, 访谈者, 主持人, Q, I, Interviewer…), or — when no label says so
and there are at least two speakers — the speaker whose turns most often end in a question, provided
those turns are short next to the others' (a mean turn at most :data:`SHORT` of the longest talker's)
and hold less than :data:`MAX_SHARE` of the words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.core.nlp.units import Unit
from app.core.text import detect_turns

__all__ = ["INTERVIEWER_LABELS", "interviewer", "interviewer_units"]

INTERVIEWER_LABELS = frozenset({
    "问", "問", "访", "訪", "访谈者", "訪談者", "访问者", "訪問者", "采访者", "採訪者", "访员", "訪員",
    "主持人", "研究者", "提问", "提問", "q", "i", "interviewer", "int",
})
SHORT = 0.6
MAX_SHARE = 0.4
MIN_QUESTIONS = 0.25


@dataclass
class _Talk:
    turns: int = 0
    chars: int = 0
    questions: int = 0


def _is_question(turn_text: str) -> bool:
    tail = turn_text.rstrip()[-6:]
    return "？" in tail or "?" in tail or tail.endswith(("吗", "呢", "嗎"))


def interviewer(text: str) -> str | None:
    """The name of the interviewer's speaker label in ``text``, or None when there is no clear one."""
    turns = detect_turns(text)
    talk: dict[str, _Talk] = {}
    for t in turns:
        item = talk.setdefault(t.speaker, _Talk())
        item.turns += 1
        item.chars += t.end - t.start
        item.questions += _is_question(text[t.start : t.end])
    for name in talk:
        if name.strip().lower().rstrip(".") in INTERVIEWER_LABELS:
            return name
    if len(talk) < 2:
        return None
    total = sum(t.chars for t in talk.values()) or 1
    name, item = max(talk.items(), key=lambda kv: (kv[1].questions / kv[1].turns, -kv[1].chars))
    longest = max(t.chars / t.turns for n, t in talk.items() if n != name)
    if (item.questions / item.turns >= MIN_QUESTIONS and item.chars / item.turns <= SHORT * longest
            and item.chars / total < MAX_SHARE):
        return name
    return None


def interviewer_units(text: str, units: Sequence[Unit]) -> frozenset[int]:
    """Indexes of the ``units`` of ``text`` that lie in the interviewer's turns."""
    name = interviewer(text)
    if name is None:
        return frozenset()
    spans = [(t.start, t.end) for t in detect_turns(text) if t.speaker == name]
    out = set()
    j = 0
    for i, u in enumerate(units):
        while j < len(spans) and spans[j][1] <= u.start:
            j += 1
        if j < len(spans) and spans[j][0] <= u.start < spans[j][1]:
            out.add(i)
    return frozenset(out)

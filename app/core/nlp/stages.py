"""Stage suggestions: which stage (phase) a sentence talks about, from its time expressions.

For each sentence outside the interviewer's turns, in order of strength:

1. **a year** (``2016年``, ``2014``) → the stage whose dates hold it; ``三年前`` counts back from the
   interview's date;
2. **a stage's own time words**: a stage description may list them after ``时间词：`` (``入阁前``,
   ``太阳花``) — the codebook's words for its stages;
3. **relative words**, resolved against the interview's date (the first ``YYYY-MM-DD`` of the
   document's name or first line): ``现在/目前/今年`` → the stage holding that date; ``以前/当时/那时候/
   一开始`` → the stage before it; ``未来/以后/将来/接下来/希望`` → the stage after it; ``后来`` → the
   stage after the one the talk was in;
4. otherwise the stage of the previous sentence of the same turn (talk stays in a period), and at the
   start of a turn the stage of the interview's date.

Each suggestion has a score (how direct the evidence is: 0.9 for a year down to 0.4 for the
interview's date alone) and a reason naming the words. Sentences inside a stage span the coder set are
left alone. Ages (``十五岁``) need a birth year the project does not hold: they are not used.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select

from app.core.db.models import Coding, Document, StageSpan
from app.core.errors import ValidationError
from app.core.nlp.corpus import DocumentUnits, load_corpus
from app.core.nlp.speakers import interviewer_units
from app.core.nlp.units import covers
from app.core.project import Project
from app.core.stages import StageInfo, list_stages
from app.core.text import detect_turns
from app.core.variants import fold

__all__ = ["StageSuggestion", "evaluate_stages", "interview_date", "suggest_stages"]

_DATE = re.compile(r"((?:19|20)\d\d)[-./年](\d{1,2})[-./月](\d{1,2})")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)\s*年?")
_YEARS_AGO = re.compile(r"([一二两三四五六七八九十\d]{1,3})年前")
_NOW = ("现在", "目前", "如今", "今年", "最近", "这一阵子", "眼下", "这几年")
_PAST = ("以前", "过去", "当时", "那时候", "那时", "那个时候", "一开始", "当初", "早期", "之前", "原本", "本来", "早年")
_PAST_STRONG = ("那时候", "那个时候", "当初", "早期", "早年", "以前")
_LATER = ("后来",)
_FUTURE = ("未来", "以后", "将来", "长远")
_NEXT = ("接下来", "下一步", "下一个阶段", "下一阶段")  # too often the next step of the present talk
_MODAL = ("希望", "应该", "可能", "想要", "打算")  # wishes, not times: ignored even in a stage's time words
_NUMERALS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


@dataclass(frozen=True)
class StageSuggestion:
    """Stage ``stage`` suggested for ``[start, end)`` of a document (code points)."""

    document_id: int
    document: str
    start: int
    end: int
    stage_id: int
    stage: str
    score: float
    reason: str
    text: str = ""  # the passage (not in the CLI's JSON, whose keys are fixed)

    def as_dict(self) -> dict[str, Any]:
        """The CLI's JSON object."""
        return {"document": self.document, "start": self.start, "end": self.end, "stage": self.stage,
                "score": round(self.score, 4), "reason": self.reason}


def interview_date(name: str, text: str) -> date | None:
    """The first full date in the document's name, else in its first line."""
    for source in (name, text.split("\n", 1)[0]):
        m = _DATE.search(source)
        if m:
            try:
                return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                continue
    return None


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    if word == "十":
        return 10
    if len(word) == 2 and word[0] == "十":
        return 10 + _NUMERALS.get(word[1], 0)
    if len(word) == 2 and word[1] == "十":
        return _NUMERALS.get(word[0], 0) * 10
    return _NUMERALS.get(word) if len(word) == 1 else None


def _holding(stages: Sequence[StageInfo], day: date) -> int | None:
    """Index of the stage whose dates hold ``day`` (an open end holds everything that way)."""
    for i, s in enumerate(stages):
        if s.start_date is None and s.end_date is None:
            continue
        if (s.start_date is None or s.start_date <= day) and (s.end_date is None or day <= s.end_date):
            return i
    return None


def _time_words(stage: StageInfo) -> list[str]:
    """The words a stage's description lists after ``时间词：`` (2 characters or more)."""
    m = re.search(r"时间词[:：]\s*(.+)", fold(stage.description))
    if not m:
        return []
    return [w.strip() for w in re.split(r"[、，,；;。\s]+", m.group(1)) if len(w.strip()) >= 2]


class _Resolver:
    def __init__(self, stages: Sequence[StageInfo], day: date | None) -> None:
        self.stages = list(stages)
        self.day = day
        self.now = _holding(self.stages, day) if day is not None else None
        relative = {*_NOW, *_PAST, *_LATER, *_FUTURE, *_NEXT, *_MODAL}
        # Relative words in a description (现在, 以前) depend on when the interview was: resolved below.
        self.words = [(w, i) for i, s in enumerate(self.stages) for w in _time_words(s)
                      if w not in relative and not _YEAR.fullmatch(w)]

    def label(self, i: int) -> str:
        s = self.stages[i]
        if s.start_date or s.end_date:
            return f"{s.name}（{s.start_date or '…'}–{s.end_date or '…'}）"
        return s.name

    def explicit(self, text: str) -> tuple[int, float, str] | None:
        """The stage a sentence names, with score and reason, or None."""
        folded = fold(text)
        for m in _YEAR.finditer(folded):
            year = int(m.group(1))
            i = _holding(self.stages, date(year, 7, 1))
            if i is not None:
                return i, 0.9, f"时间词「{m.group(0).strip()}」→ {self.label(i)}"
        m = _YEARS_AGO.search(folded)
        if m and self.day is not None and (n := _number(m.group(1))):
            i = _holding(self.stages, date(self.day.year - n, 7, 1))
            if i is not None:
                return i, 0.85, f"时间词「{m.group(0)}」（访谈于 {self.day}）→ {self.label(i)}"
        for word, i in self.words:
            if word in folded:
                return i, 0.8, f"阶段「{self.stages[i].name}」的时间词「{word}」"
        if self.now is None:
            return None
        for words, step, score, what in ((_FUTURE, 1, 0.7, "将来"), (PAST, -1, 0.6, "过去"), (_NOW, 0, 0.7, "现在")):
            for word in words:
                if word in folded and 0 <= self.now + step < len(self.stages):
                    i = self.now + step
                    return i, score, f"时间词「{word}」（{what}，访谈于 {self.day}）→ {self.label(i)}"
        return None


def _spans(project: Project, document_id: int) -> list[tuple[int, int]]:
    with project.read() as session:
        return [(s, e) for s, e in session.execute(
            select(StageSpan.start, StageSpan.end).where(StageSpan.document_id == document_id))]


PAST: tuple[str, ...] = ()  # relative past words: tried, they lowered accuracy (docs/suggestions.md)
CARRY = 0  # sentences a cue carries over within a turn


def _suggest_doc(
    doc: DocumentUnits, stages: Sequence[StageInfo], taken: list[tuple[int, int]]
) -> list[StageSuggestion]:
    resolver = _Resolver(stages, interview_date(doc.name, doc.text))
    skip = interviewer_units(doc.text, doc.units)
    turn_starts = [t.start for t in detect_turns(doc.text)]
    header_end = min((t.label_start for t in detect_turns(doc.text)), default=0)  # a title is no talk
    out: list[StageSuggestion] = []
    current: int | None = None
    carried = 0
    turn = -1
    for n, u in enumerate(doc.units):
        while turn + 1 < len(turn_starts) and turn_starts[turn + 1] <= u.start:
            turn += 1
            current = None  # a new turn: the period is open again
        if n in skip or u.start < header_end:
            continue
        text = doc.text[u.start : u.end]
        found = resolver.explicit(text)
        if found is None and any(w in fold(text) for w in _LATER) and current is not None:
            i = min(current + 1, len(stages) - 1)
            found = (i, 0.55, f"时间词「后来」（接着上文的{stages[current].name}）→ {resolver.label(i)}")
        if found is None and current is not None and carried < CARRY:
            carried += 1
            found = (current, 0.5, f"沿用同一段话上文的阶段「{stages[current].name}」")
        elif found is not None:
            carried = 0
        if found is None and resolver.now is not None:
            found = (resolver.now, 0.4, f"访谈日期 {resolver.day} 所在的阶段")
        if found is None:
            continue
        i, score, reason = found
        current = i if score >= 0.5 else None
        if any(covers(u.start, u.end, s, e) for s, e in taken):
            continue
        s = stages[i]
        out.append(StageSuggestion(doc.document_id, doc.name, u.start, u.end, s.id, s.name, score, reason, text))
    return out


def suggest_stages(project: Project, *, document_id: int | None = None) -> list[StageSuggestion]:
    """Stage suggestions for one document (or every document), in text order."""
    stages = list_stages(project)
    if not stages:
        raise ValidationError(f"{project.path.name}: the project has no stages to suggest",
                              code="stages.none", params={"file": project.path.name})
    corpus = load_corpus(project, document_ids=None if document_id is None else [document_id])
    if document_id is not None and not corpus:
        raise ValidationError(f"no document with id {document_id}", code="not_found",
                              params={"what": "document", "id": document_id})
    out: list[StageSuggestion] = []
    for doc in corpus:
        out += _suggest_doc(doc, stages, _spans(project, doc.document_id))
    return out


def evaluate_stages(project: Project) -> dict[str, Any]:
    """Accuracy of the stage suggestions on the sentences whose codings carry a stage (the gold)."""
    stages = list_stages(project)
    with project.read() as session:
        rows = session.execute(select(Coding.document_id, Coding.start, Coding.end, Coding.stage_id)
                               .where(Coding.stage_id.is_not(None))).all()
        names = dict(session.execute(select(Document.id, Document.name)).all())
    by_doc: dict[int, list[tuple[int, int, int]]] = {}
    for doc_id, s, e, stage_id in rows:
        by_doc.setdefault(doc_id, []).append((s, e, stage_id))
    total = right = cued = cued_right = baseline = moved = moved_right = 0
    for doc in load_corpus(project, document_ids=list(by_doc)):
        suggested = {(x.start, x.end): x for x in _suggest_doc(doc, stages, [])}
        resolver = _Resolver(stages, interview_date(names[doc.document_id], doc.text))
        for u in doc.units:
            gold = [st for s, e, st in by_doc[doc.document_id] if covers(u.start, u.end, s, e)]
            if not gold:
                continue
            wanted = max(set(gold), key=gold.count)
            total += 1
            got = suggested.get((u.start, u.end))
            right += got is not None and got.stage_id == wanted
            at_date = resolver.now is not None and stages[resolver.now].id == wanted
            baseline += at_date
            if not at_date:
                moved += 1
                moved_right += got is not None and got.stage_id == wanted
            if got is not None and got.score >= 0.55:
                cued += 1
                cued_right += got.stage_id == wanted
    return {
        "sentences": total, "accuracy": round(right / total, 4) if total else 0.0,
        "interview_date_only": round(baseline / total, 4) if total else 0.0,
        "with_time_words": cued, "with_time_words_accuracy": round(cued_right / cued, 4) if cued else 0.0,
        "not_the_interview_period": moved,
        "not_the_interview_period_accuracy": round(moved_right / moved, 4) if moved else 0.0,
    }

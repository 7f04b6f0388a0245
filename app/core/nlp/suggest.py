"""Code suggestions for the units of a document: keyword rules and the learned model, each with its reason.

For every unit (sentence or speaker turn) of the chosen documents:

- **keyword**: a code's keyword or name occurs in the unit's raw text. Score 1.0 (a rule the coder
  wrote, not a probability); the reason names the keyword and, when segmentation put it inside a
  longer word, that word (found with spaCy's ``char_span(..., alignment_mode="expand")``).
- **model**: the learned model's best codes for the unit (at most :data:`~app.core.nlp.model.MAX_PER_UNIT`)
  scoring at least the threshold; the reason is the already-coded passage of that code most like the
  unit ("像这段已编码的话…").

When both fire for the same unit and code there is one suggestion, from the keyword, with the model's
score in its reason. Nothing is suggested where the unit is already coded with that code or the coder
rejected that code there. Suggestions are sorted by score (highest first), then by position.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import func, select

from app.core.codebook import list_codes
from app.core.db.models import Coding, Document, DocumentEdit
from app.core.errors import ValidationError
from app.core.nlp import segment
from app.core.nlp.corpus import DocumentUnits, load_corpus
from app.core.nlp.keywords import Hit, KeywordRule, find_hits, hits_by_unit, rules_for
from app.core.nlp.model import DEFAULT_THRESHOLD, MAX_PER_UNIT, TrainedModel, load_model
from app.core.nlp.similar import Passage, PassageIndex
from app.core.nlp.units import UnitKind, overlap
from app.core.project import Project

__all__ = ["Candidate", "SimilarPassage", "Suggestion", "decide", "suggest"]

Source = Literal["keyword", "model"]
KEYWORD_SCORE = 1.0
QUOTE_CHARS = 40


@dataclass(frozen=True)
class Candidate:
    """A decision on one unit (by index) and code, before it is dressed as a :class:`Suggestion`."""

    unit: int
    code_id: int
    score: float
    source: Source
    hit: Hit | None = None
    model_score: float | None = None


def decide(
    doc: DocumentUnits,
    rules: Sequence[KeywordRule],
    scores: Sequence[dict[int, float]] | None,
    threshold: float = DEFAULT_THRESHOLD,
    *,
    skip_known: bool = True,
    sources: tuple[Source, ...] = ("keyword", "model"),
) -> list[Candidate]:
    """What to suggest in ``doc``: keyword hits and model picks, merged per unit and code.

    ``scores`` are the model's scores per unit (None: no model); a model pick must score at least
    ``threshold``. ``skip_known`` drops units already coded with the code or where the code was
    rejected (evaluation keeps them: they are the answers).
    """
    found: dict[tuple[int, int], Candidate] = {}
    if "keyword" in sources and rules:
        for (i, code_id), hits in hits_by_unit(find_hits(doc.text, rules), doc.units).items():
            found[(i, code_id)] = Candidate(i, code_id, KEYWORD_SCORE, "keyword", hit=hits[0])
    if "model" in sources and scores is not None:
        for i, unit_scores in enumerate(scores):
            best = sorted(unit_scores.items(), key=lambda item: (-item[1], item[0]))[:MAX_PER_UNIT]
            for code_id, score in best:
                if score < threshold:
                    break
                known = found.get((i, code_id))
                if known is None:
                    found[(i, code_id)] = Candidate(i, code_id, score, "model", model_score=score)
                else:
                    found[(i, code_id)] = Candidate(i, code_id, known.score, "keyword", known.hit, score)
    out = [
        c for c in found.values()
        if not skip_known or (c.code_id not in doc.coded[c.unit] and c.code_id not in doc.rejected[c.unit])
    ]
    out.sort(key=lambda c: (c.unit, c.code_id))
    return out


@dataclass(frozen=True)
class SimilarPassage:
    """An already-coded passage given as the reason of a model suggestion."""

    document_id: int
    document: str
    start: int
    end: int
    text: str
    similarity: float


@dataclass(frozen=True)
class Suggestion:
    """Code ``code_id`` suggested for ``[start, end)`` of a document, with its score and reason."""

    document_id: int
    document: str
    start: int
    end: int
    text: str
    code_id: int
    code: str
    score: float
    source: Source
    reason: str
    keyword: str | None = None
    keyword_word: str | None = None  # the word (token) the keyword was found in, when longer
    model_score: float | None = None
    similar: SimilarPassage | None = None
    listed: bool = True  # False: found, but not listed by default (see app.core.nlp.trust); "show all"
    trust: str = ""  # why this code's suggestions come from the keywords, the model or both (English)
    measured: float | None = None  # precision of this code's way of suggesting in cross-validation

    def as_dict(self) -> dict[str, Any]:
        """The CLI's JSON object."""
        return {
            "document": self.document, "start": self.start, "end": self.end, "code": self.code,
            "score": round(self.score, 4), "source": self.source, "reason": self.reason,
        }


def _quote(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= QUOTE_CHARS else flat[: QUOTE_CHARS - 1] + "…"


def _passages(project: Project, code_ids: set[int]) -> list[Passage]:
    """The coded passages of ``code_ids``, with their text."""
    if not code_ids:
        return []
    with project.read() as session:
        rows = session.execute(
            select(Coding.code_id, Coding.document_id, Coding.start, Coding.end)
            .where(Coding.code_id.in_(code_ids)).order_by(Coding.id)
        ).all()
        doc_ids = {r.document_id for r in rows}
        query = select(Document.id, Document.name, Document.text).where(Document.id.in_(doc_ids))
        docs = {r.id: (r.name, r.text) for r in session.execute(query)}
    out = []
    for r in rows:
        name, text = docs[r.document_id]
        out.append(Passage(r.code_id, r.document_id, name, r.start, r.end, text[r.start : r.end]))
    return out


def _codings_signature(project: Project) -> tuple[object, ...]:
    """Changes whenever a coding, a code's codings or a document's text changes (one cheap query each)."""
    with project.read() as session:
        codings = session.execute(
            select(func.count(Coding.id), func.max(Coding.id), func.sum(Coding.start), func.sum(Coding.end),
                   func.sum(Coding.code_id), func.sum(Coding.document_id))
        ).one()
        texts = session.execute(
            select(func.count(Document.id), func.sum(Document.length), func.max(DocumentEdit.id))
            .select_from(Document).outerjoin(DocumentEdit, DocumentEdit.document_id == Document.id)
        ).one()
    return (*codings, *texts)


# One passage index per project file, kept while its codings and texts stay the same: building the
# indexes of a code used thousands of times costs more than everything else in a suggestion run.
_indexes: dict[str, tuple[tuple[object, ...], PassageIndex]] = {}
_indexes_lock = threading.Lock()


def passage_index(project: Project) -> PassageIndex:
    """The project's index of coded passages (the reasons of model suggestions), up to date."""
    signature = _codings_signature(project)
    key = str(project.path)
    with _indexes_lock:
        cached = _indexes.get(key)
        if cached is not None and cached[0] == signature:
            return cached[1]
        index = PassageIndex(lambda code_ids: _passages(project, code_ids))
        _indexes[key] = (signature, index)
        return index


def _keyword_word(unit_text: str, start: int, end: int) -> str | None:
    """The word(s) spaCy's jieba tokens put around ``[start, end)`` of ``unit_text``, if longer."""
    with segment.LOCK:
        span = segment.pipeline()(unit_text).char_span(start, end, alignment_mode="expand")
    if span is None or span.text == unit_text[start:end]:
        return None
    return span.text


def _record(t: Any) -> tuple[int, int]:
    """(picked, right) in cross-validation for the way the code's suggestions are listed."""
    if t is None:
        return 0, 0
    picked, right = t.modes.get(t.mode if t.mode != "filtered" else f"filtered@{t.filter_cut}", (0, 0))
    return int(picked), int(right)


def _measured(t: Any) -> str:
    """The cross-validated record of the suggestion's kind for its code, in the reason (Chinese)."""
    picked, right = _record(t)
    return f"交叉验证 {right}/{picked} 正确" if picked else ""


def _dress(
    doc: DocumentUnits, candidate: Candidate, paths: dict[int, str], index: PassageIndex,
    trust: Any = None, listed: bool = True,
) -> Suggestion:
    unit = doc.units[candidate.unit]
    text = doc.text[unit.start : unit.end]
    keyword = word = None
    similar = None
    parts: list[str] = []
    if candidate.hit is not None:
        keyword = candidate.hit.rule.term
        word = _keyword_word(text, candidate.hit.start - unit.start, candidate.hit.end - unit.start)
        what = "编码名" if candidate.hit.rule.from_name else "关键词"
        parts.append(f"{what}「{keyword}」" + (f"（在词「{word}」中）" if word else ""))
    if candidate.model_score is not None:
        best = index.most_similar(candidate.code_id, text)
        if best is not None:
            passage, sim = best
            similar = SimilarPassage(passage.document_id, passage.document, passage.start, passage.end,
                                     passage.text, sim)
            parts.append(f"像这段已编码的话：「{_quote(passage.text)}」（{passage.document}）")
        else:
            parts.append(f"模型得分 {candidate.model_score:.2f}（没有相似的已编码段落）")
        if candidate.source == "keyword" and best is not None:
            parts.append(f"模型得分 {candidate.model_score:.2f}")
    if measured := _measured(trust):
        parts.append(measured)
    return Suggestion(
        document_id=doc.document_id, document=doc.name, start=unit.start, end=unit.end, text=text,
        code_id=candidate.code_id, code=paths[candidate.code_id], score=candidate.score,
        source=candidate.source, reason="；".join(parts), keyword=keyword, keyword_word=word,
        model_score=candidate.model_score, similar=similar, listed=listed,
        trust=trust.why() if trust is not None else "",
        measured=(_record(trust)[1] / _record(trust)[0]) if _record(trust)[0] else None,
    )


def suggest(
    project: Project,
    *,
    document_id: int | None = None,
    start: int | None = None,
    end: int | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    kind: UnitKind = "sentence",
    model: TrainedModel | Literal["saved"] | None = "saved",
    progress: Callable[[int, int], None] | None = None,
    show_all: bool = False,
) -> list[Suggestion]:
    """Suggestions for one document (or every document), optionally only for units touching ``[start, end)``.

    ``model`` is the project's saved model by default (none: keyword rules only). What is listed per
    code follows its cross-validated trust (:mod:`app.core.nlp.trust`); ``show_all`` also returns what
    is found but not listed (``listed=False``). The interviewer's turns get nothing. ``progress(done,
    total)`` is called after each document and may raise to cancel.
    """
    from dataclasses import replace as _replace

    from app.core.nlp.trust import decide_units

    ranged = start is not None or end is not None
    if ranged and (start is None or end is None or document_id is None or start >= end):
        raise ValidationError("a range needs a document and a start before its end", code="range.empty")
    if not 0.0 <= threshold <= 1.0:
        raise ValidationError(f"the threshold must be between 0 and 1, not {threshold}", code="value.between_0_1",
                              params={"value": threshold})
    codes = list_codes(project)
    paths = {c.id: c.path for c in codes}
    rules = rules_for(codes)
    if model == "saved":
        model = load_model(project)
    suggester = None if model is None else _replace(model.suggester, threshold=threshold)
    corpus = load_corpus(project, kind, document_ids=None if document_id is None else [document_id])
    if document_id is not None and not corpus:
        raise ValidationError(f"no document with id {document_id}", code="not_found",
                                  params={"what": "document", "id": document_id})
    chosen: list[tuple[DocumentUnits, list[tuple[Candidate, bool]]]] = []
    for done, doc in enumerate(corpus, 1):
        wanted = [
            i for i, u in enumerate(doc.units)
            if start is None or end is None or overlap(u.start, u.end, start, end) > 0
        ]
        hits = hits_by_unit(find_hits(doc.text, rules), doc.units)
        picks = []
        for d in decide_units(doc, rules, suggester, wanted):
            if d.code_id not in paths or d.code_id in doc.coded[d.unit] or d.code_id in doc.rejected[d.unit]:
                continue
            if not (d.shown or show_all):
                continue
            hit = hits[(d.unit, d.code_id)][0] if d.keyword else None
            source: Source = "keyword" if d.keyword else "model"
            picks.append((Candidate(d.unit, d.code_id, d.score, source, hit, d.model_score), d.shown))
        chosen.append((doc, picks))
        if progress is not None:
            progress(done, len(corpus))
    if any(c.source == "keyword" for _doc, cs in chosen for c, _l in cs):
        segment.use_codebook(project)  # the reason names the word a keyword was found in
    index = passage_index(project)
    index.ensure(c.code_id for _doc, cs in chosen for c, _l in cs if c.model_score is not None)
    order = {doc.document_id: n for n, (doc, _cs) in enumerate(chosen)}
    trust = suggester.trust if suggester is not None else {}
    out = [_dress(doc, c, paths, index, trust.get(c.code_id), listed) for doc, cs in chosen for c, listed in cs]
    out.sort(key=lambda s: (not s.listed, -s.score, order[s.document_id], s.start, s.code))
    return out

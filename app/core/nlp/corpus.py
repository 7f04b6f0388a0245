"""The project's documents cut into units, with what the coder did on each unit.

Both training and evaluation read the project through :func:`load_corpus`: every document's units,
the codes that code each unit (:func:`app.core.nlp.units.covers`) and the codes the coder rejected on
it. Only the *reviewed* part of a document tells what the coder decided not to code: from its start to
the end of its last coding (coders work from the top down, and a half-coded transcript's second half
is not a list of negatives). A document without codings is not reviewed at all.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select

from app.core.db.models import Coding, Document, SuggestionRejection
from app.core.nlp.units import Unit, UnitKind, covers, units
from app.core.project import Project

__all__ = ["DocumentUnits", "load_corpus", "reviewed_end"]


@dataclass(frozen=True)
class DocumentUnits:
    """One document: its text, units, and per unit the codes coded and rejected on it."""

    document_id: int
    name: str
    text: str
    units: tuple[Unit, ...]
    coded: tuple[frozenset[int], ...]
    rejected: tuple[frozenset[int], ...]
    reviewed: int  # units[:reviewed] are the reviewed ones

    @property
    def has_codings(self) -> bool:
        return any(self.coded)


def reviewed_end(spans: Iterable[tuple[int, int]]) -> int:
    """The end of the reviewed part of a document: the end of its last coding (0 without codings)."""
    return max((end for _start, end in spans), default=0)


def _codes_per_unit(items: list[Unit], spans: list[tuple[int, int, int]]) -> list[frozenset[int]]:
    """For each unit (in order, not overlapping), the codes of ``spans`` (code id, start, end) covering it."""
    out: list[set[int]] = [set() for _ in items]
    ends = [u.end for u in items]
    for code_id, start, end in spans:
        i = bisect_right(ends, start)  # the first unit ending after the span's start
        while i < len(items) and items[i].start < end:
            if covers(items[i].start, items[i].end, start, end):
                out[i].add(code_id)
            i += 1
    return [frozenset(s) for s in out]


def load_corpus(
    project: Project, kind: UnitKind = "sentence", *, document_ids: Iterable[int] | None = None
) -> list[DocumentUnits]:
    """Every document (or those of ``document_ids``) in document order, cut into units."""
    wanted = None if document_ids is None else set(document_ids)
    with project.read() as session:
        query = select(Document.id, Document.name, Document.text).order_by(Document.position, Document.id)
        if wanted is not None:
            query = query.where(Document.id.in_(wanted))
        docs = session.execute(query).all()
        coding_query = select(Coding.document_id, Coding.code_id, Coding.start, Coding.end)
        rejection_query = select(SuggestionRejection.document_id, SuggestionRejection.code_id,
                                 SuggestionRejection.start, SuggestionRejection.end)
        if wanted is not None:
            coding_query = coding_query.where(Coding.document_id.in_(wanted))
            rejection_query = rejection_query.where(SuggestionRejection.document_id.in_(wanted))
        codings: dict[int, list[tuple[int, int, int]]] = {}
        for doc_id, code_id, start, end in session.execute(coding_query):
            codings.setdefault(doc_id, []).append((code_id, start, end))
        rejections: dict[int, list[tuple[int, int, int]]] = {}
        for doc_id, code_id, start, end in session.execute(rejection_query):
            rejections.setdefault(doc_id, []).append((code_id, start, end))
    out: list[DocumentUnits] = []
    for doc_id, name, text in docs:
        items = units(text, kind)
        spans = codings.get(doc_id, [])
        end = reviewed_end((s, e) for _c, s, e in spans)
        reviewed = sum(1 for u in items if u.start < end)
        out.append(
            DocumentUnits(
                document_id=doc_id, name=name, text=text, units=tuple(items),
                coded=tuple(_codes_per_unit(items, spans)),
                rejected=tuple(_codes_per_unit(items, rejections.get(doc_id, []))),
                reviewed=reviewed,
            )
        )
    return out

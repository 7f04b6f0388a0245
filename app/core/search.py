"""Search the documents' text for a term; every hit with its exact position and some context.

The database only narrows the documents that may contain the term (FTS5 trigram for 3+
characters, an ``instr()`` scan for 1–2; see :mod:`app.core.db.fts`); the positions are then found
in Python with ``str.find`` over the stored text, so they are code points (end exclusive) like
every other position in Guiji.

- The term is matched literally, including spaces and line ends (``"。\\n社区"`` finds a hit that
  spans a line end). ASCII letters match either case.
- Traditional and Simplified Chinese match each other by default (``代议`` finds ``代議``, ``软件``
  finds ``軟體``; see :mod:`app.core.variants`); ``fold_scripts=False`` (``guiji search --exact``)
  matches the characters as typed. Either way a hit's ``start``/``end`` are the stored text's own
  characters, so a phrase spelt with another length (``内存``/``記憶體``) gives a hit of that length.
- Hits in one document do not overlap: scanning goes left to right and resumes after each hit
  (``哈哈`` is found once in ``哈哈哈``, at 0), so "code all hits" never stacks codings.
- ``context`` is up to ``context_chars`` characters either side of the hit, cut at the text's
  ends, with each line end shown as a space (one character for one, so the hit sits at
  ``start - context_start`` in it).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select

from app.core import variants
from app.core.db.fts import document_contains, document_contains_any
from app.core.db.models import Document
from app.core.errors import ValidationError
from app.core.project import Project

CONTEXT_CHARS = 30
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


@dataclass(frozen=True)
class SearchHit:
    """One occurrence of the term: ``text[start:end]`` of the document (code points)."""

    document_id: int
    document: str
    start: int
    end: int
    context: str  # the text around the hit, line ends shown as spaces
    context_start: int  # where ``context`` starts in the document's text

    @property
    def context_offset(self) -> int:
        """Where the hit starts inside ``context``."""
        return self.start - self.context_start


def fold_ascii(text: str) -> str:
    """``text`` with ASCII capitals lowered (same length, so positions carry over)."""
    return text.translate(_ASCII_LOWER)


def find_all(text: str, term: str, *, fold_scripts: bool = False) -> list[tuple[int, int]]:
    """Non-overlapping ``(start, end)`` occurrences of ``term`` in ``text``, left to right,
    ASCII letters in either case; with ``fold_scripts`` any Traditional/Simplified spelling."""
    if not term:
        return []
    if fold_scripts:
        return [m.span() for m in variants.pattern(term).finditer(text)]
    if any(c.isascii() and c.isalpha() for c in term):
        haystack, needle = fold_ascii(text), fold_ascii(term)
    else:
        haystack, needle = text, term  # no ASCII letter: nothing to fold
    found: list[tuple[int, int]] = []
    at = haystack.find(needle)
    while at >= 0:
        found.append((at, at + len(needle)))
        at = haystack.find(needle, at + len(needle))
    return found


def context_of(text: str, start: int, end: int, chars: int = CONTEXT_CHARS) -> tuple[str, int]:
    """The text around ``[start, end)``: up to ``chars`` either side, line ends as spaces.

    Returns ``(context, context_start)``.
    """
    lo = max(0, start - chars)
    hi = min(len(text), end + chars)
    return text[lo:hi].replace("\n", " "), lo


def search(
    project: Project,
    term: str,
    *,
    document_ids: Iterable[int] | None = None,
    limit: int | None = None,
    context_chars: int = CONTEXT_CHARS,
    fold_scripts: bool = True,
) -> list[SearchHit]:
    """Every occurrence of ``term`` in the project's documents (or in ``document_ids``), in
    document order then text order; at most ``limit`` hits. ``fold_scripts`` (default) matches
    Traditional and Simplified spellings alike."""
    if term == "":
        raise ValidationError("the search term is empty", code="search.empty")
    if limit is not None and limit <= 0:
        return []
    hits: list[SearchHit] = []
    with project.read() as session:
        query = select(Document.id, Document.name, Document.text).order_by(Document.position, Document.id)
        if not fold_scripts:
            query = query.where(document_contains(session, term))
        else:
            spellings = variants.spelled_out(term)
            if spellings is not None:  # else too many to ask the index about: every document is a candidate
                query = query.where(document_contains_any(session, sorted(spellings)))
        if document_ids is not None:
            query = query.where(Document.id.in_(list(document_ids)))
        for doc_id, name, text in session.execute(query):
            for start, end in find_all(text, term, fold_scripts=fold_scripts):
                context, context_start = context_of(text, start, end, context_chars)
                hits.append(SearchHit(doc_id, name, start, end, context, context_start))
                if limit is not None and len(hits) >= limit:
                    return hits
    return hits


__all__ = ["CONTEXT_CHARS", "SearchHit", "context_of", "find_all", "fold_ascii", "search"]

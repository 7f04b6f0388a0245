"""The reason of a model suggestion: the already-coded passage of that code most like the unit.

Similarity is the cosine of TF-IDF weighted character bigrams (Han characters, letters and digits;
punctuation and spaces dropped). Character bigrams need no segmentation, so a reason never depends on
jieba's dictionary, and they catch shared words that segment differently (``赋能`` in ``增权赋能``).
Each code's passages get an inverted index, so a query costs what its bigrams' postings cost.
"""

from __future__ import annotations

import math
import threading
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

__all__ = ["Passage", "PassageIndex", "bigrams"]


@dataclass(frozen=True)
class Passage:
    """A coded passage: ``text`` is ``document``'s text at ``[start, end)``."""

    code_id: int
    document_id: int
    document: str
    start: int
    end: int
    text: str


def bigrams(text: str) -> Counter[str]:
    """Counts of the character bigrams of ``text``'s letters, digits and Han characters."""
    chars = [ch for ch in text if ch.isalnum()]
    if len(chars) == 1:
        return Counter(chars)
    return Counter(chars[i] + chars[i + 1] for i in range(len(chars) - 1))


class _CodeIndex:
    def __init__(self, passages: list[Passage]) -> None:
        self.passages = passages
        grams = [bigrams(p.text) for p in passages]
        df: Counter[str] = Counter()
        for g in grams:
            df.update(g.keys())
        n = len(passages)
        self.idf = {gram: math.log((1 + n) / (1 + k)) + 1.0 for gram, k in df.items()}
        self.postings: dict[str, list[tuple[int, float]]] = {}
        self.norms: list[float] = []
        for i, g in enumerate(grams):
            weights = {gram: count * self.idf[gram] for gram, count in g.items()}
            self.norms.append(math.sqrt(sum(w * w for w in weights.values())) or 1.0)
            for gram, w in weights.items():
                self.postings.setdefault(gram, []).append((i, w))

    def best(self, text: str) -> tuple[Passage, float] | None:
        query = bigrams(text)
        weights = {gram: count * self.idf[gram] for gram, count in query.items() if gram in self.idf}
        if not weights:
            return None
        norm = math.sqrt(sum((count * self.idf.get(gram, 1.0)) ** 2 for gram, count in query.items()))
        scores: dict[int, float] = {}
        for gram, w in weights.items():
            for i, pw in self.postings[gram]:
                scores[i] = scores.get(i, 0.0) + w * pw
        i, dot = max(scores.items(), key=lambda item: (item[1] / self.norms[item[0]], -item[0]))
        return self.passages[i], dot / (self.norms[i] * norm)


class PassageIndex:
    """Coded passages grouped by code, each code's passages loaded and indexed on first use.

    ``load(code_ids)`` returns the passages of those codes. An index is only valid while the
    project's codings and texts are unchanged; :mod:`app.core.nlp.suggest` keeps one per project
    and replaces it when they change. Safe to share between threads.
    """

    def __init__(self, load: Callable[[set[int]], list[Passage]]) -> None:
        self._load = load
        self._by_code: dict[int, list[Passage]] = {}
        self._indexes: dict[int, _CodeIndex] = {}
        self._lock = threading.Lock()

    def ensure(self, code_ids: Iterable[int]) -> None:
        """Load the passages of the codes not loaded yet (one query for all of them)."""
        with self._lock:
            missing = {c for c in code_ids if c not in self._by_code}
            if not missing:
                return
            for code_id in missing:
                self._by_code[code_id] = []
            for p in self._load(missing):
                self._by_code[p.code_id].append(p)

    def most_similar(self, code_id: int, text: str) -> tuple[Passage, float] | None:
        """The passage of ``code_id`` most like ``text`` and its similarity in [0, 1], or None."""
        self.ensure([code_id])
        with self._lock:
            passages = self._by_code.get(code_id)
            if not passages:
                return None
            index = self._indexes.get(code_id)
            if index is None:
                index = self._indexes[code_id] = _CodeIndex(passages)
        return index.best(text)

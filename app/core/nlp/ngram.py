"""A small linear model on character n-grams: what the suggestions learn from a few hundred codings.

Why not the word model (spaCy ``textcat_multilabel`` on jieba tokens, :mod:`app.core.nlp.model`): on a
real transcript with 94 training codings it scored F1 0.05 (issue 16). Jieba's tokens split an
interview's vocabulary too finely to generalise from a few examples, and a neural bag of words trained
from scratch needs more data than a coder gives. Character uni- and bigrams need no segmentation, match
across word boundaries (赋能 in 增权赋能) and, folded to Simplified (:func:`app.core.variants.fold`), match
a Traditional transcript exactly as its Simplified twin.

**Features**: the letters, digits and Han characters of a text, folded; their unigrams and bigrams;
sublinear term frequency × inverse document frequency, each text's vector of length 1.
**Model**: one logistic regression per code (one-vs-rest), trained together by full-batch Adam with L2;
a label a training example does not name is unknown for it (the codebook's definitions are positives
for their own code only). Positives weigh ``sqrt(negatives / positives)`` per code (most units carry
no given code). Deterministic: no random start, no sampling except a fixed cap on negatives.

Only numpy; scoring a 300,000-character document is a sparse product (a few hundred ms).
"""

from __future__ import annotations

import io
import math
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from app.core.variants import fold

__all__ = ["NgramModel", "fit", "grams"]

ITERATIONS = 250
STEPS = 10  # progress reports per training
LEARN_RATE = 0.1
L2 = 1e-4
MAX_EXAMPLES = 20_000  # beyond this, uncoded examples are thinned evenly (training time and memory)


CONTEXT = "\x1f"  # separates a unit's own text from its context in a model input


def _char_grams(text: str) -> list[str]:
    chars = [ch for ch in fold(text.lower()) if ch.isalnum()]
    return chars + [chars[i] + chars[i + 1] for i in range(len(chars) - 1)]


def grams(text: str) -> list[str]:
    """The character unigrams and bigrams of ``text``'s letters, digits and Han characters, folded.

    A model input may carry context after :data:`CONTEXT` (the question asked, the neighbouring
    sentences); its bigrams become separate features (``~`` + bigram): the topic of the talk around a
    sentence says much about its code, but is not the sentence.
    """
    own, _sep, context = text.partition(CONTEXT)
    out = _char_grams(own)
    if context:
        chars = [ch for ch in fold(context.lower()) if ch.isalnum()]
        out += ["~" + chars[i] + chars[i + 1] for i in range(len(chars) - 1)]
    return out


@dataclass
class _Sparse:
    rows: np.ndarray  # int32, sorted
    cols: np.ndarray  # int32
    vals: np.ndarray  # float32
    n: int


def _vectorise(texts: Sequence[str], vocab: dict[str, int], idf: np.ndarray) -> _Sparse:
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for r, text in enumerate(texts):
        counts: dict[int, int] = {}
        for g in grams(text):
            j = vocab.get(g)
            if j is not None:
                counts[j] = counts.get(j, 0) + 1
        if not counts:
            continue
        weights = {j: (1.0 + math.log(c)) * float(idf[j]) for j, c in counts.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        for j, w in sorted(weights.items()):
            rows.append(r)
            cols.append(j)
            vals.append(w / norm)
    return _Sparse(np.asarray(rows, np.int32), np.asarray(cols, np.int32), np.asarray(vals, np.float32), len(texts))


def _product(x: _Sparse, w: np.ndarray) -> np.ndarray:
    """``X @ W`` for the sparse X: (n, k)."""
    out = np.zeros((x.n, w.shape[1]), np.float32)
    if len(x.rows):
        starts = np.flatnonzero(np.r_[True, x.rows[1:] != x.rows[:-1]])
        out[x.rows[starts]] = np.add.reduceat(w[x.cols] * x.vals[:, None], starts, axis=0)
    return out


@dataclass
class NgramModel:
    """Per-code logistic regressions over character n-grams; :meth:`score` gives probabilities."""

    code_ids: tuple[int, ...]
    vocab: dict[str, int]
    idf: np.ndarray
    weights: np.ndarray  # (vocabulary, codes)
    bias: np.ndarray  # (codes,)
    meta: dict[str, Any] = field(default_factory=dict)
    keywords: tuple[tuple[str, int], ...] = ()  # (folded term, code id): keyword hits are features too
    keyword_weights: np.ndarray | None = None  # (codes, codes): hit of code i's keywords → code j

    def raw(self, texts: Sequence[str]) -> np.ndarray:
        """The probabilities as an array (texts × codes); rows of texts with no known n-gram are 0."""
        x = _vectorise(texts, self.vocab, self.idf)
        z = _product(x, self.weights) + self.bias
        if self.keywords and self.keyword_weights is not None:
            z += _hits(texts, self.keywords, self.code_ids) @ self.keyword_weights
        p = 1.0 / (1.0 + np.exp(-z))
        known = np.zeros(len(texts), bool)
        known[x.rows] = True
        p[~known] = 0.0
        return p

    def score(self, texts: Sequence[str]) -> list[dict[int, float]]:
        """For each text, code id → probability; ``{}`` for a text with no n-gram seen in training."""
        p = self.raw(texts)
        out: list[dict[int, float]] = []
        for row in p:
            out.append({} if not row.any() else {c: float(v) for c, v in zip(self.code_ids, row, strict=True)})
        return out

    def to_blob(self) -> bytes:
        buf = io.BytesIO()
        terms = "\n".join(sorted(self.vocab, key=self.vocab.__getitem__))
        kw = self.keyword_weights if self.keyword_weights is not None else np.zeros((0, 0), np.float32)
        np.savez(buf, idf=self.idf, weights=self.weights.astype(np.float16), bias=self.bias,
                 terms=np.frombuffer(terms.encode("utf-8"), np.uint8), keyword_weights=kw)
        return zlib.compress(buf.getvalue(), 6)

    @classmethod
    def from_blob(cls, data: bytes, meta: dict[str, Any]) -> NgramModel:
        arrays = np.load(io.BytesIO(zlib.decompress(data)))
        terms = bytes(arrays["terms"]).decode("utf-8").split("\n")
        vocab = {t: i for i, t in enumerate(terms)}
        keywords = tuple((str(t), int(c)) for t, c in meta.get("keywords", []))
        kw = arrays["keyword_weights"] if keywords else None
        return cls(tuple(int(c) for c in meta["code_ids"]), vocab, arrays["idf"],
                   arrays["weights"].astype(np.float32), arrays["bias"], dict(meta), keywords, kw)


def _hits(texts: Sequence[str], keywords: Sequence[tuple[str, int]], code_ids: Sequence[int]) -> np.ndarray:
    """(texts, codes): 1 where a keyword of that code occurs in the folded text."""
    index = {c: j for j, c in enumerate(code_ids)}
    out = np.zeros((len(texts), len(code_ids)), np.float32)
    terms = [(t, index[c]) for t, c in keywords if c in index]
    for r, text in enumerate(texts):
        folded = fold(text.partition(CONTEXT)[0].lower())
        for term, j in terms:
            if term in folded:
                out[r, j] = 1.0
    return out


def fit(
    texts: Sequence[str], labels: Sequence[dict[int, float]], code_ids: Sequence[int],
    keywords: Sequence[tuple[str, int]] = (),
    *,
    progress: Callable[[int, int], None] | None = None,
) -> NgramModel:
    """Train on ``texts``; ``labels[i]`` maps a code id to 1.0/0.0 (a code not named is unknown).

    ``keywords`` (term, code id): whether a code's keyword occurs is one more feature of every text,
    so the model learns, per code, how far that code's keyword rule is to be trusted here.
    ``progress(done, STEPS)`` is called :data:`STEPS` times; it may raise to stop.
    """
    keywords = tuple(sorted({(fold(t.lower()), c) for t, c in keywords if len(t) >= 2}))
    texts, labels = _thin(list(texts), list(labels))
    df: dict[str, int] = {}
    for text in texts:
        for g in set(grams(text)):
            df[g] = df.get(g, 0) + 1
    vocab = {g: i for i, g in enumerate(sorted(df))}
    n = len(texts)
    idf = np.asarray([math.log((1 + n) / (1 + df[g])) + 1.0 for g in sorted(df)], np.float32)
    x = _vectorise(texts, vocab, idf)
    k = len(code_ids)
    index = {c: j for j, c in enumerate(code_ids)}
    y = np.zeros((n, k), np.float32)
    known = np.zeros((n, k), np.float32)
    for r, cats in enumerate(labels):
        for c, v in cats.items():
            j = index.get(c)
            if j is not None:
                known[r, j] = 1.0
                y[r, j] = v
    pos = (y * known).sum(0)
    neg = ((1 - y) * known).sum(0)
    weight = known * np.where(y > 0, np.sqrt(np.maximum(neg, 1) / np.maximum(pos, 1)), 1.0)
    weight /= max(1.0, float(weight.sum()) / k)
    w = np.zeros((len(vocab), k), np.float32)
    prior = np.clip((pos + 1) / (pos + neg + 2), 1e-3, 1 - 1e-3)
    b = np.log(prior / (1 - prior)).astype(np.float32)
    h = _hits(texts, keywords, code_ids)
    v = np.zeros((k, k), np.float32)
    # Adam, full batch: the data are small, and a fixed schedule keeps training deterministic.
    mw, vw, mb, vb = np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b)
    mv, vv = np.zeros_like(v), np.zeros_like(v)
    order = np.argsort(x.cols, kind="stable")
    cols_sorted = x.cols[order]
    starts = np.flatnonzero(np.r_[True, cols_sorted[1:] != cols_sorted[:-1]]) if len(order) else np.zeros(0, int)
    used = cols_sorted[starts] if len(order) else np.zeros(0, np.int32)
    for t in range(1, ITERATIONS + 1):
        z = _product(x, w) + b + h @ v
        p = 1.0 / (1.0 + np.exp(-z))
        g = weight * (p - y)  # (n, k)
        gw = np.zeros_like(w)
        if len(order):
            contrib = (g[x.rows] * x.vals[:, None])[order]
            gw[used] = np.add.reduceat(contrib, starts, axis=0)
        gw += L2 * w
        gb = g.sum(0)
        gv = h.T @ g + L2 * v
        for param, grad, first, second in ((w, gw, mw, vw), (b, gb, mb, vb), (v, gv, mv, vv)):
            _adam(param, grad, first, second, t)
        if progress is not None and t % (ITERATIONS // STEPS) == 0:
            progress(t // (ITERATIONS // STEPS), STEPS)
    meta = {"code_ids": list(code_ids), "examples": n, "keywords": [list(kw) for kw in keywords]}
    return NgramModel(tuple(code_ids), vocab, idf, w, b, meta, keywords, v if keywords else None)


def _adam(param: np.ndarray, grad: np.ndarray, first: np.ndarray, second: np.ndarray, t: int) -> None:
    """One Adam step, in place."""
    first *= 0.9
    first += 0.1 * grad
    second *= 0.999
    second += 0.001 * grad * grad
    param -= LEARN_RATE * (first / (1 - 0.9**t)) / (np.sqrt(second / (1 - 0.999**t)) + 1e-8)


def _thin(texts: list[str], labels: list[dict[int, float]]) -> tuple[list[str], list[dict[int, float]]]:
    """At most :data:`MAX_EXAMPLES` examples: every positive kept, the others taken evenly."""
    if len(texts) <= MAX_EXAMPLES:
        return texts, labels
    positive = [i for i, cats in enumerate(labels) if any(cats.values())]
    rest = [i for i, cats in enumerate(labels) if not any(cats.values())]
    room = max(0, MAX_EXAMPLES - len(positive))
    step = len(rest) / room if room else math.inf
    keep = sorted(positive + [rest[int(i * step)] for i in range(room)] if room else positive)
    return [texts[i] for i in keep], [labels[i] for i in keep]

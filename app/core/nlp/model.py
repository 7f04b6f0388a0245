"""The learned suggestion model: character n-grams, calibrated and gated per code (issue 16).

**What it learns from.** Each label is a code that codes at least one unit. In the reviewed part of
every document (see :mod:`app.core.nlp.corpus`) a unit outside the interviewer's turns is a positive
example for the codes that code it and a negative one for every other label; a rejected suggestion
is a negative for its code wherever it is. A code's own definition, short definition and example
(the codebook's words) are one more positive example each.

**The model** (:mod:`app.core.nlp.ngram`): per-code logistic regression over folded character uni-
and bigrams plus "a keyword of code X occurs" features. **Trust** (:mod:`app.core.nlp.trust`):
cross-validation inside the training data calibrates the scores and chooses, per code, whether the
model, the keyword rules or both are listed. Until 2026-12 this was a spaCy ``textcat_multilabel`` on
jieba words (format 1): F1 0.05 on a real transcript, below the keyword rules (docs/suggestions.md).

**Storage.** Inside the project file, table ``suggestion_model`` (schema 0005), one row: ``format`` is
:data:`FORMAT`, ``meta`` JSON (labels as code ids, keywords, calibration, per-code trust), ``data``
the model's arrays (numpy ``savez``) compressed with zlib. A model of another format is not loaded
(retrain), never misread.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import undefer

from app.core.db.models import Code, Coding, SuggestionModel, utcnow
from app.core.errors import ValidationError
from app.core.nlp.corpus import DocumentUnits, load_corpus
from app.core.project import Project

__all__ = [
    "DEFAULT_THRESHOLD",
    "FORMAT",
    "MAX_PER_UNIT",
    "RETRAIN_AFTER",
    "ModelStatus",
    "TrainedModel",
    "TrainingReport",
    "build_examples",
    "code_definitions",
    "load_model",
    "model_status",
    "save_model",
    "train",
    "train_model",
]

Progress = Callable[[int, int], None]

FORMAT = 2
DEFAULT_THRESHOLD = 0.3  # calibrated: app.core.nlp.trust.THRESHOLD
MAX_PER_UNIT = 2
#: Retrain in the background once this many codings were added or removed since the last training.
RETRAIN_AFTER = 20
LEARN_RATE = 0.03
L2 = 1e-6
POSITIVE_WEIGHT = 2
SEED = 0
_UPDATES = 60_000  # example updates in all: epochs = this / examples, within the bounds below
_MIN_EPOCHS, _MAX_EPOCHS = 4, 15
_MIN_LENGTH, _MAX_LENGTH = 2**12, 2**18
_MAX_WEIGHTS = 2**22  # hash table length x labels: about 16 MB of float32 at most


def _label(code_id: int) -> str:
    return f"code:{code_id}"


@dataclass(frozen=True)
class Example:
    """A text and what is known about it: label → 1.0 or 0.0; a label not named is unknown."""

    text: str
    cats: dict[str, float]


@dataclass(frozen=True)
class TrainingSet:
    examples: tuple[Example, ...]
    code_ids: tuple[int, ...]
    units: int  # units that are examples
    positives: int  # (unit, code) pairs coded


def build_examples(corpus: Sequence[DocumentUnits], definitions: Mapping[int, Sequence[str]]) -> TrainingSet:
    """The training examples of ``corpus`` (see the module docstring); ``definitions`` by code id."""
    code_ids = sorted({c for doc in corpus for coded in doc.coded[: doc.reviewed] for c in coded})
    labels = [_label(c) for c in code_ids]
    examples: list[Example] = []
    positives = units = 0
    for doc in corpus:
        for i, unit in enumerate(doc.units):
            text = doc.text[unit.start : unit.end]
            rejected = {_label(c): 0.0 for c in doc.rejected[i] if c in code_ids}
            if i < doc.reviewed:
                cats = dict.fromkeys(labels, 0.0)
                cats.update(rejected)
                for c in doc.coded[i]:
                    cats[_label(c)] = 1.0
            elif rejected:
                cats = rejected
            else:
                continue
            units += 1
            positives += sum(1 for v in cats.values() if v)
            examples.append(Example(text, cats))
    for code_id in code_ids:
        for text in definitions.get(code_id, ()):
            if text.strip():
                examples.append(Example(text.strip(), {_label(code_id): 1.0}))
    return TrainingSet(tuple(examples), tuple(code_ids), units, positives)


def code_definitions(project: Project) -> dict[int, list[str]]:
    with project.read() as session:
        rows = session.execute(select(Code.id, Code.short_definition, Code.description, Code.example)).all()
    return {r[0]: [t for t in r[1:] if t and t.strip()] for r in rows}


@dataclass(frozen=True)
class TrainingReport:
    """What a training run learned from and how long it took."""

    labels: int
    examples: int
    units: int
    positives: int
    codings: int
    epochs: int
    seconds: float
    size_bytes: int
    trained_at: datetime

    def as_dict(self) -> dict[str, Any]:
        return {
            "labels": self.labels, "examples": self.examples, "units": self.units,
            "positives": self.positives, "codings": self.codings, "epochs": self.epochs,
            "seconds": round(self.seconds, 2), "size_bytes": self.size_bytes,
            "trained_at": self.trained_at.isoformat(timespec="seconds"),
        }


def _version() -> str:
    return "ngram-1"


@dataclass
class TrainedModel:
    """A trained :class:`~app.core.nlp.trust.Suggester` and the code id of each of its labels."""

    suggester: Any  # app.core.nlp.trust.Suggester (imported lazily: numpy)
    code_ids: tuple[int, ...]
    meta: dict[str, Any] = field(default_factory=dict)

    def score(self, texts: Sequence[str]) -> list[dict[int, float]]:
        """For each text, code id → the model's probability; ``{}`` for a text with no n-gram it knows."""
        model = self.suggester.model
        return [{} for _ in texts] if model is None else model.score(list(texts))

    def to_blob(self) -> bytes:
        return self.suggester.model.to_blob() if self.suggester.model is not None else b""

    @classmethod
    def from_blob(cls, data: bytes, meta: dict[str, Any]) -> TrainedModel:
        from app.core.nlp.ngram import NgramModel
        from app.core.nlp.trust import Suggester

        model = NgramModel.from_blob(data, meta["model"]) if data else None
        suggester = Suggester.from_meta(model, meta)
        return cls(suggester, tuple(int(c) for c in meta["code_ids"]), dict(meta))


def _labels(training: TrainingSet) -> list[dict[int, float]]:
    return [{int(k.split(":", 1)[1]): v for k, v in e.cats.items()} for e in training.examples]


def train_model(training: TrainingSet, *, progress: Progress | None = None) -> tuple[TrainedModel, int]:
    """Fit the n-gram model on ``training`` (no calibration: every code trusted as it scores). Deterministic.

    ``progress(done, total)`` is called as training goes; it may raise (e.g. CancelledError) to stop.
    """
    if not training.code_ids:
        raise ValidationError("nothing to learn from yet: code some passages first", code="suggest.nothing_to_learn")
    from app.core.nlp.ngram import ITERATIONS, fit
    from app.core.nlp.trust import Suggester

    model = fit([e.text for e in training.examples], _labels(training), training.code_ids, progress=progress)
    suggester = Suggester(model)
    meta = {"code_ids": list(training.code_ids), "epochs": ITERATIONS}
    return TrainedModel(suggester, training.code_ids, meta), ITERATIONS


def _codings_count(project: Project) -> int:
    with project.read() as session:
        return int(session.scalar(select(func.count(Coding.id))) or 0)


def train(project: Project, *, progress: Progress | None = None, kind: str = "sentence") -> TrainingReport:
    """Train the project's model on all its codings (cross-validated, calibrated, gated) and save it."""
    from app.core.codebook import list_codes
    from app.core.nlp import trust
    from app.core.nlp.keywords import rules_for
    from app.core.nlp.ngram import ITERATIONS

    began = time.perf_counter()
    codings = _codings_count(project)
    corpus = load_corpus(project, kind)  # type: ignore[arg-type]
    definitions = code_definitions(project)
    texts, _, code_ids = trust.examples_for(corpus, definitions)
    if not code_ids:
        raise ValidationError("nothing to learn from yet: code some passages first", code="suggest.nothing_to_learn")
    suggester = trust.train(corpus, definitions, rules_for(list_codes(project)), progress=progress)
    model = TrainedModel(suggester, tuple(code_ids), {"code_ids": list(code_ids), "epochs": ITERATIONS})
    units = sum(1 for doc in corpus for i in range(doc.reviewed))
    positives = sum(len(doc.coded[i]) for doc in corpus for i in range(doc.reviewed))
    model.meta.update({"units": units, "positives": positives, "examples": len(texts), "unit": kind})
    trained_at = utcnow()
    size = save_model(project, model, codings=codings, trained_at=trained_at)
    return TrainingReport(
        labels=len(code_ids), examples=len(texts), units=units, positives=positives, codings=codings,
        epochs=ITERATIONS, seconds=time.perf_counter() - began, size_bytes=size, trained_at=trained_at,
    )


def save_model(
    project: Project, model: TrainedModel, *, codings: int, trained_at: datetime | None = None
) -> int:
    """Store ``model`` as the project's model (one row, replaced); returns the blob's size in bytes."""
    blob = model.to_blob()
    meta = dict(model.meta, spacy=_version(), **model.suggester.to_meta())
    with project.write() as session:
        session.execute(delete(SuggestionModel))
        session.add(SuggestionModel(
            format=FORMAT, spacy_version=meta["spacy"], created_at=trained_at or utcnow(), codings=codings,
            meta=json.dumps(meta, ensure_ascii=False), data=blob,
        ))
    return len(blob)


@dataclass(frozen=True)
class ModelStatus:
    """Whether the project has a usable model, when it was trained, and whether it is due for retraining."""

    trained: bool
    trained_at: datetime | None
    codings_then: int
    codings_now: int
    usable: bool  # False: made by another blob format or spaCy version (retrain)
    labels: int

    @property
    def stale(self) -> bool:
        """True when there is no usable model or enough codings changed since it was trained."""
        return not self.usable or abs(self.codings_now - self.codings_then) >= RETRAIN_AFTER


def _usable(row_format: int, spacy_version: str) -> bool:
    return row_format == FORMAT and spacy_version == _version()


def model_status(project: Project) -> ModelStatus:
    """The state of the project's model (no spaCy import when there is none)."""
    now = _codings_count(project)
    with project.read() as session:
        row = session.execute(
            select(SuggestionModel.format, SuggestionModel.spacy_version, SuggestionModel.created_at,
                   SuggestionModel.codings, SuggestionModel.meta)
        ).first()
    if row is None:
        return ModelStatus(False, None, 0, now, False, 0)
    labels = len(json.loads(row.meta or "{}").get("code_ids", []))
    return ModelStatus(True, row.created_at, row.codings, now, _usable(row.format, row.spacy_version), labels)


# Loaded models, by project file and the row they came from: loading takes a spaCy pipeline.
_cache: dict[str, tuple[tuple[int, datetime], TrainedModel]] = {}


def load_model(project: Project) -> TrainedModel | None:
    """The project's saved model, or None when it has none (or one this Guiji cannot read)."""
    with project.read() as session:
        head = session.execute(select(SuggestionModel.id, SuggestionModel.created_at)).first()
        if head is None:
            return None
        key = (head.id, head.created_at)
        cached = _cache.get(str(project.path))
        if cached is not None and cached[0] == key:
            return cached[1]
        row = session.scalar(select(SuggestionModel).options(undefer(SuggestionModel.data)))
        assert row is not None
        data, meta, row_format, spacy_version = row.data, row.meta, row.format, row.spacy_version
    if not _usable(row_format, spacy_version):
        return None
    model = TrainedModel.from_blob(data, json.loads(meta))
    _cache[str(project.path)] = (key, model)
    return model


def forget_cached(paths: Iterable[str] | None = None) -> None:
    """Drop loaded models from memory (all, or those of ``paths``)."""
    for path in list(_cache) if paths is None else paths:
        _cache.pop(path, None)

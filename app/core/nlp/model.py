"""The learned suggestion model: spaCy ``textcat_multilabel`` trained from scratch on the project's codings.

**What it learns from.** Each label is a code that codes at least one unit. In the reviewed part of
every document (see :mod:`app.core.nlp.corpus`) a unit is a positive example for the codes that code
it and a negative one for every other label; a rejected suggestion is a negative for its code
wherever it is. A code's own definition, short definition and example (the codebook's words) are one
more positive example each: with two or three codings per code, they carry much of what a code means.
Positive examples count twice (class weighting: most units of a transcript are not coded with any one
code).

**The model.** A bag of jieba words (``spacy.TextCatBOW.v3``, unigrams) per label, hashed into a table
sized to the vocabulary; Adam at a learning rate of 0.03; the number of epochs shrinks as the data
grows (a few thousand updates in all). Training is deterministic: the same project gives the same
model. Decisions: a unit gets at most :data:`MAX_PER_UNIT` model suggestions, those scoring at least the
threshold (:data:`DEFAULT_THRESHOLD`). These settings were chosen on the sample project
(docs/suggestions.md has the numbers).

**Storage.** Inside the project file, table ``suggestion_model`` (schema 0005), one row: ``format`` is
:data:`FORMAT`, ``meta`` JSON (labels as code ids, counts, the spaCy version), ``data`` the pipeline's
``to_bytes()`` compressed with zlib. The model travels with the project and is backed up with it;
a model of another blob format or spaCy minor version is not loaded (retrain), never misread.

jieba and spaCy are imported inside functions: importing this module costs nothing.
"""

from __future__ import annotations

import json
import math
import random
import time
import zlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import undefer

from app.core.db.models import Code, Coding, SuggestionModel, utcnow
from app.core.errors import ValidationError
from app.core.nlp import segment
from app.core.nlp.corpus import DocumentUnits, load_corpus
from app.core.project import Project

if TYPE_CHECKING:
    from spacy.language import Language

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

FORMAT = 1
DEFAULT_THRESHOLD = 0.15
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


def _textcat_config(length: int) -> dict[str, Any]:
    return {
        "model": {
            "@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": False, "ngram_size": 1,
            "no_output_layer": False, "length": length,
        },
        "threshold": 0.5,
    }


def _blank(length: int) -> Language:
    import spacy

    segment.jieba_module()
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    nlp.add_pipe("textcat_multilabel", config=_textcat_config(length))
    return nlp


def _spacy_version() -> str:
    from spacy import about

    return ".".join(about.__version__.split(".")[:2])


@dataclass
class TrainedModel:
    """A trained pipeline and the code id of each of its labels."""

    nlp: Language
    code_ids: tuple[int, ...]
    meta: dict[str, Any] = field(default_factory=dict)
    _known: frozenset[int] = field(default=frozenset(), init=False, repr=False)

    def __post_init__(self) -> None:
        # The words seen in training: the pipeline's strings now, before any prediction adds more.
        self._known = frozenset(self.nlp.vocab.strings[s] for s in self.nlp.vocab.strings)

    def score(self, texts: Sequence[str]) -> list[dict[int, float]]:
        """For each text, code id → score in [0, 1]; ``{}`` for a text with no word the model knows.

        A text of unknown words gets about each code's prior (the model's bias), which says nothing
        about the text; it gets no scores, so nothing is suggested for it.
        """
        labels = [(_label(c), c) for c in self.code_ids]
        out: list[dict[int, float]] = []
        with segment.LOCK:
            for doc in self.nlp.pipe(texts, batch_size=256):
                if not any(t.orth in self._known for t in doc if not (t.is_punct or t.is_space)):
                    out.append({})
                    continue
                out.append({code_id: float(doc.cats.get(label, 0.0)) for label, code_id in labels})
        return out

    def to_blob(self) -> bytes:
        with segment.LOCK:
            return zlib.compress(self.nlp.to_bytes(), 6)

    @classmethod
    def from_blob(cls, data: bytes, meta: dict[str, Any]) -> TrainedModel:
        with segment.LOCK:
            nlp = _blank(int(meta["length"]))
            nlp.from_bytes(zlib.decompress(data))
        return cls(nlp, tuple(int(c) for c in meta["code_ids"]), dict(meta))


def _hash_length(examples: Sequence[Any], labels: int) -> int:
    vocabulary = len({t.orth for doc in examples for t in doc})
    length = _MIN_LENGTH
    while length < 2 * vocabulary and length < _MAX_LENGTH and length * 2 * labels <= _MAX_WEIGHTS:
        length *= 2
    return length


def train_model(training: TrainingSet, *, progress: Progress | None = None) -> tuple[TrainedModel, int]:
    """Train a model on ``training``; returns it and the number of epochs. Deterministic.

    ``progress(done, total)`` is called after every batch; it may raise (e.g. CancelledError) to stop.
    """
    if not training.code_ids:
        raise ValidationError("nothing to learn from yet: code some passages first")
    from spacy.tokens import Doc
    from spacy.training import Example as SpacyExample
    from thinc.api import Adam, fix_random_seed

    with segment.LOCK:
        maker = segment.pipeline()
        docs = [maker.make_doc(e.text) for e in training.examples]
        length = _hash_length(docs, len(training.code_ids))
        nlp = _blank(length)
        textcat = nlp.get_pipe("textcat_multilabel")
        for code_id in training.code_ids:
            textcat.add_label(_label(code_id))  # type: ignore[attr-defined]
        examples = []
        for doc, item in zip(docs, training.examples, strict=True):
            # The same tokens in the new pipeline's vocabulary, without cutting the text again.
            own = Doc(nlp.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
            example = SpacyExample.from_dict(own, {"cats": item.cats})
            examples += [example] * (POSITIVE_WEIGHT if any(item.cats.values()) else 1)
        fix_random_seed(SEED)
        nlp.initialize(lambda: examples[:200])
    epochs = max(_MIN_EPOCHS, min(_MAX_EPOCHS, math.ceil(_UPDATES / max(1, len(examples)))))
    batch = max(32, min(128, len(examples) // 100))
    optimizer = Adam(LEARN_RATE, L2=L2)
    rng = random.Random(SEED)
    per_epoch = math.ceil(len(examples) / batch)
    total = epochs * per_epoch
    done = 0
    for _epoch in range(epochs):
        rng.shuffle(examples)
        for start in range(0, len(examples), batch):
            with segment.LOCK:
                nlp.update(examples[start : start + batch], sgd=optimizer, losses={})
            done += 1
            if progress is not None:
                progress(done, total)
    meta = {"code_ids": list(training.code_ids), "length": length, "epochs": epochs}
    return TrainedModel(nlp, training.code_ids, meta), epochs


def _codings_count(project: Project) -> int:
    with project.read() as session:
        return int(session.scalar(select(func.count(Coding.id))) or 0)


def train(project: Project, *, progress: Progress | None = None, kind: str = "sentence") -> TrainingReport:
    """Train the project's model on all its codings and save it in the project (replacing the old one)."""
    began = time.perf_counter()
    segment.use_codebook(project)
    codings = _codings_count(project)
    corpus = load_corpus(project, kind)  # type: ignore[arg-type]
    training = build_examples(corpus, code_definitions(project))
    model, epochs = train_model(training, progress=progress)
    model.meta.update({
        "units": training.units, "positives": training.positives, "examples": len(training.examples),
        "unit": kind, "terms": sorted(segment.codebook_terms(project)),
    })
    trained_at = utcnow()
    size = save_model(project, model, codings=codings, trained_at=trained_at)
    return TrainingReport(
        labels=len(training.code_ids), examples=len(training.examples), units=training.units,
        positives=training.positives, codings=codings, epochs=epochs,
        seconds=time.perf_counter() - began, size_bytes=size, trained_at=trained_at,
    )


def save_model(
    project: Project, model: TrainedModel, *, codings: int, trained_at: datetime | None = None
) -> int:
    """Store ``model`` as the project's model (one row, replaced); returns the blob's size in bytes."""
    blob = model.to_blob()
    meta = dict(model.meta, spacy=_spacy_version())
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
    return row_format == FORMAT and spacy_version == _spacy_version()


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

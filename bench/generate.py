"""Deterministic generator of large, realistic Guiji projects for the benchmark.

A project is generated from a size (:data:`SIZES`) and a seed: the same pair always gives the same
texts, codes, codings, stages and cases (ids and content; only the codes' ``created_at`` differ).
Small things go through the services (``create_project``, ``stages.add_stage``,
``codebook.ensure_code_path``, ``coding.get_or_create_coder``); the bulk (documents, codings,
stage spans, cases) is written through the same SQLAlchemy models in one transaction of
``project.write()``, with the text normalised and hashed exactly as an import does
(:func:`app.core.text.normalise`, :func:`app.core.text.sha256_text`, ``length = len(text)``).

Generated projects are cached under ``bench/projects/`` keyed by size, seed and
:data:`GENERATOR_VERSION`; bump the version whenever the output of this module changes.

``python -m bench.generate --size large`` generates (or finds) one and prints its manifest.
"""

# The app's modules are imported inside functions on purpose: `python -m bench --help` stays instant.

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import math
import os
import random
import sqlite3
import sys
import time
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from bench import PROJECTS_DIR, vocab

GENERATOR_VERSION = 1


@dataclass(frozen=True)
class Spec:
    """What a generated project contains."""

    name: str
    documents: int
    characters: int  # all documents together, in code points
    big_document: int  # the one long document, in code points
    dimensions: int  # top level of the code tree
    categories: int  # second level
    codes: int  # all levels together; the rest are third-level concepts
    codings: int
    cases: int
    stages: int = 4
    coders: int = 2

    @property
    def concepts(self) -> int:
        return self.codes - self.dimensions - self.categories


SIZES: dict[str, Spec] = {
    # For the test of the benchmark itself: a couple of seconds end to end.
    "tiny": Spec("tiny", documents=6, characters=30_000, big_document=6_000, dimensions=2, categories=4,
                 codes=15, codings=300, cases=2),
    # For CI: every scenario on a project a tenth of a busy one.
    "small": Spec("small", documents=20, characters=200_000, big_document=20_000, dimensions=3,
                  categories=7, codes=40, codings=2_000, cases=5),
    # A whole study: the size Guiji must stay fast at (issue 3).
    "large": Spec("large", documents=300, characters=3_000_000, big_document=300_000, dimensions=5,
                  categories=35, codes=250, codings=30_000, cases=30),
}

SPEAKER_INTERVIEWER = "访谈者："
SPEAKER_RESPONDENT = "受访者："
ASTRAL_PER_WORD = 0.0033  # about 0.1% of all characters end up outside the BMP
CODE_ZIPF = 0.6  # how unevenly codings spread over codes (a few codes are used a lot)
PAIRED_SHARE = 0.25  # codings that the second coder also made on (about) the same passage
BASE_TIME = datetime(2024, 3, 1, 9, 0, 0)


# --------------------------------------------------------------------------- text


@dataclass
class Sentence:
    start: int
    end: int
    line: int
    respondent: bool


@dataclass
class GeneratedText:
    text: str
    sentences: list[Sentence]
    line_starts: list[int] = field(default_factory=list)


class _TextBuilder:
    """Appends pieces of a transcript and remembers where its sentences and lines are."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.parts: list[str] = []
        self.pos = 0
        self.line = 0
        self.line_starts = [0]
        self.sentences: list[Sentence] = []

    @property
    def at_line_start(self) -> bool:
        return self.pos == 0 or self.parts[-1].endswith("\n")

    def add(self, piece: str) -> None:
        self.parts.append(piece)
        self.pos += len(piece)

    def newline(self) -> None:
        self.add("\n")
        self.line += 1
        self.line_starts.append(self.pos)

    def add_sentence(self, sentence: str, *, respondent: bool) -> None:
        start = self.pos
        self.add(sentence)
        self.sentences.append(Sentence(start, self.pos, self.line, respondent))

    # --- words and sentences ---
    def _word(self, words: tuple[str, ...]) -> str:
        word = self.rng.choice(words)
        if self.rng.random() < ASTRAL_PER_WORD:
            word += self.rng.choice(vocab.ASTRAL)
        return word

    def clause(self) -> str:
        rng = self.rng
        out = []
        if rng.random() < 0.7:
            out.append(self._word(vocab.SUBJECTS))
        if rng.random() < 0.4:
            out.append(self._word(vocab.ADVERBS))
        out.append(self._word(vocab.VERBS))
        if rng.random() < 0.2:
            out.append("了")
        if rng.random() < 0.35:
            out.append(self._word(vocab.MODIFIERS))
        out.append(self._word(vocab.NOUNS))
        if rng.random() < 0.3:
            out.append("和" + self._word(vocab.NOUNS))
        return "".join(out)

    def respondent_sentence(self) -> str:
        rng = self.rng
        n = rng.choices((1, 2, 3, 4), weights=(25, 40, 25, 10))[0]
        out = [rng.choice(vocab.FILLERS)] if rng.random() < 0.15 else []
        for i in range(n):
            if i:
                out.append("，")
                if rng.random() < 0.4:
                    out.append(rng.choice(vocab.CONNECTIVES))
            out.append(self.clause())
        out.append(rng.choices("。！？", weights=(82, 9, 9))[0])
        return "".join(out)

    def question(self) -> str:
        rng = self.rng
        return rng.choice(vocab.QUESTIONS).format(
            n=self._word(vocab.NOUNS), n2=self._word(vocab.NOUNS),
            s=rng.choice(vocab.SUBJECTS), v=rng.choice(vocab.VERBS),
        )

    def exact_sentence(self, length: int) -> str:
        """A sentence of exactly ``length`` (>= 2) code points ending in 。."""
        rng = self.rng
        out = []
        left = length - 1
        while left:
            size = min(left, rng.choices((1, 2, 3, 4), weights=(2, 5, 2, 2))[0])
            out.append(rng.choice(vocab.FILL_WORDS[size]))
            left -= size
        return "".join(out) + "。"


def build_text(rng: random.Random, length: int, header: str) -> GeneratedText:
    """An interview transcript of exactly ``length`` code points (ending in a line break)."""
    b = _TextBuilder(rng)
    limit = length - 1  # room for the final line break
    if len(header) + 20 < limit:
        for line in header.split("\n"):
            b.add(line)
            b.newline()
    respondent = False
    full = False
    while not full:
        label = SPEAKER_RESPONDENT if respondent else SPEAKER_INTERVIEWER
        if b.pos + len(label) + 12 > limit:
            break
        b.add(label)
        count = rng.randint(2, 14) if respondent else rng.choices((1, 2), weights=(80, 20))[0]
        for i in range(count):
            sentence = b.respondent_sentence() if respondent else b.question()
            if b.pos + len(sentence) > limit:
                full = True
                break
            b.add_sentence(sentence, respondent=respondent)
            if respondent and i < count - 1 and rng.random() < 0.06 and b.pos + 1 < limit:
                b.newline()  # a new paragraph of the same answer
        if full or b.pos + 1 > limit:
            break
        b.newline()
        respondent = not respondent
    gap = limit - b.pos
    if gap:
        if b.at_line_start and gap >= 8:
            b.add(SPEAKER_RESPONDENT)
            b.add_sentence(b.exact_sentence(gap - len(SPEAKER_RESPONDENT)), respondent=True)
        elif b.at_line_start or gap == 1:
            for _ in range(gap):
                b.newline()
        else:
            b.add_sentence(b.exact_sentence(gap), respondent=respondent)
    b.newline()
    text = "".join(b.parts)
    assert len(text) == length, (len(text), length)
    return GeneratedText(text, b.sentences, b.line_starts)


# --------------------------------------------------------------------------- sizes and shares


def _split(total: int, weights: list[float]) -> list[int]:
    """``total`` split in proportion to ``weights`` (largest remainder), summing exactly to ``total``."""
    scale = total / sum(weights)
    raw = [w * scale for w in weights]
    out = [int(x) for x in raw]
    order = sorted(range(len(raw)), key=lambda i: raw[i] - out[i], reverse=True)
    for i in order[: total - sum(out)]:
        out[i] += 1
    return out


def document_lengths(rng: random.Random, spec: Spec) -> tuple[list[int], int]:
    """Lengths of the documents (summing to ``spec.characters``) and the index of the long one."""
    others = spec.documents - 1
    weights = [rng.lognormvariate(0, 0.45) for _ in range(others)]
    lengths = _split(spec.characters - spec.big_document, weights)
    if min(lengths) < 500:
        raise ValueError(f"size {spec.name}: documents would be too short")
    big_index = spec.documents // 2
    lengths.insert(big_index, spec.big_document)
    return lengths, big_index


# --------------------------------------------------------------------------- codings


def _coding_span(rng: random.Random, doc: GeneratedText, index: int) -> tuple[int, int] | None:
    """A passage a coder would select, starting in sentence ``index``: 10-200 code points."""
    sentences = doc.sentences
    first = sentences[index]
    length = first.end - first.start
    if rng.random() < 0.3 and length >= 14:
        # A phrase inside one sentence.
        size = rng.randint(10, min(40, length))
        start = first.start + rng.randint(0, length - size)
        return start, start + size
    wanted = min(200, max(10, int(rng.lognormvariate(math.log(70), 0.6))))
    start, end = first.start, first.end
    j = index + 1
    while end - start < wanted and j < len(sentences) and sentences[j].line == first.line:
        if sentences[j].end - start > 200:
            break
        end = sentences[j].end
        j += 1
    if end - start < 10:
        next_line = first.line + 1
        line_end = doc.line_starts[next_line] - 1 if next_line < len(doc.line_starts) else len(doc.text)
        end = min(start + 10, line_end)
        if end - start < 10:
            return None
    return start, min(end, start + 200)


def _jitter(rng: random.Random, span: tuple[int, int], length: int) -> tuple[int, int]:
    """The same passage as selected by another coder: a few characters more or less at each end."""
    start = max(0, span[0] + rng.randint(-6, 6))
    end = min(length, span[1] + rng.randint(-6, 6))
    if end - start < 10:
        end = min(length, start + 10)
        start = end - 10
    if end - start > 200:
        end = start + 200
    return start, end


# --------------------------------------------------------------------------- the project


def _checkpoint(path: Path) -> None:
    """Fold the WAL into the database file so that the file alone is the whole project."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    finally:
        conn.close()
    for suffix in ("-wal", "-shm", ".lock"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def generate_project(path: Path, spec: Spec, seed: int) -> dict[str, Any]:
    """Write a new project for ``spec`` and ``seed`` at ``path`` (which must not exist); its manifest."""
    from sqlalchemy import insert

    from app.core import stages as stage_service
    from app.core.codebook import PALETTE, ensure_code_path
    from app.core.coding import get_or_create_coder
    from app.core.db.models import Case, Coding, Document, StageSpan, case_document
    from app.core.info import project_info
    from app.core.project import create_project
    from app.core.text import normalise, sha256_text

    began = time.perf_counter()
    rng = random.Random(f"guiji-bench/{spec.name}/{seed}")
    with create_project(path) as project:
        # Stages and coders through the services.
        stage_ids = [
            stage_service.add_stage(project, name, description=description, color=color).id
            for name, color, description in vocab.STAGES[: spec.stages]
        ]
        # The code tree: dimension → category → concept, through ensure_code_path in one transaction.
        code_ids: dict[str, int] = {}
        leaves: list[str] = []
        categories: list[str] = []
        category_stems = rng.sample(vocab.CATEGORY_STEMS, spec.categories)
        per_dimension = _split(spec.categories, [1.0] * spec.dimensions)
        per_category = _split(spec.concepts, [rng.uniform(0.6, 1.4) for _ in range(spec.categories)])
        with project.write() as session:
            k = 0
            for d, dimension in enumerate(vocab.DIMENSIONS[: spec.dimensions]):
                for _ in range(per_dimension[d]):
                    stem = category_stems[k]
                    category = f"{dimension}/{stem}"
                    suffixes = rng.sample(vocab.CONCEPT_SUFFIXES, per_category[k])
                    for suffix in suffixes:
                        path_ = f"{category}/{stem[:2]}{suffix}"
                        code, _ = ensure_code_path(session, path_, rng.choice(PALETTE))
                        code_ids[path_] = code.id
                        leaves.append(path_)
                    code_ids[category] = ensure_code_path(session, category)[0].id
                    code_ids[dimension] = ensure_code_path(session, dimension)[0].id
                    categories.append(category)
                    k += 1
            coder_ids = [get_or_create_coder(session, name).id for name in vocab.CODERS[: spec.coders]]
        if len(code_ids) != spec.codes:
            raise AssertionError(f"made {len(code_ids)} codes, wanted {spec.codes}")

        # Codes are used unevenly: a Zipf-like weight over a shuffled order of the concepts.
        ranked = leaves[:]
        rng.shuffle(ranked)
        leaf_weights = [1 / (r + 1) ** CODE_ZIPF for r in range(len(ranked))]

        lengths, big_index = document_lengths(rng, spec)
        coding_counts = _split(spec.codings, [float(n) for n in lengths])
        places = rng.sample(vocab.PLACES, min(spec.cases, len(vocab.PLACES)))
        case_names = [
            f"{places[i % len(places)]}社区" + (f"（{i // len(places) + 1}）" if i >= len(places) else "")
            for i in range(spec.cases)
        ]
        fingerprint = hashlib.sha256(f"{GENERATOR_VERSION}/{spec}/{seed}".encode())
        astral = 0
        coding_rows: list[dict[str, Any]] = []
        span_rows: list[dict[str, Any]] = []
        with project.write() as session:
            case_rows = [Case(name=name, description="", position=i) for i, name in enumerate(case_names)]
            session.add_all(case_rows)
            session.flush()
            docs: list[tuple[Document, GeneratedText, int]] = []
            for i, length in enumerate(lengths):
                case = i % spec.cases
                role = rng.choice(vocab.ROLES)
                person = rng.choice(vocab.SURNAMES) + "某"
                big = i == big_index
                name = f"{case_names[case]}_{i + 1:03d}_{role}{person}" + ("_全程长访谈" if big else "")
                header = (
                    f"访谈编号：{case + 1:02d}-{i + 1:03d}\n"
                    f"访谈时间：2023年{rng.randint(1, 12)}月{rng.randint(1, 28)}日\n"
                    f"访谈地点：{case_names[case]}居委会\n访谈对象：{role}{person}\n"
                )
                generated = build_text(rng, length, header)
                text = normalise(generated.text)
                assert text == generated.text
                astral += sum(1 for ch in text if ord(ch) > 0xFFFF)
                row = Document(
                    name=name, text=text, length=len(text), sha256=sha256_text(text),
                    source_name=f"{name}.txt", source_format="txt", source_encoding="utf-8",
                    imported_at=BASE_TIME + timedelta(hours=i), position=i + 1, memo="",
                    stage_id=rng.choice(stage_ids) if rng.random() < 0.2 else None,
                )
                session.add(row)
                docs.append((row, generated, case))
            session.flush()
            session.execute(
                insert(case_document),
                [{"case_id": case_rows[case].id, "document_id": row.id} for row, _g, case in docs],
            )

            for (row, generated, _case), wanted in zip(docs, coding_counts, strict=True):
                fingerprint.update(row.sha256.encode())
                span_rows += _stage_spans(rng, row.id, generated, stage_ids)
                coding_rows += _codings(
                    rng, row.id, generated, wanted, ranked, leaf_weights, categories, code_ids, coder_ids,
                    stage_ids,
                )
            session.execute(insert(StageSpan), span_rows)
            session.execute(insert(Coding), coding_rows)

        for r in coding_rows:
            fingerprint.update(f"{r['document_id']}:{r['code_id']}:{r['coder_id']}:{r['start']}:{r['end']};".encode())
        info = project_info(project)
        big_row = docs[big_index][0]
        code_totals: dict[int, int] = {}
        for r in coding_rows:
            code_totals[r["code_id"]] = code_totals.get(r["code_id"], 0) + 1
        top_code = max(code_totals, key=lambda cid: (code_totals[cid], -cid))
        by_id = {cid: p for p, cid in code_ids.items()}
        manifest = {
            "generator_version": GENERATOR_VERSION,
            "size": spec.name,
            "seed": seed,
            "spec": asdict(spec),
            "counts": {**info.as_dict(), "cases": len(case_rows), "stage_spans": len(span_rows),
                       "astral_characters": astral},
            "big_document": {
                "id": big_row.id, "name": big_row.name, "length": big_row.length,
                "codings": coding_counts[big_index],
            },
            "top_code": {"id": top_code, "path": by_id[top_code], "codings": code_totals[top_code]},
            "leaf_code": {"id": code_ids[ranked[-1]], "path": ranked[-1]},
            "fingerprint": fingerprint.hexdigest(),
        }
    _checkpoint(path)
    manifest["generate_s"] = round(time.perf_counter() - began, 3)
    return manifest


def _stage_spans(
    rng: random.Random, document_id: int, doc: GeneratedText, stage_ids: list[int]
) -> list[dict[str, Any]]:
    """Consecutive stages over consecutive stretches of lines (two to all of them per document)."""
    lines = len(doc.line_starts) - 1
    count = min(lines, rng.randint(2, len(stage_ids)))
    first = rng.randint(0, len(stage_ids) - count)
    cuts = sorted(rng.sample(range(1, lines), count - 1)) if count > 1 else []
    bounds = [0, *cuts, lines]
    rows = []
    for k in range(count):
        start = doc.line_starts[bounds[k]]
        end = doc.line_starts[bounds[k + 1]] - 1  # without the line break
        if end > start:
            rows.append(
                {"document_id": document_id, "stage_id": stage_ids[first + k], "start": start, "end": end}
            )
    return rows


def _codings(
    rng: random.Random,
    document_id: int,
    doc: GeneratedText,
    wanted: int,
    ranked: list[str],
    leaf_weights: list[float],
    categories: list[str],
    code_ids: dict[str, int],
    coder_ids: list[int],
    stage_ids: list[int],
) -> list[dict[str, Any]]:
    """``wanted`` codings in one document: mostly answers, some questions, some double-coded."""
    answers = [i for i, s in enumerate(doc.sentences) if s.respondent]
    questions = [i for i, s in enumerate(doc.sentences) if not s.respondent]
    rows: list[dict[str, Any]] = []

    def row(span: tuple[int, int], code: str, coder: int) -> dict[str, Any]:
        own_stage = rng.choice(stage_ids) if rng.random() < 0.05 else None
        return {
            "document_id": document_id, "code_id": code_ids[code], "coder_id": coder,
            "start": span[0], "end": span[1],
            "memo": rng.choice(vocab.MEMOS) if rng.random() < 0.03 else "",
            "stage_id": own_stage,
            "created_at": BASE_TIME + timedelta(seconds=rng.randint(0, 365 * 86400)),
        }

    while len(rows) < wanted:
        pool = questions if (questions and rng.random() < 0.05) else answers
        span = _coding_span(rng, doc, rng.choice(pool))
        if span is None:
            continue
        # Mostly concepts (unevenly), sometimes a category itself.
        code = rng.choice(categories) if rng.random() < 0.1 else rng.choices(ranked, weights=leaf_weights)[0]
        coder = coder_ids[0] if rng.random() < 0.6 else coder_ids[-1]
        rows.append(row(span, code, coder))
        if len(rows) < wanted and len(coder_ids) > 1 and rng.random() < PAIRED_SHARE:
            other = coder_ids[-1] if coder == coder_ids[0] else coder_ids[0]
            if rng.random() < 0.3:  # the second coder disagrees: a sibling code
                parent = code.rsplit("/", 1)[0]
                siblings = [c for c in ranked if c.rsplit("/", 1)[0] == parent] or [code]
                code = rng.choice(siblings)
            rows.append(row(_jitter(rng, span, len(doc.text)), code, other))
    return rows


# --------------------------------------------------------------------------- the cache


def cache_paths(size: str, seed: int, cache_dir: Path = PROJECTS_DIR) -> tuple[Path, Path]:
    """Where the project of ``size`` and ``seed`` and its manifest are cached.

    The key includes the schema revision the project is made at, so that no scenario pays for a
    migration of a project cached before the schema changed.
    """
    from app.core.db.migrate import head_revision

    stem = f"{size}-seed{seed}-v{GENERATOR_VERSION}-{head_revision()}"
    return cache_dir / f"{stem}.guiji", cache_dir / f"{stem}.json"


def cached_project(size: str, seed: int = 1, cache_dir: Path = PROJECTS_DIR) -> tuple[Path, dict[str, Any]]:
    """The cached project of ``size`` and ``seed`` (generated first if missing) and its manifest."""
    path, manifest_path = cache_paths(size, seed, cache_dir)
    if path.is_file() and manifest_path.is_file():
        with contextlib.suppress(ValueError, OSError):
            return path, json.loads(manifest_path.read_text("utf-8"))
    cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = cache_dir / f".{path.stem}.{os.getpid()}.tmp.guiji"
    tmp.unlink(missing_ok=True)
    try:
        manifest = generate_project(tmp, SIZES[size], seed)
        os.replace(tmp, path)
    finally:
        for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm"), Path(f"{tmp}.lock")):
            leftover.unlink(missing_ok=True)
    manifest_tmp = manifest_path.with_suffix(".json.tmp")
    manifest_tmp.write_text(json.dumps(manifest, ensure_ascii=False, indent=2), "utf-8")
    os.replace(manifest_tmp, manifest_path)
    return path, manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.generate", description=__doc__.split("\n")[0])
    parser.add_argument("--size", choices=sorted(SIZES), default="small")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, help="write the project here instead of the cache")
    parser.add_argument("--cache-dir", type=Path, default=PROJECTS_DIR, help=f"default {PROJECTS_DIR}")
    args = parser.parse_args(argv)
    if args.out:
        manifest = generate_project(args.out, SIZES[args.size], args.seed)
    else:
        path, manifest = cached_project(args.size, args.seed, args.cache_dir)
        print(path, file=sys.stderr)
    print(json.dumps(manifest, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

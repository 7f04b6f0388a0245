"""Convert a document's script (Traditional ↔ Simplified) as an edit that keeps every range on its words.

OpenCC (:mod:`app.core.variants`) converts the whole text at once, phrase-aware, so a conversion may
change lengths (記憶體 → 内存 with the Taiwan variant). The conversion is then written as the
smallest splices of :mod:`app.core.editing` that turn the old text into the new one:

- the old text converted *character by character* (each character alone, same length) is the
  reference; where OpenCC's result agrees with it, each changed character is its own one-character
  splice, so no range boundary ever moves and a coding of 代議 stays exactly on 代议;
- where it disagrees (a phrase conversion), the two are re-synchronised on the nearest run of
  agreeing characters and the stretch in between is one splice (記憶體 → 内存), which the editing
  rules apply like any replacement: a range containing it grows or shrinks with it, a boundary
  inside it moves outward.

So every coding, stage span, case passage, rejected suggestion and registered range (memo anchors)
follows its words, and the record is an ordinary :class:`app.core.editing.TextChange` (kind
``"convert"``): undo, redo and the document history work as for any edit.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from app.core import editing, variants
from app.core.errors import ValidationError
from app.core.project import Project
from app.core.splice import Splice, splice_text

# How far (in characters, each side) to look for the point where the two texts agree again after a
# phrase conversion; OpenCC's phrases are far shorter.
_WINDOW = 16
# How many agreeing characters count as back in step.
_SYNC = 3
# How far a phrase conversion may reach beyond the characters where the two texts disagree.
_PHRASE = 6


@dataclass(frozen=True)
class ConvertPlan:
    """What a conversion would do to one document (nothing changed yet)."""

    document_id: int
    document: str
    config: str  # OpenCC configuration used
    old_length: int
    new_length: int
    splices: tuple[Splice, ...]
    changed_characters: int  # characters of the old text replaced
    moved: tuple[editing.MovedRange, ...]  # a conversion never removes a range


def _char_table(text: str, config: str) -> dict[int, str]:
    """Each distinct non-ASCII character of ``text`` converted alone, where it changes and stays one
    character (one OpenCC call for all of them)."""
    chars = sorted({ch for ch in text if ord(ch) >= 0x2E80})
    if not chars:
        return {}
    out = variants.converter(config).convert("\n".join(chars)).split("\n")
    if len(out) != len(chars):
        return {}
    return {ord(c): o for c, o in zip(chars, out, strict=True) if len(o) == 1 and o != c}


def _resync(ref: str, new: str, i: int, j: int) -> tuple[int, int]:
    """The nearest ``(a, b)`` after a disagreement at ``ref[i]``/``new[j]`` where both agree again
    for ``_SYNC`` characters (or both end); smallest ``a + b`` first."""
    for total in range(1, 2 * _WINDOW + 1):
        for a in range(max(0, total - _WINDOW), min(total, _WINDOW) + 1):
            b = total - a
            ia, jb = i + a, j + b
            if ia > len(ref) or jb > len(new):
                continue
            tail = min(_SYNC, len(ref) - ia, len(new) - jb)
            if ref[ia : ia + tail] == new[jb : jb + tail] and (tail == _SYNC or (ia == len(ref) and jb == len(new))):
                return ia, jb
    return len(ref), len(new)  # never in step again: the rest is one splice


def _split(old: str, new: str, piece: Callable[[str], str] | None) -> list[tuple[int, int, int, int]]:
    """Cut a disagreeing stretch (``old`` became ``new``) into the smallest pieces that convert on
    their own to their part of ``new`` (記憶體記憶體 → 内存|内存), as ``(i, i2, j, j2)``."""
    if piece is not None:
        for k in range(1, len(old)):
            head = piece(old[:k])
            if new.startswith(head) and piece(old[k:]) == new[len(head) :]:
                rest = _split(old[k:], new[len(head) :], piece)
                n = len(head)
                return [(0, k, 0, n)] + [(i + k, i2 + k, j + n, j2 + n) for i, i2, j, j2 in rest]
    return [(0, len(old), 0, len(new))]


def _stretch(old: str, new: str, at: int, out: list[Splice]) -> None:
    """Splices for ``old`` (starting at ``at``) becoming ``new``: character for character when the
    lengths agree (軟體 → 软件: nothing moves), else one splice."""
    if len(old) == len(new):
        out.extend(Splice(at + k, at + k + 1, n) for k, (o, n) in enumerate(zip(old, new, strict=True)) if o != n)
    elif old != new:
        out.append(Splice(at, at + len(old), new))


def _agree(ref: str, new: str, i: int, j: int) -> tuple[int, int]:
    """How far ``ref`` from ``i`` and ``new`` from ``j`` agree (compared in chunks: C speed)."""
    step = 64
    while i < len(ref) and j < len(new):
        m = min(step, len(ref) - i, len(new) - j)
        if ref[i : i + m] == new[j : j + m]:
            i, j = i + m, j + m
        elif ref[i] == new[j]:
            i, j = i + 1, j + 1
        else:
            break
    return i, j


def _phrase(
    old: str, new: str, ref: str, at: tuple[int, int, int, int], done: int, piece: Callable[[str], str] | None
) -> tuple[int, int, int, int]:
    """Widen the disagreeing stretch ``old[i:ia]`` → ``new[j:jb]`` to the phrase it belongs to: the
    phrase may begin a few agreeing characters earlier (軟體 → 软件 disagrees only from 體) and end a
    few later (計程車 → 出租车 agrees again at 車). The nearest widening that converts on its own to
    its part of ``new`` wins; without one the stretch stays as it is."""
    i, ia, j, jb = at
    if piece is None:
        return at
    ahead = 0
    limit = min(_PHRASE, len(old) - ia, len(new) - jb)
    while ahead < limit and old[ia + ahead] != "\n" and ref[ia + ahead] == new[jb + ahead]:
        ahead += 1
    for extra in range(ahead + 1):
        for back in range(min(_PHRASE, i - done) + 1):
            if piece(old[i - back : ia + extra]) == new[j - back : jb + extra]:
                return i - back, ia + extra, j - back, jb + extra
    return at


def align(old: str, new: str, ref: str, piece: Callable[[str], str] | None = None) -> list[Splice]:
    """Splices turning ``old`` into ``new``, where ``ref`` is ``old`` converted character by
    character (same length as ``old``) and ``piece`` converts a short stretch on its own (to find
    where a phrase conversion begins and ends, and to cut adjacent ones apart)."""
    if len(old) == len(new) and ref == new:  # no phrase changed a character: all one-for-one
        return [Splice(k, k + 1, n) for k, (o, n) in enumerate(zip(old, new, strict=True)) if o != n]
    changed = [k for k, (o, r) in enumerate(zip(old, ref, strict=True)) if o != r]
    splices: list[Splice] = []
    i = j = done = 0
    while i < len(ref) or j < len(new):
        i2, j2 = _agree(ref, new, i, j)
        # Where the two agree, each character that converts alone is its own splice.
        splices.extend(Splice(k, k + 1, ref[k]) for k in changed[bisect_left(changed, i) : bisect_left(changed, i2)])
        i, j = i2, j2
        if i >= len(ref) and j >= len(new):
            break
        ia, jb = _resync(ref, new, i, j)
        i, ia, j, jb = _phrase(old, new, ref, (i, ia, j, jb), done, piece)
        while splices and splices[-1].start >= i:
            splices.pop()
        for a, a2, b, b2 in _split(old[i:ia], new[j:jb], piece):
            _stretch(old[i + a : i + a2], new[j + b : j + b2], i + a, splices)
        i, j = ia, jb
        done = ia
    return splices


def _plan_text(text: str, config: str) -> tuple[str, list[Splice]]:
    new = variants.converter(config).convert(text)
    ref = text.translate(_char_table(text, config))
    if len(ref) != len(text):  # a character that converts to two alone: compare without the table
        ref = text
    splices = align(text, new, ref, variants.converter(config).convert)
    if splice_text(text, splices) != new:  # the alignment is exact by construction; never trust it blindly
        splices = [Splice(0, len(text), new)] if new != text else []
    return new, splices


def _plan_ranges(session: Any, doc_id: int, text: str, splices: list[Splice]) -> list[editing.MovedRange]:
    """Where every range goes. Only the splices that change the length move anything (a character
    replaced by one character keeps every range as it is); a range lying wholly inside converted
    phrases, which an edit would remove, takes the new phrase instead: a conversion loses nothing."""
    resizing = [sp for sp in splices if sp.delta != 0]
    if not resizing:
        return []
    moved, removed = editing._plan_ranges(session, doc_id, text, resizing)
    new_starts: list[int] = []
    shift = 0
    for sp in resizing:
        new_starts.append(sp.start + shift)
        shift += sp.delta
    for r in removed:
        touched = [k for k, sp in enumerate(resizing) if sp.start < r.end and sp.end > r.start]
        first, last = touched[0], touched[-1]
        new_end = new_starts[last] + len(resizing[last].text)
        moved.append(editing.MovedRange(r.table, r.id, r.start, r.end, new_starts[first], new_end))
    return moved


def preview_convert(project: Project, document_id: int, to: str, variant: str | None = None) -> ConvertPlan:
    """What converting a document to script ``to`` (``hans``/``hant``, regional ``variant``
    ``tw``/``hk``) would change; changes nothing."""
    config = _config(to, variant)
    with project.read() as session:
        doc = editing._get_document(session, document_id)
        new, splices = _plan_text(doc.text, config)
        moved = _plan_ranges(session, doc.id, doc.text, splices)
        return ConvertPlan(
            document_id=doc.id,
            document=doc.name,
            config=config,
            old_length=len(doc.text),
            new_length=len(new),
            splices=tuple(splices),
            changed_characters=sum(s.end - s.start for s in splices),
            moved=tuple(moved),
        )


def convert_document(
    project: Project, document_id: int, to: str, variant: str | None = None, *, coder: str, note: str = ""
) -> editing.TextChange:
    """Convert a document's script in one unit of work (one undo step); every range stays on its words.

    Raises :class:`ValidationError` when the text is already in that script (nothing would change).
    """
    config = _config(to, variant)
    with project.write() as session:
        doc = editing._get_document(session, document_id)
        text = doc.text
        new_text, splices = _plan_text(text, config)
        if not splices:
            raise ValidationError(
                f"{doc.name}: the text is already in that script; nothing to change",
                code="convert.unchanged",
                params={"file": doc.name},
            )
        moved = _plan_ranges(session, doc.id, text, splices)
        editing._set_ranges(session, moved, new=True)
        change = editing.DocumentChange(
            document_id=doc.id,
            document=doc.name,
            splices=tuple(splices),
            replaced=tuple(text[sp.start : sp.end] for sp in splices),
            old_sha256=doc.sha256,
            new_sha256=editing._write_text(session, doc.id, new_text),
            old_length=len(text),
            new_length=len(new_text),
        )
        history = editing._add_history(
            session,
            document_id=doc.id,
            kind="convert",
            coder=coder,
            start=None,
            end=None,
            old_text=config,
            new_text=to + (f"-{variant}" if variant else ""),
            hits=len(splices),
            removed=0,
            note=note,
        )
    return editing.TextChange("convert", (change,), tuple(moved), (), (), (history,))


def convert_documents(
    project: Project, document_ids: list[int], to: str, variant: str | None = None, *, coder: str
) -> list[editing.TextChange]:
    """Convert several documents (e.g. just imported with "convert" chosen), one record each; those
    already in the script are left alone."""
    changes = []
    for doc_id in document_ids:
        try:
            changes.append(convert_document(project, doc_id, to, variant, coder=coder))
        except ValidationError as exc:
            if exc.code != "convert.unchanged":
                raise
    return changes


def _config(to: str, variant: str | None) -> str:
    try:
        return variants.config_for(to, variant)
    except ValueError as exc:
        raise ValidationError(str(exc), code="convert.bad_target", params={"to": to, "variant": variant}) from None


__all__ = ["ConvertPlan", "align", "convert_document", "convert_documents", "preview_convert"]

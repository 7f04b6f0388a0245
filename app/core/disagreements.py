"""Where two coders disagree on a document, and settling it into a consensus coder (合议).

For each code, the spans of both coders are grouped into *passages*: runs of spans that overlap one
another (touching is not overlapping). A passage both coders coded with exactly the same spans is an
agreement; any other passage is a disagreement of one of three kinds — only A coded it, only B coded
it, or both did but with different spans.

A disagreement is *settled* when the consensus coder has a coding of that code overlapping it, or a
recorded decision that the passage is not coded (accepting the side that has no coding). Those
decisions live in the project's key/value table, so they survive closing the project and are undone
with the step that made them. Positions are code points.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from app.core import coding as service
from app.core.changes import Changes
from app.core.coding import CodingInfo, NewCoding
from app.core.errors import ValidationError
from app.core.ops import Done, done
from app.core.project import Project, project_meta, set_project_meta

Kind = Literal["only_a", "only_b", "different"]
Side = Literal["a", "b", "both"]

#: The key of the "not coded" decisions in ``project_meta``: JSON rows [document, code, start, end, coder].
DECISIONS_KEY = "consensus_not_coded"


@dataclass(frozen=True)
class Passage:
    """Overlapping spans of one code in one document, from either coder."""

    document_id: int
    code_id: int
    code: str
    start: int  # the extent of every span in the passage
    end: int
    a: tuple[CodingInfo, ...]
    b: tuple[CodingInfo, ...]

    @property
    def kind(self) -> Kind | None:
        """None when both coders coded the passage with the same spans (an agreement)."""
        if not self.b:
            return "only_a"
        if not self.a:
            return "only_b"
        if sorted((c.start, c.end) for c in self.a) == sorted((c.start, c.end) for c in self.b):
            return None
        return "different"


def passages(a: Iterable[CodingInfo], b: Iterable[CodingInfo]) -> list[Passage]:
    """Every passage of the codings ``a`` (coder A) and ``b`` (coder B), by position then code path."""
    by_key: dict[tuple[int, int], list[tuple[int, int, int, CodingInfo]]] = {}
    for side, codings in ((0, a), (1, b)):
        for c in codings:
            if c.end > c.start:
                by_key.setdefault((c.document_id, c.code_id), []).append((c.start, c.end, side, c))
    found: list[Passage] = []
    for (document_id, code_id), spans in by_key.items():
        spans.sort(key=lambda s: (s[0], s[1], s[2], s[3].id))
        groups: list[list[tuple[int, int, int, CodingInfo]]] = []
        end = -1
        for span in spans:
            if not groups or span[0] >= end:
                groups.append([])
                end = span[1]
            groups[-1].append(span)
            end = max(end, span[1])
        found.extend(Passage(document_id, code_id, g[0][3].code, g[0][0], max(s[1] for s in g),
                             tuple(s[3] for s in g if s[2] == 0), tuple(s[3] for s in g if s[2] == 1))
                     for g in groups)
    found.sort(key=lambda p: (p.document_id, p.start, p.end, p.code))
    return found


def disagreements(a: Iterable[CodingInfo], b: Iterable[CodingInfo]) -> list[Passage]:
    """The passages on which the two coders disagree."""
    return [p for p in passages(a, b) if p.kind is not None]


# --- consensus -------------------------------------------------------------------------------------------
def not_coded_decisions(project: Project) -> list[tuple[int, int, int, int, str]]:
    """Every recorded "not coded" decision: (document id, code id, start, end, consensus coder)."""
    raw = project_meta(project, DECISIONS_KEY)
    return [(int(d), int(c), int(s), int(e), str(n)) for d, c, s, e, n in json.loads(raw)] if raw else []


def _overlaps(p: Passage, start: int, end: int) -> bool:
    return start < p.end and p.start < end


def settled(p: Passage, consensus: Sequence[CodingInfo],
            decisions: Sequence[tuple[int, int, int, int, str]], coder: str) -> bool:
    """Whether the consensus coder ``coder`` has decided the passage ``p``."""
    return any(c.document_id == p.document_id and c.code_id == p.code_id and c.coder == coder
               and _overlaps(p, c.start, c.end) for c in consensus) or any(
        d[0] == p.document_id and d[1] == p.code_id and d[4] == coder and _overlaps(p, d[2], d[3])
        for d in decisions)


def _chosen_spans(p: Passage, side: Side) -> list[CodingInfo]:
    if side == "a":
        return list(p.a)
    if side == "b":
        return list(p.b)
    return list(p.a) + list(p.b)


def accept(project: Project, p: Passage, side: Side, consensus: str) -> Done[list[CodingInfo]]:
    """Settle ``p`` for the consensus coder: A's spans, B's, or both (one coding over their extent).

    Whatever the consensus coder had decided on the passage before is replaced. Accepting the side
    without a coding records that the passage is not coded. One undoable step.
    """
    consensus = consensus.strip()
    if not consensus:
        raise ValidationError("a coder name cannot be empty", code="name.empty", params={"what": "coder"})
    chosen = _chosen_spans(p, side)
    if side == "both" and chosen:
        spans = [(p.start, p.end, chosen[0])]
    else:  # one coding per distinct span (the same span from both coders is taken once)
        unique = {(c.start, c.end): c for c in chosen}
        spans = [(s, e, unique[(s, e)]) for s, e in sorted(unique)]
    items = [NewCoding(document_id=p.document_id, code_id=p.code_id, start=s, end=e, coder=consensus,
                       memo=c.memo, stage_id=c.own_stage_id) for s, e, c in spans]
    old_decisions = project_meta(project, DECISIONS_KEY)
    kept = [d for d in not_coded_decisions(project)
            if not (d[0] == p.document_id and d[1] == p.code_id and d[4] == consensus and _overlaps(p, d[2], d[3]))]
    new_decisions = kept + ([] if items else [(p.document_id, p.code_id, p.start, p.end, consensus)])
    new_raw = json.dumps(new_decisions) if new_decisions else ""
    previous = [c for c in service.list_codings(project, document_id=p.document_id, code_id=p.code_id)
                if c.coder == consensus and _overlaps(p, c.start, c.end)]
    removed = service.remove_codings(project, [c.id for c in previous]) if previous else []
    made = service.apply_codings(project, items) if items else []
    set_project_meta(project, DECISIONS_KEY, new_raw)
    again = [service.as_new_coding(c) for c in made]
    back = [service.as_new_coding(c) for c in removed]
    # A "not coded" decision changes no coding: name the document so that views re-read it.
    marker = frozenset({p.document_id}) if new_raw != old_decisions else frozenset()

    def undo() -> None:
        if made:
            service.remove_codings(project, [c.id for c in made])
        if back:
            service.apply_codings(project, back)
        set_project_meta(project, DECISIONS_KEY, old_decisions)

    def redo() -> None:
        if back:
            service.remove_codings(project, [c.id for c in removed])
        if again:
            service.apply_codings(project, again)
        set_project_meta(project, DECISIONS_KEY, new_raw)

    return done("settle_disagreement", p.code, made,
                Changes(codings_added=tuple(made), codings_removed=tuple(removed), codings_in=marker),
                undo, redo,
                undo_changes=Changes(codings_added=tuple(removed), codings_removed=tuple(made), codings_in=marker))


def accept_agreed(project: Project, all_passages: Sequence[Passage], consensus: str) -> Done[list[CodingInfo]]:
    """Copy every passage both coders coded alike into the consensus coder (one undoable step).

    Passages the consensus coder has already decided are left as they are, so it can be run again.
    """
    consensus = consensus.strip()
    if not consensus:
        raise ValidationError("a coder name cannot be empty", code="name.empty", params={"what": "coder"})
    agreed = [p for p in all_passages if p.kind is None]
    documents = sorted({p.document_id for p in agreed})
    decided = [c for d in documents for c in service.list_codings(project, document_id=d) if c.coder == consensus]
    decisions = not_coded_decisions(project)
    items = [NewCoding(document_id=c.document_id, code_id=c.code_id, start=c.start, end=c.end, coder=consensus,
                       memo=c.memo, stage_id=c.own_stage_id)
             for p in agreed if not settled(p, decided, decisions, consensus) for c in p.a]
    made = service.apply_codings(project, items) if items else []
    again = [service.as_new_coding(c) for c in made]
    return done("accept_agreed", consensus, made, Changes(codings_added=tuple(made)),
                lambda: service.remove_codings(project, [c.id for c in made]),
                lambda: service.apply_codings(project, again),
                undo_changes=Changes(codings_removed=tuple(made)))


@dataclass(frozen=True)
class Tally:
    """How far two coders agree on passages, and how many disagreements are settled."""

    passages: int
    agreed: int
    disagreements: int
    settled: int
    agreed_copied: int = 0  # agreed passages the consensus coder holds too

    @property
    def percent(self) -> float | None:
        return 100.0 * self.agreed / self.passages if self.passages else None


def tally(all_passages: Sequence[Passage], consensus: Sequence[CodingInfo],
          decisions: Sequence[tuple[int, int, int, int, str]], coder: str) -> Tally:
    """Count agreements, disagreements and settled disagreements among ``all_passages``."""
    open_ = [p for p in all_passages if p.kind is not None]
    agreed = [p for p in all_passages if p.kind is None]
    return Tally(len(all_passages), len(agreed), len(open_),
                 sum(1 for p in open_ if settled(p, consensus, decisions, coder)),
                 sum(1 for p in agreed if settled(p, consensus, decisions, coder)))

"""Action-logic links: directed relations between codes, with the passages that evidence them.

A link says that code A 促进 (leads to), 支撑 (enables), 制约 (constrains), 转化为 (becomes) or 构成
(is part of) code B — or any relation the researcher names. Each piece of evidence is a coding,
judged by the process-tracing test it passes or fails (Van Evera's straw-in-the-wind, hoop, smoking
gun, doubly decisive) and whether it supports or contradicts the link. :func:`summarize` turns the
evidence into a verdict.

Every change is one unit of work and returns what its undo needs: :func:`delete_link` returns a
snapshot for :func:`restore_link`; :func:`update_link` and :func:`update_evidence` return the record
before the change; :func:`remove_evidence` returns the evidence, which :func:`add_evidence` re-creates
under its id.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.codebook import code_paths
from app.core.db.models import Code, Coding, Document, Link, LinkEvidence, Stage, utcnow
from app.core.db.snapshot import RowsSnapshot, capture, restore
from app.core.errors import ValidationError
from app.core.lookup import get_or_raise, not_found
from app.core.project import Project

#: Built-in relation types: key -> (Chinese label, English label, line style in figures).
RELATIONS: dict[str, tuple[str, str, str]] = {
    "leads_to": ("促进", "leads to", "solid"),
    "enables": ("支撑", "enables", "dash"),
    "constrains": ("制约", "constrains", "dot"),
    "becomes": ("转化为", "becomes", "dashdot"),
    "part_of": ("构成", "part of", "dashdotdot"),
}
#: Process-tracing tests: key -> (Chinese, English). Order: weakest to strongest.
TESTS: dict[str, tuple[str, str]] = {
    "straw_in_the_wind": ("风中稻草", "straw-in-the-wind"),
    "hoop": ("环箍", "hoop"),
    "smoking_gun": ("冒烟枪", "smoking gun"),
    "doubly_decisive": ("双重决定", "doubly decisive"),
}
STANCES: dict[str, tuple[str, str]] = {"supports": ("支持", "supports"), "contradicts": ("反驳", "contradicts")}
RELATION_MAX = 64


def relation_key(text: str) -> str:
    """The stored relation for a key, a Chinese or an English label; other text is a user-defined type."""
    cleaned = " ".join(text.split())
    if not cleaned:
        raise ValidationError("a link needs a relation type (促进, 支撑, 制约, 转化为, 构成 or your own)",
                              code="link.no_relation")
    if len(cleaned) > RELATION_MAX:
        raise ValidationError(f"a relation type has at most {RELATION_MAX} characters: {cleaned[:20]!r}…",
                              code="too_long", params={"what": "relation", "limit": RELATION_MAX})
    lowered = cleaned.lower().replace("-", " ").replace("_", " ")
    for key, (zh, en, _style) in RELATIONS.items():
        if lowered in (key.replace("_", " "), en) or cleaned == zh:
            return key
    return cleaned


def relation_label(relation: str, *, english: bool = False) -> str:
    """How a relation is shown: the label of a built-in type, else the user's own name."""
    if relation in RELATIONS:
        zh, en, _style = RELATIONS[relation]
        return en if english else zh
    return relation


def relation_style(relation: str) -> str:
    """The line style of a relation in figures; user-defined types share one."""
    return RELATIONS[relation][2] if relation in RELATIONS else "longdash"


def _choice(value: str, allowed: dict[str, tuple[str, str]], what: str) -> str:
    cleaned = value.strip()
    lowered = cleaned.lower().replace("-", "_").replace(" ", "_")
    for key, (zh, en) in allowed.items():
        if lowered in (key, en.replace("-", "_").replace(" ", "_")) or cleaned == zh:
            return key
    raise ValidationError(f"{what} must be one of {', '.join(allowed)}, not {value!r}", code="value.choice",
                          params={"value": value, "allowed": ", ".join(allowed)})


def tracing_test(value: str) -> str:
    """A process-tracing test by key, English or Chinese name."""
    return _choice(value, TESTS, "the process-tracing test")


def stance_key(value: str) -> str:
    """``supports`` or ``contradicts`` (also 支持/反驳)."""
    return _choice(value, STANCES, "the evidence's stance")


@dataclass(frozen=True)
class EvidenceInfo:
    """A coding that evidences a link."""

    id: int
    link_id: int
    coding_id: int
    document_id: int
    document: str
    start: int
    end: int
    text: str
    code: str
    test: str
    stance: str
    note: str
    created_at: datetime


@dataclass(frozen=True)
class EvidenceSummary:
    """What a link's evidence says, by stance and test, and the verdict it supports."""

    supports: int
    contradicts: int
    tests: tuple[tuple[str, str, int], ...]  # (stance, test, count), strongest tests first
    verdict: str  # untested | weak | relevant | confirmed | weakened | eliminated | contested

    @property
    def total(self) -> int:
        return self.supports + self.contradicts

    def short(self) -> str:
        """A compact label for figures: ``+3 −1 确证``."""
        if not self.total:
            return ""
        parts = [f"+{self.supports}"] if self.supports else []
        if self.contradicts:
            parts.append(f"−{self.contradicts}")
        parts.append(VERDICTS[self.verdict][0])
        return " ".join(parts)


#: Verdicts: key -> (Chinese, English).
VERDICTS: dict[str, tuple[str, str]] = {
    "untested": ("未检验", "untested"),
    "weak": ("弱支持", "weakly supported"),
    "relevant": ("相关", "relevant (passed a hoop test)"),
    "confirmed": ("确证", "confirmed"),
    "weakened": ("削弱", "weakened"),
    "eliminated": ("排除", "eliminated"),
    "contested": ("存疑", "contested"),
}


def summarize(evidence: list[EvidenceInfo] | tuple[EvidenceInfo, ...]) -> EvidenceSummary:
    """Van Evera's logic: a passed smoking gun or doubly decisive test confirms the link; a failed hoop
    or doubly decisive test eliminates it (both at once: contested); a passed hoop test makes it
    relevant; straw-in-the-wind evidence only weakly supports or weakens it."""
    counts = Counter((e.stance, e.test) for e in evidence)
    supports = sum(n for (stance, _t), n in counts.items() if stance == "supports")
    contradicts = sum(counts.values()) - supports
    confirmed = counts[("supports", "smoking_gun")] + counts[("supports", "doubly_decisive")] > 0
    eliminated = counts[("contradicts", "hoop")] + counts[("contradicts", "doubly_decisive")] > 0
    if confirmed and eliminated:
        verdict = "contested"
    elif eliminated:
        verdict = "eliminated"
    elif confirmed:
        verdict = "confirmed"
    elif counts[("supports", "hoop")]:
        verdict = "relevant"
    elif supports and supports >= contradicts:
        verdict = "weak"
    elif contradicts:
        verdict = "weakened"
    else:
        verdict = "untested"
    strength = list(TESTS)
    tests = tuple(
        (stance, test, n)
        for (stance, test), n in sorted(counts.items(), key=lambda kv: (kv[0][0] != "supports",
                                                                         -strength.index(kv[0][1])))
    )
    return EvidenceSummary(supports, contradicts, tests, verdict)


@dataclass(frozen=True)
class LinkInfo:
    """A link with its codes, stages, evidence and the summary of its evidence."""

    id: int
    source_id: int
    source: str  # code path
    target_id: int
    target: str
    source_stage_id: int | None
    source_stage: str | None
    target_stage_id: int | None
    target_stage: str | None
    relation: str  # a key of RELATIONS or a user-defined name
    memo: str
    coder: str
    created_at: datetime
    evidence: tuple[EvidenceInfo, ...]
    summary: EvidenceSummary

    @property
    def label(self) -> str:
        """The relation as shown (Chinese label of a built-in type)."""
        return relation_label(self.relation)


@dataclass(frozen=True)
class LinkSnapshot:
    """A deleted link with its evidence (see :func:`restore_link`)."""

    link: LinkInfo
    rows: RowsSnapshot


def _check_stage(session: Session, stage_id: int | None) -> None:
    if stage_id is not None:
        get_or_raise(session, Stage, stage_id, what="stage")


def create_link(
    project: Project,
    source_id: int,
    target_id: int,
    relation: str = "leads_to",
    *,
    source_stage_id: int | None = None,
    target_stage_id: int | None = None,
    memo: str = "",
    coder: str = "",
    link_id: int | None = None,
    created_at: datetime | None = None,
) -> LinkInfo:
    """Link code ``source_id`` to ``target_id`` (``link_id``/``created_at`` re-create a deleted one)."""
    key = relation_key(relation)
    with project.write() as session:
        for code_id in (source_id, target_id):
            get_or_raise(session, Code, code_id, what="code")
        _check_stage(session, source_stage_id)
        _check_stage(session, target_stage_id)
        if source_id == target_id and (source_stage_id is None or source_stage_id == target_stage_id):
            raise ValidationError("a link joins two different codes, or one code in two different stages",
                                  code="link.same_ends")
        row = Link(source_id=source_id, target_id=target_id, source_stage_id=source_stage_id,
                   target_stage_id=target_stage_id, relation=key, memo=memo, coder=coder,
                   created_at=created_at or utcnow())
        if link_id is not None:
            if session.get(Link, link_id) is not None:
                raise ValidationError(f"a link with id {link_id} already exists", code="link.exists",
                                      params={"id": link_id})
            row.id = link_id
        session.add(row)
        session.flush()
        new_id = row.id
    return get_link(project, new_id)


_UNSET = object()


def update_link(
    project: Project,
    link_id: int,
    *,
    relation: str | None = None,
    memo: str | None = None,
    source_stage_id: object = _UNSET,
    target_stage_id: object = _UNSET,
) -> LinkInfo:
    """Change a link's relation, memo or stages; returns the link as it was before (undo: pass it back
    to :func:`set_link`)."""
    before = get_link(project, link_id)
    with project.write() as session:
        row = _get(session, link_id)
        if relation is not None:
            row.relation = relation_key(relation)
        if memo is not None:
            row.memo = memo
        if source_stage_id is not _UNSET:
            _check_stage(session, source_stage_id)  # type: ignore[arg-type]
            row.source_stage_id = source_stage_id  # type: ignore[assignment]
        if target_stage_id is not _UNSET:
            _check_stage(session, target_stage_id)  # type: ignore[arg-type]
            row.target_stage_id = target_stage_id  # type: ignore[assignment]
    return before


def set_link(project: Project, info: LinkInfo) -> LinkInfo:
    """Put a link's relation, memo and stages back as ``info`` has them (undo of :func:`update_link`)."""
    return update_link(project, info.id, relation=info.relation, memo=info.memo,
                       source_stage_id=info.source_stage_id, target_stage_id=info.target_stage_id)


def delete_link(project: Project, link_id: int) -> LinkSnapshot:
    """Delete a link and its evidence; returns what :func:`restore_link` needs."""
    info = get_link(project, link_id)
    with project.write() as session:
        row = _get(session, link_id)
        rows = capture(session, "link", [link_id])
        session.delete(row)
    return LinkSnapshot(info, rows)


def restore_link(project: Project, snapshot: LinkSnapshot) -> LinkInfo:
    """Put a deleted link back with its id and evidence."""
    with project.write() as session:
        if session.get(Link, snapshot.link.id) is not None:
            raise ValidationError(f"a link with id {snapshot.link.id} already exists", code="link.exists",
                                  params={"id": snapshot.link.id})
        restore(session, snapshot.rows)
    return get_link(project, snapshot.link.id)


def add_evidence(
    project: Project,
    link_id: int,
    coding_id: int,
    *,
    test: str = "straw_in_the_wind",
    stance: str = "supports",
    note: str = "",
    evidence_id: int | None = None,
    created_at: datetime | None = None,
) -> EvidenceInfo:
    """Add a coding as evidence of a link (``evidence_id``/``created_at`` re-create removed evidence)."""
    test, stance = tracing_test(test), stance_key(stance)
    with project.write() as session:
        _get(session, link_id)
        get_or_raise(session, Coding, coding_id, what="coding")
        clash = session.scalar(select(LinkEvidence.id).where(
            LinkEvidence.link_id == link_id, LinkEvidence.coding_id == coding_id))
        if clash is not None:
            raise ValidationError("this passage is already evidence of the link", code="link.evidence_exists")
        row = LinkEvidence(link_id=link_id, coding_id=coding_id, test=test, stance=stance, note=note,
                           created_at=created_at or utcnow())
        if evidence_id is not None:
            row.id = evidence_id
        session.add(row)
        session.flush()
        new_id = row.id
    return get_evidence(project, new_id)


def update_evidence(
    project: Project, evidence_id: int, *, test: str | None = None, stance: str | None = None,
    note: str | None = None,
) -> EvidenceInfo:
    """Change the test, stance or note of a piece of evidence; returns it as it was before."""
    before = get_evidence(project, evidence_id)
    with project.write() as session:
        row = get_or_raise(session, LinkEvidence, evidence_id, what="link evidence")
        if test is not None:
            row.test = tracing_test(test)
        if stance is not None:
            row.stance = stance_key(stance)
        if note is not None:
            row.note = note
    return before


def remove_evidence(project: Project, evidence_id: int) -> EvidenceInfo:
    """Remove a piece of evidence; returns it (undo: :func:`readd_evidence`)."""
    info = get_evidence(project, evidence_id)
    with project.write() as session:
        row = session.get(LinkEvidence, evidence_id)
        if row is not None:
            session.delete(row)
    return info


def readd_evidence(project: Project, info: EvidenceInfo) -> EvidenceInfo:
    """Re-create removed evidence under its id."""
    return add_evidence(project, info.link_id, info.coding_id, test=info.test, stance=info.stance,
                        note=info.note, evidence_id=info.id, created_at=info.created_at)


def get_evidence(project: Project, evidence_id: int) -> EvidenceInfo:
    """One piece of evidence by id."""
    with project.read() as session:
        found = _evidence(session, evidence_ids=[evidence_id])
    if not found:
        raise not_found("link evidence", evidence_id)
    return found[0]


def get_link(project: Project, link_id: int) -> LinkInfo:
    """One link by id."""
    with project.read() as session:
        found = _links(session, [link_id])
    if not found:
        raise not_found("link", link_id)
    return found[0]


def list_links(project: Project) -> list[LinkInfo]:
    """Every link, oldest first, with its evidence."""
    with project.read() as session:
        return _links(session, None)


def _get(session: Session, link_id: int) -> Link:
    return get_or_raise(session, Link, link_id, what="link")


def _evidence(
    session: Session, *, evidence_ids: list[int] | None = None, link_ids: list[int] | None = None
) -> list[EvidenceInfo]:
    query = (
        select(LinkEvidence.id, LinkEvidence.link_id, LinkEvidence.coding_id, Coding.document_id, Document.name,
               Coding.start, Coding.end, Coding.code_id, LinkEvidence.test, LinkEvidence.stance,
               LinkEvidence.note, LinkEvidence.created_at)
        .join(Coding, Coding.id == LinkEvidence.coding_id)
        .join(Document, Document.id == Coding.document_id)
        .order_by(LinkEvidence.link_id, Document.position, Document.id, Coding.start, LinkEvidence.id)
    )
    if evidence_ids is not None:
        query = query.where(LinkEvidence.id.in_(evidence_ids))
    if link_ids is not None:
        query = query.where(LinkEvidence.link_id.in_(link_ids))
    rows = session.execute(query).all()
    if not rows:
        return []
    texts = dict(session.execute(
        select(Document.id, Document.text).where(Document.id.in_({r[3] for r in rows}))).all())
    names = code_paths(session)
    return [
        EvidenceInfo(r[0], r[1], r[2], r[3], r[4], r[5], r[6], texts[r[3]][r[5]:r[6]], names[r[7]], r[8], r[9],
                     r[10], r[11])
        for r in rows
    ]


def _links(session: Session, link_ids: list[int] | None) -> list[LinkInfo]:
    query = select(Link).order_by(Link.id)
    if link_ids is not None:
        query = query.where(Link.id.in_(link_ids))
    rows = list(session.scalars(query))
    if not rows:
        return []
    evidence: dict[int, list[EvidenceInfo]] = {}
    for item in _evidence(session, link_ids=[r.id for r in rows]):
        evidence.setdefault(item.link_id, []).append(item)
    names = code_paths(session)
    stages = dict(session.execute(select(Stage.id, Stage.name)).all())
    out = []
    for r in rows:
        items = tuple(evidence.get(r.id, ()))
        out.append(LinkInfo(
            r.id, r.source_id, names[r.source_id], r.target_id, names[r.target_id], r.source_stage_id,
            stages.get(r.source_stage_id) if r.source_stage_id is not None else None, r.target_stage_id,
            stages.get(r.target_stage_id) if r.target_stage_id is not None else None, r.relation, r.memo,
            r.coder, r.created_at, items, summarize(items),
        ))
    return out

"""SQLAlchemy models of a Guiji project file.

Positions (``start``/``end``) are Unicode code point indices into ``Document.text``, end exclusive.
Relationships are ``lazy="raise"``: services load what they need explicitly, and no lazy load can
hide a query in a loop or leak an ORM object to the UI.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, deferred, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """The current time in UTC (stored naive, as SQLite has no time zones)."""
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class ProjectMeta(Base):
    """Key/value facts about the project (its memo, its creation time, the app version)."""

    __tablename__ = "project_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class Coder(Base):
    __tablename__ = "coder"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Stage(Base):
    """One phase of the process being studied; ``position`` orders the stages."""

    __tablename__ = "stage"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    description: Mapped[str] = mapped_column(Text, default="")
    color: Mapped[str] = mapped_column(String(9), default="#888888")
    # Optional calendar range of the phase (either end may be open).
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)


case_document = Table(
    "case_document",
    Base.metadata,
    Column("case_id", ForeignKey("case.id", ondelete="CASCADE"), primary_key=True),
    Column("document_id", ForeignKey("document.id", ondelete="CASCADE"), primary_key=True),
)


class Case(Base):
    """The unit whose process is traced; it groups documents."""

    __tablename__ = "case"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


class Document(Base):
    """A transcript: its normalised text is stored once, with its SHA-256."""

    __tablename__ = "document"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(400), unique=True)
    text: Mapped[str] = deferred(mapped_column(Text, nullable=False))
    length: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    source_name: Mapped[str] = mapped_column(String(1000), default="")
    source_format: Mapped[str] = mapped_column(String(16), default="txt")
    source_encoding: Mapped[str] = mapped_column(String(32), default="")
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    position: Mapped[int] = mapped_column(Integer, default=0)
    memo: Mapped[str] = mapped_column(Text, default="")
    stage_id: Mapped[int | None] = mapped_column(ForeignKey("stage.id", ondelete="SET NULL"))

    stage: Mapped[Stage | None] = relationship(lazy="raise")


class Code(Base):
    """A node of the code tree; siblings are ordered by ``position``.

    ``description`` is the full definition (REFI-QDA's ``Description``); the structured fields
    beside it make the codebook a paper can print. ``keywords`` holds one keyword or synonym per
    line. ``level`` names the code's level in the framework ("dimension", "category", "concept",
    or a level a template defines); empty means unspecified.
    """

    __tablename__ = "code"
    __table_args__ = (Index("ix_code_parent_position", "parent_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("code.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    color: Mapped[str] = mapped_column(String(9), default="#808080")
    description: Mapped[str] = mapped_column(Text, default="")
    memo: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    short_definition: Mapped[str] = mapped_column(Text, default="", server_default="")
    when_to_use: Mapped[str] = mapped_column(Text, default="", server_default="")
    when_not_to_use: Mapped[str] = mapped_column(Text, default="", server_default="")
    example: Mapped[str] = mapped_column(Text, default="", server_default="")
    keywords: Mapped[str] = mapped_column(Text, default="", server_default="")
    level: Mapped[str] = mapped_column(String(32), default="", server_default="")


class Coding(Base):
    """A code applied to the code points ``[start, end)`` of a document by a coder."""

    __tablename__ = "coding"
    __table_args__ = (
        CheckConstraint("start >= 0 AND \"end\" > start", name="span"),
        Index("ix_coding_document_start", "document_id", "start"),
        Index("ix_coding_code", "code_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))
    code_id: Mapped[int] = mapped_column(ForeignKey("code.id", ondelete="CASCADE"))
    coder_id: Mapped[int] = mapped_column(ForeignKey("coder.id", ondelete="RESTRICT"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    memo: Mapped[str] = mapped_column(Text, default="")
    stage_id: Mapped[int | None] = mapped_column(ForeignKey("stage.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # Chosen by the coder as an example for the paper's coding-example table.
    exemplar: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class StageSpan(Base):
    """A coder's mark that ``[start, end)`` of a document belongs to a stage."""

    __tablename__ = "stage_span"
    __table_args__ = (
        CheckConstraint("start >= 0 AND \"end\" > start", name="span"),
        Index("ix_stage_span_document_start", "document_id", "start"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))
    stage_id: Mapped[int] = mapped_column(ForeignKey("stage.id", ondelete="CASCADE"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    # Who marked it ('' when unknown: spans from before schema 0008, imports); several coders (issue 17).
    coder: Mapped[str] = mapped_column(String(200), default="", server_default="")


class CasePassage(Base):
    """A passage ``[start, end)`` of a document that belongs to a case (cases group passages too)."""

    __tablename__ = "case_passage"
    __table_args__ = (
        CheckConstraint("start >= 0 AND \"end\" > start", name="span"),
        Index("ix_case_passage_case_id", "case_id"),
        Index("ix_case_passage_document_start", "document_id", "start"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id", ondelete="CASCADE"))
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)


class AttributeDefinition(Base):
    """A typed attribute documents can have (``text``, ``number`` or ``date``)."""

    __tablename__ = "attribute_definition"
    __table_args__ = (CheckConstraint("type IN ('text', 'number', 'date')", name="type"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    type: Mapped[str] = mapped_column(String(16), default="text")
    position: Mapped[int] = mapped_column(Integer, default=0)


class DocumentAttribute(Base):
    """A document's value of an attribute, stored as text (numbers and ISO dates normalised)."""

    __tablename__ = "document_attribute"
    __table_args__ = (Index("ix_document_attribute_attribute_id", "attribute_id"),)

    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"), primary_key=True)
    attribute_id: Mapped[int] = mapped_column(
        ForeignKey("attribute_definition.id", ondelete="CASCADE"), primary_key=True
    )
    value: Mapped[str] = mapped_column(Text)


class DocumentEdit(Base):
    """One recorded change of a document's text: the document history (who, when, what).

    ``kind`` is ``edit`` (one range replaced: ``start``/``end`` are the replaced range in the text
    before the edit), ``replace`` (find and replace: ``old_text``/``new_text`` are the term and its
    replacement, ``hits`` how many were replaced, no range) or ``pseudonymise`` (names replaced by
    pseudonyms; the original names are deliberately not stored, only ``hits``). ``removed`` counts the
    codings, stage spans and passages whose words were deleted entirely by the change.
    """

    __tablename__ = "document_edit"
    __table_args__ = (Index("ix_document_edit_document_id", "document_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16), default="edit")
    coder: Mapped[str] = mapped_column(String(200), default="")
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    start: Mapped[int | None] = mapped_column(Integer)
    end: Mapped[int | None] = mapped_column(Integer)
    old_text: Mapped[str] = mapped_column(Text, default="")
    new_text: Mapped[str] = mapped_column(Text, default="")
    hits: Mapped[int] = mapped_column(Integer, default=1)
    removed: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(Text, default="")


class SuggestionRejection(Base):
    """A code suggestion the coder rejected for ``[start, end)`` of a document (app/core/nlp).

    Never suggested again for that unit and code. The span is kept on its words when the text is
    edited, like a coding's.
    """

    __tablename__ = "suggestion_rejection"
    __table_args__ = (
        CheckConstraint("start >= 0 AND \"end\" > start", name="span"),
        Index("ix_suggestion_rejection_document_start", "document_id", "start"),
        Index("ix_suggestion_rejection_code_id", "code_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))
    code_id: Mapped[int] = mapped_column(ForeignKey("code.id", ondelete="CASCADE"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    coder: Mapped[str] = mapped_column(String(200), default="")
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class SuggestionModel(Base):
    """A learned suggestion model of the project, as a versioned blob (app/core/nlp/model.py).

    ``format`` is the blob layout version (a newer Guiji reads older formats or ignores them and
    retrains); ``meta`` is JSON (labels as code ids, thresholds, training counts); ``data`` is a
    tar of the spaCy pipeline directory. One row: training replaces it.
    """

    __tablename__ = "suggestion_model"

    id: Mapped[int] = mapped_column(primary_key=True)
    format: Mapped[int] = mapped_column(Integer, default=1)
    spacy_version: Mapped[str] = mapped_column(String(32), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    codings: Mapped[int] = mapped_column(Integer, default=0)
    meta: Mapped[str] = mapped_column(Text, default="{}")
    data: Mapped[bytes] = deferred(mapped_column(LargeBinary))


class Link(Base):
    """A directed action-logic relation between two codes (app/core/process/links.py).

    ``relation`` is one of the built-in keys (``leads_to`` 促进, ``enables`` 支撑, ``constrains``
    制约, ``becomes`` 转化为, ``part_of`` 构成) or a user-defined name. ``source_stage_id`` /
    ``target_stage_id`` optionally pin the link to the code's box in one stage of the timeline.
    """

    __tablename__ = "link"
    __table_args__ = (
        Index("ix_link_source_id", "source_id"),
        Index("ix_link_target_id", "target_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("code.id", ondelete="CASCADE"))
    target_id: Mapped[int] = mapped_column(ForeignKey("code.id", ondelete="CASCADE"))
    source_stage_id: Mapped[int | None] = mapped_column(ForeignKey("stage.id", ondelete="SET NULL"))
    target_stage_id: Mapped[int | None] = mapped_column(ForeignKey("stage.id", ondelete="SET NULL"))
    relation: Mapped[str] = mapped_column(String(64), default="leads_to")
    memo: Mapped[str] = mapped_column(Text, default="")
    coder: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class LinkEvidence(Base):
    """A coding that evidences (or contradicts) a link, with its process-tracing test.

    ``test`` is ``straw_in_the_wind``, ``hoop``, ``smoking_gun`` or ``doubly_decisive``;
    ``stance`` is ``supports`` or ``contradicts``.
    """

    __tablename__ = "link_evidence"
    __table_args__ = (
        CheckConstraint(
            "test IN ('straw_in_the_wind', 'hoop', 'smoking_gun', 'doubly_decisive')", name="test"
        ),
        CheckConstraint("stance IN ('supports', 'contradicts')", name="stance"),
        UniqueConstraint("link_id", "coding_id"),
        Index("ix_link_evidence_coding_id", "coding_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    link_id: Mapped[int] = mapped_column(ForeignKey("link.id", ondelete="CASCADE"))
    coding_id: Mapped[int] = mapped_column(ForeignKey("coding.id", ondelete="CASCADE"))
    test: Mapped[str] = mapped_column(String(32), default="straw_in_the_wind")
    stance: Mapped[str] = mapped_column(String(16), default="supports")
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class FigureLayout(Base):
    """A manual adjustment of one element of a figure, saved with the project.

    ``element`` is a key built from ids (``box:<code>@<stage>``, ``row:<code>``, ``stage:<id>``,
    ``outcome:<code>``, ``link:<id>``…), never from positions, so adjustments survive new codings.
    ``dx``/``dy`` move the element from its computed place (abstract layout units); ``label``
    replaces its text on the figure when not NULL.
    """

    __tablename__ = "figure_layout"
    __table_args__ = (UniqueConstraint("figure", "element"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    figure: Mapped[str] = mapped_column(String(32), default="timeline")
    element: Mapped[str] = mapped_column(String(200))
    dx: Mapped[float] = mapped_column(Float, default=0.0)
    dy: Mapped[float] = mapped_column(Float, default=0.0)
    hidden: Mapped[bool] = mapped_column(Boolean, default=False)
    label: Mapped[str | None] = mapped_column(Text)


__all__ = [
    "AttributeDefinition",
    "Base",
    "Case",
    "CasePassage",
    "Code",
    "Coder",
    "Coding",
    "Document",
    "DocumentAttribute",
    "DocumentEdit",
    "FigureLayout",
    "Link",
    "LinkEvidence",
    "ProjectMeta",
    "Stage",
    "StageSpan",
    "SuggestionModel",
    "SuggestionRejection",
    "case_document",
    "utcnow",
]

"""Operations on codings: apply, remove, adjust, memo, own stage, code all hits."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from app.core import coding as service
from app.core import lookup
from app.core.changes import Changes
from app.core.coding import CodingInfo, NewCoding
from app.core.ops import Done, done
from app.core.project import Project

if TYPE_CHECKING:
    from app.core.nlp.rejections import Rejection


def _swap(before: CodingInfo, after: CodingInfo) -> Changes:
    return Changes(codings_removed=(before,), codings_added=(after,))


def apply_coding(
    project: Project, *, document: int | str, code: int | str, start: int, end: int, coder: str,
    stage: int | str | None = None, memo: str = "", expect_sha256: str | None = None,
) -> Done[CodingInfo]:
    """Apply ``code`` to ``[start, end)`` of ``document`` (code points).

    ``expect_sha256`` is the hash of the text the range was chosen on (the text on screen): the
    coding is refused unless the stored text is that text.
    """
    info = service.apply_coding(
        project, document_id=lookup.document_id(project, document), code_id=lookup.code_id(project, code),
        start=start, end=end, coder=coder, memo=memo, stage_id=lookup.optional_stage_id(project, stage),
        expect_sha256=expect_sha256,
    )
    return done("apply_coding", info.code, info, Changes(codings_added=(info,)),
                lambda: service.delete_coding(project, info.id), lambda: service.restore_coding(project, info),
                undo_changes=Changes(codings_removed=(info,)))


def remove_coding(project: Project, coding_id: int) -> Done[CodingInfo]:
    """Remove a coding (undo re-creates it with its id, memo, stage and creation time)."""
    info = service.remove_coding(project, coding_id)
    return done("remove_coding", info.code, info, Changes(codings_removed=(info,)),
                lambda: service.restore_coding(project, info), lambda: service.delete_coding(project, info.id),
                undo_changes=Changes(codings_added=(info,)))


def apply_codings(project: Project, items: Sequence[NewCoding], *, subject: str = "") -> Done[list[CodingInfo]]:
    """Apply many codings at once (all or nothing), e.g. every search hit; one undo step."""
    made = service.apply_codings(project, items)
    again = [service.as_new_coding(c) for c in made]
    return done("apply_codings", subject, made, Changes(codings_added=tuple(made)),
                lambda: service.remove_codings(project, [c.id for c in made]),
                lambda: service.apply_codings(project, again),
                undo_changes=Changes(codings_removed=tuple(made)))


def adjust_coding(project: Project, coding_id: int, start: int, end: int, *,
                  expect_sha256: str | None = None) -> Done[CodingInfo]:
    """Give a coding the range ``[start, end)``."""
    before, after = service.update_coding_span(project, coding_id, start, end, expect_sha256=expect_sha256)
    return done("adjust_coding", after.code, after, _swap(before, after),
                lambda: service.update_coding_span(project, coding_id, before.start, before.end),
                lambda: service.update_coding_span(project, coding_id, start, end),
                undo_changes=_swap(after, before))


def set_coding_memo(project: Project, coding_id: int, memo: str) -> Done[CodingInfo]:
    """Write a coding's memo."""
    before = service.get_coding(project, coding_id)
    after = service.set_coding_memo(project, coding_id, memo)
    return done("coding_memo", after.code, after, _memo_changes(before, after),
                lambda: service.set_coding_memo(project, coding_id, before.memo),
                lambda: service.set_coding_memo(project, coding_id, memo),
                undo_changes=_memo_changes(after, before))


def _memo_changes(before: CodingInfo, after: CodingInfo) -> Changes:
    return Changes(codings_removed=(before,), codings_added=(after,), memos=True)


def set_coding_stage(project: Project, coding_id: int, stage: int | str | None) -> Done[CodingInfo]:
    """Set a coding's own stage (it overrides its span's and its document's); None clears it."""
    stage_id = lookup.optional_stage_id(project, stage)
    before = service.get_coding(project, coding_id)
    after = service.set_coding_stage(project, coding_id, stage_id)
    return done("coding_stage", after.code, after, _swap(before, after) | Changes(stages=True),
                lambda: service.set_coding_stage(project, coding_id, before.own_stage_id),
                lambda: service.set_coding_stage(project, coding_id, stage_id),
                undo_changes=_swap(after, before))


def reject_suggestion(project: Project, *, document: int | str, code: int | str, start: int, end: int,
                      coder: str) -> Done[Rejection]:
    """Remember that a suggested code was rejected for ``[start, end)``: it is never suggested there
    again (undo forgets the rejection; redo brings it back under its id)."""
    from app.core.codebook import get_code
    from app.core.nlp import rejections

    document_id, code_id = lookup.document_id(project, document), lookup.code_id(project, code)
    info = rejections.reject(project, document_id=document_id, code_id=code_id, start=start, end=end, coder=coder)
    return done("reject_suggestion", get_code(project, code_id).path, info,
                Changes(),  # no coding changes: the suggestion panel drops or re-lists it itself
                lambda: rejections.unreject(project, info.id),
                lambda: rejections.reject(project, document_id=info.document_id, code_id=info.code_id,
                                          start=info.start, end=info.end, coder=info.coder,
                                          rejection_id=info.id, at=info.at))

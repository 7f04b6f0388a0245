"""What an operation changed: one typed record that every view of a project patches itself from.

Every operation (``app.core.ops``) returns one, and so do its undo and redo. The window sends them
down one change stream (``ProjectController.changes_made``); each panel looks at the fields it shows
and patches itself — codings from the exact deltas when there are any, the rest by reloading what it
shows. A remote change on a team server will arrive as the same record.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.core.coding import CodingInfo


@dataclass(frozen=True)
class Changes:
    """What changed. Empty fields mean unchanged; :meth:`merged` adds two records up.

    ``codings_added`` / ``codings_removed`` list codings exactly (a moved or edited coding is removed
    as it was and added as it is). ``codings_in`` names documents whose codings changed in a way not
    listed (a merge of codes, a text edit, a stage given to codings): views reload those.
    ``documents`` are documents whose text or properties changed; ``document_list`` says the list of
    documents changed (added, deleted, renamed, reordered).
    """

    codings_added: tuple[CodingInfo, ...] = ()
    codings_removed: tuple[CodingInfo, ...] = ()
    codings_in: frozenset[int] = field(default_factory=frozenset)
    all_codings: bool = False
    documents: frozenset[int] = field(default_factory=frozenset)
    document_list: bool = False
    codes: bool = False
    stages: bool = False
    cases: bool = False
    memos: bool = False
    links: bool = False
    attributes: bool = False

    @classmethod
    def everything(cls) -> Changes:
        """A change that every view must take as "reload all you show"."""
        return cls(all_codings=True, document_list=True, codes=True, stages=True, cases=True, memos=True,
                   links=True, attributes=True)

    def merged(self, other: Changes) -> Changes:
        """Both changes as one (the coding deltas netted: added then removed is no change)."""
        added = {c.id: c for c in self.codings_added}
        removed = {c.id: c for c in self.codings_removed}
        for c in other.codings_removed:
            if c.id in added and added[c.id] == c:
                del added[c.id]
            else:
                added.pop(c.id, None)
                removed.setdefault(c.id, c)
        for c in other.codings_added:
            if c.id in removed and removed[c.id] == c:
                del removed[c.id]
            else:
                added[c.id] = c
        return replace(
            self,
            codings_added=tuple(added.values()),
            codings_removed=tuple(removed.values()),
            codings_in=self.codings_in | other.codings_in,
            all_codings=self.all_codings or other.all_codings,
            documents=self.documents | other.documents,
            document_list=self.document_list or other.document_list,
            codes=self.codes or other.codes,
            stages=self.stages or other.stages,
            cases=self.cases or other.cases,
            memos=self.memos or other.memos,
            links=self.links or other.links,
            attributes=self.attributes or other.attributes,
        )

    __or__ = merged

    @property
    def empty(self) -> bool:
        """Nothing changed."""
        return self == Changes()

    @property
    def codings_changed(self) -> bool:
        """Any coding was added, removed or changed."""
        return bool(self.codings_added or self.codings_removed or self.codings_in or self.all_codings)

    def coding_documents(self) -> frozenset[int]:
        """The documents whose codings changed (``all_codings`` aside)."""
        ids = {c.document_id for c in self.codings_added} | {c.document_id for c in self.codings_removed}
        return frozenset(ids) | self.codings_in

    def codings_exact(self, document_id: int) -> bool:
        """Whether the deltas list every change of ``document_id``'s codings (a view can patch itself)."""
        return not self.all_codings and document_id not in self.codings_in and document_id not in self.documents

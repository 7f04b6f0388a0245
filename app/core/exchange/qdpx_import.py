"""Import a REFI-QDA project (``.qdpx``, or a loose ``.qde``) as a new Guiji project.

What comes in: text sources with their codings; codes with hierarchy, colours and descriptions (the
codebook's structured fields unfolded, as a ``.qdc`` import does); users as coders; cases with their
documents and passages; variables as typed document attributes; notes as memos (of the project, a
document, a code or a coding, by where they are referenced; notes nobody references go into the
project memo); sets (see :meth:`_Reader.read_sets`); links between codes as action-logic links, with
links from coded selections to them as evidence. What does not is listed in the report with its
reason: PDF, picture, audio and video sources, missing source files, zero-length or out-of-range
selections, links between other objects, graphs. Positions are converted to code points (see
:mod:`refi_positions`).

Everything is read and checked first; then :func:`~import_plan.build_project` writes a new file
atomically. A damaged or hostile file raises one :class:`InputFileError` and leaves no file behind.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from lxml import etree

from app.core.attributes import normalise_value
from app.core.errors import InputFileError, ValidationError
from app.core.exchange.codebook_qdc import code_entries, guid_key, parse_refi_xml
from app.core.exchange.import_plan import (
    ImportPlan,
    ImportReport,
    PlannedCase,
    PlannedCoding,
    PlannedDocument,
    PlannedLink,
    PlannedStage,
    Progress,
    build_project,
)
from app.core.exchange.qdpx_archive import MAX_SOURCE_BYTES, MAX_XML_BYTES, QdpxArchive
from app.core.exchange.qdpx_common import (
    CODER,
    COLOUR,
    END,
    EXEMPLAR,
    FROM_STAGE,
    RELATION,
    STAGE,
    STANCE,
    START,
    TEST,
    TO_STAGE,
    child,
    child_text,
    children,
    local,
    split_marked,
)
from app.core.exchange.refi_positions import SourceText, detect_reading
from app.core.process.links import relation_key, stance_key, tracing_test
from app.core.text import decode_bytes

DEFAULT_CODER = "导入 imported"
_OTHER_SOURCES = {
    "PDFSource": "PDF", "PictureSource": "picture", "AudioSource": "audio", "VideoSource": "video",
}
_VARIABLE_TYPES = {"Integer": "number", "Float": "number", "Date": "date"}
_SETS_ATTRIBUTE = "集合 Sets"
_COLOR = re.compile(r"^#[0-9A-Fa-f]{6}$")


@dataclass
class _Selection:
    guid: str | None
    doc: PlannedDocument
    text: SourceText
    raw_start: int
    raw_end: int
    element: etree._Element
    start: int = 0
    end: int = 0
    ok: bool = False


@dataclass
class _Reader:
    path: Path
    archive: QdpxArchive | None
    coder: str
    plan: ImportPlan = field(init=False)
    users: dict[str, str] = field(default_factory=dict)
    notes: dict[str, tuple[str, str]] = field(default_factory=dict)  # guid -> (name, text)
    used_notes: set[str] = field(default_factory=set)
    codes: dict[str, tuple[str, ...]] = field(default_factory=dict)  # code guid -> path
    variables: dict[str, tuple[str, str]] = field(default_factory=dict)  # guid -> (name, REFI type)
    documents: dict[str, PlannedDocument] = field(default_factory=dict)  # source guid -> document
    skipped_sources: set[str] = field(default_factory=set)
    selections: list[_Selection] = field(default_factory=list)
    by_selection: dict[str, _Selection] = field(default_factory=dict)
    default_user: str = ""
    case_selections: set[str] = field(default_factory=set)  # selections that cases refer to
    pending_spans: list[tuple[_Selection, str]] = field(default_factory=list)  # (selection, stage name)
    set_attributes: set[str] = field(default_factory=set)
    set_lines: list[str] = field(default_factory=list)
    selection_codings: dict[str, list[int]] = field(default_factory=dict)  # selection guid -> codings

    def __post_init__(self) -> None:
        self.plan = ImportPlan(self.path)

    # --- small helpers ---
    def fail(self, problem: str) -> InputFileError:
        return InputFileError(self.path, problem)

    def note_text(self, element: etree._Element) -> str:
        """The notes an element references (its ``NoteRef`` children), joined."""
        texts = []
        for ref in children(element, "NoteRef"):
            key = guid_key(ref.get("targetGUID"))
            if key in self.notes:
                self.used_notes.add(key)
                texts.append(self.notes[key][1])
        return "\n\n".join(t for t in texts if t.strip())

    def user(self, *guids: str | None) -> str:
        for raw in guids:
            name = self.users.get(guid_key(raw) or "")
            if name:
                return name
        return self.users.get(self.default_user) or self.coder

    def file_text(self, where: str, name: str) -> tuple[str, str] | None:
        """(raw text without BOM, encoding) of a file the archive holds; None when it is missing."""
        if self.archive is None:
            return None
        rel = re.sub(r"^internal://", "", where.strip(), flags=re.IGNORECASE)
        if re.match(r"^[a-z][a-z0-9+.-]*://", rel, flags=re.IGNORECASE):
            return None  # relative:// absolute:// file:// — a file outside the archive
        rel = rel.lstrip("/")
        entry = self.archive.find(f"sources/{rel}", rel, f"sources/{PurePosixPath(rel).name}")
        if entry is None:
            return None
        data = self.archive.read(entry, MAX_SOURCE_BYTES)
        if not data.removeprefix(b"\xef\xbb\xbf").strip():
            return "", "utf-8"
        try:
            _stored, encoding = decode_bytes(data, f"{self.path.name}: {entry}")
        except InputFileError as exc:
            raise self.fail(f"the text of {name!r} ({entry}) cannot be read: {exc.problem}") from None
        raw = data.decode(encoding)
        return raw.lstrip("\ufeff"), encoding

    # --- reading ---
    def read(self, root: etree._Element) -> ImportPlan:
        if local(root) != "Project":
            raise self.fail(f"not a REFI-QDA project (the root element is <{local(root)}>)")
        plan = self.plan
        plan.origin = " ".join((root.get("origin") or "").split())
        self.default_user = guid_key(root.get("creatingUserGUID")) or ""
        self.read_users(root)
        self.read_notes(root)
        self.read_codebook(root)
        self.read_variables(root)
        sources = child(root, "Sources")
        if sources is not None:
            for element in sources:
                self.read_source(element)
        self.convert_positions()
        cases = child(root, "Cases")
        for ref in cases.iter() if cases is not None else ():
            if local(ref) == "SelectionRef":
                self.case_selections.add(guid_key(ref.get("targetGUID")) or "")
        self.read_codings()
        self.read_cases(root)
        self.read_sets(root)
        self.read_links(root)
        self.check_stages()
        self.apply_attributes()
        graphs = child(root, "Graphs")
        for graph in children(graphs, "Graph") if graphs is not None else ():
            plan.skip("graph", graph.get("name") or "(unnamed)", "graphs are not imported (Guiji draws its "
                      "own timeline from the stages)")
        self.project_memo(root)
        return plan

    def read_users(self, root: etree._Element) -> None:
        users = child(root, "Users")
        for i, user in enumerate(children(users, "User") if users is not None else (), start=1):
            key = guid_key(user.get("guid"))
            name = " ".join((user.get("name") or user.get("id") or "").split())[:200] or f"user {i}"
            if key:
                self.users[key] = name
            if name not in self.plan.coders:
                self.plan.coders.append(name)

    def read_notes(self, root: etree._Element) -> None:
        notes = child(root, "Notes")
        for i, note in enumerate(children(notes, "Note") if notes is not None else (), start=1):
            key = guid_key(note.get("guid"))
            name = note.get("name") or f"note {i}"
            text = child_text(note, "PlainTextContent")
            if not text and note.get("plainTextPath"):
                found = self.file_text(note.get("plainTextPath") or "", name)
                text = found[0] if found else ""
                if found is None:
                    self.plan.skip("note", name, "its text file is missing from the archive")
            description = child_text(note, "Description").strip()
            if description and description not in text:
                text = f"{description}\n\n{text}" if text.strip() else description
            if key:
                self.notes[key] = (name, text.replace("\r\n", "\n").strip())

    def read_codebook(self, root: etree._Element) -> None:
        book = child(root, "CodeBook")
        if book is None:
            return
        entries = code_entries(self.path, book)
        self.plan.codes = entries
        for entry in entries:
            if entry.guid:
                self.codes[entry.guid] = entry.names
        for element in book.iter():
            if local(element) == "Code":
                key = guid_key(element.get("guid"))
                memo = self.note_text(element)
                if key in self.codes and memo:
                    names = self.codes[key]
                    old = self.plan.code_memos.get(names, "")
                    self.plan.code_memos[names] = f"{old}\n\n{memo}" if old else memo

    def read_variables(self, root: etree._Element) -> None:
        variables = child(root, "Variables")
        for variable in children(variables, "Variable") if variables is not None else ():
            key = guid_key(variable.get("guid"))
            name = " ".join((variable.get("name") or "").split())[:200]
            if key and name:
                self.variables[key] = (name, variable.get("typeOfVariable") or "Text")

    def read_source(self, element: etree._Element) -> None:
        kind = local(element)
        name = (element.get("name") or "").strip()
        if kind in _OTHER_SOURCES:
            codings = sum(1 for e in element.iter() if local(e) == "Coding")
            label = _OTHER_SOURCES[kind]
            lost = f"; {codings} coding(s) on it skipped" if codings else ""
            self.plan.skip("source", name or label, f"{label} sources are not imported (Guiji codes text "
                           f"transcripts only){lost}")
            self.skipped_sources.add(guid_key(element.get("guid")) or "")
            return
        if kind != "TextSource":
            return
        key = guid_key(element.get("guid")) or f"source-{len(self.documents) + 1}"
        where = element.get("plainTextPath") or ""
        name = name or PurePosixPath(re.sub(r"^\w+://", "", where)).stem or key
        content = child(element, "PlainTextContent")
        encoding = "utf-8"
        if content is not None and (content.text or ""):
            raw = (content.text or "").lstrip("\ufeff")
        else:
            found = self.file_text(where, name)
            if found is None:
                selections = sum(1 for _ in children(element, "PlainTextSelection"))
                lost = f"; {selections} selection(s) on it skipped" if selections else ""
                container = "archive" if self.archive is not None else ".qde file, which carries no texts"
                self.plan.skip("source", name, f"its text file {where or '(no path)'} is missing from the "
                               f"{container}{lost}")
                self.skipped_sources.add(key)
                return
            raw, encoding = found
            if not raw.strip():
                self.plan.skip("source", name, "its text is empty")
                self.skipped_sources.add(key)
                return
        text = SourceText(raw)
        parts = (child_text(element, "Description").strip(), self.note_text(element))
        memo = "\n\n".join(t for t in parts if t)
        doc = PlannedDocument(key=key, name=name[:400], text=text.stored, memo=memo,
                              source_name=f"{self.path.name}: {where}" if where else self.path.name,
                              source_format="qdpx", source_encoding=encoding)
        for value in children(element, "VariableValue"):
            self.variable_value(doc, value)
        self.documents[key] = doc
        self.plan.documents.append(doc)
        for selection in children(element, "PlainTextSelection"):
            try:
                start, end = int(selection.get("startPosition", "")), int(selection.get("endPosition", ""))
            except ValueError:
                self.plan.skip("selection", f"{name} ({selection.get('guid')})",
                               "its positions are not numbers")
                continue
            item = _Selection(guid_key(selection.get("guid")), doc, text, start, end, selection)
            self.selections.append(item)
            if item.guid:
                self.by_selection[item.guid] = item
        for coding in children(element, "Coding"):  # a code applied to the whole source
            item = _Selection(None, doc, text, 0, 0, element, 0, len(text.stored), len(text.stored) > 0)
            self.add_coding(item, coding, "", None, False)

    def variable_value(self, doc: PlannedDocument, value: etree._Element) -> None:
        ref = child(value, "VariableRef")
        key = guid_key(ref.get("targetGUID")) if ref is not None else None
        if key not in self.variables:
            return
        name, _type = self.variables[key]
        for element in value:
            if local(element).endswith("Value") and local(element) != "VariableValue":
                if (element.text or "").strip():
                    doc.attributes[name] = (element.text or "").strip()
                return

    def convert_positions(self) -> None:
        if not self.selections:
            return
        ends = [(s.text, s.raw_start, s.raw_end) for s in self.selections]
        detection = detect_reading(self.plan.origin, ends)
        self.plan.positions = f"{detection.description}: {detection.reason}"
        if detection.ambiguous:
            self.plan.notes.append(f"how the file counts positions is ambiguous; {detection.reason}")
        for s in self.selections:
            mapper = s.text.mapper(detection.reading)
            start, end = mapper(s.raw_start), mapper(s.raw_end)
            label = f"{s.doc.name} {s.raw_start}–{s.raw_end}"
            if start is None or end is None or s.raw_start < 0 or s.raw_end < 0:
                self.plan.skip("selection", label, "outside the text")
            elif start == end:
                self.plan.skip("selection", label, "zero-length selection (no characters)")
            elif start > end:
                self.plan.skip("selection", label, "its start is after its end")
            else:
                s.start, s.end, s.ok = start, end, True

    def read_codings(self) -> None:
        for s in self.selections:
            if not s.ok:
                continue
            marks, comment = split_marked(child_text(s.element, "Description"))
            memo = "\n\n".join(t for t in (comment, self.note_text(s.element)) if t)
            codings = list(children(s.element, "Coding"))
            stage = marks.get(STAGE) or None
            if stage and not codings:
                self.pending_spans.append((s, stage))
                continue
            for coding in codings:
                self.add_coding(s, coding, memo, stage, bool(marks.get(EXEMPLAR)))
            if not codings and (s.guid is None or s.guid not in self.case_selections):
                what = f"; its comment: {comment[:80]}" if comment else ""
                self.plan.skip("selection", f"{s.doc.name} {s.start}–{s.end}",
                               "a selection with no code (Guiji keeps coded passages only)" + what)

    def add_coding(self, s: _Selection, coding: etree._Element, memo: str, stage: str | None,
                   exemplar: bool) -> None:
        ref = child(coding, "CodeRef")
        code = self.codes.get(guid_key(ref.get("targetGUID")) or "") if ref is not None else None
        if code is None:
            self.plan.skip("coding", f"{s.doc.name} {s.start}–{s.end}", "its code is not in the codebook")
            return
        if not s.ok:
            self.plan.skip("coding", s.doc.name, "the source's text is empty")
            return
        own = self.note_text(coding)
        self.plan.codings.append(PlannedCoding(
            document=s.doc.key, code=code, start=s.start, end=s.end,
            coder=self.user(coding.get("creatingUser"), s.element.get("creatingUser")),
            memo="\n\n".join(t for t in (memo, own) if t),
            created_at=_datetime(coding.get("creationDateTime")), stage=stage, exemplar=exemplar))
        if s.guid:
            self.selection_codings.setdefault(s.guid, []).append(len(self.plan.codings) - 1)
        if self.plan.codings[-1].coder not in self.plan.coders:
            self.plan.coders.append(self.plan.codings[-1].coder)

    def read_cases(self, root: etree._Element) -> None:
        cases = child(root, "Cases")
        taken: set[str] = set()
        for i, case in enumerate(children(cases, "Case") if cases is not None else (), start=1):
            name = " ".join((case.get("name") or "").split())[:200] or f"case {i}"
            while name in taken:
                name = f"{name} (2)"
            taken.add(name)
            planned = PlannedCase(name, child_text(case, "Description").strip())
            for ref in children(case, "SourceRef"):
                key = guid_key(ref.get("targetGUID")) or ""
                if key in self.documents:
                    planned.documents.append(key)
            for ref in children(case, "SelectionRef"):
                s = self.by_selection.get(guid_key(ref.get("targetGUID")) or "")
                if s is not None and s.ok:
                    planned.passages.append((s.doc.key, s.start, s.end))
            lines = []
            for value in children(case, "VariableValue"):
                ref = child(value, "VariableRef")
                var = self.variables.get(guid_key(ref.get("targetGUID")) or "") if ref is not None else None
                shown = next((e.text for e in value if local(e).endswith("Value") and e.text), None)
                if var and shown:
                    lines.append(f"{var[0]}: {shown.strip()}")
            if lines:
                planned.description = "\n".join(filter(None, [planned.description, *lines]))
                self.plan.notes.append(f"case {name}: its variables are kept in its description "
                                       "(Guiji's cases have no attributes)")
            if any(True for _ in children(case, "CodeRef")):
                self.plan.notes.append(f"case {name}: the codes it refers to are not kept (a Guiji case "
                                       "groups documents and passages)")
            self.plan.cases.append(planned)

    def read_sets(self, root: etree._Element) -> None:
        sets = child(root, "Sets")
        for element in children(sets, "Set") if sets is not None else ():
            name = " ".join((element.get("name") or "").split())[:200] or "(unnamed)"
            marks, description = split_marked(child_text(element, "Description"))
            docs = [self.documents[k] for r in children(element, "MemberSource")
                    if (k := guid_key(r.get("targetGUID")) or "") in self.documents]
            if STAGE in marks:
                self.add_stage(name, marks, description, docs)
                continue
            codes = [self.codes[k] for r in children(element, "MemberCode")
                     if (k := guid_key(r.get("targetGUID")) or "") in self.codes]
            notes = [self.notes[k][0] for r in children(element, "MemberNote")
                     if (k := guid_key(r.get("targetGUID")) or "") in self.notes]
            if not (docs or codes or notes):
                self.plan.skip("set", name, "it has no member Guiji imported")
                continue
            if docs:
                attr, value = _set_attribute(name)
                for doc in docs:
                    old = doc.attributes.get(attr)
                    keep = old and value not in old.split("; ")
                    doc.attributes[attr] = f"{old}; {value}" if keep else value
                self.set_attributes.add(attr)
            if codes or notes:
                members = ["/".join(c) for c in codes] + notes
                self.set_lines.append(f"{name}: {'; '.join(members)}")
        if self.set_lines:
            self.plan.notes.append(f"{len(self.set_lines)} set(s) of codes or notes are listed in the "
                                   "project memo (Guiji has no sets of codes)")

    def read_links(self, root: etree._Element) -> None:
        """Links from code to code become action-logic links; a link from a coded selection to one of
        those is evidence for it (as Guiji exports them). Links between other objects are skipped."""
        links = child(root, "Links")
        by_guid: dict[str, PlannedLink] = {}
        rest = []
        for link in children(links, "Link") if links is not None else ():
            name = " ".join((link.get("name") or "").split())
            origin, target = guid_key(link.get("originGUID")) or "", guid_key(link.get("targetGUID")) or ""
            marks, memo = split_marked(self.note_text(link))
            if origin in self.codes and target in self.codes:
                planned = self.code_link(link, marks, memo)
                if planned is not None:
                    by_guid[guid_key(link.get("guid")) or ""] = planned
            else:
                rest.append((name, origin, target, marks, memo))
        for name, origin, target, marks, memo in rest:
            planned, codings = by_guid.get(target), self.selection_codings.get(origin)
            if planned is None or not codings:
                self.plan.skip("link", name or "(unnamed)", "Guiji links codes to codes (coded passages are "
                               "their evidence); this link joins other objects")
                continue
            test = _choice(tracing_test, marks.get(TEST, ""), "straw_in_the_wind")
            stance = _choice(stance_key, marks.get(STANCE, ""), "supports")
            planned.evidence += [(index, test, stance, memo) for index in codings]

    def code_link(self, link: etree._Element, marks: dict[str, str], memo: str) -> PlannedLink | None:
        name, direction = " ".join((link.get("name") or "").split()), link.get("direction")
        source = self.codes[guid_key(link.get("originGUID")) or ""]
        goal = self.codes[guid_key(link.get("targetGUID")) or ""]
        from_stage, to_stage = marks.get(FROM_STAGE) or None, marks.get(TO_STAGE) or None
        if source == goal and from_stage == to_stage:
            self.plan.skip("link", name or "/".join(source), "it links a code to itself")
            return None
        default = "leads_to" if direction in (None, "OneWay") else "相关 associated"
        relation = _choice(relation_key, marks.get(RELATION) or name, default)
        if direction not in (None, "OneWay") and not marks.get(RELATION):
            self.plan.notes.append(f"link {'/'.join(source)} – {'/'.join(goal)}: its direction ({direction}) "
                                   "was imported as one-way")
        planned = PlannedLink(source, goal, relation, memo, marks.get(CODER, "")[:200], from_stage, to_stage)
        self.plan.links.append(planned)
        return planned

    def check_stages(self) -> None:
        """Stage spans and codings' own stages refer to the stages the file's sets define."""
        names = {s.name for s in self.plan.stages}
        for s, stage in self.pending_spans:
            if stage in names:
                self.plan.stage_spans.append((s.doc.key, stage, s.start, s.end))
            else:
                self.plan.skip("selection", f"{s.doc.name} {s.start}–{s.end}",
                               f"marks an unknown stage {stage!r}")
        for link in self.plan.links:
            link.source_stage = link.source_stage if link.source_stage in names else None
            link.target_stage = link.target_stage if link.target_stage in names else None
        unknown = [c for c in self.plan.codings if c.stage and c.stage not in names]
        for coding in unknown:
            coding.stage = None
        if unknown:
            self.plan.notes.append(f"{len(unknown)} coding(s) name a stage the file does not define; "
                                   "their stage was left out")

    def add_stage(self, name: str, marks: dict[str, str], description: str,
                  docs: list[PlannedDocument]) -> None:
        colour = marks.get(COLOUR, "")
        self.plan.stages.append(PlannedStage(name, description, colour.upper() if _COLOR.match(colour) else
                                             "#888888", marks.get(START) or None, marks.get(END) or None))
        for doc in docs:
            doc.stage = name

    def apply_attributes(self) -> None:
        types: dict[str, str] = {}
        for name, refi_type in self.variables.values():
            types[name] = _VARIABLE_TYPES.get(refi_type, "text")
        for name in self.set_attributes:
            types.setdefault(name, "text")
        used = {n for d in self.plan.documents for n in d.attributes}
        for name in [n for n in types if n in used]:
            kind = types[name]
            if kind != "text":
                try:
                    for doc in self.plan.documents:
                        if name in doc.attributes:
                            normalise_value(name, kind, doc.attributes[name])
                except ValidationError as exc:
                    self.plan.notes.append(f"attribute {name}: kept as text ({exc})")
                    kind = "text"
            self.plan.attribute_types[name] = kind

    def project_memo(self, root: etree._Element) -> None:
        parts = [child_text(root, "Description").strip(), self.note_text(root)]
        for key, (name, text) in self.notes.items():
            if key not in self.used_notes and text:
                parts.append(f"【{name}】\n{text}")
        if self.set_lines:
            parts.append("【集合 Sets】\n" + "\n".join(self.set_lines))
        self.plan.project_memo = "\n\n".join(p for p in parts if p)


def _choice(check: Callable[[str], str], value: str, default: str) -> str:
    """``check(value)`` (a link's relation, test or stance), or ``default`` when it is refused."""
    try:
        return check(value) if value.strip() else default
    except ValidationError:
        return default


def _set_attribute(name: str) -> tuple[str, str]:
    """A set of sources as an attribute: ``gender: male`` is gender = male (ATLAS.ti's document
    groups); any other set is a value of the attribute 集合 Sets."""
    match = re.match(r"^([^:：]{1,100})[:：]\s*(.+)$", name)
    if match and match.group(1).strip() and match.group(2).strip():
        return match.group(1).strip(), match.group(2).strip()
    return _SETS_ATTRIBUTE, name


def _datetime(raw: str | None) -> datetime | None:
    if not raw:
        return None
    try:
        value = datetime.fromisoformat(raw.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value


def read_qdpx(path: str | Path, *, coder: str = DEFAULT_CODER) -> ImportPlan:
    """Read and check a ``.qdpx`` (or a loose ``.qde``) into an :class:`ImportPlan`; writes nothing.

    ``coder`` names the coder of codings whose user the file does not say.
    """
    path = Path(path)
    if not path.is_file():
        raise InputFileError(path, "no such file", code="file.missing")
    if path.suffix.lower() == ".qde":
        data = path.read_bytes()
        if len(data) > MAX_XML_BYTES:
            raise InputFileError(path, "the file is larger than the limit for a project file", code="file.zip_bomb")
        return _Reader(path, None, coder).read(parse_refi_xml(path, data))
    with QdpxArchive(path) as archive:
        entry = archive.project_entry()
        root = parse_refi_xml(path, archive.read(entry, MAX_XML_BYTES))
        return _Reader(path, archive, coder).read(root)


def import_qdpx(source: str | Path, target: str | Path, *, coder: str = DEFAULT_CODER,
                progress: Progress | None = None) -> ImportReport:
    """Import the REFI-QDA project ``source`` as the new Guiji project ``target`` (see the module)."""
    return build_project(read_qdpx(source, coder=coder), target, progress=progress)


__all__ = ["DEFAULT_CODER", "import_qdpx", "read_qdpx"]

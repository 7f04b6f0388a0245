"""REFI-QDA codebooks: write a ``.qdc``; read the codes of a ``.qdc``, a ``.qde`` or a ``.qdpx``.

Guiji's structured fields travel inside ``<Description>``, after the definition, one marked line
each (``【简短定义 Short definition】…``), so another program shows them as readable text and Guiji
reads them back. XML is parsed with entity resolution, DTDs and network access off; a file that
declares a DOCTYPE (entity bombs, external entities) is refused outright.

Tolerated, as real exports need: a CodeBook without a namespace or inside a project file, an empty
``<Sets/>`` (Taguette), GUIDs with or without braces in either case, missing colours, ``#RGB``
colours, ATLAS.ti's ``group::code`` names (read as a code under its group), ``/`` in names (read
as the full-width ``／``, since ``/`` separates Guiji's code paths).
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from lxml import etree

from app import __version__
from app.core.errors import InputFileError, ValidationError
from app.core.exchange.codebook_model import FIELD_LABELS, Codebook, CodebookEntry, with_parents

NS = "urn:QDA-XML:codebook:1.0"
MAX_XML_BYTES = 100 * 1024 * 1024
MAX_ZIP_ENTRIES = 100_000
_FOLDED = ("short_definition", "when_to_use", "when_not_to_use", "example", "keywords", "level")
_MARKER = re.compile(r"^【([^】]{1,60})】(.*)$")
_GUID = re.compile(r"^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$")
_COLOR = re.compile(r"^#([0-9A-Fa-f]{6}|[0-9A-Fa-f]{3})$")
_NAME_MAX = 200
# A DOCTYPE in the prolog (after the declaration and comments) is refused before libxml2 sees it.
_PROLOG_DOCTYPE = re.compile(rb"\s*(<\?xml[^>]*\?>)?\s*(<!--.*?-->\s*)*<!DOCTYPE", re.DOTALL)
_DOCTYPE_REFUSED = (
    "the XML declares a DOCTYPE; entity declarations are refused (they can hide an entity bomb or "
    "read other files)"
)


def _marker(key: str) -> str:
    chinese, english = FIELD_LABELS[key]
    return f"【{chinese} {english}】"


_LABEL_TO_KEY: dict[str, str] = {}
for _key in _FOLDED:
    _zh, _en = FIELD_LABELS[_key]
    for _label in (f"{_zh} {_en}", _zh, _en):
        _LABEL_TO_KEY[_label.casefold()] = _key


# --- folding the structured fields into Description ---------------------------------------------


def fold_description(entry: CodebookEntry) -> str:
    """The ``<Description>`` text: the definition, then one marked paragraph per other field."""
    parts = [entry.text("description")] if entry.text("description") else []
    lines = [f"{_marker(key)}{entry.text(key)}" for key in _FOLDED if entry.text(key)]
    if lines:
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


def unfold_description(text: str) -> dict[str, str | tuple[str, ...]]:
    """The fields :func:`fold_description` wrote; text that is not marked is the definition."""
    fields: dict[str, list[str]] = {"description": []}
    current = "description"
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        match = _MARKER.match(line)
        key = _LABEL_TO_KEY.get(match.group(1).strip().casefold()) if match else None
        if match and key:
            current = key
            fields[current] = [match.group(2)]
        else:
            fields.setdefault(current, []).append(line)
    out: dict[str, str | tuple[str, ...]] = {}
    for key, lines in fields.items():
        value = "\n".join(lines).strip()
        if not value:
            continue
        if key == "keywords":
            out[key] = tuple(k.strip() for k in re.split(r"[；;\n]+", value) if k.strip())
        else:
            out[key] = value
    return out


# --- writing --------------------------------------------------------------------------------------


def write_qdc(codebook: Codebook, out: Path) -> None:
    """Write ``codebook`` as a REFI-QDA ``.qdc`` (valid against Codebook.xsd)."""
    if not codebook.entries:
        raise ValidationError(f"{out.name}: the project has no codes, and a .qdc needs at least one",
                              code="qdc.no_codes", params={"file": out.name})
    root = etree.Element(f"{{{NS}}}CodeBook", nsmap={None: NS}, origin=f"Guiji {__version__}")
    codes = etree.SubElement(root, f"{{{NS}}}Codes")
    parents: dict[tuple[str, ...], etree._Element] = {(): codes}
    for entry in codebook.entries:
        attrs = {
            "guid": entry.guid or "",
            "name": entry.name,
            "isCodable": "true" if entry.codable else "false",
        }
        if entry.color:
            attrs["color"] = entry.color
        element = etree.SubElement(parents[entry.names[:-1]], f"{{{NS}}}Code", attrs)
        description = fold_description(entry)
        if description:
            etree.SubElement(element, f"{{{NS}}}Description").text = description
        parents[entry.names] = element
    out.write_bytes(etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True))


# --- reading --------------------------------------------------------------------------------------


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        dtd_validation=False,
        remove_comments=True,
        remove_pis=True,
    )


def _xml_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_XML_BYTES:
            raise InputFileError(
                path, f"the file is {size // 2**20} MB, more than the limit of {MAX_XML_BYTES // 2**20} MB",
                code="file.over_limit", params={"limit": MAX_XML_BYTES // 2**20},
            )
        data = path.read_bytes()
    except OSError as exc:
        raise InputFileError(path, f"cannot be read ({exc.strerror or exc})",
                             code="file.unreadable", params={"reason": str(exc.strerror or exc)}) from exc
    if path.suffix.lower() != ".qdpx":
        return data
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_ZIP_ENTRIES:
                raise InputFileError(path, f"the archive holds {len(infos)} entries (possibly a zip bomb)",
                                     code="archive.too_many_entries", params={"n": len(infos)})
            found = [i for i in infos if i.filename.casefold() == "project.qde"]
            if not found:
                found = [i for i in infos if i.filename.casefold().endswith(".qde") and "/" not in i.filename]
            if not found:
                raise InputFileError(path, "not a REFI-QDA project: the archive has no project.qde",
                                     code="refi.no_qde")
            if found[0].file_size > MAX_XML_BYTES:
                raise InputFileError(
                    path, "project.qde would expand past the size limit (possibly a zip bomb)", code="file.zip_bomb"
                )
            with archive.open(found[0]) as member:
                xml = member.read(MAX_XML_BYTES + 1)
            if len(xml) > MAX_XML_BYTES:
                raise InputFileError(path, "project.qde expands past the size limit (possibly a zip bomb)",
                                     code="file.zip_bomb")
            return xml
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, NotImplementedError) as exc:
        raise InputFileError(path, f"not a valid .qdpx file (the zip archive is damaged: {exc})",
                             code="qdpx.damaged") from exc


def _local(element: etree._Element) -> str:
    tag = element.tag
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _clean_name(path: Path, raw: str | None) -> str:
    name = " ".join((raw or "").split())
    if not name:
        raise InputFileError(path, "a code has no name",
                             code="codebook.unnamed_code")
    if len(name) > _NAME_MAX:
        raise InputFileError(path, f"the code name {name[:30]!r}… is longer than {_NAME_MAX} characters",
                             code="qdc.name_too_long", params={"name": name[:30], "limit": _NAME_MAX})
    return name.replace("/", "／")


def _color(raw: str | None) -> str | None:
    if not raw or not _COLOR.match(raw.strip()):
        return None
    value = raw.strip().lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    return "#" + value.upper()


def guid_key(raw: str | None) -> str | None:
    """A GUID in one form (lower case, no braces), or None when ``raw`` is not a GUID."""
    match = _GUID.match((raw or "").strip())
    return match.group(1).lower() if match else None


def parse_refi_xml(path: Path, data: bytes) -> etree._Element:
    """The root element of REFI-QDA XML ``data`` (read from ``path``), parsed safely.

    A DOCTYPE is refused before libxml2 sees it (entity bombs, external entities); entities are never
    resolved and nothing is fetched from the network. Raises :class:`InputFileError` naming the file.
    """
    if _PROLOG_DOCTYPE.match(data.removeprefix(b"\xef\xbb\xbf")):
        raise InputFileError(path, _DOCTYPE_REFUSED,
                             code="xml.doctype")
    try:
        tree = etree.parse(io.BytesIO(data), _parser())
    except etree.XMLSyntaxError as exc:
        raise InputFileError(path, f"not well-formed XML ({exc.msg})",
                             code="xml.malformed", params={"reason": str(exc.msg)}) from exc
    docinfo = tree.docinfo
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        raise InputFileError(path, _DOCTYPE_REFUSED,
                             code="xml.doctype")
    return tree.getroot()


def read_refi_codebook(path: Path) -> list[CodebookEntry]:
    """The codes of a REFI-QDA ``.qdc``, ``.qde`` or ``.qdpx`` file, parents first.

    Raises :class:`InputFileError` (naming the file) for anything that is not a safe, sound codebook:
    not XML, a DOCTYPE, no CodeBook, a code without a name, a GUID used twice, a code inside itself.
    """
    root = parse_refi_xml(path, _xml_bytes(path))
    if _local(root) == "CodeBook":
        book = root
    else:
        book = next((e for e in root if _local(e) == "CodeBook"), None)
        if book is None:
            raise InputFileError(
                path, f"no REFI-QDA CodeBook in the file (the root element is <{_local(root)}>)",
                code="qdc.no_codebook", params={"root": _local(root)},
            )
    return with_parents(code_entries(path, book))


def code_entries(path: Path, book: etree._Element) -> list[CodebookEntry]:
    """Every ``<Code>`` under a ``<CodeBook>`` element in document order, one entry each (not merged:
    two codes with the same path give two entries; :func:`with_parents` merges them)."""
    codes = next((e for e in book if _local(e) == "Codes"), None)
    if codes is None:
        return []
    entries: list[CodebookEntry] = []
    seen: dict[str, str] = {}

    def walk(parent: etree._Element, prefix: tuple[str, ...], ancestors: tuple[str, ...]) -> None:
        for element in parent:
            if _local(element) != "Code":
                continue
            name = _clean_name(path, element.get("name"))
            guid_raw = (element.get("guid") or "").strip()
            match = _GUID.match(guid_raw)
            if guid_raw and not match:
                raise InputFileError(path, f"the code {name!r} has a malformed GUID {guid_raw!r}", code="qdc.bad_guid",
                                     params={"name": name, "guid": guid_raw})
            guid = match.group(1).lower() if match else None
            if guid is not None:
                if guid in ancestors:
                    raise InputFileError(
                        path,
                        f"the code {name!r} contains itself (GUID {guid_raw} is also an ancestor's): a cycle",
                        code="qdc.cycle", params={"name": name},
                    )
                if guid in seen:
                    raise InputFileError(
                        path, f"the GUID {guid_raw} is used by two codes ({seen[guid]!r} and {name!r})",
                        code="qdc.guid_twice", params={"guid": guid_raw, "first": seen[guid], "second": name},
                    )
                seen[guid] = name
            names = (*prefix, name)
            if not prefix and "::" in name:  # ATLAS.ti's "group::code"
                parts = tuple(p.strip() for p in name.split("::"))
                if all(parts):
                    names = parts
            description = next((e for e in element if _local(e) == "Description"), None)
            fields = unfold_description(description.text or "") if description is not None else {}
            entries.append(
                CodebookEntry(
                    names=names,
                    color=_color(element.get("color")),
                    guid=guid,
                    fields=fields,
                    codable=(element.get("isCodable") or "true").strip().lower() not in ("false", "0"),
                )
            )
            walk(element, names, (*ancestors, guid) if guid else ancestors)

    walk(codes, (), ())
    return entries

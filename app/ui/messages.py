"""Errors and fixed report texts from ``app.core`` in the UI's language.

``app.core`` raises :class:`~app.core.errors.GuijiError` with an English message (the CLI prints it)
plus a stable ``code`` and ``params``. :func:`describe` looks the code up here and renders it through
Qt Linguist (context ``Messages``), so the Chinese UI shows Chinese; an error without a known code
falls back to its English message. :func:`translate_text` does the same for fixed English texts that
come from below the UI without a code (an import's skip reasons, a figure's notes).

Each catalogue is built inside a function with literal ``QCoreApplication.translate`` calls so that
lupdate sees every string.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.core.errors import GuijiError, InputFileError


def _templates() -> dict[str, str]:
    return {
        # reading files
        "file.empty": QCoreApplication.translate("Messages", "the file is empty (it contains no text)"),
        "file.binary": QCoreApplication.translate("Messages", "this looks like a binary file, not text"),
        "file.bad_bom": QCoreApplication.translate(
            "Messages", "the file starts with a {encoding} byte-order mark but is not valid {encoding}"),
        "file.encoding": QCoreApplication.translate(
            "Messages", "the text encoding could not be recognised (tried UTF-8, UTF-16, GB18030, Big5)"),
        "file.unsupported_type": QCoreApplication.translate(
            "Messages", "unsupported file type {suffix} (Guiji imports .txt, .docx and .md)"),
        "file.missing": QCoreApplication.translate("Messages", "the file does not exist"),
        "file.folder": QCoreApplication.translate("Messages", "this is a folder, not a file"),
        "file.permission": QCoreApplication.translate("Messages", "the file cannot be read (permission denied)"),
        "file.unreadable": QCoreApplication.translate("Messages", "the file cannot be read ({reason})"),
        "file.too_large": QCoreApplication.translate(
            "Messages", "the file is larger than {limit} MB, Guiji's limit for one document"),
        "file.exists": QCoreApplication.translate("Messages", "{file}: a file with this name already exists"),
        "file.no_folder": QCoreApplication.translate("Messages", "{file}: the folder {folder} does not exist"),
        "file.unwritable": QCoreApplication.translate("Messages", "{file}: cannot be written ({reason})"),
        "docx.old_doc": QCoreApplication.translate(
            "Messages", "this is an old Word .doc file renamed .docx; save it as .docx in Word first"),
        "docx.not_zip": QCoreApplication.translate(
            "Messages", "not a valid .docx file (it is not a zip archive; was another file renamed?)"),
        "docx.damaged": QCoreApplication.translate(
            "Messages", "not a valid .docx file (the archive is damaged or truncated)"),
        "docx.zip_bomb": QCoreApplication.translate(
            "Messages", "the .docx would expand past the size limit (possibly a zip bomb)"),
        "docx.not_word": QCoreApplication.translate("Messages", "not a valid .docx file (it is not a Word document)"),
        "docx.dtd": QCoreApplication.translate(
            "Messages", "the .docx declares an XML document type (DTD), which Word never does; "
                                   "it is refused as unsafe"),
        "rqda.not_rqda": QCoreApplication.translate(
            "Messages", "not an RQDA project (the file is not an SQLite database)"),
        "refi.no_qde": QCoreApplication.translate("Messages", "not a REFI-QDA project: the archive has no project.qde"),
        "codebook.no_codes": QCoreApplication.translate("Messages", "the file holds no codes"),
        "codebook.no_code_column": QCoreApplication.translate(
            "Messages", "no 'Code' column in the first row (the MAXQDA layout: Code, Memo, …)"),
        "pseudonyms.not_utf8": QCoreApplication.translate(
            "Messages", "the file is not UTF-8 text (save the mapping as CSV UTF-8)"),
        "pseudonyms.no_header": QCoreApplication.translate(
            "Messages", "the file needs a header line with the columns 'name' and 'pseudonym'"),
        "pseudonyms.empty": QCoreApplication.translate(
            "Messages", "the mapping gives no pseudonym; nothing to replace"),
        # projects
        "project.locked": QCoreApplication.translate(
            "Messages", "{file}: the project is open in another Guiji window or process; "
                                         "close it there first (or open it read-only)"),
        "project.read_only": QCoreApplication.translate("Messages", "{file}: the project is open read-only"),
        "project.missing": QCoreApplication.translate("Messages", "{file}: no such project file"),
        "project.not_guiji": QCoreApplication.translate("Messages", "{file}: not a Guiji project"),
        "project.newer": QCoreApplication.translate(
            "Messages", "{file}: the project was saved by a newer version of Guiji; update Guiji to open it"),
        "project.needs_upgrade": QCoreApplication.translate(
            "Messages", "{file}: the project needs an upgrade; open it once in Guiji (not read-only)"),
        "project.unreadable": QCoreApplication.translate(
            "Messages", "{file}: the project file cannot be read ({reason})"),
        # names and values
        "name.empty": QCoreApplication.translate("Messages", "the name of a {what} cannot be empty"),
        "name.exists": QCoreApplication.translate("Messages", "a {what} named “{name}” already exists"),
        "name.separator": QCoreApplication.translate("Messages", "a code name cannot contain “{separator}”: {name}"),
        "value.colour": QCoreApplication.translate("Messages", "“{value}” is not a colour of the form #RRGGBB"),
        "value.date": QCoreApplication.translate("Messages", "“{value}” is not a date (use YYYY-MM-DD)"),
        "value.number": QCoreApplication.translate("Messages", "{name}: “{value}” is not a number"),
        "not_found": QCoreApplication.translate(
            "Messages", "there is no {what} with id {id} (it may have been deleted)"),
        # operations
        "code.move_into_itself": QCoreApplication.translate(
            "Messages", "the code “{name}” cannot be moved into itself"),
        "code.merge_into_itself": QCoreApplication.translate("Messages", "a code cannot be merged into itself"),
        "code.merge_into_child": QCoreApplication.translate(
            "Messages", "the code “{name}” cannot be merged into one of its own subcodes"),
        "search.empty": QCoreApplication.translate("Messages", "the search term is empty"),
        "tables.no_cases": QCoreApplication.translate(
            "Messages", "the project has no cases; group by document instead"),
        "link.same_ends": QCoreApplication.translate(
            "Messages", "a link joins two different codes, or one code in two different stages"),
        "link.evidence_exists": QCoreApplication.translate("Messages", "this passage is already evidence of the link"),
        # several coders (issue 17: app.core.agreement, app.core.merge)
        "agreement.coders": QCoreApplication.translate("Messages", "agreement needs two or more different coders"),
        "agreement.unit": QCoreApplication.translate(
            "Messages", "“{value}” is not a unit of agreement (use sentence, turn, chars:N, or segment:X with X "
                        "from 1 to 100)"),
        "merge.self": QCoreApplication.translate("Messages", "{file}: a project cannot be merged into itself"),
        "merge.unreadable": QCoreApplication.translate("Messages", "the file cannot be merged ({reason})"),
        "link.no_relation": QCoreApplication.translate(
            "Messages", "a link needs a relation type (促进, 支撑, 制约, 转化为, 构成 or your own)"),
        "edit.unchanged": QCoreApplication.translate(
            "Messages", "{file}: the new text is the same as the old; nothing to change"),
        "template.codes_used": QCoreApplication.translate(
            "Messages", "the codes it added have been used since; undo those codings first"),
        "template.stages_used": QCoreApplication.translate(
            "Messages", "the stages it added have been used since; undo that first"),
        "evaluate.too_few_documents": QCoreApplication.translate(
            "Messages", "evaluation needs at least 2 coded documents (the project has {n})"),
        "timeline.no_stages": QCoreApplication.translate(
            "Messages", "the project has no stages: define stages before drawing a timeline"),
        "value.lang": QCoreApplication.translate(
            "Messages", "“{value}” is not an export language (use zh, en or both)"),
        "stale_text": QCoreApplication.translate(
            "Messages", "the text on screen is not this project's document any more (another project was opened, "
                        "or the text was changed); nothing was changed — show the document again and redo the "
                        "selection"),
        "pseudonyms.two_pseudonyms": QCoreApplication.translate(
            "Messages", "a name has two pseudonyms (in Traditional and Simplified spellings)"),
        "convert.unchanged": QCoreApplication.translate(
            "Messages", "{file}: the text is already in that script; nothing to change"),
        "convert.bad_target": QCoreApplication.translate("Messages", "this script conversion is not available"),
        "range.outside": QCoreApplication.translate(
            "Messages", "{file}: the range {start}–{end} is not inside the text (0–{length} characters)"),
        "stage.dates_reversed": QCoreApplication.translate("Messages", "a stage cannot end before it starts"),
        "edit.stale": QCoreApplication.translate(
            "Messages", "{file}: the text has changed since this edit; it cannot be undone or redone"),
        "export.suffix": QCoreApplication.translate(
            "Messages", "{file}: this kind of file cannot be written here (use one of {allowed})"),
        "too_long": QCoreApplication.translate("Messages", "a {what} has at most {limit} characters"),
        "pseudonyms.no_name": QCoreApplication.translate(
            "Messages", "line {line}: the pseudonym “{pseudonym}” has no name"),
        "pseudonyms.missing": QCoreApplication.translate("Messages", "every name needs a pseudonym"),
        "xlsx.invalid": QCoreApplication.translate("Messages", "not a valid or readable .xlsx file"),
        "file.zip_bomb": QCoreApplication.translate(
            "Messages", "the archive would expand past the size limit (possibly a zip bomb)"),
        "sheet.empty_part": QCoreApplication.translate(
            "Messages", "row {row}: the code path “{path}” has an empty part"),
        "sheet.too_long": QCoreApplication.translate(
            "Messages", "row {row}: a code name is longer than 200 characters"),
        "sheet.colour": QCoreApplication.translate(
            "Messages", "row {row}: “{value}” is not a colour of the form #RRGGBB"),
        "qdc.no_codes": QCoreApplication.translate(
            "Messages", "{file}: the project has no codes, and a .qdc needs at least one"),
        "qdpx.damaged": QCoreApplication.translate("Messages", "not a valid .qdpx file (the zip archive is damaged)"),
        "codebook.unnamed_code": QCoreApplication.translate("Messages", "a code has no name"),
        "xml.doctype": QCoreApplication.translate(
            "Messages", "the file declares an XML document type (DTD); it is refused as unsafe"),
        "xml.malformed": QCoreApplication.translate("Messages", "not well-formed XML ({reason})"),
        "rqda.unreadable": QCoreApplication.translate("Messages", "not a readable RQDA project ({reason})"),
        # names, values and undo (issue 14: every error of app.core carries a code)
        "not_named": QCoreApplication.translate("Messages", "there is no {what} named “{name}” in this project"),
        "value.choice": QCoreApplication.translate("Messages", "“{value}” is not one of: {allowed}"),
        "value.at_least_one": QCoreApplication.translate("Messages", "the value must be 1 or more, not {value}"),
        "code.bad_path": QCoreApplication.translate(
            "Messages", "“{name}” is not a code path (names joined by “{separator}”)"),
        "undo.parent_gone": QCoreApplication.translate(
            "Messages", "the parent of “{name}” no longer exists; it cannot be put back"),
        "undo.gone": QCoreApplication.translate("Messages", "the {what} “{name}” no longer exists"),
        "undo.conflict": QCoreApplication.translate(
            "Messages", "the deleted rows cannot be put back: the project has changed since"),
        "replace.same": QCoreApplication.translate(
            "Messages", "“{find}” would be replaced by itself; nothing to change"),
        "range.invalid": QCoreApplication.translate("Messages", "{file}: these positions are not usable ({reason})"),
        "edit.restore_failed": QCoreApplication.translate(
            "Messages", "{file}: the text could not be restored exactly"),
        "import.suffix": QCoreApplication.translate(
            "Messages", "cannot import from a “{suffix}” file (use one of {allowed})"),
        "file.over_limit": QCoreApplication.translate("Messages", "the file is larger than {limit} MB"),
        "project.write_incomplete": QCoreApplication.translate(
            "Messages", "{file}: the new project could not be written completely"),
        # archives and exchange files
        "archive.too_many_entries": QCoreApplication.translate(
            "Messages", "the archive holds {n} entries (possibly a zip bomb); nothing was imported"),
        "archive.entry_too_large": QCoreApplication.translate(
            "Messages", "the archive entry “{entry}” is larger than the limit of {limit}"),
        "archive.zip_slip": QCoreApplication.translate(
            "Messages", "the archive entry “{entry}” points outside the archive (a zip-slip attack?); "
                        "nothing was imported"),
        "qdc.name_too_long": QCoreApplication.translate(
            "Messages", "the code name “{name}…” is longer than {limit} characters"),
        "qdc.no_codebook": QCoreApplication.translate(
            "Messages", "no REFI-QDA codebook in the file (the root element is <{root}>)"),
        "qdc.bad_guid": QCoreApplication.translate("Messages", "the code “{name}” has a malformed GUID {guid}"),
        "qdc.cycle": QCoreApplication.translate("Messages", "the code “{name}” contains itself (a cycle of GUIDs)"),
        "qdc.guid_twice": QCoreApplication.translate(
            "Messages", "the GUID {guid} is used by two codes (“{first}” and “{second}”)"),
        "sheet.too_many_rows": QCoreApplication.translate("Messages", "the table has more than {limit} rows"),
        # process tracing, tables, pseudonyms
        "figure.element": QCoreApplication.translate("Messages", "“{value}” is not an element of the figure"),
        "figure.too_narrow": QCoreApplication.translate(
            "Messages", "{width} mm is too narrow for {n} stages at {size} pt: use a wider figure or a smaller font"),
        "trace.unknown_unit": QCoreApplication.translate(
            "Messages", "no case or document named “{name}” is traced in this project"),
        "codeline.empty": QCoreApplication.translate(
            "Messages", "no document has codings yet: there is no codeline to draw"),
        "link.exists": QCoreApplication.translate("Messages", "a link with id {id} already exists"),
        "coding.none_at": QCoreApplication.translate("Messages", "no coding of “{document}” at {start}–{end}"),
        "coding.ambiguous": QCoreApplication.translate(
            "Messages", "several codings of “{document}” at {start}–{end} ({codes}); choose one"),
        "pseudonyms.two_for_one": QCoreApplication.translate(
            "Messages", "line {line}: “{name}” has two pseudonyms (“{first}”, “{second}”)"),
        "suggest.nothing_to_learn": QCoreApplication.translate(
            "Messages", "nothing to learn from yet: code some passages first"),
        "range.outside_text": QCoreApplication.translate(
            "Messages", "the range {start}–{end} is not inside the text (0–{length} characters)"),
        "stages.none": QCoreApplication.translate("Messages", "{file}: the project has no stages to suggest"),
        "range.empty": QCoreApplication.translate("Messages", "a range needs a document and a start before its end"),
        "value.between_0_1": QCoreApplication.translate("Messages", "the value must be between 0 and 1, not {value}"),
        "internal": QCoreApplication.translate(
            "Messages", "Guiji met an internal error ({detail}); please report it with the log file"),
        "pseudonyms.clash": QCoreApplication.translate(
            "Messages", "the pseudonyms would give two things the same name; choose other pseudonyms"),
        "pseudonyms.contains_name": QCoreApplication.translate(
            "Messages", "{where}: the pseudonym “{pseudonym}” of “{name}” contains the name “{other}”, which would "
                        "remain in the project"),
        # --- team server (issue 18, app/core/db/server.py) ---
        "server.not_empty": QCoreApplication.translate(
            "Messages", "{file}: the database is not empty; Guiji needs an empty one"),
        # --- end team server ---
    }


def _things() -> dict[str, str]:
    """The objects an error can name (``params["what"]``)."""
    return {
        "document": QCoreApplication.translate("Messages", "document"),
        "code": QCoreApplication.translate("Messages", "code"),
        "level": QCoreApplication.translate("Messages", "level name"),
        "label": QCoreApplication.translate("Messages", "figure label"),
        "coding": QCoreApplication.translate("Messages", "coding"),
        "stage": QCoreApplication.translate("Messages", "stage"),
        "case": QCoreApplication.translate("Messages", "case"),
        "coder": QCoreApplication.translate("Messages", "coder"),
        "attribute": QCoreApplication.translate("Messages", "attribute"),
        "link": QCoreApplication.translate("Messages", "link"),
        "memo": QCoreApplication.translate("Messages", "memo"),
        "evidence": QCoreApplication.translate("Messages", "evidence"),
        "project": QCoreApplication.translate("Messages", "project"),
        "template": QCoreApplication.translate("Messages", "template"),
        "relation": QCoreApplication.translate("Messages", "relation type"),
    }


# Fixed English texts (no values in them) that reach the UI without a code: an import's skip reasons
# and kinds, a figure's notes. QT_TRANSLATE_NOOP only marks them for lupdate; translate_text looks them up.
KNOWN_TEXTS = frozenset({
    QT_TRANSLATE_NOOP("Messages", "no coding has a stage yet: the timeline is empty"),
    QT_TRANSLATE_NOOP("Messages", "no coding has a stage yet: the flow is empty"),
    QT_TRANSLATE_NOOP("Messages", "no transitions between consecutive stages: the matrix is empty"),
    QT_TRANSLATE_NOOP("Messages", "no document has codings yet"),
    QT_TRANSLATE_NOOP("Messages", "the document has no codings"),
    QT_TRANSLATE_NOOP("Messages", "some elements lie outside the figure's width and are cut off: move them back"),
    QT_TRANSLATE_NOOP("Messages", "graphs are not imported (Guiji draws its own timeline from the stages)"),
    QT_TRANSLATE_NOOP("Messages", "its text file is missing from the archive"),
    QT_TRANSLATE_NOOP("Messages", "its positions are not numbers"),
    QT_TRANSLATE_NOOP("Messages", "outside the text"),
    QT_TRANSLATE_NOOP("Messages", "zero-length selection (no characters)"),
    QT_TRANSLATE_NOOP("Messages", "zero-length coding (no characters)"),
    QT_TRANSLATE_NOOP("Messages", "its start is after its end"),
    QT_TRANSLATE_NOOP("Messages", "its code is not in the codebook"),
    QT_TRANSLATE_NOOP("Messages", "the source's text is empty"),
    QT_TRANSLATE_NOOP("Messages", "its text is empty"),
    QT_TRANSLATE_NOOP("Messages", "it has no member Guiji imported"),
    QT_TRANSLATE_NOOP(
        "Messages", "Guiji links codes to codes (coded passages are their evidence); this link joins other objects"),
    QT_TRANSLATE_NOOP("Messages", "it links a code to itself"),
    QT_TRANSLATE_NOOP("Messages", "its code is deleted or unknown"),
    QT_TRANSLATE_NOOP("Messages", "its file is deleted or unknown"),
    QT_TRANSLATE_NOOP("Messages", "its linked range is outside the text"),
    QT_TRANSLATE_NOOP("Messages", "code points, line ends as in the file (the REFI-QDA standard)"),
    QT_TRANSLATE_NOOP("Messages", "UTF-16 units, line ends as in the file (as NVivo counts)"),
    # kinds of skipped things in an import report
    QT_TRANSLATE_NOOP("Messages", "source"), QT_TRANSLATE_NOOP("Messages", "selection"),
    QT_TRANSLATE_NOOP("Messages", "coding"), QT_TRANSLATE_NOOP("Messages", "code"),
    QT_TRANSLATE_NOOP("Messages", "link"), QT_TRANSLATE_NOOP("Messages", "graph"),
    QT_TRANSLATE_NOOP("Messages", "set"), QT_TRANSLATE_NOOP("Messages", "case"),
    QT_TRANSLATE_NOOP("Messages", "note"), QT_TRANSLATE_NOOP("Messages", "document"),
})


def _format(template: str, params: dict[str, Any]) -> str:
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return ""


def describe(exc: BaseException) -> str:
    """``exc`` as the user should read it, in the UI's language when its code is known."""
    if not isinstance(exc, GuijiError) or exc.code not in _templates():
        return str(exc)
    params = dict(exc.params)
    if "what" in params:
        params["what"] = _things().get(str(params["what"]), str(params["what"]))
    if isinstance(exc, InputFileError):
        params.setdefault("file", exc.path.name)
    template = _templates()[exc.code or ""]
    text = _format(template, params)
    if not text:
        return str(exc)
    if isinstance(exc, InputFileError) and "{file}" not in template:
        # The file's name leads, as in the English message, so several failed imports can be told apart.
        text = f"{exc.path.name}: {text}"
    return text


def _patterns() -> list[tuple[re.Pattern[str], str]]:
    """Texts with values in them: the English pattern and its translatable template."""
    return [
        (re.compile(r"^(?P<n>\d+) transitions reach the threshold; the (?P<k>\d+) strongest are drawn "
                    r"\(raise the minimum to see fewer\)$"),
         QCoreApplication.translate(
             "Messages", "{n} transitions reach the threshold; the {k} strongest are drawn "
                         "(raise the minimum to see fewer)")),
        (re.compile(r"^link (?P<source>.+) → (?P<target>.+) is not drawn: a code has no box shown$"),
         QCoreApplication.translate("Messages", "link {source} → {target} is not drawn: a code has no box shown")),
        # An import report's reasons and notes.
        (re.compile(r"^its text file (?P<path>.+) is missing from the archive$"),
         QCoreApplication.translate("Messages", "its text file {path} is missing from the archive")),
        (re.compile(r"^its text file (?P<path>.+) is missing from the \.qde file, which carries no texts$"),
         QCoreApplication.translate("Messages", "its text file {path} is missing (a .qde file carries no texts)")),
        (re.compile(r"^(?P<kind>picture|PDF|audio|video) sources are not imported \(Guiji codes text transcripts "
                    r"only\)$"),
         QCoreApplication.translate("Messages", "{kind} sources are not imported (Guiji codes text transcripts only)")),
        (re.compile(r"^(?P<n>\d+) coding\(s\) on it skipped$"),
         QCoreApplication.translate("Messages", "{n} coding(s) on it skipped")),
        (re.compile(r"^(?P<n>\d+) selection\(s\) on it skipped$"),
         QCoreApplication.translate("Messages", "{n} selection(s) on it skipped")),
        (re.compile(r"^(?P<n>\d+) set\(s\) of codes or notes are listed in the project memo \(Guiji has no sets "
                    r"of codes\)$"),
         QCoreApplication.translate(
             "Messages", "{n} set(s) of codes or notes are listed in the project memo (Guiji has no sets of codes)")),
        (re.compile(r"^(?P<p>\d+%) of the selections' ends fall on line boundaries when read this way$"),
         QCoreApplication.translate(
             "Messages", "{p} of the selections' ends fall on line boundaries when read this way")),
        (re.compile(r"^every reading gives the same positions \(no characters outside the BMP and no CRLF line "
                    r"ends before the selections\)$"),
         QCoreApplication.translate(
             "Messages", "every reading gives the same positions (no characters outside the BMP and no CRLF line "
                         "ends before the selections)")),
        (re.compile(r"^written by Guiji, which counts code points$"),
         QCoreApplication.translate("Messages", "written by Guiji, which counts code points")),
    ]


def _kind_word(kind: str) -> str:
    """The media word in "{kind} sources are not imported"."""
    words = {"picture": QCoreApplication.translate("Messages", "picture"), "PDF": "PDF",
             "audio": QCoreApplication.translate("Messages", "audio"),
             "video": QCoreApplication.translate("Messages", "video")}
    return words.get(kind, kind)


def translate_text(text: str) -> str:
    """A fixed English text from ``app.core`` in the UI's language (unchanged when not known)."""
    if not text:
        return text
    if text in KNOWN_TEXTS:
        return QCoreApplication.translate("Messages", text)
    for pattern, template in _patterns():
        match = pattern.match(text)
        if match:
            values = match.groupdict()
            if "kind" in values:
                values["kind"] = _kind_word(values["kind"])
            return template.format(**values)
    if "; " in text:  # "reason; consequence": each part on its own
        parts = [translate_text(part) for part in text.split("; ")]
        return QCoreApplication.translate("Messages", "; ").join(parts)
    # "reason: detail" where only the reason is fixed (e.g. a positions reading and why).
    head, sep, tail = text.partition(": ")
    if sep and head in KNOWN_TEXTS:
        colon = QCoreApplication.translate("Messages", ": ")
        return f"{QCoreApplication.translate('Messages', head)}{colon}{translate_text(tail)}"
    return text

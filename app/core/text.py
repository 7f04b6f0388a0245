"""Text core: normalisation, encodings, code point <-> UTF-16 offsets, sentences and speaker turns.

Every position in Guiji is a Unicode code point index (a Python ``str`` index), end exclusive.
Qt counts UTF-16 units instead; :class:`Utf16Map` is the one place that converts between them.
Nothing here does I/O: callers read the bytes and pass them in.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from app.core.errors import InputFileError

__all__ = [
    "Turn",
    "Utf16Map",
    "cp_to_utf16",
    "decode_bytes",
    "detect_turns",
    "normalise",
    "sha256_text",
    "split_sentences",
    "utf16_to_cp",
]

# --------------------------------------------------------------------------- normalisation


def normalise(text: str) -> str:
    """Return ``text`` as Guiji stores it: no leading BOM, every line end ``\\n``.

    A doubled leading BOM (careless conversions leave one) goes too, so that normalising is
    idempotent: normalising stored text again must never shift its offsets. No other Unicode
    normalisation is done (NFC/NFKC would move offsets and change characters).
    """
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def sha256_text(text: str) -> str:
    """Return the hex SHA-256 digest of ``text`` encoded as UTF-8."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# --------------------------------------------------------------------------- decoding

_TRIED = "tried UTF-8, UTF-16, GB18030, Big5"
# C0 and C1 controls other than tab, line feed, vertical tab, form feed and carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_MAX_CONTROL_RATIO = 0.01
# What Chinese (and English) text is made of: the test that BOM-less bytes really are UTF-16.
_UTF16_PLAUSIBLE = re.compile(
    "[\t\n\r\x20-\x7e\u00b7\u2000-\u27bf\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\uff00-\uffef\U0001f000-\U0001faff\U00020000-\U0003ffff]"
)
_MIN_PLAUSIBLE_RATIO = 0.95
# Punctuation both GB and Big5 Chinese text use; full-width ASCII forms are U+FF01..U+FF5E.
_COMMON_PUNCT = frozenset("，。、；：？！「」『』（）《》〈〉“”‘’…—～·\u3000") | frozenset(
    chr(c) for c in range(0xFF01, 0xFF5F)
)


def decode_bytes(data: bytes, path: str | Path) -> tuple[str, str]:
    """Decode the bytes of a text file and return ``(normalised text, encoding name)``.

    Byte-order marks decide first (``utf-8-sig``, ``utf-16-le``, ``utf-16-be``); then BOM-less
    UTF-16 when the NUL bytes fall (mostly) on one side of the two-byte units and the result
    reads as Chinese or English text; then strict UTF-8 (``utf-8``);
    then the Chinese legacy encodings ``gb18030`` (which covers GBK and GB2312) and ``big5``
    (or ``cp950``). When both GB18030 and Big5 decode the bytes, the reading whose characters
    are the more common ones in its own character set wins (see :func:`_choose_gb_or_big5`).

    Raises :class:`InputFileError` naming ``path`` for an empty file, binary data or bytes that
    no supported encoding decodes.
    """
    if not data:
        raise InputFileError(path, "the file is empty", code="file.empty")
    text, encoding = _decode(data, path)
    text = normalise(text)
    if "\x00" in text:
        raise InputFileError(path, "this looks like a binary file, not text (it contains NUL characters)",
                             code="file.binary")
    if not text.strip():
        raise InputFileError(path, "the file is empty (it contains no text)", code="file.empty")
    controls = sum(1 for _ in _CONTROL.finditer(text))
    if controls > _MAX_CONTROL_RATIO * len(text):
        raise InputFileError(
            path, "this looks like a binary file, not text (it contains many control characters)",
            code="file.binary",
        )
    return text, encoding


def _decode(data: bytes, path: str | Path) -> tuple[str, str]:
    boms = (
        (b"\xef\xbb\xbf", "utf-8-sig", "UTF-8"),
        (b"\xff\xfe", "utf-16-le", "UTF-16"),
        (b"\xfe\xff", "utf-16-be", "UTF-16"),
    )
    for bom, codec, label in boms:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec), codec
            except UnicodeDecodeError:
                raise InputFileError(
                    path, f"the file starts with a {label} byte-order mark but is not valid {label}",
                    code="file.bad_bom", params={"encoding": label},
                ) from None
    if b"\x00" in data:
        utf16 = _bomless_utf16(data)
        if utf16 is None:
            raise InputFileError(path, "this looks like a binary file, not text (it contains NUL bytes)",
                                 code="file.binary")
        return data.decode(utf16), utf16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    chosen = _choose_gb_or_big5(data)
    if chosen is None:
        raise InputFileError(path, f"the text encoding could not be recognised ({_TRIED})",
                             code="file.encoding")
    return chosen


def _bomless_utf16(data: bytes) -> str | None:
    """Return the UTF-16 codec BOM-less ``data`` obviously is in, or None.

    In UTF-16 text most NUL bytes are the high half of ASCII characters, so they sit on one
    side of the two-byte units (the other side has them only for the rare U+xx00 characters),
    and the decoded text is almost all characters of Chinese and English text (random bytes
    decode to Hangul, Yi, private-use and Latin-1 characters too, so they fail that). A few
    NULs in bytes that are valid UTF-8 are stray NULs in a UTF-8 (or ASCII) file, not UTF-16.
    """
    nul_even = data[0::2].count(0)
    nul_odd = data[1::2].count(0)
    if len(data) % 2 or nul_even == nul_odd:
        return None
    if max(nul_even, nul_odd) * 10 < len(data) // 2:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            return None
    codec = "utf-16-le" if nul_odd > nul_even else "utf-16-be"
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    plain = sum(1 for _ in _UTF16_PLAUSIBLE.finditer(text))
    return codec if plain >= _MIN_PLAUSIBLE_RATIO * len(text) else None


# Measured: Shift-JIS Japanese read as GB18030 scores 0.0; Traditional Chinese saved as GB18030
# (the lowest-scoring real case) scores 0.40 or more even on 40-character snippets.
_MIN_LEGACY_SCORE = 0.2


def _choose_gb_or_big5(data: bytes) -> tuple[str, str] | None:
    """Decode legacy Chinese bytes as GB18030 or Big5, whichever reading is more plausible.

    GB18030 decodes nearly any byte string, and most Big5 bytes are also valid GBK, so "it
    decodes" proves little. Each reading is scored by how much of its non-ASCII text is common
    characters of its own standard (GB2312 level 1 for GB, the Big5 "frequently used" block
    for Big5); real text scores near 1, a wrong reading far lower. Ties go to GB18030.
    charset-normalizer was measured on the same job and did worse (its ``from_bytes`` with
    ``cp_isolation=["gb18030", "big5"]`` misjudged or gave up on 2-3% of 40-character
    snippets of real transcripts, this score on none), so it is not used here.

    When even the better reading scores under ``_MIN_LEGACY_SCORE`` the bytes are no Chinese
    text (Shift-JIS Japanese decodes as GB18030 but scores 0) and None is returned.
    """
    candidates: list[tuple[float, str, str]] = []
    for codecs, scorer in ((("gb18030",), _gb_score), (("big5", "cp950"), _big5_score)):
        for codec in codecs:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            candidates.append((scorer(text), codec, text))
            break
    if not candidates:
        return None
    # max() keeps the first of equal scores, and GB18030 is first.
    score, codec, text = max(candidates, key=lambda c: c[0])
    if score < _MIN_LEGACY_SCORE:
        return None
    return text, codec


def _legacy_score(text: str, codec: str, common: range, rare: range) -> float:
    counts = Counter(ch for ch in text if ord(ch) > 0x7F)
    total = sum(counts.values())
    if not total:
        return 0.0
    good = 0.0
    for ch, n in counts.items():
        if ch in _COMMON_PUNCT:
            good += n
            continue
        try:
            lead = ch.encode(codec)[0]
        except UnicodeEncodeError:
            continue
        if lead in common:
            good += n
        elif lead in rare:
            good += 0.5 * n
    return good / total


def _gb_score(text: str) -> float:
    # GB2312 hanzi: level 1 (most frequent 3,755) has lead bytes B0-D7, level 2 D8-F7.
    return _legacy_score(text, "gb2312", range(0xB0, 0xD8), range(0xD8, 0xF8))


def _big5_score(text: str) -> float:
    # Big5 hanzi: frequently used (5,401) A4-C6, less frequently used C9-F9.
    return _legacy_score(text, "big5", range(0xA4, 0xC7), range(0xC9, 0xFA))


# --------------------------------------------------------------------------- UTF-16 offsets

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Utf16Map:
    """Converts offsets in one text between code points (Guiji) and UTF-16 units (Qt).

    Built in one pass over the text; each conversion is a binary search over the positions
    of the characters outside the BMP (each takes two UTF-16 units, a surrogate pair).
    """

    __slots__ = ("_astral_cp", "_astral_u16", "length", "utf16_length")

    def __init__(self, text: str) -> None:
        """Index ``text``'s astral characters (code point > U+FFFF)."""
        self._astral_cp: list[int] = [m.start() for m in _ASTRAL.finditer(text)]
        # The UTF-16 start of the k-th astral character is its code point index plus k.
        self._astral_u16: list[int] = [cp + k for k, cp in enumerate(self._astral_cp)]
        self.length: int = len(text)
        self.utf16_length: int = len(text) + len(self._astral_cp)

    def to_utf16(self, cp: int) -> int:
        """Return the UTF-16 offset of code point offset ``cp`` (0..length inclusive)."""
        if not 0 <= cp <= self.length:
            raise ValueError(f"code point offset {cp} is outside 0..{self.length}")
        return cp + bisect_left(self._astral_cp, cp)

    def to_codepoint(self, u16: int) -> int:
        """Return the code point offset of UTF-16 offset ``u16`` (0..utf16_length inclusive).

        An offset between the two halves of a surrogate pair snaps down to that character.
        """
        if not 0 <= u16 <= self.utf16_length:
            raise ValueError(f"UTF-16 offset {u16} is outside 0..{self.utf16_length}")
        # Each astral character starting before u16 took one unit more than one code point;
        # for an offset inside a pair this also counts that pair, which snaps down.
        return u16 - bisect_left(self._astral_u16, u16)


def cp_to_utf16(text: str, cp: int) -> int:
    """Convert one code point offset in ``text`` to UTF-16 units (O(n): build a Utf16Map to repeat)."""
    return Utf16Map(text).to_utf16(cp)


def utf16_to_cp(text: str, u16: int) -> int:
    """Convert one UTF-16 offset in ``text`` to code points (O(n): build a Utf16Map to repeat)."""
    return Utf16Map(text).to_codepoint(u16)


# --------------------------------------------------------------------------- sentences

_CLOSERS = "”’」』）)】》\"'］]"
# A run of terminators (an ellipsis …… or ... counts as one) with the closing quotes or
# brackets after it, or a line break.
_SENTENCE_END = re.compile(rf"(?:(?:[。！？；!?;…⋯]|\.{{3,}})+[{re.escape(_CLOSERS)}]*)+|\n")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into sentence spans ``(start, end)`` in code points, end exclusive.

    A sentence ends after 。！？； ! ? ; or an ellipsis run, plus any closing quotes or
    brackets right after it, and at every line break. Spans exclude surrounding whitespace;
    whitespace-only pieces give no span.
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _SENTENCE_END.finditer(text):
        _append_trimmed(text, pos, m.end(), spans)
        pos = m.end()
    _append_trimmed(text, pos, len(text), spans)
    return spans


def _append_trimmed(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    start, end = _trim(text, start, end)
    if start < end:
        spans.append((start, end))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# --------------------------------------------------------------------------- speaker turns


@dataclass(frozen=True)
class Turn:
    """One speaker's turn: ``text[start:end]`` is what was said, ``text[label_start:label_end]``
    the label that introduced it (markdown ``#``/``**``, timestamp, name and colon)."""

    speaker: str
    start: int
    end: int
    label_start: int
    label_end: int


_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"
_NAME_CHAR = f"[{_CJK}A-Za-z0-9·]"
_CLOCK = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?"
_LABEL = re.compile(
    rf"""
    ^[ \t\u3000]*
    (?P<label>
        (?P<heading>\#{{1,6}}[ \t]*)?
        (?P<bold>\*\*)?
        (?P<stamp>(?:\[{_CLOCK}\]|\({_CLOCK}\)|（{_CLOCK}）|{_CLOCK})[ \t]*)?
        (?P<bold_in>\*\*)?
        (?P<name>{_NAME_CHAR}(?:{_NAME_CHAR}|(?<=[A-Za-z])[ ](?=[A-Za-z])){{0,11}})
        (?P<bold_name>\*\*)?
        [ \t]*(?P<colon>[：:])
        (?P<bold_end>\*\*)?
    )
    """,
    re.MULTILINE | re.VERBOSE,
)
# Discourse markers and header fields that look like labels but introduce no speaker.
_NOT_SPEAKERS = frozenset((
    "举例来说", "舉例來說", "举例来讲", "舉例來講", "比如", "比如说", "比如說", "例如", "譬如",
    "也就是说", "也就是說", "换句话说", "換句話說", "总之", "總之", "总而言之", "總而言之",
    "总结", "總結", "结论", "結論", "注", "注意", "备注", "備註", "说明", "說明", "重点", "重點",
    "note", "notes", "date", "time", "place", "location", "duration", "source", "title", "topic",
))  # fmt: skip
_FIELD_SUFFIXES = (
    "时间", "時間", "日期", "地点", "地點", "时长", "時長", "地址", "对象", "對象", "主题", "主題",
    "编号", "編號", "标题", "標題", "来源", "來源", "记录", "記錄", "整理", "语言", "語言",
)  # fmt: skip


def detect_turns(text: str) -> list[Turn]:
    """Find the speaker turns of a transcript; text before the first label is not a turn.

    A label starts a line: optional markdown heading ``#``s and ``**`` bold, an optional
    timestamp (``[00:12:34]``, ``00:12:34``, ``(00:12)``), a name of 1-12 characters (CJK,
    Latin letters, digits, ``·``, spaces inside Latin names) and a colon ``：`` or ``:``. The
    turn's content may continue on the same line or start on the next. A name that is a
    discourse marker (``举例来说``) or a header field (``访谈时间``) is not a speaker. When a
    transcript marks three quarters or more of its labels (heading, bold or timestamp), the
    unmarked label-shaped lines are ignored, and the other way round.
    """
    found: list[tuple[re.Match[str], bool]] = []
    for m in _LABEL.finditer(text):
        if _is_speaker_label(text, m):
            marked = bool(m["heading"] or m["bold"] or m["bold_in"] or m["stamp"])
            found.append((m, marked))
    # A style used by under a quarter of the labels is taken for label-shaped text, e.g.
    # "舉例來講：" opening a paragraph in a transcript whose speakers are "### 唐鳳：" headings.
    n_marked = sum(1 for _, marked in found if marked)
    minority = min(n_marked, len(found) - n_marked)
    labels = [
        m for m, marked in found if 4 * minority >= len(found) or marked == (2 * n_marked >= len(found))
    ]

    turns: list[Turn] = []
    for i, m in enumerate(labels):
        next_line = labels[i + 1].start() if i + 1 < len(labels) else len(text)
        label_end = m.end()
        start, end = _trim(text, label_end, next_line)
        if start == end:
            start = end = label_end
        turns.append(Turn(m["name"], start, end, m.start("label"), label_end))
    return turns


def _is_speaker_label(text: str, m: re.Match[str]) -> bool:
    name = m["name"]
    if name.isdigit() or name.lower() in _NOT_SPEAKERS or name.endswith(_FIELD_SUFFIXES):
        return False
    if m["colon"] == ":":
        # "下午3:30", "http://": a half-width colon followed by a digit or slash is no label.
        after = text[m.end("colon") : m.end("colon") + 1]
        if after.isdigit() or after == "/":
            return False
    return True

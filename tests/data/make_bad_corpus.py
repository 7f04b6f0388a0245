"""Write the bad-input corpus ``tests/data/bad/`` (small files; the big ones are made at test time).

Run from the repository root: ``.venv/bin/python tests/data/make_bad_corpus.py``. The output is
deterministic; tests/data/bad/README.md lists each file with the outcome Guiji must give, and
tests/core/test_reliability_bad_input.py holds the same expectations as a table.
"""

from __future__ import annotations

import codecs
import io
import random
import zipfile
from pathlib import Path

import docx

BAD = Path(__file__).resolve().parent / "bad"

TRANSCRIPT = "访谈者：请介绍一下社区的情况。\n受访者：我们社区有三千多户居民，𠮷祥超市就在楼下。\n"
# Shift-JIS bytes are valid GB18030 too: read as Chinese they are nonsense (偙傫偵偪...).
JAPANESE = (
    "インタビューの記録です。私は東京で生まれて、地元の会社に就職しました。\n"
    "住民の皆さんと話し合う機会が増えました。\n"
)
PNG_START = b"\x89PNG\r\n\x1a\n" + bytes.fromhex("0000000d 49484452 00000010 00000010 0806000000")
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _docx_bytes(*paragraphs: str) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return _replace_part(out.getvalue(), "", b"")


FIXED_TIME = (2024, 1, 1, 0, 0, 0)  # zip entries carry a time stamp: fixed, so the output is stable


def _replace_part(data: bytes, part: str, content: bytes, extra: dict[str, bytes] | None = None) -> bytes:
    """A copy of the .docx ``data`` with ``part`` replaced (and ``extra`` entries added), re-zipped
    with fixed time stamps."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = content if info.filename == part else src.read(info.filename)
            dst.writestr(zipfile.ZipInfo(info.filename, FIXED_TIME), body, zipfile.ZIP_DEFLATED)
        for name, body in (extra or {}).items():
            dst.writestr(zipfile.ZipInfo(name, FIXED_TIME), body, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _document_xml(body: str, doctype: str = "") -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n{doctype}'
        f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'
    ).encode()


def files() -> dict[str, bytes]:
    """Every file of the corpus: name -> bytes."""
    good_docx = _docx_bytes("访谈者：您好𠮷。", "受访者：我们一起做增权赋能的工作。")
    # "Billion laughs": l9 would expand to 10**9 characters.
    laughs = '<!ENTITY l0 "哈哈哈哈哈哈哈哈哈哈">' + "".join(
        f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10)
    )
    return {
        # --- encodings
        "shift_jis.txt": JAPANESE.encode("shift_jis"),
        "latin1.txt": "Café au lait, naïve résumé, 25 °C ± 2, Ångström, señor.\n".encode("latin-1"),
        "cesu8_surrogates.txt": "引用：".encode() + b"\xed\xa0\xbd\xed\xb8\x80" + "。\n".encode(),
        "utf16le_no_bom.txt": TRANSCRIPT.replace("\n", "\r\n").encode("utf-16-le"),
        "utf16be_no_bom.txt": TRANSCRIPT.encode("utf-16-be"),
        "utf16le_no_bom_no_ascii.txt": "访谈者说了很多关于社区治理的话".encode("utf-16-le"),
        "utf16_odd_length.txt": codecs.BOM_UTF16_LE + "访谈".encode("utf-16-le") + b"\x41",
        "utf16_lone_surrogate.txt": codecs.BOM_UTF16_LE + b"\x3f\xd8" + "访谈".encode("utf-16-le"),
        "utf8_bom_then_invalid.txt": codecs.BOM_UTF8 + "访谈".encode() + b"\xff\xfe\xfa",
        "gb18030_crlf.txt": TRANSCRIPT.replace("\n", "\r\n").encode("gb18030"),
        "big5.txt": "訪談者：請介紹一下社區的情況。\n受訪者：我們社區有三千多戶居民。\n".encode("big5"),
        # --- binary, empty, control characters
        "nul_bytes.txt": "访谈者：你好。".encode() + b"\x00\x00" + "受访者：好。".encode(),
        "random_bytes.txt": random.Random(3).randbytes(2048),
        "png_renamed.txt": PNG_START,
        "control_chars.txt": bytes(range(1, 9)) * 40 + "访谈者：你好。".encode(),
        "empty.txt": b"",
        "bom_only_utf8.txt": codecs.BOM_UTF8,
        "bom_only_utf16.md": codecs.BOM_UTF16_LE,
        "whitespace_only.txt": " \r\n\t\u3000\n".encode(),
        # --- line ends, emoji, Markdown, extensions
        "mixed_line_ends.txt": "甲：一\r\n乙：二\r丙：三\n丁：四\r\n\r\n戊：五".encode(),
        "utf8_bom_crlf.md": codecs.BOM_UTF8 + "# 访谈\r\n\r\n**访谈者**：您好！\r\n".encode(),
        "all_emoji.txt": "😀😃🎉👍🏽👨‍👩‍👧‍👦🇨🇳\n🀄🧧\n".encode(),
        "markdown.md": (
            "# 访谈记录\n\n## 第一部分\n\n**访谈者**：请问 *社区* 的情况？\n\n"
            "- 列表项 [链接](https://example.org)\n- `代码` 与 > 引用\n\n```\n代码块 𠮷\n```\n"
        ).encode(),
        "UPPER_CASE.TXT": TRANSCRIPT.encode(),
        "report.pdf": b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n",
        "notes.rtf": b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 SimSun;}} \\f0 \\u35775?\\u35848?}",
        "transcript_without_extension": TRANSCRIPT.encode(),
        # --- Word files
        "good.docx": good_docx,
        "truncated.docx": good_docx[: len(good_docx) // 2],
        "empty.docx": b"",
        "not_a_zip.docx": "访谈者：这其实是文本文件。".encode(),
        "old_word.docx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1016),
        "zip_not_word.docx": _zip({"hello.txt": "你好".encode()}),
        "malformed_xml.docx": _replace_part(good_docx, "word/document.xml", b"<w:document><w:body><w:p>"),
        "no_text.docx": _docx_bytes("", "   ", "\t"),
        "zip_slip.docx": _replace_part(
            good_docx, "word/document.xml", _document_xml("<w:p><w:r><w:t>路径穿越测试</w:t></w:r></w:p>"),
            extra={"../../evil.txt": b"outside", "/abs/evil.txt": b"outside"},
        ),
        "xml_entity_bomb.docx": _replace_part(
            good_docx, "word/document.xml",
            _document_xml("<w:p><w:r><w:t>&l9;</w:t></w:r></w:p>", f"<!DOCTYPE w:document [{laughs}]>\n"),
        ),
        "xml_external_entity.docx": _replace_part(
            good_docx, "word/document.xml",
            _document_xml(
                "<w:p><w:r><w:t>前&xxe;后</w:t></w:r></w:p>",
                '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>\n',
            ),
        ),
    }


def _zip(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in entries.items():
            archive.writestr(zipfile.ZipInfo(name, FIXED_TIME), body, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def main() -> None:
    BAD.mkdir(exist_ok=True)
    for name, data in files().items():
        (BAD / name).write_bytes(data)
    print(f"wrote {len(files())} files to {BAD}")


if __name__ == "__main__":
    main()

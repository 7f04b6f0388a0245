"""Guiji's spaCy hook (replaces the contrib one, which takes every language and spaCy's tests).

Guiji only builds ``spacy.blank("zh")`` with the jieba segmenter, so of ``spacy.lang`` only the
shared modules and ``zh`` are bundled. spaCy finds registered functions through entry points,
hence its metadata.
"""

from PyInstaller.utils.hooks import collect_data_files, collect_submodules, copy_metadata

_SHARED = {"char_classes", "lex_attrs", "norm_exceptions", "punctuation", "tokenizer_exceptions"}


def _wanted(name: str) -> bool:
    parts = name.split(".")
    if len(parts) > 1 and parts[1] == "tests":
        return False
    if len(parts) > 2 and parts[1] == "lang":
        return parts[2] in _SHARED or parts[2] == "zh"
    return True


hiddenimports = collect_submodules("spacy", filter=_wanted)
datas = collect_data_files("spacy", excludes=["lang/**", "tests/**", "**/*.pyx", "**/*.pxd", "**/*.cpp", "**/*.h"])
datas += collect_data_files("spacy", includes=["lang/zh/**"], excludes=["**/*.py", "**/*.pyc"])
datas += copy_metadata("spacy")

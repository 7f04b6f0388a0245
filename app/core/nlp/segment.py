"""Word segmentation: jieba with the codebook's terms as a user dictionary, and spaCy on top of it.

jieba and spaCy are imported on first use, never when Guiji starts (importing spaCy and building the
pipeline costs about 1.2 s, jieba's dictionary about 0.5 s). jieba's dictionary cache goes to
``<user data>/cache/jieba`` instead of the system temp folder.

spaCy's jieba segmenter uses the *global* ``jieba`` module, so the user dictionary is global too.
:func:`use_terms` makes jieba's state a pure function of the set of terms: the words added for the
previous codebook are taken back exactly (their frequencies and jieba's total), then the new terms
are added in sorted order. Segmentation therefore depends only on the current codebook, never on
the history of the process, which is what makes a saved model score the same after loading.

Every call into jieba or spaCy here holds :data:`LOCK`: background jobs (training, a suggestions
pass) and a foreground call may overlap, and jieba's dictionary is one shared object.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from app.core.paths import user_data_dir

if TYPE_CHECKING:
    from spacy.language import Language

    from app.core.project import Project

__all__ = ["LOCK", "codebook_terms", "jieba_module", "pipeline", "tokens", "use_codebook", "use_terms"]

LOCK = threading.RLock()
# The longest term put into jieba's dictionary: longer "keywords" are phrases, matched on raw text only.
MAX_TERM = 16

_jieba: Any = None
_nlp: Language | None = None
# word -> (its frequency before we added it, or None when it was not a word; the frequency we gave it)
_added: dict[str, tuple[int | None, int]] = {}
_terms: frozenset[str] = frozenset()


def jieba_module() -> Any:
    """The ``jieba`` module, imported and initialised on first use (cache in Guiji's user folder)."""
    global _jieba  # noqa: PLW0603 - one process-wide jieba, as spaCy's segmenter uses it
    with LOCK:
        if _jieba is None:
            import jieba

            cache = user_data_dir() / "cache" / "jieba"
            cache.mkdir(parents=True, exist_ok=True)
            jieba.dt.tmp_dir = str(cache)
            jieba.setLogLevel(logging.WARNING)
            jieba.initialize()
            _jieba = jieba
        return _jieba


def pipeline() -> Language:
    """A blank spaCy Chinese pipeline whose tokenizer is jieba (built once per process)."""
    global _nlp  # noqa: PLW0603 - built once, shared (and guarded by LOCK)
    with LOCK:
        if _nlp is None:
            jieba_module()
            import spacy

            _nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
        return _nlp


def _clean_term(term: str) -> str | None:
    term = term.strip()
    # jieba only builds words from runs of Han characters, letters and digits; a term with spaces or
    # punctuation, a single character or a long phrase is left to raw-text matching.
    if not 2 <= len(term) <= MAX_TERM or any(ch.isspace() for ch in term):
        return None
    return term


def use_terms(terms: Iterable[str]) -> bool:
    """Make jieba's user dictionary exactly ``terms`` (code names, keywords). True if it changed."""
    global _terms  # noqa: PLW0603 - mirrors jieba's global dictionary
    wanted = frozenset(t for t in (_clean_term(t) for t in terms) if t)
    with LOCK:
        if wanted == _terms:
            return False
        dt = jieba_module().dt
        for word, (before, given) in _added.items():
            dt.total -= given
            if before is None:
                dt.FREQ[word] = 0  # a zero entry is a prefix, not a word: as if never added
            else:
                dt.FREQ[word] = before
        _added.clear()
        for word in sorted(wanted):
            before = dt.FREQ.get(word) or None
            given = max(dt.suggest_freq(word, False), before or 0)
            dt.add_word(word, given)
            _added[word] = (before, given)
        _terms = wanted
        return True


def codebook_terms(project: Project) -> frozenset[str]:
    """Every code name and keyword of the project's codebook."""
    from app.core.codebook import list_codes

    terms: set[str] = set()
    for code in list_codes(project):
        terms.add(code.name)
        terms.update(code.keywords)
    return frozenset(terms)


def use_codebook(project: Project) -> bool:
    """Load the project's code names and keywords into jieba (only when the codebook changed)."""
    return use_terms(codebook_terms(project))


def tokens(text: str) -> list[str]:
    """``text`` cut into words by jieba with the current user dictionary (spaces dropped)."""
    with LOCK:
        return [w for w in jieba_module().lcut(text) if w.strip()]

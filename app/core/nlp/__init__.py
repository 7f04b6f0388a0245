"""Code suggestions, offline: jieba and spaCy, keyword rules, a model learned from the coder's codings.

- :mod:`.segment`: jieba with the codebook's names and keywords as a user dictionary, spaCy's blank
  Chinese pipeline on top; both imported on first use, never at start-up.
- :mod:`.units`: the units suggestions are made for (sentences, speaker turns).
- :mod:`.keywords`: keyword rules matched on the raw text.
- :mod:`.model`: the learned ``textcat_multilabel`` model, trained and stored in the project.
- :mod:`.suggest`: suggestions with their score, source and reason; :mod:`.rejections`: rejected ones.
- :mod:`.evaluate`: cross-validated precision, recall and F1.
- :mod:`.invivo`: key terms of a passage or document, offered as new code names.

Importing this package is cheap (no jieba, no spaCy). It registers ``suggestion_rejection`` with the
text editor so that rejections stay on their words when a document's text is edited.
"""

from __future__ import annotations

try:
    from app.core.editing import register_position_table
except ImportError:  # the text editor (app.core.editing) is not part of this build
    pass
else:
    register_position_table("suggestion_rejection")

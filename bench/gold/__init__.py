"""The hand-coded gold set of the suggestion evaluation (see README.md in this folder)."""

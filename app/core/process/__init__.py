"""Process tracing: transitions between stages, action-logic links, and figure layouts (no Qt).

- :mod:`.data` reads codings with their effective stages, the code tree and the traced units.
- :mod:`.transitions` counts code A at stage k followed by code B at stage k+1 within a unit.
- :mod:`.links` keeps directed links between codes with their evidence (process-tracing tests).
- :mod:`.adjustments` stores manual layout adjustments of figure elements.
- :mod:`.layout` is the figure model (boxes, arrows, texts in millimetres) that one Qt renderer
  draws; :mod:`.figures` computes it for each kind of figure.
"""

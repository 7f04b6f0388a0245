"""What the command line prints: one JSON document, or lines of text, on stdout as UTF-8."""

from __future__ import annotations

import json
import sys
from typing import Any


def print_json(value: Any) -> None:
    """Print ``value`` as one JSON document (Chinese kept as characters, not escapes)."""
    data = json.dumps(value, ensure_ascii=False, indent=2) + "\n"
    sys.stdout.buffer.write(data.encode("utf-8"))
    sys.stdout.flush()


def say(message: str) -> None:
    """Print one line of text."""
    sys.stdout.buffer.write((message + "\n").encode("utf-8"))
    sys.stdout.flush()

"""Who is coding: the default coder name shared by the command line and the desktop app."""

from __future__ import annotations

import getpass
import os


def default_coder() -> str:
    """The coder name used when none is given: ``GUIJI_CODER`` or the login name."""
    return os.environ.get("GUIJI_CODER") or getpass.getuser() or "coder"

"""Entry point of the PyInstaller bundle: the same ``main`` as the ``guiji`` console script."""

import multiprocessing
import sys

from app.__main__ import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # harmless when unused; required before any frozen child process
    sys.exit(main())

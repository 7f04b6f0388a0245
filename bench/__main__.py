"""``python -m bench --size small|large [--only NAME…] [--runs N]``: see docs/performance.md."""

from bench.runner import main

raise SystemExit(main())

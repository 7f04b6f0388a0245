"""Fixtures for the PostgreSQL server tests: one cluster per session, one database per test."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.pg import Cluster, find_binary


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    """The session's throw-away cluster; skipped without PostgreSQL, a failure under CI=true."""
    missing = [name for name in ("initdb", "pg_ctl", "postgres") if not find_binary(name)]
    reason = ""
    if missing:
        reason = f"PostgreSQL server not installed ({', '.join(missing)} not found)"
    else:
        try:
            import psycopg  # noqa: F401
        except ImportError:
            reason = "psycopg is not installed (pip install -e '.[dev]')"
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    cluster = Cluster()
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def pg_url(pg_cluster: Cluster) -> str:
    """The URL of a new, empty database with pg_trgm."""
    return pg_cluster.create_database()

"""The throw-away cluster works: fresh databases, pg_trgm, Chinese text round-trips."""

from __future__ import annotations

import psycopg


def test_fresh_database_has_pg_trgm_and_utf8(pg_url: str) -> None:
    with psycopg.connect(pg_url) as conn:
        assert conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname='public'").fetchone() == (0,)
        conn.execute("CREATE TABLE document (id integer PRIMARY KEY, text text NOT NULL)")
        conn.execute("CREATE INDEX doc_trgm ON document USING gin (text gin_trgm_ops)")
        text = "我们在𠮷野家吃饭😀"
        conn.execute("INSERT INTO document VALUES (%s, %s)", (1, text))
        row = conn.execute("SELECT id, length(text) FROM document WHERE text LIKE %s", ("%𠮷野%",)).fetchone()
        assert row == (1, len(text)) == (1, 9)  # code points, like Python


def test_each_test_gets_its_own_database(pg_cluster, pg_url: str) -> None:
    other = pg_cluster.create_database()
    assert other != pg_url

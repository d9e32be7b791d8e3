"""The PostgreSQL the tests start is real and reachable."""

import psycopg


def test_server_answers(postgres_url):
    with psycopg.connect(postgres_url) as conn:
        assert conn.execute("SELECT 1 + 1").fetchone()[0] == 2
        assert conn.info.server_version >= 120000

"""Configuration: the token from a file or the environment, reading closed by the token."""

from __future__ import annotations

import shutil

import pytest

from casus.api import Settings
from casus.api.settings import load_token
from casus.errors import ConfigError
from tests.api.conftest import TOKEN, _client


def test_token_sources(tmp_path):
    f = tmp_path / "token"
    f.write_text("s3cret-token\n")
    assert load_token(f, {}) == "s3cret-token"
    assert load_token(None, {"CASUS_TOKEN": " from-env-token "}) == "from-env-token"
    assert load_token(None, {}) is None
    (tmp_path / "empty").write_text("")
    with pytest.raises(ConfigError):
        load_token(tmp_path / "empty", {})
    with pytest.raises(ConfigError):
        load_token(tmp_path / "missing", {})


def test_settings_refuse_nonsense():
    with pytest.raises(ConfigError):
        Settings(read_token_required=True)
    with pytest.raises(ConfigError):
        Settings(token="short")


def test_reading_closed_by_the_token(store_file, tmp_path):
    copy = tmp_path / "casus.duckdb"
    shutil.copy(store_file, copy)
    for c in _client(Settings(db=str(copy), token=TOKEN, read_token_required=True)):
        assert c.get("/api/events").status_code == 401
        assert c.get("/api/events", headers={"Authorization": "Bearer nope"}).status_code == 403
        assert c.get("/api/events", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
        assert c.get("/").status_code == 200  # the page itself asks for the token

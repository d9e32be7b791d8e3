"""What ``casus serve`` is told: the database, the token, the limits."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from casus.errors import ConfigError

TOKEN_ENV = "CASUS_TOKEN"
MAX_UPLOAD_BYTES = 2_000_000
MAX_PAGE = 500


@dataclass(frozen=True)
class Settings:
    """The server's configuration. Without a token the store is opened read-only and
    ``POST /api/documents`` answers 403."""

    db: str = "casus.duckdb"
    token: str | None = None
    read_token_required: bool = False
    """Reading (every GET under /api) needs the token too."""
    max_upload_bytes: int = MAX_UPLOAD_BYTES
    """A submitted body larger than this is refused with 413."""

    def __post_init__(self) -> None:
        if self.read_token_required and not self.token:
            raise ConfigError("--read-token-required needs a token (--token-file or $CASUS_TOKEN)")
        if self.token is not None and len(self.token) < 8:
            raise ConfigError("the token is too short (8 characters at least)")
        if self.max_upload_bytes <= 0:
            raise ConfigError("the upload limit must be positive")

    @property
    def writable(self) -> bool:
        return self.token is not None


def load_token(token_file: Path | None, environ: dict[str, str] | None = None) -> str | None:
    """The token from a file (its first line) or else from $CASUS_TOKEN; None when neither."""
    if token_file is not None:
        try:
            lines = token_file.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise ConfigError(f"cannot read the token file {token_file}: {exc.strerror or exc}") from exc
        token = lines[0].strip() if lines else ""
        if not token:
            raise ConfigError(f"the token file {token_file} is empty")
        return token
    value = (os.environ if environ is None else environ).get(TOKEN_ENV, "").strip()
    return value or None

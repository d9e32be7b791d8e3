"""The bearer token. ``POST /api/documents`` always needs it; reading needs it when the server
was started with ``--read-token-required``. No header: 401; a wrong token: 403."""

from __future__ import annotations

import hmac

from fastapi import HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from casus.api.settings import Settings

_bearer = HTTPBearer(auto_error=False, description="The token given to `casus serve`.")


def _check(settings: Settings, credentials: HTTPAuthorizationCredentials | None) -> None:
    if settings.token is None:
        raise HTTPException(403, "this server accepts no documents: start it with a token to allow it")
    if credentials is None:
        raise HTTPException(401, "a bearer token is needed", headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(credentials.credentials.encode(), settings.token.encode()):
        raise HTTPException(403, "wrong token")


async def can_write(request: Request) -> None:
    """Dependency of the routes that change the store."""
    _check(request.app.state.settings, await _bearer(request))


async def can_read(request: Request) -> None:
    """Dependency of the routes that read the store."""
    settings: Settings = request.app.state.settings
    if settings.read_token_required:
        _check(settings, await _bearer(request))

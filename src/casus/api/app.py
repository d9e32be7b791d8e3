"""The application: the API's routes, JSON errors for everything, the page, security headers."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from casus import __version__
from casus.api import read, submit
from casus.api.database import Database
from casus.api.settings import Settings

log = logging.getLogger(__name__)
DESCRIPTION = """Conflict events read from text, each figure with who said it and the quote it
comes from (docs/web.md). Reading is open unless the server requires the token;
`POST /api/documents` always needs it: `Authorization: Bearer TOKEN`."""


def create_app(settings: Settings) -> FastAPI:
    """The API and the page over the store at ``settings.db`` (opened now, closed at shutdown)."""
    from casus import web

    db = Database(settings.db, writable=settings.writable)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        db.close()

    app = FastAPI(title="casus", version=__version__, description=DESCRIPTION, lifespan=lifespan,
                  docs_url=None, redoc_url=None)
    app.state.settings, app.state.db = settings, db
    app.include_router(read.router)
    app.include_router(submit.router)
    _errors(app)
    web.mount(app)
    return app


def _errors(app: FastAPI) -> None:
    """Every error is JSON ``{"detail": …}``; user input never gets a 500."""

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [{"loc": list(e["loc"]), "msg": e["msg"], "type": e["type"]} for e in exc.errors()]
        return JSONResponse({"detail": errors}, status_code=422)

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> JSONResponse:
        log.exception("error on %s %s", request.method, request.url.path)
        return JSONResponse({"detail": f"internal error: {type(exc).__name__}"}, status_code=500)

"""The map page, served by the API's process: static files only (plain JS modules, vendored
Leaflet, world-atlas and topojson-client, Swagger UI for /docs), nothing fetched from the
internet, and a strict Content-Security-Policy on every response (docs/web.md)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from importlib import resources

from fastapi import FastAPI, Request, Response
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

STATIC = resources.files("casus.web") / "static"
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
DOCS_CSP = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
"""Swagger UI sets style attributes; scripts stay 'self' only."""
HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def mount(app: FastAPI) -> None:
    """The page at /, its files at /static, the API's documentation at /docs."""
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(str(STATIC / "index.html"), media_type="text/html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(str(STATIC / "docs.html"), media_type="text/html")

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = DOCS_CSP if request.url.path == "/docs" else CSP
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        return response

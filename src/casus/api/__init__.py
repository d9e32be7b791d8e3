"""The HTTP API and the map page (docs/web.md): ``create_app(Settings(db=...))``, served by
``casus serve``.

    settings.py   what the server is told: database, token, limits
    database.py   the one store connection, behind a lock
    queries.py    reading the store for the API: filters with a bbox, pages, documents, counts
    schemas.py    the JSON the API answers with
    security.py   the bearer token: writing always needs it, reading when configured so
    read.py       GET /api/…
    submit.py     POST /api/documents
    app.py        the application: routes, error handlers, the page, security headers
"""

from casus.api.app import create_app
from casus.api.settings import Settings

__all__ = ["Settings", "create_app"]

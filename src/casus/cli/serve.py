"""``casus serve [--db casus.duckdb]``: the HTTP API and the map page (docs/web.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from casus.errors import CasusError

err = Console(stderr=True)


def serve(
    db: str = typer.Option("casus.duckdb", "--db", help="DuckDB file or postgresql:// URL."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", min=0, max=65535, help="Port to listen on."),
    token_file: Optional[Path] = typer.Option(
        None, "--token-file", help="File whose first line is the token (else $CASUS_TOKEN). With a token, "
        "POST /api/documents accepts documents from whoever sends it; without one the store is read-only."),
    read_token_required: bool = typer.Option(
        False, "--read-token-required", help="Reading the API needs the token too."),
    max_upload: int = typer.Option(2_000_000, "--max-upload", min=1, help="Largest body accepted, in bytes."),
) -> None:
    """Serve the API (OpenAPI at /docs) and the map page (at /) over a store."""
    import uvicorn

    from casus.api import Settings, create_app
    from casus.api.settings import load_token

    try:
        settings = Settings(db=db, token=load_token(token_file), read_token_required=read_token_required,
                            max_upload_bytes=max_upload)
        app = create_app(settings)
    except CasusError as exc:
        err.print(f"[red]error[/] {exc}")
        raise typer.Exit(2) from exc
    mode = "accepting documents (token set)" if settings.writable else "read-only (no token)"
    err.print(f"casus serving {db} on http://{host}:{port}/ — {mode}; API documentation at /docs")
    uvicorn.run(app, host=host, port=port, log_level="warning")

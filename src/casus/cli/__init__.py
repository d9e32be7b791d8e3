"""The ``casus`` command line: one module per command, registered here."""

from __future__ import annotations

import typer

from casus import __version__

app = typer.Typer(
    name="casus",
    help="Conflict events from text: read articles, extract coded, geocoded, sourced events.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"casus {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version."),
) -> None:
    """casus: from reports of armed violence to a conflict-event dataset."""


def _register() -> None:
    from casus.cli import extract, gazetteer

    app.command("extract")(extract.extract)
    app.add_typer(gazetteer.app, name="gazetteer")

    from casus.cli import events, export, ingest

    app.command("ingest")(ingest.ingest)
    app.command("export")(export.export)
    app.command("events")(events.events)
    app.command("show")(events.show)

    from casus.cli import serve

    app.command("serve")(serve.serve)

    from casus.cli import eval as eval_cmd

    app.add_typer(eval_cmd.app, name="eval")


_register()


def main() -> None:
    app()

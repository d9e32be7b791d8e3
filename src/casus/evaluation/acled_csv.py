"""Reading ACLED CSV exports: the old 31-column layout and the newer one (disorder_type,
civilian_targeting, tags), with or without the HXL tag row ("#event+id", ...) under the header."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from casus.errors import CasusError

REQUIRED = ("event_id_cnty", "event_date", "event_type", "notes", "country")


@dataclass(frozen=True)
class AcledRow:
    """The fields of one ACLED event that casus is measured on."""

    event_id: str
    event_date: date
    event_type: str
    sub_event_type: str
    actor1: str
    actor2: str
    country: str
    admin1: str
    latitude: float | None
    longitude: float | None
    fatalities: int | None
    notes: str
    time_precision: int


class AcledFileError(CasusError):
    """A file that is not an ACLED export (named, with the reason)."""


def _float(s: str) -> float | None:
    try:
        return float(s)
    except (TypeError, ValueError):
        return None


def _int(s: str) -> int | None:
    try:
        return int(float(s))
    except (TypeError, ValueError):
        return None


def _date(s: str) -> date | None:
    s = (s or "").strip()
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        pass
    for fmt in ("%d %B %Y", "%d-%B-%Y", "%d/%m/%Y"):  # ACLED's older "14 November 2019"
        try:
            from datetime import datetime
            return datetime.strptime(s, fmt).date()
        except ValueError:
            continue
    return None


def read_acled(path: Path, skipped: list[str] | None = None) -> Iterator[AcledRow]:
    """The rows of an ACLED export in file order. A row without a note or a readable date is
    skipped and named in ``skipped`` (never silently lost); a file without ACLED's columns is
    refused with one ``AcledFileError``."""
    try:
        f = open(path, encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise AcledFileError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    with f:
        reader = csv.DictReader(f)
        missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
        if missing:
            raise AcledFileError(f"{path}: not an ACLED export (no column {', '.join(missing)})")
        for n, rec in enumerate(reader, start=2):
            if (rec.get("event_id_cnty") or "").startswith("#"):  # the HXL tag row
                continue
            when = _date(rec.get("event_date") or "")
            notes = (rec.get("notes") or "").strip()
            if when is None or not notes:
                if skipped is not None:
                    why = "no readable event_date" if when is None else "no notes"
                    skipped.append(f"{path}:{n}: {rec.get('event_id_cnty') or '?'}: {why}")
                continue
            yield AcledRow(
                event_id=rec["event_id_cnty"].strip(),
                event_date=when,
                event_type=(rec.get("event_type") or "").strip(),
                sub_event_type=(rec.get("sub_event_type") or "").strip(),
                actor1=(rec.get("actor1") or "").strip(),
                actor2=(rec.get("actor2") or "").strip(),
                country=(rec.get("country") or "").strip(),
                admin1=(rec.get("admin1") or "").strip(),
                latitude=_float(rec.get("latitude") or ""),
                longitude=_float(rec.get("longitude") or ""),
                fatalities=_int(rec.get("fatalities") or ""),
                notes=notes,
                time_precision=_int(rec.get("time_precision") or "") or 1,
            )

"""Parquet: one row per event with the Event model's fields as columns and the claims nested
(a list of structs, each with its spans), so ``read`` gives back the very same events."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import BinaryIO

import pyarrow as pa
import pyarrow.parquet as pq

from casus.export.common import DocInfo
from casus.model import Event

_STR, _INT, _F64, _DATE = pa.string(), pa.int64(), pa.float64(), pa.date32()
_SPAN = pa.struct([("start", _INT), ("end", _INT)])
_DEATHS = pa.struct([("low", _INT), ("best", _INT), ("high", _INT)])

CLAIM = pa.struct([
    ("kind", _STR), ("side", _STR), ("subject", _STR), ("actor", _STR), ("low", _INT), ("high", _INT),
    ("approx", pa.bool_()), ("claimant", _STR), ("claimant_side", _STR), ("claim_date", _DATE),
    ("stance", _STR), ("doc_id", _STR), ("quote", _STR), ("spans", pa.list_(_SPAN)), ("context", _SPAN),
])
SCHEMA = pa.schema([
    ("event_id", _STR), ("doc_ids", pa.list_(_STR)), ("title", _STR), ("date_start", _DATE),
    ("date_end", _DATE), ("date_prec", _INT), ("country", _STR), ("iso3", _STR), ("adm_1", _STR),
    ("adm_2", _STR), ("location", _STR), ("where_description", _STR), ("latitude", _F64), ("longitude", _F64), ("where_prec", _INT),
    ("geo_precision", _INT), ("side_a", _STR), ("side_b", _STR), ("side_a_actors", pa.list_(_STR)),
    ("side_b_actors", pa.list_(_STR)), ("type_of_violence", _INT), ("event_type", _STR),
    ("sub_event_type", _STR), ("deaths_a", _DEATHS), ("deaths_b", _DEATHS), ("deaths_civilians", _DEATHS),
    ("deaths_unknown", _DEATHS), ("low", _INT), ("best", _INT), ("high", _INT), ("fatalities", _INT),
    ("reconciliation", _STR), ("claims", pa.list_(CLAIM)),
])


def table(events: Iterable[Event]) -> pa.Table:
    return pa.Table.from_pylist([e.model_dump(mode="python") for e in events], schema=SCHEMA)


def write(events: Iterable[Event], path: str | Path | BinaryIO, docs: Mapping[str, DocInfo] | None = None, **_: object) -> int:
    """Write the file; returns the number of events."""
    t = table(events)
    pq.write_table(t, path if hasattr(path, "write") else str(path))
    return t.num_rows


def read(path: str | Path) -> list[Event]:
    """The events of a file this module wrote."""
    return [Event.model_validate(row) for row in pq.read_table(str(path)).to_pylist()]

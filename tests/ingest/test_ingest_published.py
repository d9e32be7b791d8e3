"""Publication dates as feeds and pages write them."""

from datetime import date

import pytest

from casus.ingest.base import parse_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-09-28", date(2023, 9, 28)),
        ("2023-09-28T21:00:00Z", date(2023, 9, 28)),
        ("Tue, 02 May 2024 09:15:00 GMT", date(2024, 5, 2)),
        ("May 2, 2024", date(2024, 5, 2)),
        ("2 mai 2024", date(2024, 5, 2)),
    ],
)
def test_dates_read(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["yesterday", "May 2024", "12/03/2024", "soon", "2024-13-45"])
def test_partial_relative_or_ambiguous_dates_refused(value):
    with pytest.raises(ValueError, match="not a date"):
        parse_date(value)

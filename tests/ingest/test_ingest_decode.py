"""The one door from bytes to text: what it reads and what it refuses, with the reason."""

from __future__ import annotations

import codecs

import pytest

from casus.errors import ReadError
from casus.ingest.decode import decode

PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x02"


def test_utf8_is_read_as_is() -> None:
    assert decode("Ménaka, Tillabéri – 12 killed".encode(), "a.txt") == "Ménaka, Tillabéri – 12 killed"


def test_byte_order_marks_are_removed() -> None:
    assert decode(codecs.BOM_UTF8 + "Léré".encode(), "a.txt") == "Léré"
    assert decode("Léré attack".encode("utf-16"), "a.txt") == "Léré attack"


def test_cp1252_when_it_reads_as_words() -> None:
    data = "Les soldats ont été tués à Ménaka, a déclaré l’armée.".encode("cp1252")
    assert decode(data, "a.txt") == "Les soldats ont été tués à Ménaka, a déclaré l’armée."


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t\r\n  ", "white space only"),
        (PNG_HEADER, "PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        (b"text\x00with\x00nul\x00bytes", "NUL bytes"),
        (b"Attack on Djibo \x80\x81\xfe\xff reported", "invalid UTF-8"),
        (b"Djibo \xc3\x28 attack", "invalid UTF-8"),
        (b"log " + b"\x01\x02\x03\x04" * 10 + b" end", "control characters"),
    ],
)
def test_refusals_name_the_file_and_the_reason(data: bytes, reason: str) -> None:
    with pytest.raises(ReadError) as err:
        decode(data, "reports/bad.txt")
    assert err.value.doc_id == "reports/bad.txt"
    assert reason in err.value.reason

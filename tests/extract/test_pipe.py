"""Batched reading (Pipeline.pipe, extract_many) gives exactly what extract gives one document at
a time: the same events, the same refusals, in input order."""

from __future__ import annotations

import pytest

from casus import limits
from casus.errors import DocumentError, ExtractError, ReadError
from casus.extract import pipeline as pipeline_mod
from casus.extract.lang import detect
from casus.extract.pipeline import extract, extract_many
from casus.ingest import read_paths
from casus.model import Document

BAD_FINISH = "bad-in-the-middle"  # fails while its events are built
BAD_PREPARE = "bad-before-parsing"  # fails before spaCy sees it
TOO_LARGE = "too-large"


@pytest.fixture(scope="module")
def docs(root) -> list[Document]:
    found = [d for d in read_paths([root / "eval" / "docs", root / "samples"]) if isinstance(d, Document)]
    assert {d.lang or detect(d.text) for d in found} == {"en", "fr"} and len(found) > 20  # mixed
    return found


@pytest.fixture
def stream(docs, monkeypatch):
    """The documents with bad ones in the middle, and a reader's refusal among them."""
    real_finish, real_prepare = pipeline_mod.Pipeline.finish, pipeline_mod.Pipeline.prepare

    def finish(self, doc, *args):  # type: ignore[no-untyped-def]
        if doc.doc_id == BAD_FINISH:
            raise ValueError("a bug met halfway")
        return real_finish(self, doc, *args)

    def prepare(self, view, doc):  # type: ignore[no-untyped-def]
        if doc.doc_id == BAD_PREPARE:
            raise KeyError("a bug met early")
        return real_prepare(self, view, doc)

    monkeypatch.setattr(pipeline_mod.Pipeline, "finish", finish)
    monkeypatch.setattr(pipeline_mod.Pipeline, "prepare", prepare)
    biggest = max(len(d.text.encode("utf-8")) for d in docs)
    limits.configure(max_bytes=biggest)
    try:
        seed = next(d for d in docs if (d.lang or detect(d.text)) == "en")
        middle = len(docs) // 2
        yield [
            *docs[:middle],
            seed.model_copy(update={"doc_id": BAD_FINISH}),
            ReadError("unreadable.bin", "binary"),
            seed.model_copy(update={"doc_id": BAD_PREPARE}),
            seed.model_copy(update={"doc_id": TOO_LARGE, "text": seed.text + " x" * biggest}),
            *docs[middle:],
        ]
    finally:
        limits.reset()


def _one(doc):  # type: ignore[no-untyped-def]
    """What extract gives a document: its events dumped, or the refusal's message."""
    if isinstance(doc, DocumentError):
        return str(doc)
    try:
        return [e.model_dump() for e in extract(doc)]
    except DocumentError as exc:
        return str(exc)


def _dumped(result):  # type: ignore[no-untyped-def]
    return str(result) if isinstance(result, DocumentError) else [e.model_dump() for e in result]


@pytest.mark.parametrize("batch_size", [64, 5])
def test_extract_many_is_extract_on_each_document(stream, batch_size):
    expected = [_one(d) for d in stream]
    got = list(extract_many(stream, batch_size=batch_size))
    assert [d for d, _ in got] == stream  # every item, in input order
    assert [_dumped(r) for _, r in got] == expected
    refused = {d.doc_id: r for d, r in got if isinstance(r, DocumentError)}
    assert set(refused) == {BAD_FINISH, BAD_PREPARE, TOO_LARGE, "unreadable.bin"}
    assert isinstance(refused[BAD_FINISH], ExtractError) and "ValueError: a bug met halfway" in str(refused[BAD_FINISH])
    assert isinstance(refused[BAD_PREPARE], ExtractError) and "KeyError" in str(refused[BAD_PREPARE])
    assert isinstance(refused[TOO_LARGE], limits.TooLarge)
    assert sum(len(r) for _, r in got if isinstance(r, list)) > 100


def test_pipe_parses_a_chunk_in_one_call(docs, monkeypatch):
    english = [d for d in docs if (d.lang or detect(d.text)) == "en" and len(d.text) < 20_000][:6]
    read = pipeline_mod.pipeline("en")
    calls = []
    real = read.nlp.pipe
    monkeypatch.setattr(read.nlp, "pipe", lambda texts, **kw: calls.append(1) or real(texts, **kw))
    got = list(read.pipe(english, batch_size=64))
    assert len(calls) == 1
    monkeypatch.undo()
    assert [[e.model_dump() for e in r] for _, r in got] == [[e.model_dump() for e in extract(d)] for d in english]


def test_a_failed_batch_parse_falls_back_to_one_document_at_a_time(docs, monkeypatch):
    english = [d for d in docs if (d.lang or detect(d.text)) == "en"][:4]
    read = pipeline_mod.pipeline("en")
    real = read.nlp.pipe

    def pipe(texts, **kw):  # type: ignore[no-untyped-def]
        texts = list(texts)
        if kw.get("batch_size", 1) > 1 or any("Dioura" in t for t in texts):
            raise RuntimeError("spaCy broke")
        return real(texts, **kw)

    monkeypatch.setattr(read.nlp, "pipe", pipe)
    got = list(read.pipe(english))
    monkeypatch.undo()
    for doc, result in got:
        if any("Dioura" in p for p in doc.text.split("\n\n")) and isinstance(result, DocumentError):
            assert result.doc_id == doc.doc_id and "RuntimeError: spaCy broke" in str(result)
        else:
            assert [e.model_dump() for e in result] == [e.model_dump() for e in extract(doc)]

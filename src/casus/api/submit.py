"""POST /api/documents: new text in, through the real pipeline, into the store.

The body is read up to the configured limit (413 beyond it), then taken as JSON (a
``Submission``) or as a multipart upload (a ``file`` field, and optional ``id``, ``title``,
``published``, ``lang`` fields); bytes go through ``casus.ingest.decode``, the one door for
bytes, and text through ``read_text``, as ``casus ingest`` reads it."""

from __future__ import annotations

import json
import logging
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from starlette.datastructures import UploadFile

from casus.api import queries
from casus.api.database import Database
from casus.api.schemas import Problem, Submission, Submitted
from casus.api.security import can_write
from casus.errors import CasusError
from casus.model import Document, Event
from casus.store.rows import content_hash

log = logging.getLogger(__name__)
router = APIRouter(prefix="/api", tags=["write"])
_BODY = {
    "required": True,
    "content": {
        "application/json": {"schema": Submission.model_json_schema()},
        "multipart/form-data": {"schema": {"type": "object", "required": ["file"], "properties": {
            "file": {"type": "string", "format": "binary"}, "id": {"type": "string"},
            "title": {"type": "string"}, "published": {"type": "string", "format": "date"},
            "lang": {"type": "string"}}}},
    },
}


async def _body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, f"the body is larger than the limit of {limit} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, f"the body is larger than the limit of {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _submission_from_json(body: bytes) -> Submission:
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:  # RecursionError: nested too deep
        raise HTTPException(400, f"the body is not valid JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise HTTPException(422, "the body must be a JSON object with at least id and text")
    try:
        return Submission.model_validate(data)
    except ValidationError as exc:
        raise HTTPException(422, _errors(exc)) from exc


async def _submission_from_form(request: Request, body: bytes) -> Submission:
    from casus.ingest.decode import decode

    async def replay() -> dict[str, Any]:
        return {"type": "http.request", "body": body, "more_body": False}

    try:
        form = await Request(request.scope, replay).form(max_files=1, max_fields=10)
    except Exception as exc:  # malformed multipart: the client's fault, said as such
        raise HTTPException(400, f"the multipart body cannot be read: {exc}") from exc
    upload = form.get("file")
    if not isinstance(upload, UploadFile):
        raise HTTPException(422, "a multipart submission needs a 'file' field holding the document")
    fields = {k: v for k, v in form.items() if k != "file" and isinstance(v, str) and v.strip()}
    name = fields.pop("id", None) or upload.filename or ""
    try:
        text = decode(await upload.read(), name or "upload")
    except CasusError as exc:
        raise HTTPException(422, getattr(exc, "reason", str(exc))) from exc
    try:
        return Submission.model_validate({"id": name, "text": text, **fields})
    except ValidationError as exc:
        raise HTTPException(422, _errors(exc)) from exc


def _errors(exc: ValidationError) -> list[dict[str, Any]]:
    return [{"loc": list(e["loc"]), "msg": e["msg"], "type": e["type"]} for e in exc.errors()]


def _document(sub: Submission) -> Document:
    from casus.ingest import read_text

    try:
        return read_text(sub.text, sub.id, None, title=sub.title, url=sub.url, published=sub.published,
                         lang=sub.lang)
    except CasusError as exc:
        raise HTTPException(422, getattr(exc, "reason", str(exc))) from exc


def _extract(doc: Document) -> list[Event]:
    from casus.extract.pipeline import extract

    try:
        return extract(doc)
    except CasusError as exc:
        raise HTTPException(422, f"extraction refused the document: {exc}") from exc
    except Exception as exc:  # an extraction bug on this text: named, logged, never a 500
        log.exception("extraction failed on %s", doc.doc_id)
        raise HTTPException(422, f"extraction failed on this document: {type(exc).__name__}") from exc


def _store(db: Database, doc: Document) -> dict[str, Any]:
    from casus.extract.actors import registry

    with db.use() as store:
        duplicate = store.stored_as(doc)
    events = [] if duplicate else _extract(doc)
    with db.use() as store:
        added = store.add(doc, events, registry())
        found = queries.events_of(store, content_hash(doc))
    return {"doc_id": doc.doc_id, "stored": added.stored, "duplicate_of": added.duplicate_of,
            "reports": added.reports, "new_events": added.new_events, "merged": added.merged,
            "events": found}


@router.post("/documents", status_code=201, response_model=Submitted, dependencies=[Depends(can_write)],
             openapi_extra={"requestBody": _BODY},
             responses={200: {"model": Submitted, "description": "Already stored: nothing changed."},
                        **{c: {"model": Problem} for c in (400, 401, 403, 413, 415, 422)}},
             summary="Submit a document: it is extracted and stored; the events it is part of come back")
async def submit(request: Request) -> JSONResponse:
    db: Database = request.app.state.db
    body = await _body(request, request.app.state.settings.max_upload_bytes)
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "application/json":
        sub = _submission_from_json(body)
    elif kind == "multipart/form-data":
        sub = await _submission_from_form(request, body)
    else:
        raise HTTPException(415, "send application/json or multipart/form-data")
    doc = _document(sub)
    result = Submitted.model_validate(await run_in_threadpool(_store, db, doc))
    return JSONResponse(result.model_dump(mode="json"), status_code=201 if result.stored else 200)

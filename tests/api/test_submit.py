"""POST /api/documents: token, size limit, JSON and file upload, through the real pipeline."""

from __future__ import annotations

import pytest

from tests.api.conftest import TOKEN

AUTH = {"Authorization": f"Bearer {TOKEN}"}
REPORT = {
    "id": "wire/2024/06/hombori",
    "title": "Soldiers killed near Hombori",
    "published": "2024-06-12",
    "lang": "en",
    "text": ("HOMBORI, June 12 (Wire) - Jihadist fighters of JNIM attacked a Malian army convoy near Hombori, "
             "Mali, on Tuesday, killing 14 soldiers, the army said in a statement on Wednesday.\n"),
}


def test_json_submission_creates_events(writer):
    r = writer.post("/api/documents", json=REPORT, headers=AUTH)
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["stored"] and body["reports"] >= 1 and body["events"]
    event = body["events"][0]
    assert any(c["kind"] == "killed" and c["low"] == 14 for c in event["claims"])
    assert writer.get(f"/api/events/{event['event_id']}").status_code == 200
    assert writer.get(f"/api/documents/{REPORT['id']}").json()["text"] == REPORT["text"]
    again = writer.post("/api/documents", json=REPORT, headers=AUTH)
    assert again.status_code == 200 and again.json()["stored"] is False
    assert again.json()["duplicate_of"] == REPORT["id"]


def test_file_upload(writer):
    files = {"file": ("hombori.txt", REPORT["text"].encode(), "text/plain")}
    r = writer.post("/api/documents", files=files, data={"published": "2024-06-12", "lang": "en"}, headers=AUTH)
    assert r.status_code == 201, r.text
    assert r.json()["doc_id"] == "hombori.txt" and r.json()["events"]


def test_token(writer, client):
    assert writer.post("/api/documents", json=REPORT).status_code == 401
    assert writer.post("/api/documents", json=REPORT).headers["www-authenticate"] == "Bearer"
    assert writer.post("/api/documents", json=REPORT, headers={"Authorization": "Bearer wrong"}).status_code == 403
    assert writer.post("/api/documents", json=REPORT, headers={"Authorization": "Basic abc"}).status_code == 401
    # a server started without a token accepts nothing
    assert client.post("/api/documents", json=REPORT, headers=AUTH).status_code == 403


@pytest.mark.parametrize("body, headers, status", [
    (b"{not json", {"content-type": "application/json"}, 400),
    (b"\xff\xfe", {"content-type": "application/json"}, 400),
    (b"[1, 2]", {"content-type": "application/json"}, 422),
    (b'{"id": "x"}', {"content-type": "application/json"}, 422),
    (b'{"id": "", "text": "t"}', {"content-type": "application/json"}, 422),
    (b'{"id": "x", "text": "   "}', {"content-type": "application/json"}, 422),
    (b'{"id": "x", "text": "A text.", "published": "2024-02-30"}', {"content-type": "application/json"}, 422),
    (b'{"id": "x", "text": "A text.", "extra": 1}', {"content-type": "application/json"}, 422),
    (b'{"id": 5, "text": "A text."}', {"content-type": "application/json"}, 422),
    (b"id=x&text=y", {"content-type": "application/x-www-form-urlencoded"}, 415),
    (b"plain", {"content-type": "text/plain"}, 415),
    (b"--zz\r\nbroken", {"content-type": "multipart/form-data; boundary=zz"}, 422),
    (b"x" * 60_000, {"content-type": "application/json"}, 413),
])
def test_bad_submissions(writer, body, headers, status):
    r = writer.post("/api/documents", content=body, headers={**AUTH, **headers})
    assert r.status_code == status, r.text
    assert r.json()["detail"]


def test_binary_upload_is_refused(writer):
    files = {"file": ("x.bin", bytes(range(256)) * 10, "application/octet-stream")}
    r = writer.post("/api/documents", files=files, headers=AUTH)
    assert r.status_code == 422 and r.json()["detail"]


def test_oversized_upload_is_413(writer):
    files = {"file": ("big.txt", b"a" * 60_000, "text/plain")}
    assert writer.post("/api/documents", files=files, headers=AUTH).status_code == 413

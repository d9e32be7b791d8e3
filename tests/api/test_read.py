"""GET /api/…: against the store built from samples/ by the real pipeline."""

from __future__ import annotations

from urllib.parse import quote

import pytest

DIOURA = "ev-ced7d6c7c6b8f544"
SEED = "samples/raid-on-dioura-2023.txt"


def test_events_page_and_total(client):
    body = client.get("/api/events", params={"limit": 3}).json()
    assert body["total"] >= 11 and body["limit"] == 3 and len(body["events"]) == 3
    rest = client.get("/api/events", params={"limit": 500, "offset": 3}).json()
    ids = [e["event_id"] for e in body["events"] + rest["events"]]
    assert len(ids) == len(set(ids)) == body["total"]
    assert DIOURA in ids


def test_filters(client):
    def ids(**params):
        return {e["event_id"] for e in client.get("/api/events", params={"limit": 500, **params}).json()["events"]}

    everything = ids()
    assert DIOURA in ids(country="Mali") and DIOURA in ids(country="mli")
    assert DIOURA not in ids(country="Niger") and ids(country="Niger")
    assert DIOURA in ids(actor="CSP-PSD") and DIOURA not in ids(actor="JNIM")
    assert DIOURA in ids(event_type="Battles") and DIOURA in ids(event_type="Non-state actor overtakes territory")
    assert DIOURA in ids(since="2023-09-28", until="2023-09-28")
    assert DIOURA not in ids(since="2023-09-29")
    assert ids(bbox="-6,14,-5,15") == {DIOURA}
    assert ids(country="Mali") < everything


def test_geojson(client):
    r = client.get("/api/events.geojson", params={"country": "Mali", "limit": 500})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/geo+json")
    body = r.json()
    assert body["type"] == "FeatureCollection"
    dioura = next(f for f in body["features"] if f["id"] == DIOURA)
    assert dioura["geometry"] == {"type": "Point", "coordinates": [pytest.approx(-5.2547, abs=1e-3),
                                                                  pytest.approx(14.8252, abs=1e-3)]}
    assert dioura["properties"]["event_type"] == "Battles"


def test_event_with_claims_and_sources(client):
    body = client.get(f"/api/events/{DIOURA}").json()
    event = body["event"]
    assert event["side_a"] == "Government of Mali" and event["side_b"] == "CSP-PSD"
    killed = {c["low"]: c for c in event["claims"] if c["kind"] == "killed" and c["side"] == "a"}
    assert {98, 81} <= set(killed)  # the conflicting claims, side by side
    c = killed[98]
    assert c["claimant"].startswith("CSP-PSD spokesman") and c["claim_date"] and c["spans"] and c["quote"]
    assert body["documents"][0]["doc_id"] == SEED and body["documents"][0]["title"]


def test_document_text_with_spans(client):
    event = client.get(f"/api/events/{DIOURA}").json()["event"]
    for path in (f"/api/documents/{SEED}", f"/api/documents/{quote(SEED, safe='')}"):
        doc = client.get(path).json()
        assert doc["doc_id"] == SEED
        claim = next(c for c in event["claims"] if c["low"] == 98)
        quoted = " ".join(doc["text"][s["start"]:s["end"]] for s in claim["spans"])
        assert " ".join(quoted.split()) == claim["quote"]
        assert any(s["event_id"] == DIOURA and s["kind"] == "killed" for s in doc["spans"])


def test_stats(client):
    body = client.get("/api/stats").json()
    total = client.get("/api/events", params={"limit": 1}).json()["total"]
    assert body["events"] == total
    assert sum(p["events"] for p in body["per_month"]) == sum(p["events"] for p in body["per_week"])
    assert {"period": "2023-09-01", "events": 1, "best": 86} in body["per_month"]
    assert any(r["country"] == "Mali" and r["adm_1"] == "Mopti" for r in body["per_region"])
    assert any(a["actor"] == "CSP-PSD" for a in body["per_actor"])
    mali = client.get("/api/stats", params={"country": "Niger"}).json()
    assert 0 < mali["events"] < body["events"]


def test_openapi_and_docs(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events.geojson", "/api/events/{event_id}", "/api/documents/{doc_id}",
            "/api/stats", "/api/documents"} <= set(spec["paths"])
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs.text


def test_security_headers(client):
    for path in ("/", "/api/events", "/static/js/app.js"):
        r = client.get(path)
        assert r.status_code == 200
        assert "default-src 'self'" in r.headers["content-security-policy"]
        assert "'unsafe-inline'" not in r.headers["content-security-policy"]
        assert r.headers["x-content-type-options"] == "nosniff"


def test_page_has_no_outside_links(root):
    static = root / "src" / "casus" / "web" / "static"
    for path in [static / "index.html", *static.glob("js/*.js"), static / "style.css"]:
        text = path.read_text()
        assert "http://" not in text.replace("http://www.w3.org/2000/svg", "") and "https://" not in text, path
        if path.suffix == ".js":
            assert "innerHTML" not in text and "insertAdjacentHTML" not in text, path

"""The map page in headless Chromium: events on the map, the panel, filters, brushing, XSS."""

from __future__ import annotations

import json
import urllib.request

from tests.api.conftest import XSS_DOC

DIOURA = "ev-ced7d6c7c6b8f544"


def api(server: str, path: str):
    with urllib.request.urlopen(server + path) as r:
        return json.load(r)


def shown(page) -> set[str]:
    return set(page.eval_on_selector_all("path.event-marker", "ps => ps.map(p => p.dataset.eventId)"))


def located(events) -> set[str]:
    return {e["event_id"] for e in events if e["latitude"] is not None}


def open_event(page, event_id: str) -> None:
    page.click(f"button.event-item[data-event-id='{event_id}']")
    page.wait_for_selector("#doc-text mark.current")


def test_page_loads_the_events_offline(page, server):
    events = api(server, "/api/events?limit=500")["events"]
    assert DIOURA in shown(page)
    assert shown(page) == located(events)
    assert page.locator("#count").inner_text().startswith(f"{len(events)} of {len(events)} events")
    assert page.locator(".leaflet-overlay-pane path.leaflet-interactive").count() >= len(located(events))
    assert page.locator("#legend").inner_text().count("Battles") == 1
    assert all(url.startswith(server) for url in page.requests), page.requests  # nothing from the internet
    assert page.errors == []


def test_event_panel_shows_claims_and_the_quote(page):
    page.click(f"path.event-marker[data-event-id='{DIOURA}']")
    page.wait_for_selector("#doc-text mark.current")
    panel = page.locator("#panel")
    assert "Dioura" in panel.locator(".event-title").inner_text()
    assert "Government of Mali" in panel.locator(".sides").inner_text()
    assert "CSP-PSD" in panel.locator(".sides").inner_text()
    killed = panel.locator(".claim-group.conflict", has_text="Killed — side A")
    figures = killed.locator(".figure").all_inner_texts()
    assert {"98", "81"} <= set(figures)  # conflicting claims side by side
    assert "CSP-PSD spokesman" in killed.inner_text()
    assert "Merged" in panel.locator(".reconciliation").inner_text() or "98" in panel.locator(".reconciliation").inner_text()
    selected = panel.locator(".claim.selected blockquote").inner_text()
    marked = " ".join(panel.locator("#doc-text mark.current").all_inner_texts())
    assert " ".join(marked.split()) == " ".join(selected.split())
    # another claim: its quote is marked instead
    panel.locator(".claim", has_text="eighty-one").first.click()
    page.wait_for_function("document.querySelector('#doc-text mark.current')?.textContent.includes('eighty-one')")
    assert page.errors == []


def test_filters_change_what_is_shown(page, server):
    everything = shown(page)
    niger = located(api(server, "/api/events?limit=500&country=Niger")["events"])
    page.select_option("#f-country", "Niger")
    assert shown(page) == niger and niger < everything
    page.select_option("#f-country", "")
    civilians = located(api(server, "/api/events?limit=500&event_type=Violence%20against%20civilians")["events"])
    page.select_option("#f-type", "Violence against civilians")
    assert shown(page) == civilians and DIOURA not in civilians
    page.click("#f-reset")
    page.select_option("#f-actor", "JNIM")
    assert DIOURA not in shown(page) and shown(page)
    page.click("#f-reset")
    assert shown(page) == everything


def test_brushing_the_timeline_filters_by_date(page, server):
    everything = shown(page)
    bar = page.locator("#timeline rect.bar[data-start='2023-09-01']").bounding_box()
    page.mouse.move(bar["x"] + bar["width"] / 2, bar["y"] + bar["height"] / 2)
    page.mouse.down()
    page.mouse.up()
    assert page.locator("#range").inner_text() == "2023-09-01 – 2023-09-30"
    expected = located(api(server, "/api/events?limit=500&since=2023-09-01&until=2023-09-30")["events"])
    assert shown(page) == expected and DIOURA in expected and expected < everything
    # drag across two years' bars
    first = page.locator("#timeline rect.bar").first.bounding_box()
    last = page.locator("#timeline rect.bar").last.bounding_box()
    page.mouse.move(first["x"] + 1, first["y"] + 5)
    page.mouse.down()
    page.mouse.move(last["x"] + last["width"] - 1, last["y"] + 5, steps=5)
    page.mouse.up()
    assert shown(page) == everything - located([e for e in api(server, "/api/events?limit=500")["events"]
                                                if e["date_start"] is None])
    page.click("#range-clear")
    assert shown(page) == everything


def test_document_text_is_never_run_as_html(page, server):
    xss = [e for e in api(server, "/api/events?limit=500")["events"] if XSS_DOC["id"] in e["doc_ids"]]
    assert xss, "the XSS document must give an event"
    open_event(page, xss[0]["event_id"])
    text = page.locator("#doc-text").text_content()
    assert "<script>window.__xss=1</script>" in text and '<img src=x onerror="window.__xss=1">' in text
    assert page.locator("#panel img, #panel script, #panel b").count() == 0
    assert XSS_DOC["title"] in page.locator("#source h3").text_content()  # the title too, as text
    assert page.evaluate("window.__xss") is None
    assert page.errors == []

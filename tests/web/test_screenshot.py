"""The page's picture: the seed's raid open with its conflicting claims and the quote marked.

The suite writes it to build/screenshot.png (an artifact); `make screenshot` sets
CASUS_SCREENSHOT=docs/screenshot.png to update the one in the docs."""

from __future__ import annotations

import os
from pathlib import Path

from tests.web.test_page import DIOURA


def test_screenshot(page, root: Path):
    out = Path(os.environ.get("CASUS_SCREENSHOT") or root / "build" / "screenshot.png")
    if not out.is_absolute():
        out = root / out
    out.parent.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1440, "height": 1020})
    page.click(f"path.event-marker[data-event-id='{DIOURA}']")
    page.wait_for_selector("#doc-text mark.current")
    page.eval_on_selector(".deaths", "n => n.scrollIntoView({block: 'start'})")
    page.mouse.move(0, 0)
    page.wait_for_timeout(200)
    page.screenshot(path=str(out))
    assert out.stat().st_size > 50_000

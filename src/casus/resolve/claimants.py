"""Third-party claimants: the press, monitors and agencies (data/claimants.yaml)."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import yaml


@cache
def _pattern() -> re.Pattern[str]:
    raw = yaml.safe_load((resources.files("casus") / "data" / "claimants.yaml").read_text(encoding="utf-8"))
    names = sorted({*raw["media"], *raw["generic"]}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)", re.I)


def is_third_party(claimant: str) -> bool:
    """True when a claimant's name is, or includes, a press outlet, monitor or generic source."""
    return bool(_pattern().search(claimant))

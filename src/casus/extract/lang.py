"""Which language a document is written in, English or French, without a model.

A stop-word vote: the share of the text's words that are on spaCy's French stop-word list and
not on its English one, against the reverse. Function words ("le", "des", "que", "the", "of",
"and") make up a third to a half of running prose in either language, so a few sentences
suffice; proper names and figures vote for neither. No download, nothing loaded but two word
lists that ship with spaCy (docs/french.md says why this and not a statistical detector).
"""

from __future__ import annotations

import re
from functools import cache

LANGUAGES = ("en", "fr")
DEFAULT = "en"
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_SAMPLE = 20_000  # characters read: the opening of a long document is enough


def _spacy_stop_words(lang: str) -> set[str]:
    """spaCy's ``spacy/lang/<lang>/stop_words.py`` list, read without importing the language
    package (``spacy.lang.fr`` compiles its tokenizer exceptions on import: 3 s of start-up)."""
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("spacy")
    assert spec is not None and spec.origin is not None
    path = Path(spec.origin).parent / "lang" / lang / "stop_words.py"
    namespace: dict[str, object] = {}
    exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), namespace)
    return namespace["STOP_WORDS"]  # type: ignore[return-value]


@cache
def _stop_words() -> dict[str, frozenset[str]]:
    en, fr = {w.lower() for w in _spacy_stop_words("en")}, {w.lower() for w in _spacy_stop_words("fr")}
    return {"en": frozenset(en - fr), "fr": frozenset(fr - en)}


def scores(text: str) -> dict[str, int]:
    """How many words of ``text`` are stop words of each language only."""
    lists = _stop_words()
    counts = dict.fromkeys(LANGUAGES, 0)
    for word in _WORD.findall(text[:_SAMPLE].lower()):
        for part in re.split(r"['’]", word):  # "l'armée" → "l", "armée"; "qu'il" → "qu", "il"
            for lang in LANGUAGES:
                if part in lists[lang] or (part + "'") in lists[lang]:
                    counts[lang] += 1
    return counts


def detect(text: str, default: str = DEFAULT) -> str:
    """"fr" or "en": the language with more of its own stop words; ``default`` on a tie (an
    empty text, a list of names)."""
    counts = scores(text)
    if counts["fr"] == counts["en"]:
        return default
    return "fr" if counts["fr"] > counts["en"] else "en"

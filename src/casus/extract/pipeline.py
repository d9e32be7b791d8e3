"""The extraction pipeline: a Document in, coded Events out.

    View (clean text) → paragraphs → spaCy parse → per sentence: actors, dates, places,
    figure and outcome claims, who says so → incidents → events (resolve/events.py)

Each step is a function of the sentence and a small document context (countries spoken of,
the last claimant, the date last said); nothing is global but the loaded data.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc as SpacyDoc, Span

from casus import limits
from casus.errors import DocumentError, ExtractError
from casus.extract import nlp as nlp_mod
from casus.extract.actors import ActorMention, ActorRegistry, registry as load_registry
from casus.extract.attribution import Claimant
from casus.extract.claims import Mention
from casus.extract.dates import DateContext, DateMention, undated
from casus.extract.grammar import Grammar, grammar
from casus.extract.incidents import Sentence, event_dates, group
from casus.extract.lexicon import Lexicon, lexicon
from casus.extract.places import _names, find_places
from casus.extract.quantities import find_quantities
from casus.model import Document, Event
from casus.resolve.claimants import is_third_party
from casus.resolve.gazetteer import Gazetteer
from casus.view import View

_PARAGRAPH = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_HEADING_END = re.compile(r"[.!?:;,\"”)]\s*$")
# "BAMAKO, May 2 (Wire) - ": a dateline names where the story was filed, not where it happened
_DATELINE = re.compile(
    r"^[A-ZÀ-Ý][A-ZÀ-Ý'’.\- ]{2,}[A-ZÀ-Ý](?:\s*\([^)\n]{1,40}\))?(?:,\s*[^-–—\n]{1,40}?)?"
    r"\s*(?:\([^)\n]{1,40}\))?\s*[-–—]+\s+"
)
VIOLENT_KINDS = {"killed", "injured", "control_taken", "taken_prisoner", "missing"}
GROUP_CLAIMANTS = {"group", "movement", "coalition", "organisation", "organization", "jihadists",
                   "rebels", "militants", "insurgents", "fighters"}
_BREAKS = re.compile(r"[\t\r\n\f\v\u2028\u2029]")
CHUNK_CHARS = 200_000  # Pipeline.pipe: characters of text parsed in one nlp.pipe call, about
_T = TypeVar("_T")


@dataclass
class Paragraph:
    start: int  # clean offset
    text: str
    section: int
    heading: bool


@dataclass
class Context:
    """What the reading of a document carries from one sentence to the next."""

    published: date | None
    dates: DateContext
    countries: list[str] = field(default_factory=list)
    admin_hints: list[str] = field(default_factory=list)
    claimants: list[Claimant] = field(default_factory=list)
    reporter: str | None = None  # actor last seen publishing or announcing, in this paragraph
    report_date: date | None = None
    previous: list[Mention] = field(default_factory=list)  # the previous sentence's claims
    group: str | None = None  # the armed group last named ("the group said" refers to it)


def paragraphs(clean: str) -> list[Paragraph]:
    """Blocks separated by blank lines; short blocks without final punctuation are headings."""
    out: list[Paragraph] = []
    section = 0
    pos = 0
    for m in [*_PARAGRAPH.finditer(clean), None]:
        end = m.start() if m else len(clean)
        text = clean[pos:end]
        if text.strip():
            lead = len(text) - len(text.lstrip())
            body = text.strip()
            heading = len(body.split()) <= 6 and not _HEADING_END.search(body) and "\n" not in body
            if heading:
                section += 1
            # line breaks inside a paragraph read as spaces (same length: offsets hold)
            out.append(Paragraph(pos + lead, _BREAKS.sub(" ", body), section, heading))
        pos = m.end() if m else len(clean)
    return out


class Pipeline:
    """Loaded resources (spaCy, lexicon, actor registry, gazetteer) and the reading of documents."""

    def __init__(self, lang: str = "en", actors: tuple[str, ...] = ()) -> None:
        self.lang = lang
        self.nlp: Language = nlp_mod.load(lang)
        self.lex: Lexicon = lexicon(lang)
        self.grammar: Grammar = grammar(lang)
        self.registry: ActorRegistry = load_registry(actors)
        self.gazetteer = Gazetteer.default()
        self.timings: dict[str, float] = {}  # seconds per stage (nlp, extraction, resolution), summed

    def __call__(self, doc: Document) -> list[Event]:
        try:
            view = View(doc)
            paras, published = self.prepare(view, doc)
            t = time.perf_counter()
            parsed = list(self.nlp.pipe(p.text for p in paras))
            self._clock("nlp", t)
            return self.finish(doc, view, paras, published, parsed)
        except Exception as exc:  # one bad document never stops a run: name it and say why
            raise _failed(doc, exc) from exc

    def pipe(self, docs: Iterable[Document], batch_size: int = 64) -> Iterator[tuple[Document, list[Event] | DocumentError]]:
        """Each document with its events, or the refusal that names it, in input order: what
        ``extract`` gives one document at a time, with the paragraphs of up to ``batch_size``
        documents (and about ``CHUNK_CHARS`` characters) parsed in one ``nlp.pipe`` call.

        Limits (casus.limits) as ``extract``: the size is checked per document, the time limit
        is applied per document to its preparation and finishing. The parse of a chunk has the
        time limit too; when it fails or runs over, each of its documents is parsed again on
        its own, under its own limit, so that only the document at fault is refused."""
        chunk: list[Document] = []
        chars = 0
        for doc in docs:
            if chunk and chars + len(doc.text) > CHUNK_CHARS:
                yield from self._pipe_chunk(chunk)
                chunk, chars = [], 0
            chunk.append(doc)
            chars += len(doc.text)
            if len(chunk) >= batch_size:
                yield from self._pipe_chunk(chunk)
                chunk, chars = [], 0
        if chunk:
            yield from self._pipe_chunk(chunk)

    def _pipe_chunk(self, chunk: list[Document]) -> Iterator[tuple[Document, list[Event] | DocumentError]]:
        ready: list[tuple[Document, View, list[Paragraph], date | None]] = []
        refused: dict[int, DocumentError] = {}
        for i, doc in enumerate(chunk):
            try:
                limits.check_text(doc.text, doc.doc_id)
                with limits.time_limit(doc.doc_id, "extraction"):
                    ready.append(self._guarded(doc, self._prepared))
            except DocumentError as exc:
                refused[i] = exc
        parsed = self._parse_chunk(ready)
        at = 0
        for i, doc in enumerate(chunk):
            if i in refused:
                yield doc, refused[i]
                continue
            _, view, paras, published = ready[at]
            docs_or_error = parsed[at]
            at += 1
            if isinstance(docs_or_error, DocumentError):
                yield doc, docs_or_error
                continue
            try:
                with limits.time_limit(doc.doc_id, "extraction"):
                    events = self._guarded(doc, lambda d: self.finish(d, view, paras, published, docs_or_error))
            except DocumentError as exc:
                yield doc, exc
                continue
            yield doc, events

    def _parse_chunk(self, ready: list[tuple[Document, View, list[Paragraph], date | None]]) -> list[list[SpacyDoc] | DocumentError]:
        """The parsed paragraphs of each prepared document: one ``nlp.pipe`` call for all, else
        (a failure, the time limit) one a document, each refused on its own."""
        if len(ready) > 1:
            texts = [p.text for _, _, paras, _ in ready for p in paras]
            t = time.perf_counter()
            try:
                with limits.time_limit(ready[0][0].doc_id, "extraction"):
                    flat = list(self.nlp.pipe(texts, batch_size=max(1, len(texts))))
            except Exception:
                flat = None
            self._clock("nlp", t)
            if flat is not None:
                out: list[list[SpacyDoc] | DocumentError] = []
                at = 0
                for _, _, paras, _ in ready:
                    out.append(flat[at:at + len(paras)])
                    at += len(paras)
                return out
        out = []
        for doc, _, paras, _ in ready:
            t = time.perf_counter()
            try:
                with limits.time_limit(doc.doc_id, "extraction"):
                    out.append(self._guarded(doc, lambda d: list(self.nlp.pipe(p.text for p in paras))))
            except DocumentError as exc:
                out.append(exc)
            self._clock("nlp", t)
        return out

    def _prepared(self, doc: Document) -> tuple[Document, View, list[Paragraph], date | None]:
        view = View(doc)
        return (doc, view, *self.prepare(view, doc))

    @staticmethod
    def _guarded(doc: Document, step: Callable[[Document], _T]) -> _T:
        try:
            return step(doc)
        except Exception as exc:  # named, as __call__ names it
            raise _failed(doc, exc) from exc

    # --- reading ------------------------------------------------------------------------------

    def _clock(self, stage: str, since: float) -> float:
        now = time.perf_counter()
        self.timings[stage] = self.timings.get(stage, 0.0) + now - since
        return now

    def prepare(self, view: View, doc: Document) -> tuple[list[Paragraph], date | None]:
        """What is parsed (the paragraphs, not headings, the dateline blanked) and the date of
        the story (the document's, else the dateline's): no NLP."""
        t = time.perf_counter()
        paras = [p for p in paragraphs(view.clean) if not p.heading]
        published = doc.published
        if paras and (m := _DATELINE.match(paras[0].text)):
            if published is None:  # "BAMAKO, 29 septembre 2023 (AFP) -": the story's date
                said = [d for d in DateContext(None, self.lang).feed(m.group()) if d.prec == 1 and not d.relative]
                published = said[0].date_start if said else None
            paras[0].text = " " * m.end() + paras[0].text[m.end():]  # same length: offsets hold
        self._clock("extraction", t)
        return paras, published

    def finish(self, doc: Document, view: View, paras: list[Paragraph], published: date | None,
               parsed: list[SpacyDoc]) -> list[Event]:
        """The events of a prepared document, given its paragraphs parsed."""
        from casus.resolve.events import build_events

        sentences = self.sentences(paras, published, parsed)
        t = time.perf_counter()
        incidents = group(sentences, self.lex.speaker_nouns)
        if not any(s.dates for s in sentences) and (week := undated(published)):
            for inc in incidents:  # a report with no date of its own: the week to its publication
                inc.date = inc.date or week
        events = build_events(doc, view, incidents, sentences, self)
        self._clock("resolution", t)
        return events

    def read(self, view: View, doc: Document) -> list[Sentence]:
        paras, published = self.prepare(view, doc)
        t = time.perf_counter()
        parsed = list(self.nlp.pipe(p.text for p in paras))
        self._clock("nlp", t)
        return self.sentences(paras, published, parsed)

    def sentences(self, paras: list[Paragraph], published: date | None, parsed: list[SpacyDoc]) -> list[Sentence]:
        t = time.perf_counter()
        ctx = Context(published=published, dates=DateContext(published, self.lang))
        spans = [(p, s) for p, d in zip(paras, parsed) for s in d.sents]
        per_doc = {id(d): self.registry.find(d, self.nlp) for d in parsed}
        actors = [[m for m in per_doc[id(s.doc)] if s.start <= m.start < s.end] for _, s in spans]
        self._document_places(spans, actors, ctx)
        out: list[Sentence] = []
        last_para = None
        for i, ((para, sent), found) in enumerate(zip(spans, actors)):
            if para is not last_para:
                ctx.reporter, ctx.report_date, last_para = None, None, para
            out.append(self._sentence(i, para, sent, found, ctx))
        self._clock("extraction", t)
        return out

    def _document_places(self, spans: list[tuple[Paragraph, Span]], actors: list[list[ActorMention]], ctx: Context) -> None:
        """Countries and admin names the document speaks of: hints for resolving every place."""
        for (_, sent), found in zip(spans, actors):
            blocked = {i for m in found for i in range(m.start, m.end)}
            for start, end in _names(sent, blocked):
                name = sent.doc[start:end].text
                country = self.gazetteer.country(name)
                if country is not None and country.place.iso3 and country.place.iso3 not in ctx.countries:
                    ctx.countries.append(country.place.iso3)
                ctx.admin_hints.append(name)
        for found in actors:  # then the countries of the actors it names ("Malian soldiers")
            for m in found:
                actor = self.registry.get(m.actor)
                if actor is not None and actor.country and actor.country not in ctx.countries:
                    ctx.countries.append(actor.country)

    def _sentence(self, i: int, para: Paragraph, sent: Span, actors: list[ActorMention], ctx: Context) -> Sentence:
        text = sent.text
        dates = ctx.dates.feed(text)
        quantities = find_quantities(text, self.lang)
        reported = any(t.lemma_.lower() in self.lex.reporting_verbs and t.pos_ == "VERB" for t in sent)
        places = find_places(sent, actors, self.gazetteer, ctx.countries, ctx.admin_hints)
        place_tokens = {i for p in places for i in range(p.start, p.end)}
        g, lex = self.grammar, self.lex
        mentions = g.figure_claims(sent, quantities, actors, lex)
        mentions += g.unquantified_claims(sent, actors, lex, {m.trigger for m in mentions})
        mentions += g.outcome_claims(sent, actors, lex, reported, place_tokens)
        claimants = g.attribute(sent, mentions, actors, lex)
        for m, denier in g.denials_after(sent, mentions, actors, lex):
            mentions.append(_denial(m, denier))
        if not mentions and (answer := self._denial_of_previous(sent, actors, ctx)):
            mentions += answer  # "… the group said. The army denied the claim."
        self._discourse(sent, mentions, actors, ctx, dates)
        violent = any(
            t.lemma_.lower() in lex.attack_verbs | lex.attack_nouns and not g.in_retrospect(t) for t in sent
        ) or any(m.kind in VIOLENT_KINDS and m.stance == "asserts" for m in mentions)
        roles = g.find_roles(sent, actors, place_tokens, lex)
        s = Sentence(i, sent, para.section, dates, actors, places, mentions, violent,
                     roles.agents, roles.targets, roles.unnamed, insurgents=roles.insurgents, blamed=roles.blamed)
        s.paragraph_start = para.start  # type: ignore[attr-defined]
        s.event_dates = event_dates(s)
        s.report_dates = [d for d in dates if g.reported_on(sent, d, lex)]
        s.claimant_tokens = {i for c in claimants for i in range(c.start, c.end)}
        ctx.claimants += claimants
        ctx.previous = [m for m in mentions if m.stance == "asserts"]
        groups = [m.actor for m in actors if m.start not in s.claimant_tokens and self._armed_group(m.actor)]
        ctx.group = groups[-1] if groups else ctx.group
        return s

    def _armed_group(self, name: str) -> bool:
        return self.registry.actor_type(name) in {None, "rebel_group", "political_militia", "identity_militia"}

    def _denial_of_previous(self, sent: Span, actors: list[ActorMention], ctx: Context) -> list[Mention]:
        """Denials of what the previous sentence claimed, when this one only denies it."""
        lex = self.lex
        for verb in sent:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in lex.denial_verbs:
                continue
            objs = {c.lemma_.lower() for c in verb.children if c.dep_ in {"dobj", "obj"}}
            if not objs & (lex.reporting_nouns | {"it", "this", "that", "allegation", "figure", "toll", "claim", "ce", "cela"}):
                continue
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subj is None:
                continue
            denier = self.grammar.claimant_of(subj, actors, lex)
            span = (verb.left_edge.i, verb.right_edge.i + 1)
            out = []
            for m in ctx.previous:
                d = _denial(m, denier)
                d.start, d.end, d.trigger = span[0], span[1], verb.i
                out.append(d)
            return out
        return []

    def _discourse(self, sent: Span, mentions: list[Mention], actors: list[ActorMention], ctx: Context,
                   dates: list[DateMention]) -> None:
        """Fill claimants from the running context: a surname for the full name said before, a
        person's side from the body that was last said to publish, the date a statement came."""
        reporting = [t for t in sent if t.pos_ == "VERB" and t.lemma_.lower() in self.lex.reporting_verbs]
        report_nouns = any(t.lemma_.lower() in self.lex.reporting_nouns for t in sent)
        sent_date = next((d.date_start for d in dates if d.prec == 1), None)
        for verb in reporting:
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subj is not None:
                actor = next((m.actor for m in actors if subj.left_edge.i <= m.start < subj.right_edge.i + 1), None)
                if actor:
                    ctx.reporter = actor
        if (reporting or report_nouns) and sent_date:
            ctx.report_date = sent_date
        for m in mentions:
            if m.claimant:
                full = _full_name(m.claimant, ctx.claimants)
                if full:
                    m.claimant = full.text
                    m.claimant_actor = m.claimant_actor or full.actor
                if m.claimant_actor is None and ctx.group and set(m.claimant.lower().replace("'s", "").split()) & GROUP_CLAIMANTS:
                    m.claimant_actor = ctx.group  # "the group said", "the group's spokesman"
                if m.claimant_actor is None and ctx.reporter and m.claimant[:1].isupper() and not is_third_party(m.claimant):
                    m.claimant_actor = ctx.reporter
                m.claim_date = ctx.report_date
            if m.agent is None and m.kind in {"reinforcement", "withdrawal", "control_taken"} and m.claimant_actor:
                m.agent = m.actor = m.claimant_actor  # "the army claimed to have sent reinforcements"
            if m.agent is None and m.kind in {"control_taken", "withdrawal", "materiel_seized"}:
                subj_actor = next((a.actor for a in actors if a.start < m.trigger), None)
                m.agent = subj_actor
                m.actor = m.actor or (subj_actor if m.kind != "materiel_seized" else None)


def _failed(doc: Document, exc: Exception) -> ExtractError:
    return ExtractError(doc.doc_id, f"extraction failed: {type(exc).__name__}: {exc}")


def _full_name(short: str, earlier: list[Claimant]) -> Claimant | None:
    """"Sidi Mola" → the earlier "Colonel Moulay Ag Sidi Mola"; "the army" → "The Malian Army"."""
    words = short.split()
    for c in reversed(earlier):
        if c.text != short and len(c.text.split()) > len(words) and c.text.endswith(short):
            return c
    if words and words[0].lower() == "the" and len(words) == 2:
        for c in reversed(earlier):
            if c.text.lower().endswith(words[1].lower()) and c.text != short:
                return c
    return None


def _denial(m: Mention, denier: Claimant) -> Mention:
    d = Mention(**m.__dict__)
    d.claimant, d.claimant_actor, d.stance, d.answers = denier.text, denier.actor, "denies", m
    return d


_PIPELINES: dict[tuple, Pipeline] = {}


def pipeline(lang: str = "en", actors: tuple[str, ...] = ()) -> Pipeline:
    """The pipeline for a language, built once per process."""
    key = (lang, actors)
    if key not in _PIPELINES:
        _PIPELINES[key] = Pipeline(lang, actors)
    return _PIPELINES[key]


def extract(doc: Document, actors: tuple[str, ...] = ()) -> list[Event]:
    """Events of one document, read in its ``lang``, else in the language detected from its
    text (casus.extract.lang); English when neither says otherwise."""
    from casus.extract.lang import detect

    limits.check_text(doc.text, doc.doc_id)
    lang = doc.lang if doc.lang is not None else detect(doc.text)
    lang = lang if lang in nlp_mod.MODELS else "en"
    read = pipeline(lang, actors)  # loading the models is no document's time
    with limits.time_limit(doc.doc_id, "extraction"):  # casus.limits: a refusal, never a hang
        return read(doc)


def extract_many(docs: Iterable[Document | DocumentError], actors: tuple[str, ...] = (),
                 batch_size: int = 64) -> Iterator[tuple[Document | DocumentError, list[Event] | DocumentError]]:
    """``extract`` over a stream of documents, in order: each document with its events or the
    refusal that names it (a bad document never stops the others). Consecutive documents of one
    language are read together by that language's ``Pipeline.pipe`` (one spaCy parse for up to
    ``batch_size`` documents); a reader's refusal in the stream (a DocumentError) comes back in
    its place as ``(refusal, refusal)``. Reads ``batch_size`` documents ahead, no more."""
    from casus.extract.lang import detect

    pending: list[tuple[Document | DocumentError, DocumentError | None]] = []
    run_lang: str | None = None

    def flush() -> Iterator[tuple[Document | DocumentError, list[Event] | DocumentError]]:
        todo = [d for d, e in pending if e is None]
        results = pipeline(run_lang or "en", actors).pipe(todo, batch_size) if todo else iter(())
        for item, error in pending:
            if error is not None:
                yield item, error
            else:
                yield next(results)  # type: ignore[misc]
        pending.clear()

    for item in docs:
        if isinstance(item, DocumentError):
            pending.append((item, item))
            continue
        try:
            limits.check_text(item.text, item.doc_id)
        except DocumentError as exc:
            pending.append((item, exc))
            continue
        lang = item.lang if item.lang is not None else detect(item.text)
        lang = lang if lang in nlp_mod.MODELS else "en"
        if run_lang is not None and lang != run_lang and any(e is None for _, e in pending):
            yield from flush()
        run_lang = lang
        pending.append((item, None))
        if sum(e is None for _, e in pending) >= batch_size:
            yield from flush()
    if pending:
        yield from flush()

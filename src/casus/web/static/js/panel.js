// The side panel: the list of events shown, or one event with its sides, deaths, every claim
// (conflicting ones side by side) and the quoted passage marked in its source document.
import { clear, el } from "./dom.js";
import { documentText } from "./api.js";
import { marked } from "./highlight.js";
import {
  CLAIMANT_SIDE, DATE_PREC, GEO_PRECISION, KIND, SIDE, VIOLENCE, WHERE_PREC, figure, when, where,
} from "./codes.js";
import { slug } from "./map.js";

const docs = new Map(); // doc_id → Promise of the document

function fetchDocument(docId) {
  if (!docs.has(docId)) docs.set(docId, documentText(docId));
  return docs.get(docId);
}

/** The events shown, newest first, each a button that opens it. */
export function renderList(panel, events, onSelect) {
  clear(panel);
  const sorted = [...events].sort((a, b) => (b.date_start || "").localeCompare(a.date_start || ""));
  panel.append(
    el("h2", {}, "Events"),
    el("p", { class: "hint" }, "Click a circle on the map or an event below to see who says what."),
    el("ul", { class: "event-list" }, sorted.map((e) => el("li", {},
      el("button", { type: "button", class: "event-item", dataset: { eventId: e.event_id }, onclick: () => onSelect(e.event_id) },
        el("span", { class: `swatch c-${slug(e.event_type)}` }),
        el("span", { class: "item-main" },
          el("strong", {}, where(e)),
          el("span", { class: "muted" }, ` ${when(e)} · ${e.sub_event_type || e.event_type || "type not coded"}`)),
        el("span", { class: "item-deaths", title: "best estimate of deaths" }, String(e.best)))))),
  );
}

function fact(term, ...value) {
  return [el("dt", {}, term), el("dd", {}, ...value)];
}

function code(label, value, words) {
  return value === null || value === undefined ? null : el("span", { class: "code", title: words[value] || "" }, `${label} ${value}`, " ", el("span", { class: "muted" }, `(${words[value] || "?"})`));
}

function sides(e) {
  const side = (label, name, actors) => el("div", { class: "side" },
    el("div", { class: "side-label" }, label), el("div", { class: "side-name" }, name || "not known"),
    actors.length ? el("ul", { class: "actors" }, actors.map((a) => el("li", {}, a))) : null);
  return el("div", { class: "sides" }, side("Side A", e.side_a, e.side_a_actors), side("Side B", e.side_b, e.side_b_actors));
}

function deaths(e) {
  const row = (label, d) => el("tr", {}, el("th", {}, label), el("td", {}, String(d.low)), el("td", { class: "best" }, String(d.best)), el("td", {}, String(d.high)));
  return el("section", { class: "deaths" },
    el("h3", {}, "Deaths"),
    el("table", {},
      el("thead", {}, el("tr", {}, el("th", {}, ""), el("th", {}, "low"), el("th", {}, "best"), el("th", {}, "high"))),
      el("tbody", {},
        row(`Side A${e.side_a ? ` (${e.side_a})` : ""}`, e.deaths_a), row(`Side B${e.side_b ? ` (${e.side_b})` : ""}`, e.deaths_b),
        row("Civilians", e.deaths_civilians), row("Unattributed", e.deaths_unknown),
        el("tr", { class: "total" }, el("th", {}, "Total"), el("td", {}, String(e.low)), el("td", { class: "best" }, String(e.best)), el("td", {}, String(e.high))))),
    e.reconciliation ? el("p", { class: "reconciliation" }, e.reconciliation) : null);
}

function claimCard(c, e, docsById, onPick) {
  const sideName = c.side === "a" ? e.side_a : c.side === "b" ? e.side_b : null;
  const doc = docsById.get(c.doc_id);
  return el("button", { type: "button", class: `claim stance-${c.stance}`, onclick: onPick },
    el("div", { class: "claim-head" },
      el("span", { class: "figure" }, figure(c) || "—"),
      el("span", { class: `stance ${c.stance}` }, c.stance)),
    el("div", { class: "claim-about" }, c.subject ? `“${c.subject}”` : `${SIDE[c.side]}${sideName ? ` (${sideName})` : ""}`),
    el("div", { class: "claimant" }, el("strong", {}, c.claimant || "the document itself"),
      " ", el("span", { class: `badge cs-${c.claimant_side}` }, CLAIMANT_SIDE[c.claimant_side])),
    el("div", { class: "muted" }, c.claim_date ? `said ${c.claim_date}` : "date of the claim not known", " · ", doc?.title || c.doc_id),
    el("blockquote", {}, c.quote));
}

/** Claims grouped by what they are about (kind and side), each group's claims side by side. */
function claims(e, docsById, onPick) {
  const groups = new Map();
  e.claims.forEach((c, i) => {
    const key = `${c.kind}|${c.side}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push([c, i]);
  });
  const cards = [];
  const section = el("section", { class: "claims" }, el("h3", {}, `${e.claims.length} claim${e.claims.length === 1 ? "" : "s"}`));
  const order = Object.keys(KIND);
  const sorted = [...groups].sort(([a], [b]) => order.indexOf(a.split("|")[0]) - order.indexOf(b.split("|")[0]));
  for (const [key, list] of sorted) {
    const [kind, side] = key.split("|");
    const figures = new Set(list.map(([c]) => `${c.stance}${figure(c)}`));
    const conflict = list.length > 1 && figures.size > 1;
    section.append(el("div", { class: `claim-group${conflict ? " conflict" : ""}` },
      el("h4", {}, `${KIND[kind] || kind} — ${SIDE[side]}${side === "a" && e.side_a ? ` (${e.side_a})` : side === "b" && e.side_b ? ` (${e.side_b})` : ""}`, conflict ? el("span", { class: "conflict-tag" }, "claims differ") : null),
      el("div", { class: "claim-row" }, list.map(([c, i]) => {
        const card = claimCard(c, e, docsById, () => onPick(i));
        card.dataset.claim = String(i);
        cards[i] = card;
        return card;
      }))));
  }
  return { section, cards };
}

/** One event, then the quote of its first claim marked in its document. */
export function renderEvent(panel, detail, onBack) {
  const e = detail.event;
  const docsById = new Map(detail.documents.map((d) => [d.doc_id, d]));
  clear(panel);
  const source = el("section", { class: "source", id: "source" });
  const { section, cards } = claims(e, docsById, (i) => pick(i));
  panel.append(
    el("button", { type: "button", class: "back", onclick: onBack }, "← All events"),
    el("h2", { class: "event-title" }, e.title || where(e)),
    el("p", { class: "muted event-id" }, e.event_id, ` · ${e.doc_ids.length} document${e.doc_ids.length === 1 ? "" : "s"}`),
    el("dl", { class: "facts" },
      fact("Date", when(e), " ", code("date_prec", e.date_prec, DATE_PREC)),
      fact("Place", where(e), e.adm_2 ? el("span", { class: "muted" }, ` (${e.adm_2})`) : null),
      fact("Coded at", e.latitude === null ? "no coordinates" : `${e.latitude.toFixed(4)}, ${e.longitude.toFixed(4)}`, " ",
        code("where_prec", e.where_prec, WHERE_PREC), " ", code("geo_precision", e.geo_precision, GEO_PRECISION)),
      e.where_description ? fact("As written", `“${e.where_description}”`) : [],
      fact("Type", e.event_type || "not coded", e.sub_event_type ? ` / ${e.sub_event_type}` : "", " ",
        code("UCDP type", e.type_of_violence, VIOLENCE))),
    sides(e), deaths(e), section,
  );

  async function pick(i, scroll = true) {
    cards.forEach((card, j) => card.classList.toggle("selected", i === j));
    const c = e.claims[i];
    cards[i].closest(".claim-group").after(source); // the quote right under the claims it is compared with
    clear(source).append(el("h3", {}, "Source"), el("p", { class: "muted" }, "Loading the document…"));
    let doc;
    try {
      doc = await fetchDocument(c.doc_id);
    } catch (err) {
      clear(source).append(el("h3", {}, "Source"), el("p", { class: "error" }, `The document could not be loaded (${err.message}).`));
      return;
    }
    const others = doc.spans.filter((s) => s.event_id === e.event_id);
    const text = el("div", { class: "doc-text", id: "doc-text" }, marked(doc.text, c.spans, others));
    clear(source).append(
      el("h3", {}, "Source: ", doc.title || doc.doc_id),
      el("p", { class: "muted" }, doc.doc_id, doc.published ? ` · published ${doc.published}` : "",
        " · the selected claim's quote is marked; the event's other quotes are underlined"),
      text);
    const mark = text.querySelector("mark.current");
    if (scroll) source.scrollIntoView({ block: "nearest" });
    if (mark) text.scrollTop = Math.max(0, mark.offsetTop - text.offsetTop - text.clientHeight / 3);
  }

  const first = e.claims.findIndex((c) => c.kind === "killed");
  if (e.claims.length) pick(first >= 0 ? first : 0, false);
}

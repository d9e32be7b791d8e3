// Colours and words for the codes of the event record (docs/event-record.md).

export const TYPE_COLOURS = {
  "Battles": "#c0392b",
  "Explosions/Remote violence": "#e67e22",
  "Violence against civilians": "#8e44ad",
  "Protests": "#2980b9",
  "Riots": "#16a085",
  "Strategic developments": "#7f8c8d",
};
export const UNKNOWN_COLOUR = "#95a5a6";
export const typeColour = (type) => TYPE_COLOURS[type] || UNKNOWN_COLOUR;

export const DATE_PREC = {
  1: "exact day", 2: "within 2–6 days", 3: "week known", 4: "month known", 5: "year known",
};
export const WHERE_PREC = {
  1: "exact location", 2: "within ~25 km", 3: "second-order admin area", 4: "first-order admin area",
  5: "part of a country or a feature", 6: "country only", 7: "waters or airspace",
};
export const GEO_PRECISION = { 1: "town itself", 2: "near it or a small area", 3: "region or country" };
export const VIOLENCE = { 1: "state-based", 2: "non-state", 3: "one-sided" };
export const CLAIMANT_SIDE = { a: "side A", b: "side B", third_party: "third party", unknown: "not known" };
export const SIDE = { a: "side A", b: "side B", civilians: "civilians", unknown: "unattributed" };
/** Claim kinds, in the order the panel shows them (losses of life first). */
export const KIND = {
  killed: "Killed", injured: "Injured", missing: "Missing", taken_prisoner: "Taken prisoner",
  released: "Released", displaced: "Displaced", control_taken: "Control taken", withdrawal: "Withdrawal",
  vehicles_destroyed: "Vehicles destroyed", vehicles_captured: "Vehicles captured",
  materiel_seized: "Materiel seized", reinforcement: "Reinforcement", attack: "Attack",
};

/** "2023-09-28" or "2024-08-09 – 2024-08-10", or "date not known". */
export function when(e) {
  if (!e.date_start) return "date not known";
  return e.date_end && e.date_end !== e.date_start ? `${e.date_start} – ${e.date_end}` : e.date_start;
}

/** "Dioura, Mopti, Mali". */
export function where(e) {
  return [e.location, e.adm_1, e.country].filter(Boolean).join(", ") || "place not known";
}

/** A claim's figure: "98", "~30", "10–15", or "" for an outcome without one. */
export function figure(c) {
  if (c.low === null || c.low === undefined) return "";
  const n = c.high === null || c.high === undefined || c.high === c.low ? `${c.low}` : `${c.low}–${c.high}`;
  return (c.approx ? "~" : "") + n;
}

/** The actors an event names on either side. */
export function actorsOf(e) {
  return [e.side_a, e.side_b, ...e.side_a_actors, ...e.side_b_actors].filter(Boolean);
}

// The page: load every event, then filter (country, actor, type, dates) on the client and
// redraw the map, the timeline and the panel.
import { el } from "./dom.js";
import { Unauthorized, allEvents, eventDetail, setToken } from "./api.js";
import { actorsOf } from "./codes.js";
import { EventMap } from "./map.js";
import { Timeline } from "./timeline.js";
import { renderEvent, renderList } from "./panel.js";

const $ = (id) => document.getElementById(id);
const state = { all: [], country: "", actor: "", type: "", range: null, selected: null };

const map = new EventMap($("map"), select);
const timeline = new Timeline($("timeline"), (range) => { state.range = range; update(); });

function matches(e, withDates = true) {
  if (state.country && e.country !== state.country && e.iso3 !== state.country) return false;
  if (state.actor && !actorsOf(e).includes(state.actor)) return false;
  if (state.type && e.event_type !== state.type && e.sub_event_type !== state.type) return false;
  if (withDates && state.range) {
    const [lo, hi] = state.range;
    if (!e.date_start || e.date_start > hi || (e.date_end || e.date_start) < lo) return false;
  }
  return true;
}

function update() {
  const shown = state.all.filter((e) => matches(e));
  map.show(shown);
  timeline.draw(state.all, state.all.filter((e) => matches(e, false)));
  const deaths = shown.reduce((n, e) => n + e.best, 0);
  $("count").textContent = `${shown.length} of ${state.all.length} events · ${deaths} killed (best estimates)`;
  $("range").textContent = state.range ? `${state.range[0]} – ${state.range[1]}` : "drag across the bars to filter by date";
  $("range-clear").hidden = !state.range;
  if (!state.selected) renderList($("panel"), shown, select);
  document.body.dataset.shown = String(shown.length);
}

async function select(eventId) {
  state.selected = eventId;
  map.highlight(eventId);
  try {
    renderEvent($("panel"), await eventDetail(eventId), back);
  } catch (err) {
    $("panel").replaceChildren(el("p", { class: "error" }, `The event could not be loaded (${err.message}).`));
  }
}

function back() {
  state.selected = null;
  map.highlight(null);
  update();
}

function options(node, values) {
  for (const v of [...new Set(values.filter(Boolean))].sort()) node.append(el("option", { value: v }, v));
}

function typeOptions(node, events) {
  const types = [...new Set(events.map((e) => e.event_type).filter(Boolean))].sort();
  for (const t of types) {
    const subs = [...new Set(events.filter((e) => e.event_type === t).map((e) => e.sub_event_type).filter(Boolean))].sort();
    node.append(el("option", { value: t }, t), ...subs.map((s) => el("option", { value: s }, `  ${s}`)));
  }
}

function wire() {
  for (const [id, key] of [["f-country", "country"], ["f-actor", "actor"], ["f-type", "type"]]) {
    $(id).addEventListener("change", (ev) => { state[key] = ev.target.value; update(); });
  }
  $("f-reset").addEventListener("click", () => {
    for (const id of ["f-country", "f-actor", "f-type"]) $(id).value = "";
    Object.assign(state, { country: "", actor: "", type: "", range: null });
    timeline.range = null;
    update();
  });
  $("range-clear").addEventListener("click", () => timeline.setRange(null));
  window.addEventListener("resize", () => update());
  $("token-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    setToken($("token-input").value);
    location.reload();
  });
}

async function start() {
  wire();
  const outlines = map.outlines("/static/vendor/world-atlas/countries-50m.json");
  try {
    state.all = await allEvents();
  } catch (err) {
    if (err instanceof Unauthorized) $("token-box").hidden = false;
    else $("panel").replaceChildren(el("p", { class: "error" }, `Events could not be loaded (${err.message}).`));
    return;
  }
  options($("f-country"), state.all.map((e) => e.country));
  options($("f-actor"), state.all.flatMap(actorsOf));
  typeOptions($("f-type"), state.all);
  update();
  map.fit();
  await outlines;
  document.body.dataset.ready = "true";
}

start();

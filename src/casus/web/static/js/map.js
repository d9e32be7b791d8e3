// The map: country outlines from world-atlas under circle markers (area by best deaths,
// colour by event type), no tiles.
import { el } from "./dom.js";
import { TYPE_COLOURS, typeColour, when, where } from "./codes.js";

const L = window.L;

/** Marker radius in pixels: area grows with the best estimate of deaths. */
export function radius(best) {
  return Math.min(34, 5 + 2.6 * Math.sqrt(Math.max(0, best || 0)));
}

/** A CSS-safe name for an event type ("Explosions/Remote violence" → "explosions-remote-violence"). */
export function slug(type) {
  return (type || "unknown").toLowerCase().replace(/[^a-z]+/g, "-").replace(/^-|-$/g, "");
}

export class EventMap {
  constructor(node, onSelect) {
    this.onSelect = onSelect;
    this.map = L.map(node, { zoomSnap: 0.25 }).setView([15, 0], 4);
    this.map.attributionControl.setPrefix(false);
    this.map.attributionControl.addAttribution("Country outlines: Natural Earth (world-atlas)");
    this.markers = L.featureGroup().addTo(this.map);
    this.byId = new Map();
    this.selected = null;
    this.legend();
  }

  async outlines(url) {
    const topology = await (await fetch(url)).json();
    const countries = window.topojson.feature(topology, topology.objects.countries);
    L.geoJSON(countries, {
      interactive: false,
      style: { color: "#a3acb9", weight: 0.8, fillColor: "#f3f0e8", fillOpacity: 1 },
    }).addTo(this.map).bringToBack();
  }

  legend() {
    const control = L.control({ position: "bottomleft" });
    control.onAdd = () => {
      const rows = Object.keys(TYPE_COLOURS).map((type) =>
        el("li", {}, el("span", { class: `swatch c-${slug(type)}` }), type));
      rows.push(el("li", {}, el("span", { class: "swatch c-unknown" }), "not coded"));
      return el("div", { class: "legend", id: "legend" },
        el("strong", {}, "Event type"), el("ul", {}, rows),
        el("p", { class: "sizes" }, "Circle area: best estimate of deaths"));
    };
    control.addTo(this.map);
  }

  show(events) {
    this.markers.clearLayers();
    this.byId.clear();
    for (const e of events) {
      if (e.latitude === null || e.longitude === null) continue;
      const marker = L.circleMarker([e.latitude, e.longitude], {
        radius: radius(e.best), color: "#1f2933", weight: 1, fillColor: typeColour(e.event_type),
        fillOpacity: 0.8, className: `event-marker`,
      });
      // a node, never a string: Leaflet would parse a string as HTML
      marker.bindTooltip(el("span", {}, `${e.location || e.where_description || "?"} · ${when(e)} · best ${e.best} killed`),
        { direction: "top", offset: [0, -4] });
      marker.on("click", () => this.onSelect(e.event_id));
      marker.on("add", () => {
        const path = marker.getElement();
        if (!path) return;
        path.dataset.eventId = e.event_id;
        path.setAttribute("aria-label", `${where(e)}, ${when(e)}`);
      });
      marker.addTo(this.markers);
      this.byId.set(e.event_id, marker);
    }
    this.highlight(this.selected);
  }

  fit() {
    const bounds = this.markers.getBounds();
    if (bounds.isValid()) this.map.fitBounds(bounds.pad(0.3), { maxZoom: 7 });
  }

  highlight(eventId) {
    this.selected = eventId;
    for (const [id, marker] of this.byId) {
      const on = id === eventId;
      marker.setStyle({ weight: on ? 3 : 1, color: on ? "#0b0d10" : "#1f2933" });
      if (on) marker.bringToFront();
    }
  }
}

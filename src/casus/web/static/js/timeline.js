// The timeline: events per month (or week, over short spans) as SVG bars; dragging across
// them selects a date range that filters the map.
import { clear, svg } from "./dom.js";

const DAY = 86400000;
const HEIGHT = 120, PAD_LEFT = 30, PAD_BOTTOM = 22, PAD_TOP = 8;

const toDay = (s) => Date.parse(`${s}T00:00:00Z`);
const iso = (t) => new Date(t).toISOString().slice(0, 10);

function monthStart(t) {
  const d = new Date(t);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}
function nextMonth(t) {
  const d = new Date(t);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}
function weekStart(t) {
  const d = new Date(t);
  return t - ((d.getUTCDay() + 6) % 7) * DAY;
}

/** Bins [start, end) covering the events' start dates: weeks over ≤ 26 weeks, else months. */
export function bins(events) {
  const days = events.filter((e) => e.date_start).map((e) => toDay(e.date_start));
  if (!days.length) return { unit: "month", bins: [] };
  const lo = Math.min(...days), hi = Math.max(...days);
  const weekly = hi - lo <= 26 * 7 * DAY;
  const out = [];
  for (let t = weekly ? weekStart(lo) : monthStart(lo); t <= hi;) {
    const end = weekly ? t + 7 * DAY : nextMonth(t);
    out.push({ start: t, end });
    t = end;
  }
  return { unit: weekly ? "week" : "month", bins: out };
}

export class Timeline {
  constructor(node, onRange) {
    this.node = node;
    this.onRange = onRange;
    this.range = null; // [firstDay, lastDay] as ISO strings
    this.drag = null;
    node.addEventListener("pointerdown", (ev) => this.start(ev));
    node.addEventListener("pointermove", (ev) => this.move(ev));
    node.addEventListener("pointerup", (ev) => this.end(ev));
  }

  /** Draw ``events`` (already filtered by everything but dates) over the bins of ``all``. */
  draw(all, events) {
    const { unit, bins: cells } = bins(all);
    this.cells = cells;
    const width = this.node.clientWidth || 600;
    this.width = width;
    this.node.setAttribute("viewBox", `0 0 ${width} ${HEIGHT}`);
    clear(this.node);
    if (!cells.length) return;
    const counts = cells.map((c) => events.filter((e) => {
      const t = e.date_start ? toDay(e.date_start) : NaN;
      return t >= c.start && t < c.end;
    }).length);
    const max = Math.max(1, ...counts);
    const inner = width - PAD_LEFT - 8, step = inner / cells.length, plot = HEIGHT - PAD_TOP - PAD_BOTTOM;
    this.x = (i) => PAD_LEFT + i * step;
    this.step = step;
    this.node.appendChild(svg("line", { x1: PAD_LEFT, x2: width - 8, y1: HEIGHT - PAD_BOTTOM, y2: HEIGHT - PAD_BOTTOM, class: "axis" }));
    for (const n of [max]) {
      const label = svg("text", { x: PAD_LEFT - 6, y: PAD_TOP + 9, class: "tick", "text-anchor": "end" });
      label.textContent = String(n);
      this.node.appendChild(label);
    }
    let lastYear = null;
    cells.forEach((c, i) => {
      const h = (counts[i] / max) * plot;
      const inRange = this.range && iso(c.start) <= this.range[1] && iso(c.end - DAY) >= this.range[0];
      const bar = svg("rect", {
        x: this.x(i) + 1, y: HEIGHT - PAD_BOTTOM - h, width: Math.max(1, step - 2), height: h,
        class: `bar${inRange ? " in-range" : ""}${this.range && !inRange ? " out-range" : ""}`,
        "data-start": iso(c.start), "data-count": counts[i],
      });
      const title = svg("title");
      title.textContent = `${iso(c.start)} (${unit}): ${counts[i]} event${counts[i] === 1 ? "" : "s"}`;
      bar.appendChild(title);
      this.node.appendChild(bar);
      const year = new Date(c.start).getUTCFullYear();
      const month = new Date(c.start).getUTCMonth();
      if (year !== lastYear || (unit === "month" && month % 3 === 0 && step > 9)) {
        const text = svg("text", { x: this.x(i) + 2, y: HEIGHT - 6, class: "tick" });
        text.textContent = year !== lastYear ? String(year) : new Date(c.start).toLocaleString("en", { month: "short", timeZone: "UTC" });
        this.node.appendChild(text);
        lastYear = year;
      }
    });
    if (this.drag) this.node.appendChild(this.drag.rect);
  }

  index(ev) {
    const box = this.node.getBoundingClientRect();
    const x = ((ev.clientX - box.left) / box.width) * this.width;
    return Math.max(0, Math.min(this.cells.length - 1, Math.floor((x - PAD_LEFT) / this.step)));
  }

  start(ev) {
    if (!this.cells || !this.cells.length) return;
    this.node.setPointerCapture(ev.pointerId);
    const i = this.index(ev);
    const rect = svg("rect", { class: "brush", y: PAD_TOP - 4, height: HEIGHT - PAD_TOP - PAD_BOTTOM + 4 });
    this.drag = { from: i, to: i, rect };
    this.node.appendChild(rect);
    this.paint();
  }

  move(ev) {
    if (!this.drag) return;
    this.drag.to = this.index(ev);
    this.paint();
  }

  paint() {
    const a = Math.min(this.drag.from, this.drag.to), b = Math.max(this.drag.from, this.drag.to);
    this.drag.rect.setAttribute("x", this.x(a));
    this.drag.rect.setAttribute("width", this.x(b + 1) - this.x(a));
  }

  end(ev) {
    if (!this.drag) return;
    this.drag.to = this.index(ev);
    const a = Math.min(this.drag.from, this.drag.to), b = Math.max(this.drag.from, this.drag.to);
    this.drag = null;
    this.setRange([iso(this.cells[a].start), iso(this.cells[b].end - DAY)]);
  }

  setRange(range) {
    this.range = range;
    this.onRange(range);
  }
}

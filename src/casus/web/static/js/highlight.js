// A document's text with quotes marked: text nodes and <mark> elements only, never HTML.
import { el } from "./dom.js";

/**
 * The text cut at every span boundary; each piece is a text node, or a <mark> when spans cover
 * it: class "current" for the selected claim's spans, "other" for the rest.
 * @param {string} text
 * @param {{start:number,end:number}[]} current
 * @param {{start:number,end:number}[]} others
 */
export function marked(text, current, others) {
  const cuts = new Set([0, text.length]);
  const all = [...current.map((s) => ({ ...s, current: true })), ...others.map((s) => ({ ...s, current: false }))]
    .filter((s) => s.start < s.end && s.end <= text.length);
  for (const s of all) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const fragment = document.createDocumentFragment();
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = text.slice(a, b);
    const covering = all.filter((s) => s.start <= a && b <= s.end);
    if (!covering.length) fragment.appendChild(document.createTextNode(piece));
    else fragment.appendChild(el("mark", { class: covering.some((s) => s.current) ? "current" : "other" }, piece));
  }
  return fragment;
}

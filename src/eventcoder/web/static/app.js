/* eventcoder dashboard: vanilla JavaScript, no library, no build step. Charts are hand-written SVG.
 * Views (chosen by the URL hash): #code, #stories, #story/ID, #events, #dyad[/A/B], #network.
 * Every request goes to this server's /v1 API; errors come back as {"error": {"code", "message"}}. */
"use strict";

const SVG_NS = "http://www.w3.org/2000/svg";
/* Actor colours: a qualitative palette (ColorBrewer "Dark2" + "Set1" hues), assigned to codes in order of
 * first appearance in a view, so two actors of one article never share a colour among the first 12. */
const PALETTE = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#a6761d", "#e41a1c", "#377eb8",
                 "#984ea3", "#ff7f00", "#4daf4a", "#a65628"];
/* Quad classes (PLOVER manual 2.0): 1 verbal cooperation ... 4 material conflict; colours as in style.css. */
const QUAD_COLORS = {1: "#6baed6", 2: "#2171b5", 3: "#fd8d3c", 4: "#d94801"};
let META = {event_types: [], quad_classes: {1: "verbal cooperation", 2: "material cooperation",
            3: "verbal conflict", 4: "material conflict"}, cameo_names: {}};

/* ------------------------------------------------------------------------------------------ helpers */
const $ = (sel, root = document) => root.querySelector(sel);

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined) continue;
    if (k === "text") node.textContent = v; else node.setAttribute(k, v);
  }
  for (const c of children.flat()) if (c) node.append(c);
  return node;
}

async function api(path, options = {}) {
  const opts = {...options, headers: {"Accept": "application/json", ...(options.headers || {})}};
  if (opts.json !== undefined) {
    opts.body = JSON.stringify(opts.json);
    opts.headers["Content-Type"] = "application/json";
    delete opts.json;
  }
  let resp;
  try {
    resp = await fetch(path, opts);
  } catch (err) {
    throw new Error("the server cannot be reached (" + err.message + ")");
  }
  let body = null;
  try { body = await resp.json(); } catch (_) { /* not JSON */ }
  if (!resp.ok) {
    const msg = body && body.error ? body.error.message : resp.status + " " + resp.statusText;
    const e = new Error(msg); e.status = resp.status; throw e;
  }
  return body;
}

function setStatus(id, text, isError = false) {
  const s = document.getElementById(id);
  s.textContent = text || "";
  s.classList.toggle("error", !!isError);
}

function shorten(s, n) { return s.length > n ? s.slice(0, n - 1) + "…" : s; }

function fmt(v, digits = 1) {
  return v === null || v === undefined || Number.isNaN(v) ? "" : Number(v).toFixed(digits);
}

function params(obj) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(obj)) {
    if (v === null || v === undefined || v === "") continue;
    if (Array.isArray(v)) v.forEach(x => p.append(k, x)); else p.append(k, v);
  }
  return p.toString();
}

function entityLabel(e) {
  return (e.org || e.code || "UNK") + (e.sector || "");
}

function entityTag(e) {  /* the tag the store filters on: org, else code */
  return e.org || e.code;
}

/* Colour per actor code within one view. */
class Colours {
  constructor() { this.map = new Map(); }
  key(e) { return e.org || e.code || "UNK"; }
  get(e) {
    const k = this.key(e);
    if (k === "UNK") return null;
    if (!this.map.has(k)) this.map.set(k, PALETTE[this.map.size % PALETTE.length]);
    return this.map.get(k);
  }
}

function chip(e, colours) {
  const c = colours ? colours.get(e) : null;
  const node = el("span", {class: "chip" + (c ? "" : " unk"), title: [e.entity_text, e.name].filter(Boolean).join(" · ")},
                  entityLabel(e));
  if (c) node.style.setProperty("--ent", c);
  return node;
}

function quadBadge(q) {
  if (!q) return "";
  return el("span", {class: "quad-badge qb" + q, title: META.quad_classes[q] || ""}, String(q));
}

function cameoLabel(code) {
  if (!code) return "";
  const name = META.cameo_names[code];
  return name ? code + " " + name : code;
}

/* ------------------------------------------------------------------------------------------ tooltip */
const tooltip = () => document.getElementById("tooltip");

function showTip(evt, content) {
  const t = tooltip();
  t.replaceChildren(content);
  t.hidden = false;
  moveTip(evt);
}

function moveTip(evt) {
  const t = tooltip();
  if (t.hidden) return;
  const pad = 14, w = t.offsetWidth, h = t.offsetHeight;
  let x = evt.clientX + pad, y = evt.clientY + pad;
  if (x + w > window.innerWidth - 4) x = Math.max(4, evt.clientX - w - pad);
  if (y + h > window.innerHeight - 4) y = Math.max(4, evt.clientY - h - pad);
  t.style.left = x + "px"; t.style.top = y + "px";
}

function hideTip() { tooltip().hidden = true; }

function eventTip(ev) {
  const actors = ev.actor.map(entityLabel).join("+") || "?";
  const recips = ev.recipient.map(entityLabel).join("+");
  const lines = [
    el("div", {}, el("b", {}, ev.event + (ev.mode && ev.mode.length ? " / " + ev.mode.join(", ") : "")),
       "  ", actors, recips ? " → " + recips : ""),
    el("div", {}, "CAMEO ", cameoLabel(ev.cameo) || "—"),
    el("div", {}, "quad class ", ev.quad_code ? ev.quad_code + " (" + (META.quad_classes[ev.quad_code] || "") + ")" : "—",
       " · Goldstein ", fmt(ev.goldstein), " · PLOVER score ", fmt(ev.plover_score)),
    el("div", {}, "modality ", ev.modality, ev.date ? " · date " + ev.date : "",
       ev.event_loc ? " · " + ev.event_loc.name + (ev.event_loc.country ? ", " + ev.event_loc.country : "") : "",
       " · confidence ", fmt(ev.confidence, 2)),
  ];
  if (ev.attribution && ev.attribution.speaker) {
    lines.push(el("div", {}, "according to ", entityLabel(ev.attribution.speaker),
                  ev.attribution.quoted ? " (quoted)" : ""));
  }
  if (ev.explanation) lines.push(el("div", {class: "tt-rule"}, "rule: " + ev.explanation));
  if (ev.event_id) lines.push(el("div", {class: "tt-rule"}, "stored as event " + ev.event_id));
  return el("div", {class: "tt-ev"}, ...lines);
}

function entityTip(e) {
  return el("div", {class: "tt-ev"},
    el("div", {}, el("b", {}, entityLabel(e)), "  “", e.entity_text, "”"),
    el("div", {}, "code ", e.code, e.sector ? " · sector " + e.sector : "", e.org ? " · org " + e.org : ""),
    e.name ? el("div", {}, e.name, e.identifier_id ? " (" + e.identifier_id + ")" : "") : null,
    e.rule ? el("div", {class: "tt-rule"}, "resolved by: " + e.rule) : null);
}

/* ---------------------------------------------------------------------- article with highlights */
/* Split the text at every boundary of an evidence span, entity, quote or block, and render each piece
 * inside the marks that cover it: <mark class="ev"> for evidence, <span class="ent"> for actors. */
function renderArticleText(story, events, entities, quotes, colours) {
  const text = story.text || "";
  const n = text.length;
  const inRange = (s, e) => Number.isInteger(s) && Number.isInteger(e) && s >= 0 && e <= n && s < e;
  const evSpans = events.map((ev, i) => ({s: ev.text_info.start, e: ev.text_info.end, i}))
                        .filter(x => inRange(x.s, x.e));
  const entSpans = entities.map((en, i) => ({s: en.start, e: en.end, i})).filter(x => inRange(x.s, x.e));
  const qSpans = (quotes || []).map(q => ({s: q.start, e: q.end})).filter(x => inRange(x.s, x.e));
  const blocks = (story.blocks || []).filter(b => inRange(b.start, b.end));
  const cuts = new Set([0, n]);
  for (const x of [...evSpans, ...entSpans, ...qSpans]) { cuts.add(x.s); cuts.add(x.e); }
  for (const b of blocks) { cuts.add(b.start); cuts.add(b.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const box = el("div", {class: "article-text", id: "article-view"});
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k], b = points[k + 1];
    let node = document.createTextNode(text.slice(a, b));
    const ent = entSpans.find(x => x.s <= a && x.e >= b);
    if (ent) {
      const e = entities[ent.i];
      const span = el("span", {class: "ent", "data-ent": ent.i}, node);
      const c = colours.get(e);
      if (c) { span.style.setProperty("--ent", c); span.style.setProperty("--ent-fg", c); }
      node = span;
    }
    if (qSpans.some(x => x.s <= a && x.e >= b)) node = el("span", {class: "quote-span"}, node);
    const evs = evSpans.filter(x => x.s <= a && x.e >= b).map(x => x.i);
    if (evs.length) {
      node = el("mark", {class: "ev" + (evs.length > 1 ? " multi" : ""), "data-events": evs.join(",")}, node);
    }
    const blk = blocks.find(x => x.start <= a && x.end >= b);
    if (blk && blk.kind !== "body") node = el("span", {class: "blk-" + blk.kind}, node);
    box.append(node);
  }
  box.addEventListener("mouseover", e => {
    const parts = [];
    const mark = e.target.closest("mark.ev");
    const ent = e.target.closest(".ent");
    if (ent) parts.push(entityTip(entities[Number(ent.dataset.ent)]));
    if (mark) for (const i of mark.dataset.events.split(",")) parts.push(eventTip(events[Number(i)]));
    if (parts.length) showTip(e, el("div", {}, ...parts)); else hideTip();
    highlightRows(mark ? mark.dataset.events.split(",") : []);
  });
  box.addEventListener("mousemove", moveTip);
  box.addEventListener("mouseleave", () => { hideTip(); highlightRows([]); });
  return box;
}

function highlightRows(ids) {
  document.querySelectorAll(".events-coded tbody tr.active").forEach(r => r.classList.remove("active"));
  for (const i of ids) document.querySelectorAll(`.events-coded tbody tr[data-ev="${i}"]`).forEach(r => r.classList.add("active"));
}

function highlightMarks(i, on) {
  document.querySelectorAll("#article-view mark.ev").forEach(m => {
    if (m.dataset.events.split(",").includes(String(i))) m.classList.toggle("active", on);
  });
}

function codedEventsTable(events, colours) {
  const rows = events.map((ev, i) => {
    const tr = el("tr", {"data-ev": i},
      el("td", {class: "num"}, String(i + 1)),
      el("td", {}, ev.date || ""),
      el("td", {}, el("b", {}, ev.event), ev.mode && ev.mode.length ? " / " + ev.mode.join(", ") : ""),
      el("td", {}, ev.actor.map(e => chip(e, colours))),
      el("td", {}, ev.recipient.map(e => chip(e, colours))),
      el("td", {title: cameoLabel(ev.cameo)}, ev.cameo || ""),
      el("td", {}, quadBadge(ev.quad_code)),
      el("td", {class: "num"}, fmt(ev.goldstein)),
      el("td", {}, ev.modality),
      el("td", {class: "evidence"}, "“" + (ev.event_text || "") + "”",
         ev.explanation ? el("div", {class: "rule", title: ev.explanation}, shorten(ev.explanation, 70)) : null),
      el("td", {class: "num"}, fmt(ev.confidence, 2)));
    tr.addEventListener("mouseenter", e => { highlightMarks(i, true); showTip(e, eventTip(ev)); });
    tr.addEventListener("mousemove", moveTip);
    tr.addEventListener("mouseleave", () => { highlightMarks(i, false); hideTip(); });
    tr.addEventListener("click", () => {
      const m = [...document.querySelectorAll("#article-view mark.ev")]
        .find(x => x.dataset.events.split(",").includes(String(i)));
      if (m) m.scrollIntoView({block: "center", behavior: "smooth"});
    });
    return tr;
  });
  return el("table", {class: "data events-coded", id: "code-events"},
    el("thead", {}, el("tr", {}, ["#", "date", "event", "actor", "recipient", "CAMEO", "quad", "Goldstein",
                                  "modality", "evidence / rule", "conf."].map(h => el("th", {}, h)))),
    el("tbody", {}, rows));
}

/* The coded-article view: metadata, legend, highlighted text and the events table (code and story views). */
function renderCoded(container, data, opts = {}) {
  const {story, events, entities, quotes} = data;
  const colours = new Colours();
  // colour actors of events first (in event order), then the other entities
  events.forEach(ev => [...ev.actor, ...ev.recipient].forEach(e => colours.get(e)));
  entities.forEach(e => colours.get(e));
  const meta = el("div", {class: "meta"},
    story.title ? el("b", {}, story.title) : el("b", {}, story.id), " · ",
    story.published ? "published " + story.published : "no publication date", " · ",
    story.publisher ? story.publisher + " · " : "",
    `${events.length} event${events.length === 1 ? "" : "s"}, ${entities.length} actor mentions, ${quotes.length} quotes`,
    data.elapsed_ms !== undefined ? ` · coded in ${fmt(data.elapsed_ms, 0)} ms` : "",
    opts.stored ? el("span", {}, " · ", el("a", {href: "#events?story=" + encodeURIComponent(story.id)},
                                          "its deduplicated events")) : "");
  const legend = el("div", {class: "legend"}, el("span", {}, el("span", {class: "sw ev"}), "evidence span"),
    [...colours.map.entries()].map(([code, c]) => {
      const sw = el("span", {class: "sw"}); sw.style.background = c;
      return el("span", {}, sw, code);
    }));
  let textPart;
  if (story.text) {
    textPart = el("div", {}, el("h3", {}, "Article"), legend, renderArticleText(story, events, entities, quotes, colours));
  } else {
    textPart = el("div", {}, el("h3", {}, "Article"),
      el("p", {class: "empty"}, "The text of this story was not stored (it was ingested with the CLI); the evidence sentences are:"),
      el("ul", {class: "quotes"}, events.map(ev => el("li", {}, ev.text_info.sentence))));
  }
  const tablePart = el("div", {}, el("h3", {}, "Events"),
    events.length ? el("div", {class: "table-wrap"}, codedEventsTable(events, colours))
                  : el("p", {class: "empty", id: "no-events"}, "No events found in this article."),
    quotes.length ? el("h3", {}, "Quotes") : null,
    quotes.length ? el("ul", {class: "quotes"}, quotes.map(q => el("li", {}, "“" + q.text + "” — ",
      q.speaker ? chip(q.speaker, colours) : "", " ", q.speaker_text || "unknown speaker"))) : null);
  container.replaceChildren(meta, el("div", {class: "result-grid"}, textPart, tablePart));
}

/* ------------------------------------------------------------------------------------- code view */
let uploadedHtml = null;

function codeRequest() {
  const body = {};
  if (uploadedHtml !== null) body.html = uploadedHtml; else body.text = $("#article-text").value;
  const pub = $("#published").value; if (pub) body.published = pub;
  const url = $("#article-url").value.trim(); if (url) body.url = url;
  return body;
}

async function submitCode(store) {
  const body = codeRequest();
  if (body.text !== undefined && !body.text.trim()) { setStatus("code-status", "Paste or upload an article first.", true); return; }
  const buttons = [$("#code-btn"), $("#store-btn")];
  buttons.forEach(b => b.disabled = true);
  setStatus("code-status", store ? "coding and storing…" : "coding…");
  try {
    if (store) {
      const data = await api("/v1/stories", {method: "POST", json: body});
      setStatus("code-status", data.stored ? "stored as " + data.story.id : "already stored as " + data.story.id);
      location.hash = "#story/" + encodeURIComponent(data.story.id);
    } else {
      const data = await api("/v1/code", {method: "POST", json: body});
      setStatus("code-status", "");
      $("#article-text").scrollTop = 0;
      renderCoded($("#code-result"), data);
    }
  } catch (err) {
    setStatus("code-status", err.message, true);
  } finally {
    buttons.forEach(b => b.disabled = false);
  }
}

function setupCodeView() {
  $("#code-form").addEventListener("submit", e => { e.preventDefault(); submitCode(false); });
  $("#store-btn").addEventListener("click", () => submitCode(true));
  $("#article-file").addEventListener("change", async e => {
    const f = e.target.files[0];
    if (!f) return;
    const content = await f.text();
    const isHtml = /\.html?$/i.test(f.name) || /^\s*(<!doctype html|<html|<head|<body)/i.test(content);
    if (isHtml) {
      uploadedHtml = content;
      $("#article-text").value = ""; $("#article-text").disabled = true;
      $("#file-name").textContent = `HTML page ${f.name} (${content.length} characters): the server extracts its article.`;
      $("#file-note").hidden = false;
    } else {
      uploadedHtml = null;
      $("#article-text").disabled = false;
      $("#article-text").value = content;
      $("#file-note").hidden = true;
    }
  });
  $("#file-clear").addEventListener("click", () => {
    uploadedHtml = null; $("#article-file").value = ""; $("#article-text").disabled = false; $("#file-note").hidden = true;
  });
}

/* ---------------------------------------------------------------------------------- stories view */
async function loadStories(offset = 0) {
  setStatus("stories-status", "loading…");
  try {
    const data = await api("/v1/stories?" + params({limit: 50, offset}));
    const tbody = $("#stories-table tbody");
    tbody.replaceChildren(...data.stories.map(s => el("tr", {},
      el("td", {}, el("a", {href: "#story/" + encodeURIComponent(s.id)}, s.id)),
      el("td", {}, s.title || ""), el("td", {}, s.published || ""), el("td", {}, s.publisher || ""),
      el("td", {class: "num"}, String(s.n_events)), el("td", {}, (s.ingested_at || "").replace("T", " ")))));
    setStatus("stories-status", data.total ? `${data.total} stories` : "No stories stored yet: use “Code and store”.");
    pager($("#stories-pager"), data, o => loadStories(o));
  } catch (err) { setStatus("stories-status", err.message, true); }
}

async function loadStory(id) {
  setStatus("story-status", "loading…");
  $("#story-result").replaceChildren();
  try {
    const data = await api("/v1/stories/" + encodeURIComponent(id));
    setStatus("story-status", "");
    renderCoded($("#story-result"), data, {stored: true});
  } catch (err) { setStatus("story-status", err.message, true); }
}

function pager(box, data, go) {
  const {total, limit, offset} = data;
  const shown = total ? `${offset + 1}–${Math.min(offset + limit, total)} of ${total}` : "";
  box.replaceChildren(
    el("button", {type: "button", class: "secondary", disabled: offset <= 0, onclick: () => go(Math.max(0, offset - limit))}, "‹ previous"),
    el("span", {}, shown),
    el("button", {type: "button", class: "secondary", disabled: offset + limit >= total, onclick: () => go(offset + limit)}, "next ›"));
}

/* ----------------------------------------------------------------------------------- events view */
function splitTags(s) { return s.split(/[\s,;]+/).filter(Boolean); }

function eventFilters(extra = {}) {
  return {
    actor: splitTags($("#f-actor").value), recipient: splitTags($("#f-recipient").value), type: $("#f-type").value,
    quad: $("#f-quad").value, since: $("#f-since").value.trim(), until: $("#f-until").value.trim(),
    place: $("#f-place").value.trim(), undirected: $("#f-undirected").checked ? "true" : "", ...extra,
  };
}

async function searchEvents(offset = 0, extra = {}) {
  setStatus("events-status", "searching…");
  try {
    const data = await api("/v1/events?" + params({...eventFilters(extra), limit: 50, offset}));
    const colours = new Colours();
    const tbody = $("#events-table tbody");
    tbody.replaceChildren(...data.events.map(ev => {
      const a = ev.actor[0], r = ev.recipient[0];
      const dyadLink = a && r && entityTag(a) !== entityTag(r)
        ? el("a", {href: `#dyad/${encodeURIComponent(entityTag(a))}/${encodeURIComponent(entityTag(r))}`,
                   title: "open the dyad timeline"}, "dyad") : "";
      const tr = el("tr", {},
        el("td", {}, ev.date || ""),
        el("td", {}, el("b", {}, ev.event), ev.mode && ev.mode.length ? " / " + ev.mode.join(", ") : ""),
        el("td", {}, ev.actor.map(e => chip(e, colours))), el("td", {}, ev.recipient.map(e => chip(e, colours))),
        el("td", {title: cameoLabel(ev.cameo)}, ev.cameo || ""), el("td", {}, quadBadge(ev.quad_code)),
        el("td", {class: "num"}, fmt(ev.goldstein)), el("td", {}, ev.event_loc ? ev.event_loc.name : ""),
        el("td", {class: "num"}, String(ev.num_mentions)),
        el("td", {class: "evidence"}, ev.text_info.sentence,
           el("div", {class: "rule"}, ev.story_ids.map(s => el("a", {href: "#story/" + encodeURIComponent(s)}, s + " ")))),
        el("td", {}, dyadLink));
      tr.addEventListener("mouseenter", e => showTip(e, eventTip(ev)));
      tr.addEventListener("mousemove", moveTip);
      tr.addEventListener("mouseleave", hideTip);
      return tr;
    }));
    setStatus("events-status", data.total ? `${data.total} events` : "No stored event matches.");
    pager($("#events-pager"), data, o => searchEvents(o, extra));
  } catch (err) { setStatus("events-status", err.message, true); }
}

/* ------------------------------------------------------------------------------------ dyad chart */
function niceMax(v) {
  if (v <= 1) return 1;
  const p = Math.pow(10, Math.floor(Math.log10(v)));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

/* Line chart per quad class for each direction (two panels), then mean Goldstein for both directions. */
function dyadChart(data) {
  const periods = [...new Set(data.series.map(r => r.period))];
  const W = Math.max(760, Math.min(1300, 60 + periods.length * 28)), ml = 52, mr = 190, ph = 170, gap = 46, mt = 26;
  const H = mt + 3 * ph + 2 * gap + 36;
  const x = i => ml + (periods.length === 1 ? (W - ml - mr) / 2 : i * (W - ml - mr) / (periods.length - 1));
  const root = svg("svg", {id: "dyad-chart", width: W, height: H, viewBox: `0 0 ${W} ${H}`, role: "img",
                           "aria-label": `dyad ${data.a}–${data.b}`});
  // counts axis: 0 .. a multiple of 4, so the five grid lines fall on whole numbers
  const maxCount = 4 * Math.ceil(niceMax(Math.max(1, ...data.series.flatMap(r => [r.quad1, r.quad2, r.quad3, r.quad4]))) / 4);
  const tickEvery = Math.max(1, Math.ceil(periods.length / 12));
  const xAxis = (y0) => {
    const g = svg("g", {class: "axis"}, svg("line", {x1: ml, x2: W - mr, y1: y0, y2: y0}));
    periods.forEach((p, i) => {
      if (i % tickEvery) return;
      g.append(svg("line", {x1: x(i), x2: x(i), y1: y0, y2: y0 + 4}),
               svg("text", {x: x(i), y: y0 + 16, "text-anchor": "middle", text: data.freq === "month" ? p.slice(0, 7) : p}));
    });
    return g;
  };
  const panel = (top, title, lo, hi, series) => {  // series: [{label, colour, values, dash}]
    const y = v => top + ph - (v - lo) / (hi - lo) * ph;
    const g = svg("g", {class: "panel"});
    g.append(svg("text", {class: "panel-title", x: ml, y: top - 8, text: title}));
    const grid = svg("g", {class: "grid"}), axis = svg("g", {class: "axis"});
    for (let k = 0; k <= 4; k++) {
      const v = lo + (hi - lo) * k / 4;
      grid.append(svg("line", {x1: ml, x2: W - mr, y1: y(v), y2: y(v)}));
      axis.append(svg("text", {x: ml - 6, y: y(v) + 4, "text-anchor": "end", text: Number.isInteger(v) ? v : v.toFixed(1)}));
    }
    axis.append(svg("line", {x1: ml, x2: ml, y1: top, y2: top + ph}));
    g.append(grid, axis, xAxis(top + ph));
    if (lo < 0) g.append(svg("line", {class: "zero", x1: ml, x2: W - mr, y1: y(0), y2: y(0)}));
    series.forEach((s, si) => {
      let d = "", pen = false;
      s.values.forEach((v, i) => {
        if (v === null || v === undefined) { pen = false; return; }
        d += (pen ? "L" : "M") + x(i).toFixed(1) + "," + y(v).toFixed(1); pen = true;
      });
      // earlier series are drawn wider, so a line that coincides with a later one still shows around it
      const path = svg("path", {class: "line " + (s.cls || ""), d, stroke: s.colour, "stroke-dasharray": s.dash || null,
                                "stroke-width": s.width || 2});
      g.append(path);
      s.values.forEach((v, i) => {
        if (v === null || v === undefined || (s.skipZero && v === 0)) return;
        g.append(svg("circle", {class: "pt " + (s.cls || ""), cx: x(i), cy: y(v), r: 3.2, fill: s.colour},
                     svg("title", {text: `${periods[i]} · ${s.label}: ${Number.isInteger(v) ? v : v.toFixed(2)}`})));
      });
      const ly = top + 10 + si * 17;
      g.append(svg("line", {x1: W - mr + 14, x2: W - mr + 34, y1: ly, y2: ly, stroke: s.colour, "stroke-width": 3,
                            "stroke-dasharray": s.dash || null}),
               svg("text", {x: W - mr + 40, y: ly + 4, text: s.label}));
    });
    return g;
  };
  const byDir = dir => {
    const rows = new Map(data.series.filter(r => r.direction === dir).map(r => [r.period, r]));
    return periods.map(p => rows.get(p) || null);
  };
  data.directions.forEach((dir, k) => {
    const rows = byDir(dir);
    const series = [1, 2, 3, 4].map(q => ({
      label: `${q} ${META.quad_classes[q]}`, colour: QUAD_COLORS[q], cls: "quad" + q, skipZero: true, width: 7 - q * 1.2,
      values: rows.map(r => (r ? r["quad" + q] : 0)),
    }));
    root.append(panel(mt + k * (ph + gap), `${dir}: events per ${data.freq} by quad class`, 0, maxCount, series));
  });
  const gold = data.directions.map((dir, k) => ({
    label: dir, colour: k ? "#d95f0e" : "#2c7fb8", dash: k ? "6 4" : null, cls: "goldstein",
    values: byDir(dir).map(r => (r ? r.goldstein_mean : null)),
  }));
  root.append(panel(mt + 2 * (ph + gap), "mean Goldstein score (−10 conflict … +10 cooperation)", -10, 10, gold));
  return root;
}

function dyadTable(data) {
  const head = el("tr", {}, ["period", "direction", "events", "quad 1", "quad 2", "quad 3", "quad 4", "mean Goldstein",
                             "mean PLOVER"].map(h => el("th", {}, h)));
  const rows = data.series.filter(r => r.events > 0).map(r => el("tr", {},
    el("td", {}, r.period), el("td", {}, r.direction), el("td", {class: "num"}, String(r.events)),
    ...[1, 2, 3, 4].map(q => el("td", {class: "num q" + q}, String(r["quad" + q]))),
    el("td", {class: "num"}, fmt(r.goldstein_mean, 2)), el("td", {class: "num"}, fmt(r.plover_mean, 2))));
  return [head, rows];
}

async function showDyad() {
  const a = $("#dyad-a").value.trim(), b = $("#dyad-b").value.trim();
  if (!a || !b) { setStatus("dyad-status", "Give both actors (codes or tags such as USA, RUSGOV, NATO).", true); return; }
  setStatus("dyad-status", "loading…");
  const box = $("#dyad-chart-box");
  box.replaceChildren();
  try {
    const q = params({freq: $("#dyad-freq").value, since: $("#dyad-since").value.trim(), until: $("#dyad-until").value.trim()});
    const data = await api(`/v1/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}?${q}`);
    const total = data.series.reduce((s, r) => s + r.events, 0);
    const [head, rows] = dyadTable(data);
    $("#dyad-table thead").replaceChildren(head);
    $("#dyad-table tbody").replaceChildren(...rows);
    if (!total) { setStatus("dyad-status", `No dated events between ${data.a} and ${data.b}.`); return; }
    setStatus("dyad-status", `${total} events, ${data.series.length / 2} ${data.freq}s`);
    box.append(dyadChart(data));
  } catch (err) { setStatus("dyad-status", err.message, true); }
}

/* ------------------------------------------------------------------------------------ network view */
function goldsteinColour(g) {  // diverging: red (−10) … grey (0) … blue (+10)
  if (g === null || g === undefined) return "#9aa3ab";
  const t = Math.max(-1, Math.min(1, g / 10));
  const mix = (a, b, f) => Math.round(a + (b - a) * f);
  const grey = [150, 158, 166], red = [203, 24, 29], blue = [33, 102, 172];
  const to = t < 0 ? red : blue, f = Math.abs(t);
  return `rgb(${mix(grey[0], to[0], f)},${mix(grey[1], to[1], f)},${mix(grey[2], to[2], f)})`;
}

function networkChart(data) {
  const n = data.actors.length, W = 760, H = 640, cx = W / 2, cy = H / 2 + 5, R = Math.min(W, H) / 2 - 90;
  const pos = new Map(data.actors.map((a, i) => {
    const ang = -Math.PI / 2 + 2 * Math.PI * i / Math.max(1, n);
    return [a.actor, {x: cx + R * Math.cos(ang), y: cy + R * Math.sin(ang), ang}];
  }));
  const maxEv = Math.max(1, ...data.actors.map(a => a.events));
  const maxTie = Math.max(1, ...data.ties.map(t => t.events));
  const rad = a => 7 + 18 * Math.sqrt(a.events / maxEv);
  const radius = new Map(data.actors.map(a => [a.actor, rad(a)]));
  const root = svg("svg", {id: "network-chart", class: "network", width: W, height: H, viewBox: `0 0 ${W} ${H}`, role: "img",
                           "aria-label": "actor network"});
  const defs = svg("defs");
  const ties = svg("g", {class: "ties"});
  data.ties.forEach((t, k) => {
    const a = pos.get(t.actor), b = pos.get(t.recipient);
    if (!a || !b) return;
    const colour = goldsteinColour(t.goldstein_mean);
    const id = "arrow" + k;
    defs.append(svg("marker", {id, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 5, markerHeight: 5, orient: "auto-start-reverse"},
                    svg("path", {d: "M0,0 L10,5 L0,10 z", fill: colour})));
    // curve to the right of the direction of travel, so A→B and B→A are two arcs
    const dx = b.x - a.x, dy = b.y - a.y, len = Math.hypot(dx, dy) || 1;
    const mx = (a.x + b.x) / 2 - dy / len * 0.18 * len, my = (a.y + b.y) / 2 + dx / len * 0.18 * len;
    const ra = radius.get(t.actor), rb = radius.get(t.recipient) + 3;
    const ux = (mx - a.x), uy = (my - a.y), ul = Math.hypot(ux, uy) || 1;
    const vx = (mx - b.x), vy = (my - b.y), vl = Math.hypot(vx, vy) || 1;
    const sx = a.x + ux / ul * ra, sy = a.y + uy / ul * ra, ex = b.x + vx / vl * rb, ey = b.y + vy / vl * rb;
    const w = 1 + 7 * t.events / maxTie;
    ties.append(svg("path", {class: "tie", "data-a": t.actor, "data-b": t.recipient, d: `M${sx},${sy} Q${mx},${my} ${ex},${ey}`,
                             stroke: colour, "stroke-width": w.toFixed(1), "marker-end": `url(#${id})`},
                    svg("title", {text: `${t.actor} → ${t.recipient}: ${t.events} events (${t.coop} cooperation, ` +
                                        `${t.conflict} conflict), mean Goldstein ${fmt(t.goldstein_mean, 2) || "—"}`})));
  });
  const nodes = svg("g", {class: "nodes"});
  data.actors.forEach(a => {
    const p = pos.get(a.actor), r = radius.get(a.actor);
    const lx = p.x + Math.cos(p.ang) * (r + 8), ly = p.y + Math.sin(p.ang) * (r + 8);
    const anchor = Math.abs(Math.cos(p.ang)) < 0.3 ? "middle" : (Math.cos(p.ang) > 0 ? "start" : "end");
    const g = svg("g", {class: "node", "data-actor": a.actor},
      svg("circle", {cx: p.x, cy: p.y, r: r.toFixed(1)}),
      svg("text", {x: lx.toFixed(1), y: (ly + (Math.sin(p.ang) > 0.3 ? 10 : Math.sin(p.ang) < -0.3 ? -2 : 4)).toFixed(1),
                   "text-anchor": anchor, text: a.actor}),
      svg("title", {text: `${a.actor}: ${a.events} events (${a.out_events} as actor, ${a.in_events} as recipient), ${a.degree} partners`}));
    g.addEventListener("mouseenter", () => focusNode(root, a.actor));
    g.addEventListener("mouseleave", () => focusNode(root, null));
    nodes.append(g);
  });
  const legend = svg("g", {transform: `translate(16, ${H - 30})`});
  [-10, -5, 0, 5, 10].forEach((g, i) => legend.append(
    svg("rect", {x: i * 34, y: 0, width: 34, height: 8, fill: goldsteinColour(g)}),
    svg("text", {x: i * 34 + 17, y: 22, "text-anchor": "middle", text: String(g)})));
  legend.append(svg("text", {x: 180, y: 8, text: "mean Goldstein of a tie; width = events; arrow = direction"}));
  root.append(defs, ties, nodes, legend);
  return root;
}

function focusNode(root, actor) {
  root.classList.toggle("focus", !!actor);
  root.querySelectorAll(".tie").forEach(t => t.classList.toggle("hl", !!actor && (t.dataset.a === actor || t.dataset.b === actor)));
  root.querySelectorAll(".node").forEach(g => {
    const linked = actor && (g.dataset.actor === actor ||
      [...root.querySelectorAll(".tie.hl")].some(t => t.dataset.a === g.dataset.actor || t.dataset.b === g.dataset.actor));
    g.classList.toggle("hl", !!linked);
  });
}

async function drawNetwork() {
  setStatus("network-status", "loading…");
  const box = $("#network-box");
  box.replaceChildren();
  try {
    const q = params({level: $("#net-level").value, top: $("#net-top").value || 20, type: $("#net-type").value,
                      since: $("#net-since").value.trim(), until: $("#net-until").value.trim()});
    const data = await api("/v1/network?" + q);
    $("#network-table tbody").replaceChildren(...data.ties.map(t => el("tr", {},
      el("td", {}, t.actor), el("td", {}, t.recipient), el("td", {class: "num"}, String(t.events)),
      el("td", {class: "num"}, String(t.coop)), el("td", {class: "num"}, String(t.conflict)),
      el("td", {class: "num"}, fmt(t.goldstein_mean, 2)),
      el("td", {}, el("a", {href: `#dyad/${encodeURIComponent(t.actor)}/${encodeURIComponent(t.recipient)}`}, "dyad")))));
    if (!data.actors.length) { setStatus("network-status", "No ties between known actors in the store."); return; }
    setStatus("network-status", `${data.actors.length} actors, ${data.ties.length} ties`);
    box.append(networkChart(data));
    const tags = $("#actor-tags");
    tags.replaceChildren(...data.actors.map(a => el("option", {value: a.actor})));
  } catch (err) { setStatus("network-status", err.message, true); }
}

/* ------------------------------------------------------------------------------------------ router */
const VIEWS = ["code", "stories", "story", "events", "dyad", "network"];

function route() {
  const hash = decodeURIComponent(location.hash.replace(/^#/, "")) || "code";
  const [pathPart, query] = hash.split("?");
  const parts = pathPart.split("/");
  let view = VIEWS.includes(parts[0]) ? parts[0] : "code";
  for (const v of VIEWS) document.getElementById("view-" + v).hidden = v !== view;
  document.querySelectorAll("#nav a[data-view]").forEach(a =>
    a.classList.toggle("active", a.dataset.view === view || (view === "story" && a.dataset.view === "stories")));
  hideTip();
  if (view === "stories") loadStories(0);
  else if (view === "story") loadStory(parts.slice(1).join("/"));
  else if (view === "events") {
    const extra = {};
    if (query) for (const [k, v] of new URLSearchParams(query)) extra[k] = v;
    searchEvents(0, extra);
  } else if (view === "dyad" && parts.length >= 3) {
    $("#dyad-a").value = parts[1]; $("#dyad-b").value = parts[2];
    showDyad();
  } else if (view === "network") drawNetwork();
}

async function init() {
  setupCodeView();
  $("#events-form").addEventListener("submit", e => { e.preventDefault(); searchEvents(0); });
  $("#dyad-form").addEventListener("submit", e => {
    e.preventDefault();
    const a = $("#dyad-a").value.trim(), b = $("#dyad-b").value.trim();
    const target = `#dyad/${encodeURIComponent(a)}/${encodeURIComponent(b)}`;
    if (location.hash !== target) location.hash = target; else showDyad();
  });
  $("#network-form").addEventListener("submit", e => { e.preventDefault(); drawNetwork(); });
  try {
    META = await api("/v1/meta");
  } catch (err) { /* labels fall back to codes */ }
  for (const sel of ["#f-type", "#net-type"]) {
    $(sel).append(...META.event_types.map(t => el("option", {value: t}, t)));
  }
  $("#f-quad").append(...Object.entries(META.quad_classes).map(([q, name]) => el("option", {value: q}, `${q} ${name}`)));
  window.addEventListener("hashchange", route);
  route();
  document.body.dataset.ready = "1";
}

document.addEventListener("DOMContentLoaded", init);

/* scomm-kg explorer: every view of the evidence graph as a state of one vis-network.
 * Record text (names, quotes, titles, documents) is only ever written with textContent.
 * The state (view, filters, selection, focus, path, time range) lives in the URL's hash. */
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("x-data").textContent);
  var N = D.nodes, E = D.edges;
  var $ = function (id) { return document.getElementById(id); };
  var adj = N.map(function () { return []; });
  E.forEach(function (e, k) { adj[e.from].push(k); if (e.to !== e.from) adj[e.to].push(k); });
  var bySlug = {};
  N.forEach(function (n, i) { if (!(n.slug in bySlug)) bySlug[n.slug] = i; });
  var byKey = {};
  E.forEach(function (e, k) { if (!(e.key in byKey)) byKey[e.key] = k; });
  var ACTOR = { agency: 1, person: 1, group: 1, media: 1, jurisdiction: 1 };
  var SVGNS = "http://www.w3.org/2000/svg";
  var COLOR = { support: (D.polarity["1"] || {}).color || "#0072B2", oppose: (D.polarity["-1"] || {}).color || "#D55E00",
                none: (D.polarity["0"] || {}).color || "#999999" };

  function el(tag, text, cls) {
    var x = document.createElement(tag);
    if (text !== undefined && text !== null) x.textContent = String(text);
    if (cls) x.className = cls;
    return x;
  }
  function svg(tag, attrs, text) {
    var x = document.createElementNS(SVGNS, tag);
    Object.keys(attrs || {}).forEach(function (a) { x.setAttribute(a, attrs[a]); });
    if (text !== undefined) x.textContent = String(text);
    return x;
  }
  function button(text, cls, onclick) {
    var b = el("button", text, cls); b.type = "button"; b.addEventListener("click", onclick); return b;
  }
  function uniq(values) { return Array.from(new Set(values)).sort(); }
  function groupLook(g) { return D.groups[g] || D.default_group; }
  function sourceText(s) { return D.sources[s] ? D.sources[s] + " (" + s + ")" : s; }
  function cmp(a, b) { return a < b ? -1 : a > b ? 1 : 0; }
  function side(e) {
    if (e.relation === "stance") return e.polarity > 0 ? "support" : e.polarity < 0 ? "oppose" : "none";
    if (e.relation === "claim") return e.detail === "yes" ? "yes" : e.detail === "no" ? "no" : "unclear";
    return "";
  }
  function what(e) { return e.position_label || e.label || e.relation_label || e.relation; }
  function edgeSummary(k) { var e = E[k]; return N[e.from].label + " \u2014 " + what(e) + " \u2192 " + N[e.to].label; }
  function when(e) {
    if (e.date) return e.date;
    if (e.earliest || e.latest) return (e.earliest || "..") + "/" + (e.latest || "..");
    return "";
  }

  // ---- views: each a state of the same network -------------------------------------------
  var years = [];
  if (D.years) for (var y = D.years[0]; y <= D.years[1]; y++) years.push(y);
  var hasFigures = E.some(function (e) { return e.relation === "figure"; });
  var VIEWS = [{ id: "whole", title: "The whole evidence graph" }];
  if (D.program !== null && D.positions.stance)
    VIEWS.push({ id: "stance", title: "Stances on " + N[D.program].label });
  if (Object.keys(D.positions.actors).length)
    VIEWS.push({ id: "actors", title: "Actors: congruence and conflict" });
  if (hasFigures) VIEWS.push({ id: "figures", title: "Figures the sources report" });
  Object.keys(D.sources).forEach(function (s) {
    if (E.some(function (e) { return e.source === s; }))
      VIEWS.push({ id: "source:" + s, title: "According to " + (D.sources[s] || s), group: "Per source" });
  });
  years.forEach(function (y) { VIEWS.push({ id: "year:" + y, title: "In " + y, group: "Per year" }); });
  N.map(function (n, i) { return i; }).filter(function (i) { return ACTOR[N[i].group]; })
    .sort(function (a, b) { return cmp(N[a].label.toLowerCase(), N[b].label.toLowerCase()); })
    .forEach(function (i) { VIEWS.push({ id: "ego:" + N[i].slug, title: N[i].label, group: "One actor and its neighbours" }); });
  var VIEW_BY_ID = {};
  VIEWS.forEach(function (v) { VIEW_BY_ID[v.id] = v; });

  function edgeInView(view, k) {
    var e = E[k];
    if (view === "whole") return true;
    if (view === "stance") return e.to === D.program && (e.relation === "stance" || e.relation === "claim");
    if (view === "actors") return e.relation === "stance" && e.polarity !== 0 && (String(e.from) in D.positions.actors);
    if (view === "figures") return e.relation === "figure";
    var c = view.indexOf(":"), kind = view.slice(0, c), arg = view.slice(c + 1);
    if (kind === "source") return e.source === arg;
    if (kind === "year") return overlaps(e, arg + "-01-01", arg + "-12-31", true);
    if (kind === "ego") {
      var i = bySlug[arg]; if (i === undefined) return false;
      return egoSet(i)[e.from] && egoSet(i)[e.to];
    }
    return true;
  }
  var egoCache = {};
  function egoSet(i) {
    if (egoCache[i]) return egoCache[i];
    var s = {}; s[i] = true;
    adj[i].forEach(function (k) { s[E[k].from] = true; s[E[k].to] = true; });
    return (egoCache[i] = s);
  }

  // ---- time: a statement holds over [earliest, latest]; "" is an open side ---------------
  function overlaps(e, lo, hi, dropUndated) {
    var a = e.earliest, b = e.latest;
    if (!a && !b) {
      if (!e.date) return !dropUndated && state.undated;
      a = e.date; b = e.date;
    }
    // an open side reaches as far as it may: "on or before" overlaps every earlier range
    return (!a || a <= hi) && (!b || b >= lo);
  }

  // ---- state ------------------------------------------------------------------------------
  var ALL = {
    group: uniq(N.map(function (n) { return n.group; })),
    relation: uniq(E.map(function (e) { return e.relation; })),
    source: uniq(E.map(function (e) { return e.source; }).filter(Boolean))
  };
  function freshState() {
    return { view: VIEW_BY_ID[D.initial.view] ? D.initial.view : "whole", xg: new Set(), xr: new Set(), xs: new Set(),
             side: "all", contested: false, from: D.years ? D.years[0] : null, to: D.years ? D.years[1] : null,
             undated: true, focus: null, hops: 0, sel: null, path: null,
             colour: D.initial.color_by, size: D.initial.size_by, sort: { col: "date", dir: 1 } };
  }
  var state = freshState();

  // ---- the network ------------------------------------------------------------------------
  var measureTop = {};
  Object.keys(D.measures).forEach(function (m) { measureTop[m] = Math.max.apply(null, D.measures[m].concat([0])); });
  var importance = D.measures.degree;
  var hubOrder = N.map(function (_, i) { return i; }).sort(function (a, b) { return importance[b] - importance[a] || a - b; });
  var hubRank = new Int32Array(N.length);
  hubOrder.forEach(function (i, r) { hubRank[i] = r; });

  var ARROWS_MAX = 2000;
  function shortLabel(s) { return s.length > 40 ? s.slice(0, 39) + "\u2026" : s; }
  var startHash = readHash();  // the state a saved address asks for, before anything is drawn
  var visNodes = new vis.DataSet(N.map(function (n, i) {
    var g = groupLook(n.group), p = D.positions.whole[i], look = nodeLook(i);
    var v = { id: i, x: p[0], y: p[1], shape: g.shape, color: look.color, size: look.size };
    if (!D.lazy_labels || hubRank[i] < 60) v.label = shortLabel(n.label);
    return v;
  }));
  function edgeLook(k) {
    // arrow heads cost more to draw than the lines: above ARROWS_MAX edges, lines only
    var e = E[k], s = side(e), look = { id: k, from: e.from, to: e.to, width: 1,
      arrows: { to: { enabled: E.length <= ARROWS_MAX, type: "arrow", scaleFactor: 0.5 } } };
    var rel = D.relations[e.relation] || { color: "#BBBBBB", width: 1, dashes: false };
    look.color = { color: rel.color, highlight: "#000000", hover: "#333333" };
    look.width = rel.width;
    if (rel.dashes) look.dashes = [5, 4];
    if (e.relation === "stance") {
      look.color.color = COLOR[s];
      look.width = 2.5;
      if (s === "oppose") { look.dashes = [10, 6]; look.arrows.to.type = "bar"; }
      else if (s === "none") { look.dashes = [2, 5]; look.arrows.to.type = "circle"; }
      else look.dashes = false;
    } else if (e.relation === "claim") {
      look.dashes = [2, 4];
      look.width = 2;
      look.arrows.to.type = s === "no" ? "bar" : s === "yes" ? "arrow" : "circle";
    }
    if (e.contested.length) {
      look.width = 4.5;
      look.arrows.middle = { enabled: true, type: "circle", scaleFactor: 0.9 };
      look.label = "contested";
      look.font = { size: 11, background: "#ffffff", strokeWidth: 0, align: "top" };
    }
    return look;
  }
  var parallel = {};
  var visEdges = new vis.DataSet(E.map(function (e, k) {
    var look = edgeLook(k), pair = Math.min(e.from, e.to) + "," + Math.max(e.from, e.to);
    var n = parallel[pair] || 0; parallel[pair] = n + 1;
    if (n) look.smooth = { enabled: true, type: n % 2 ? "curvedCW" : "curvedCCW", roundness: Math.round(15 * ((n + 1) >> 1)) / 100 };
    return look;
  }));
  var big = N.length > 1000;
  var network = new vis.Network($("x-network"), { nodes: visNodes, edges: visEdges }, {
    physics: { enabled: false }, layout: { improvedLayout: false, randomSeed: 1 },
    interaction: { hover: true, tooltipDelay: 150, hideEdgesOnDrag: big, hideEdgesOnZoom: big, multiselect: false },
    edges: { smooth: false, arrows: { to: { enabled: E.length <= ARROWS_MAX, scaleFactor: 0.5 } }, selectionWidth: 2, hoverWidth: 1 },
    nodes: { borderWidth: 1, font: { size: 12, face: "Liberation Sans, Arial, sans-serif" }, scaling: { label: { drawThreshold: 6 } } }
  });
  window.network = network;
  network.once("afterDrawing", function () {
    window.scommFirstDraw = performance.now();
    if (window.scommPageReady) document.body.dataset.drawn = "true";
  });
  // While the page sets itself up (the saved view, the fit, the names), vis-network would
  // redraw the whole canvas after each step; it draws once, at the end, instead.
  network.body.emitter.emit("_blockRedraw");

  // ---- filtering --------------------------------------------------------------------------
  var nodeShown = N.map(function () { return true; });
  var edgeShown = E.map(function () { return true; });
  var rows = [];            // statement edges listed in the table, in table order
  var statementsShown = []; // visible statement edges (before the selection narrows the table)
  var pathEdges = null, pathNodes = null, paths = [];
  var ties = [];            // actor ties of the actors view

  function edgePasses(k) {
    var e = E[k], s = side(e);
    if (!edgeInView(state.view, k)) return false;
    if (state.xr.has(e.relation) || (e.source && state.xs.has(e.source))) return false;
    if (state.xg.has(N[e.from].group) || state.xg.has(N[e.to].group)) return false;
    if (state.side === "support" && s !== "support") return false;
    if (state.side === "oppose" && s !== "oppose") return false;
    if (state.contested && !e.contested.length) return false;
    if (D.years && state.from !== null && !overlaps(e, state.from + "-01-01", state.to + "-12-31", false)) return false;
    if (D.years && !state.undated && !e.earliest && !e.latest && !e.date) return false;
    return true;
  }

  function computeTies(ev) {
    // congruence: the same side on the same target; conflict: opposite sides (raw counts)
    var by = {};
    E.forEach(function (e, k) {
      if (!ev[k]) return;
      var t = by[e.to] || (by[e.to] = {});
      (t[e.from] || (t[e.from] = new Set())).add(e.polarity);
    });
    var found = {};
    Object.keys(by).forEach(function (t) {
      var actors = Object.keys(by[t]).map(Number).sort(function (a, b) { return a - b; });
      for (var a = 0; a < actors.length; a++) for (var b = a + 1; b < actors.length; b++) {
        var pa = by[t][actors[a]], pb = by[t][actors[b]];
        [1, -1].forEach(function (p) {
          [1, -1].forEach(function (q) {
            if (!pa.has(p) || !pb.has(q)) return;
            var kind = p === q ? "congruence" : "conflict", id = kind + ":" + actors[a] + ":" + actors[b];
            var tie = found[id] || (found[id] = { id: id, kind: kind, a: actors[a], b: actors[b], targets: [] });
            if (tie.targets.indexOf(+t) < 0) tie.targets.push(+t);
          });
        });
      }
    });
    return Object.keys(found).sort().map(function (id) { return found[id]; });
  }

  var tieIds = [];
  function setTies(list) {
    if (tieIds.length) visEdges.remove(tieIds);
    ties = list;
    tieIds = list.map(function (t) { return t.id; });
    if (list.length) visEdges.add(list.map(function (t) {
      var con = t.kind === "congruence";
      return { id: t.id, from: t.a, to: t.b, width: 1 + Math.min(t.targets.length, 4) * 0.6,
               color: { color: con ? "#5F8FB4" : "#B86A3A", highlight: "#000000", opacity: 0.55 },
               dashes: con ? false : [8, 5], arrows: { to: { enabled: false } } };
    }));
  }

  function applyFilters(noFit) {
    var ev = E.map(function (_, k) { return edgePasses(k); });
    if (state.path && pathEdges) ev = E.map(function (_, k) { return pathEdges.has(k); });
    var actorsView = state.view === "actors";
    var nv = N.map(function () { return false; });
    if (state.focus !== null && state.hops > 0 && !state.path) {
      var reach = {}; reach[state.focus] = true;
      var frontier = [state.focus];
      for (var h = 0; h < state.hops; h++) {
        var next = [];
        frontier.forEach(function (i) {
          adj[i].forEach(function (k) {
            if (!ev[k]) return;
            var j = E[k].from === i ? E[k].to : E[k].from;
            if (!reach[j]) { reach[j] = true; next.push(j); }
          });
        });
        frontier = next;
      }
      ev = ev.map(function (v, k) { return v && reach[E[k].from] && reach[E[k].to]; });
      nv[state.focus] = !state.xg.has(N[state.focus].group);
    }
    ev.forEach(function (v, k) { if (v) { nv[E[k].from] = true; nv[E[k].to] = true; } });
    if (actorsView) {
      nv = N.map(function (_, i) { return nv[i] && (String(i) in D.positions.actors); });
      setTies(computeTies(ev));
    } else if (tieIds.length) setTies([]);
    statementsShown = [];
    ev.forEach(function (v, k) { if (v) statementsShown.push(k); });
    var nUpd = [], eUpd = [];
    nv.forEach(function (v, i) { if (v !== nodeShown[i]) { nodeShown[i] = v; nUpd.push({ id: i, hidden: !v }); } });
    ev.forEach(function (v, k) {
      var drawn = v && !actorsView;
      if (drawn !== edgeShown[k]) { edgeShown[k] = drawn; eUpd.push({ id: k, hidden: !drawn }); }
    });
    if (nUpd.length) visNodes.update(nUpd);
    if (eUpd.length) visEdges.update(eUpd);
    var cn = nv.filter(Boolean).length;
    $("x-count").textContent = cn + " of " + N.length + " nodes, " + statementsShown.length + " of " + E.length + " statements";
    document.body.dataset.visibleNodes = String(cn);
    document.body.dataset.visibleEdges = String(statementsShown.length);
    if (!noFit) fit();
    renderTable();
    renderPanel();
    writeHash();
  }

  function visibleIds() { var ids = []; nodeShown.forEach(function (v, i) { if (v) ids.push(i); }); return ids; }
  function fit() {
    var ids = visibleIds();
    network.fit({ nodes: ids.length ? ids : undefined, animation: false });
    if (ids.length === 1) network.moveTo({ scale: 1.2, animation: false });
    labelHubs();
  }

  // names: the hubs' labels are always drawn at a readable size; the rest once zoomed in
  var HUBS = 15, lastHubs = [];
  function labelHubs() {
    var s = network.getScale(), ids = visibleIds().sort(function (a, b) { return hubRank[a] - hubRank[b]; });
    var hubs = ids.length <= 20 ? ids : placeable(ids.slice(0, 4 * HUBS), HUBS);
    var size = Math.max(12, 14 / s), upd = [];
    var hubSet = {};
    hubs.forEach(function (i) { hubSet[i] = true; upd.push({ id: i, label: shortLabel(N[i].label), font: { size: size } }); });
    lastHubs.forEach(function (i) { if (!hubSet[i]) upd.push({ id: i, font: { size: 12 } }); });
    lastHubs = hubs;
    if (upd.length) visNodes.update(upd);
    document.body.dataset.hubFont = String(Math.round(size * s * 10) / 10);
  }
  // the most connected first, each name kept only where it does not cover one already kept
  function placeable(candidates, max) {
    var pos = network.getPositions(candidates), boxes = [], kept = [];
    for (var c = 0; c < candidates.length && kept.length < max; c++) {
      var i = candidates[c], d = network.canvasToDOM(pos[i]);
      var w = Math.min(shortLabel(N[i].label).length, 40) * 7.5 + 6;
      var b = { l: d.x - w / 2, r: d.x + w / 2, t: d.y, u: d.y + 34 };
      var hit = boxes.some(function (o) { return b.l < o.r && b.r > o.l && b.t < o.u && b.u > o.t; });
      if (!hit) { boxes.push(b); kept.push(i); }
    }
    return kept;
  }
  var zoomTimer = null;
  network.on("zoom", function () {
    clearTimeout(zoomTimer);
    zoomTimer = setTimeout(function () { labelHubs(); labelInView(); }, 80);
  });
  var labelled = new Uint8Array(N.length);
  function labelInView() {
    if (!D.lazy_labels || network.getScale() < 0.45) return;
    var r = $("x-network").getBoundingClientRect();
    var tl = network.DOMtoCanvas({ x: 0, y: 0 }), br = network.DOMtoCanvas({ x: r.width, y: r.height });
    var ids = visibleIds().filter(function (i) { return !labelled[i]; });
    var pos = network.getPositions(ids), upd = [];
    for (var j = 0; j < ids.length && upd.length < 500; j++) {
      var p = pos[ids[j]];
      if (p.x >= tl.x && p.x <= br.x && p.y >= tl.y && p.y <= br.y) {
        labelled[ids[j]] = 1; upd.push({ id: ids[j], label: shortLabel(N[ids[j]].label) });
      }
    }
    if (upd.length) visNodes.update(upd);
  }

  // ---- views ------------------------------------------------------------------------------
  var currentLayout = "whole";
  function placeFor(view) {
    var layoutName = view === "stance" || view === "actors" ? view : "whole";
    if (layoutName === currentLayout) return;
    var P = D.positions[layoutName], upd = [];
    N.forEach(function (_, i) {
      var p = layoutName === "whole" ? P[i] : P[String(i)];
      if (p) upd.push({ id: i, x: p[0], y: p[1] });
    });
    visNodes.update(upd);
    currentLayout = layoutName;
  }
  function setView(view) {
    if (!VIEW_BY_ID[view]) view = "whole";
    state.view = view;
    $("x-view").value = view;
    placeFor(view);
  }

  // ---- look: size and colour ---------------------------------------------------------------
  function communityColor(c) {
    return c > 0 ? D.community_colors[(c - 1) % D.community_colors.length] : D.unaligned_color;
  }
  function nodeLook(i) {
    var n = N[i], vals = D.measures[state.size], top = measureTop[state.size] || 0, S = D.size;
    var size = vals && top > 0 ? S.min + (S.max - S.min) * Math.sqrt(Math.max(vals[i], 0) / top) : S["default"];
    var color = state.colour === "community" ? communityColor(n.community || 0) : groupLook(n.group).color;
    return { id: i, size: Math.round(size * 100) / 100, color: color };
  }
  function applyLook() {
    visNodes.update(N.map(function (_, i) { return nodeLook(i); }));
    renderLegend();
  }

  // ---- legend -----------------------------------------------------------------------------
  function shapeIcon(shape, color) {
    var s = svg("svg", { width: 16, height: 16, viewBox: "0 0 16 16", "aria-hidden": "true" });
    var attrs = { fill: color, stroke: "#333", "stroke-width": "0.8" };
    var shapes = { dot: ["circle", { cx: 8, cy: 8, r: 6 }], square: ["rect", { x: 2, y: 2, width: 12, height: 12 }],
      triangle: ["polygon", { points: "8,1 15,14 1,14" }], triangleDown: ["polygon", { points: "1,2 15,2 8,15" }],
      diamond: ["polygon", { points: "8,1 15,8 8,15 1,8" }], hexagon: ["polygon", { points: "4,2 12,2 15,8 12,14 4,14 1,8" }],
      star: ["polygon", { points: "8,1 10,6 15,6 11,9 13,15 8,11 3,15 5,9 1,6 6,6" }] };
    var sh = shapes[shape] || shapes.dot;
    var x = svg(sh[0], sh[1]);
    Object.keys(attrs).forEach(function (a) { x.setAttribute(a, attrs[a]); });
    s.appendChild(x);
    return s;
  }
  function lineIcon(color, dash, marker, width) {
    var s = svg("svg", { width: 34, height: 12, "aria-hidden": "true" });
    var l = svg("line", { x1: 1, y1: 6, x2: 28, y2: 6, stroke: color, "stroke-width": width || 2.5 });
    if (dash) l.setAttribute("stroke-dasharray", dash);
    s.appendChild(l);
    if (marker === "arrow") s.appendChild(svg("polygon", { points: "26,2 33,6 26,10", fill: color }));
    if (marker === "bar") s.appendChild(svg("line", { x1: 31, y1: 1, x2: 31, y2: 11, stroke: color, "stroke-width": 3 }));
    if (marker === "circle") s.appendChild(svg("circle", { cx: 30, cy: 6, r: 3, fill: color }));
    if (marker === "middle") s.appendChild(svg("circle", { cx: 15, cy: 6, r: 4, fill: color }));
    return s;
  }
  function legendBlock(title, items) {
    var b = el("div", null, "legend-block"); b.appendChild(el("h3", title));
    var ul = el("ul");
    items.forEach(function (it) { var li = el("li"); li.appendChild(it[0]); li.appendChild(el("span", it[1])); ul.appendChild(li); });
    b.appendChild(ul); return b;
  }
  function renderLegend() {
    var box = $("x-legend"); box.replaceChildren();
    var present = {}; N.forEach(function (n, i) { if (nodeShown[i]) present[n.group] = true; });
    if (state.colour === "community") {
      var counts = {};
      N.forEach(function (n, i) { if (nodeShown[i]) counts[n.community || 0] = (counts[n.community || 0] || 0) + 1; });
      box.appendChild(legendBlock("Coalitions (colour)", Object.keys(counts).map(Number).sort(function (a, b) { return (a === 0) - (b === 0) || a - b; })
        .map(function (c) {
          return [shapeIcon("dot", communityColor(c)), (c > 0 ? "Coalition " + c : "No coalition") + " (" + counts[c] + ")"];
        })));
      box.appendChild(legendBlock("Node types (shape)", Object.keys(present).sort().map(function (g) {
        return [shapeIcon(groupLook(g).shape, "#ffffff"), groupLook(g).label];
      })));
    } else {
      box.appendChild(legendBlock("Nodes", Object.keys(D.groups).concat(Object.keys(present).filter(function (g) { return !D.groups[g]; }))
        .filter(function (g) { return present[g]; })
        .map(function (g) { return [shapeIcon(groupLook(g).shape, groupLook(g).color), groupLook(g).label]; })));
    }
    box.appendChild(legendBlock("Stances and claims", [
      [lineIcon(COLOR.support, null, "arrow"), "supports (solid, arrow)"],
      [lineIcon(COLOR.oppose, "7 4", "bar"), "opposes (dashed, bar end)"],
      [lineIcon(COLOR.none, "2 4", "circle"), "stance without a side (dotted)"],
      [lineIcon((D.relations.claim || {}).color || "#7570B3", "2 3", "arrow", 2), "claim: yes (arrow) / no (bar) / unclear (dot)"],
      [lineIcon("#222222", null, "middle", 4.5), "contested: another statement contradicts it"]
    ]));
    if (state.view === "actors") {
      box.appendChild(legendBlock("Actor ties", [
        [lineIcon("#5F8FB4", null, null, 2), "congruence: the same side on a target"],
        [lineIcon("#B86A3A", "7 4", null, 2), "conflict: opposite sides on a target"]
      ]));
    }
    var others = Object.keys(D.relations).filter(function (r) { return r !== "stance" && r !== "claim" && ALL.relation.indexOf(r) >= 0; });
    if (others.length) box.appendChild(legendBlock("Other statements", others.map(function (r) {
      var x = D.relations[r]; return [lineIcon(x.color, x.dashes ? "5 4" : null, "arrow", 1.5), x.label];
    })));
  }

  // ---- the table of statements shown --------------------------------------------------------
  var COLS = [
    ["actor", "Actor", function (e) { return N[e.from].label; }],
    ["what", "Position or answer", function (e) { return what(e); }],
    ["target", "Target", function (e) { return N[e.to].label; }],
    ["date", "Time", function (e) { return when(e); }],
    ["source", "Source", function (e) { return e.source; }],
    ["quote", "Quote", function (e) { return e.quotes.join(" [...] ") || e.quote; }],
    ["statement", "Statement", function (e) { return e.statement_id; }]
  ];
  function sortKey(k, col) {
    var e = E[k];
    if (col === "date") return (e.earliest || e.date || (e.latest ? "0000" : "9999")) + (e.latest || "");
    for (var c = 0; c < COLS.length; c++) if (COLS[c][0] === col) return COLS[c][2](e).toLowerCase();
    return "";
  }
  (function () {
    var tr = el("tr");
    COLS.forEach(function (c) {
      var th = el("th"); th.dataset.col = c[0]; th.setAttribute("aria-sort", "none");
      th.appendChild(button(c[1], "", function () {
        state.sort = { col: c[0], dir: state.sort.col === c[0] ? -state.sort.dir : 1 };
        renderTable();
      }));
      tr.appendChild(th);
    });
    document.querySelector("#x-table thead").appendChild(tr);
  })();
  function renderTable() {
    var list = statementsShown;
    if (state.sel && state.sel.t === "n") {
      var i = state.sel.i;
      list = list.filter(function (k) { return E[k].from === i || E[k].to === i; });
    } else if (state.sel && state.sel.t === "tie") {
      var tie = ties.filter(function (t) { return t.id === state.sel.id; })[0];
      if (tie) list = list.filter(function (k) { return (E[k].from === tie.a || E[k].from === tie.b) && tie.targets.indexOf(E[k].to) >= 0; });
    }
    var col = state.sort.col, dir = state.sort.dir;
    rows = list.slice().sort(function (a, b) { return dir * cmp(sortKey(a, col), sortKey(b, col)) || a - b; });
    document.querySelectorAll("#x-table th").forEach(function (th) {
      th.setAttribute("aria-sort", th.dataset.col === col ? (dir > 0 ? "ascending" : "descending") : "none");
    });
    var body = document.querySelector("#x-table tbody"), frag = document.createDocumentFragment();
    var limit = Math.min(rows.length, 2000);
    for (var r = 0; r < limit; r++) {
      var k = rows[r], e = E[k], tr = el("tr");
      tr.dataset.k = String(k);
      if (state.sel && state.sel.t === "e" && state.sel.k === k) tr.className = "selected";
      COLS.forEach(function (c) {
        var td = el("td", null, c[0] === "quote" ? "q" : "");
        if (c[0] === "what") {
          td.appendChild(button(c[2](e), "linklike", selectEdgeFn(k)));
          if (e.contested.length) td.appendChild(el("span", "contested", "badge contested"));
        } else if (c[0] === "quote" && e.spans.length) {
          td.appendChild(button(c[2](e), "linklike", openReaderFn(k, 0)));
        } else td.textContent = c[2](e);
        tr.appendChild(td);
      });
      frag.appendChild(tr);
    }
    body.replaceChildren(frag);
    $("x-table-title").textContent = rows.length + " statement" + (rows.length === 1 ? "" : "s") + " shown" +
      (limit < rows.length ? " (first " + limit + " listed; the CSV has all)" : "") +
      (state.sel && state.sel.t === "n" ? ", of " + N[state.sel.i].label : "");
    document.body.dataset.tableRows = String(rows.length);
  }
  function csvText() {
    var q = function (v) { v = String(v); return /[",\r\n]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v; };
    var head = ["actor", "relation", "position_or_answer", "target", "date", "earliest", "latest", "source", "quote", "statement"];
    var lines = [head.join(",")];
    rows.forEach(function (k) {
      var e = E[k];
      lines.push([N[e.from].label, e.relation, what(e), N[e.to].label, e.date, e.earliest, e.latest, e.source,
                  e.quotes.join(" [...] ") || e.quote, e.statement_id].map(q).join(","));
    });
    return lines.join("\r\n") + "\r\n";
  }
  function download(name, blob) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob); a.download = name;
    document.body.appendChild(a); a.click(); a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
  }
  $("x-csv").addEventListener("click", function () {
    download("scomm-statements.csv", new Blob([csvText()], { type: "text/csv;charset=utf-8" }));
  });

  // ---- the side panel -----------------------------------------------------------------------
  var body = $("x-panel-body");
  function dl(pairs) {
    var d = el("dl");
    pairs.forEach(function (p) {
      if (p[1] === undefined || p[1] === null || p[1] === "" || (Array.isArray(p[1]) && !p[1].length)) return;
      d.appendChild(el("dt", p[0]));
      if (Array.isArray(p[1])) p[1].forEach(function (v) { d.appendChild(el("dd", v)); });
      else if (p[1] instanceof Node) { var dd = el("dd"); dd.appendChild(p[1]); d.appendChild(dd); }
      else d.appendChild(el("dd", p[1]));
    });
    return d;
  }
  function nodeLink(i) { return button(N[i].label, "linklike", function () { selectNode(i, true); }); }
  function selectEdgeFn(k) { return function () { selectEdge(k); }; }
  function openReaderFn(k, j) { return function () { openReader(k, j); }; }
  function quoteButtons(k, box) {
    var e = E[k];
    (e.quotes.length ? e.quotes : [e.quote]).forEach(function (q, j) {
      var bq = el("blockquote");
      if (e.spans[j]) {
        var b = button(q, "quote linklike", openReaderFn(k, j));
        b.title = "Read it in its document"; b.setAttribute("aria-label", "Read in context: " + q);
        bq.appendChild(b);
      } else bq.textContent = q;
      box.appendChild(bq);
    });
  }
  function statementItem(k) {
    var e = E[k], li = el("li");
    li.appendChild(button(edgeSummary(k), "linklike", selectEdgeFn(k)));
    if (e.contested.length) li.appendChild(el("span", " contested", "badge contested"));
    li.appendChild(el("div", [when(e), sourceText(e.source)].filter(Boolean).join(" \u00b7 ")));
    quoteButtons(k, li);
    return li;
  }
  function renderPanel() {
    body.replaceChildren();
    var sel = state.sel;
    var pb = $("x-panel"); pb.dataset.kind = sel ? sel.t : ""; pb.dataset.id = "";
    if (state.path) { showPaths(); return; }
    if (!sel) {
      body.appendChild(el("p", "Click a node or an edge to see what the sources say; the table below lists the " +
        "statements shown, and follows every filter.", "hint"));
      return;
    }
    if (sel.t === "n") showNode(sel.i);
    else if (sel.t === "e") showEdge(sel.k);
    else if (sel.t === "tie") showTie(sel.id);
  }
  function showNode(i) {
    var n = N[i];
    $("x-panel").dataset.id = String(i);
    body.appendChild(el("h2", n.label));
    body.appendChild(dl([["Type", n.type + " (" + groupLook(n.group).label + ")"], ["Also called", n.aliases], ["Posts", n.posts],
                         ["Date", n.date], ["Coalition", n.community ? "Coalition " + n.community : ""], ["Identifier", n.iri]]));
    var mine = statementsShown.filter(function (k) { return E[k].from === i || E[k].to === i; })
      .sort(function (a, b) { return cmp(sortKey(a, "date"), sortKey(b, "date")) || a - b; });
    body.appendChild(el("h3", "Timeline"));
    body.appendChild(timeline(i, mine));
    body.appendChild(el("h3", "Statements shown (" + mine.length + " of " + adj[i].length + ")"));
    if (mine.length < adj[i].length) body.appendChild(el("p", "The filters hide the others.", "hint"));
    var ul = el("ul");
    mine.forEach(function (k) { ul.appendChild(statementItem(k)); });
    body.appendChild(ul);
  }
  function sideBox(k, label) {
    var e = E[k], s = side(e);
    var box = el("div", null, "side " + (s === "support" || s === "yes" ? "support" : s === "oppose" || s === "no" ? "oppose" : ""));
    box.dataset.k = String(k);
    box.appendChild(el("strong", label + ": "));
    box.appendChild(button(N[e.from].label + " \u2014 " + what(e), "linklike", selectEdgeFn(k)));
    quoteButtons(k, box);
    box.appendChild(el("div", [when(e), sourceText(e.source)].filter(Boolean).join(" \u00b7 ")));
    return box;
  }
  function showEdge(k) {
    var e = E[k];
    $("x-panel").dataset.id = String(k);
    body.appendChild(el("h2", what(e)));
    var who = el("span");
    who.appendChild(nodeLink(e.from)); who.appendChild(document.createTextNode(" \u2192 ")); who.appendChild(nodeLink(e.to));
    body.appendChild(dl([["Relation", e.relation_label + (e.question ? ": " + e.question : "")], ["Between", who], ["Time", when(e)]]));
    body.appendChild(el("h3", "Quote"));
    quoteButtons(k, body);
    body.appendChild(dl([["Source document", sourceText(e.source)], ["Statement", e.statement_id],
                         ["Other sources that say the same", e.also_in.map(sourceText)]]));
    if (e.contested.length) {
      var sec = el("section"); sec.id = "x-contest";
      sec.appendChild(el("h3", "Contested: the sources disagree"));
      sec.appendChild(sideBox(k, "This statement"));
      e.contested.forEach(function (j) { sec.appendChild(sideBox(j, "Contradicted by")); });
      if (D.report) {
        var a = el("a", "All disagreements, in the analyses report"); a.href = D.report; sec.appendChild(a);
      }
      body.appendChild(sec);
    }
  }
  function showTie(id) {
    var t = ties.filter(function (x) { return x.id === id; })[0];
    if (!t) return;
    body.appendChild(el("h2", (t.kind === "congruence" ? "Same side: " : "Opposite sides: ") + N[t.a].label + " and " + N[t.b].label));
    body.appendChild(el("p", "On " + t.targets.map(function (x) { return N[x].label; }).join(", ") +
      ". The statements behind it are in the table.", "hint"));
  }

  // ---- timeline: each statement over its interval, at its precision ----------------------------
  function dayNumber(s) { var p = s.split("-"); return Date.UTC(+p[0], (+p[1] || 1) - 1, +p[2] || 1) / 864e5; }
  function timeline(i, ks) {
    var box = el("div", null, "timeline");
    // in order of the latest date each may hold (an "on or before" falls at its bound), then the earliest
    var items = ks.filter(function (k) { var e = E[k]; return e.earliest || e.latest; }).sort(function (a, b) {
      var x = E[a], y = E[b];
      return cmp(x.latest || "9999", y.latest || "9999") || cmp(x.earliest || "0000", y.earliest || "0000") || a - b;
    });
    if (!items.length) { box.appendChild(el("p", "No dated statement shown.", "hint")); return box; }
    var lo = Infinity, hi = -Infinity;
    items.forEach(function (k) {
      var e = E[k];
      if (e.earliest) { lo = Math.min(lo, dayNumber(e.earliest)); hi = Math.max(hi, dayNumber(e.earliest) + 1); }
      if (e.latest) { hi = Math.max(hi, dayNumber(e.latest) + 1); lo = Math.min(lo, dayNumber(e.latest)); }
    });
    var y0 = new Date(lo * 864e5).getUTCFullYear(), y1 = new Date((hi - 1) * 864e5).getUTCFullYear() + 1;
    lo = Date.UTC(y0, 0, 1) / 864e5; hi = Date.UTC(y1, 0, 1) / 864e5;
    var W = 320, L = 4, R = W - 4, rowH = 16, top = 14;
    var X = function (d) { return L + (R - L) * (d - lo) / (hi - lo); };
    var s = svg("svg", { width: W, height: top + items.length * rowH + 4, role: "img",
                         "aria-label": "Timeline of " + N[i].label + "'s statements" });
    for (var yy = y0; yy <= y1; yy++) {
      var x = X(Date.UTC(yy, 0, 1) / 864e5);
      s.appendChild(svg("line", { x1: x, y1: 10, x2: x, y2: top + items.length * rowH, stroke: "#ddd" }));
      if (yy < y1) s.appendChild(svg("text", { x: x + 2, y: 9, fill: "#555" }, yy));
    }
    var last = {};
    items.forEach(function (k, r) {
      var e = E[k], sd = side(e);
      var a = e.earliest ? X(dayNumber(e.earliest)) : L, b = e.latest ? X(dayNumber(e.latest) + 1) : R;
      var yv = top + r * rowH + 4;
      var color = e.relation === "stance" ? COLOR[sd] : (D.relations[e.relation] || {}).color || "#777";
      var g = svg("g", { "data-k": k, "data-start": e.earliest ? "closed" : "open", "data-end": e.latest ? "closed" : "open" });
      g.setAttribute("class", "tl-row");
      var bar = svg("rect", { x: a, y: yv, width: Math.max(b - a, 3), height: 8, fill: color, "fill-opacity": 0.8 });
      if (sd === "oppose" || sd === "no") { bar.setAttribute("fill-opacity", 0.35); bar.setAttribute("stroke", color); bar.setAttribute("stroke-dasharray", "3 2"); }
      g.appendChild(bar);
      if (!e.earliest) g.appendChild(svg("polygon", { points: L + "," + (yv + 4) + " " + (L + 6) + "," + yv + " " + (L + 6) + "," + (yv + 8), fill: "#333" }));
      if (!e.latest) g.appendChild(svg("polygon", { points: R + "," + (yv + 4) + " " + (R - 6) + "," + yv + " " + (R - 6) + "," + (yv + 8), fill: "#333" }));
      // a change of position: the same actor on the same target (and question) now says otherwise
      var other = e.from === i ? e.to : e.from, key = other + "|" + e.relation + "|" + e.question;
      var val = e.relation === "stance" ? String(e.polarity) : e.detail;
      var changed = (e.relation === "stance" || e.relation === "claim") && key in last && last[key] !== val;
      last[key] = val;
      var label = (changed ? "\u2691 change: " : "") + what(e) + (e.from === i ? " \u2192 " + N[e.to].label : " \u2190 " + N[e.from].label);
      var t = svg("text", { x: Math.min(a, R - 150) + 2, y: yv - 1, fill: changed ? "#000" : "#333" }, label);
      if (changed) { t.setAttribute("font-weight", "bold"); g.setAttribute("data-change", "true"); }
      g.appendChild(svg("title", {}, when(e) + " \u00b7 " + e.source + ": " + e.quote));
      g.appendChild(t);
      g.style.cursor = "pointer";
      g.addEventListener("click", selectEdgeFn(k));
      s.appendChild(g);
    });
    box.appendChild(s);
    box.appendChild(el("p", "Each bar spans what the text supports (a month as a month); a \u25b8 or \u25c2 end is open " +
      "(on or before, on or after). \u2691 marks a change of position.", "hint"));
    return box;
  }

  // ---- selection ------------------------------------------------------------------------------
  function setSel(sel) {
    state.sel = sel;
    var isNode = sel && sel.t === "n";
    $("x-focus1").disabled = !isNode; $("x-focus2").disabled = !isNode;
  }
  function selectNode(i, move) {
    state.path = null; pathEdges = null;
    setSel({ t: "n", i: i });
    if (!nodeShown[i]) { applyFilters(); }
    network.selectNodes([i]);
    if (move) { network.focus(i, { scale: Math.max(network.getScale(), 1.0), animation: false }); labelHubs(); labelInView(); }
    renderTable(); renderPanel(); writeHash();
  }
  function selectEdge(k) {
    setSel({ t: "e", k: k });
    if (edgeShown[k]) network.selectEdges([k]);
    renderTable(); renderPanel(); writeHash();
  }
  network.on("click", function (p) {
    if (p.nodes.length) selectNode(p.nodes[0], false);
    else if (p.edges.length) {
      var id = p.edges[0];
      if (typeof id === "string") { setSel({ t: "tie", id: id }); renderTable(); renderPanel(); writeHash(); }
      else selectEdge(id);
    } else if (state.sel) { setSel(null); renderTable(); renderPanel(); writeHash(); }
  });

  var tip = $("x-tooltip");
  function showTip(text, p) {
    var r = $("x-network").getBoundingClientRect(), at = p.pointer && p.pointer.DOM ? p.pointer.DOM : { x: 0, y: 0 };
    tip.textContent = text;
    tip.style.left = (r.left + at.x + 14) + "px"; tip.style.top = (r.top + at.y + 14) + "px";
    tip.style.display = "block";
  }
  function hideTip() { tip.style.display = "none"; }
  network.on("hoverNode", function (p) { var n = N[p.node]; showTip(n.label + " (" + n.type + ")", p); });
  network.on("hoverEdge", function (p) {
    if (typeof p.edge === "string") return;
    var e = E[p.edge]; showTip(edgeSummary(p.edge) + (when(e) ? " (" + when(e) + ")" : "") + (e.contested.length ? " \u2014 contested" : ""), p);
  });
  network.on("blurNode", hideTip); network.on("blurEdge", hideTip); network.on("dragStart", hideTip);

  // ---- the reader: a quote in its document ------------------------------------------------------
  var docSpans = {};
  E.forEach(function (e, k) {
    if (!D.documents[e.source]) return;
    e.spans.forEach(function (sp) { (docSpans[e.source] || (docSpans[e.source] = [])).push([sp[0], sp[1], k]); });
  });
  var readerReturn = null;
  function anchored(source, a, b) {
    var found = [];
    (docSpans[source] || []).forEach(function (sp) { if (sp[0] < b && sp[1] > a && found.indexOf(sp[2]) < 0) found.push(sp[2]); });
    return found.sort(function (x, y) { return x - y; });
  }
  function openReader(k, j) {
    var e = E[k], sp = e.spans[j || 0], doc = D.documents[e.source];
    if (!doc || !sp) return;
    showPassage(e.source, sp[0], sp[1]);
    readerReturn = document.activeElement;
    $("x-reader").hidden = false;
    $("x-reader-close").focus();
    var mark = $("x-reader-text").querySelector("mark");
    if (mark) mark.scrollIntoView({ block: "center" });
  }
  function showPassage(source, a, b) {
    var doc = D.documents[source], text = doc.text;
    var r = $("x-reader"); r.dataset.source = source; r.dataset.start = String(a); r.dataset.end = String(b);
    $("x-reader-title").textContent = doc.title;
    $("x-reader-meta").textContent = [doc.publisher ? "Published by " + doc.publisher : "", doc.date ? "Dated " + doc.date : "",
      doc.perspective ? "Perspective: " + doc.perspective : "", "Source " + source].filter(Boolean).join(" \u00b7 ");
    var cuts = new Set([0, text.length, a, b]);
    (docSpans[source] || []).forEach(function (sp) { cuts.add(sp[0]); cuts.add(sp[1]); });
    var points = Array.from(cuts).sort(function (x, y) { return x - y; });
    var frag = document.createDocumentFragment();
    for (var p = 0; p + 1 < points.length; p++) {
      var s0 = points[p], s1 = points[p + 1], piece = text.slice(s0, s1);
      var inCurrent = s0 >= a && s1 <= b && a < b;
      var here = anchored(source, s0, s1);
      var node;
      if (inCurrent) node = el("mark", piece);
      else if (here.length) node = el("span", piece, "ev");
      else { frag.appendChild(document.createTextNode(piece)); continue; }
      if (here.length) {
        node.dataset.start = String(s0); node.dataset.end = String(s1);
        node.title = here.length + " statement" + (here.length === 1 ? "" : "s") + " anchored here";
        node.addEventListener("click", passageClick(source, here));
      }
      frag.appendChild(node);
    }
    $("x-reader-text").replaceChildren(frag);
    var side = $("x-reader-side"); side.replaceChildren();
    side.appendChild(el("h3", "Statements anchored in this passage"));
    var ul = el("ul");
    anchored(source, a, b).forEach(function (k) {
      var li = el("li");
      li.appendChild(button(edgeSummary(k), "linklike", function () { closeReader(); selectEdge(k); }));
      li.appendChild(el("div", when(E[k])));
      ul.appendChild(li);
    });
    side.appendChild(ul);
  }
  function passageClick(source, ks) {
    return function () {
      // the passage of the first statement anchored where the reader clicked
      var lo = Infinity, hi = -Infinity;
      (docSpans[source] || []).forEach(function (sp) { if (sp[2] === ks[0]) { lo = Math.min(lo, sp[0]); hi = Math.max(hi, sp[1]); } });
      var hit = (docSpans[source] || []).filter(function (sp) { return sp[2] === ks[0]; })[0];
      if (hit) showPassage(source, hit[0], hit[1]);
      var mark = $("x-reader-text").querySelector("mark"); if (mark) mark.scrollIntoView({ block: "center" });
    };
  }
  function closeReader() {
    $("x-reader").hidden = true;
    if (readerReturn && readerReturn.focus) readerReturn.focus();
  }
  $("x-reader-close").addEventListener("click", closeReader);
  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape" && !$("x-reader").hidden) closeReader(); });

  // ---- path tracing (the rule of `scomm path`: directions ignored, source documents never a hop) --
  function findNode(q) {
    q = (q || "").trim().toLowerCase();
    if (!q) return -1;
    var tests = [function (n) { return n.label.toLowerCase() === q || n.slug.toLowerCase() === q; },
      function (n) { return n.aliases.some(function (a) { return a.toLowerCase() === q; }); },
      function (n) { return n.label.toLowerCase().indexOf(q) >= 0; },
      function (n) { return n.aliases.some(function (a) { return a.toLowerCase().indexOf(q) >= 0; }); }];
    for (var t = 0; t < tests.length; t++) { var i = N.findIndex(tests[t]); if (i >= 0) return i; }
    return -1;
  }
  function shortestPaths(a, b, cap) {
    var nb = N.map(function () { return new Set(); });
    E.forEach(function (e) {
      if (e.from === e.to) return;
      var okF = N[e.from].group !== "source" || e.from === a || e.from === b;
      var okT = N[e.to].group !== "source" || e.to === a || e.to === b;
      if (okF && okT) { nb[e.from].add(e.to); nb[e.to].add(e.from); }
    });
    function bfs(s) {
      var d = new Int32Array(N.length).fill(-1), q = [s]; d[s] = 0;
      for (var h = 0; h < q.length; h++) nb[q[h]].forEach(function (v) { if (d[v] < 0) { d[v] = d[q[h]] + 1; q.push(v); } });
      return d;
    }
    var da = bfs(a), db = bfs(b), L = da[b];
    if (L < 0) return [];
    var out = [];
    (function walk(path) {
      if (out.length >= cap) return;
      var u = path[path.length - 1];
      if (u === b) { out.push(path.slice()); return; }
      Array.from(nb[u]).filter(function (v) { return da[v] === da[u] + 1 && da[v] + db[v] === L; })
        .sort(function (x, y) { return cmp(N[x].label, N[y].label) || x - y; })
        .forEach(function (v) { path.push(v); walk(path); path.pop(); });
    })([a]);
    return out;
  }
  function hopEdges(x, y) {
    return adj[x].filter(function (k) { var e = E[k]; return (e.from === x && e.to === y) || (e.from === y && e.to === x); })
      .sort(function (p, q) { return cmp(E[p].earliest || "9999", E[q].earliest || "9999") || cmp(E[p].key, E[q].key); });
  }
  function trace(a, b) {
    paths = shortestPaths(a, b, 12);
    pathEdges = new Set(); pathNodes = new Set([a, b]);
    paths.forEach(function (p) {
      p.forEach(function (n) { pathNodes.add(n); });
      for (var h = 0; h + 1 < p.length; h++) hopEdges(p[h], p[h + 1]).forEach(function (k) { pathEdges.add(k); });
    });
    state.path = [a, b]; setSel(null);
    applyFilters();
    network.selectNodes([a, b]);
  }
  function showPaths() {
    var a = state.path[0], b = state.path[1];
    $("x-panel").dataset.kind = "path";
    body.appendChild(el("h2", "From " + N[a].label + " to " + N[b].label));
    if (!paths.length) { body.appendChild(el("p", "No connection found.")); return; }
    body.appendChild(el("p", paths.length + " shortest path" + (paths.length === 1 ? "" : "s") + " of " + (paths[0].length - 1) +
      " hop" + (paths[0].length === 2 ? "" : "s") + " (directions ignored; a source document is never a hop)" +
      (paths.length >= 12 ? "; the first 12 are listed" : "") + ".", "hint"));
    paths.forEach(function (p, n) {
      var sec = el("section"); sec.className = "path"; sec.dataset.nodes = p.map(function (i) { return N[i].slug; }).join(" ");
      sec.appendChild(el("h3", "Path " + (n + 1) + ": " + p.map(function (i) { return N[i].label; }).join(" \u2014 ")));
      var ol = el("ol");
      for (var h = 0; h + 1 < p.length; h++) {
        var li = el("li"); li.className = "hop";
        li.appendChild(el("strong", N[p[h]].label + " \u2014 " + N[p[h + 1]].label));
        var ul = el("ul");
        hopEdges(p[h], p[h + 1]).forEach(function (k) { ul.appendChild(statementItem(k)); });
        li.appendChild(ul); ol.appendChild(li);
      }
      sec.appendChild(ol); body.appendChild(sec);
    });
    body.appendChild(button("Clear the path", "", function () { state.path = null; pathEdges = null; applyFilters(); }));
  }
  $("x-path-go").addEventListener("click", function () {
    var a = findNode($("x-path-a").value), b = findNode($("x-path-b").value);
    if (a < 0 || b < 0 || a === b) {
      body.replaceChildren(el("p", a < 0 || b < 0 ? "Give two names found in the graph." : "Give two different actors."));
      return;
    }
    trace(a, b);
  });

  // ---- controls -------------------------------------------------------------------------------
  (function () {
    var sel = $("x-view"), groups = {};
    VIEWS.forEach(function (v) {
      var o = el("option", v.title); o.value = v.id;
      if (v.group) { (groups[v.group] || (groups[v.group] = sel.appendChild(Object.assign(el("optgroup"), { label: v.group })))).appendChild(o); }
      else sel.appendChild(o);
    });
    sel.addEventListener("change", function () {
      setView(sel.value); state.focus = null; state.hops = 0; state.path = null; pathEdges = null;
      applyFilters(); renderLegend();
    });
  })();
  function checkboxes(id, key, values, labelOf) {
    var box = $(id);
    values.forEach(function (v) {
      var label = el("label"), input = document.createElement("input");
      input.type = "checkbox"; input.checked = true; input.value = v; input.dataset.filter = key;
      input.addEventListener("change", function () {
        if (input.checked) state[key].delete(v); else state[key].add(v);
        applyFilters();
      });
      label.appendChild(input); label.appendChild(document.createTextNode(" " + labelOf(v))); label.title = labelOf(v);
      box.appendChild(label);
    });
  }
  checkboxes("x-f-group", "xg", ALL.group, function (g) { return groupLook(g).label; });
  checkboxes("x-f-relation", "xr", ALL.relation, function (r) { return (D.relations[r] || { label: r }).label; });
  checkboxes("x-f-source", "xs", ALL.source, sourceText);
  (function () {
    if (!D.years) { $("x-time").style.display = "none"; return; }
    [$("x-from"), $("x-to")].forEach(function (s) {
      years.forEach(function (y) { var o = el("option", y); o.value = String(y); s.appendChild(o); });
    });
    $("x-from").addEventListener("change", function () {
      state.from = +this.value; if (state.to < state.from) state.to = state.from; syncControls(); applyFilters();
    });
    $("x-to").addEventListener("change", function () {
      state.to = +this.value; if (state.from > state.to) state.from = state.to; syncControls(); applyFilters();
    });
    $("x-undated").addEventListener("change", function () { state.undated = this.checked; applyFilters(); });
  })();
  $("x-side").addEventListener("change", function () { state.side = this.value; applyFilters(); });
  $("x-contested").addEventListener("change", function () { state.contested = this.checked; applyFilters(); });
  (function () {
    var size = $("x-size"), colour = $("x-colour");
    ["none"].concat(Object.keys(D.measures)).forEach(function (m) {
      var o = el("option", m === "none" ? "same size" : m); o.value = m; size.appendChild(o);
    });
    var c1 = el("option", "type"); c1.value = "class"; colour.appendChild(c1);
    if (D.has_community) { var c2 = el("option", "coalition"); c2.value = "community"; colour.appendChild(c2); }
    size.addEventListener("change", function () { state.size = size.value; applyLook(); writeHash(); });
    colour.addEventListener("change", function () { state.colour = colour.value; applyLook(); writeHash(); });
  })();
  (function () {
    var search = $("x-search"), names = $("x-names"), actors = $("x-actors");
    function fill() {
      if (names.childElementCount) return;
      N.forEach(function (n) { var o = document.createElement("option"); o.value = n.label; names.appendChild(o); });
      N.forEach(function (n) { if (ACTOR[n.group]) { var o = document.createElement("option"); o.value = n.label; actors.appendChild(o); } });
    }
    [search, $("x-path-a"), $("x-path-b")].forEach(function (x) { x.addEventListener("focus", fill); });
    function go() { var i = findNode(search.value); if (i >= 0) selectNode(i, true); }
    search.addEventListener("change", go);
    search.addEventListener("keydown", function (ev) { if (ev.key === "Enter") go(); });
    [$("x-path-a"), $("x-path-b")].forEach(function (x) {
      x.addEventListener("keydown", function (ev) { if (ev.key === "Enter") $("x-path-go").click(); });
    });
  })();
  function focusHops(h) {
    if (!state.sel || state.sel.t !== "n") return;
    state.focus = state.sel.i; state.hops = h; state.path = null; pathEdges = null;
    applyFilters();
  }
  $("x-focus1").addEventListener("click", function () { focusHops(1); });
  $("x-focus2").addEventListener("click", function () { focusHops(2); });
  function reset() {
    var view = state.view;
    state = freshState(); state.view = view;
    pathEdges = null; network.unselectAll(); setSel(null);
    $("x-search").value = "";
    syncControls(); applyLook(); applyFilters();
  }
  $("x-reset").addEventListener("click", reset);
  function syncControls() {
    $("x-view").value = state.view;
    document.querySelectorAll("input[data-filter]").forEach(function (x) { x.checked = !state[x.dataset.filter].has(x.value); });
    if (D.years) { $("x-from").value = String(state.from); $("x-to").value = String(state.to); }
    $("x-undated").checked = state.undated; $("x-side").value = state.side; $("x-contested").checked = state.contested;
    $("x-size").value = state.size; $("x-colour").value = state.colour;
    var isNode = state.sel && state.sel.t === "n";
    $("x-focus1").disabled = !isNode; $("x-focus2").disabled = !isNode;
  }

  // phone: panels behind buttons
  function toggler(btnId, panelId) {
    $(btnId).addEventListener("click", function () {
      var p = $(panelId), open = !p.classList.contains("open");
      p.classList.toggle("open", open); this.setAttribute("aria-expanded", String(open));
      if (open) { var f = p.querySelector("button, input, select, a"); if (f) f.focus(); }
    });
  }
  toggler("x-show-controls", "x-controls");
  toggler("x-show-panel", "x-panel");
  document.querySelectorAll("[data-close]").forEach(function (b) {
    b.addEventListener("click", function () { $(b.dataset.close).classList.remove("open"); });
  });
  $("x-show-table").addEventListener("click", function () {
    var t = $("x-table-wrap"); t.hidden = !t.hidden; this.setAttribute("aria-expanded", String(!t.hidden));
    network.redraw(); fit();
  });
  if (D.report) $("x-report").href = D.report; else $("x-report").hidden = true;

  // ---- the URL holds the view -------------------------------------------------------------------
  var writing = false;
  function hashOf() {
    var p = [];
    function put(k, v) { p.push(k + "=" + encodeURIComponent(v)); }
    put("view", state.view);
    if (state.xg.size) put("hide-types", Array.from(state.xg).sort().join(","));
    if (state.xr.size) put("hide-relations", Array.from(state.xr).sort().join(","));
    if (state.xs.size) put("hide-sources", Array.from(state.xs).sort().join(","));
    if (state.side !== "all") put("side", state.side);
    if (state.contested) put("contested", "1");
    if (D.years && (state.from !== D.years[0] || state.to !== D.years[1])) { put("from", state.from); put("to", state.to); }
    if (!state.undated) put("undated", "0");
    if (state.focus !== null && state.hops) { put("focus", N[state.focus].slug); put("hops", state.hops); }
    if (state.sel && state.sel.t === "n") put("node", N[state.sel.i].slug);
    if (state.sel && state.sel.t === "e") put("statement", E[state.sel.k].key);
    if (state.path) put("path", N[state.path[0]].slug + "~" + N[state.path[1]].slug);
    if (state.colour !== D.initial.color_by) put("colour", state.colour);
    if (state.size !== D.initial.size_by) put("size", state.size);
    return "#" + p.join("&");
  }
  function writeHash() {
    if (writing) return;
    var h = hashOf();
    if (location.hash !== h) history.replaceState(null, "", h);
  }
  function readHash() {
    var h = location.hash.replace(/^#/, "");
    if (!h) return false;
    var q = {};
    h.split("&").forEach(function (kv) { var i = kv.indexOf("="); if (i > 0) q[kv.slice(0, i)] = decodeURIComponent(kv.slice(i + 1)); });
    var s = freshState();
    if (q.view && VIEW_BY_ID[q.view]) s.view = q.view;
    var list = function (v) { return new Set(v ? v.split(",").filter(Boolean) : []); };
    s.xg = list(q["hide-types"]); s.xr = list(q["hide-relations"]); s.xs = list(q["hide-sources"]);
    if (q.side === "support" || q.side === "oppose") s.side = q.side;
    s.contested = q.contested === "1";
    if (D.years && q.from && q.to) {
      s.from = Math.max(D.years[0], Math.min(D.years[1], +q.from)); s.to = Math.max(s.from, Math.min(D.years[1], +q.to));
    }
    s.undated = q.undated !== "0";
    if (q.focus && bySlug[q.focus] !== undefined) { s.focus = bySlug[q.focus]; s.hops = Math.max(1, Math.min(2, +q.hops || 1)); }
    if (q.node && bySlug[q.node] !== undefined) s.sel = { t: "n", i: bySlug[q.node] };
    if (q.statement && byKey[q.statement] !== undefined) s.sel = { t: "e", k: byKey[q.statement] };
    if (q.colour === "community" && D.has_community) s.colour = "community"; else if (q.colour === "class") s.colour = "class";
    if (q.size && (q.size === "none" || D.measures[q.size])) s.size = q.size;
    state = s;
    var pathArg = q.path ? q.path.split("~") : null;
    return pathArg && bySlug[pathArg[0]] !== undefined && bySlug[pathArg[1]] !== undefined ? [bySlug[pathArg[0]], bySlug[pathArg[1]]] : true;
  }
  function restore(got) {
    writing = true;
    if (got === undefined) { got = readHash(); applyLook(); } else renderLegend();
    setView(state.view);
    syncControls();
    if (Array.isArray(got)) { $("x-path-a").value = N[got[0]].label; $("x-path-b").value = N[got[1]].label; trace(got[0], got[1]); }
    else applyFilters();
    writing = false;
    if (state.sel && state.sel.t === "n") network.selectNodes([state.sel.i]);
    if (state.sel && state.sel.t === "e" && edgeShown[state.sel.k]) network.selectEdges([state.sel.k]);
    writeHash();
  }
  window.addEventListener("hashchange", function () { if (location.hash !== hashOf()) restore(); });
  $("x-copy-link").addEventListener("click", function () {
    writeHash();
    var url = location.href;
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(url).catch(function () {});
    body.replaceChildren(el("h2", "Link to this view"), el("p", "The address bar holds this view; opening it restores it:"),
                         el("p", url, "url"));
  });

  // ---- export: PNG and SVG with a caption --------------------------------------------------------
  function caption() {
    var v = VIEW_BY_ID[state.view].title, parts = [v];
    if (state.path) parts.push("path from " + N[state.path[0]].label + " to " + N[state.path[1]].label);
    if (state.sel && state.sel.t === "n") parts.push("selected: " + N[state.sel.i].label);
    if (state.sel && state.sel.t === "e") parts.push("selected: " + edgeSummary(state.sel.k));
    if (state.focus !== null && state.hops) parts.push("within " + state.hops + " hop(s) of " + N[state.focus].label);
    if (state.side !== "all") parts.push(state.side === "support" ? "supporting stances only" : "opposing stances only");
    if (state.contested) parts.push("contested statements only");
    var srcs = uniq(statementsShown.map(function (k) { return E[k].source; }).filter(Boolean));
    var dates = D.years ? "dates " + state.from + "\u2013" + state.to + (state.undated ? " and undated" : "") : "";
    return [parts.join("; "), "Sources: " + (srcs.join(", ") || "none") + (dates ? "; " + dates : ""),
            statementsShown.length + " statements. scomm-kg explorer, " + location.href.split("#")[0].split("/").pop() + hashOf()];
  }
  function exportPNG() {
    var src = $("x-network").querySelector("canvas"), lines = caption();
    var c = document.createElement("canvas"), pad = 18 * lines.length + 16;
    c.width = src.width; c.height = src.height + pad;
    var g = c.getContext("2d");
    g.fillStyle = "#ffffff"; g.fillRect(0, 0, c.width, c.height);
    g.drawImage(src, 0, 0);
    g.fillStyle = "#000000"; g.font = "14px Liberation Sans, Arial, sans-serif";
    lines.forEach(function (t, i) { g.fillText(t, 8, src.height + 20 + 18 * i, c.width - 16); });
    c.toBlob(function (blob) { download("scomm-view.png", blob); });
    return c.width + "x" + c.height;
  }
  function svgText() {
    var ids = visibleIds(), pos = network.getPositions(ids), xs = [], ys = [];
    ids.forEach(function (i) { xs.push(pos[i].x); ys.push(pos[i].y); });
    var x0 = Math.min.apply(null, xs.concat([0])) - 60, x1 = Math.max.apply(null, xs.concat([0])) + 60;
    var y0 = Math.min.apply(null, ys.concat([0])) - 60, y1 = Math.max.apply(null, ys.concat([0])) + 60;
    var lines = caption(), capH = 22 * lines.length + 10;
    var root = svg("svg", { xmlns: SVGNS, viewBox: [x0, y0, x1 - x0, y1 - y0 + capH].join(" "),
                            width: Math.round(x1 - x0), height: Math.round(y1 - y0 + capH), "font-family": "Liberation Sans, Arial, sans-serif" });
    root.appendChild(svg("rect", { x: x0, y: y0, width: x1 - x0, height: y1 - y0 + capH, fill: "#ffffff" }));
    var drawn = state.view === "actors" ? ties.map(function (t) { return { from: t.a, to: t.b, dash: t.kind === "conflict" ? "8 5" : "", color: "#777777", w: 1.5 }; })
      : statementsShown.map(function (k) {
        var look = visEdges.get(k);
        return { from: E[k].from, to: E[k].to, dash: Array.isArray(look.dashes) ? look.dashes.join(" ") : "",
                 color: look.color.color, w: look.width, contested: E[k].contested.length > 0 };
      });
    drawn.forEach(function (d) {
      var a = pos[d.from], b = pos[d.to]; if (!a || !b) return;
      var l = svg("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: d.color, "stroke-width": d.w });
      if (d.dash) l.setAttribute("stroke-dasharray", d.dash);
      root.appendChild(l);
      if (d.contested) root.appendChild(svg("circle", { cx: (a.x + b.x) / 2, cy: (a.y + b.y) / 2, r: 5, fill: d.color }));
    });
    ids.forEach(function (i) {
      var n = visNodes.get(i), p = pos[i], r = n.size || 10;
      var shape = n.shape === "dot" ? svg("circle", { cx: p.x, cy: p.y, r: r }) : svg("rect", { x: p.x - r, y: p.y - r, width: 2 * r, height: 2 * r });
      shape.setAttribute("fill", typeof n.color === "string" ? n.color : "#999"); shape.setAttribute("stroke", "#333");
      root.appendChild(shape);
      if (n.label) root.appendChild(svg("text", { x: p.x, y: p.y + r + 12, "font-size": 12, "text-anchor": "middle" }, n.label));
    });
    lines.forEach(function (t, i) { root.appendChild(svg("text", { x: x0 + 10, y: y1 + 20 + 22 * i, "font-size": 14 }, t)); });
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(root);
  }
  $("x-export-png").addEventListener("click", exportPNG);
  $("x-export-svg").addEventListener("click", function () {
    download("scomm-view.svg", new Blob([svgText()], { type: "image/svg+xml" }));
  });

  // ---- start ------------------------------------------------------------------------------------
  window.scommX = {
    data: D, network: network, state: function () { return state; }, rows: function () { return rows.slice(); },
    shown: function () { return statementsShown.slice(); }, csvText: csvText, svgText: svgText, caption: caption,
    selectNode: selectNode, selectEdge: selectEdge, trace: trace, paths: function () { return paths; },
    openReader: openReader, hashOf: hashOf, applyFilters: applyFilters, views: VIEWS, ties: function () { return ties; }
  };
  document.body.dataset.nodes = String(N.length);
  document.body.dataset.edges = String(E.length);
  restore(startHash);
  network.body.emitter.emit("_allowRedraw");
  network.redraw();
  window.scommPageReady = performance.now();
  if (window.scommFirstDraw) document.body.dataset.drawn = "true";
})();

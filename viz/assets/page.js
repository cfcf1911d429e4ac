/* scomm-kg graph page: details panel, filters, search, focus, measures, time range.
 * Runs after pyvis's drawGraph(), which defines the globals `network`, `nodes`, `edges`.
 * Record text (names, quotes, titles) is only ever written with textContent. */
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("scomm-data").textContent);
  var N = D.nodes, E = D.edges;
  var adj = N.map(function () { return []; });
  E.forEach(function (e, i) { adj[e.from].push(i); if (e.to !== e.from) adj[e.to].push(i); });
  var $ = function (id) { return document.getElementById(id); };

  function el(tag, text, cls) {
    var x = document.createElement(tag);
    if (text !== undefined && text !== null) x.textContent = String(text);
    if (cls) x.className = cls;
    return x;
  }
  function uniq(values) { return Array.from(new Set(values)).sort(); }
  function yearOf(d) { return /^\d{4}/.test(d) ? parseInt(d.slice(0, 4), 10) : null; }

  // ---- state --------------------------------------------------------------------------
  function styleOrder(values, keys) {
    return values.sort(function (a, b) {
      var i = keys.indexOf(a), j = keys.indexOf(b);
      return (i < 0 ? 999 : i) - (j < 0 ? 999 : j) || (a < b ? -1 : a > b ? 1 : 0);
    });
  }
  var all = {
    group: styleOrder(uniq(N.map(function (n) { return n.group; })), Object.keys(D.groups)),
    relation: styleOrder(uniq(E.map(function (e) { return e.relation; })), D.relation_order),
    position: uniq(E.filter(function (e) { return e.relation === "stance"; }).map(function (e) { return e.detail; })),
    source: uniq(E.map(function (e) { return e.source; }).filter(Boolean))
  };
  var state;
  function freshState() {
    return {
      group: new Set(all.group), relation: new Set(all.relation), position: new Set(all.position),
      source: new Set(all.source), from: D.years ? D.years[0] : null, to: D.years ? D.years[1] : null,
      undated: true, focus: null, hops: 0, selected: null
    };
  }
  state = freshState();
  var nodeShown = N.map(function () { return true; });
  var edgeShown = E.map(function () { return true; });

  function edgeInTime(e) {
    if (state.from === null) return true;
    var lo = yearOf(e.earliest || e.date), hi = yearOf(e.latest || e.date);
    if (lo === null && hi === null) return state.undated;
    if (lo === null) lo = hi;
    if (hi === null) hi = lo;
    return hi >= state.from && lo <= state.to;
  }

  // ---- filtering ----------------------------------------------------------------------
  function applyFilters() {
    var ev = E.map(function (e) {
      return state.relation.has(e.relation) &&
        (e.relation !== "stance" || state.position.has(e.detail)) &&
        (!e.source || state.source.has(e.source)) && edgeInTime(e) &&
        state.group.has(N[e.from].group) && state.group.has(N[e.to].group);
    });
    var nv = N.map(function (n, i) {
      if (!state.group.has(n.group)) return false;
      if (adj[i].length === 0) return true;
      return adj[i].some(function (k) { return ev[k]; });
    });
    if (state.focus !== null && state.hops > 0) {
      var reach = N.map(function () { return false; });
      reach[state.focus] = true;
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
      nv = nv.map(function (v, i) { return (v || i === state.focus) && reach[i]; });
    }
    ev = ev.map(function (v, k) { return v && nv[E[k].from] && nv[E[k].to]; });
    var nUpd = [], eUpd = [];
    nv.forEach(function (v, i) { if (v !== nodeShown[i]) { nodeShown[i] = v; nUpd.push({ id: i, hidden: !v }); } });
    ev.forEach(function (v, k) { if (v !== edgeShown[k]) { edgeShown[k] = v; eUpd.push({ id: k, hidden: !v }); } });
    if (nUpd.length) nodes.update(nUpd);
    if (eUpd.length) edges.update(eUpd);
    var cn = nv.filter(Boolean).length, ce = ev.filter(Boolean).length;
    $("scomm-count").textContent = cn + " of " + N.length + " nodes, " + ce + " of " + E.length + " edges";
    document.body.dataset.visibleNodes = String(cn);
    document.body.dataset.visibleEdges = String(ce);
  }

  function checkboxes(containerId, key, labelOf, colorOf) {
    var box = $(containerId);
    if (!all[key].length) { box.closest("details").style.display = "none"; return; }
    all[key].forEach(function (value) {
      var label = el("label");
      var input = document.createElement("input");
      input.type = "checkbox"; input.checked = true; input.value = value;
      input.dataset.filter = key;
      input.addEventListener("change", function () {
        if (input.checked) state[key].add(value); else state[key].delete(value);
        applyFilters();
      });
      label.appendChild(input);
      if (colorOf) { var sw = el("span", null, "swatch"); sw.style.background = colorOf(value); label.appendChild(sw); }
      label.appendChild(document.createTextNode(" " + labelOf(value)));
      label.title = labelOf(value);
      box.appendChild(label);
    });
  }
  checkboxes("scomm-f-group", "group",
    function (g) { return D.groups[g] ? D.groups[g].label : g || "other"; },
    function (g) { return D.groups[g] ? D.groups[g].color : D.style.unaligned_color; });
  checkboxes("scomm-f-relation", "relation", function (r) {
    var e = E.find(function (x) { return x.relation === r; }); return e ? e.relation_label : r;
  });
  checkboxes("scomm-f-position", "position", function (p) {
    var e = E.find(function (x) { return x.relation === "stance" && x.detail === p; });
    return e && e.position_label ? e.position_label : p;
  });
  checkboxes("scomm-f-source", "source", function (s) { return (D.sources[s] || s) + " (" + s + ")"; });

  // ---- time range ---------------------------------------------------------------------
  (function () {
    var from = $("scomm-from"), to = $("scomm-to");
    if (!D.years) { $("scomm-time").style.display = "none"; return; }
    [from, to].forEach(function (r) { r.min = D.years[0]; r.max = D.years[1]; r.step = 1; });
    from.value = D.years[0]; to.value = D.years[1];
    function sync(which) {
      var a = parseInt(from.value, 10), b = parseInt(to.value, 10);
      if (a > b) { if (which === "from") to.value = a; else from.value = b; }
      state.from = parseInt(from.value, 10); state.to = parseInt(to.value, 10);
      $("scomm-from-out").textContent = from.value; $("scomm-to-out").textContent = to.value;
    }
    sync();
    from.addEventListener("input", function () { sync("from"); applyFilters(); });
    to.addEventListener("input", function () { sync("to"); applyFilters(); });
    $("scomm-undated").addEventListener("change", function () { state.undated = this.checked; applyFilters(); });
  })();

  // ---- measures: size and colour ------------------------------------------------------
  function applyLook() {
    var by = $("scomm-size").value, colour = $("scomm-colour").value;
    var vals = D.measures[by], top = 0, S = D.style.size;
    if (vals) vals.forEach(function (v) { if (v > top) top = v; });
    var upd = N.map(function (n, i) {
      var size = vals && top > 0 ? S.min + (S.max - S.min) * Math.sqrt(Math.max(vals[i], 0) / top) : S["default"];
      var color;
      if (colour === "community") {
        var c = n.community || 0;
        color = c > 0 ? D.style.community_colors[(c - 1) % D.style.community_colors.length] : D.style.unaligned_color;
      } else {
        color = D.groups[n.group] ? D.groups[n.group].color : D.style.unaligned_color;
      }
      return { id: i, size: Math.round(size * 100) / 100, color: color };
    });
    nodes.update(upd);
  }
  (function () {
    var size = $("scomm-size"), colour = $("scomm-colour");
    ["none"].concat(Object.keys(D.measures)).forEach(function (m) {
      var o = el("option", m === "none" ? "same size" : m); o.value = m; size.appendChild(o);
    });
    size.value = D.initial.size_by;
    var c1 = el("option", "class"); c1.value = "class"; colour.appendChild(c1);
    if (D.has_community) { var c2 = el("option", "coalition (community)"); c2.value = "community"; colour.appendChild(c2); }
    colour.value = D.initial.color_by;
    size.addEventListener("change", applyLook);
    colour.addEventListener("change", applyLook);
  })();

  // ---- details panel ------------------------------------------------------------------
  var panel = $("scomm-panel");
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
  function nodeLink(i) {
    var a = el("button", N[i].label, "linklike");
    a.type = "button";
    a.addEventListener("click", function () { selectNode(i, true); });
    return a;
  }
  function sourceText(s) { return D.sources[s] ? D.sources[s] + " (" + s + ")" : s; }
  function edgeSummary(k) {
    var e = E[k];
    return N[e.from].label + " \u2014 " + (e.position_label || e.label || e.relation) + " \u2192 " + N[e.to].label;
  }

  function showNode(i) {
    var n = N[i];
    panel.replaceChildren();
    panel.dataset.kind = "node"; panel.dataset.id = String(i);
    panel.appendChild(el("h2", n.label));
    var type = n.type + (D.groups[n.group] ? " (" + D.groups[n.group].label + ")" : "");
    panel.appendChild(dl([["Type", type], ["Also called", n.aliases], ["Posts", n.posts], ["Date", n.date],
                          ["Identifier", n.iri]]));
    var ks = adj[i].slice().sort(function (a, b) {
      var da = E[a].earliest || E[a].date || "9999", db = E[b].earliest || E[b].date || "9999";
      return da < db ? -1 : da > db ? 1 : a - b;
    });
    panel.appendChild(el("h3", "Statements (" + ks.length + ")"));
    var ul = el("ul");
    ks.forEach(function (k) {
      var e = E[k], li = el("li");
      var head = el("button", edgeSummary(k), "linklike"); head.type = "button";
      head.addEventListener("click", function () { selectEdge(k); });
      li.appendChild(head);
      li.appendChild(el("div", [e.date, sourceText(e.source)].filter(Boolean).join(" \u00b7 ")));
      if (e.quote) li.appendChild(el("blockquote", e.quote));
      ul.appendChild(li);
    });
    panel.appendChild(ul);
  }

  function showEdge(k) {
    var e = E[k];
    panel.replaceChildren();
    panel.dataset.kind = "edge"; panel.dataset.id = String(k);
    panel.appendChild(el("h2", e.position_label || e.label || e.relation_label));
    var who = el("span");
    who.appendChild(nodeLink(e.from)); who.appendChild(document.createTextNode(" \u2192 ")); who.appendChild(nodeLink(e.to));
    panel.appendChild(dl([["Relation", e.relation_label + (e.label && e.label !== e.relation_label ? ": " + e.label : "")],
                          ["Between", who], ["Date", e.date]]));
    panel.appendChild(el("h3", "Quote"));
    (e.quotes.length ? e.quotes : [e.quote]).forEach(function (q) { panel.appendChild(el("blockquote", q, "quote")); });
    panel.appendChild(dl([["Source document", sourceText(e.source)], ["Statement", e.statement_id],
                          ["Other sources that say the same", e.also_in.map(sourceText)]]));
  }

  function clearPanel() {
    panel.replaceChildren(el("p", "Click a node or an edge to see what the sources say.", "hint"));
    panel.dataset.kind = ""; panel.dataset.id = "";
  }

  function setSelected(i) {
    state.selected = i;
    $("scomm-focus1").disabled = i === null; $("scomm-focus2").disabled = i === null;
  }
  function selectNode(i, move) {
    setSelected(i);
    network.selectNodes([i]);
    if (move) { network.focus(i, { scale: Math.max(network.getScale(), 1.0), animation: false }); labelInView(); }
    showNode(i);
  }
  function selectEdge(k) {
    setSelected(null);
    network.selectEdges([k]);
    showEdge(k);
  }

  network.on("click", function (p) {
    if (p.nodes.length) selectNode(p.nodes[0], false);
    else if (p.edges.length) selectEdge(p.edges[0]);
    else { setSelected(null); clearPanel(); }
  });

  // ---- hover: a short label -----------------------------------------------------------
  var tip = $("scomm-tooltip");
  function showTip(text, p) {
    var r = $("mynetwork").getBoundingClientRect(), at = p.pointer && p.pointer.DOM ? p.pointer.DOM : { x: 0, y: 0 };
    tip.textContent = text;
    tip.style.left = (r.left + at.x + 14) + "px"; tip.style.top = (r.top + at.y + 14) + "px";
    tip.style.display = "block";
  }
  function hideTip() { tip.style.display = "none"; }
  network.on("hoverNode", function (p) {
    var n = N[p.node]; showTip(n.label + " (" + n.type + ")", p);
  });
  network.on("hoverEdge", function (p) {
    var e = E[p.edge]; showTip(edgeSummary(p.edge) + (e.date ? " (" + e.date + ")" : ""), p);
  });
  network.on("blurNode", hideTip);
  network.on("blurEdge", hideTip);
  network.on("dragStart", hideTip);

  // ---- search, focus, physics, reset --------------------------------------------------
  (function () {
    var list = $("scomm-names"), search = $("scomm-search");
    // filled on first use: thousands of options would slow the page's opening
    search.addEventListener("focus", function () {
      if (list.childElementCount) return;
      N.forEach(function (n) { var o = document.createElement("option"); o.value = n.label; list.appendChild(o); });
    });
    function find(q) {
      q = q.trim().toLowerCase();
      if (!q) return -1;
      var i = N.findIndex(function (n) { return n.label.toLowerCase() === q; });
      if (i < 0) i = N.findIndex(function (n) { return n.aliases.some(function (a) { return a.toLowerCase() === q; }); });
      if (i < 0) i = N.findIndex(function (n) { return n.label.toLowerCase().indexOf(q) >= 0; });
      if (i < 0) i = N.findIndex(function (n) { return n.aliases.some(function (a) { return a.toLowerCase().indexOf(q) >= 0; }); });
      return i;
    }
    function go() { var i = find(search.value); if (i >= 0) selectNode(i, true); }
    search.addEventListener("change", go);
    search.addEventListener("keydown", function (ev) { if (ev.key === "Enter") go(); });
  })();

  function focusHops(h) {
    if (state.selected === null) return;
    state.focus = state.selected; state.hops = h;
    applyFilters();
    network.fit({ nodes: N.map(function (_, i) { return i; }).filter(function (i) { return nodeShown[i]; }), animation: false });
    labelInView();
  }
  $("scomm-focus1").addEventListener("click", function () { focusHops(1); });
  $("scomm-focus2").addEventListener("click", function () { focusHops(2); });

  $("scomm-physics").addEventListener("click", function () {
    var on = this.getAttribute("aria-pressed") !== "true";
    this.setAttribute("aria-pressed", on ? "true" : "false");
    this.textContent = on ? "Physics: on" : "Physics: off";
    network.setOptions({ physics: { enabled: on } });
  });

  function reset() {
    state = freshState();
    document.querySelectorAll("input[data-filter]").forEach(function (x) { x.checked = true; });
    if (D.years) {
      $("scomm-from").value = D.years[0]; $("scomm-to").value = D.years[1];
      $("scomm-from-out").textContent = D.years[0]; $("scomm-to-out").textContent = D.years[1];
    }
    $("scomm-undated").checked = true; $("scomm-search").value = "";
    setSelected(null); network.unselectAll(); clearPanel();
    applyFilters();
    network.fit({ animation: false });
  }
  $("scomm-reset").addEventListener("click", reset);

  // ---- names on large graphs: drawn for what is in view once zoomed in ----------------
  var labelled = new Uint8Array(N.length);
  function labelInView() {
    if (!D.lazy_labels || network.getScale() < 0.45) return;
    var r = $("mynetwork").getBoundingClientRect();
    var tl = network.DOMtoCanvas({ x: 0, y: 0 }), br = network.DOMtoCanvas({ x: r.width, y: r.height });
    var ids = [];
    N.forEach(function (_, i) { if (!labelled[i] && nodeShown[i]) ids.push(i); });
    var pos = network.getPositions(ids), upd = [];
    for (var j = 0; j < ids.length && upd.length < 500; j++) {
      var p = pos[ids[j]];
      if (p.x >= tl.x && p.x <= br.x && p.y >= tl.y && p.y <= br.y) {
        labelled[ids[j]] = 1;
        var name = N[ids[j]].label;
        upd.push({ id: ids[j], label: name.length > 40 ? name.slice(0, 39) + "\u2026" : name });
      }
    }
    if (upd.length) nodes.update(upd);
  }
  network.on("zoom", labelInView);
  network.on("dragEnd", labelInView);

  // ---- for tests and benchmarks -------------------------------------------------------
  window.scommViz = {
    data: D, state: function () { return state; }, applyFilters: applyFilters, reset: reset,
    selectNode: selectNode, selectEdge: selectEdge, focusHops: focusHops,
    shown: function () { return { nodes: nodeShown.filter(Boolean).length, edges: edgeShown.filter(Boolean).length }; }
  };
  document.body.dataset.nodes = String(N.length);
  document.body.dataset.edges = String(E.length);
  applyFilters();
  $("scomm-count").textContent = N.length + " nodes, " + E.length + " edges";
  window.scommPageReady = performance.now();
  if (window.scommFirstDraw) document.body.dataset.drawn = "true";
})();

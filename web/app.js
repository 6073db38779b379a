// smflow page: loads the WebAssembly program, builds the controls from the
// parameter schema, and forwards every user action to window.smflow. No
// mathematics here: every number comes from Go. Values from the URL are only
// ever written with textContent or as attribute values, never as HTML.
"use strict";
(function () {
  const doc = document;
  const $ = (sel) => doc.querySelector(sel);
  const el = (tag, attrs, ...kids) => {
    const e = doc.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "text") e.textContent = v;
      else if (k === "class") e.className = v;
      else e.setAttribute(k, v);
    }
    for (const c of kids) e.append(c);
    return e;
  };

  // Embed mode as early as possible, to avoid a flash of the panel; the
  // value from Go replaces this guess once the program runs.
  if (/(^|[?&])embed(=(1|true)|&|$)/.test(location.search)) {
    doc.documentElement.classList.add("embed");
  }

  let api = null; // window.smflow once ready
  let schema = [];
  let byName = {};
  const controls = {}; // name -> {row, set(text, values)}
  let lastValues = {};
  let onScreen = true;

  // ---- loading -------------------------------------------------------------

  // A fatal error (no WebAssembly, the program failed or stopped): shown
  // over the canvas area, as text.
  function loadError(msg) {
    let p = $("#loading");
    if (!p) {
      p = el("p", { id: "loading", role: "alert" });
      doc.body.append(p);
    }
    p.classList.add("error");
    p.textContent = "smflow stopped: " + msg;
  }

  // Milestones of the start, in ms since navigation start (read by the tests).
  const times = window.smflowTimes = { script: performance.now() };

  // The controls are built after the first frame is drawn (or after a
  // second, if drawing is slow), so that building them does not delay it.
  let inited = false;
  function initOnce() {
    if (inited || !api) return;
    inited = true;
    try {
      init();
    } catch (e) {
      console.warn("smflow: building the controls failed:", e);
    }
  }
  window.smflowFirstFrame = () => {
    window.smflowFirstFrameAt = times.firstFrame = performance.now();
    const p = $("#loading");
    if (p) p.remove();
    setTimeout(initOnce, 0);
  };
  window.smflowReady = () => {
    times.ready = performance.now();
    api = window.smflow;
    setTimeout(initOnce, 5000);
  };

  async function start() {
    if (!("WebAssembly" in window) || typeof Go !== "function") {
      loadError("this browser has no WebAssembly support.");
      return;
    }
    const go = new Go();
    // Fewer garbage collections while starting; Go sets the usual GOGC=100
    // after the first frame.
    go.env = Object.assign({}, go.env, { GOGC: "400" });
    let inst;
    try {
      const resp = fetch("smflow.wasm");
      try {
        inst = await WebAssembly.instantiateStreaming(resp, go.importObject);
      } catch (e) {
        // A server with the wrong MIME type: fall back to a buffer.
        const buf = await (await fetch("smflow.wasm")).arrayBuffer();
        inst = await WebAssembly.instantiate(buf, go.importObject);
      }
    } catch (e) {
      loadError(String(e && e.message || e));
      return;
    }
    times.instantiated = performance.now();
    go.run(inst.instance).then(() => {
      window.smflowExited = true;
      loadError("the program ended (see the browser console). Reload the page, or go back to a simpler URL.");
    });
  }

  // ---- controls ------------------------------------------------------------

  const SKIP = new Set(["scene", "preset", "embed", "hide"]);
  const GROUPS = [["problem", "problem"], ["simulation", "simulation"], ["view", "view"]];

  function fmt(x, isInt) {
    if (!isFinite(x)) return String(x);
    if (isInt) return String(Math.round(x));
    return String(Number(x.toPrecision(3)));
  }

  // slider position (0..1000) <-> value
  function toPos(p, x) {
    const lo = p.min, hi = p.max;
    if (!(x >= lo)) return 0;
    if (x >= hi) return 1000;
    if (p.log && lo > 0) return Math.round(1000 * Math.log(x / lo) / Math.log(hi / lo));
    return Math.round(1000 * (x - lo) / (hi - lo));
  }
  function fromPos(p, pos) {
    const lo = p.min, hi = p.max, f = pos / 1000;
    const x = p.log && lo > 0 ? lo * Math.pow(hi / lo, f) : lo + f * (hi - lo);
    return p.type === "int" ? Math.round(x) : x;
  }

  let debounce = null;
  function setParam(name, text) {
    clearTimeout(debounce);
    const warns = api.setParam(name, text);
    refresh(warns);
  }

  function makeControl(p) {
    const id = "ctl-" + p.name;
    const row = el("div", { class: "ctl", "data-param": p.name, title: p.doc });
    const label = el("label", { for: id, text: p.name });
    row.append(label);
    let set;
    switch (p.type) {
      case "enum": {
        const sel = el("select", { id });
        sel.addEventListener("change", () => setParam(p.name, sel.value));
        row.classList.add("wide");
        row.append(sel);
        set = (text, values) => {
          const choices = (p.sceneEnum && p.sceneEnum[values.scene]) || p.enum || [];
          if (sel.dataset.choices !== choices.join(",")) {
            sel.replaceChildren(...choices.map((c) => el("option", { value: c, text: c })));
            sel.dataset.choices = choices.join(",");
          }
          sel.value = text;
        };
        break;
      }
      case "list": {
        const box = el("div", { class: "checks", id, role: "group", "aria-label": p.name });
        row.classList.add("wide");
        row.append(box);
        set = (text, values) => {
          // The items of the scene that apply to the problem (the schema's itemProblems).
          const choices = ((p.sceneEnum && p.sceneEnum[values.scene]) || p.enum || [])
            .filter((c) => !p.itemProblems || !p.itemProblems[c] || p.itemProblems[c].includes(values.problem));
          if (box.dataset.choices !== choices.join(",")) {
            box.replaceChildren(...choices.map((c) => {
              const cb = el("input", { type: "checkbox", value: c });
              cb.addEventListener("change", () => {
                const on = [...box.querySelectorAll("input:checked")].map((x) => x.value);
                setParam(p.name, on.join(","));
              });
              const sw = el("span", { class: "swatch" });
              const col = api.colors && api.colors()[c];
              if (col) sw.style.background = col; else sw.hidden = true;
              return el("label", {}, cb, sw, c);
            }));
            box.dataset.choices = choices.join(",");
          }
          const on = new Set(text ? text.split(",") : []);
          for (const cb of box.querySelectorAll("input")) cb.checked = on.has(cb.value);
        };
        break;
      }
      case "bool": {
        const cb = el("input", { type: "checkbox", id });
        cb.addEventListener("change", () => setParam(p.name, cb.checked ? "1" : "0"));
        row.classList.add("wide");
        row.append(el("span", {}, cb));
        set = (text) => { cb.checked = text === "1" || text === "true"; };
        break;
      }
      case "float":
      case "int": {
        const isInt = p.type === "int";
        const range = el("input", { type: "range", min: "0", max: "1000", step: "1", "aria-label": p.name + " slider" });
        const num = el("input", { type: "number", id, step: "any" });
        range.addEventListener("input", () => {
          const x = fromPos(p, +range.value);
          num.value = fmt(x, isInt);
          clearTimeout(debounce);
          debounce = setTimeout(() => setParam(p.name, num.value), 150);
        });
        range.addEventListener("change", () => setParam(p.name, num.value));
        num.addEventListener("change", () => setParam(p.name, num.value.trim()));
        row.append(range, num);
        set = (text) => {
          const x = Number(text);
          range.value = String(toPos(p, x));
          if (doc.activeElement !== num) num.value = text;
        };
        break;
      }
      default: { // uint, text, points
        const inp = el("input", { type: "text", id, spellcheck: "false" });
        if (p.type === "uint") inp.setAttribute("inputmode", "numeric");
        inp.addEventListener("change", () => setParam(p.name, inp.value.trim()));
        row.classList.add("wide");
        row.append(inp);
        set = (text) => { if (doc.activeElement !== inp) inp.value = text; };
      }
    }
    controls[p.name] = { row, set, p };
    return row;
  }

  function buildControls() {
    const form = $("#controls");
    form.addEventListener("submit", (e) => e.preventDefault());
    for (const [group, title] of GROUPS) {
      const fs = el("fieldset", { "data-group": group }, el("legend", { text: title }));
      for (const p of schema) {
        if (p.group === group && !SKIP.has(p.name)) fs.append(makeControl(p));
      }
      form.append(fs);
    }
    const sceneSel = $("#scene");
    const sp = byName.scene;
    sceneSel.replaceChildren(...(sp ? sp.enum : []).map((s) => el("option", { value: s, text: s })));
    sceneSel.addEventListener("change", () => setParam("scene", sceneSel.value));
    $("#preset").addEventListener("change", (e) => setParam("preset", e.target.value));
  }

  // ---- equations (static MathML, keyed by method) --------------------------

  const EQ = {
    sgd: '<math><msub><mi>z</mi><mrow><mi>i</mi><mo>+</mo><mn>1</mn></mrow></msub><mo>=</mo><msub><mi>z</mi><mi>i</mi></msub><mo>&minus;</mo><mi>&alpha;</mi><mi>g</mi><mo>(</mo><msub><mi>z</mi><mi>i</mi></msub><mo>,</mo><msub><mi>&xi;</mi><mi>i</mi></msub><mo>)</mo><mo>,</mo><mspace width="0.5em"/><mi>t</mi><mo>=</mo><mi>&alpha;</mi><mi>i</mi></math>',
    gf: '<math><mi>d</mi><mi>Z</mi><mo>=</mo><mo>&minus;</mo><mo>&nabla;</mo><mi>R</mi><mo>(</mo><mi>Z</mi><mo>)</mo><mi>d</mi><mi>t</mi></math>',
    sme1: '<math><mi>d</mi><mi>Z</mi><mo>=</mo><mo>&minus;</mo><mo>&nabla;</mo><mi>R</mi><mo>(</mo><mi>Z</mi><mo>)</mo><mi>d</mi><mi>t</mi><mo>+</mo><msqrt><mi>&alpha;</mi></msqrt><msup><mi>&Sigma;</mi><mrow><mn>1</mn><mo>/</mo><mn>2</mn></mrow></msup><mo>(</mo><mi>Z</mi><mo>)</mo><mi>d</mi><mi>B</mi></math>',
    sme2: '<math><mi>d</mi><mi>Z</mi><mo>=</mo><mo>&minus;</mo><mo>&nabla;</mo><mo>(</mo><mi>R</mi><mo>+</mo><mfrac><mi>&alpha;</mi><mn>4</mn></mfrac><msup><mrow><mo>|</mo><mo>&nabla;</mo><mi>R</mi><mo>|</mo></mrow><mn>2</mn></msup><mo>)</mo><mo>(</mo><mi>Z</mi><mo>)</mo><mi>d</mi><mi>t</mi><mo>+</mo><msqrt><mi>&alpha;</mi></msqrt><msup><mi>&Sigma;</mi><mrow><mn>1</mn><mo>/</mo><mn>2</mn></mrow></msup><mo>(</mo><mi>Z</mi><mo>)</mo><mi>d</mi><mi>B</mi></math>',
    smf: '<math><mi>d</mi><msub><mi>Z</mi><mi>t</mi></msub><mo>(</mo><mi>u</mi><mo>)</mo><mo>=</mo><mo>&minus;</mo><mo>&nabla;</mo><mo>(</mo><mi>R</mi><mo>+</mo><mfrac><mi>&alpha;</mi><mn>4</mn></mfrac><msup><mrow><mo>|</mo><mo>&nabla;</mo><mi>R</mi><mo>|</mo></mrow><mn>2</mn></msup><mo>)</mo><mi>d</mi><mi>t</mi><mo>+</mo><mfrac><msqrt><mi>&alpha;</mi></msqrt><msqrt><mi>N</mi></msqrt></mfrac><munder><mo>&sum;</mo><mi>j</mi></munder><mi>G</mi><mo>(</mo><msub><mi>Z</mi><mi>t</mi></msub><mo>(</mo><mi>u</mi><mo>)</mo><mo>,</mo><msub><mi>&xi;</mi><mi>j</mi></msub><mo>)</mo><mi>d</mi><msub><mi>W</mi><mi>j</mi></msub></math>',
    mfode: '<math><mi>d</mi><msup><mi>Z</mi><mi>k</mi></msup><mo>=</mo><mo>&minus;</mo><mo>&nabla;</mo><mi>R</mi><mo>(</mo><msup><mi>Z</mi><mi>k</mi></msup><mo>,</mo><msub><mi>&nu;</mi><mi>t</mi></msub><mo>)</mo><mi>d</mi><mi>t</mi></math>',
    ddsmf: '<math><mi>d</mi><mi>Z</mi><mo>=</mo><mo>&minus;</mo><mo>(</mo><mo>&nabla;</mo><mi>R</mi><mo>+</mo><mfrac><mi>&alpha;</mi><mn>4</mn></mfrac><mo>(</mo><msub><mi>T</mi><mn>1</mn></msub><mo>+</mo><msub><mi>T</mi><mn>2</mn></msub><mo>)</mo><mo>)</mo><mo>(</mo><mi>Z</mi><mo>,</mo><msub><mi>&nu;</mi><mi>t</mi></msub><mo>)</mo><mi>d</mi><mi>t</mi><mo>+</mo><mfrac><msqrt><mi>&alpha;</mi></msqrt><msqrt><mi>N</mi></msqrt></mfrac><munder><mo>&sum;</mo><mi>j</mi></munder><mi>G</mi><mo>(</mo><mi>Z</mi><mo>,</mo><msub><mi>&nu;</mi><mi>t</mi></msub><mo>,</mo><msub><mi>&xi;</mi><mi>j</mi></msub><mo>)</mo><mi>d</mi><msub><mi>W</mi><mi>j</mi></msub></math>',
  };
  const EQNOTE = {
    sgd: "one \u03be\u1d62 for all points of a run",
    sme1: "an independent B per point",
    sme2: "an independent B per point",
    smf: "one family W\u2081..W\u2099 shared by all points",
    mfode: "\u03bd\u209c: the measure of the flow particles",
    ddsmf: "shared W; \u03bd\u209c solves the SPDE",
  };
  const EQTPL = {};
  for (const [k, v] of Object.entries(EQ)) {
    const t = doc.createElement("template");
    t.innerHTML = v; // static markup of this file, no outside input
    EQTPL[k] = t;
  }

  function showEquations(methods) {
    const rows = [];
    for (const m of methods) {
      const tpl = EQTPL[m.name];
      if (!tpl) continue;
      const note = EQNOTE[m.name] ? el("div", { class: "note", text: EQNOTE[m.name] }) : "";
      rows.push(el("tr", { "data-method": m.name },
        el("td", { class: "name", text: m.label || m.name }),
        el("td", { class: "eq" }, tpl.content.cloneNode(true), note)));
    }
    $("#eqs").replaceChildren(el("table", {}, ...rows));
  }

  // ---- state -> page -------------------------------------------------------

  function showWarnings(warns) {
    const box = $("#warnings");
    const list = box.querySelector("ul");
    list.replaceChildren(...(warns || []).map((w) => el("li", { text: w.message })));
    box.hidden = !(warns && warns.length);
  }

  function applicable(p, values) {
    if (p.scenes && p.scenes.length && !p.scenes.includes(values.scene)) return false;
    if (p.problems && p.problems.length && !p.problems.includes(values.problem)) return false;
    return true;
  }

  function refresh(warns) {
    const values = api.values();
    lastValues = values;
    const embed = values.embed === "1" || values.embed === "true";
    const wasEmbed = doc.documentElement.classList.contains("embed");
    doc.documentElement.classList.toggle("embed", embed);
    if (embed !== wasEmbed) window.dispatchEvent(new Event("resize"));
    const hide = new Set(values.hide ? values.hide.split(",") : []);
    for (const [name, c] of Object.entries(controls)) {
      c.set(values[name] ?? "", values);
      c.row.classList.toggle("na", !applicable(c.p, values));
      c.row.classList.toggle("hidden-by-url", hide.has(name));
    }
    for (const e of doc.querySelectorAll("#scenebox [data-param]")) {
      e.classList.toggle("hidden-by-url", hide.has(e.dataset.param));
    }
    $("#scenebox").classList.toggle("hidden-by-url", hide.has("scene") && hide.has("preset"));
    $("#scene").value = values.scene;
    $("#scene").disabled = hide.has("scene");
    const presets = api.presets(values.scene) || [];
    const psel = $("#preset");
    psel.replaceChildren(el("option", { value: "", text: "(custom)" }),
      ...presets.map((p) => el("option", { value: p.key, text: p.name })));
    psel.value = values.preset || "";
    const cur = presets.find((p) => p.key === values.preset);
    $("#caption").textContent = cur ? cur.caption : "";
    const st = api.state();
    showEquations(st.methods || []);
    showWarnings(warns || st.warnings);
    $("#overlay a.full").href = fullURL();
    poll();
  }

  function fmtT(x) { return (Math.round(x * 1000) / 1000).toString(); }

  let lastPoll = 0;
  function poll() {
    if (!api) return;
    lastPoll = performance.now();
    const st = api.state();
    const stats = api.stats();
    const parts = st.scene === "order"
      ? [`weak-error sweep ${Math.floor(100 * st.progress)}% done`]
      : [`t = ${fmtT(st.t)} of ${fmtT(st.T)}`, `step ${st.steps}`];
    if (st.done) parts.push("done");
    else if (!st.playing) parts.push("paused");
    const status = $("#status");
    status.replaceChildren(parts.join(" \u00b7 "));
    for (const m of st.methods || []) {
      if (m.status === "diverged") {
        status.append(el("br"), el("span", { class: "diverged", text: `${m.label} diverged at t = ${fmtT(m.divergedAt)} (${m.divergedReps} of ${m.reps} runs)` }));
      }
    }
    if (st.error) status.append(el("br"), el("span", { class: "diverged", text: st.error }));
    const sw = $("#speedwarn");
    sw.hidden = !stats.behind;
    sw.textContent = stats.message || "";
    for (const b of doc.querySelectorAll("button.play")) {
      const full = b.closest("#overlay") === null;
      b.textContent = st.playing ? (full ? "\u275a\u275a pause" : "\u275a\u275a") : (full ? "\u25b6 play" : "\u25b6");
      b.setAttribute("aria-label", st.playing ? "pause" : "play");
    }
    $("#overlay .ovstatus").textContent = `t = ${fmtT(st.t)}` + (stats.behind ? " (slow)" : "");
    $("#stats").textContent =
      `${Math.round(stats.stepsPerSec)} steps/s (asked ${stats.speed}) \u00b7 ` +
      `Update ${stats.msUpdate.toFixed(2)} ms \u00b7 Draw ${stats.msDraw.toFixed(2)} ms \u00b7 ` +
      `${stats.fps.toFixed(0)} FPS \u00b7 ${stats.tps.toFixed(0)} TPS \u00b7 ${stats.paintsPerSec.toFixed(0)} paints/s` +
      (stats.paceMs > 0 ? ` (paced: slow compositor)` : "") +
      (stats.firstFrameMs ? ` \u00b7 first frame ${Math.round(stats.firstFrameMs)} ms` : "");
  }

  // ---- actions -------------------------------------------------------------

  // The page's URL with the query q (canonical, from Go).
  function urlWith(q) {
    return location.origin + location.pathname + (q ? "?" + q : "");
  }
  function fullURL() { return urlWith(api.queryWith("embed", "0")); }

  function embedSnippet() {
    const src = urlWith(api.queryWith("embed", "1"));
    const a = (s) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
    return `<iframe src="${a(src)}" width="800" height="450" style="border:0" loading="lazy" title="smflow" allow="fullscreen"></iframe>`;
  }

  function say(msg) {
    const c = $("#copied");
    c.textContent = msg;
    setTimeout(() => { if (c.textContent === msg) c.textContent = ""; }, 2500);
  }

  // Copies text to the clipboard and also shows it in a read-only field, so
  // it can be copied by hand where the clipboard is not allowed.
  async function copy(text, what) {
    const box = $("#copybox");
    box.value = text;
    box.hidden = false;
    box.select();
    try {
      await navigator.clipboard.writeText(text);
      say(what + " copied");
    } catch (e) {
      say("copy the " + what + " from the field below");
    }
  }

  function download(data, type, name) {
    const url = URL.createObjectURL(new Blob([data], { type }));
    const a = el("a", { href: url, download: name });
    doc.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  function fileBase() {
    const st = api.state();
    return `smflow-${st.scene}${st.preset ? "-" + st.preset : ""}-t${fmtT(st.t)}`;
  }

  const ACTIONS = {
    toggle: () => api.toggle(),
    step: () => api.step(1),
    reset: () => api.reset(),
    copylink: () => copy(urlWith(api.state().query), "link"),
    copyembed: () => copy(embedSnippet(), "embed snippet"),
    png: async () => {
      try {
        download(await api.exportPNG(), "image/png", fileBase() + ".png");
      } catch (e) {
        say("PNG export failed: " + (e && e.message || e));
      }
    },
    csv: () => download(api.exportCSV("state"), "text/csv", fileBase() + "-state.csv"),
    series: () => download(api.exportCSV("series"), "text/csv", fileBase() + "-series.csv"),
  };

  function onAction(e) {
    const b = e.target.closest("[data-act]");
    if (!b || !api) return;
    const f = ACTIONS[b.dataset.act];
    if (f) {
      f();
      poll();
    }
  }

  // Shortcuts when the page (or the frame) has focus: space plays or pauses,
  // the right arrow steps, r resets. Form fields keep their own keys.
  function onKey(e) {
    if (!api || e.ctrlKey || e.metaKey || e.altKey) return;
    const t = e.target || {};
    const tag = t.tagName || "";
    if (t.isContentEditable || tag === "SELECT" || tag === "TEXTAREA") return;
    if (tag === "INPUT" && t.type !== "checkbox") return;
    if ((tag === "BUTTON" || tag === "INPUT" || tag === "A") && (e.key === " " || e.key === "Enter")) return;
    switch (e.key) {
      case " ": api.toggle(); break;
      case "ArrowRight": api.step(1); break;
      case "r": case "R": api.reset(); break;
      default: return;
    }
    e.preventDefault();
    poll();
  }

  // ---- visibility ----------------------------------------------------------

  function updateVisible() {
    if (api) api.setVisible(onScreen && !doc.hidden);
  }

  function init() {
    schema = (JSON.parse(api.schema()).params) || [];
    byName = Object.fromEntries(schema.map((p) => [p.name, p]));
    buildControls();
    doc.addEventListener("click", onAction);
    doc.addEventListener("keydown", onKey);
    doc.addEventListener("visibilitychange", updateVisible);
    if ("IntersectionObserver" in window) {
      // The body is the canvas area; observe it within the viewport (for an
      // iframe, the browser reports the frame's visibility on the page).
      new IntersectionObserver((entries) => {
        for (const en of entries) onScreen = en.isIntersecting;
        updateVisible();
      }, { threshold: 0 }).observe(doc.body);
    }
    refresh();
    // The page's text is updated in the frame that paints the canvas
    // (smflowPainted, called by Go after a paint, at most four times a
    // second): the browser then composites once for both. Without paints
    // (paused, hidden) the timer updates it.
    window.smflowPainted = () => queueMicrotask(poll);
    setInterval(() => { if (performance.now() - lastPoll > 600) poll(); }, 250);
    times.controls = performance.now();
  }

  start();
})();

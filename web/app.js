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
  let scenes = {}; // key -> {key, title, about} (the schema JSON's scenes)
  let byName = {};
  const controls = {}; // name -> {row, set(text, values)}
  let lastValues = {};
  let onScreen = true;

  // ---- data ----------------------------------------------------------------

  // The CSV file of the key data is fetched here (same origin, relative to
  // the page) and its text handed to Go (smflow.setData), which reads it;
  // a failure is handed to smflow.dataFailed. No parsing here.
  const fetching = new Set();
  async function fetchData(path) {
    if (!path || fetching.has(path)) return;
    fetching.add(path);
    let text = null, why = "";
    try {
      const u = new URL(path, location.href);
      if (u.origin !== location.origin) throw new Error("not on this site");
      const r = await fetch(u, { credentials: "same-origin" });
      if (r.ok) text = await r.text();
      else why = (r.status + " " + (r.statusText || "")).trim().toLowerCase();
    } catch (e) {
      why = "cannot be fetched (" + (e && e.message || e) + ")";
    }
    fetching.delete(path);
    const go = window.smflow;
    if (!go) return;
    const warns = text !== null ? go.setData(path, text) : go.dataFailed(path, why);
    if (inited) refresh(warns, "url");
  }
  window.smflowFetchData = (path) => { fetchData(path); };

  // A local file (file input or drop): its text goes to Go under its name.
  const MAX_LOCAL = 16 << 20;
  function readLocal(f) {
    if (!api || !f) return;
    if (f.size > MAX_LOCAL) {
      say(f.name + " is larger than 16 MB; not read");
      return;
    }
    f.text().then((t) => refresh(api.setData(f.name, t), "control"),
      (e) => say(f.name + ": " + (e && e.message || e)));
  }

  // Where the data come from, next to the data control; a local file that
  // is small enough can be put inline in the link.
  function showDataSource(box) {
    if (!api || !box) return;
    const ds = api.dataSource();
    const kids = [el("span", { text: ds.source })];
    if (ds.local && ds.inline) {
      const b = el("button", { type: "button", text: "put the data in the link" });
      b.addEventListener("click", () => setParam("data", ds.inline));
      kids.push(" ", b);
    }
    box.replaceChildren(...kids);
  }

  // ---- loading -------------------------------------------------------------

  // A fatal error (no WebAssembly, a file that did not load, the program
  // stopped): shown over the canvas area, as text, and the control panel,
  // which can do nothing without the program, is hidden (html.failed). With
  // retry, a Retry button calls it.
  function loadError(msg, retry) {
    let p = $("#loading");
    if (!p) {
      p = el("p", { id: "loading" });
      doc.body.append(p);
    }
    p.setAttribute("role", "alert");
    p.classList.add("error");
    p.textContent = (api ? "smflow stopped: " : "smflow cannot start: ") + msg;
    if (retry) {
      const b = el("button", { type: "button", class: "retry", text: "Retry" });
      b.addEventListener("click", retry, { once: true });
      p.append(" ", b);
    }
    doc.documentElement.classList.add("failed");
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
  // The pool of Web Workers (web/worker.js) that Go drives
  // (app/workers_pool.go): auto workers by default, one per spare core;
  // Go creates them (ensure) once the first frame is drawn and reuses them
  // across resets. This side only creates them and relays messages.
  const pool = window.smflowPool = {
    available: typeof Worker === "function",
    auto: Math.max(1, (navigator.hardwareConcurrency || 2) - 1),
    afterFirstFrame: false,
    workers: [],
    error: "",
    onmessage: null, // set by Go: (i, data)
    ensure(n) {
      try {
        while (this.available && this.workers.length < n) {
          const i = this.workers.length, w = new Worker("web/worker.js");
          const relay = (data) => { if (this.onmessage) this.onmessage(i, data); };
          w.onmessage = (e) => relay(e.data);
          w.onerror = (e) => relay({ type: "error", gen: -1, message: "worker: " + (e.message || "cannot be loaded") });
          this.workers.push(w);
        }
      } catch (e) {
        this.available = false;
        this.error = "workers cannot be created (" + (e && e.message || e) + ")";
      }
      return this.workers.length;
    },
    post(i, msg, transfer) { this.workers[i].postMessage(msg, transfer); },
  };

  window.smflowFirstFrame = () => {
    window.smflowFirstFrameAt = times.firstFrame = performance.now();
    pool.afterFirstFrame = true;
    fixCanvas();
    const p = $("#loading");
    if (p) p.remove();
    setTimeout(initOnce, 0);
  };
  window.smflowReady = () => {
    times.ready = performance.now();
    api = window.smflow;
    fetchData(api.dataWanted());
    setTimeout(initOnce, 5000);
  };

  // The time a download may go without receiving a byte before it is given
  // up (ms): 30 s, or the seconds of the attribute data-loadtimeout of the
  // <html> element (the tests set it; no query key, which Go would report).
  function loadTimeout() {
    const v = Number(doc.documentElement.dataset.loadtimeout);
    return v > 0 ? v * 1000 : 30000;
  }

  // A LoadFailure is a load error whose message names the file and the cause.
  class LoadFailure extends Error {}

  const MB = (n) => (n / 1e6).toFixed(1) + " MB";

  // httpFailure names the HTTP status of a failed answer for url.
  function httpFailure(url, resp) {
    const status = "HTTP " + resp.status + (resp.statusText ? " " + resp.statusText : "");
    return resp.status === 404 || resp.status === 410 ?
      url + " was not found on the server (" + status + ")." :
      url + " could not be fetched: the server answered " + status + ".";
  }

  // loadWasm downloads the WebAssembly program url once and instantiates it
  // with imports, calling progress(got, total) as bytes arrive (total: the
  // Content-Length, 0 when unknown or when it counts compressed bytes, as
  // with Content-Encoding br or gzip, while got counts decoded bytes). With
  // the type application/wasm the browser compiles the response while it
  // arrives (and may reuse the compiled code next time), and a clone of it
  // (the same download, not another request) counts the bytes; with another
  // type the bytes are read and then compiled. It throws a LoadFailure that
  // names the cause: an HTTP status, an unreachable server, a download cut
  // short, no data for loadTimeout() ms, a file that is not WebAssembly or
  // does not compile.
  async function loadWasm(url, imports, progress) {
    const ctl = new AbortController();
    const limit = loadTimeout();
    let timedOut = false, timer = 0;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => { timedOut = true; ctl.abort(); }, limit);
    };
    let got = 0, total = 0;
    const stalled = () => new LoadFailure(url + " did not arrive: no data for " + limit / 1000 +
      " s (" + (got ? "stopped after " + got + " bytes" : "no answer from the server") +
      "). The network or the server is slow or down.");

    // readAll reads body to its end, counting the bytes; it returns them
    // when keep is true, else only the first 40 (to name a wrong file).
    async function readAll(body, keep) {
      const reader = body.getReader();
      const parts = [];
      for (;;) {
        let r;
        try {
          r = await reader.read();
        } catch (e) {
          throw timedOut ? stalled() : new LoadFailure(url + " is cut short: the download broke off after " +
            got + (total ? " of " + total : "") + " bytes (" + (e && e.message || e) + ").");
        }
        if (r.done) break;
        if (keep || got < 40) parts.push(r.value);
        got += r.value.length;
        arm();
        progress(got, total);
      }
      clearTimeout(timer); // compiling is not downloading
      if (total && got !== total) {
        throw new LoadFailure(url + " is cut short: got " + got + " of " + total + " bytes.");
      }
      const out = new Uint8Array(parts.reduce((n, c) => n + c.length, 0));
      let at = 0;
      for (const c of parts) { out.set(c, at); at += c.length; }
      return out;
    }

    // notWasm names a file whose first bytes (head) are not WebAssembly's.
    function notWasm(head) {
      const magic = [0x00, 0x61, 0x73, 0x6d];
      if (head.length >= 4 && magic.every((b, i) => head[i] === b)) return "";
      const text = new TextDecoder().decode(head.subarray(0, 40)).replace(/[^\x20-\x7e]/g, "?");
      return url + " is not a WebAssembly program (" + got + " bytes, starting \u201c" + text +
        "\u201d): the server sent another file in its place.";
    }

    // compileFailure names why a complete download did not instantiate.
    const compileFailure = (e) => new LoadFailure(url + (e instanceof WebAssembly.CompileError ?
      " is cut short or damaged: its " + got + " bytes do not compile (" : " cannot be started (") +
      (e && e.message || e) + ").");

    arm();
    try {
      let resp;
      try {
        resp = await fetch(url, { signal: ctl.signal });
      } catch (e) {
        if (timedOut) throw stalled();
        throw new LoadFailure(url + " cannot be reached (" + (e && e.message || e) + "): the server is down or the network is off.");
      }
      if (!resp.ok) throw new LoadFailure(httpFailure(url, resp));
      if (!resp.headers.get("Content-Encoding")) total = Number(resp.headers.get("Content-Length")) || 0;
      const streaming = typeof WebAssembly.instantiateStreaming === "function" &&
        /^application\/wasm\b/.test(resp.headers.get("Content-Type") || "");
      if (!streaming) {
        const bytes = await readAll(resp.body, true);
        const why = notWasm(bytes);
        if (why) throw new LoadFailure(why);
        try {
          return await WebAssembly.instantiate(bytes, imports);
        } catch (e) {
          throw compileFailure(e);
        }
      }
      // The count's outcome, caught at once (no unhandled rejection).
      const counted = readAll(resp.clone().body, false).then((head) => ({ head }), (err) => ({ err }));
      let inst, compileErr;
      try {
        inst = await WebAssembly.instantiateStreaming(resp, imports);
      } catch (e) {
        compileErr = e;
      }
      const c = await counted; // a broken or stalled download is the cause
      if (c.err) throw c.err;
      if (!compileErr) return inst;
      const why = notWasm(c.head);
      throw why ? new LoadFailure(why) : compileFailure(compileErr);
    } finally {
      clearTimeout(timer);
    }
  }

  // showProgress writes the download's progress in the loading line.
  function showProgress(got, total) {
    const p = $("#loading");
    if (!p) return;
    p.textContent = "Loading the simulation\u2026 " +
      (total ? Math.floor(100 * got / total) + " % of " + MB(total) : MB(got));
  }

  // whyNoGo names why wasm_exec.js (Go's loader, which defines Go) did not
  // run: its HTTP status, an unreachable server, or a file without Go.
  async function whyNoGo() {
    const url = "wasm_exec.js";
    try {
      const r = await fetch(url, { method: "HEAD", cache: "no-cache" });
      if (!r.ok) return httpFailure(url, r);
      return url + " loaded but did not define Go (a wrong or damaged file, or blocked by the page's security policy).";
    } catch (e) {
      return url + " cannot be reached (" + (e && e.message || e) + "): the server is down or the network is off.";
    }
  }

  // start downloads smflow.wasm once (loadWasm), compiles it and runs it. Each failure shows its own message (loadError); those the network
  // may cure offer a Retry, which starts again.
  async function start() {
    if (typeof WebAssembly !== "object" || typeof WebAssembly.instantiate !== "function") {
      loadError("this browser has no WebAssembly support (or it is turned off); smflow needs it. Try a recent Firefox, Chrome, Edge or Safari.");
      return;
    }
    if (typeof Go !== "function") {
      loadError(await whyNoGo(), () => location.reload());
      return;
    }
    const retry = () => {
      const p = $("#loading");
      p.classList.remove("error");
      p.setAttribute("role", "status");
      p.textContent = "Loading the simulation\u2026";
      doc.documentElement.classList.remove("failed");
      start();
    };
    const url = "smflow.wasm";
    const go = new Go();
    // Fewer garbage collections while starting; Go sets the usual GOGC=100
    // after the first frame.
    go.env = Object.assign({}, go.env, { GOGC: "400" });
    let inst;
    try {
      inst = await loadWasm(url, go.importObject, showProgress);
    } catch (e) {
      loadError(e instanceof LoadFailure ? e.message : url + ": " + (e && e.message || e), retry);
      return;
    }
    times.instantiated = performance.now();
    go.run(inst.instance).then(() => {
      window.smflowExited = true;
      loadError("the program ended (see the browser console). Reload the page, or go back to a simpler URL.");
    });
  }

  // Ebitengine gives its canvas tabindex 1 (first in the tab order, before
  // every control) and no focus ring: it takes its natural place after the
  // controls, and the style sheet draws the ring.
  function fixCanvas() {
    const c = $("canvas");
    if (c) c.tabIndex = 0;
  }

  // ---- controls ------------------------------------------------------------

  // start is set by the time scrubber and "copy link"; overlay by the
  // embed options.
  const SKIP = new Set(["scene", "preset", "embed", "hide", "start", "overlay"]);
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
    refresh(warns, name === "scene" || name === "preset" ? "scene" : "control");
  }

  function makeControl(p) {
    const id = "ctl-" + p.name;
    const row = el("div", { class: "ctl", "data-param": p.name, title: p.doc });
    // The plain name next to the key, visible without hovering.
    const label = el("label", { for: id });
    if (p.label && p.label !== p.name) label.append(el("span", { class: "plain", text: p.label }), " ");
    label.append(el("span", { class: "key", text: p.name }));
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
        const box = el("div", { class: "checks", id, role: "group", "aria-label": (p.label || p.name) + " " + p.name });
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
        const range = el("input", { type: "range", min: "0", max: "1000", step: "1", "aria-label": (p.label || p.name) + " " + p.name + " slider" });
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
      case "data": {
        const inp = el("input", { type: "text", id, spellcheck: "false", placeholder: "data/course.csv or inline:0.2;0.9" });
        inp.addEventListener("change", () => setParam(p.name, inp.value.trim()));
        const file = el("input", { type: "file", id: "datafile", accept: ".csv,text/csv,text/plain", "aria-label": "open a CSV data file (or drop one on the page)" });
        file.addEventListener("change", () => {
          if (file.files && file.files[0]) readLocal(file.files[0]);
          file.value = "";
        });
        const src = el("div", { class: "datasource", id: "datasource", "aria-live": "polite" });
        row.classList.add("wide");
        row.append(inp, file, src);
        set = (text) => {
          if (doc.activeElement !== inp) inp.value = text;
          showDataSource(src);
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
    requestAnimationFrame(fitEquations);
  }

  // Shrinks an equation that is wider than the panel to its width (down to
  // 60 %; a narrower one scrolls).
  function fitEquations() {
    for (const td of doc.querySelectorAll("#eqs td.eq")) {
      const m = td.querySelector("math");
      if (!m) continue;
      m.style.fontSize = "";
      const avail = td.clientWidth, w = m.getBoundingClientRect().width;
      if (avail > 0 && w > avail) m.style.fontSize = Math.max(0.6, 0.9 * avail / w).toFixed(3) + "em";
    }
  }

  // ---- state -> page -------------------------------------------------------

  // The title of the warning box says where the values came from.
  const WARN_TITLE = {
    url: "Some values in the URL were ignored or changed:",
    control: "The value you entered was ignored or changed:",
    scene: "Some values of the scene or preset were ignored or changed:",
  };

  function showWarnings(warns, source) {
    const box = $("#warnings");
    if (WARN_TITLE[source]) box.querySelector(".title").textContent = WARN_TITLE[source];
    const list = box.querySelector("ul");
    list.replaceChildren(...(warns || []).map((w) => el("li", { text: w.message })));
    box.hidden = !(warns && warns.length);
  }

  function applicable(p, values) {
    if (p.scenes && p.scenes.length && !p.scenes.includes(values.scene)) return false;
    if (p.problems && p.problems.length && !p.problems.includes(values.problem)) return false;
    return true;
  }

  function refresh(warns, source) {
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
    $("#scrubber").classList.toggle("hidden-by-url", hide.has("start"));
    $("#scene").value = values.scene;
    $("#scene").disabled = hide.has("scene");
    const presets = api.presets(values.scene) || [];
    const psel = $("#preset");
    psel.replaceChildren(el("option", { value: "", text: "(custom)" }),
      ...presets.map((p) => el("option", { value: p.key, text: p.name })));
    psel.value = values.preset || "";
    const cur = presets.find((p) => p.key === values.preset);
    $("#caption").textContent = cur ? cur.caption : "";
    const sc = scenes[values.scene];
    $("#about").textContent = sc && sc.about ? "What you see: " + sc.about + "." : "";
    doc.documentElement.classList.toggle("no-overlay", values.overlay === "0");
    const st = api.state();
    showEquations(st.methods || []);
    showWarnings(warns || st.warnings, source || "url");
    $("#overlay a.full").href = fullURL();
    if (!$("#embedopts").hidden) showEmbed();
    poll();
  }

  function fmtT(x) { return (Math.round(x * 1000) / 1000).toString(); }

  let lastPoll = 0;
  function poll() {
    if (!api) return;
    lastPoll = performance.now();
    const st = api.state();
    const stats = api.stats();
    // T that is no whole number of steps is rounded up (sim stepping):
    // say so rather than show t past T.
    const sweep = st.scene === "order";
    const parts = sweep
      ? [st.done ? "weak-error sweep done" : `weak-error sweep ${Math.floor(100 * st.progress)}% done`]
      : st.tRun !== st.T && st.tRun > 0
        ? [`t = ${fmtT(st.t)} of ${fmtT(st.tRun)} (T = ${fmtT(st.T)} rounded up to ${st.totalSteps} steps)`, `step ${st.steps}`]
        : [`t = ${fmtT(st.t)} of ${fmtT(st.T)}`, `step ${st.steps}`];
    if (st.loop) parts.push("loop");
    showScrubber(st);
    if (st.done) { if (!sweep) parts.push("done"); }
    else if (st.stepping) parts.push("stepping");
    else if (!st.playing) parts.push("paused");
    const status = $("#status");
    status.replaceChildren(parts.join(" \u00b7 "));
    for (const m of st.methods || []) {
      if (m.status === "diverged") {
        status.append(el("br"), el("span", { class: "diverged", text: `${m.label} diverged at t = ${fmtT(m.divergedAt)} (${m.divergedReps} of ${m.reps} runs)` }));
      }
    }
    if (st.error) status.append(el("br"), el("span", { class: "diverged", text: st.error }));
    showOperation(st.operation);
    const sw = $("#speedwarn");
    // The warning keeps its line when hidden, so the panel does not move.
    sw.style.visibility = stats.behind ? "visible" : "hidden";
    sw.textContent = stats.behind ? stats.message || "" : "";
    for (const b of doc.querySelectorAll("button.play")) {
      const full = b.closest("#overlay") === null;
      b.textContent = st.playing ? (full ? "\u275a\u275a pause" : "\u275a\u275a") : (full ? "\u25b6 play" : "\u25b6");
      b.setAttribute("aria-label", st.playing ? "pause" : "play");
    }
    $("#overlay .ovstatus").textContent = `t = ${fmtT(st.t)}` + (stats.behind ? " (slow)" : "");
    $("#stats").textContent =
      `${Math.round(stats.stepsPerSec)} steps/s (asked ${stats.speed}) \u00b7 ` +
      `Update ${stats.msUpdate.toFixed(2)} ms \u00b7 Draw ${stats.msDraw.toFixed(2)} ms \u00b7 ` +
      `longest block ${Math.round(stats.maxBlockMs)} ms \u00b7 ` +
      `${stats.fps.toFixed(0)} FPS \u00b7 ${stats.tps.toFixed(0)} TPS \u00b7 ${stats.paintsPerSec.toFixed(0)} paints/s` +
      (stats.paceMs > 0 ? ` (paced: slow compositor)` : "") +
      (stats.firstFrameMs ? ` \u00b7 first frame ${Math.round(stats.firstFrameMs)} ms` : "");
  }

  // showOperation shows a long operation's progress (Go decides which and
  // when: state().operation, null when none) with its Cancel button.
  function showOperation(p) {
    const box = $("#operation");
    if (!box) return;
    box.hidden = !p;
    if (!p) return;
    box.querySelector("progress").value = p.fraction;
    const pct = `${Math.floor(100 * p.fraction)}%`;
    box.querySelector(".what").textContent = p.total > 0 ? `${p.what}: ${p.done} of ${p.total} (${pct})` : `${p.what}: ${pct}`;
  }

  // ---- time scrubber (0 .. the end of the run, in units of t) --------------

  let scrubbing = false;
  let seekTimer = null;
  function showScrubber(st) {
    const box = $("#scrubber");
    box.classList.toggle("na", st.scene === "order" || !(st.tRun > 0));
    if (scrubbing) return;
    const r = $("#scrub");
    r.max = String(st.tRun);
    r.value = String(st.t);
    r.setAttribute("aria-valuetext", `t = ${fmtT(st.t)} of ${fmtT(st.tRun)}`);
    box.querySelector(".hi").textContent = fmtT(st.tRun);
  }
  function initScrubber() {
    const r = $("#scrub");
    const seek = () => { clearTimeout(seekTimer); seekTimer = null; api.seek(+r.value); poll(); };
    r.addEventListener("input", () => {
      scrubbing = true;
      if (!seekTimer) seekTimer = setTimeout(seek, 120);
    });
    r.addEventListener("change", () => { seek(); scrubbing = false; });
    r.addEventListener("blur", () => { scrubbing = false; });
  }

  // ---- actions -------------------------------------------------------------

  // The page's URL with the query q (canonical, from Go).
  function urlWith(q) {
    return location.origin + location.pathname + (q ? "?" + q : "");
  }
  function fullURL() { return urlWith(api.queryWith("embed", "0")); }

  // The iframe snippet of the embed options: a size preset, play on load,
  // loop, overlay. Loop is written only when it differs from what the
  // embed does by itself (loop=auto: an embed that autoplays loops).
  function embedSnippet() {
    const [w, h] = (doc.querySelector("input[name=esize]:checked") || { value: "960x540" }).value.split("x");
    const auto = $("#eautoplay").checked, loop = $("#eloop").checked;
    const src = urlWith(api.queryWith("embed", "1", "autoplay", auto ? "1" : "0",
      "loop", loop === auto ? "auto" : loop ? "1" : "0", "overlay", $("#eoverlay").checked ? "1" : "0", "start", "0"));
    const a = (s) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
    const sc = scenes[lastValues.scene];
    const title = "smflow" + (sc ? ": " + sc.title : "");
    return `<iframe src="${a(src)}" width="${w}" height="${h}" style="border:0;max-width:100%" loading="lazy" title="${a(title)}" allow="fullscreen" allowfullscreen></iframe>`;
  }
  function showEmbed() {
    const text = embedSnippet();
    const box = $("#copybox");
    box.value = text;
    box.hidden = false;
    return text;
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
    step: () => api.step(1).then(poll),
    cancel: () => api.cancel(),
    reset: () => api.reset(),
    // The link opens at the current time (start=t; t is alpha times the
    // steps, which start=t gives back).
    copylink: () => {
      const st = api.state();
      const q = st.scene !== "order" && st.t > 0 ? api.queryWith("start", String(Number(st.t.toPrecision(12)))) : st.query;
      const ds = api.dataSource();
      copy(urlWith(q), "link").then(() => {
        if (ds.local) say("this link needs the local data file (it is not in the link)" + (ds.inline ? "; \"put the data in the link\" makes it self-contained" : ""));
      });
    },
    copyembed: () => {
      $("#embedopts").hidden = false;
      copy(showEmbed(), "embed snippet");
    },
    fullscreen: () => {
      if (doc.fullscreenElement) doc.exitFullscreen();
      else if (doc.documentElement.requestFullscreen) {
        doc.documentElement.requestFullscreen().catch((e) => say("full screen refused: " + (e && e.message || e)));
      }
    },
    png: async () => {
      try {
        download(await api.exportPNG(2), "image/png", fileBase() + ".png");
      } catch (e) {
        say("PNG export failed: " + (e && e.message || e));
      }
    },
    csv: async () => {
      try {
        download(await api.exportCSV("state"), "text/csv", fileBase() + "-state.csv");
      } catch (e) {
        say("CSV export " + (e && e.message || e));
      }
    },
    series: async () => download(await api.exportCSV("series"), "text/csv", fileBase() + "-series.csv"),
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

  // Keys, seen first (capture phase on the window). Ebitengine's own
  // handlers on the canvas would swallow every key (preventDefault, Tab
  // included), and the app reads no key through Ebitengine but Shift (held
  // for shift-click, the input layer's): other keys on the canvas stop
  // here. Space plays or pauses while the canvas has focus; r resets; the
  // right arrow steps, except in an embed, where the arrow and page keys
  // and every key the app does not use go to the host page (a slide deck):
  // dispatched again on a same-origin host's document, posted to any other.
  // Tab moves the focus; form fields keep their keys.
  const isEmbed = () => doc.documentElement.classList.contains("embed");
  function onKeyCapture(e) {
    if (e.key === "Tab") doc.documentElement.classList.add("kbd");
    const t = e.target || {};
    const onCanvas = t.tagName === "CANVAS";
    if (onCanvas && e.key !== "Shift") e.stopPropagation();
    if (e.type !== "keydown" || !api || e.key === "Tab" || e.isComposing) return;
    const tag = t.tagName || "";
    if (t.isContentEditable || tag === "SELECT" || tag === "TEXTAREA") return;
    if (tag === "INPUT" && t.type !== "checkbox" && t.type !== "radio") return;
    const control = tag === "BUTTON" || tag === "INPUT" || tag === "A" || tag === "SUMMARY";
    if (control && (e.key === " " || e.key === "Enter")) return; // the control's own action
    const mods = e.ctrlKey || e.metaKey || e.altKey;
    if (!mods && e.key === " " && onCanvas) {
      api.toggle();
    } else if (!mods && (e.key === "r" || e.key === "R")) {
      api.reset();
    } else if (isEmbed() && !mods) {
      toHost(e);
      return;
    } else if (!mods && e.key === "ArrowRight") {
      api.step(1).then(poll);
    } else {
      return;
    }
    e.preventDefault();
    poll();
  }

  // toHost sends a key event to the page that embeds this frame.
  function toHost(e) {
    if (window.parent === window) return;
    const init = {
      key: e.key, code: e.code, location: e.location, repeat: e.repeat,
      ctrlKey: e.ctrlKey, shiftKey: e.shiftKey, altKey: e.altKey, metaKey: e.metaKey,
      keyCode: e.keyCode, which: e.which, bubbles: true, cancelable: true, composed: true,
    };
    let host = null;
    try {
      host = window.parent.document; // throws for another origin
    } catch (_) {
      host = null;
    }
    if (host) {
      const ev = new window.parent.KeyboardEvent(e.type, init);
      // Chromium ignores keyCode in the init: older decks read it.
      for (const k of ["keyCode", "which"]) {
        if (ev[k] !== init[k]) Object.defineProperty(ev, k, { get: () => init[k] });
      }
      host.dispatchEvent(ev);
    } else {
      const msg = Object.assign({ type: "smflow-key", event: e.type }, init);
      delete msg.bubbles; delete msg.cancelable; delete msg.composed;
      window.parent.postMessage(msg, "*");
    }
    e.preventDefault();
  }

  // ---- embed overlay: hidden while the pointer is away -------------------

  let awayTimer = null;
  function pointerHere(e) {
    if (e && e.type === "pointerdown") doc.documentElement.classList.remove("kbd");
    doc.documentElement.classList.remove("pointer-away");
    clearTimeout(awayTimer);
    awayTimer = setTimeout(pointerAway, 2500);
  }
  function pointerAway() {
    clearTimeout(awayTimer);
    doc.documentElement.classList.add("pointer-away");
  }

  // ---- visibility ----------------------------------------------------------

  function updateVisible() {
    if (api) api.setVisible(onScreen && !doc.hidden);
  }

  function init() {
    const js = JSON.parse(api.schema());
    schema = js.params || [];
    scenes = Object.fromEntries((js.scenes || []).map((s) => [s.key, s]));
    byName = Object.fromEntries(schema.map((p) => [p.name, p]));
    buildControls();
    initScrubber();
    fixCanvas();
    doc.addEventListener("click", onAction);
    // A CSV file dropped anywhere on the page is the data set.
    doc.addEventListener("dragover", (e) => {
      if (e.dataTransfer && [...e.dataTransfer.types].includes("Files")) e.preventDefault();
    });
    doc.addEventListener("drop", (e) => {
      const f = e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files[0];
      if (!f) return;
      e.preventDefault();
      readLocal(f);
    });
    $("#embedopts").addEventListener("change", () => copy(showEmbed(), "embed snippet"));
    if (!doc.fullscreenEnabled) for (const b of doc.querySelectorAll("button.fs")) b.hidden = true;
    doc.addEventListener("pointermove", pointerHere);
    doc.addEventListener("pointerdown", pointerHere);
    doc.documentElement.addEventListener("pointerleave", pointerAway);
    pointerHere();
    window.addEventListener("resize", () => requestAnimationFrame(fitEquations));
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

  // Keys are caught from the start, before Ebitengine's canvas sees any.
  window.addEventListener("keydown", onKeyCapture, true);
  window.addEventListener("keyup", onKeyCapture, true);
  start();
})();

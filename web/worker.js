// smflow Web Worker: loads wasm_exec.js and the sim-only WebAssembly
// program (smflow-worker.wasm, beside the page's smflow.wasm) and relays
// the page's messages to it (self.smflowWorkerHandle, set by Go). Messages
// that arrive while the program loads wait in a queue. A load failure is
// posted as {type: "error", gen: -1, message}, the end of loading as
// {type: "loaded", gen: -1}. No mathematics here.
"use strict";
const queue = [];
let handle = null;
self.smflowWorkerReady = () => {
  handle = self.smflowWorkerHandle;
  for (const m of queue.splice(0)) handle(m);
  self.postMessage({ type: "loaded", gen: -1 });
};
self.onmessage = (e) => {
  if (handle) handle(e.data);
  else queue.push(e.data);
};
(async () => {
  try {
    importScripts("../wasm_exec.js");
    const go = new Go();
    const url = new URL("../smflow-worker.wasm", self.location.href);
    let inst;
    try {
      inst = await WebAssembly.instantiateStreaming(fetch(url), go.importObject);
    } catch (e) {
      const r = await fetch(url);
      if (!r.ok) throw new Error("smflow-worker.wasm: " + r.status);
      inst = await WebAssembly.instantiate(await r.arrayBuffer(), go.importObject);
    }
    go.run(inst.instance).then(() => self.postMessage({ type: "error", gen: -1, message: "the worker program ended" }));
  } catch (e) {
    self.postMessage({ type: "error", gen: -1, message: "loading the worker: " + (e && e.message || e) });
  }
})();

# smflow: build, serve and test.
#
#   make test    native tests (GOAMD64=v1), sim tests under WASM (Node), the Ebiten packages'
#                tests under WASM in Chromium (wasmbrowsertest), browser tests of the page (chromedp)
#   make wasm    build dist/smflow.wasm
#   make dist    the static site in dist/ (relative paths; precompressed .br and .gz)
#   make serve   make dist, then serve it on http://127.0.0.1:8080
#   make bench   simulation steps/s, ms per Update/Draw, first-frame time, FPS/TPS and allocations
#                per Draw in headless Chromium, next to native benchmarks: reported, not asserted
#                (make test asserts behaviour only, nothing that depends on the machine's speed)
#   make screenshots  PNGs of the page and of every scene and preset into $(SHOTS)
#   make readme  regenerate the parameter and preset tables of README.md
#   make profile Q='scene=meanfield&autoplay=1' ROOT=Game_.Draw   the page's hottest Go functions
#
# Packages that import Ebiten or syscall/js build only for GOOS=js, so the
# native commands need no X11 headers.

GO       ?= go
DIST     ?= dist
ADDR     ?= 127.0.0.1:8080
GOROOT   := $(shell $(GO) env GOROOT)
WASMENV  := GOOS=js GOARCH=wasm
NODEPATH := PATH="$$PATH:$(GOROOT)/lib/wasm"
BROTLI_Q ?= 11
SERVE_BROTLI_Q ?= 9

export GOAMD64 = v1

SHOTS    ?= docs/screenshots
# wasmbrowsertest, installed as go_js_wasm_exec, runs GOOS=js tests in Chromium
WBTDIR   ?= $(shell $(GO) env GOPATH)/smflow-wbt
WBT      := $(WBTDIR)/go_js_wasm_exec

.PHONY: all test test-native test-wasm test-browser test-e2e vet wasm dist serve bench screenshots readme profile clean

all: dist

test: vet test-native test-wasm test-browser test-e2e

vet:
	$(GO) vet ./...
	$(WASMENV) $(GO) vet ./app/... ./wasm/... ./scene/... ./render/...

test-native:
	$(GO) test $$($(GO) list ./... | grep -v '/e2e$$')

test-wasm:
	$(NODEPATH) $(WASMENV) $(GO) test ./sim/... ./catalog/ ./cmd/smf/

# Packages that import Ebiten need a browser (WebGL, a document): their tests
# (build tag browser) run in Chromium through wasmbrowsertest.
test-browser: $(WBT)
	PATH="$(WBTDIR):$$PATH" $(WASMENV) $(GO) test -tags browser ./app/ ./scene/... ./render/...

$(WBT):
	mkdir -p $(WBTDIR)
	GOBIN=$(WBTDIR) $(GO) install github.com/agnivade/wasmbrowsertest@v0.11.0
	mv $(WBTDIR)/wasmbrowsertest $(WBT)

test-e2e:
	$(GO) test -count=1 -timeout 15m ./e2e/...

wasm:
	@mkdir -p $(DIST)
	$(WASMENV) $(GO) build -trimpath -ldflags="-s -w" -o $(DIST)/smflow.wasm ./wasm

dist: wasm
	mkdir -p $(DIST)/web
	cp index.html $(DIST)/index.html
	cp web/app.js web/style.css web/worker.js $(DIST)/web/
	$(WASMENV) $(GO) build -trimpath -ldflags="-s -w" -o $(DIST)/smflow-worker.wasm ./wasm/worker
	cp "$(GOROOT)/lib/wasm/wasm_exec.js" $(DIST)/wasm_exec.js
	$(GO) run ./cmd/compress -q $(BROTLI_Q) $(DIST)
	@ls -l $(DIST)/smflow.wasm $(DIST)/smflow.wasm.br $(DIST)/smflow.wasm.gz $(DIST)/smflow-worker.wasm*

# serve compresses at brotli quality 9 (seconds instead of minutes at 11).
serve:
	$(MAKE) dist BROTLI_Q=$(SERVE_BROTLI_Q)
	$(GO) run ./cmd/serve -addr $(ADDR) -dir $(DIST)

bench:
	@echo "== simulation step per method, native and WebAssembly (Node), medians of 3 rounds =="
	$(GO) run ./cmd/benchtable -count 3
	@echo "== headless Chromium: per scene defaults =="
	SMFLOW_BENCH=1 $(GO) test -count=1 -run '^TestBench(Workers)?$$' -v ./e2e/ | grep -E 'bench|ok|FAIL|---'

# Screenshots of the page and of every scene and preset (half way, at 1280x800,
# by TestAxes), made by the browser tests (for the README).
# A CPU profile of the page in headless Chromium: make profile Q='scene=meanfield&autoplay=1' [ROOT=Game_.Draw]
profile:
	SMFLOW_PROFILE="$(Q)" SMFLOW_PROFILE_ROOT="$(ROOT)" $(GO) test -count=1 -run '^TestProfile$$' -v ./e2e/ | grep -v -e '^=== ' -e IPAddressSpace

# The README's parameter and preset tables, generated (a test keeps them in sync).
readme:
	$(GO) run ./cmd/smf params -readme README.md

screenshots:
	SMFLOW_SHOTS="$(CURDIR)/$(SHOTS)" $(GO) test -count=1 -run '^(TestDefaultPage|TestAxes)$$' ./e2e/

clean:
	rm -rf $(DIST)

# Guiji: `make run` opens the app on the sample project; `make test` runs every test.
# Both set everything up on a fresh machine first (system packages, .venv, translations).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
TS := resources/i18n/guiji_zh_CN.ts
QM := resources/i18n/guiji_zh_CN.qm
SAMPLE ?= .sample/示例项目.guiji

.PHONY: setup run test bench bench-small eval-suggestions lint translations update-translations sample clean \
	wheel dist dist-test

setup: $(STAMP) $(QM)

$(STAMP): pyproject.toml
	@bash packaging/system-deps.sh
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

$(QM): $(TS) $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $(TS) -qm $(QM)

translations: $(QM)

# Developers: collect new UI strings into the .ts file (then translate them in it).
update-translations: $(STAMP)
	$(VENV)/bin/pyside6-lupdate -silent -no-obsolete $$(find app/ui -name '*.py' | sort) -ts $(TS)

$(SAMPLE): $(STAMP) resources/sample/sample.json
	@mkdir -p $(dir $(SAMPLE))
	@rm -f "$(SAMPLE)"
	$(PY) -m app sample "$(SAMPLE)"

sample: $(SAMPLE)

run: setup $(SAMPLE)
	$(PY) -m app "$(SAMPLE)"

test: setup
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider

bench: setup
	$(PY) -m bench --size large

bench-small: setup
	$(PY) -m bench --size small

# Suggestion quality on the hand-coded gold set (bench/gold/README.md): JSON on stdout.
eval-suggestions: setup
	$(PY) -m bench.gold

lint: setup
	$(VENV)/bin/ruff check app tests bench
	$(VENV)/bin/mypy

# Installable builds (packaging/README.md): the wheel, and the Linux PyInstaller bundle in dist/guiji/.
wheel: setup
	$(PY) -m build --wheel --no-isolation --outdir dist .

dist: setup
	$(PY) packaging/build_bundle.py

# Builds the bundle, then runs packaging/smoke.py with the bundled executable (CI: .ci/run).
dist-test: dist
	QT_QPA_PLATFORM=offscreen $(PY) packaging/smoke.py -- dist/guiji/guiji

clean:
	rm -rf $(VENV) .sample $(QM)

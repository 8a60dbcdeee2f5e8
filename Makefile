# Two commands set up everything on a fresh machine: `make play` and `make test`.
# Both (re)build .venv from pyproject.toml when it is missing or older than pyproject.toml.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: catalogs play test bench screenshots fuzz lint standalone clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,dask,rl]'
	touch $(STAMP)

# The .mo files are committed too (so a plain pip install has them); this rebuilds them from the .po.
catalogs: $(STAMP)
	$(BIN)/python -m game.tools.make_catalogs

play: $(STAMP) catalogs
	$(BIN)/python -m game

test: $(STAMP) catalogs
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/sim_bench.py
	@if [ -f bench/frame_bench.py ]; then $(BIN)/python bench/frame_bench.py; fi

screenshots: $(STAMP)
	SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy $(BIN)/python -m game.screenshots docs/screenshots
	SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy $(BIN)/python -m game.screenshots docs/screenshots/200 200

fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -k fuzz

lint: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,dev]'
	$(BIN)/ruff check sim game tests bench
	$(BIN)/mypy

# A self-contained build of the game for this OS (docs/install.md): dist/amid-plenty/amid-plenty.
# One folder, not one file (packaging/amid-plenty.spec says why); zip the folder to hand it out.
$(VENV)/.standalone: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[standalone]'
	touch $@

standalone: $(VENV)/.standalone catalogs
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller packaging/amid-plenty.spec

clean:
	rm -rf $(VENV) build dist *.egg-info

# govgraph developer commands.  `make test` is THE test command (README, CI).
#
#   make test          venv (Python 3.12) + deps, a Neo4j 5.26 for the tests (Java+Maven), pytest on both stores
#   make neo4j-start   start the no-Docker Neo4j (scripts/neo4j-server) and print the URL to use
#   make neo4j-stop    stop it
#   make demo          the demo (contents owned by the lead)

SHELL := /bin/bash
.DEFAULT_GOAL := test

VENV ?= .venv
PYTHON_VERSION := 3.12
NEO4J := scripts/neo4j-server
# Extra pytest arguments, e.g. `make test PYTEST_ARGS='-k neo4j -x'`.
PYTEST_ARGS ?=
# The test server gets a free loopback port and its own state directory
# (deleted afterwards), so it never touches the server `make neo4j-start`
# runs for you, nor another `make test` running at the same time.
TEST_NEO4J_ENV = GOVGRAPH_NEO4J_HOME=$(CURDIR)/.neo4j/test-$$port GOVGRAPH_NEO4J_PORT=$$port GOVGRAPH_NEO4J_FRESH=1
FREE_PORT := $(VENV)/bin/python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'

.PHONY: test venv neo4j-build neo4j-start neo4j-stop neo4j-status demo clean

# --- Python 3.12 virtualenv --------------------------------------------------------
# `python3.12` may be a pyenv shim that fails unless PYENV_VERSION is set, so
# every candidate is probed by running it.
define FIND_PYTHON
for c in "$${PYTHON:-}" python$(PYTHON_VERSION) \
         $$(command -v pyenv >/dev/null && ls -d "$$(pyenv root)"/versions/$(PYTHON_VERSION)*/bin/python$(PYTHON_VERSION) 2>/dev/null) \
         $$(ls -d "$${PYENV_ROOT:-$$HOME/.pyenv}"/versions/$(PYTHON_VERSION)*/bin/python$(PYTHON_VERSION) 2>/dev/null) \
         /usr/local/bin/python$(PYTHON_VERSION) /usr/bin/python$(PYTHON_VERSION); do \
    [ -n "$$c" ] || continue; \
    if "$$c" -c 'import sys; sys.exit(sys.version_info[:2] != ($(subst .,$(comma),$(PYTHON_VERSION))))' >/dev/null 2>&1; then \
        echo "$$c"; break; \
    fi; \
done
endef
comma := ,

$(VENV)/bin/python:
	@py="$$($(FIND_PYTHON))"; \
	if [ -z "$$py" ]; then \
	    echo "make: Python $(PYTHON_VERSION) not found (tried \$$PYTHON, python$(PYTHON_VERSION), pyenv versions, /usr/local/bin, /usr/bin)." >&2; \
	    echo "      Install it (e.g. 'pyenv install $(PYTHON_VERSION)') or run: make PYTHON=/path/to/python$(PYTHON_VERSION) test" >&2; \
	    exit 1; \
	fi; \
	echo "make: creating $(VENV) with $$py"; \
	"$$py" -m venv $(VENV)

$(VENV)/.installed: $(VENV)/bin/python pyproject.toml
	$(VENV)/bin/python -m pip install --quiet --upgrade pip
	$(VENV)/bin/python -m pip install --quiet -e '.[test]'
	@touch $@

venv: $(VENV)/.installed

# --- tests -------------------------------------------------------------------
# Starts the in-process Neo4j unless GOVGRAPH_TEST_NEO4J already names one
# (e.g. `docker compose up -d --wait` + GOVGRAPH_TEST_NEO4J=bolt://localhost:7687 NEO4J_PASSWORD=govgraph-password),
# always stops what it started, and exits with pytest's exit code.
test: $(VENV)/.installed
	@started=0; port=$$($(FREE_PORT)); \
	stop_neo4j() { if [ $$started = 1 ]; then $(TEST_NEO4J_ENV) $(NEO4J) stop; rm -rf "$(CURDIR)/.neo4j/test-$$port"; fi; }; \
	trap stop_neo4j EXIT; trap 'exit 130' INT TERM; \
	if [ -n "$${GOVGRAPH_TEST_NEO4J:-}" ]; then \
	    echo "make test: using the Neo4j in GOVGRAPH_TEST_NEO4J"; \
	elif command -v java >/dev/null && command -v mvn >/dev/null; then \
	    started=1; \
	    $(TEST_NEO4J_ENV) $(NEO4J) start || exit 1; \
	    eval "$$($(TEST_NEO4J_ENV) $(NEO4J) env)"; \
	else \
	    echo "make test: WARNING: java and mvn not both found, so no Neo4j: the Neo4j tests skip here (and fail under CI=true)." >&2; \
	fi; \
	t0=$$SECONDS; \
	$(VENV)/bin/python -m pytest -ra $(PYTEST_ARGS); rc=$$?; \
	echo "make test: pytest exited $$rc after $$((SECONDS - t0)) s"; \
	if [ $$rc = 5 ]; then echo "make test: ERROR: pytest collected no tests" >&2; fi; \
	exit $$rc

# --- Neo4j without Docker ------------------------------------------------------------
neo4j-build:
	$(NEO4J) build

neo4j-start:
	@$(NEO4J) start
	@echo "Use it with:  eval \"\$$($(NEO4J) env)\"; govgraph --db $$($(NEO4J) url) ..."

neo4j-stop:
	@$(NEO4J) stop

neo4j-status:
	@$(NEO4J) status

# --- demo: the quick start's main job ---------------------------------------------------
# Loads the sample minutes into the embedded store ./govgraph.db (again and
# again: unchanged minutes are skipped), prints the oversight gaps and writes
# the network picture. No server needed.
DEMO_DB ?= govgraph.db
demo: $(VENV)/.installed
	$(VENV)/bin/govgraph --db $(DEMO_DB) load samples/
	$(VENV)/bin/govgraph --db $(DEMO_DB) gaps
	$(VENV)/bin/govgraph --db $(DEMO_DB) viz -o govgraph-network.html
	@echo "make demo: open govgraph-network.html in a browser; explore with: $(VENV)/bin/govgraph --db $(DEMO_DB) query --list"

clean:
	-$(NEO4J) stop
	rm -rf tests/neo4j/target .neo4j

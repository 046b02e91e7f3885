"""Shared fixtures: real stores only.

``store`` runs each test against the embedded FalkorDB and against Neo4j.
Neo4j is found through GOVGRAPH_TEST_NEO4J (a bolt:// URL; `make test` starts
one and sets it). Without it the Neo4j half skips on a laptop, and FAILS in
CI (CI=true), where skipping would hide a broken store.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from govgraph.graph.store import GraphStore, open_store

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("GOVGRAPH_SHARED", REPO.parent / "shared"))
CORPUS = SHARED / "corpus" / "dev"
GOLD = CORPUS / "gold"
SAMPLES = REPO / "samples"

NEO4J_HINT = ("Neo4j tests need a server: run `make test` (starts an in-process Neo4j with Java+Maven) "
              "or `docker compose up -d --wait` and set GOVGRAPH_TEST_NEO4J=bolt://localhost:7687")


def _neo4j_url() -> str | None:
    url = os.environ.get("GOVGRAPH_TEST_NEO4J")
    if url:
        return url
    if os.environ.get("CI"):
        pytest.fail("CI=true but GOVGRAPH_TEST_NEO4J is not set: the Neo4j tests must run in CI. " + NEO4J_HINT)
    pytest.skip(NEO4J_HINT)


@pytest.fixture(scope="session")
def neo4j_session_store():
    url = _neo4j_url()
    store = open_store(url)
    yield store
    store.close()


@pytest.fixture
def falkordb_store(tmp_path) -> GraphStore:
    store = open_store(str(tmp_path / "test.db"))
    yield store
    store.close()


@pytest.fixture
def neo4j_store(neo4j_session_store) -> GraphStore:
    neo4j_session_store.clear()
    return neo4j_session_store


@pytest.fixture(params=["falkordb", "neo4j"])
def store(request) -> GraphStore:
    """The same test on both stores."""
    return request.getfixturevalue(f"{request.param}_store")


@pytest.fixture
def corpus_dir() -> Path:
    if not CORPUS.is_dir():
        pytest.fail(f"the development corpus is expected at {CORPUS} (set GOVGRAPH_SHARED)")
    return CORPUS

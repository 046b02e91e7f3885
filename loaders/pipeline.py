"""Many inputs to the store, one document at a time: a bad file never stops the batch.

Each document is read, extracted and written as one atomic statement, so a
failure leaves the graph as it was before that document.
"""
from __future__ import annotations

import glob
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from ..graph.model import GraphDocument, document_id
from ..graph.store import Counters, GraphStore, StoreError, WriteSummary
from .extract import extract
from .reading import READERS, read_path
from .source import LoadError, SourceText


@dataclass
class FileOutcome:
    source: str
    summary: WriteSummary | None = None
    error: str | None = None
    nodes: int = 0
    edges: int = 0


@dataclass
class LoadReport:
    outcomes: list[FileOutcome] = field(default_factory=list)

    @property
    def errors(self) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.error]

    @property
    def loaded(self) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.summary and not o.summary.skipped]

    @property
    def skipped(self) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.summary and o.summary.skipped]

    @property
    def replaced(self) -> int:
        return sum(len(o.summary.replaced) for o in self.outcomes if o.summary)

    @property
    def counters(self) -> Counters:
        total = Counters()
        for o in self.outcomes:
            if o.summary:
                total += o.summary.counters
        return total

    def as_dict(self) -> dict[str, object]:
        c = self.counters
        return {
            "documents": len(self.outcomes), "loaded": len(self.loaded), "unchanged": len(self.skipped),
            "replaced": self.replaced, "errors": [{"source": o.source, "error": o.error} for o in self.errors],
            "nodes_created": c.nodes_created, "relationships_created": c.relationships_created,
            "nodes_deleted": c.nodes_deleted, "relationships_deleted": c.relationships_deleted,
            "properties_set": c.properties_set,
        }


def discover(inputs: Iterable[str]) -> tuple[list[str], list[FileOutcome]]:
    """Expand files, folders (recursively, known file types only) and globs; report what matches nothing."""
    found: list[str] = []
    missing: list[FileOutcome] = []
    for raw in inputs:
        if raw.startswith(("http://", "https://")):
            found.append(raw)
            continue
        path = Path(raw).expanduser()
        if path.is_dir():
            found += sorted(str(p) for p in path.rglob("*")
                            if p.is_file() and p.suffix.lower() in READERS and not p.name.startswith("."))
        elif path.exists():
            found.append(str(path))
        elif glob.has_magic(raw):
            matches = sorted(p for p in glob.glob(str(path), recursive=True) if Path(p).is_file())
            if matches:
                found += matches
            else:
                missing.append(FileOutcome(raw, error=f"{raw}: no files match"))
        else:
            missing.append(FileOutcome(raw, error=f"{raw}: no such file or folder"))
    seen: set[str] = set()
    unique = [f for f in found if not (f in seen or seen.add(f))]
    return unique, missing


def read_input(ref: str, *, authority: str | None = None, body: str | None = None,
               date: str | None = None) -> SourceText:
    if ref.startswith(("http://", "https://")):
        from .web import read_url

        src = read_url(ref)
        src.authority = authority or src.authority
        src.body = body or src.body
        src.date = date or src.date
        return src
    return read_path(ref, authority=authority, body=body, date=date)


def extract_input(ref: str, **overrides: str | None) -> GraphDocument:
    """Read and extract one input; every failure becomes a LoadError naming it."""
    return extract_source(ref, read_input(ref, **overrides))


def extract_source(ref: str, src: SourceText) -> GraphDocument:
    try:
        return extract(src)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise LoadError(f"{ref}: extraction produced an invalid graph ({first['msg']})") from exc


def load_one(store: GraphStore, ref: str, *, force: bool = False, **overrides: str | None) -> FileOutcome:
    """Read, extract and write one input; a failure is recorded, never raised."""
    outcome = FileOutcome(ref)
    try:
        src = read_input(ref, **overrides)
        doc_id = document_id(src.text)
        if not force and store.is_loaded(doc_id):
            # Same text, same extractor: skip even the extraction.
            outcome.summary = WriteSummary(document_id=doc_id, skipped=True)
            return outcome
        doc = extract_source(ref, src)
        outcome.nodes, outcome.edges = len(doc.nodes), len(doc.edges)
        outcome.summary = store.write_document(doc, force=force)
    except LoadError as exc:
        outcome.error = str(exc)
    except StoreError as exc:
        outcome.error = f"{ref}: not written ({exc})"
    return outcome


def load_inputs(
    store: GraphStore,
    refs: list[str],
    *,
    authority: str | None = None,
    body: str | None = None,
    date: str | None = None,
    force: bool = False,
    on_done: Callable[[FileOutcome], None] | None = None,
) -> LoadReport:
    report = LoadReport()
    for ref in refs:
        outcome = load_one(store, ref, force=force, authority=authority, body=body, date=date)
        report.outcomes.append(outcome)
        if on_done:
            on_done(outcome)
    return report

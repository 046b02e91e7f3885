"""Helper for the rule tests: extract a short text of our own and look at names and edges."""
from __future__ import annotations

from govgraph.loaders.extract import extract
from govgraph.loaders.source import SourceText

HEAD = "URL: unknown\nCOUNCIL: Exampleshire County Council\nDATE: 2020-03-04\nKIND: agenda-item\n---\n"


def run(body: str, header: str = HEAD):
    """(document, {(label, name): node}, {(type, source name, target name, negated)})."""
    doc = extract(SourceText(text=header + body, source="test"))
    names = {(n.label.value, n.name): n for n in doc.nodes}
    by_id = {n.id: n for n in doc.nodes}
    edges = {(e.type.value, by_id[e.source].name, by_id[e.target].name, e.negated) for e in doc.edges}
    return doc, names, edges

"""Rule-based extraction: SourceText -> GraphDocument (placeholder until the extractor lands)."""
from __future__ import annotations

from ..graph.model import DocumentInfo, Evidence, GraphDocument, Node, document_id
from .source import SourceText


def extract(src: SourceText) -> GraphDocument:
    info = DocumentInfo(id=document_id(src.text), source=src.source, authority=src.authority,
                        date=src.date, body=src.body, title=src.title)
    return GraphDocument(document=info, nodes=[], edges=[])

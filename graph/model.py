"""The data contract of ../shared/DESIGN.md as pydantic models.

Everything that crosses a boundary (extractor -> JSON, extractor -> store,
fetcher -> loader) is one of these, so a malformed graph fails loudly at the
boundary instead of half-way through a database write.
"""
from __future__ import annotations

import hashlib
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator


class Label(StrEnum):
    AUTHORITY = "Authority"
    ORGANISATION = "Organisation"
    BODY = "Body"
    ROLE = "Role"
    PERSON = "Person"
    INSPECTION = "Inspection"
    RECOMMENDATION = "Recommendation"
    PLAN = "Plan"
    FINDING = "Finding"
    """govgraph's addition: a weakness or strength an inspection states (docs/data-model.md)."""
    MEETING = "Meeting"
    DOCUMENT = "Document"
    ITEM = "Item"


class RelType(StrEnum):
    REPORTS_TO = "REPORTS_TO"
    SCRUTINISES = "SCRUTINISES"
    RESPONSIBLE_FOR = "RESPONSIBLE_FOR"
    CHAIRS = "CHAIRS"
    MEMBER_OF = "MEMBER_OF"
    HOLDS = "HOLDS"
    PART_OF = "PART_OF"
    INSPECTED = "INSPECTED"
    CONDUCTED_BY = "CONDUCTED_BY"
    MADE = "MADE"
    ADDRESSES = "ADDRESSES"
    CRITICISED = "CRITICISED"
    ATTENDED = "ATTENDED"
    MEETING_OF = "MEETING_OF"


# Labels and relationship types the extractor may emit; Document and Item are
# written by the stores themselves from DocumentInfo.
ENTITY_LABELS = [label.value for label in Label if label not in (Label.DOCUMENT, Label.ITEM)]
REL_TYPES = [t.value for t in RelType]

# Property values a store can hold on a node or relationship.
PropertyValue = str | int | float | bool | list[str] | list[int] | None


class Evidence(BaseModel):
    """Where a fact was read: ``quote == text[start:end]`` of the document."""

    model_config = ConfigDict(extra="forbid")

    quote: str = Field(min_length=1)
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    item: str | None = None
    """Minute item the quote sits in ("5", "12a"), if the minutes number them."""
    page: int | None = None
    """Page of the source PDF/Word file, when the text came from one."""

    @model_validator(mode="after")
    def _span_matches_quote(self) -> "Evidence":
        if self.end - self.start != len(self.quote):
            raise ValueError(
                f"evidence span {self.start}:{self.end} is not the length of its quote"
            )
        return self


class Node(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1)
    label: Label
    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    properties: dict[str, PropertyValue] = Field(default_factory=dict)
    evidence: list[Evidence] = Field(min_length=1)

    @field_validator("properties")
    @classmethod
    def _no_reserved_keys(cls, v: dict[str, Any]) -> dict[str, Any]:
        reserved = {"id", "name", "aliases"} | {k for k in v if k.startswith("evidence_")}
        clash = reserved & set(v)
        if clash:
            raise ValueError(f"properties may not use reserved keys {sorted(clash)}")
        return v


class Edge(BaseModel):
    model_config = ConfigDict(extra="forbid")

    type: RelType
    source: str
    target: str
    negated: bool = False
    properties: dict[str, PropertyValue] = Field(default_factory=dict)
    evidence: list[Evidence] = Field(min_length=1)

    @property
    def key(self) -> tuple[str, str, str, bool]:
        """Two edges with the same key are the same fact."""
        return (self.type.value, self.source, self.target, self.negated)


class ItemInfo(BaseModel):
    """One numbered minute item: the unit evidence points into."""

    model_config = ConfigDict(extra="allow")

    number: str
    title: str | None = None
    start: int | None = None
    end: int | None = None


class DocumentInfo(BaseModel):
    """The loaded document; ``id`` is the sha256 of its text."""

    model_config = ConfigDict(extra="allow")

    id: str
    source: str
    authority: str | None = None
    date: str | None = None
    title: str | None = None
    body: str | None = None
    """The body whose meeting these minutes record, when known."""
    items: list[ItemInfo] = Field(default_factory=list)


class GraphDocument(BaseModel):
    """One document's graph: exactly the JSON that ``govgraph extract`` prints."""

    model_config = ConfigDict(extra="forbid")

    document: DocumentInfo
    nodes: list[Node] = Field(default_factory=list)
    edges: list[Edge] = Field(default_factory=list)

    @model_validator(mode="after")
    def _edges_join_known_nodes(self) -> "GraphDocument":
        ids = [n.id for n in self.nodes]
        if len(ids) != len(set(ids)):
            dupes = sorted({i for i in ids if ids.count(i) > 1})
            raise ValueError(f"duplicate node ids: {dupes[:5]}")
        known = set(ids)
        for e in self.edges:
            for end in (e.source, e.target):
                if end not in known:
                    raise ValueError(f"{e.type.value} edge refers to unknown node {end!r}")
        return self


def document_id(text: str) -> str:
    """Stable document id: the sha256 of the text, so the same minutes are one document."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def to_contract_json(doc: GraphDocument) -> dict[str, Any]:
    """The JSON of DESIGN.md: optional evidence fields (item, page) only when known."""
    data = doc.model_dump(mode="json")
    for part in data["nodes"] + data["edges"]:
        part["evidence"] = [{k: v for k, v in ev.items() if v is not None} for ev in part["evidence"]]
    return data

"""Accumulates entities, mentions and edges with evidence, then emits a GraphDocument."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from ..graph.model import DocumentInfo, GraphDocument, ItemInfo
from .ids import node_id
from .segment import Item, item_at
from .source import SourceText

MAX_EVIDENCE = 4


@dataclass
class Ent:
    id: str
    label: str
    name: str
    aliases: set[str] = field(default_factory=set)
    props: dict = field(default_factory=dict)
    spans: list[tuple[int, int]] = field(default_factory=list)
    count: int = 0


@dataclass(order=True)
class Mention:
    start: int
    end: int
    eid: str = field(compare=False)
    label: str = field(compare=False)
    generic: bool = field(default=False, compare=False)


class Builder:
    def __init__(self, src: SourceText, text: str, authority: str, items: list[Item]):
        self.src = src
        self.text = text
        self.authority = authority
        self.items = items
        # item_at bisects these when the items are sorted and do not overlap (as find_items makes them)
        self._item_starts = [it.start for it in items] if all(
            a.start < b.start and a.end <= b.start for a, b in zip(items, items[1:])) else None
        self.ents: dict[str, Ent] = {}
        self.mentions: list[Mention] = []
        self._keys: list[tuple[int, int]] | None = None  # (start, end) of each mention, in step with self.mentions
        self.edges: dict[tuple, list[tuple[int, int]]] = {}
        self.claimed = bytearray(len(text))
        self.redirect: dict[str, str] = {}
        self.evidenced: set[tuple[str, tuple[int, int]]] = set()  # (type, span) given to some edge (a fast pre-test)

    def resolve(self, eid: str) -> str:
        while eid in self.redirect:
            eid = self.redirect[eid]
        return eid

    # ---- entities and mentions
    def add(self, label: str, name: str, span: tuple[int, int] | None, *, aliases=(), props=None,
            scope: str | None | bool = True, eid: str | None = None) -> Ent:
        name = " ".join(name.split())
        if eid is None:
            sc = self.authority if scope is True else (scope or None)
            eid = node_id(label, name, sc)
        ent = self.ents.get(eid)
        if ent is None:
            ent = Ent(eid, label, name)
            if label not in ("Authority", "Organisation"):
                ent.props["authority"] = (scope if isinstance(scope, str) else self.authority)
            self.ents[eid] = ent
        for a in aliases:
            if a and a != ent.name:
                ent.aliases.add(" ".join(a.split()))
        if props:
            for k, v in props.items():
                if v is not None and ent.props.get(k) is None:
                    ent.props[k] = v
        if span is not None:
            self.cite(ent, span)
        return ent

    def cite(self, ent: Ent, span: tuple[int, int]) -> None:
        ent.count += 1
        if span not in ent.spans and len(ent.spans) < MAX_EVIDENCE:
            ent.spans.append(span)

    def mention(self, ent: Ent, start: int, end: int, generic: bool = False, claim: bool = True) -> Mention:
        m = Mention(start, end, ent.id, ent.label, generic)
        # sorted by (start, end) as bisect.insort(self.mentions, m) would, bisecting the tuples (faster)
        keys = self.mention_keys()
        i = bisect.bisect_right(keys, (start, end))
        keys.insert(i, (start, end))
        self.mentions.insert(i, m)
        if claim:
            self.claim(start, end)
        self.cite(ent, (start, end))
        return m

    def free(self, start: int, end: int) -> bool:
        return self.claimed.find(1, start, end) < 0  # (claimed holds 0/1 bytes: no 1 in the span)

    def claim(self, start: int, end: int) -> None:
        self.claimed[start:end] = b"\x01" * (end - start)

    def mention_keys(self) -> list[tuple[int, int]]:
        """(start, end) of each mention; rebuilt after code that replaces self.mentions sets self._keys = None."""
        if self._keys is None or len(self._keys) != len(self.mentions):
            self._keys = [(m.start, m.end) for m in self.mentions]
        return self._keys

    def in_span(self, start: int, end: int) -> list[Mention]:
        """Mentions that lie within [start, end), in order."""
        keys = self.mention_keys()
        i = bisect.bisect_left(keys, (start,))
        j = bisect.bisect_left(keys, (end,), i)
        return [m for m in self.mentions[i:j] if m.end <= end]

    def relabel(self, old: str, new: str) -> None:
        """Merge entity `old` into `new` (aliases, evidence, mentions, edges)."""
        if old == new or old not in self.ents:
            return
        o, n = self.ents.pop(old), self.ents[new]
        self.redirect[old] = new
        n.aliases.add(o.name)
        n.aliases.update(o.aliases)
        n.aliases.discard(n.name)
        n.count += o.count
        for s in o.spans:
            if s not in n.spans and len(n.spans) < MAX_EVIDENCE:
                n.spans.append(s)
        for k, v in o.props.items():
            n.props.setdefault(k, v)
        for m in self.mentions:
            if m.eid == old:
                m.eid = new
        edges = {}
        for (t, s, g, neg), ev in self.edges.items():
            s = new if s == old else s
            g = new if g == old else g
            if s == g:
                continue
            edges.setdefault((t, s, g, neg), []).extend(ev)
        self.edges = edges

    # ---- edges
    def edge(self, etype: str, source: str, target: str, span: tuple[int, int], negated: bool = False) -> None:
        if source == target or source not in self.ents or target not in self.ents:
            return
        ev = self.edges.setdefault((etype, source, target, negated), [])
        if span not in ev and len(ev) < MAX_EVIDENCE:
            ev.append(span)
            self.evidenced.add((etype, span))

    # ---- output
    def _evidence(self, span: tuple[int, int]) -> dict:
        """Evidence fields for `span` (trimmed of white space), validated as Evidence in build()."""
        s, e = span
        while s < e and self.text[s].isspace():
            s += 1
        while e > s and self.text[e - 1].isspace():
            e -= 1
        if e <= s:
            s, e = span
        return {"quote": self.text[s:e], "start": s, "end": e, "item": item_at(self.items, s, self._item_starts),
                "page": self.src.page_at(s)}

    def build(self, info: DocumentInfo) -> GraphDocument:
        """The GraphDocument, validated in one pass: nodes, edges and evidence are built as plain dicts and
        GraphDocument.model_validate checks them all against the contract (same checks as building each model, faster)."""
        info.items = [ItemInfo(number=i.number, title=i.title, start=i.start, end=i.end) for i in self.items]
        evid: dict[tuple[int, int], dict] = {}  # one evidence record a span (sentences back many edges)

        def evidence(span: tuple[int, int]) -> dict:
            ev = evid.get(span)
            if ev is None:
                ev = evid[span] = self._evidence(span)
            return ev

        nodes = []
        for ent in self.ents.values():
            if not ent.spans:
                continue
            props = {k: v for k, v in ent.props.items() if v is not None}
            nodes.append({"id": ent.id, "label": ent.label, "name": ent.name,
                          "aliases": sorted(a for a in ent.aliases if a and a != ent.name),
                          "properties": props, "evidence": [evidence(s) for s in ent.spans]})
        known = {n["id"] for n in nodes}
        edges = []
        for (t, s, g, neg), ev in self.edges.items():
            if s in known and g in known and ev:
                edges.append({"type": t, "source": s, "target": g, "negated": neg,
                              "evidence": [evidence(x) for x in ev]})
        return GraphDocument.model_validate({"document": info, "nodes": nodes, "edges": edges})

"""Small governance graphs for query tests, built as GraphDocuments with real evidence.

Each fact gets a made-up sentence; the builder lays the sentences end to end
as the document's text, so every quote sits at true offsets (``quote ==
text[start:end]``) exactly as the extractor would cite it::

    g = GraphBuilder("Testshire County Council")
    panel = g.body("Children's Scrutiny Panel", kind="scrutiny")
    dcs = g.role("Director of Children's Services")
    g.edge("REPORTS_TO", dcs, panel, quote="The Director reported to the Panel.")
    store.write_document(g.document())
"""
from __future__ import annotations

from typing import Any

from govgraph.graph.model import DocumentInfo, Edge, Evidence, GraphDocument, ItemInfo, Node, document_id
from govgraph.loaders.ids import inspection_id, meeting_id, node_id


class GraphBuilder:
    def __init__(self, authority: str = "Testshire County Council", source: str | None = None,
                 date: str = "2023-09-01", item: str = "5"):
        self.authority = authority
        self.source = source or f"minutes/{node_id('Authority', authority).split(':')[1]}-{date}.txt"
        self.date = date
        self.item = item
        self._text: list[str] = []
        self._offset = 0
        self._nodes: dict[str, Node] = {}
        self._edges: list[Edge] = []

    # --- evidence -----------------------------------------------------------
    def evidence(self, quote: str, item: str | None = None) -> Evidence:
        start = self._offset
        self._text.append(quote)
        self._offset += len(quote) + 1  # sentences joined by one space
        return Evidence(quote=quote, start=start, end=start + len(quote), item=item or self.item)

    @property
    def text(self) -> str:
        return " ".join(self._text)

    # --- nodes --------------------------------------------------------------
    def node(self, label: str, name: str, *, id: str | None = None, quote: str | None = None,
             aliases: list[str] | None = None, scoped: bool = True, **props: Any) -> str:
        nid = id or node_id(label, name, self.authority if scoped else None)
        if scoped and label not in ("Authority", "Organisation"):
            props.setdefault("authority", self.authority)
        ev = self.evidence(quote or f"The minutes mention {name}.")
        if nid in self._nodes:
            old = self._nodes[nid]
            self._nodes[nid] = old.model_copy(update={
                "evidence": old.evidence + [ev], "properties": {**old.properties, **props}})
        else:
            self._nodes[nid] = Node(id=nid, label=label, name=name, aliases=aliases or [],
                                    properties=props, evidence=[ev])
        return nid

    def authority_node(self, name: str | None = None, **kw: Any) -> str:
        return self.node("Authority", name or self.authority, **kw)

    def body(self, name: str, kind: str = "board", **kw: Any) -> str:
        return self.node("Body", name, kind=kind, **kw)

    def role(self, name: str, **kw: Any) -> str:
        return self.node("Role", name, **kw)

    def person(self, name: str, **kw: Any) -> str:
        return self.node("Person", name, **kw)

    def organisation(self, name: str, kind: str = "other", **kw: Any) -> str:
        return self.node("Organisation", name, kind=kind, scoped=False, **kw)

    def plan(self, name: str, **kw: Any) -> str:
        return self.node("Plan", name, **kw)

    def recommendation(self, name: str, themes: list[str] | None = None, **kw: Any) -> str:
        if themes is not None:
            kw["themes"] = themes
        return self.node("Recommendation", name, **kw)

    def finding(self, name: str, themes: list[str] | None = None, **kw: Any) -> str:
        if themes is not None:
            kw["themes"] = themes
        return self.node("Finding", name, **kw)

    def inspection(self, name: str, year: int, kind: str = "ilacs", inspectorate: str = "Ofsted",
                   month: int | None = None, judgement: str | None = None, **kw: Any) -> str:
        props: dict[str, Any] = {"kind": kind, "year": year}
        if month:
            props["date"] = f"{year}-{month:02d}"
        if judgement:
            props["judgement"] = judgement
        props.update(kw.pop("props", {}))
        nid = inspection_id(self.authority, inspectorate, kind, year, month)
        return self.node("Inspection", name, id=nid, **props, **kw)

    def meeting(self, body_id: str, date: str, **kw: Any) -> str:
        body = self._nodes[body_id]
        nid = meeting_id(self.authority, body.name, date)
        mid = self.node("Meeting", f"{body.name}, {date}", id=nid, date=date, **kw)
        self.edge("MEETING_OF", mid, body_id, quote=f"Meeting of the {body.name} held on {date}.")
        return mid

    # --- edges --------------------------------------------------------------
    def edge(self, type: str, source: str, target: str, *, quote: str | None = None,
             negated: bool = False, item: str | None = None, **props: Any) -> None:
        for end in (source, target):
            if end not in self._nodes:
                raise KeyError(f"add node {end!r} before an edge that uses it")
        q = quote or (f"{self._nodes[source].name} {'does not ' if negated else ''}"
                      f"{type.lower().replace('_', ' ')} {self._nodes[target].name}.")
        self._edges.append(Edge(type=type, source=source, target=target, negated=negated,
                                properties=props, evidence=[self.evidence(q, item)]))

    # --- the document -------------------------------------------------------
    def document(self) -> GraphDocument:
        text = self.text
        info = DocumentInfo(id=document_id(text), source=self.source, authority=self.authority,
                            date=self.date, items=[ItemInfo(number=self.item, title="Test item",
                                                            start=0, end=len(text))])
        return GraphDocument(document=info, nodes=list(self._nodes.values()), edges=list(self._edges))

    def write(self, store: Any) -> GraphDocument:
        doc = self.document()
        store.write_document(doc)
        return doc


def mixed_graph(authority: str = "Mixshire Council") -> GraphBuilder:
    """One graph in which every gap query finds something, including a reporting cycle."""
    g = GraphBuilder(authority, date="2024-01-10")
    auth = g.authority_node()
    ce = g.role("Chief Executive")
    sib = g.body("Service Improvement Board", kind="improvement_board")
    plan = g.plan("Improvement Plan")
    g.edge("CHAIRS", ce, sib)
    g.edge("SCRUTINISES", sib, plan)
    g.edge("RESPONSIBLE_FOR", ce, plan)
    for name in ("Front Door", "Edge of Care", "Fostering"):
        g.edge("RESPONSIBLE_FOR", ce, g.body(name, kind="service"))
    a, b = g.body("Practice Group A", kind="other"), g.body("Practice Group B", kind="other")
    g.edge("REPORTS_TO", a, b)
    g.edge("REPORTS_TO", b, a)
    g.edge("REPORTS_TO", g.body("Edge Team", kind="team"), a)
    g.edge("RESPONSIBLE_FOR", g.organisation("Mixshire NHS Trust", kind="health"), plan)
    g.edge("SCRUTINISES", g.body("Corporate Parenting Board"), auth, negated=True)
    sub = g.body("Children's Sub-Committee", kind="other", not_met_since="2016",
                 not_met_quote="the sub-committee had not met since 2016")
    g.node("Body", "Children's Sub-Committee", quote="the sub-committee had not met since 2016")
    g.meeting(sib, "2019-02-01")
    g.edge("PART_OF", sub, g.body("Health and Wellbeing Board"))
    prev = None
    for year, judgement in [(2012, "good"), (2016, "inadequate"), (2020, "inadequate")]:
        i = g.inspection(f"Ofsted inspection {year}", year, judgement=judgement)
        g.edge("INSPECTED", i, auth)
        g.edge("MADE", i, g.finding(f"Supervision was weak in {year}", themes=["supervision"]))
        g.edge("MADE", i, g.recommendation(f"Improve supervision ({year})", themes=["supervision", "audit"]))
        prev = i
    panel = g.body("Scrutiny Panel", kind="scrutiny")
    g.edge("CRITICISED", prev, panel)
    g.edge("MEMBER_OF", ce, panel)
    g.edge("SCRUTINISES", panel, ce)
    return g

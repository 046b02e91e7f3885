"""A small governance graph for the viz/export tests (imported by them; no tests here).

Two authorities. Testshire has the gaps the picture is checked against (the
gap queries find them): an unowned recommendation (rec2, MADE by i23), a
board nobody scrutinises that has not met (cpb) and is barred from
scrutinising the Director (cpb -> dcs, negated), a panel the 2023 inspection
criticised (i23 -> osp), a finding that recurs across two inspections
(f1, f2); and a person whose name and quote are hostile HTML. Otherborough
shares Ofsted with it, and its Cabinet (ocab) is another unaccountable body.
"""
from __future__ import annotations

from govgraph.graph.model import DocumentInfo, Edge, Evidence, GraphDocument, Node, document_id

T = "Testshire County Council"
O = "Otherborough Council"
HOSTILE_NAME = "Evil <script>alert(1)</script> Person"
HOSTILE_QUOTE = ('<img src=x onerror="window.__pwned=1"> see href="javascript:alert(3)" '
                 '</script><script>window.__pwned=2</script> & more')

IDS = {
    "t": "authority:testshire-county-council",
    "cab": "body:testshire-county-council:cabinet",
    "osp": "body:testshire-county-council:childrens-scrutiny-panel",
    "cpb": "body:testshire-county-council:corporate-parenting-board",
    "dcs": "role:testshire-county-council:director-of-childrens-services",
    "jane": "person:testshire-county-council:jane-smith",
    "evil": "person:testshire-county-council:evil-person",
    "i19": "inspection:testshire-county-council:ofsted-ilacs-2019",
    "i23": "inspection:testshire-county-council:ofsted-ilacs-2023",
    "rec1": "recommendation:testshire-county-council:timeliness-of-strategy-meetings",
    "rec2": "recommendation:testshire-county-council:quality-of-supervision",
    "f1": "finding:testshire-county-council:management-oversight-not-robust",
    "f2": "finding:testshire-county-council:management-oversight-still-weak",
    "plan": "plan:testshire-county-council:improvement-plan",
    "ofsted": "organisation:ofsted",
    "o": "authority:otherborough-council",
    "ocab": "body:otherborough-council:cabinet",
    "i20": "inspection:otherborough-council:ofsted-ilacs-2020",
}


def _ev(quote: str, pos: int = 0, item: str | None = "1") -> list[Evidence]:
    return [Evidence(quote=quote, start=pos, end=pos + len(quote), item=item)]


def _node(key: str, label: str, name: str, authority: str | None, quote: str | None = None, **props) -> Node:
    if authority and label != "Authority":
        props["authority"] = authority
    return Node(id=IDS[key], label=label, name=name, properties=props, evidence=_ev(quote or name))


def _edge(rtype: str, s: str, t: str, quote: str, negated: bool = False) -> Edge:
    return Edge(type=rtype, source=IDS[s], target=IDS[t], negated=negated, evidence=_ev(quote, 10))


def testshire_doc() -> GraphDocument:
    nodes = [
        _node("t", "Authority", T, None),
        _node("cab", "Body", "Cabinet", T, kind="executive"),
        _node("osp", "Body", "Children's Scrutiny Panel", T, kind="scrutiny"),
        _node("cpb", "Body", "Corporate Parenting Board", T, "the CPB had not met since March 2017",
              kind="board", not_met_since="2017-03"),
        _node("dcs", "Role", "Director of Children's Services", T),
        _node("jane", "Person", "Jane Smith", T),
        _node("evil", "Person", HOSTILE_NAME, T, HOSTILE_QUOTE),
        _node("i19", "Inspection", "Ofsted ILACS inspection 2019", T, kind="ilacs", year=2019),
        _node("i23", "Inspection", "Ofsted ILACS inspection 2023", T, kind="ilacs", year=2023,
              judgement="requires improvement"),
        _node("rec1", "Recommendation", "Timeliness of strategy meetings", T, themes=["strategy meetings"]),
        _node("rec2", "Recommendation", "Quality of supervision", T, themes=["supervision"]),
        _node("f1", "Finding", "Management oversight was not robust", T, themes=["management oversight"]),
        _node("f2", "Finding", "Management oversight is still weak", T, themes=["management oversight"]),
        _node("plan", "Plan", "Improvement plan", T),
        _node("ofsted", "Organisation", "Ofsted", None, kind="inspectorate"),
    ]
    edges = [
        _edge("SCRUTINISES", "osp", "cab", "the Panel scrutinised the Cabinet"),
        _edge("SCRUTINISES", "cpb", "dcs", "the CPB was not allowed to undertake scrutiny", negated=True),
        _edge("HOLDS", "jane", "dcs", "Jane Smith, Director of Children's Services"),
        _edge("RESPONSIBLE_FOR", "dcs", "plan", "the Director leads the improvement plan"),
        _edge("ADDRESSES", "plan", "rec1", "the plan addresses strategy meetings"),
        _edge("INSPECTED", "i19", "t", "Ofsted inspected the council in 2019"),
        _edge("INSPECTED", "i23", "t", "Ofsted inspected the council in 2023"),
        _edge("CONDUCTED_BY", "i19", "ofsted", "Ofsted's 2019 inspection"),
        _edge("CONDUCTED_BY", "i23", "ofsted", "Ofsted's 2023 inspection"),
        _edge("MADE", "i19", "rec1", "recommended timelier strategy meetings"),
        _edge("MADE", "i23", "rec2", "recommended better supervision"),
        _edge("MADE", "i19", "f1", "management oversight was not robust"),
        _edge("MADE", "i23", "f2", "management oversight is still weak"),
        _edge("CRITICISED", "i23", "osp", "the Panel had not offered sufficient challenge"),
        _edge("MEMBER_OF", "evil", "osp", HOSTILE_QUOTE),
    ]
    text = "Testshire minutes"
    return GraphDocument(document=DocumentInfo(id=document_id(text), source="minutes/testshire <2023>.txt",
                                               authority=T), nodes=nodes, edges=edges)


def otherborough_doc() -> GraphDocument:
    nodes = [
        _node("o", "Authority", O, None),
        _node("ocab", "Body", "Cabinet", O, kind="executive"),
        _node("i20", "Inspection", "Ofsted ILACS inspection 2020", O, kind="ilacs", year=2020),
        _node("ofsted", "Organisation", "Ofsted", None, kind="inspectorate"),
    ]
    edges = [
        _edge("INSPECTED", "i20", "o", "Ofsted inspected Otherborough"),
        _edge("CONDUCTED_BY", "i20", "ofsted", "Ofsted's 2020 inspection"),
        _edge("PART_OF", "ocab", "o", "the Cabinet of Otherborough"),
    ]
    text = "Otherborough minutes"
    return GraphDocument(document=DocumentInfo(id=document_id(text), source="minutes/otherborough.txt",
                                               authority=O), nodes=nodes, edges=edges)


def load_small_graph(store) -> None:
    store.write_document(testshire_doc())
    store.write_document(otherborough_doc())


ALL_NODE_IDS = set(IDS.values())
TESTSHIRE_NODE_IDS = {v for k, v in IDS.items() if k not in ("o", "ocab", "i20")}
N_EDGES = 15 + 3

"""govgraph: UK council minutes to a governance knowledge graph.

The library lives in three subpackages, one job each:
``govgraph.loaders`` (documents to nodes and edges), ``govgraph.graph``
(the model, the stores, the pictures) and ``govgraph.queries`` (the Cypher
library). ``govgraph.cli`` is a thin typer layer over them.
"""
__version__ = "0.1.0"

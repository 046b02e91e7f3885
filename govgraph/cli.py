"""Console entry point: `govgraph`. Each command module registers itself on the app."""
from .app import app
from .commands import documents, querying  # noqa: F401  (registers commands)
from .commands import gaps, viz, fetch  # noqa: F401

__all__ = ["app"]

if __name__ == "__main__":
    app()

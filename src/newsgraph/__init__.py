"""newsgraph: turn news into a sourced knowledge graph.

The pipeline is ``ingest -> clean -> nlp -> resolve -> events -> fuse -> store -> serve``;
each stage is a subpackage with one public entry. The Python API::

    from newsgraph import load_options, open_store, run
    options = load_options()
    with open_store(options.store, "news.db") as store:
        report = run(["articles/"], options, store)
"""
from .config import Options, load_options
from .pipeline import RunReport, run
from .store import ArticleQuery, open_store

__version__ = "0.1.0"
__all__ = ["Options", "load_options", "run", "RunReport", "open_store", "ArticleQuery", "__version__"]

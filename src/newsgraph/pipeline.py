"""The driver: ingest -> clean -> nlp/resolve/events -> store batch by batch, then fuse.

Each batch is cleaned and analysed on the engine, its entities are given
global ids (fuse's registry), and it is stored in one transaction; the fuse
stage then joins what is new to what is stored. Stages are called only
through their public entries. A run killed at any point leaves the database
as it was after the last committed batch; the next run skips the inputs
already stored and finishes the rest.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import islice
from typing import Callable, Iterable, Iterator, Optional, TypeVar

from .clean import clean_document, recurring_lines
from .config import CleanOptions, Options
from .analyze import analyze_articles, load_event_lexicon
from .engine import Engine, make_engine
from .errors import describe
from .fuse import EntityRegistry, assign_entities, fuse_store
from .ingest import ingest
from .records import Article, InputProblem, RawDocument
from .store import EntityQuery, Store

T = TypeVar("T")


@dataclass
class RunReport:
    documents: int = 0  # documents read from the inputs
    skipped: int = 0  # already stored by an earlier run
    new_articles: int = 0
    duplicates: int = 0
    problems: list[InputProblem] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        """An input could not be read or analysed; warnings (W codes) alone do not fail a run."""
        return any(not p.is_warning for p in self.problems)

    def summary(self) -> str:
        warnings = sum(1 for p in self.problems if p.is_warning)
        text = (f"{self.documents} documents read: {self.new_articles} new articles, "
                f"{self.duplicates} already known from another input, {self.skipped} unchanged "
                f"since an earlier run, {len(self.problems) - warnings} problems")
        return text + (f", {warnings} warnings" if warnings else "")


def _batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def run(paths: Iterable[str], options: Options, store: Store,
        on_problem: Optional[Callable[[InputProblem], None]] = None,
        on_progress: Optional[Callable[[int], None]] = None) -> RunReport:
    """Read ``paths``, clean every article and add it to ``store``."""
    report = RunReport()
    if options.nlp.enabled and options.events.enabled:
        load_event_lexicon(options)  # a bad user lexicon stops the run here, before any work
    registry = EntityRegistry(store.iter_entities(EntityQuery(with_mentions=False)))
    with make_engine(options.run) as engine:
        for batch in _batched(ingest(paths, options.ingest), options.store.batch_size):
            _run_batch(batch, options, store, engine, registry, report, on_problem)
            if on_progress:
                on_progress(len(batch))
        # Articles stored before the nlp stages existed, or by a run of an older schema.
        while options.nlp.enabled and (stale := store.unanalyzed_articles(options.store.batch_size)):
            store.write_batch([], [], *_analyze(stale, options, engine, registry))
    if options.nlp.enabled:
        fuse_store(store, options)
    return report


def _analyze(articles: list[Article], options: Options, engine: Engine, registry: EntityRegistry):
    """Analyses of ``articles`` with their global entity ids, and the entities to store."""
    if not options.nlp.enabled or not articles:
        return [], []
    return assign_entities(registry, engine.map_chunks(analyze_articles, articles, options))


def _analysis_problems(articles: list[Article], pairs) -> list[InputProblem]:
    inputs = {a.id: a.inputs[0] if a.inputs else a.id for a in articles}
    return [InputProblem(inputs.get(a.article_id, a.article_id), a.error_code, describe(a.error_code, a.error))
            for a, _ in pairs if a.error]


def _run_batch(batch: list, options: Options, store: Store, engine: Engine, registry: EntityRegistry,
               report: RunReport, on_problem: Optional[Callable[[InputProblem], None]]) -> None:
    """Clean and store one batch in one transaction."""
    docs = [item for item in batch if isinstance(item, RawDocument)]
    problems = [item for item in batch if isinstance(item, InputProblem)]
    report.documents += len(docs)
    seen = store.seen_inputs((d.input_id, d.raw_hash) for d in docs)
    fresh = [d for d in docs if (d.input_id, d.raw_hash) not in seen]
    report.skipped += len(docs) - len(fresh)
    articles, merged = _clean_batch(fresh, options, problems, engine)
    known = store.known_articles(a.id for a in articles)
    analyses, entities = _analyze([a for a in articles if a.id not in known], options, engine, registry)
    problems.extend(_analysis_problems(articles, analyses))
    result = store.write_batch(articles, problems, analyses, entities)
    report.new_articles += result.new_articles
    report.duplicates += result.duplicates + merged
    report.problems.extend(problems)
    if on_problem:
        for item in problems:
            on_problem(item)


def _clean_one(doc: RawDocument, options: CleanOptions, recurring: frozenset[str]):
    try:
        return clean_document(doc, options, recurring)
    except Exception as exc:  # one hostile input must not stop the run
        return InputProblem(doc.input_id, "E202", describe("E202", type(exc).__name__))


def _clean_pair(pair: tuple[RawDocument, frozenset[str]], options: CleanOptions):
    return _clean_one(pair[0], options, pair[1])


def _clean_batch(docs: list[RawDocument], options: Options, problems: list[InputProblem],
                 engine: Engine) -> tuple[list[Article], int]:
    """Clean a batch; the same article twice in it becomes one record listing both inputs."""
    recurring = recurring_lines(docs, options.clean)
    results = engine.map(_clean_pair, [(doc, recurring.get(doc.group or "", frozenset())) for doc in docs],
                         options.clean)
    by_id: dict[str, Article] = {}
    merged = 0
    for result in results:
        if isinstance(result, InputProblem):
            problems.append(result)
        elif result.id in by_id:
            kept = by_id[result.id]
            merged += 1
            kept.inputs.extend(i for i in result.inputs if i not in kept.inputs)
            kept.sources.extend(result.sources)
            for name in ("outlet", "title", "published", "dateline", "url"):
                if getattr(kept, name) is None:
                    setattr(kept, name, getattr(result, name))
        else:
            by_id[result.id] = result
    return list(by_id.values()), merged

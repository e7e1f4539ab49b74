"""GraphML export of the actor network, for Gephi, yEd, Cytoscape or networkx.

Actors are nodes and events directed edges from the source actor to the target actor; an
event without a source or a target (or with an actor that has neither an entity id nor a
text) is left out.  Two actors may be joined by many edges, one per event.

A node's id is the actor's entity id when it has one, else ``COUNTRY:SECTOR:text`` with the
text case-folded and every run of characters other than letters, digits, "." and "-"
turned into "_" (``ISR:COP:israeli_police``), so generic actors that read the same merge.
Node attributes: label (the text first seen), country, sector.  Edge attributes: event_id,
cameo, root, quad_class, goldstein, plover, date, num_articles; the edge's GraphML id is the
event id.  Unknown values are left out rather than written empty.

The file is built as text, not with a graph library, in a stable order: keys, then the
nodes in order of first appearance, then the edges in the order of the events.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from xml.sax.saxutils import escape

from ..records import Event, EventActor
from .files import TEXT_ERRORS, replacing

NAMESPACE = "http://graphml.graphdrawing.org/xmlns"
_SCHEMA = f"{NAMESPACE} {NAMESPACE}/1.0/graphml.xsd"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"

# (key id, domain, attribute name, GraphML type)
NODE_KEYS = (("n_label", "node", "label", "string"), ("n_country", "node", "country", "string"),
             ("n_sector", "node", "sector", "string"))
EDGE_KEYS = (("e_event_id", "edge", "event_id", "string"), ("e_cameo", "edge", "cameo", "string"),
             ("e_root", "edge", "root", "string"), ("e_quad_class", "edge", "quad_class", "int"),
             ("e_goldstein", "edge", "goldstein", "double"), ("e_plover", "edge", "plover", "string"),
             ("e_date", "edge", "date", "string"),
             ("e_num_articles", "edge", "num_articles", "int"))

# Characters XML 1.0 does not allow at all; they are dropped.
_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_NOT_TOKEN = re.compile(r"[^\w.-]+")
_ATTRIBUTE = {'"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}


def _attr(value: str) -> str:
    return '"' + escape(_INVALID.sub("", value), _ATTRIBUTE) + '"'


def _value(value, kind: str) -> str:
    if kind == "int":
        return str(int(value))
    if kind == "double":
        return repr(float(value))
    return escape(_INVALID.sub("", str(value)), {"\r": "&#13;"})


def node_id(actor: EventActor | None) -> str | None:
    """The node id of an event's actor, or None when the actor is unknown."""
    if actor is None:
        return None
    if actor.entity_id:
        return str(actor.entity_id)
    text = _NOT_TOKEN.sub("_", (actor.text or "").casefold()).strip("_")
    if not text:
        return None
    return f"{(actor.country or '').upper()}:{(actor.sector or '').upper()}:{text}"


def _element(tag: str, attributes: str, keys: tuple, values: dict) -> list[str]:
    data = [f'      <data key="{key}">{_value(values[name], kind)}</data>'
            for key, _, name, kind in keys if values.get(name) is not None]
    if not data:
        return [f"    <{tag}{attributes}/>"]
    return [f"    <{tag}{attributes}>", *data, f"    </{tag}>"]


def write_graphml(events: Iterable[Event], path: Path) -> int:
    """Write the actors of ``events`` and the events between them to ``path``.

    Returns the number of edges written (events with both a source and a target).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    nodes: dict[str, dict] = {}
    edges: list[tuple[str, str, dict]] = []
    for event in events:
        ends = [node_id(event.source), node_id(event.target)]
        if None in ends:
            continue
        for actor, key in zip((event.source, event.target), ends):
            found = {"label": actor.text, "country": actor.country, "sector": actor.sector}
            known = nodes.setdefault(key, found)
            for name, value in found.items():  # fill what the first sighting lacked
                if known[name] is None:
                    known[name] = value
        values = {name: getattr(event, "id" if name == "event_id" else name)
                  for _, _, name, _ in EDGE_KEYS}
        edges.append((ends[0], ends[1], values))

    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             f'<graphml xmlns="{NAMESPACE}" xmlns:xsi="{_XSI}" xsi:schemaLocation="{_SCHEMA}">']
    lines += [f'  <key id="{key}" for="{domain}" attr.name="{name}" attr.type="{kind}"/>'
              for key, domain, name, kind in NODE_KEYS + EDGE_KEYS]
    lines.append('  <graph id="events" edgedefault="directed">')
    for key, values in nodes.items():
        lines += _element("node", f" id={_attr(key)}", NODE_KEYS, values)
    for source, target, values in edges:
        ident = "" if values["event_id"] is None else f" id={_attr(str(values['event_id']))}"
        lines += _element("edge", f"{ident} source={_attr(source)} target={_attr(target)}",
                          EDGE_KEYS, values)
    lines += ["  </graph>", "</graphml>", ""]

    with replacing(path) as tmp, open(tmp, "w", encoding="utf-8", errors=TEXT_ERRORS, newline="\n") as handle:
        handle.write("\n".join(lines))
    return len(edges)

"""Actor networks: who acts on whom, how often and how cooperatively.

Every deduplicated event adds a directed tie from each actor entity to each recipient entity (compound
sides are split, DESIGN.md §4). Nodes are actors at one of two levels: ``country`` (the organisation
for IGOs and other non-state codes, else the country code: ``NATO``, ``RUS``) or ``sector`` (the same
plus the PLOVER sector: ``RUSGOV``). ``UNK`` actors and ties of an actor with itself are left out.
A tie carries its event and mention counts, its counts of cooperation (quad 1–2) and conflict (quad 3–4)
events and its mean Goldstein score. Actors are ranked by weighted degree (events in which they are actor
or recipient), then by degree (distinct partners), then by name.
"""

from __future__ import annotations

import json
import logging
import math
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import pandas as pd

from ..article import InputError
from ..store.db import EventStore
from ..store.query import EventFilter

log = logging.getLogger(__name__)

LEVELS = ("country", "sector")


def node_label(entity: dict, level: str = "country") -> str | None:
    """The node of one entity dict (``Entity.to_dict()``) at ``level``; None for an ``UNK`` entity
    without an organisation."""
    code = entity.get("code") or "UNK"
    base = entity.get("org") or (None if code == "UNK" else code)
    if not base:
        return None
    return base + (entity.get("sector") or "") if level == "sector" else base


@dataclass
class ActorNetwork:
    """An actor network: ``graph`` (networkx DiGraph; edge attributes ``events``, ``mentions``, ``coop``,
    ``conflict``, ``goldstein_mean``; node attributes ``events``, ``degree``), ``actors`` (DataFrame: actor,
    events, degree, out_events, in_events, sorted by rank) and ``ties`` (DataFrame: actor, recipient,
    events, mentions, coop, conflict, goldstein_mean, sorted by events)."""

    graph: nx.DiGraph
    actors: pd.DataFrame
    ties: pd.DataFrame

    def top(self, n: int) -> ActorNetwork:
        """The sub-network of the ``n`` top-ranked actors and the ties among them."""
        keep = list(self.actors["actor"].head(n))
        g = self.graph.subgraph(keep).copy()
        actors = self.actors[self.actors["actor"].isin(keep)].reset_index(drop=True)
        ties = self.ties[self.ties["actor"].isin(keep) & self.ties["recipient"].isin(keep)]
        return ActorNetwork(g, actors, ties.reset_index(drop=True))


def actor_network(store: EventStore, flt: EventFilter | None = None, level: str = "country") -> ActorNetwork:
    """Build the :class:`ActorNetwork` of the events selected by ``flt`` (all events by default).

    Raises:
        InputError: unknown ``level``.
    """
    if level not in LEVELS:
        raise InputError(f"level {level!r}: expected one of {', '.join(LEVELS)}")
    sql, params = (flt or EventFilter()).select_sql(
        "e.actor, e.recipient, e.num_mentions, e.quad_code, e.goldstein")
    g = nx.DiGraph()
    for actor, recipient, mentions, quad, gold in store.con.execute(sql, params).fetchall():
        srcs = {n for e in json.loads(actor or "[]") if (n := node_label(e, level))}
        tgts = {n for e in json.loads(recipient or "[]") if (n := node_label(e, level))}
        for s in sorted(srcs):
            for t in sorted(tgts):
                if s == t:
                    continue
                if not g.has_edge(s, t):
                    g.add_edge(s, t, events=0, mentions=0, coop=0, conflict=0, gsum=0.0, gn=0)
                d = g.edges[s, t]
                d["events"] += 1
                d["mentions"] += int(mentions or 0)
                if quad in (1, 2):
                    d["coop"] += 1
                elif quad in (3, 4):
                    d["conflict"] += 1
                if gold is not None:
                    d["gsum"] += float(gold)
                    d["gn"] += 1
    for _, _, d in g.edges(data=True):
        d["goldstein_mean"] = d["gsum"] / d["gn"] if d["gn"] else float("nan")
        del d["gsum"], d["gn"]
    rows = []
    for n in g.nodes:
        out_ev = sum(d["events"] for _, _, d in g.out_edges(n, data=True))
        in_ev = sum(d["events"] for _, _, d in g.in_edges(n, data=True))
        partners = set(g.successors(n)) | set(g.predecessors(n))
        g.nodes[n]["events"] = out_ev + in_ev
        g.nodes[n]["degree"] = len(partners)
        rows.append((n, out_ev + in_ev, len(partners), out_ev, in_ev))
    actors = pd.DataFrame(rows, columns=["actor", "events", "degree", "out_events", "in_events"])
    actors = actors.sort_values(["events", "degree", "actor"], ascending=[False, False, True])
    ties = pd.DataFrame(
        [(s, t, d["events"], d["mentions"], d["coop"], d["conflict"], d["goldstein_mean"])
         for s, t, d in g.edges(data=True)],
        columns=["actor", "recipient", "events", "mentions", "coop", "conflict", "goldstein_mean"])
    ties = ties.sort_values(["events", "actor", "recipient"], ascending=[False, True, True])
    return ActorNetwork(g, actors.reset_index(drop=True), ties.reset_index(drop=True))


def plot_network(net: ActorNetwork, path: str | Path, title: str | None = None, seed: int = 7) -> None:
    """Draw a network to a PNG (matplotlib Agg, networkx spring layout with a fixed ``seed``): node size by
    events, tie width by events (both directions summed), tie colour by mean Goldstein (red conflict,
    blue cooperation).

    Raises:
        InputError: the network is empty or the path cannot be written.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    if net.graph.number_of_nodes() == 0:
        raise InputError(f"{path}: nothing to plot (no ties between known actors)")
    und = nx.Graph()
    und.add_nodes_from(net.graph.nodes(data=True))
    acc: dict[tuple[str, str], list[float]] = {}
    for s, t, d in net.graph.edges(data=True):
        a = acc.setdefault(tuple(sorted((s, t))), [0, 0.0, 0])  # events, Goldstein sum, events with one
        a[0] += d["events"]
        if not math.isnan(d["goldstein_mean"]):
            a[1] += d["goldstein_mean"] * d["events"]
            a[2] += d["events"]
    for (s, t), (n, gsum, gn) in acc.items():
        und.add_edge(s, t, events=n, goldstein_mean=gsum / gn if gn else 0.0)
    pos = nx.spring_layout(und, seed=seed, weight="events", k=1.2 / max(1, und.number_of_nodes()) ** 0.5)
    fig, ax = plt.subplots(figsize=(10, 8))
    ev = [und.nodes[n].get("events", 1) for n in und.nodes]
    top = max(ev) or 1
    sizes = [250 + 2200 * (v / top) for v in ev]
    widths = [0.6 + 7 * (d["events"] / max(d2["events"] for _, _, d2 in und.edges(data=True)))
              for _, _, d in und.edges(data=True)] if und.number_of_edges() else []
    colors = [d["goldstein_mean"] for _, _, d in und.edges(data=True)]
    cmap = plt.get_cmap("RdBu")
    nx.draw_networkx_edges(und, pos, ax=ax, width=widths, edge_color=colors, edge_cmap=cmap,
                           edge_vmin=-10, edge_vmax=10, alpha=0.8)
    nx.draw_networkx_nodes(und, pos, ax=ax, node_size=sizes, node_color="#f0f0f0", edgecolors="#555555")
    nx.draw_networkx_labels(und, pos, ax=ax, font_size=9)
    sm = plt.cm.ScalarMappable(cmap=cmap, norm=plt.Normalize(-10, 10))
    fig.colorbar(sm, ax=ax, shrink=0.6, label="mean Goldstein of the tie")
    ax.set_title(title or f"Top {und.number_of_nodes()} actors and their ties")
    ax.axis("off")
    fig.tight_layout()
    try:
        fig.savefig(path, dpi=110)
    except OSError as err:
        raise InputError(f"{path}: cannot write ({err.strerror or err})") from err
    finally:
        plt.close(fig)

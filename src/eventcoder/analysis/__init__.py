"""Analysis of stored events: dyad time series (:mod:`.dyad`) and actor networks (:mod:`.network`).

Both read an :class:`eventcoder.store.EventStore` and draw PNGs with matplotlib's Agg backend.
"""

from .dyad import dyad_series, plot_dyad
from .network import ActorNetwork, actor_network, plot_network

__all__ = ["ActorNetwork", "actor_network", "dyad_series", "plot_dyad", "plot_network"]

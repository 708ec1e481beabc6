"""Dyad time series: how two actors treat each other over time, in both directions.

For actors A and B, every deduplicated event with A on the actor side and B on the recipient side counts
for direction ``A→B``, and the reverse for ``B→A`` (matching by tag as in
:class:`eventcoder.store.query.EventFilter`: ``USA`` matches USA and USAGOV). Per period (day, ISO week
starting Monday, or calendar month) and direction the series gives the event count, the mention count,
the count in each quad class (PLOVER manual 2.0: 1 verbal cooperation, 2 material cooperation, 3 verbal
conflict, 4 material conflict), the mean Goldstein score (−10 conflict .. +10 cooperation; Goldstein 1992,
GDELT's CAMEO.goldsteinscale) and the mean PLOVER score (PLOVER manual 2.0, conflict–cooperation scores).
Events without a date are left out. Periods with no event are kept with zero counts and empty means, so
the series is regular.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

import pandas as pd

from ..article import InputError
from ..store.db import EventStore
from ..store.query import QUAD_NAMES

log = logging.getLogger(__name__)

#: Period names → (DuckDB date_trunc unit, pandas frequency).
FREQS: dict[str, tuple[str, str]] = {"day": ("day", "D"), "week": ("week", "W-MON"), "month": ("month", "MS")}

#: Columns of :func:`dyad_series`, in order.
COLUMNS = ["period", "direction", "events", "mentions", "quad1", "quad2", "quad3", "quad4",
           "goldstein_mean", "plover_mean"]

#: Colours of the quad classes in plots (blue shades cooperation, orange/red conflict).
QUAD_COLORS = {1: "#9ecae1", 2: "#3182bd", 3: "#fdae6b", 4: "#e6550d"}


def dyad_series(store: EventStore, a: str, b: str, freq: str = "month", since: date | None = None,
                until: date | None = None, weight: str = "events") -> pd.DataFrame:
    """Counts by quad class and mean Goldstein and PLOVER scores for the dyad ``a``–``b``, per period.

    Args:
        store: an open event store.
        a, b: actor tags (``"USA"``, ``"RUSGOV"``, ``"NATO"``); case-insensitive.
        freq: ``"day"``, ``"week"`` (ISO weeks, labelled by their Monday) or ``"month"``.
        since, until: inclusive date bounds (default: the dyad's first and last event).
        weight: ``"events"`` (each event counts once in the means) or ``"mentions"`` (means weighted by
            the event's number of mentions, as GDELT users often do).

    Returns:
        DataFrame with :data:`COLUMNS`: ``period`` (Timestamp, start of the period), ``direction``
        (``"A→B"`` or ``"B→A"`` with the codes), counts (int) and means (float, NaN when no event);
        two rows per period, sorted by period then direction.

    Raises:
        InputError: unknown ``freq`` or ``weight``, or ``a == b``.
    """
    if freq not in FREQS:
        raise InputError(f"frequency {freq!r}: expected one of {', '.join(FREQS)}")
    if weight not in ("events", "mentions"):
        raise InputError(f"weight {weight!r}: expected events or mentions")
    a, b = a.strip().upper(), b.strip().upper()
    if a == b:
        raise InputError(f"dyad {a} {b}: the two actors must differ")
    unit, pfreq = FREQS[freq]
    fwd, rev = f"{a}→{b}", f"{b}→{a}"
    w = "num_mentions" if weight == "mentions" else "1"
    conds = ["date_day IS NOT NULL",
             ("((list_contains(actor_tags, $a) AND list_contains(recipient_tags, $b)) OR "
              "(list_contains(actor_tags, $b) AND list_contains(recipient_tags, $a)))")]
    params: dict[str, object] = {"a": a, "b": b, "fwd": fwd, "rev": rev}
    if since:
        conds.append("date_day >= $since")
        params["since"] = since
    if until:
        conds.append("date_day <= $until")
        params["until"] = until
    quads = ", ".join(f"count(*) FILTER (WHERE quad_code = {q}) AS quad{q}" for q in QUAD_NAMES)
    sql = f"""
        SELECT date_trunc('{unit}', date_day)::DATE AS period,
               CASE WHEN list_contains(actor_tags, $a) AND list_contains(recipient_tags, $b) THEN $fwd
                    ELSE $rev END AS direction,
               count(*) AS events, sum(num_mentions)::BIGINT AS mentions, {quads},
               sum(goldstein * {w}) / nullif(sum(CASE WHEN goldstein IS NOT NULL THEN {w} END), 0)
                   AS goldstein_mean,
               sum(plover_score * {w}) / nullif(sum(CASE WHEN plover_score IS NOT NULL THEN {w} END), 0)
                   AS plover_mean
        FROM events WHERE {' AND '.join(conds)}
        GROUP BY ALL ORDER BY period, direction"""
    df = store.con.execute(sql, params).df()
    if df.empty and not (since and until):
        return pd.DataFrame({c: pd.Series(dtype="float64" if c.endswith("mean") else "int64")
                             for c in COLUMNS}).astype({"period": "datetime64[ns]", "direction": "object"})
    df["period"] = pd.to_datetime(df["period"])
    start = _period_start(pd.Timestamp(since) if since else df["period"].min(), freq)
    end = pd.Timestamp(until) if until else df["period"].max()
    periods = pd.date_range(start, end, freq=pfreq)
    full = pd.MultiIndex.from_product([periods, [fwd, rev]], names=["period", "direction"])
    df = df.set_index(["period", "direction"]).reindex(full).reset_index()
    for c in ("events", "mentions", "quad1", "quad2", "quad3", "quad4"):
        df[c] = df[c].fillna(0).astype("int64")
    return df[COLUMNS]


def _period_start(t: pd.Timestamp, freq: str) -> pd.Timestamp:
    """Start of the period holding ``t``: the day, the Monday of its ISO week, or the 1st of its month."""
    t = t.normalize()
    if freq == "week":
        return t - pd.Timedelta(days=t.weekday())
    if freq == "month":
        return t.replace(day=1)
    return t


def write_csv(df: pd.DataFrame, path: str | Path) -> None:
    """Write a dyad series as CSV (ISO dates, empty cells for missing means).

    Raises:
        InputError: the path cannot be written.
    """
    out = df.copy()
    out["period"] = out["period"].dt.strftime("%Y-%m-%d")
    try:
        out.to_csv(path, index=False, float_format="%.4f")
    except OSError as err:
        raise InputError(f"{path}: cannot write ({err.strerror or err})") from err


def plot_dyad(df: pd.DataFrame, path: str | Path, title: str | None = None, freq: str = "month") -> None:
    """Draw a dyad series to a PNG (matplotlib, Agg backend): quad-class counts per period as stacked bars
    (first direction up, reverse direction down), then mean Goldstein and mean PLOVER score per direction.

    Raises:
        InputError: the series is empty or the path cannot be written.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    if df.empty:
        raise InputError(f"{path}: nothing to plot (no dated events for this dyad)")
    dirs = list(dict.fromkeys(df["direction"]))
    width = {"day": 0.8, "week": 5.0, "month": 22.0}.get(freq, 0.8)
    fig, axes = plt.subplots(3, 1, figsize=(11, 8.5), sharex=True,
                             gridspec_kw={"height_ratios": [2.2, 1, 1]})
    ax = axes[0]
    for sign, d in zip((1, -1), dirs, strict=False):
        part = df[df["direction"] == d]
        bottom = pd.Series(0, index=part.index, dtype="float64")
        for q, name in QUAD_NAMES.items():
            vals = part[f"quad{q}"].astype(float) * sign
            ax.bar(part["period"], vals, width=width, bottom=bottom, color=QUAD_COLORS[q],
                   label=name if sign == 1 else None, align="edge")
            bottom = bottom + vals
    ax.axhline(0, color="black", linewidth=0.8)
    ax.set_ylabel("events")
    ax.text(0.005, 0.97, f"▲ {dirs[0]}", transform=ax.transAxes, va="top", fontsize=9, weight="bold")
    if len(dirs) > 1:
        ax.text(0.005, 0.03, f"▼ {dirs[1]}", transform=ax.transAxes, va="bottom", fontsize=9, weight="bold")
    lim = max(1.0, *(abs(v) for v in ax.get_ylim()))
    ax.set_ylim(-lim * 1.05, lim * 1.05)
    ax.yaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
    ax.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: f"{abs(v):g}"))
    ax.legend(loc="lower right", bbox_to_anchor=(1.0, 1.0), fontsize=8, ncol=4, frameon=False)
    styles = {dirs[0]: ("#2c7fb8", "-"), **({dirs[1]: ("#d95f0e", "--")} if len(dirs) > 1 else {})}
    for ax, col, label in ((axes[1], "goldstein_mean", "mean Goldstein"),
                           (axes[2], "plover_mean", "mean PLOVER score")):
        for d in dirs:
            part = df[df["direction"] == d].dropna(subset=[col])  # join the periods that have events
            color, ls = styles[d]
            ax.plot(part["period"] + pd.Timedelta(days=width / 2), part[col], marker="o", markersize=3,
                    color=color, linestyle=ls, linewidth=1.2, label=d)
        ax.axhline(0, color="grey", linewidth=0.6)
        ax.set_ylabel(label)
        ax.legend(loc="best", fontsize=8, frameon=False)
    locator = mdates.AutoDateLocator()
    axes[2].xaxis.set_major_locator(locator)
    axes[2].xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    fig.suptitle(title or f"Dyad {dirs[0].replace('→', '–')} by {freq}")
    fig.tight_layout()
    try:
        fig.savefig(path, dpi=110)
    except OSError as err:
        raise InputError(f"{path}: cannot write ({err.strerror or err})") from err
    finally:
        plt.close(fig)

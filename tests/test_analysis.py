"""Dyad series and actor networks over a hand-built store (scores as in test_store's module doc)."""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from test_store import kerry, lavrov, spec, story

from eventcoder.analysis.dyad import COLUMNS, dyad_series, plot_dyad, write_csv
from eventcoder.analysis.network import actor_network, node_label, plot_network
from eventcoder.article import Entity, InputError
from eventcoder.store import EventFilter, EventStore

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def _nato() -> Entity:
    return Entity("the alliance", "IGO", None, "NATO", "NATO")


def _ukraine() -> Entity:
    return Entity("Kyiv", "UKR", "GOV")


@pytest.fixture
def store(tmp_path: Path) -> EventStore:
    """USA→RUS: CONSULT 2015-01-10 (two stories), ACCUSE 2015-01-20; RUS→USA: THREATEN 2015-03-05;
    RUS→NATO ACCUSE, USA→UKR AID in March; an unknown actor accusing Russia."""
    st = EventStore(tmp_path / "events.duckdb")
    consult = "Secretary of State John Kerry met Foreign Minister Sergei Lavrov."
    for sid, pub in (("j1", date(2015, 1, 10)), ("j2", date(2015, 1, 11))):
        st.add(story(sid, pub, sid.upper(), [consult],
                     [spec(sent=0, event="CONSULT", trigger="met", actor=[kerry()], recipient=[lavrov()],
                           date="2015-01-10")]))
    st.add(story("j3", date(2015, 1, 20), "J3",
                 ["Secretary of State John Kerry accused Foreign Minister Sergei Lavrov of stalling."],
                 [spec(sent=0, event="ACCUSE", trigger="accused", actor=[kerry()], recipient=[lavrov()],
                       date="2015-01-20")]))
    st.add(story("m1", date(2015, 3, 5), "M1",
                 ["Foreign Minister Sergei Lavrov warned Secretary of State John Kerry.",
                  "Foreign Minister Sergei Lavrov accused the alliance of expanding.",
                  "Secretary of State John Kerry pledged aid to Kyiv.",
                  "Unnamed officials accused Foreign Minister Sergei Lavrov of lying."],
                 [spec(sent=0, event="THREATEN", trigger="warned", actor=[lavrov()], recipient=[kerry()],
                       date="2015-03-05"),
                  spec(sent=1, event="ACCUSE", trigger="accused", actor=[lavrov()], recipient=[_nato()],
                       date="2015-03-05"),
                  spec(sent=2, event="AID", trigger="pledged aid", actor=[kerry()], recipient=[_ukraine()],
                       date="2015-03-05"),
                  spec(sent=3, event="ACCUSE", trigger="accused",
                       actor=[Entity("Unnamed officials", "UNK")], recipient=[lavrov()], date="2015-03-05")]))
    yield st
    st.close()


def test_monthly_dyad_counts_and_means_both_directions(store: EventStore) -> None:
    df = dyad_series(store, "usa", "RUS", freq="month")
    assert list(df.columns) == COLUMNS
    assert list(df["period"].dt.strftime("%Y-%m").unique()) == ["2015-01", "2015-02", "2015-03"]
    jan_fwd = df[(df["period"] == "2015-01-01") & (df["direction"] == "USA→RUS")].iloc[0]
    assert (jan_fwd["events"], jan_fwd["mentions"], jan_fwd["quad1"], jan_fwd["quad3"]) == (2, 3, 1, 1)
    assert jan_fwd["goldstein_mean"] == pytest.approx((1.0 + -2.0) / 2)  # CAMEO 040 and 112
    assert jan_fwd["plover_mean"] == pytest.approx((2.5 + -3.0) / 2)
    feb = df[df["period"] == "2015-02-01"]
    assert feb["events"].tolist() == [0, 0] and feb["goldstein_mean"].isna().all()
    mar_rev = df[(df["period"] == "2015-03-01") & (df["direction"] == "RUS→USA")].iloc[0]
    assert (mar_rev["events"], mar_rev["quad3"], mar_rev["goldstein_mean"]) == (1, 1, -4.4)
    assert df["events"].sum() == 3  # the NATO, Ukraine and unknown-actor events are not in this dyad


def test_mention_weighting_day_and_week_periods(store: EventStore) -> None:
    w = dyad_series(store, "USA", "RUS", freq="month", weight="mentions")
    jan = w[(w["period"] == "2015-01-01") & (w["direction"] == "USA→RUS")].iloc[0]
    assert jan["goldstein_mean"] == pytest.approx((2 * 1.0 + 1 * -2.0) / 3)
    wk = dyad_series(store, "USA", "RUS", freq="week", since=date(2015, 1, 1), until=date(2015, 1, 31))
    assert set(wk["period"].dt.day_of_week) == {0}  # ISO weeks labelled by their Monday
    assert wk["period"].min() == pd.Timestamp("2014-12-29") and wk["events"].sum() == 2
    day = dyad_series(store, "USA", "RUS", freq="day", since=date(2015, 1, 9), until=date(2015, 1, 11))
    assert len(day) == 6 and day["events"].tolist() == [0, 0, 1, 0, 0, 0]


def test_dyad_errors_and_empty(store: EventStore) -> None:
    with pytest.raises(InputError, match="frequency 'year'"):
        dyad_series(store, "USA", "RUS", freq="year")
    with pytest.raises(InputError, match="must differ"):
        dyad_series(store, "USA", "usa")
    assert dyad_series(store, "USA", "CHN").empty


def test_dyad_csv_and_plot(store: EventStore, tmp_path: Path) -> None:
    df = dyad_series(store, "USA", "RUS", freq="month")
    write_csv(df, tmp_path / "d.csv")
    back = pd.read_csv(tmp_path / "d.csv")
    assert back["period"].tolist()[:2] == ["2015-01-01", "2015-01-01"] and back["events"].sum() == 3
    plot_dyad(df, tmp_path / "d.png", freq="month")
    data = (tmp_path / "d.png").read_bytes()
    assert data.startswith(PNG_MAGIC) and len(data) > 10_000
    with pytest.raises(InputError, match="nothing to plot"):
        plot_dyad(dyad_series(store, "USA", "CHN"), tmp_path / "e.png")


def test_network_ranks_actors_and_ties(store: EventStore) -> None:
    net = actor_network(store)
    # RUS and USA both have 4 events with 2 partners: the name breaks the tie; the UNK actor is left out
    assert list(net.actors["actor"]) == ["RUS", "USA", "NATO", "UKR"]
    usa = net.actors.iloc[1]
    assert (usa["events"], usa["degree"], usa["out_events"], usa["in_events"]) == (4, 2, 3, 1)
    tie = net.ties[(net.ties["actor"] == "USA") & (net.ties["recipient"] == "RUS")].iloc[0]
    assert (tie["events"], tie["mentions"], tie["coop"], tie["conflict"]) == (2, 3, 1, 1)
    assert tie["goldstein_mean"] == pytest.approx(-0.5)
    top2 = net.top(2)
    assert set(top2.graph.nodes) == {"USA", "RUS"} and len(top2.ties) == 2
    sect = actor_network(store, level="sector")
    assert set(sect.actors["actor"]) == {"USAGOV", "RUSGOV", "NATO", "UKRGOV"}
    only_conflict = actor_network(store, EventFilter(quad=[3, 4]))
    assert "UKR" not in set(only_conflict.actors["actor"])


def test_node_labels() -> None:
    assert node_label({"code": "IGO", "org": "NATO", "sector": None}) == "NATO"
    assert node_label({"code": "RUS", "sector": "MIL"}, "sector") == "RUSMIL"
    assert node_label({"code": "UNK", "sector": "GOV"}) is None


def test_network_plot_and_cli(store: EventStore, tmp_path: Path, capsys) -> None:
    from eventcoder.cli import main

    plot_network(actor_network(store), tmp_path / "n.png")
    assert (tmp_path / "n.png").read_bytes().startswith(PNG_MAGIC)
    path = store.path
    store.close()
    assert main(["network", "--db", path, "--top", "3", "--csv", str(tmp_path / "t.csv"),
                 "--plot", str(tmp_path / "c.png")]) == 0
    out = capsys.readouterr().out
    assert "USA" in out and "UKR" not in out.split("top ties")[0]
    ties = pd.read_csv(tmp_path / "t.csv")
    assert set(ties["actor"]) | set(ties["recipient"]) <= {"USA", "RUS", "NATO"}
    assert main(["dyad", "USA", "RUS", "--db", path, "--freq", "month", "--csv", str(tmp_path / "d.csv"),
                 "--plot", str(tmp_path / "d.png")]) == 0
    out = capsys.readouterr().out
    assert "USA→RUS" in out and "RUS→USA" in out
    assert (tmp_path / "d.png").read_bytes().startswith(PNG_MAGIC)
    assert not math.isnan(pd.read_csv(tmp_path / "d.csv")["goldstein_mean"].iloc[0])


def test_cli_lists_agree_with_the_library() -> None:
    from eventcoder.analysis import dyad, network
    from eventcoder.cli import dyad as cli_dyad
    from eventcoder.cli import network as cli_network

    assert cli_dyad.FREQS == tuple(dyad.FREQS) and cli_network.LEVELS == network.LEVELS

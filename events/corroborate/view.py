"""What the map and the filters need of the groups: membership by event id, a filter, one dot per group.

Why a module of its own: the dashboard filters frames of up to 1M rows by
"single-source / corroborated / contested" and draws each group once; doing
it with pandas over a small membership table (only grouped events are in
it) keeps that a vectorised ``isin`` instead of a lookup per event.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from events.store.base import EventStore

MODES = ("all", "single", "corroborated", "contested")


@dataclass(frozen=True)
class Membership:
    """Grouped events only: id, group, the group's independent-source count, contested, representative."""
    table: pd.DataFrame      # columns: id, group, independent, contested, first

    @property
    def empty(self) -> bool:
        return self.table.empty


def stamp(store: EventStore) -> tuple[int, int]:
    """Changes whenever a batch run or a hand-made join/split changed the groups (a cache key)."""
    runs = store._rows("SELECT count(*) FROM corroboration_runs")[0][0] if store._has_table("corroboration_runs") else 0
    manual = (store._rows("SELECT count(*) FROM corroboration_manual")[0][0]
              if store._has_table("corroboration_manual") else 0)
    return int(runs), int(manual)


def membership(store: EventStore) -> Membership:
    from events.corroborate.storage import groups_of
    rows = []
    for event_id, info in groups_of(store).items():
        rows.append((event_id, info["group"], int(info["independent_sources"]), bool(info.get("contested")),
                     event_id == info["members"][0]))
    return Membership(pd.DataFrame(rows, columns=["id", "group", "independent", "contested", "first"]))


def filtered(frame: pd.DataFrame, m: Membership, mode: str = "all", *, once: bool = False) -> pd.DataFrame:
    """Rows of ``frame`` (any frame with an ``id`` column) in ``mode``; ``once`` keeps one row per group.

    single-source: in no group, or in a group resting on one independent source;
    corroborated: in a group of two or more independent sources and not contested;
    contested: in a group with a denial.
    """
    if mode not in MODES:
        raise ValueError(f"unknown corroboration filter {mode!r}; expected one of {MODES}")
    if m.empty or (mode == "all" and not once):
        if mode in ("corroborated", "contested"):
            return frame.iloc[0:0]
        return frame
    t = m.table
    ids = frame["id"]
    keep = pd.Series(True, index=frame.index)
    if mode == "single":
        keep &= ~ids.isin(t.loc[(t["independent"] >= 2) | t["contested"], "id"])
    elif mode == "corroborated":
        keep &= ids.isin(t.loc[(t["independent"] >= 2) & ~t["contested"], "id"])
    elif mode == "contested":
        keep &= ids.isin(t.loc[t["contested"], "id"])
    if once:
        # the group's first member that is in the frame stands for the group
        grouped = frame.loc[keep & ids.isin(t["id"]), ["id"]].merge(t[["id", "group"]], on="id", how="left")
        seen = grouped.drop_duplicates("group")["id"]
        drop = grouped.loc[~grouped["id"].isin(seen), "id"]
        keep &= ~ids.isin(drop)
    return frame.loc[keep].reset_index(drop=True)

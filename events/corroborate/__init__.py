"""Corroboration: which reports, from which independent sources, describe the same incident.

Public API::

    link(events, *, joins=(), detached=()) -> list[Group]     # rules.py, sources.py, link.py
    corroborate_store(store, *, author, dry_run=False)         # storage.py (the CLI's batch run)
    groups_of(store, ids=None) -> {event_id: group dict}
    join(store, a, b, *, author) / split(store, a, *, author)  # by hand, audited

Nothing here rewrites an event: groups live in tables of their own.
"""
from events.corroborate.link import Group, link, single, summarise

__all__ = ["Group", "link", "single", "summarise"]

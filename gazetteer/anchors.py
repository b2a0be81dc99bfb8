"""The anchor of a relative phrase: the place its bearing, countryside or outskirts are measured from.

Why a module of its own: anchors are written glued to a preposition («الريف الشمالي لحلب», «للعاصمة»,
«لجسر الشغور») or followed by a second place («دير الزور وريفها»), and the qualifier reader may take the
glued word for a type noun («لجسر» → a bridge). ``relative.py`` measures from what this returns.
"""
from __future__ import annotations

from gazetteer.model import Resolution, ResolutionStatus
from gazetteer.normalize import is_arabic
from gazetteer.phrases import is_type_noun, split_qualifiers
from gazetteer.resolve import Resolver


def _exact(res: Resolution) -> bool:
    return bool(res.candidates) and "exact" in res.candidates[0].reasons


def resolve_anchor(resolver: Resolver, text: str, *, context, near) -> Resolution:
    """The place a relative phrase is measured from («الريف الشمالي لحلب» → Aleppo)."""
    q = split_qualifiers(text)
    res = resolver.resolve_name(text, q.name, kind=q.kind_hint, context=context, near=near)
    glued = q.name if q.name[:1] in "لب" else text   # «لجسر الشغور»: the qualifier reader took «لجسر» for a bridge
    if not _exact(res) and is_arabic(glued) and glued[:1] in "لب" and len(glued) > 3:
        # «الريف الشمالي لحلب», «للعاصمة», «لجسر الشغور»: a glued preposition; the exact name after it beats
        # a fuzzy reading of the whole word («لجسر الشغور» is not the village Shughur Fawqani)
        bare = "ال" + glued[2:] if glued.startswith("لل") else glued[1:]
        if is_type_noun(bare):
            return res          # «للمحافظة», «للمدينة»: "of the governorate/city" named before, not a place
        whole = resolver.resolve_name(text, bare, context=context, near=near)
        if whole.status is ResolutionStatus.RESOLVED and _exact(whole):
            return whole        # «جسر الشغور» is a town's whole name, not a bridge of «الشغور»
        again = split_qualifiers(bare)
        alt = resolver.resolve_name(text, again.name, kind=again.kind_hint, context=context, near=near)
        if res.status is not ResolutionStatus.RESOLVED and alt.status is not ResolutionStatus.UNRESOLVED:
            return alt
        if alt.status is ResolutionStatus.RESOLVED and _exact(alt):
            return alt
    if res.status is not ResolutionStatus.RESOLVED and is_arabic(q.name):
        from gazetteer.structured_ar import shorter_names
        for shorter in shorter_names(q.name)[:2]:   # «دير الزور وريفها», «حماة وإدلب»: the first place
            again = split_qualifiers(shorter)
            alt = resolver.resolve_name(text, again.name, kind=again.kind_hint, context=context, near=near)
            if alt.status is ResolutionStatus.RESOLVED:
                return alt
    return res

"""Syrian gazetteer: names in two scripts, relative phrases, admin boundaries.

Public API::

    from gazetteer import get_gazetteer, Gazetteer
    gz = get_gazetteer()
    gz.resolve("بلدة الطريف", context="في محافظة دير الزور")
    gz.reverse(35.545471, 39.856506)
    gz.admin_geometry("SY09")
"""
__all__ = ["Gazetteer", "get_gazetteer"]


def __getattr__(name: str):
    # Lazy, so that light modules (gazetteer.aliasdb, used by the event stores) load without the index stack.
    if name in __all__:
        from gazetteer import service
        return getattr(service, name)
    raise AttributeError(f"module 'gazetteer' has no attribute {name!r}")

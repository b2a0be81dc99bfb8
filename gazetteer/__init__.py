"""Syrian gazetteer: names in two scripts, relative phrases, admin boundaries.

Public API::

    from gazetteer import get_gazetteer, Gazetteer
    gz = get_gazetteer()
    gz.resolve("بلدة الطريف", context="في محافظة دير الزور")
    gz.reverse(35.545471, 39.856506)
    gz.admin_geometry("SY09")
"""
from gazetteer.service import Gazetteer, get_gazetteer

__all__ = ["Gazetteer", "get_gazetteer"]

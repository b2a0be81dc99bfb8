"""An event's own area (``Place.area_wkt``): parsed and bounded once, at validation.

Why a budget: an area is data a user hands us, and GEOS parses it
recursively in C. A ``GEOMETRYCOLLECTION (`` nested 50,000 deep (1 MB of
text) overflows the C stack and kills the process that parses it, and one
1.8 MB polygon per event makes every map render tens of megabytes. So the
text is checked *before* shapely sees it (length, then nesting depth by a
linear scan of parentheses), and the parsed shape after (parts, vertices,
finite coordinates, inside Syria's box with a margin). An area with more
than ``MAX_AREA_VERTICES`` vertices is simplified on the way in, and the
tolerance is recorded in a tag (``area-simplified:<tol>deg``) so an analyst
can see that the stored shape is not the one in the file.

``check_area`` is for validation (raises ValidationError naming the field);
``parse_area`` is for readers of stored data (the map, snapshots, exports):
it applies the same pre-parse checks and returns None instead of raising, so
an event stored before these limits existed cannot take the map down.
"""
from __future__ import annotations

import numpy as np
import shapely
from shapely.errors import GEOSException

from errors import ValidationError

#: Longest area text accepted (characters); about 100,000 vertices.
MAX_AREA_CHARS = 2_000_000
#: Deepest parenthesis nesting: MULTIPOLYGON is 3, a collection of them 4; 6 leaves room for one more level.
MAX_AREA_DEPTH = 6
#: Most parts (polygons, lines, points, after opening collections) and rings in one area.
MAX_AREA_PARTS = 1_000
MAX_AREA_RINGS = 5_000
#: Vertices kept per event; larger areas are simplified on import to at most this many.
MAX_AREA_VERTICES = 20_000
#: Areas may reach this far (degrees) beyond events.validate.SYRIA_BBOX (a disc around a border town).
AREA_MARGIN_DEG = 1.0
#: Tag prefix recording the simplification tolerance (degrees) on the event.
SIMPLIFIED_TAG = "area-simplified:"
_OPEN, _CLOSE = ord("("), ord(")")


def nesting_depth(text: str) -> int:
    """Deepest parenthesis nesting of ``text`` (linear, vectorised; never recursive)."""
    raw = np.frombuffer(text.encode("utf-8", "surrogatepass"), dtype=np.uint8)
    parens = raw[(raw == _OPEN) | (raw == _CLOSE)]
    return int(np.cumsum(np.where(parens == _OPEN, 1, -1)).max(initial=0))


def _precheck(text: str) -> str | None:
    """Why ``text`` must not reach the parser, or None."""
    if len(text) > MAX_AREA_CHARS:
        return f"area is {len(text):,} characters; the limit is {MAX_AREA_CHARS:,}"
    depth = nesting_depth(text)
    if depth > MAX_AREA_DEPTH:
        return f"area is nested {depth:,} levels deep; the limit is {MAX_AREA_DEPTH}"
    return None


def parse_area(text: object) -> shapely.Geometry | None:
    """A stored area as a geometry, or None when it is empty, malformed or over the pre-parse limits."""
    if not isinstance(text, str) or not text or _precheck(text) is not None:
        return None
    try:
        geom = shapely.from_wkt(text, on_invalid="ignore")
    except (GEOSException, ValueError):
        return None
    return None if geom is None or geom.is_empty else geom


def _count_parts(geom: shapely.Geometry) -> tuple[int, int]:
    """(parts, rings) of ``geom``, opening collections (depth is already bounded)."""
    if shapely.get_type_id(geom) >= 4:  # Multi* and GeometryCollection
        parts = rings = 0
        for sub in shapely.get_parts(geom):
            p, r = _count_parts(sub)
            parts, rings = parts + p, rings + r
        return parts, rings
    return 1, int(shapely.get_num_interior_rings(geom)) + 1 if shapely.get_type_id(geom) == 3 else 0


def _bbox() -> tuple[float, float, float, float]:
    from events.validate import SYRIA_BBOX
    west, south, east, north = SYRIA_BBOX
    m = AREA_MARGIN_DEG
    return west - m, south - m, east + m, north + m


def check_area(text: str, *, field: str = "place.area_wkt",
               where: str | None = None) -> tuple[str, float | None]:
    """Validate an area's WKT; returns (WKT to store, simplification tolerance or None).

    Refuses (ValidationError naming ``field``): too long, too deeply nested,
    not WKT, too many parts or rings, NaN/inf coordinates, outside Syria's box
    plus ``AREA_MARGIN_DEG``. Above ``MAX_AREA_VERTICES`` the shape is
    simplified (topology kept) with the smallest doubling tolerance that fits.
    """
    def refuse(message: str) -> ValidationError:
        shown = text if len(text) <= 60 else text[:57] + "..."
        return ValidationError(message, field=field, value=shown, where=where)

    problem = _precheck(text)
    if problem is not None:
        raise refuse(problem)
    try:
        geom = shapely.from_wkt(text)
    except (GEOSException, ValueError) as err:
        raise refuse(f"is not valid WKT ({str(err).splitlines()[0][:80]})") from None
    if geom is None or geom.is_empty:
        raise refuse("area is empty")
    parts, rings = _count_parts(geom)
    if parts > MAX_AREA_PARTS:
        raise refuse(f"area has {parts:,} parts; the limit is {MAX_AREA_PARTS:,}")
    if rings > MAX_AREA_RINGS:
        raise refuse(f"area has {rings:,} rings; the limit is {MAX_AREA_RINGS:,}")
    coords = shapely.get_coordinates(geom, include_z=bool(shapely.has_z(geom)))
    if not np.isfinite(coords).all():
        raise refuse("area coordinates must be finite numbers (no NaN or inf)")
    west, south, east, north = _bbox()
    minx, miny, maxx, maxy = geom.bounds
    if minx < west or maxx > east or miny < south or maxy > north:
        raise refuse(f"area reaches lon {minx:g}–{maxx:g}, lat {miny:g}–{maxy:g}, outside Syria "
                     f"(lon {west:g}–{east:g}, lat {south:g}–{north:g})")
    if len(coords) <= MAX_AREA_VERTICES:
        return text, None
    fitted = simplify_to(geom, MAX_AREA_VERTICES)
    if fitted is None:
        raise refuse(f"area has {len(coords):,} vertices and cannot be simplified to {MAX_AREA_VERTICES:,}")
    simplified, tolerance = fitted
    return shapely.to_wkt(simplified, rounding_precision=6, trim=True), tolerance


def simplify_to(geom: shapely.Geometry, max_vertices: int, *, start: float = 1e-5,
                preserve_topology: bool = True) -> tuple[shapely.Geometry, float] | None:
    """``geom`` simplified (topology kept) to at most ``max_vertices`` vertices, and the tolerance used
    (degrees, 3 significant digits). None when no tolerance up to the shape's size fits (each ring keeps
    four vertices).

    The tolerance is found by doubling from ``start`` × the shape's size with plain Douglas-Peucker
    (fast), then confirmed with the topology-preserving simplifier, which keeps a few more vertices
    (``preserve_topology=False``: Douglas-Peucker's result is kept, for drawing only).
    """
    minx, miny, maxx, maxy = geom.bounds
    size = max(maxx - minx, maxy - miny, 1e-6)
    tolerance = size * start
    while tolerance <= size:
        tolerance = float(f"{tolerance * 2:.3g}")
        quick = shapely.simplify(geom, tolerance, preserve_topology=False)
        if shapely.get_num_coordinates(quick) <= max_vertices:
            if not preserve_topology:
                return (quick, tolerance) if not quick.is_empty else None
            break
    while tolerance <= 2 * size:
        simplified = shapely.simplify(geom, tolerance, preserve_topology=True)
        if shapely.get_num_coordinates(simplified) <= max_vertices:
            return simplified, tolerance
        tolerance = float(f"{tolerance * 1.5:.3g}")
    return None

def simplified_tag(tolerance: float) -> str:
    """The tag recording an import-time simplification of ``tolerance`` degrees."""
    return f"{SIMPLIFIED_TAG}{tolerance:.3g}deg"


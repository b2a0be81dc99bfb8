"""The project's one haversine: scalar and array paths agree, and it never leaves [0, πR]."""
import math

import numpy as np
from hypothesis import given, strategies as st

from events.corroborate.rules import distance_km
from gazetteer.geometry import EARTH_RADIUS_KM, haversine_km

lat = st.floats(-90, 90, allow_nan=False)
lon = st.floats(-180, 180, allow_nan=False)


def test_one_degree_of_longitude_at_35_north():
    assert abs(haversine_km(35.0, 36.0, 35.0, 37.0) - 91.1) < 0.1


def test_integer_arguments_take_the_scalar_path():
    assert isinstance(haversine_km(35, 36, 35, 37), float)


@given(lat, lon, lat, lon)
def test_symmetric_bounded_and_array_path_agrees(a, b, c, d):
    x = haversine_km(a, b, c, d)
    assert 0.0 <= x <= math.pi * EARTH_RADIUS_KM + 1e-6
    assert math.isclose(x, haversine_km(c, d, a, b), abs_tol=1e-6)
    arr = haversine_km(a, b, np.array([c]), np.array([d]))
    assert math.isclose(float(arr[0]), x, abs_tol=1e-6)
    assert math.isclose(distance_km(a, b, c, d), x, abs_tol=1e-9)


def test_antipodes_do_not_raise_a_domain_error():
    assert math.isclose(haversine_km(0.0, 0.0, 0.0, 180.0), math.pi * EARTH_RADIUS_KM, rel_tol=1e-9)

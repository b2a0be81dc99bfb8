"""The accuracy benchmark's variant generators produce real variants, never the stored spelling."""
from __future__ import annotations

import importlib.util
import random
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "gazetteer_accuracy.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("gazetteer_accuracy", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_variants_differ_from_the_stored_spelling(gz, bench):
    rng = random.Random(1)
    sample = [p for p in gz.places if p.kind.value == "community"][:400]
    ar = [bench.ar_variant(p.name_ar, rng) for p in sample]
    lat = [bench.lat_variant(p.name_en, rng) for p in sample]
    assert all(v != p.name_ar for v, p in zip(ar, sample))
    assert all(v != p.name_en for v, p in zip(lat, sample))
    assert sum(bool(v) for v in ar) > 380 and sum(bool(v) for v in lat) > 380


def test_classify_uses_the_10_km_rule(gz, bench):
    tarif = gz.place("C5133")
    assert bench.classify(gz.resolve("Tarif"), tarif) == "correct"
    assert bench.classify(gz.resolve("Aleppo"), tarif) == "wrong"
    assert bench.classify(gz.resolve("كسرة"), tarif) == "ambiguous"


def test_benchmark_runs_and_prints_its_figures():
    out = subprocess.run([sys.executable, str(BENCH), "--communities", "40"], capture_output=True, text=True,
                         timeout=300, check=True).stdout
    for needle in ("cold build", "names/s", "within10km", "arabic unique names", "latin all", "hand-written cases"):
        assert needle in out

"""The map component's scripts (mapview/evmap/evm-*.js): index.html loads every one of them, in the
order the standalone export inlines them, and each stays one concern under ~400 lines."""
from __future__ import annotations

import re

from ui.evmap import FRONTEND, script_files


def test_index_loads_every_script_once_core_first_bridge_last():
    files = script_files()
    names = [f.name for f in files]
    assert sorted(names) == sorted(p.name for p in FRONTEND.glob("evm-*.js"))
    assert len(set(names)) == len(names)
    assert names[0] == "evm-core.js" and names[-1] == "evm-bridge.js"


def test_scripts_are_small_and_define_each_global_once():
    seen: dict[str, str] = {}
    for f in script_files():
        text = f.read_text(encoding="utf-8")
        assert len(text.splitlines()) <= 400, f"{f.name} has grown past 400 lines: split it"
        for name in re.findall(r"^(?:function|var) ([A-Za-z_$][\w$]*)", text, flags=re.M):
            assert name not in seen, f"{name} defined in {seen[name]} and {f.name}"
            seen[name] = f.name


def test_only_the_bridge_starts_the_component():
    for f in script_files():
        text = f.read_text(encoding="utf-8")
        starts = "streamlit:componentReady" in text
        assert starts == (f.name == "evm-bridge.js"), f.name

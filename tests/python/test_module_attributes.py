"""Compiled code reads attributes of the user's own modules (`import mymod; mymod.f(x)`), frozen like globals."""
import json
import textwrap

import pytest

import sharpjit
from conftest import run_python

HELPER = textwrap.dedent("""
    import sharpjit
    SCALE = 3
    LIMITS = (1.0, 2.5)
    NAMES = ["a", "b"]

    @sharpjit.jit
    def twice(x):
        return 2 * x
""")


def test_attributes_of_an_imported_module(make_module, tmp_path, monkeypatch):
    (tmp_path / "helper_mod.py").write_text(HELPER)
    monkeypatch.syspath_prepend(str(tmp_path))
    mod = make_module(
        "import sharpjit\n"
        "import helper_mod\n"
        "import helper_mod as h\n"
        "@sharpjit.jit\n"
        "def f(x):\n"
        "    return helper_mod.twice(x) * helper_mod.SCALE + h.LIMITS[1]\n"
        "@sharpjit.jit\n"
        "def uses_list(x):\n"
        "    return helper_mod.NAMES\n"
        "@sharpjit.jit\n"
        "def missing(x):\n"
        "    return helper_mod.NOPE\n")
    assert mod.f(2) == mod.f.py_func(2) == 14.5
    with pytest.raises(sharpjit.errors.TypingError, match="'helper_mod.NAMES' is a list object"):
        mod.uses_list(1)
    with pytest.raises(sharpjit.errors.TypingError, match="module 'helper_mod' has no attribute 'NOPE'"):
        mod.missing(1)


MAIN = textwrap.dedent("""
    import json
    import sharpjit
    import helper_mod

    @sharpjit.jit(cache=True)
    def f(x):
        return helper_mod.twice(x) * helper_mod.SCALE

    print(json.dumps([f(5), f.cache_hits]))
""")


def test_cache_checks_module_attributes(tmp_path):
    (tmp_path / "helper_mod.py").write_text(HELPER)
    (tmp_path / "main.py").write_text(MAIN)

    def run():
        p = run_python([tmp_path / "main.py"], cwd=tmp_path)
        assert p.returncode == 0, p.stderr
        return json.loads(p.stdout)

    assert run() == [30, 0]
    assert run() == [30, 1]
    (tmp_path / "helper_mod.py").write_text(HELPER.replace("SCALE = 3", "SCALE = 4"))
    assert run() == [40, 0]

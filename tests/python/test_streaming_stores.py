"""A new array too large for the last-level cache is written with streaming (non-temporal) stores, in a version of the
element-wise loop compiled on its first use (Codegen/StreamingStores.cs); smaller ones keep ordinary stores."""
import json
import re
import textwrap
from pathlib import Path

import pytest

from conftest import run_python


def last_level_cache_bytes():
    """The host's last-level cache as sysfs reports it (what the compiler reads), else 32 MiB."""
    best = (0, 0)
    for d in Path("/sys/devices/system/cpu/cpu0/cache").glob("index*"):
        try:
            level, size = int((d / "level").read_text()), (d / "size").read_text().strip()
        except (OSError, ValueError):
            continue
        unit = {"K": 1 << 10, "M": 1 << 20}.get(size[-1:], 1)
        best = max(best, (level, int(size.rstrip("KM")) * unit))
    return best[1] or 32 << 20


SCRIPT = textwrap.dedent("""
    import json, sys
    import numpy as np
    import sharpjit

    @sharpjit.jit
    def add(a, b):
        return a + b

    @sharpjit.jit
    def saxpy(a, x, y):
        return a * x + y

    @sharpjit.jit
    def greater(a, b):
        return a > b

    @sharpjit.jit
    def scaled(z, w):
        return z * w - 1j

    @sharpjit.jit
    def exp_plus_one(a):
        return np.exp(a) + 1.0

    cache = int(sys.argv[1])
    rng = np.random.default_rng(0)
    results = {}

    def check(name, f, *args, same=np.array_equal):
        got, want = f(*args), f.py_func(*args)
        results[name] = bool(got.dtype == want.dtype and got.shape == want.shape and same(got, want))

    # Sizes just past the point where what the loop touches exceeds the cache, and not a multiple of any vector's
    # elements: the last elements take the ordinary loop.
    def past(bytes_per_element):
        return cache // bytes_per_element + 13

    small = rng.random(1000)
    check("small", add, small, small)
    print("-- large", file=sys.stderr, flush=True)
    n = past(24); check("float64", add, rng.random(n), rng.random(n))
    n = past(12); check("float32", saxpy, np.float32(2.5), rng.random(n, dtype=np.float32), rng.random(n, dtype=np.float32))
    n = past(3); check("int8", add, rng.integers(-100, 100, n, dtype=np.int8), rng.integers(-100, 100, n, dtype=np.int8))
    n = past(24); check("int64", add, rng.integers(0, 1 << 40, n), rng.integers(0, 1 << 40, n))
    n = past(6); check("uint16", add, rng.integers(0, 1 << 16, n, dtype=np.uint16), rng.integers(0, 1 << 16, n, dtype=np.uint16))
    n = past(17); check("bool", greater, rng.random(n), rng.random(n))
    n = past(48); z = rng.random(n) + 1j * rng.random(n); check("complex128", scaled, z, z[::-1].copy())
    n = past(24); z = (rng.random(n) + 1j * rng.random(n)).astype(np.complex64); check("complex64", scaled, z, z[::-1].copy())
    # a view into the middle of a new array is not what the stores stream into: the loop's operands may be views
    x = rng.random(past(24) + 3); check("views", add, x[3:], x[:-3])
    # bound by its arithmetic, not by memory: no streaming version
    check("exp", exp_plus_one, rng.random(past(16)), same=np.allclose)
    print(json.dumps(results))
""")


def test_large_new_arrays_are_written_with_streaming_stores(tmp_path):
    cache = last_level_cache_bytes()
    if cache > 128 << 20:
        pytest.skip(f"a last-level cache of {cache >> 20} MiB needs arrays too large for a unit test")
    script = tmp_path / "streaming.py"
    script.write_text(SCRIPT)
    dumps = tmp_path / "ir"
    dumps.mkdir()
    done = run_python([script, cache], timeout=300, SHARPJIT_TRACE_COMPILE="1", SHARPJIT_DUMP_IR=str(dumps))
    assert done.returncode == 0, done.stderr
    results = json.loads(done.stdout)
    assert results == {name: True for name in results} and len(results) == 11, results
    before, after = done.stderr.split("-- large")
    # the streaming version is compiled only when a large array first needs it: once per compiled signature (the
    # float64 add's serves the views too), and not for np.exp
    assert ".stream" not in before
    assert len(re.findall(r"compiled deferred \S+\.stream\d+", after)) == 8, after
    # each stores whole aligned vectors marked non-temporal, then fences
    streamed = [p.read_text() for p in dumps.glob("*.stream*.ll")]
    assert len(streamed) == 8
    for ir in streamed:
        assert re.search(r"store <\d+ x \w+> %\w+, ptr %\w+, align (16|32), !nontemporal", ir), ir
        assert "call void @llvm.x86.sse.sfence()" in ir


CACHED = textwrap.dedent("""
    import json, re, sys
    import numpy as np
    import sharpjit

    @sharpjit.jit(cache=True)
    def add(a, b):
        return a + b

    n = int(sys.argv[1]) // 24 + 5
    a, b = np.arange(n, dtype=np.float64), np.ones(n)
    ok = bool(np.array_equal(add(a, b), a + b))
    ir = add.inspect_llvm(add.signatures[0])
    streams = bool(re.search(r"store <\\d+ x \\w+> %\\w+, ptr %\\w+, align (16|32), !nontemporal", ir))
    print(json.dumps({"equal": ok, "streams": streams, "hits": add.cache_hits}))
""")


def test_code_compiled_whole_for_the_cache_streams_too(tmp_path):
    """Code for the disk cache has no parts compiled on first use: the streaming loop is in the function itself, and
    LLVM's optimisation keeps its stores non-temporal."""
    cache = last_level_cache_bytes()
    if cache > 128 << 20:
        pytest.skip(f"a last-level cache of {cache >> 20} MiB needs arrays too large for a unit test")
    script = tmp_path / "cached.py"
    script.write_text(CACHED)
    env = {"SHARPJIT_CACHE_DIR": str(tmp_path / "cache")}
    for hits in (0, 1):
        done = run_python([script, cache], cwd=tmp_path, **env)
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout) == {"equal": True, "streams": True, "hits": hits}

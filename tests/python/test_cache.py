"""cache=True: a later process loads compiled code from disk; stale or damaged entries are recompiled, never trusted."""
import json
import textwrap
from concurrent.futures import ThreadPoolExecutor

from conftest import run_python

CALLEE = textwrap.dedent("""
    import sharpjit
    SCALE = 3

    @sharpjit.jit(cache=True)
    def scaled(x):
        return x * SCALE
""")

MAIN = textwrap.dedent("""
    import json, math, sys
    import sharpjit
    from callee import scaled
    OFFSET = 0.5

    @sharpjit.jit(cache=True)
    def kernel(x, n):
        if n < 0:
            raise ValueError(f"negative n: {n}")
        s = 0.0
        for i in range(n):
            s += math.sqrt(scaled(x) + i) + OFFSET
        return s, n

    result = kernel(2.0, 10)
    try:
        kernel(1.0, -1)
        error = None
    except ValueError as e:
        import traceback
        frame = traceback.extract_tb(e.__traceback__)[-1]
        error = [str(e), frame.name, frame.lineno, frame.line]
    print(json.dumps({"result": list(result), "hits": getattr(kernel, "cache_hits", -1), "error": error}))
""")


def write_project(tmp_path, main=MAIN, callee=CALLEE):
    (tmp_path / "main.py").write_text(main)
    (tmp_path / "callee.py").write_text(callee)


def run(tmp_path, **env):
    p = run_python([tmp_path / "main.py"], cwd=tmp_path, **env)
    assert p.returncode == 0, p.stderr
    return json.loads(p.stdout)


def expected(tmp_path, **env):
    p = run_python([tmp_path / "main.py"], cwd=tmp_path, SHARPJIT_DISABLE_JIT="1", **env)
    assert p.returncode == 0, p.stderr
    return json.loads(p.stdout)


def cache_files(tmp_path):
    return sorted((tmp_path / "__pycache__" / "sharpjit").glob("kernel-*"))


def test_second_process_loads_from_the_cache(tmp_path):
    write_project(tmp_path)
    first = run(tmp_path)
    assert first["hits"] == 0
    assert [f.suffix for f in cache_files(tmp_path)] == [".sjc", ".so"]
    second = run(tmp_path)
    assert second["hits"] == 1
    plain = expected(tmp_path)
    assert first["result"] == second["result"] == plain["result"]
    # Exceptions from cached code keep their message and source frame.
    assert second["error"] == first["error"] == ["negative n: -1", "kernel", 10, 'raise ValueError(f"negative n: {n}")']


def test_changed_global_of_the_function_recompiles(tmp_path):
    write_project(tmp_path)
    run(tmp_path)
    write_project(tmp_path, main=MAIN.replace("OFFSET = 0.5", "OFFSET = 1.5"))
    changed = run(tmp_path)
    assert changed["hits"] == 0
    assert changed["result"] == expected(tmp_path)["result"]


def test_changed_global_of_a_callee_recompiles(tmp_path):
    write_project(tmp_path)
    run(tmp_path)
    write_project(tmp_path, callee=CALLEE.replace("SCALE = 3", "SCALE = 5"))
    changed = run(tmp_path)
    assert changed["hits"] == 0
    assert changed["result"] == expected(tmp_path)["result"]


def test_global_rebound_at_run_time_is_checked_against_the_live_value(tmp_path):
    # The file text is unchanged; the value frozen into the cached code differs from the live one.
    main = MAIN.replace("OFFSET = 0.5", "import os\nOFFSET = float(os.environ.get('OFFSET', '0.5'))")
    write_project(tmp_path, main=main)
    run(tmp_path)
    assert run(tmp_path)["hits"] == 1
    changed = run(tmp_path, OFFSET="2.5")
    assert changed["hits"] == 0
    assert changed["result"] == expected(tmp_path, OFFSET="2.5")["result"] != expected(tmp_path)["result"]


def damage(path, how):
    data = bytearray(path.read_bytes())
    if how == "truncate":
        data = data[: len(data) // 2]
    elif how == "flip":
        data[len(data) // 2] ^= 0xFF
    elif how == "empty":
        data = bytearray()
    path.write_bytes(bytes(data))


def test_damaged_entries_are_recompiled_never_trusted(tmp_path):
    write_project(tmp_path)
    good = run(tmp_path)["result"]
    for suffix in (".sjc", ".so"):
        for how in ("truncate", "flip", "empty"):
            target = next(f for f in cache_files(tmp_path) if f.suffix == suffix)
            damage(target, how)
            again = run(tmp_path)
            assert again["hits"] == 0, (suffix, how)
            assert again["result"] == good, (suffix, how)
            assert run(tmp_path)["hits"] == 1, (suffix, how)  # rewritten whole


def test_cache_directory_from_the_environment(tmp_path):
    write_project(tmp_path)
    cache_dir = tmp_path / "elsewhere"
    run(tmp_path, SHARPJIT_CACHE_DIR=str(cache_dir))
    assert len(list(cache_dir.glob("kernel-*.sjc"))) == 1
    assert run(tmp_path, SHARPJIT_CACHE_DIR=str(cache_dir))["hits"] == 1
    assert not (tmp_path / "__pycache__" / "sharpjit").exists()


def test_concurrent_writers_leave_a_whole_entry(tmp_path):
    write_project(tmp_path)
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda _: run(tmp_path), range(4)))
    assert all(r["result"] == results[0]["result"] for r in results)
    assert not list((tmp_path / "__pycache__" / "sharpjit").glob("*.tmp"))
    assert run(tmp_path)["hits"] == 1


def test_callee_global_rebound_at_run_time_is_checked(tmp_path):
    # The callee's file is unchanged; its global is rebound when the process starts (issue 12, item 25).
    callee = CALLEE.replace("SCALE = 3", "import os\nSCALE = int(os.environ.get('SCALE', '3'))")
    write_project(tmp_path, callee=callee)
    run(tmp_path)
    assert run(tmp_path)["hits"] == 1
    changed = run(tmp_path, SCALE="50")
    assert changed["hits"] == 0
    assert changed["result"] == expected(tmp_path, SCALE="50")["result"] != expected(tmp_path)["result"]


NARROW = textwrap.dedent("""
    import json, os
    import numpy as np
    import sharpjit
    SCALE = np.float32(0.5) if os.environ.get("NARROW") else 0.5

    @sharpjit.jit(cache=True)
    def scale(x):
        return x * SCALE

    r = scale(np.float32(3.0))
    print(json.dumps({"type": type(r).__name__, "value": float(r), "hits": scale.cache_hits}))
""")


def test_narrow_numpy_global_dtype_is_part_of_the_key(tmp_path):
    # SCALE = 0.5 and SCALE = np.float32(0.5) have the same value but compile differently (float32 * float32 stays
    # float32): an entry for one must not serve the other (issue 12, item 25).
    (tmp_path / "main.py").write_text(NARROW)
    wide = run(tmp_path)
    assert (wide["type"], wide["hits"]) == ("float", 0)
    narrow = run(tmp_path, NARROW="1")
    assert (narrow["type"], narrow["value"], narrow["hits"]) == ("float32", 1.5, 0)
    assert run(tmp_path, NARROW="1")["hits"] == 1


UFUNCS = textwrap.dedent("""
    import json, math, os
    import numpy as np
    import sharpjit
    SCALE = float(os.environ.get("SCALE", "2.0"))

    @sharpjit.vectorize(["float64(float64, float64)", "int64(int64, int64)"], cache=True)
    def rel_diff(x, y):
        return SCALE * (x - y) / (x + y + 1)

    @sharpjit.vectorize(cache=True, target="parallel")
    def hyp(x, y):
        if x < 0:
            raise ValueError("negative")
        return math.sqrt(x * x + y * y)

    @sharpjit.guvectorize(["void(float64[:], float64, float64[:])"], "(n),()->(n)", cache=True)
    def add_scalar(x, y, res):
        for i in range(x.shape[0]):
            res[i] = x[i] + y * SCALE

    a, b = np.arange(1.0, 7.0), np.arange(6.0, 0.0, -1.0)
    i, j = np.arange(5), np.ones(5, dtype=np.int64)
    result = [rel_diff(a, b).tolist(), rel_diff(i, j).tolist(), hyp(a, b).tolist(),
              add_scalar(a.reshape(2, 3), np.array([1.0, 2.0])).tolist()]
    # The kernels run by CPython, element by element, in the loops' dtypes.
    def plain(f, *args, dtype=np.float64):
        return np.frompyfunc(f.py_func, len(args), 1)(*args).astype(dtype).tolist()
    reference = [plain(rel_diff, a, b), plain(rel_diff, i, j, dtype=np.int64), plain(hyp, a, b),
                 (a.reshape(2, 3) + np.array([1.0, 2.0])[:, None] * SCALE).tolist()]
    try:
        hyp(-a, b)
        error = None
    except ValueError as e:
        error = str(e)
    print(json.dumps({"result": result, "reference": reference, "error": error, "types": rel_diff.types,
                      "hits": [rel_diff.cache_hits, hyp.cache_hits, add_scalar.cache_hits]}))
""")


def test_ufunc_loops_load_from_the_cache_and_recompile_when_a_global_changes(tmp_path):
    # @vectorize / @guvectorize with cache=True: each loop (declared or made on a call, parallel too) is an entry of
    # its own, with the same checks as a signature's (MAC, owner, the globals it read).
    (tmp_path / "main.py").write_text(UFUNCS)
    first = run(tmp_path)
    assert first["hits"] == [0, 0, 0]
    entries = sorted(f.name.split("-loop-")[0] for f in (tmp_path / "__pycache__" / "sharpjit").glob("*-loop-*.sjc"))
    assert entries == ["add_scalar", "hyp", "rel_diff", "rel_diff"]
    second = run(tmp_path)
    assert second["hits"] == [2, 1, 1]
    assert first["result"] == second["result"] == first["reference"]
    assert first["error"] == second["error"] == "negative"
    assert first["types"] == second["types"] == ["dd->d", "ll->l"]
    changed = run(tmp_path, SCALE="3.0")
    assert changed["hits"] == [0, 1, 0]   # hyp does not read SCALE
    assert changed["result"] == changed["reference"] != first["result"]
    for f in (tmp_path / "__pycache__" / "sharpjit").glob("rel_diff-loop-*.so"):
        damage(f, "flip")
    assert run(tmp_path, SCALE="3.0")["hits"] == [0, 1, 1]


CONTAINERS = textwrap.dedent("""
    import json
    import numpy as np
    import sharpjit

    @sharpjit.jit(cache=True)
    def scaled(a):
        return a * 2.0

    @sharpjit.jit(cache=True)
    def evens(n):
        return [i for i in range(n) if i % 2 == 0]

    @sharpjit.jit(cache=True)
    def counts(a):
        d = {}
        for x in a:
            d[x] = d.get(x, 0) + 1
        return d

    a = np.arange(6.0).reshape(2, 3)
    result = [scaled(a).tolist(), scaled(a.T).tolist(), evens(7), sorted(counts(np.array([1, 2, 2, 5])).items())]
    print(json.dumps({"result": result, "hits": [scaled.cache_hits, evens.cache_hits, counts.cache_hits]}))
""")


def test_functions_returning_arrays_and_containers_load_from_the_cache(tmp_path):
    # The entry stores the return type by name: array(...), List(...) and Dict(...) names were unreadable, and
    # such functions were compiled again in every process.
    write_project(tmp_path, main=CONTAINERS)
    first, second = run(tmp_path), run(tmp_path)
    assert first["hits"] == [0, 0, 0]
    assert second["hits"] == [2, 1, 1]
    assert second["result"] == first["result"] == [[[0.0, 2.0, 4.0], [6.0, 8.0, 10.0]], [[0.0, 6.0], [2.0, 8.0], [4.0, 10.0]],
                                                  [0, 2, 4, 6], [[1, 1], [2, 2], [5, 1]]]

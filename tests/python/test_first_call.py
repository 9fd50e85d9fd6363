"""What a first call pays for: library files parsed only when needed, where the time went, and large arrays on huge
pages (as NumPy allocates them).

Timings themselves are benchmarks (bench/arrays/run.py reports first-call compile times); these tests pin the
mechanisms."""
import re
import textwrap
from pathlib import Path

import numpy as np
import pytest

import sharpjit
from conftest import run_python

LIBRARY = re.compile(r"sharpjit: parsed <sharpjit library>/(\w+)\.py")
LIBRARY_PIECE = re.compile(r"sharpjit: parsed <sharpjit library>/(\w+\.py(?::\w+| \(module level\)))")


def traced(tmp_path, body):
    """Runs body (a script) in a fresh interpreter with SHARPJIT_TRACE_COMPILE=1; returns (stdout, stderr)."""
    script = tmp_path / "first_call.py"
    script.write_text("import numpy as np\nimport sharpjit\n" + textwrap.dedent(body), encoding="utf-8")
    # No warm-up thread: its compilation would be traced too, in no fixed order.
    done = run_python([script], SHARPJIT_TRACE_COMPILE="1", SHARPJIT_NO_WARM_UP="1")
    assert done.returncode == 0, done.stderr
    return done.stdout, done.stderr


def test_library_files_are_parsed_when_first_needed(tmp_path):
    out, err = traced(tmp_path, """
        @sharpjit.jit
        def axpy(a, x, y):
            return a * x + y

        @sharpjit.jit
        def smooth(x):
            return np.convolve(x, np.ones(3), "same")

        x = np.arange(6.0)
        print(axpy(2.0, x, x).sum())
        print("-- convolve")
        print(smooth(x).sum())
        print(smooth(x + 1).sum())
    """)
    x = np.arange(6.0)
    want = [2.0 * x + x, np.convolve(x, np.ones(3), "same"), np.convolve(x + 1, np.ones(3), "same")]
    assert out.split() == [str(want[0].sum()), "--", "convolve", str(want[1].sum()), str(want[2].sum())]
    before, after = err.split("compiled axpy", 1)
    # The array expression needs no library function: no file of the library is parsed for it.
    assert LIBRARY.findall(before) == [], err
    # np.convolve is written in npfunctions.py: parsed once, at the first function that needs it (with what it
    # calls, builtins.py's min and max), and the container files it does not need stay unparsed.
    parsed = LIBRARY.findall(after)
    assert "npfunctions" in parsed, err
    assert not {"lists", "dicts", "sets"} & set(parsed), err
    # Each function is parsed once, when first reached: convolve and what it calls, not the rest of the file.
    pieces = LIBRARY_PIECE.findall(after)
    assert len(pieces) == len(set(pieces)), err
    assert "npfunctions.py:convolve" in pieces and "npfunctions.py (module level)" in pieces, err
    assert not {"npfunctions.py:i0", "npfunctions.py:gradient", "numpy.py:sign", "numpy.py:solve"} & set(pieces), err


def test_trace_says_where_a_first_call_went(tmp_path):
    _, err = traced(tmp_path, """
        @sharpjit.jit
        def double(x):
            return 2 * x
        print(double(np.ones(3)))
    """)
    assert re.search(r"sharpjit: parsed double in [\d.]+ ms", err), err
    phases = re.search(r"sharpjit: compiled double\(array\(float64, 1d, C\)\) (.*)", err)
    assert phases, err
    for phase in ("parse+infer", "LLVM start", "waiting for another compilation", "emit", "optimise", "machine code"):
        assert phase in phases.group(1), phases.group(1)
    # How much IR LLVM was given and kept: what its optimiser and code generator's time grows with.
    emitted, optimised = map(int, re.search(r"emit [\d.]+ ms \((\d+) instructions\), optimise [\d.]+ ms \((\d+) instructions\)",
                                            phases.group(1)).groups())
    assert emitted > 0 and optimised > 0, phases.group(1)
    # The managed memory the compilation allocated (and the collections it caused).
    assert re.search(r"; \d+ KiB managed, \d+ GCs \(\d+ of older generations, [\d.]+ ms paused\)$", phases.group(1)), phases.group(1)
    assert re.search(r"sharpjit: first call of double: classify\+compile [\d.]+ ms, run [\d.]+ ms", err), err


def test_only_calls_that_compile_are_traced_as_first_calls(tmp_path):
    # A buffer-protocol object has no fast type key: every call takes the slow path, and only the first compiles.
    out, err = traced(tmp_path, """
        import array
        @sharpjit.jit
        def last(a):
            return a[len(a) - 1]
        a = array.array("q", [1, 2, 3])
        print(last(a), last(a), last(a))
    """)
    assert out.split() == ["3"] * 3
    assert len(re.findall(r"sharpjit: first call of last:", err)) == 1, err


def huge_page_advice(array):
    """Whether the mapping that holds the middle of array's data is advised for transparent huge pages (VmFlags 'hg';
    the advice starts at the first whole page, so the data's first bytes may lie before it)."""
    address = array.__array_interface__["data"][0] + array.nbytes // 2
    mapping = None
    for line in Path("/proc/self/smaps").read_text().splitlines():
        head = re.match(r"^([0-9a-f]+)-([0-9a-f]+) ", line)
        if head:
            mapping = int(head.group(1), 16) <= address < int(head.group(2), 16)
        elif mapping and line.startswith("VmFlags:"):
            return "hg" in line.split()[1:]
    raise AssertionError(f"no mapping holds {address:#x}")


@pytest.mark.skipif(not Path("/sys/kernel/mm/transparent_hugepage/enabled").exists(),
                    reason="the kernel has no transparent huge pages")
def test_large_arrays_are_advised_for_huge_pages_like_numpy():
    @sharpjit.jit
    def make(n):
        return np.zeros(n) + 1.0

    big = make(1 << 21)       # 16 MiB: NumPy advises huge pages from 4 MiB
    assert big.sum() == 1 << 21
    assert huge_page_advice(big)
    # On a huge-page boundary: otherwise its first and last 2 MiB fault in 4 KiB at a time.
    assert big.__array_interface__["data"][0] % (2 << 20) == 0
    # NumPy's own array of that size gets the same advice: the behaviour we copy.
    assert huge_page_advice(np.ones(1 << 21))
    assert not huge_page_advice(make(1000))


WARM_UP = """
import sharpjit
sharpjit._sharpjit._wait_for_warm_up()
print(any("libsharpjit-llvm" in line or "libLLVM" in line for line in open("/proc/self/maps")))
"""


@pytest.mark.parametrize("env, starts", [({}, True), ({"SHARPJIT_DISABLE_JIT": "1"}, False), ({"SHARPJIT_NO_WARM_UP": "1"}, False)])
def test_import_starts_loading_llvm_in_the_background(tmp_path, env, starts):
    # LLVM's load and first-use costs overlap the program's start, not its first compilation; nothing is started
    # when compilation is off.
    script = tmp_path / "warm.py"
    script.write_text(WARM_UP, encoding="utf-8")
    done = run_python([script], **env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [str(starts)]


def test_a_first_call_right_after_import_parses_after_the_front_end_warmed_up(tmp_path):
    # The front end (parser, the library's files, type inference) warms up on a thread of its own beside LLVM's load;
    # a call made at once waits for it, then parses warm, instead of doing the same first-use work beside it, cold.
    script = tmp_path / "at_once.py"
    script.write_text(textwrap.dedent("""
        import sharpjit

        @sharpjit.jit
        def at_once(x):
            return x * 3 + 1

        print(at_once(2))
    """), encoding="utf-8")
    done = run_python([script], SHARPJIT_TRACE_COMPILE="1")
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["7"]
    lines = done.stderr.splitlines()
    warmed = [i for i, line in enumerate(lines) if "warm-up: front end (parse and infer) done" in line]
    parsed = [i for i, line in enumerate(lines) if line.startswith("sharpjit: parsed at_once in")]
    assert warmed and parsed and warmed[0] < parsed[0], done.stderr


TRIPLE = """
import sharpjit

@sharpjit.jit
def triple(x):
    return x * 3 + 1

print(triple(2))
"""


def run_triple(tmp_path, **env):
    """Runs a script compiling one small function in a fresh interpreter (no warm-up) with env; returns its stderr."""
    script = tmp_path / "triple.py"
    script.write_text(TRIPLE, encoding="utf-8")
    done = run_python([script], SHARPJIT_NO_WARM_UP="1", **env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["7"]
    return done.stderr


def test_emitted_ir_is_dumped_for_replay(tmp_path):
    # SHARPJIT_DUMP_IR=FOLDER writes each compilation's IR before optimisation: what opt-19 replays.
    folder = tmp_path / "ir"
    folder.mkdir()
    run_triple(tmp_path, SHARPJIT_DUMP_IR=str(folder))
    dumped = sorted(folder.glob("triple.*.ll"))
    assert len(dumped) == 1, list(folder.iterdir())
    text = dumped[0].read_text()
    assert "define" in text and re.search(r"= mul .*i64", text), text[:2000]   # as emitted: nothing folded yet


def test_an_unwritable_dump_folder_is_said_once_and_compiling_goes_on(tmp_path):
    err = run_triple(tmp_path, SHARPJIT_DUMP_IR=str(tmp_path / "missing"))
    assert err.count("SHARPJIT_DUMP_IR: cannot write") == 1 and "the folder does not exist" in err, err
    assert "Exception" not in err, err


def test_llvm_options_reach_llvm(tmp_path):
    # SHARPJIT_LLVM_OPTIONS passes LLVM its own command-line options: -time-passes reports each optimisation's passes.
    err = run_triple(tmp_path, SHARPJIT_LLVM_OPTIONS="-time-passes")
    assert "Pass execution timing report" in err and "InstCombinePass" in err, err[-2000:]


def test_llvm_pipeline_can_be_replaced(tmp_path):
    # SHARPJIT_LLVM_PIPELINE replaces default<O3>: with -time-passes, the passes that ran are the ones it names.
    err = run_triple(tmp_path, SHARPJIT_LLVM_PIPELINE="function(sroa,instcombine),always-inline",
                     SHARPJIT_LLVM_OPTIONS="-time-passes")
    assert "InstCombinePass" in err and "SROAPass" in err, err[-2000:]
    assert "LoopVectorizePass" not in err and "GVNPass" not in err, err[-2000:]


MAPPED_IN = """
import sharpjit
sharpjit._sharpjit._wait_for_warm_up()
sizes = {}
segment = None
for line in open("/proc/self/smaps"):
    fields = line.split()
    if "-" in fields[0] and len(fields) >= 5 and not fields[0].endswith(":"):
        segment = fields[1] if len(fields) == 6 and fields[5].endswith("/libsharpjit-llvm.so") else None
    elif segment == "r-xp" and fields[0] in ("Size:", "Rss:"):
        sizes[fields[0]] = sizes.get(fields[0], 0) + int(fields[1])
print(sizes.get("Size:", 0), sizes.get("Rss:", 0))
"""


def test_llvm_code_is_mapped_in_while_it_loads(tmp_path):
    # While LLVM loads, the warm-up's front-end thread maps its code into the page tables in one call
    # (MADV_POPULATE_READ): the load's static constructors and the first compilation find it mapped, where they would
    # fault it in a page at a time. All of it is resident after the warm-up, not only what the warm-up ran.
    script = tmp_path / "mapped_in.py"
    script.write_text(MAPPED_IN, encoding="utf-8")
    done = run_python([script])
    assert done.returncode == 0, done.stderr
    size, resident = map(int, done.stdout.split())
    if size == 0:
        pytest.skip("LLVM is not libsharpjit-llvm.so here (SHARPJIT_LLVM_LIBRARY or Debian's libLLVM)")
    assert resident >= 0.95 * size, (size, resident)

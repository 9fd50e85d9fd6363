"""A fixed-seed slice of the differential fuzzer (tests/fuzz): generated programs run under CPython (with int64
emulation), `sharpjit run` and `@sharpjit.jit`; every difference must be one of the bugs already triaged in
tests/fuzz/campaign.py's KNOWN_BUGS. Reproduce one seed with `/usr/bin/python3 tests/fuzz/campaign.py --seed N`.
"""
import os
import subprocess
import sys

import pytest

from conftest import REPO, run_python

sys.path.insert(0, str(REPO / "tests" / "fuzz"))
import campaign  # noqa: E402

SLICE = int(os.environ.get("SHARPJIT_FUZZ_SLICE", "200"))


def test_fuzz_slice(tmp_path):
    summary = campaign.main(["--start", "0", "--count", str(SLICE), "--jobs", "2", "--shrink", "0",
                             "--workdir", str(tmp_path), "--found", str(tmp_path / "found")])
    assert summary["programs"] == SLICE
    # the generator's programs are valid and mostly comparable (not skipped as known or invalid)
    assert summary["invalid"] <= SLICE // 50, summary
    assert summary["compared"] >= SLICE * 0.85, summary
    # guards against the @jit engine silently running plain Python
    assert summary["jit_compiled_programs"] >= summary["compared"] * 0.8, summary
    new = {sig: seeds for sig, seeds in summary["first_seeds"].items()}
    assert not new, "new differences (reproduce with tests/fuzz/campaign.py --seed N):\n" + "\n".join(
        f"  {sig}: seeds {seeds}" for sig, seeds in new.items())


FOUND = sorted((REPO / "tests" / "fuzz" / "found").glob("fuzz*.py"))


def test_found_reproducers_present():
    # fuzz-7 is open (the others are fixed and live in tests/programs).
    assert len(FOUND) >= 1


@pytest.mark.parametrize("path", FOUND, ids=[p.name for p in FOUND])
def test_found_bug_still_differs(path):
    """Each hand-minimised reproducer in tests/fuzz/found/ still shows its (core) bug. When this fails, the bug
    is fixed: move the program to tests/programs (it then guards the fix) and drop its KNOWN_BUGS entry or
    oracle check in tests/fuzz."""
    cpy = run_python([path])
    sj = subprocess.run([str(REPO / "sharpjit"), "run", str(path)], capture_output=True, text=True, timeout=120)
    same = (cpy.stdout == sj.stdout and cpy.returncode == sj.returncode
            and cpy.stderr.strip().splitlines()[-1:] == sj.stderr.strip().splitlines()[-1:])
    assert not same, f"{path.name} now behaves as CPython does: the bug is fixed (see the docstring)"

"""The Python examples run and their compiled results equal plain Python's."""
from conftest import REPO, run_python


def test_orbit_example():
    p = run_python([REPO / "examples" / "python" / "orbit.py"])
    assert p.returncode == 0, p.stderr
    lines = p.stdout.splitlines()
    assert lines[0].split(":", 1)[1].strip() == lines[1].split(":", 1)[1].strip()

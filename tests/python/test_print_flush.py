"""print(..., flush=True) in compiled code flushes sys.stdout, as CPython's print does (issue 12, item 12)."""
import io
import sys

import sharpjit


class Recorder(io.StringIO):
    def __init__(self):
        super().__init__()
        self.events = []

    def write(self, s):
        self.events.append(("write", s))
        return super().write(s)

    def flush(self):
        self.events.append(("flush",))
        super().flush()


@sharpjit.jit
def report(x, flush):
    print("value", x, flush=flush)
    return x


def test_flush_true_flushes_sys_stdout(monkeypatch):
    rec = Recorder()
    monkeypatch.setattr(sys, "stdout", rec)
    report(1, False)
    assert ("flush",) not in rec.events
    report(2, True)
    assert rec.events[-1] == ("flush",)
    assert rec.getvalue() == "value 1\nvalue 2\n"

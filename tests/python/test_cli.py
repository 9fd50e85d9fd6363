"""`sharpjit run` as a command: CPython's messages and exit statuses for bad paths, output buffering and flushing,
Ctrl-C, a closed pipe, a closed stdout, nothing written to the terminal but the program's output, and a launcher
that does not rebuild when nothing changed."""
import os
import signal
import subprocess
import sys
import time

import pytest

from conftest import PYTHON, REPO

SHARPJIT = str(REPO / "sharpjit")


@pytest.fixture(scope="module", autouse=True)
def built_cli():
    """The CLI built up front, so that no test sees the launcher's "building" line."""
    subprocess.run([str(REPO / "scripts" / "setup.sh")], check=True, capture_output=True)


def env(**extra):
    e = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    e.update(extra)
    return e


def run_both(args, cwd, **kw):
    """(CPython, sharpjit) results of the same script arguments; stderr's program name made comparable."""
    py = subprocess.run([PYTHON, *args], capture_output=True, text=True, cwd=cwd, env=env(), **kw)
    sj = subprocess.run([SHARPJIT, "run", *args], capture_output=True, text=True, cwd=cwd, env=env(), **kw)
    return py, sj


def same_message(py, sj):
    assert sj.returncode == py.returncode, (py, sj)
    assert sj.stderr.replace("sharpjit: ", f"{PYTHON}: ", 1) == py.stderr
    assert sj.stdout == py.stdout


@pytest.mark.parametrize("arg", ["missing.py", "sub/../missing.py", "prog.py/x", "."])
def test_bad_paths_match_cpython(tmp_path, arg):
    (tmp_path / "prog.py").write_text("print(1)\n")
    (tmp_path / "sub").mkdir()
    py, sj = run_both([arg], cwd=tmp_path)
    assert "Traceback" not in sj.stderr and "Exception" not in sj.stderr
    same_message(py, sj)


def test_directory_runs_its_main(tmp_path):
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "__main__.py").write_text("print(6 * 7)\n")
    py, sj = run_both(["app"], cwd=tmp_path)
    assert sj.returncode == py.returncode == 0 and sj.stdout == py.stdout == "42\n"


@pytest.mark.skipif(os.geteuid() != 0 or not os.path.exists("/usr/bin/setpriv"), reason="needs root to drop to another user")
def test_unreadable_file(tmp_path):
    prog = tmp_path / "secret.py"
    prog.write_text("print(1)\n")
    prog.chmod(0)
    tmp_path.chmod(0o755)
    drop = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    cli = str(REPO / "out" / "cli" / "SharpJit.Cli.dll")
    # The unprivileged user must be able to reach the CLI itself (a checkout under a 0700 folder, as mktemp -d
    # makes, is out of its reach): that is a property of the machine, not of what is tested here.
    if subprocess.run([*drop, "test", "-r", cli]).returncode != 0:
        pytest.skip("the CLI build is not readable by an unprivileged user in this checkout")
    py = subprocess.run([*drop, PYTHON, str(prog)], capture_output=True, text=True, env=env())
    sj = subprocess.run([*drop, "dotnet", cli, "run", str(prog)], capture_output=True, text=True,
                        env=env(DOTNET_CLI_HOME="/tmp", HOME="/tmp"))
    assert py.returncode == 2 and "[Errno 13] Permission denied" in py.stderr
    same_message(py, sj)


def test_no_dotnet_exception_text_reaches_the_user(tmp_path):
    # Internal failures (here: bench of a function that is not there, a bad option) end with a clean message.
    prog = tmp_path / "k.py"
    prog.write_text("BENCH_ARGS = (1,)\ndef kernel(n):\n    return n\n")
    for args in (["bench", str(prog), "--function", "nope"], ["bench", str(prog), "--repeat", "x"],
                 ["bench", str(prog), "--bogus", "1"], ["dump", "--stage=ast", str(tmp_path)]):
        r = subprocess.run([SHARPJIT, *args], capture_output=True, text=True, env=env())
        assert r.returncode != 0
        assert "   at " not in r.stderr and "Exception" not in r.stderr and "Unhandled" not in r.stderr, r.stderr
        assert r.stderr.startswith("sharpjit: "), r.stderr


def test_non_utf8_source_rejected_as_cpython(tmp_path):
    (tmp_path / "latin.py").write_bytes(b'x = 1\nprint("caf\xe9")\n')
    py, sj = run_both(["latin.py"], cwd=tmp_path)
    assert py.returncode == 1
    same_message(py, sj)
    (tmp_path / "declared.py").write_bytes(b'# -*- coding: latin-1 -*-\nprint("caf\xe9")\n')
    py, sj = run_both(["declared.py"], cwd=tmp_path)
    assert sj.returncode == py.returncode == 0 and sj.stdout == py.stdout == "caf\u00e9\n"


# ---------------------------------------------------------------- output

SLOW_TAIL = "x = 0\nwhile True:\n    x += 1\n"


def test_closed_stdout_prints_nothing(tmp_path):
    prog = tmp_path / "p.py"
    prog.write_text("print(1)\nprint(2)\n")
    for cmd in ([PYTHON, str(prog)], [SHARPJIT, "run", str(prog)]):
        r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env(),
                           pass_fds=(), preexec_fn=lambda: os.close(1))
        assert (r.returncode, r.stderr) == (0, ""), (cmd, r)


def test_full_disk_at_exit(tmp_path):
    prog = tmp_path / "p.py"
    prog.write_text("print(1)\n")
    with open("/dev/full", "w") as full:
        py = subprocess.run([PYTHON, str(prog)], stdout=full, stderr=subprocess.PIPE, text=True, env=env())
        sj = subprocess.run([SHARPJIT, "run", str(prog)], stdout=full, stderr=subprocess.PIPE, text=True, env=env())
    assert py.returncode == 120
    assert (sj.returncode, sj.stderr) == (py.returncode, py.stderr)


def test_flush_true_reaches_a_pipe_at_once(tmp_path):
    prog = tmp_path / "p.py"
    prog.write_text('print("first")\nprint("second", flush=True)\n' + SLOW_TAIL)
    p = subprocess.Popen([SHARPJIT, "run", str(prog)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env())
    try:
        # Block-buffered to a pipe (nothing before the flush), and everything up to the flush arrives while it runs.
        assert p.stdout.readline() == b"first\n"
        assert p.stdout.readline() == b"second\n"
        assert p.poll() is None
    finally:
        p.kill(); p.wait()


def test_block_buffered_to_a_pipe(tmp_path):
    prog = tmp_path / "p.py"
    prog.write_text('print("held")\n' + SLOW_TAIL)
    p = subprocess.Popen([SHARPJIT, "run", str(prog)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env())
    try:
        time.sleep(3)
        os.set_blocking(p.stdout.fileno(), False)
        assert p.stdout.read() is None    # nothing yet: CPython holds it too
    finally:
        p.kill(); p.wait()


def test_unbuffered_with_pythonunbuffered(tmp_path):
    prog = tmp_path / "p.py"
    prog.write_text('print("now")\n' + SLOW_TAIL)
    p = subprocess.Popen([SHARPJIT, "run", str(prog)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         env=env(PYTHONUNBUFFERED="1"))
    try:
        assert p.stdout.readline() == b"now\n"
    finally:
        p.kill(); p.wait()


def test_ctrl_c_flushes_and_ends_with_keyboard_interrupt(tmp_path):
    prog = tmp_path / "p.py"
    prog.write_text('print("a")\nprint("b", flush=True)\nprint("c")\n' + SLOW_TAIL)
    results = []
    for cmd in ([PYTHON, str(prog)], [SHARPJIT, "run", str(prog)]):
        p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env(), bufsize=0)
        assert p.stdout.readline() == b"a\n"
        time.sleep(0.3)
        p.send_signal(signal.SIGINT)
        out, err = p.communicate(timeout=60)
        results.append((p.returncode, b"a\n" + out, err.decode().splitlines()[-1]))
    assert results[0] == (-signal.SIGINT, b"a\nb\nc\n", "KeyboardInterrupt")
    assert results[1] == results[0]


def test_interrupt_status_in_the_shell(tmp_path):
    prog = tmp_path / "p.py"
    prog.write_text('print("ready", flush=True)\n' + SLOW_TAIL)
    # A trap (reset to the default in the child) keeps the shell alive to print the status, as an interactive shell.
    p = subprocess.Popen(["bash", "-c", f"trap : INT; {SHARPJIT} run {prog}; echo status=$?"], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, env=env(), start_new_session=True, bufsize=0)
    assert p.stdout.readline() == b"ready\n"
    # The signal goes to the whole process group, as the terminal sends it.
    os.killpg(p.pid, signal.SIGINT)
    out, err = p.communicate(timeout=60)
    assert b"status=130" in out and err.endswith(b"KeyboardInterrupt\n"), (out, err)


@pytest.mark.parametrize("lines", [3, 100000])
def test_closed_pipe_as_cpython(tmp_path, lines):
    # A reader that went away: a short output fails at the flush at exit (status 120, "Exception ignored"), a long
    # one at a print (status 1, BrokenPipeError), as with `| head -1`.
    prog = tmp_path / "p.py"
    prog.write_text(f"for i in range({lines}):\n    print(i)\n")
    results = []
    for cmd in (f"{PYTHON} {prog}", f"{SHARPJIT} run {prog}"):
        r = subprocess.run(["bash", "-c", f"{cmd} | (exec 0<&-; sleep 1); echo ${{PIPESTATUS[0]}} >&2"] if lines == 3 else
                           ["bash", "-c", f"{cmd} | head -1; echo ${{PIPESTATUS[0]}} >&2"],
                           capture_output=True, text=True, env=env())
        err = r.stderr.splitlines()
        results.append((r.stdout, err[-1], err[-2]))
    assert results[1] == results[0]


def test_closed_pipe_and_an_exception_as_cpython(tmp_path):
    # The traceback is printed, then the failed flush of stdout is reported; status 120.
    prog = tmp_path / "p.py"
    prog.write_text('print(1)\nprint(2)\nraise ValueError("x")\n')
    results = []
    for cmd in (f"{PYTHON} {prog}", f"{SHARPJIT} run {prog}"):
        r = subprocess.run(["bash", "-c", f"{cmd} | (exec 0<&-; sleep 1); echo ${{PIPESTATUS[0]}} >&2"],
                           capture_output=True, text=True, env=env())
        results.append(r.stderr)
    assert results[0].endswith("Broken pipe\n120\n") and "ValueError: x" in results[0]
    assert results[1] == results[0]


def test_no_terminal_escapes(tmp_path):
    prog = tmp_path / "p.py"
    prog.write_text('print("hi")\n')
    # A pseudo-terminal on stdin and stdout, as in an interactive shell: only the program's output may appear.
    r = subprocess.run(["script", "-qec", f"{SHARPJIT} run {prog}", "/dev/null"], capture_output=True, env=env(),
                       stdin=subprocess.DEVNULL, timeout=120)
    assert r.stdout == b"hi\r\n", r.stdout


def test_line_buffered_on_a_terminal(tmp_path):
    prog = tmp_path / "p.py"
    prog.write_text('print("line")\n' + SLOW_TAIL)
    # stdout on a pseudo-terminal: the line shows while the program still runs (it never ends by itself).
    master, slave = os.openpty()
    p = subprocess.Popen([SHARPJIT, "run", str(prog)], stdout=slave, stderr=subprocess.PIPE, env=env())
    os.close(slave)
    try:
        seen = b""
        deadline = time.time() + 120
        while b"line\r\n" not in seen and time.time() < deadline and p.poll() is None:
            import select
            if select.select([master], [], [], 1)[0]:
                seen += os.read(master, 1024)
        assert seen == b"line\r\n" and p.poll() is None, seen
    finally:
        p.kill(); p.wait(); os.close(master)


# ---------------------------------------------------------------- launcher

def test_launcher_does_not_rebuild_for_generated_files():
    cli = REPO / "out" / "cli" / "SharpJit.Cli.dll"
    subprocess.run([str(REPO / "scripts" / "setup.sh")], check=True, capture_output=True)
    before = cli.stat().st_mtime_ns
    # Other builds (scripts/build-python.sh, dotnet test) rewrite generated sources under obj/ and bin/.
    generated = REPO / "src" / "SharpJit" / "obj" / "sharpjit_test_generated.cs"
    generated.parent.mkdir(parents=True, exist_ok=True)
    try:
        generated.write_text("// generated\n")
        future = time.time() + 5
        os.utime(generated, (future, future))
        r = subprocess.run([str(REPO / "scripts" / "setup.sh")], capture_output=True, text=True)
        assert (r.returncode, r.stderr) == (0, "")
        assert cli.stat().st_mtime_ns == before
    finally:
        generated.unlink()


def test_dump_of_an_unknown_stage_is_a_usage_error(tmp_path):
    script = tmp_path / "prog.py"
    script.write_text("print(1)\n")
    r = subprocess.run([SHARPJIT, "dump", "--stage=bound", str(script)], capture_output=True, text=True, env=env())
    assert r.returncode == 2 and r.stderr.startswith("sharpjit: unknown stage 'bound'; choose one of tokens, ast, ir")
    assert "InternalError" not in r.stderr

"""The compile service: `sharpjit serve` in a child process and sharpjit.remote.Client (standard library only):
round trips, the token, size and time limits, malformed requests, a crashing worker, concurrent clients."""
import json
import os
import subprocess
import threading
import urllib.error
import urllib.request

import pytest

import sharpjit
from sharpjit.remote import Client, RemoteError
from conftest import REPO

TOKEN = "test-token-0123456789abcdef"


@pytest.fixture(scope="module")
def server():
    env = {**os.environ, "SHARPJIT_WORKER_TEST_HOOKS": "1"}
    p = subprocess.Popen([str(REPO / "sharpjit"), "serve", "--port", "0", "--token", TOKEN, "--workers", "2",
                          "--timeout", "8", "--max-body", "65536", "--recycle", "20"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True, env=env)
    try:
        url = None
        for _ in range(10):
            line = p.stdout.readline()
            if not line:
                break
            if "listening on" in line:
                url = line.split()[-1]
            if "token" in line:
                break
        assert url, p.stderr.read()
        yield url
    finally:
        p.terminate()
        try:
            p.wait(timeout=20)
        except subprocess.TimeoutExpired:
            p.kill()


@pytest.fixture
def client(server):
    return Client(server, TOKEN)


def raw(url, path, data=None, token=TOKEN, method=None, headers=None):
    """(status, parsed JSON body) of one HTTP request."""
    h = {"Content-Type": "application/json", **(headers or {})}
    if token is not None:
        h["Authorization"] = f"Bearer {token}"
    req = urllib.request.Request(url + path, data=data, method=method or ("POST" if data is not None else "GET"), headers=h)
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read())


# Module-level names the remote functions read: sent along by the client.
SCALE = 2.5
OFFSETS = (1, 2, 3)


def test_round_trips(client):
    import math

    @client.jit
    def hyp(x, y):
        return math.sqrt(x * x + y * y) * SCALE

    @client.jit
    def stats(n):
        s = 0
        for i in range(n):
            s += i * i
        return s, s / n, s % 7 == 0, complex(n, -1)

    @client.jit
    def shout(x):
        print("x is", x, f"{x:.2f}")
        return None

    @client.jit
    def uses_other(a):
        return hyp(a, a) + OFFSETS[1]

    assert hyp(3.0, 4.0) == 12.5
    assert hyp(3, 4) == 12.5                     # compiled for ints on the server
    assert stats(10) == (285, 28.5, False, complex(10, -1))
    assert uses_other(1.0) == pytest.approx(math.sqrt(2) * 2.5 + 2)
    assert shout(1.5) is None and shout.last_stdout == "x is 1.5 1.50\n"
    assert hyp.last_compile_ms > 0 and hyp.last_run_ms >= 0

    @client.jit(signature="float64(float64, int64)")
    def typed(x, n):
        return x * n

    assert typed(2, 3) == 6.0 and isinstance(typed(2, 3), float)
    with pytest.raises(TypeError):
        hyp("a", 1.0)


def test_special_values(client):
    @client.jit
    def ident(x):
        return x

    import math
    assert math.isnan(ident(float("nan")))
    assert ident(float("-inf")) == float("-inf")
    assert ident(True) is True and ident(None) is None
    assert ident((1, (2.5, 3j))) == (1, (2.5, 3j))
    assert ident(1e300 * 1e10) == float("inf") and ident(-0.0) == 0.0 and ident(1e16) == 1e16


def test_exceptions_and_compile_errors(client):
    @client.jit
    def safe_div(a, b):
        if b == 0:
            raise ValueError(f"b must not be zero (a={a})")
        return a // b

    assert safe_div(7, 2) == 3
    with pytest.raises(ValueError, match=r"b must not be zero \(a=1\)") as info:
        safe_div(1, 0)
    note = "\n".join(getattr(info.value, "__notes__", []))
    assert "Traceback on the compile service" in note and "in safe_div" in note
    assert 'raise ValueError(f"b must not be zero (a={a})")' in note

    @client.jit
    def bad(x):
        return x + (1, 2)

    with pytest.raises(sharpjit.errors.TypingError, match="unsupported operand"):
        bad(1)


def test_compile_for_aarch64(client, tmp_path):
    @client.jit
    def poly(x):
        return 3.0 * x * x + 2.0 * x + 1.0

    files = poly.compile("float64(float64)", target="aarch64-linux-gnu", formats=("o", "ll", "h"))
    assert sorted(files) == ["h", "ll", "o"]
    (tmp_path / "poly.o").write_bytes(files["o"])
    out = subprocess.run(["llvm-objdump-19", "-f", str(tmp_path / "poly.o")], capture_output=True, text=True, check=True).stdout
    assert "aarch64" in out
    assert b"int32_t poly(double x, double *result);" in files["h"]
    files = Client.compile(poly.client, "def f(n):\n    return n + 1\n", ["f:int64(int64)"], formats=("ll",))
    assert b"define" in files["ll"]


def test_token_required(server):
    status, body = raw(server, "/health", token=None)
    assert status == 401 and "missing token" in body["error"]
    status, body = raw(server, "/health", token="wrong-token-0123456789")
    assert status == 403 and body["error"] == "wrong token"
    status, body = raw(server, "/run", data=b"{}", headers={"Authorization": "Basic abc"}, token=None)
    assert status == 403
    with pytest.raises(RemoteError, match="403: wrong token"):
        Client(server, "not-the-token-000000").health()
    assert raw(server, "/health")[0] == 200


def test_oversized_body_refused(server, client):
    big = json.dumps({"source": "def f(x):\n    return x\n" + "#" * 70000, "function": "f", "args": [1]}).encode()
    status, body = raw(server, "/run", data=big)
    assert status == 413 and "larger than 65536 bytes" in body["error"]
    # Without a Content-Length (chunked), Kestrel's own limit answers.
    req = urllib.request.Request(server + "/run", data=iter([big[:40000], big[40000:]]), method="POST",
                                 headers={"Authorization": f"Bearer {TOKEN}", "Transfer-Encoding": "chunked"})
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(req, timeout=60)
    assert info.value.code == 413
    assert client.run("def f(x):\n    return x\n", "f", [5])["result"] == 5


MALFORMED = [
    (b"", 400, "not valid JSON"),
    (b"{", 400, "not valid JSON"),
    (b"[1, 2]", 400, "must be a JSON object"),
    (b'"text"', 400, "must be a JSON object"),
    (b"{}", 400, "missing field 'source'"),
    (b'{"source": "def f(x):\\n    return x\\n"}', 400, "missing field 'function'"),
    (b'{"source": "def f(x):\\n    return x\\n", "function": "f"}', 400, "missing field 'args'"),
    (b'{"source": 5, "function": "f", "args": []}', 400, "field 'source' must be a string"),
    (b'{"source": "x", "function": "f", "args": 3}', 400, "field 'args' must be an array"),
    (b'{"source": "  ", "function": "f", "args": []}', 400, "field 'source' is empty"),
    (b'{"source": "x", "function": "f-1", "args": []}', 400, "must be a Python identifier"),
    (b'{"source": "x", "function": "f", "args": [], "extra": 1}', 400, "unknown field 'extra'"),
    (b'{"source": "def f(x):\\n    return x\\n", "function": "g", "args": [1]}', 400, "no module-level function named 'g'"),
    (b'{"source": "def f(x):\\n    return x\\n", "function": "f", "args": [{"a": 1}]}', 400, "is not a value compiled code takes"),
    (b'{"source": "def f(x):\\n    return x\\n", "function": "f", "args": ["s"]}', 400, "is not a value compiled code takes"),
    (b'{"source": "def f(x):\\n    return x\\n", "function": "f", "args": [1], "signature": "float64(quux)"}', 400, ""),
    (b'{"source": "def f(x):\\n  return (\\n", "function": "f", "args": [1]}', 400, ""),
    (b'{"source": "def f(:", "function": "f", "args": []}', 400, ""),
]


def test_malformed_requests_then_a_good_one(server, client):
    bad_compile = [
        (b'{"source": "def f(x):\\n    return x\\n"}', "missing field 'functions'"),
        (b'{"source": "def f(x):\\n    return x\\n", "functions": []}', "field 'functions' is empty"),
        (b'{"source": "def f(x):\\n    return x\\n", "functions": [1]}', 'must hold "name:signature" strings'),
        (b'{"source": "def f(x):\\n    return x\\n", "functions": ["f"]}', "--function takes NAME:SIGNATURE"),
        (b'{"source": "def f(x):\\n    return x\\n", "functions": ["f:int64(int64)"], "target": "mips"}', "unsupported export target"),
        (b'{"source": "def f(x):\\n    return x\\n", "functions": ["f:int64(int64)"], "formats": ["exe"]}', "unknown format 'exe'"),
    ]
    sent = 0
    while sent < 200:
        for data, status, reason in MALFORMED:
            code, body = raw(server, "/run", data=data)
            assert code == status, (data, body)
            assert body["error"] and reason in body["error"], (data, body)
            sent += 1
        for data, reason in bad_compile:
            code, body = raw(server, "/compile", data=data)
            assert code == 400 and reason in body["error"], (data, body)
            sent += 1
        code, body = raw(server, "/nowhere", data=b"{}")
        assert code == 404 and "use POST /run" in body["error"]
        code, _ = raw(server, "/run", method="GET")
        assert code == 405
        sent += 2
    assert sent >= 200
    assert client.run("def f(a, b):\n    return a * b\n", "f", [6, 7])["result"] == 42


def test_a_crash_or_a_hang_loses_only_a_worker(server, client):
    status, body = raw(server, "/run", data=json.dumps(
        {"source": "# sharpjit-test: crash the worker\ndef f(x):\n    return x\n", "function": "f", "args": [1]}).encode())
    assert status == 500 and "crashed" in body["error"] and "the server replaced it" in body["error"]
    status, body = raw(server, "/run", data=json.dumps(
        {"source": "def f(x):\n    while True:\n        x += 1\n    return x\n", "function": "f", "args": [1]}).encode())
    assert status == 504 and "time limit (8 s)" in body["error"]
    for k in range(4):          # both workers were replaced and work
        assert client.run("def f(x):\n    return x + 1\n", "f", [k])["result"] == k + 1


def test_eight_clients_at_once(server):
    results, errors = {}, []

    def work(k):
        try:
            c = Client(server, TOKEN)

            @c.jit
            def tri(n):
                s = 0
                for i in range(n):
                    s += i
                return s

            results[k] = [tri(k * 10 + j) for j in range(3)]
        except Exception as e:            # noqa: BLE001 - reported below
            errors.append(repr(e))

    threads = [threading.Thread(target=work, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=240)
    assert not errors
    assert results == {k: [sum(range(k * 10 + j)) for j in range(3)] for k in range(8)}


def test_workers_are_recycled(server, client):
    started = client.health()["workers_started"]
    for k in range(50):                  # more than --recycle 20 requests per worker: at least one is replaced
        assert client.run("def f(x):\n    return x * 3\n", "f", [k])["result"] == 3 * k
    assert client.health()["workers_started"] > started


def test_serve_options_are_checked():
    def serve(*args):
        return subprocess.run([str(REPO / "sharpjit"), "serve", *args], capture_output=True, text=True, timeout=120)
    r = serve("--host", "0.0.0.0", "--port", "0")
    assert r.returncode == 2 and "is not a loopback address" in r.stderr
    r = serve("--token", "short")
    assert r.returncode == 2 and "at least 16 characters" in r.stderr
    r = serve("--port", "99999")
    assert r.returncode == 2 and "--port must be a number from 0 to 65535" in r.stderr

"""A client for `sharpjit serve` (standard library only): compile and run functions on another process or machine.

    from sharpjit.remote import Client
    client = Client("http://127.0.0.1:8787", token)

    @client.jit
    def hyp(x, y):
        return (x * x + y * y) ** 0.5

    hyp(3.0, 4.0)                        # 5.0, compiled and run by the server
    hyp.compile("float64(float64, float64)", target="aarch64-linux-gnu")   # {"o": b"...", ...}: export on the server

What is sent: the function's source (decorators removed, at its line in its file, so tracebacks show the right lines),
the sources of other @client.jit functions it calls, the numbers and tuples it reads from its module's globals (and
from enclosing functions), and
`import math` / `import cmath` / `import numpy as np` lines for the modules it uses. Exceptions raised by the compiled
code are raised here as the same built-in type, with the server's traceback as a note; compile errors raise
sharpjit.errors.* (when sharpjit is importable) and request errors RemoteError with the server's reason.
"""
import base64
import inspect
import json
import math
import textwrap
import types
import urllib.error
import urllib.request

__all__ = ["Client", "RemoteError", "RemoteFunction"]


class RemoteError(Exception):
    """The server refused a request (status and reason) or could not be reached."""

    def __init__(self, status, message):
        super().__init__(f"{status}: {message}" if status else message)
        self.status = status
        self.reason = message


def _encode(v):
    if isinstance(v, bool) or v is None or isinstance(v, int):
        return v
    if isinstance(v, float):
        return v if math.isfinite(v) else {"$float": repr(v)}
    if isinstance(v, complex):
        return {"$complex": [_encode(v.real), _encode(v.imag)]}
    if isinstance(v, tuple):
        return [_encode(x) for x in v]
    if hasattr(v, "item") and hasattr(v, "dtype"):     # NumPy scalars
        return _encode(v.item())
    raise TypeError(f"cannot send a {type(v).__name__} to the compile service")


def _decode(v):
    if isinstance(v, list):
        return tuple(_decode(x) for x in v)
    if isinstance(v, dict) and "$complex" in v:
        re, im = v["$complex"]
        return complex(re, im)
    return v


def _strip_decorators(lines):
    """The lines of a function's source from its `def` on (decorators dropped), and how many were dropped."""
    for k, line in enumerate(lines):
        if line.lstrip().startswith(("def ", "async def ")):
            return lines[k:], k
    return lines, 0


class RemoteFunction:
    """A function compiled and run by the server; call it like the original."""

    def __init__(self, client, py_func, signature=None):
        self.client = client
        self.py_func = py_func
        self.signature = signature
        self.__name__ = py_func.__name__
        self.__qualname__ = py_func.__qualname__
        self.__doc__ = py_func.__doc__
        self.last_stdout = ""
        self.last_compile_ms = self.last_run_ms = None

    def _source(self):
        """This function and what it needs, as one module whose first function sits at its line in its file."""
        seen, parts, extra = set(), [], []
        self._collect(self.py_func, seen, parts, extra)
        (first_line, main), others = parts[0], parts[1:]
        text = "\n" * (first_line - 1) + main
        tail = [src for _, src in others] + extra
        if tail:
            text = text.rstrip("\n") + "\n\n\n" + "\n\n".join(tail) + "\n"
        return text

    def _collect(self, fn, seen, parts, extra):
        if fn in seen:
            return
        seen.add(fn)
        lines, first = inspect.getsourcelines(fn)
        lines, dropped = _strip_decorators(lines)
        parts.append((first + dropped, textwrap.dedent("".join(lines))))
        names = set(fn.__code__.co_names)
        for const in fn.__code__.co_consts:                 # names read by nested functions and lambdas
            if isinstance(const, types.CodeType):
                names |= set(const.co_names)
        scope = {name: fn.__globals__[name] for name in names if name in fn.__globals__}
        scope.update(inspect.getclosurevars(fn).nonlocals)  # a function defined inside another one
        for name in sorted(scope):
            value = scope[name]
            if isinstance(value, RemoteFunction):
                self._collect(value.py_func, seen, parts, extra)
            elif isinstance(value, types.ModuleType) and value.__name__ in ("math", "cmath", "random", "numpy", "operator"):
                line = f"import {value.__name__}" + (f" as {name}" if name != value.__name__ else "")
                if line not in extra:
                    extra.insert(0, line)
            elif isinstance(value, (bool, int, float, complex, tuple)):
                extra.append(f"{name} = {value!r}")

    def __call__(self, *args):
        body = {"source": self._source(), "function": self.py_func.__name__, "args": [_encode(a) for a in args],
                "filename": inspect.getsourcefile(self.py_func) or "<remote>"}
        if self.signature:
            body["signature"] = self.signature
        reply = self.client._post("/run", body)
        self.last_stdout = reply.get("stdout", "")
        self.last_compile_ms, self.last_run_ms = reply.get("compile_ms"), reply.get("run_ms")
        if self.last_stdout:
            print(self.last_stdout, end="")
        if "exception" in reply:
            raise _exception(reply["exception"])
        return _decode(reply["result"])

    def compile(self, signature, target=None, formats=("o", "ll", "h"), cpu=None):
        """Export this function on the server for a target: {format: bytes} (see `sharpjit export`)."""
        body = {"source": self._source(), "functions": [f"{self.py_func.__name__}:{signature}"],
                "formats": list(formats), "name": self.py_func.__name__,
                "filename": inspect.getsourcefile(self.py_func) or "<remote>"}
        if target:
            body["target"] = target
        if cpu:
            body["cpu"] = cpu
        reply = self.client._post("/compile", body)
        return {k: base64.b64decode(v) for k, v in reply["files"].items()}

    def __repr__(self):
        return f"<sharpjit.remote function {self.__qualname__} on {self.client.url}>"


def _exception(info):
    import builtins
    cls = getattr(builtins, info.get("type", ""), None)
    if not (isinstance(cls, type) and issubclass(cls, BaseException)):
        cls = RuntimeError
    exc = cls() if info.get("message") is None else cls(info["message"])
    if info.get("traceback") and hasattr(exc, "add_note"):
        exc.add_note("Traceback on the compile service:\n" + info["traceback"].rstrip())
    return exc


class Client:
    """A connection to `sharpjit serve` at url (http://127.0.0.1:PORT) with its token."""

    def __init__(self, url, token, timeout=120):
        self.url = url.rstrip("/")
        self.token = token
        self.timeout = timeout

    def jit(self, function=None, *, signature=None):
        """@client.jit or @client.jit(signature="float64(float64)"): compile and run on the server."""
        if function is None:
            return lambda f: RemoteFunction(self, f, signature)
        return RemoteFunction(self, function, signature)

    def health(self):
        return self._request("GET", "/health", None)

    def run(self, source, function, args, signature=None, filename=None):
        """Compile function from source and call it with args; the server's whole reply (result, stdout, times)."""
        body = {"source": source, "function": function, "args": [_encode(a) for a in args]}
        if signature:
            body["signature"] = signature
        if filename:
            body["filename"] = filename
        reply = self._post("/run", body)
        if "exception" in reply:
            raise _exception(reply["exception"])
        reply["result"] = _decode(reply["result"])
        return reply

    def compile(self, source, functions, target=None, formats=("o", "ll", "h"), name="module", cpu=None):
        """Export functions ("name:signature" strings) from source on the server: {format: bytes}."""
        body = {"source": source, "functions": list(functions), "formats": list(formats), "name": name}
        if target:
            body["target"] = target
        if cpu:
            body["cpu"] = cpu
        reply = self._post("/compile", body)
        return {k: base64.b64decode(v) for k, v in reply["files"].items()}

    def _post(self, path, body):
        return self._request("POST", path, json.dumps(body).encode())

    def _request(self, method, path, data):
        req = urllib.request.Request(self.url + path, data=data, method=method,
                                     headers={"Authorization": f"Bearer {self.token}", "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as r:
                return json.loads(r.read())
        except urllib.error.HTTPError as e:
            raw = e.read()
            try:
                reply = json.loads(raw)
            except ValueError:
                raise RemoteError(e.code, raw.decode(errors="replace").strip() or e.reason) from None
            if e.code == 400 and reply.get("kind"):
                raise _compile_error(reply["kind"], reply["error"]) from None
            raise RemoteError(e.code, reply.get("error", raw.decode(errors="replace"))) from None
        except urllib.error.URLError as e:
            raise RemoteError(None, f"cannot reach {self.url}: {e.reason}") from None

    def __repr__(self):
        return f"<sharpjit.remote.Client {self.url}>"


def _compile_error(kind, text):
    try:
        from . import errors
        return errors.BY_KIND.get(kind, errors.InternalError)("\n" + text)
    except ImportError:
        return RemoteError(400, text)

"""Runs a Python script with `sharpjit.jit` applied to every top-level function.

    /usr/bin/python3 jit_runner.py [--report REPORT.json] PROGRAM.py

The program is parsed with `ast`, a `sharpjit.jit` decorator is appended to the decorator list of every
top-level `def` (innermost, on the def's own line, so no line number moves and `inspect.getsource` still
finds the function in the unchanged file), then compiled under the program's own filename and executed as
`__main__`, as `python3 PROGRAM.py` would run it. An uncaught exception propagates, so the traceback and the
exit status are CPython's. With --report, the signatures each decorated function compiled are written as
JSON when the program ends (also when it ends in an exception), so a test can see that compiled code ran.
"""
import ast
import json
import os
import sys
import types


def add_jit_decorators(tree):
    """Appends `sharpjit.jit` to every top-level function definition; returns the names decorated."""
    decorated = []
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            decorator = ast.Attribute(value=ast.Name(id="sharpjit", ctx=ast.Load()), attr="jit", ctx=ast.Load())
            # Same position as the `def` keyword: co_firstlineno and every other line stay as in the file.
            for target in (decorator, decorator.value):
                ast.copy_location(target, node)
                target.end_lineno, target.end_col_offset = node.lineno, node.col_offset
            node.decorator_list.append(decorator)
            decorated.append(node.name)
    return decorated


def run(path, report=None):
    import sharpjit

    path = os.path.abspath(path)
    with open(path, encoding="utf-8") as f:
        source = f.read()
    tree = ast.parse(source, filename=path)
    decorated = add_jit_decorators(tree)
    code = compile(tree, path, "exec")

    # Look like `python3 path`: argv, sys.path[0] and a fresh __main__ module.
    sys.argv = [path]
    sys.path[0] = os.path.dirname(path)
    main = types.ModuleType("__main__")
    main.__file__ = path
    main.__builtins__ = __builtins__
    # The decorator refers to `sharpjit` by name; the program never rebinds it.
    main.sharpjit = sharpjit
    sys.modules["__main__"] = main
    try:
        exec(code, main.__dict__)
    finally:
        if report is not None:
            write_report(report, main.__dict__, decorated)


def write_report(report, namespace, decorated):
    """{function name: [signature, ...]} for every decorated name still bound to a dispatcher."""
    import sharpjit
    found = {}
    for name in decorated:
        value = namespace.get(name)
        if isinstance(value, sharpjit.Dispatcher):
            found[name] = [list(sig) for sig in value.signatures]
    with open(report, "w", encoding="utf-8") as f:
        json.dump(found, f)


def main(argv):
    report = None
    if len(argv) == 3 and argv[0] == "--report":
        report, argv = argv[1], argv[2:]
    if len(argv) != 1:
        sys.exit("usage: jit_runner.py [--report REPORT.json] PROGRAM.py")
    run(argv[0], report)


if __name__ == "__main__":
    main(sys.argv[1:])

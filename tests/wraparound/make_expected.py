"""Regenerate tests/wraparound/*.expected.

Every NAME.py here is an ordinary script whose int arithmetic overflows int64.
CPython would print big ints, so the expected output is computed by running the
script under CPython after rewriting it so that the result of EVERY int-producing
operation is wrapped to int64 two's complement:

    W(v) = ((v + 2**63) % 2**64) - 2**63      (applied to ints only, not bools)

Rewritten nodes: binary ops, unary -, +, ~, augmented assignments, and calls to
abs(), pow() and sum().  Since arithmetic mod 2**64 is a ring homomorphism, wrapping
each intermediate result gives exactly what int64 machine arithmetic gives, as long
as the scripts avoid the operations whose int64 result is undefined or not a ring
operation on wrapped values: shifts by >= 64, -2**63 // -1, -2**63 % -1, int() of
huge floats, and division/modulo of values that have already wrapped is fine
(operands are then in range).  Integer literals must themselves fit in int64.

Usage:  python3 make_expected.py          # (re)write all .expected files
        python3 make_expected.py --check  # exit 1 if any .expected is stale
"""
import ast
import contextlib
import io
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
MIN, MAX = -2 ** 63, 2 ** 63 - 1


def W(v):
    if type(v) is int:
        return ((v + 2 ** 63) % 2 ** 64) - 2 ** 63
    return v


class Wrap(ast.NodeTransformer):
    def _w(self, node):
        return ast.Call(func=ast.Name(id="__W", ctx=ast.Load()), args=[node], keywords=[])

    def visit_Constant(self, node):
        if type(node.value) is int and not (MIN <= node.value <= MAX):
            raise SystemExit(f"int literal {node.value} does not fit in int64")
        return node

    def visit_BinOp(self, node):
        self.generic_visit(node)
        return self._w(node)

    def visit_UnaryOp(self, node):
        self.generic_visit(node)
        if isinstance(node.op, ast.Not):
            return node
        return self._w(node)

    def visit_Call(self, node):
        self.generic_visit(node)
        if isinstance(node.func, ast.Name) and node.func.id in ("abs", "pow", "sum"):
            return self._w(node)
        return node

    def visit_AugAssign(self, node):
        self.generic_visit(node)
        assert isinstance(node.target, ast.Name), "only simple names"
        value = ast.BinOp(left=ast.Name(id=node.target.id, ctx=ast.Load()), op=node.op, right=node.value)
        return ast.Assign(targets=[ast.Name(id=node.target.id, ctx=ast.Store())], value=self._w(value))


def expected_output(path):
    src = open(path).read()
    tree = ast.fix_missing_locations(Wrap().visit(ast.parse(src, path)))
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(tree, path, "exec"), {"__W": W, "__name__": "__main__"})
    return out.getvalue()


def main():
    check = "--check" in sys.argv
    stale = 0
    for name in sorted(os.listdir(HERE)):
        if not name.endswith(".py") or name == os.path.basename(__file__):
            continue
        py = os.path.join(HERE, name)
        exp = py[:-3] + ".expected"
        text = expected_output(py)
        if check:
            old = open(exp).read() if os.path.exists(exp) else None
            if old != text:
                print("stale:", exp)
                stale += 1
        else:
            with open(exp, "w") as f:
                f.write(text)
            print("wrote", os.path.relpath(exp, HERE))
    sys.exit(1 if stale else 0)


if __name__ == "__main__":
    main()

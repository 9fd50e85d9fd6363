"""sharpjit.install_bitcode_importer(): CPython extension modules compiled to LLVM bitcode import with no shared
library on disk (functions, a constant, a custom exception, references, multi-phase init, symbols of a library loaded
beforehand), and bitcode that is not valid or lacks its init function gives an ImportError that says which."""
import ctypes
import importlib
import shutil
import subprocess
import sys
import sysconfig

import pytest

import sharpjit

pytestmark = pytest.mark.skipif(shutil.which("clang-19") is None or not sysconfig.get_paths().get("include"),
                                reason="needs clang-19 and Python's headers")

DEMO = r"""
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>

static PyObject *DemoError;

static PyObject *add(PyObject *self, PyObject *args) {
    long a, b;
    if (!PyArg_ParseTuple(args, "ll", &a, &b)) return NULL;
    return PyLong_FromLong(a + b);
}
static PyObject *norm(PyObject *self, PyObject *args) {
    double x, y;
    if (!PyArg_ParseTuple(args, "dd", &x, &y)) return NULL;
    return PyFloat_FromDouble(hypot(x, y));
}
static PyObject *fail(PyObject *self, PyObject *arg) {
    PyErr_Format(DemoError, "demo failure: %S", arg);
    return NULL;
}
static PyObject *identity(PyObject *self, PyObject *arg) {
    Py_INCREF(arg);
    return arg;
}
static PyObject *pair(PyObject *self, PyObject *arg) {
    return Py_BuildValue("(OO)", arg, arg);
}
static PyMethodDef methods[] = {
    {"add", add, METH_VARARGS, "a + b"},
    {"norm", norm, METH_VARARGS, "hypot(x, y) from libm"},
    {"fail", fail, METH_O, "raises DemoError"},
    {"identity", identity, METH_O, "returns its argument"},
    {"pair", pair, METH_O, "(x, x)"},
    {NULL, NULL, 0, NULL},
};
static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "NAME", "a demo extension from bitcode", -1, methods};
PyMODINIT_FUNC PyInit_NAME(void) {
    PyObject *m = PyModule_Create(&def);
    if (!m) return NULL;
    DemoError = PyErr_NewException("NAME.DemoError", PyExc_ValueError, NULL);
    Py_INCREF(DemoError);
    PyModule_AddObject(m, "DemoError", DemoError);
    PyModule_AddIntConstant(m, "VERSION", 3);
    return m;
}
"""

MULTIPHASE = r"""
#include <Python.h>
static PyObject *hello(PyObject *self, PyObject *unused) { return PyUnicode_FromString("hello from a multi-phase module"); }
static PyMethodDef methods[] = {{"hello", hello, METH_NOARGS, NULL}, {NULL, NULL, 0, NULL}};
static int exec_module(PyObject *m) { return PyModule_AddIntConstant(m, "ANSWER", 42); }
static PyModuleDef_Slot slots[] = {{Py_mod_exec, exec_module}, {0, NULL}};
static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "NAME", NULL, 0, methods, slots};
PyMODINIT_FUNC PyInit_NAME(void) { return PyModuleDef_Init(&def); }
"""

NEEDS_LIB = r"""
#include <Python.h>
extern long sjbc_helper_triple(long);
static PyObject *triple(PyObject *self, PyObject *arg) { return PyLong_FromLong(sjbc_helper_triple(PyLong_AsLong(arg))); }
static PyMethodDef methods[] = {{"triple", triple, METH_O, NULL}, {NULL, NULL, 0, NULL}};
static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "NAME", NULL, -1, methods};
PyMODINIT_FUNC PyInit_NAME(void) { return PyModule_Create(&def); }
"""


@pytest.fixture
def bcdir(tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(tmp_path))
    sharpjit.install_bitcode_importer()
    yield tmp_path
    sharpjit.uninstall_bitcode_importer()


def build(directory, name, source, suffix=".bc"):
    c = directory / f"{name}.c"
    c.write_text(source.replace("NAME", name))
    out = directory / f"{name}{suffix}"
    flags = ["-S"] if suffix.endswith(".ll") else ["-c"]
    subprocess.run(["clang-19", "-O2", "-fPIC", "-emit-llvm", *flags, "-I", sysconfig.get_paths()["include"], str(c),
                    "-o", str(out)], check=True)
    c.unlink()
    return out


def test_extension_from_bitcode(bcdir):
    build(bcdir, "sjbc_demo", DEMO)
    mod = importlib.import_module("sjbc_demo")
    assert not list(bcdir.glob("*.so"))
    assert mod.__file__.endswith("sjbc_demo.bc")
    assert mod.add(2, 40) == 42 and mod.norm(3.0, 4.0) == 5.0 and mod.VERSION == 3
    assert mod.__doc__ == "a demo extension from bitcode"
    with pytest.raises(mod.DemoError, match="demo failure: 17") as info:
        mod.fail(17)
    assert issubclass(mod.DemoError, ValueError) and isinstance(info.value, ValueError)
    with pytest.raises(TypeError):
        mod.add("x", 1)
    token = object()
    before = sys.getrefcount(token)
    for _ in range(1000):
        assert mod.identity(token) is token
        assert mod.pair(token) == (token, token)
    assert sys.getrefcount(token) == before             # no reference leaked
    assert importlib.import_module("sjbc_demo") is mod   # imported once


def test_soabi_name_ir_text_and_multiphase(bcdir):
    soabi = sysconfig.get_config_var("SOABI")
    build(bcdir, "sjbc_multi", MULTIPHASE, suffix=f".{soabi}.ll")
    mod = importlib.import_module("sjbc_multi")
    assert mod.hello() == "hello from a multi-phase module" and mod.ANSWER == 42


def test_symbol_from_a_library_loaded_beforehand(bcdir):
    helper_c = bcdir / "helper.c"
    helper_c.write_text("long sjbc_helper_triple(long x) { return 3 * x; }\n")
    lib = bcdir / "libsjbchelper.so"
    subprocess.run(["clang-19", "-O2", "-shared", "-fPIC", str(helper_c), "-o", str(lib)], check=True)
    build(bcdir, "sjbc_needs_lib", NEEDS_LIB)
    with pytest.raises(ImportError, match="sjbc_needs_lib.bc needs sjbc_helper_triple, which neither the interpreter"):
        importlib.import_module("sjbc_needs_lib")
    ctypes.CDLL(str(lib))                                # RTLD_LOCAL: found through the process's loaded libraries
    mod = importlib.import_module("sjbc_needs_lib")
    assert mod.triple(14) == 42


def test_invalid_bitcode_and_missing_init(bcdir):
    (bcdir / "sjbc_garbage.bc").write_bytes(b"BC\xc0\xde this is not bitcode")
    with pytest.raises(ImportError, match="sjbc_garbage.bc is not valid LLVM bitcode"):
        importlib.import_module("sjbc_garbage")
    src = build(bcdir, "sjbc_other", DEMO)
    src.rename(bcdir / "sjbc_renamed.bc")
    with pytest.raises(ImportError, match=r"sjbc_renamed.bc defines no PyInit_sjbc_renamed\(\) \(it defines PyInit_sjbc_other\)"):
        importlib.import_module("sjbc_renamed")

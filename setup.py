"""pip install . : builds the NativeAOT extension with `dotnet publish` and installs the sharpjit package.

Works offline with Debian's pip and setuptools (no build isolation is needed: there is no pyproject.toml).
"""
import os
import subprocess

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.dist import Distribution

ROOT = os.path.dirname(os.path.abspath(__file__))


class BuildWithNativeCore(build_py):
    def run(self):
        subprocess.check_call(["bash", os.path.join(ROOT, "scripts", "build-python.sh")])
        super().run()


class BinaryDistribution(Distribution):
    def has_ext_modules(self):  # the wheel holds a native library: tag it for this platform
        return True


setup(
    name="sharpjit",
    version="0.1.0",
    description="A just-in-time compiler for numeric Python, written in C# on LLVM",
    package_dir={"": "python"},
    packages=["sharpjit"],
    package_data={"sharpjit": ["_sharpjit.so", "libsharpjit-llvm.so"]},
    python_requires=">=3.11",
    cmdclass={"build_py": BuildWithNativeCore},
    distclass=BinaryDistribution,
    zip_safe=False,
)

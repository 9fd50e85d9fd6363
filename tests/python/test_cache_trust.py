"""The cache's trust model: only entries this user wrote, authenticated with this user's secret, are loaded, and the
code loaded is exactly the code checked. Each attack ends in a recompile or a warning, never in foreign code running,
a hang or a crash (issue 12, items 6 and 13-15)."""
import hashlib
import hmac
import json
import os
import stat
import struct
import textwrap

import pytest

from conftest import run_python

needs_root = pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another user needs root")

MAIN = textwrap.dedent("""
    import json, os, sys, warnings
    os.umask(0)   # files and directories must not follow the umask
    import sharpjit
    OFFSET = float(os.environ.get("OFFSET", "0.5"))

    @sharpjit.jit(cache=True)
    def kernel(x, n):
        s = 0.0
        for i in range(n):
            s += x * i + OFFSET
        return s

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = kernel(2.0, 10)
    print(json.dumps({"result": result, "hits": kernel.cache_hits,
                      "warnings": [f"{w.category.__name__}: {w.message}" for w in caught]}))
""")

EXPECTED = sum(2.0 * i + 0.5 for i in range(10))


def project(tmp_path):
    (tmp_path / "main.py").write_text(MAIN)
    return tmp_path


def run(tmp_path, config="cfg", timeout=120, **env):
    p = run_python([tmp_path / "main.py"], cwd=tmp_path, timeout=timeout,
                   XDG_CONFIG_HOME=str(tmp_path / config), **env)
    assert p.returncode == 0, p.stderr
    return json.loads(p.stdout)


def cache_dir(tmp_path):
    return tmp_path / "__pycache__" / "sharpjit"


def entry(tmp_path, suffix):
    found = sorted(cache_dir(tmp_path).glob(f"kernel-*{suffix}"))
    assert len(found) == 1, found
    return found[0]


def secret(tmp_path, config="cfg"):
    return (tmp_path / config / "sharpjit" / "cache-key").read_bytes()


def test_entries_are_private_and_authenticated_with_hmac_sha256(tmp_path):
    project(tmp_path)
    first = run(tmp_path)
    assert first == {"result": EXPECTED, "hits": 0, "warnings": []}
    key_file = tmp_path / "cfg" / "sharpjit" / "cache-key"
    # Under umask 0: directories 0700, files 0600, the secret too.
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600 and len(key_file.read_bytes()) == 32
    assert stat.S_IMODE(key_file.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(cache_dir(tmp_path).stat().st_mode) == 0o700
    meta, library = entry(tmp_path, ".sjc"), entry(tmp_path, ".so")
    for f in (meta, library):
        assert stat.S_IMODE(f.stat().st_mode) == 0o600
    # The metadata ends in HMAC-SHA256(secret, metadata body || library): checked with Python's own hmac.
    data = meta.read_bytes()
    mac = hmac.new(secret(tmp_path), data[:-32] + library.read_bytes(), hashlib.sha256).digest()
    assert data[-32:] == mac
    assert run(tmp_path)["hits"] == 1


def forge(tmp_path, attacker_config):
    """What a user with write access to the cache but without our secret can do: plant an entry whose code has
    OFFSET = 100 frozen in, with metadata claiming OFFSET = 0.5, authenticated with their own key."""
    run(tmp_path, config=attacker_config, OFFSET="100")
    meta = entry(tmp_path, ".sjc")
    data = meta.read_bytes()[:-32]
    bits = lambda v: struct.pack(">d", v).hex().encode()
    assert data.count(bits(100.0)) == 1
    data = data.replace(bits(100.0), bits(0.5))
    mac = hmac.new(secret(tmp_path, attacker_config), data + entry(tmp_path, ".so").read_bytes(), hashlib.sha256).digest()
    meta.write_bytes(data + mac)


def test_forged_entry_is_recompiled_not_run(tmp_path):
    project(tmp_path)
    forge(tmp_path, "attacker")
    # The forgery is real: with the attacker's key it loads and runs the planted code ...
    planted = run(tmp_path, config="attacker")
    assert planted["hits"] == 1 and planted["result"] == sum(2.0 * i + 100 for i in range(10))
    forge(tmp_path, "attacker")
    # ... but with this user's key it is refused and recompiled over.
    victim = run(tmp_path)
    assert victim == {"result": EXPECTED, "hits": 0, "warnings": []}
    assert run(tmp_path) == {"result": EXPECTED, "hits": 1, "warnings": []}


@needs_root
def test_entries_of_another_owner_are_recompiled_over(tmp_path):
    project(tmp_path)
    run(tmp_path)
    for suffix in (".sjc", ".so"):
        target = entry(tmp_path, suffix)
        os.chown(target, 4242, 4242)
        again = run(tmp_path)
        assert again == {"result": EXPECTED, "hits": 0, "warnings": []}, suffix
        assert entry(tmp_path, suffix).stat().st_uid == os.geteuid()   # replaced by this user's own entry
        assert run(tmp_path)["hits"] == 1


@needs_root
def test_directory_of_another_owner_is_not_used(tmp_path):
    project(tmp_path)
    run(tmp_path)
    os.chown(cache_dir(tmp_path), 4242, 4242)
    before = {f.name: f.stat().st_mtime_ns for f in cache_dir(tmp_path).iterdir()}
    for _ in range(2):
        again = run(tmp_path)
        assert again["result"] == EXPECTED and again["hits"] == 0
        assert again["warnings"] == [
            f"CacheWarning: sharpjit: not using the cache directory {cache_dir(tmp_path)}: it is owned by uid 4242, "
            f"not by this user (uid {os.geteuid()}); compiled code is neither loaded from it nor stored there"]
    assert {f.name: f.stat().st_mtime_ns for f in cache_dir(tmp_path).iterdir()} == before   # nothing written there


def test_directory_others_may_write_is_not_used(tmp_path):
    project(tmp_path)
    run(tmp_path)
    for mode in (0o777, 0o770, 0o1777):
        os.chmod(cache_dir(tmp_path), mode)
        again = run(tmp_path)
        assert again["result"] == EXPECTED and again["hits"] == 0
        assert len(again["warnings"]) == 1 and "other users may write to it" in again["warnings"][0]
    os.chmod(cache_dir(tmp_path), 0o700)
    assert run(tmp_path)["hits"] == 1


def test_shared_cache_dir_from_the_environment_is_checked_too(tmp_path):
    project(tmp_path)
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o777)
    os.chmod(shared, 0o777)
    again = run(tmp_path, SHARPJIT_CACHE_DIR=str(shared))
    assert again["result"] == EXPECTED and again["hits"] == 0 and "other users may write" in again["warnings"][0]
    assert list(shared.iterdir()) == []


def test_symlinked_temporaries_and_entries_are_never_written_through(tmp_path):
    project(tmp_path)
    run(tmp_path)
    meta, library = entry(tmp_path, ".sjc"), entry(tmp_path, ".so")
    victim = tmp_path / "victim"
    victim.write_text("precious")
    os.chmod(victim, 0o644)
    # The writer's first temporary name is predictable (entry.PID.tmp): plant links there for the next process,
    # whose pid we learn by starting it paused, and links at the entries' own names.
    script = textwrap.dedent(f"""
        import os, runpy, sys
        for path in ({str(meta)!r}, {str(library)!r}):
            os.unlink(path)
            os.symlink({str(victim)!r}, path)
            os.symlink({str(victim)!r}, f"{{path}}.{{os.getpid()}}.tmp")
            for thread in range(1, 33):   # the names of earlier versions: entry.PID.THREAD.tmp
                os.symlink({str(victim)!r}, f"{{path}}.{{os.getpid()}}.{{thread}}.tmp")
        sys.argv = [{str(tmp_path / "main.py")!r}]
        runpy.run_path(sys.argv[0], run_name="__main__")
    """)
    (tmp_path / "attack.py").write_text(script)
    p = run_python([tmp_path / "attack.py"], cwd=tmp_path, XDG_CONFIG_HOME=str(tmp_path / "cfg"))
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout) == {"result": EXPECTED, "hits": 0, "warnings": []}
    assert victim.read_text() == "precious" and stat.S_IMODE(victim.stat().st_mode) == 0o644
    for path in (meta, library):
        assert path.is_file() and not path.is_symlink()
    assert run(tmp_path)["hits"] == 1


def test_device_and_fifo_entries_neither_hang_nor_crash(tmp_path):
    project(tmp_path)
    run(tmp_path)
    for suffix in (".sjc", ".so"):
        for kind in ("dev-zero-link", "fifo", "directory"):
            target = entry(tmp_path, suffix)
            target.unlink()
            if kind == "dev-zero-link":
                target.symlink_to("/dev/zero")
            elif kind == "fifo":
                os.mkfifo(target)
            else:
                target.mkdir()
            again = run(tmp_path, timeout=60)
            assert again["result"] == EXPECTED and again["hits"] == 0, (suffix, kind)
            if kind == "directory":   # not replaceable by a rename: compiled, run, and left alone
                target.rmdir()
                run(tmp_path)
            assert entry(tmp_path, suffix).is_file() and not entry(tmp_path, suffix).is_symlink(), (suffix, kind)
            assert run(tmp_path)["hits"] == 1, (suffix, kind)


def test_insecure_secret_key_disables_the_cache_with_a_warning(tmp_path):
    project(tmp_path)
    run(tmp_path)
    key_file = tmp_path / "cfg" / "sharpjit" / "cache-key"
    os.chmod(key_file, 0o644)
    again = run(tmp_path)
    assert again["result"] == EXPECTED and again["hits"] == 0
    assert again["warnings"] == [f"CacheWarning: sharpjit: the cache is not used: no usable secret key {key_file}: "
                                 "other users may read or write it (it must be 0600)"]


RELOADED = textwrap.dedent("""
    import sharpjit
    K = int(open("k.txt").read())

    @sharpjit.jit(cache=True)
    def f(x):
        return x * K + 1
""")

RELOAD_MAIN = textwrap.dedent("""
    import importlib, json, subprocess, sys
    import mod
    first = (mod.f(10), mod.f.cache_hits)
    # Another process rewrites the entry for K = 5 ...
    open("k.txt", "w").write("5")
    subprocess.run([sys.executable, "-c", "import mod; mod.f(10)"], check=True)
    # ... and this one reloads the module: the entry now matches and must give the new code, not the library
    # this process loaded from the same path before.
    importlib.reload(mod)
    second = (mod.f(10), mod.f.cache_hits)
    print(json.dumps([first, second]))
""")


def test_reload_after_the_entry_was_rewritten_runs_the_new_code(tmp_path):
    (tmp_path / "mod.py").write_text(RELOADED)
    (tmp_path / "main.py").write_text(RELOAD_MAIN)
    (tmp_path / "k.txt").write_text("1")
    env = {"XDG_CONFIG_HOME": str(tmp_path / "cfg")}   # mod imports from the working directory
    p = run_python(["-c", "import mod; mod.f(10)"], cwd=tmp_path, **env)   # writes the entry for K = 1
    assert p.returncode == 0, p.stderr
    p = run_python([tmp_path / "main.py"], cwd=tmp_path, **env)
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout) == [[11, 1], [51, 1]]


def test_reload_after_rewrite_with_the_loaded_descriptor_closed_never_runs_the_old_code(tmp_path):
    # The program closes the descriptor behind a loaded entry, so the next one may get the same number (and path):
    # the loader would hand back the first library; that is detected and the signature recompiled.
    main = RELOAD_MAIN.replace("# Another process rewrites", textwrap.dedent("""
        import os
        for fd in map(int, os.listdir("/proc/self/fd")):
            try:
                if os.readlink(f"/proc/self/fd/{fd}").startswith("/memfd:sharpjit-cache-entry"):
                    os.close(fd)
            except OSError:
                pass
    """) + "# Another process rewrites")
    assert "os.close(fd)" in main
    (tmp_path / "mod.py").write_text(RELOADED)
    (tmp_path / "main.py").write_text(main)
    (tmp_path / "k.txt").write_text("1")
    env = {"XDG_CONFIG_HOME": str(tmp_path / "cfg")}
    p = run_python(["-c", "import mod; mod.f(10)"], cwd=tmp_path, **env)
    assert p.returncode == 0, p.stderr
    p = run_python([tmp_path / "main.py"], cwd=tmp_path, **env)
    assert p.returncode == 0, p.stderr
    (first, second) = json.loads(p.stdout)
    assert first == [11, 1] and second[0] == 51


def test_the_mac_is_hmac_sha256_at_every_length():
    # SHA-256's padding differs around 55, 56 and 64 bytes; keys longer than a block are hashed first.
    import random
    from sharpjit import _sharpjit
    rng = random.Random(12)
    for key_length in (0, 1, 32, 64, 65, 200):
        key = bytes(rng.randrange(256) for _ in range(key_length))
        for length in [*range(0, 140), 1000, 4095, 4096, 65537]:
            data = bytes(rng.randrange(256) for _ in range(length))
            assert _sharpjit._hmac_sha256(key, data) == hmac.new(key, data, hashlib.sha256).digest(), (key_length, length)

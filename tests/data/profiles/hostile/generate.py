#!/usr/bin/env python3
"""Write the hostile profile corpus of this directory (issue 10).

Every NNN-name.profile here is malformed or hostile. Line 1 says where its
first diagnostic must point, relative to this directory:

    # expect: FILE:LINE       (FILE:LINE: must start some diagnostic)
    # expect: *               (some FILE:LINE:, e.g. a system file's)

tests/integration/t-hostile.sh runs each through the real `sandbox` binary
and checks the exit code (124), that every line of stderr is a FILE:LINE:
diagnostic, that the expected one is there, and that nothing was created or
started. A few names are made by the test itself in its copy of this
directory, because git cannot hold them or they are big: huge.inc (1 MiB +
1 byte), fifo.inc (a FIFO), loop.inc (a symlink to itself), dir.inc (a
directory).

Run it after changing it: `tests/data/profiles/hostile/generate.py`; it
rewrites the corpus and removes files it no longer makes. The output is
deterministic (fixed random seed), so `git diff` shows what changed. Cases
bigger than 64 KiB are not committed; `generate.py --out DIR` writes the
whole corpus to DIR, which is what the test runs.

Keys of features that are not built yet (filesystem, seccomp, ...) are
refused as "not supported yet" today; their cases keep each bad value on
the key's own line, so the expected line holds once the feature lands and
the error becomes a type or value error instead.
"""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(10)
cases = []      # (name, expect, body bytes)
extra = {}      # helper files: relative path -> bytes


def case(name, body, line=None, file=None, expect=None):
    """A profile whose first error is at `line` of itself (1 = the first
    line of body; the header line is added), or `expect` verbatim."""
    if isinstance(body, str):
        body = body.encode()
    n = len(cases) + 1
    fname = f"{n:03d}-{name}.profile"
    if expect is None:
        if file is None:
            expect = f"{fname}:{line + 1}"
        else:
            expect = f"{file}:{line}"
    cases.append((fname, expect, body))


# ---- syntax and garbage ----
case("lone-brace", "{\n", 1)
case("lone-semicolon", ";\n", 1)
case("value-without-key", "= 5;\n", 1)
case("key-without-value", "hostname = ;\n", 1)
case("missing-semicolon-then-error", 'hostname = "a"\nnamespaces = [ ;\n', 2)
# libconfig reports these where the file ends.
case("unterminated-string", 'description = "never ends\n\n', 3)
case("unterminated-comment", 'hostname = "a";\n/* no end\n\n', 2)
case("unterminated-group", "process = {\n  umask = \"022\";\n", 3)
case("name-then-string", 'a "x"\n', 1)
case("mixed-array", 'namespaces = [ "user", 5 ];\n', 1)
case("nested-array", 'namespaces = [ [ "user" ] ];\n', 1)
case("duplicate-setting", 'hostname = "a";\nhostname = "b";\n', 2)
case("at-include", '@include "/etc/passwd"\n', 1)
case("at-include-indented", 'hostname = "a";\n   @include "x"\n', 2)
case("nul-byte", b'hostname = "a";\ndescription = "b\x00c";\n', 2)
case("nul-first", b"\x00\n", 1)
case("utf8-bom", b"\xef\xbb\xbfhostname = \"a\";\n", 1)
case("crlf-then-error", b'hostname = "a";\r\nrlimits = 5;\r\n', 2)
case("cr-only-lines", b'hostname = "a";\rnamespaces = 7;\r', 1)
case("binary-garbage",
     bytes(rng.choice(b"\x01\x02\x7f\xff\xfe{}[]();=\"'#/*\\") for _ in range(4096)),
     expect="*")
case("high-bytes", bytes(range(0x80, 0x100)) + b"\n", 1)
case("control-chars-in-value", 'hostname = "a\\x1b[2J\\x07";\n', 1)
case("escape-in-key-error", 'environment = { set = { A-B = "x"; }; };\n', 1)
case("only-comment-and-error", "# nothing\n// still nothing\n/* x */ oops\n", 4)
case("deep-list-nesting", "x = " + "(" * 20000 + "1" + ")" * 20000 + ";\n", 1)
case("deep-group-nesting",
     "x = " + "{ a = " * 5000 + "1;" + " };" * 5000 + "\n", 1)
case("unbalanced-deep", "x = " + "(" * 3000 + "\n", expect="*")
case("long-line-garbage", "x" * 200000 + " ?\n", 1)
case("many-lines-then-error", "\n" * 50000 + "hostname = 5;\n", 50001)
case("thousands-of-errors", "".join(f"bad{i} = {i};\n" for i in range(3000)), 1)
case("near-limit-garbage", "#" * (1024 * 1024 - 200) + "\nhostname = 5;\n", 2)

# ---- integers and numbers ----
case("int-beyond-int32", "rlimits = { nofile = 5000000000; };\n", 1)
case("hex-beyond-int32", "rlimits = { nofile = 0xFFFFFFFF; };\n", 1)
case("int-beyond-int64", "rlimits = { nofile = 99999999999999999999999L; };\n", 1)
case("negative-rlimit", "rlimits = { core = -1; };\n", 1)
case("negative-user", "process = { user = -1; };\n", 1)
case("uid-minus-one", 'process = { user = "4294967295"; };\n', 1)
case("uid-huge", 'process = { user = "99999999999999999999999"; };\n', 1)
case("float-huge", "rlimits = { nofile = 1e999; };\n", 1)
case("float-where-int", "rlimits = { nproc = 1.5; };\n", 1)

# ---- absurd sizes and values ----
case("rlimit-out-of-range", 'rlimits = { nofile = "18446744073709551616"; };\n', 1)
case("rlimit-size-overflow", 'rlimits = { as = "99999999999999T"; };\n', 1)
case("rlimit-bad-suffix", 'rlimits = { as = "4X"; };\n', 1)
case("rlimit-size-on-count", 'rlimits = { nproc = "4G"; };\n', 1)
case("rlimit-soft-above-hard", "rlimits = { nofile = [ 10, 5 ]; };\n", 1)
case("rlimit-three-values", "rlimits = { nofile = [ 1, 2, 3 ]; };\n", 1)
case("rlimit-unknown", "rlimits = { nofiles = 5; };\n", 1)
case("rlimit-word", 'rlimits = { nofile = "infinite"; };\n', 1)
case("umask-int", "process = { umask = 022; };\n", 1)
case("umask-not-octal", 'process = { umask = "0999"; };\n', 1)
case("umask-too-long", 'process = { umask = "00022"; };\n', 1)
case("cwd-relative", 'process = { cwd = "tmp"; };\n', 1)
case("cwd-dotdot", 'process = { cwd = "/tmp/../etc"; };\n', 1)
case("unknown-user", 'process = { user = "no-such-user-x7q"; };\n', 1)
case("unknown-group", 'process = { group = "no-such-group-x7q"; };\n', 1)
case("user-digits-then-text", 'process = { user = "12ab"; };\n', 1)
case("hostname-empty", 'hostname = "";\n', 1)
case("hostname-65", f'hostname = "{"h" * 65}";\n', 1)
case("hostname-dash", 'hostname = "-x";\n', 1)
case("hostname-underscore", 'hostname = "a_b";\n', 1)
case("hostname-without-uts", 'namespaces = [ "user" ];\nhostname = "x";\n', 2)
case("root-without-userns",
     'namespaces = [ "mount" ];\nprocess = { user = 0; };\n', 2)

# ---- long strings ----
case("description-1025", f'description = "{"d" * 1025}";\n', 1)
case("string-4097", f'process = {{ cwd = "/{"c" * 4096}"; }};\n', 1)
case("string-900k", f'description = "{"s" * 900000}";\n', 1)
case("concatenated-long",
     "description = " + " ".join(['"' + "x" * 100 + '"'] * 50) + ";\n", 1)
case("expands-too-long",
     "process = { cwd = \"/" + "${HOME}" * 800 + "\"; };\n", 1)
case("env-name-10k", "environment = { keep = [ \"" + "N" * 10000 + " \" ]; };\n", 1)

# ---- too many entries ----
case("namespaces-300", "namespaces = [ " + ", ".join(['"user"'] * 300) + " ];\n", 1)
case("keep-300", "environment = { keep = [ " +
     ", ".join(f'"V{i}"' for i in range(300)) + " ]; };\n", 1)
case("set-300", "environment = { set = {\n" +
     "".join(f'  V{i} = "x";\n' for i in range(300)) + "}; };\n", 1)
case("caps-300", "capabilities = { keep = [ " + ", ".join(['"chown"'] * 300) + " ]; };\n", 1)
case("includes-300", "include = [ " + ", ".join(['"inc/empty.inc"'] * 300) + " ];\n", 1)

# ---- variables ----
case("var-unknown", 'process = { cwd = "${HOEM}/x"; };\n', 1)
case("var-unterminated", 'process = { cwd = "/${HOME"; };\n', 1)
case("var-empty", 'process = { cwd = "/${}"; };\n', 1)
case("var-nested", 'process = { cwd = "/${${HOME}}"; };\n', 1)
case("var-lowercase", 'process = { cwd = "/${home}"; };\n', 1)
case("var-in-name", 'namespaces = [ "${APP}" ];\n', 1)
case("var-profile-dir-dotdot", 'process = { cwd = "${PROFILE_DIR}/../x"; };\n', 1)

# ---- names ----
case("namespace-unknown", 'namespaces = [ "usr" ];\n', 1)
case("namespace-twice", 'namespaces = [ "user", "user" ];\n', 1)
case("namespace-empty-name", 'namespaces = [ "" ];\n', 1)
case("cap-unknown", 'capabilities = { keep = [ "cap_sys_admn" ]; };\n', 1)
case("cap-number", 'capabilities = { keep = [ "21" ]; };\n', 1)
case("cap-twice", 'capabilities = { keep = [ "chown", "CAP_CHOWN" ]; };\n', 1)
case("cap-all-word", 'capabilities = { keep = [ "all" ]; };\n', 1)
case("env-keep-star", 'environment = { keep = [ "*" ]; };\n', 1)
case("env-keep-space", 'environment = { keep = [ "A B" ]; };\n', 1)
case("env-keep-empty", 'environment = { keep = [ "" ]; };\n', 1)
case("env-set-int", "environment = { set = { A = 5; }; };\n", 1)
case("unknown-top-key", 'hostnme = "x";\n', 1)
case("unknown-nested-key", 'process = { usr = "root"; };\n', 1)
case("star-key", '* = 5;\n', 1)
case("unknown-key-after-valid", 'hostname = "ok";\n\nfoo = 1;\n', 3)

# ---- includes ----
extra["inc/empty.inc"] = b"# empty\n"
extra["inc/self.inc"] = b'include = [ "self.inc" ];\n'
extra["inc/a.inc"] = b'include = [ "b.inc" ];\n'
extra["inc/b.inc"] = b'hostname = "b";\ninclude = [ "a.inc" ];\n'
extra["inc/bad-value.inc"] = b'# a fragment with an error\n\nhostname = 42;\n'
for i in range(20):
    extra[f"inc/chain{i}.inc"] = f'include = [ "chain{i + 1}.inc" ];\n'.encode()
extra["inc/chain20.inc"] = b'hostname = "deep";\n'
case("include-self", 'include = [ "inc/self.inc" ];\n', expect="inc/self.inc:1")
case("include-cycle", 'include = [ "inc/a.inc" ];\n', expect="inc/b.inc:2")
case("include-own-profile", f'include = [ "{len(cases) + 1:03d}-include-own-profile.profile" ];\n', 1)
case("include-too-deep", 'include = [ "inc/chain0.inc" ];\n', expect="*")
case("include-65-files", "include = [ " + ", ".join(['"inc/empty.inc"'] * 65) + " ];\n", 1)
case("include-error-inside", 'include = [ "inc/bad-value.inc" ];\n', expect="inc/bad-value.inc:3")
case("include-missing", 'include = [ "no-such-file" ];\n', 1)
case("include-empty-name", 'include = [ "" ];\n', 1)
case("include-not-list", 'include = "inc/empty.inc";\n', 1)
case("include-int", "include = [ 5 ];\n", 1)
case("include-var-unknown", 'include = [ "${NOPE}.inc" ];\n', 1)
case("include-dev-null", 'include = [ "/dev/null" ];\n', 1)
case("include-dev-zero", 'include = [ "/dev/zero" ];\n', 1)
case("include-proc-self-mem", 'include = [ "/proc/self/mem" ];\n', 1)
case("include-directory", 'include = [ "/" ];\n', 1)
case("include-etc-passwd", 'hostname = "a";\ninclude = [ "/etc/passwd" ];\n', expect="*")
case("include-huge", 'hostname = "a";\ninclude = [ "huge.inc" ];\n', 2)
case("include-fifo", 'include = [ "fifo.inc" ];\n', 1)
case("include-symlink-loop", 'include = [ "loop.inc" ];\n', 1)
case("include-dir-inc", 'include = [ "dir.inc" ];\n', 1)
case("include-dotdot-escape", 'include = [ "../../../../../../../../../etc/shadow-none" ];\n', 1)

# ---- every key with every wrong type ----
values = {
    "int": "5", "int64": "5L", "float": "1.5", "string": '"s"',
    "bool": "true", "group": "{ }", "array": '[ "s" ]', "list": '( "s" )',
}
# key -> the types it accepts (as the table in profile-keys.c says)
keys = {
    "description": {"string"},
    "include": {"array", "list"},
    "namespaces": {"array", "list"},
    "hostname": {"string"},
    "environment": {"group"},
    "environment.clear": {"bool"},
    "environment.keep": {"array", "list"},
    "environment.set": {"group"},
    "rlimits": {"group"},
    "rlimits.nofile": {"int", "int64", "string", "array", "list"},
    "process": {"group"},
    "process.user": {"int", "int64", "string"},
    "process.group": {"int", "int64", "string"},
    "process.host_user": {"int", "int64", "string"},
    "process.cwd": {"string"},
    "process.umask": {"string"},
    "process.new_session": {"bool"},
    "process.die_with_parent": {"bool"},
    "capabilities": {"group"},
    "capabilities.keep": {"array", "list"},
}
# A type a key accepts can still be a wrong value; these are wrong too.
also_wrong = {
    ("include", "array"), ("include", "list"),
    ("namespaces", "array"), ("namespaces", "list"),
    ("capabilities.keep", "array"), ("capabilities.keep", "list"),
    ("rlimits.nofile", "string"), ("rlimits.nofile", "array"),
    ("rlimits.nofile", "list"), ("process.cwd", "string"),
    ("process.umask", "string"), ("process.user", "string"),
    ("process.group", "string"),
}


def nest(key, value):
    parts = key.split(".")
    text = f"{parts[-1]} = {value};"
    for p in reversed(parts[:-1]):
        text = f"{p} = {{ {text} }};"
    return text + "\n"


for key, ok in keys.items():
    for t, v in values.items():
        if t in ok and (key, t) not in also_wrong:
            continue
        case(f"type-{key.replace('.', '-')}-{t}", nest(key, v), 1)

# ---- keys of later features: wrong on the key's own line ----
for text in [
    "filesystem = 5;", 'filesystem = "host";', "filesystem = { root = 5; };",
    'filesystem = { root = "relative/dir"; };',
    'filesystem = { mounts = "x"; };',
    'filesystem = { mounts = ( { type = "bogus"; } ); };',
    'filesystem = { mounts = ( { type = "bind"; source = 5; } ); };',
    'filesystem = { mounts = ( { type = "tmpfs"; target = "/tmp"; size = "9999999Q"; } ); };',
    "devices = 5;", 'devices = [ "no-such-device" ];', "devices = { };",
    "seccomp = 5;", 'seccomp = { bogus_key_x = 1; };',
    "cgroup = 5;", "cgroup = { memory = -1; };", 'cgroup = { pids = "lots"; };',
    'cgroup = { cpus = "many"; };', "cgroup = { bogus_key_x = 1; };",
    "network = 5;", 'network = { mode = "bogus"; };',
    'network = { veth = { address = "999.1.1.1/99"; }; };',
    "desktop = 5;", 'desktop = { x11 = "yes"; };', "desktop = { bogus_key_x = 1; };",
    "joinable = ( 1, 2 );", 'joinable = { bogus_key_x = 1; };',
]:
    case("later-" + text.split(" ")[0] + f"-{len(cases)}", text + "\n", 1)


# Files bigger than this are not committed: the test makes them with
# --out (git diffs of megabyte lines help nobody).
BIG = 64 * 1024


def main():
    out = HERE
    if sys.argv[1:2] == ["--out"]:
        out = sys.argv[2]       # the whole corpus, big files too
    keep = set()
    for fname, expect, body in cases:
        data = f"# expect: {expect}\n".encode() + body
        if out == HERE and len(data) > BIG:
            continue
        keep.add(fname)
        with open(os.path.join(out, fname), "wb") as f:
            f.write(data)
    for rel, body in extra.items():
        keep.add(rel)
        path = os.path.join(out, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(body)
    if out == HERE:
        for root, _, files in os.walk(HERE):
            for name in files:
                rel = os.path.relpath(os.path.join(root, name), HERE)
                if rel.endswith((".profile", ".inc")) and rel not in keep:
                    os.remove(os.path.join(root, name))
    print(f"{len(cases)} hostile profiles ({len(keep) - len(extra)} written), "
          f"{len(extra)} helper files", file=sys.stderr)


if __name__ == "__main__":
    main()

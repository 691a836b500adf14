#!/usr/bin/env python3
"""bench/seccomp-bpf.py SANDBOX OUT: write, for bwrap --seccomp FD, a BPF
program with sandbox's @default-deny list (from `SANDBOX seccomp groups`),
made with libseccomp (ctypes on libseccomp.so.2) as sandbox makes its own:
allow by default, EPERM for the list, ENOSYS for clone3, kill on a foreign
architecture. The argument filters: ioctl TIOCSTI/TIOCLINUX, clone/unshare
with any CLONE_NEW* flag (one rule per flag). Left out: sandbox's
personality rule (all values but five), which libseccomp cannot say as one
rule; the program is otherwise the same list, so its cost per launch and per
system call is comparable, not identical."""
import ctypes, errno, os, re, subprocess, sys

sb, out = sys.argv[1], sys.argv[2]
text = subprocess.run([sb, "seccomp", "groups"], capture_output=True,
                      text=True, check=True).stdout
groups, cur = {}, None
for line in text.splitlines():
    if line.startswith("@"):
        cur = groups.setdefault(line.strip(), [])
    elif cur is not None and line.strip() and not line.strip().startswith("#"):
        cur.append(line.split()[0])

def expand(g):
    for e in groups[g]:
        yield from expand(e) if e.startswith("@") else [e]

L = ctypes.CDLL("libseccomp.so.2")
class Cmp(ctypes.Structure):
    _fields_ = [("arg", ctypes.c_uint), ("op", ctypes.c_int),
                ("a", ctypes.c_uint64), ("b", ctypes.c_uint64)]
L.seccomp_init.restype = ctypes.c_void_p
L.seccomp_rule_add_array.argtypes = [ctypes.c_void_p, ctypes.c_uint32,
                                     ctypes.c_int, ctypes.c_uint, ctypes.c_void_p]
L.seccomp_syscall_resolve_name.argtypes = [ctypes.c_char_p]
L.seccomp_attr_set.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_uint32]
L.seccomp_export_bpf.argtypes = [ctypes.c_void_p, ctypes.c_int]
ALLOW, KILL_PROC = 0x7fff0000, 0x80000000
ERRNO = lambda e: 0x00050000 | e
MASKED_EQ = 7
ctx = L.seccomp_init(ALLOW)
L.seccomp_attr_set(ctx, 1, KILL_PROC)            # SCMP_FLTATR_ACT_BADARCH

def rule(name, act, *cmps):
    nr = L.seccomp_syscall_resolve_name(name.encode())
    if nr < 0:
        return                                    # not on this architecture
    arr = (Cmp * max(len(cmps), 1))(*[Cmp(*c) for c in cmps])
    if L.seccomp_rule_add_array(ctx, act, nr, len(cmps), arr if cmps else None):
        sys.exit(f"seccomp_rule_add {name} failed")

newflags = [0x80, 0x20000, 0x02000000, 0x04000000, 0x08000000,
            0x10000000, 0x20000000, 0x40000000]
for s in sorted(set(expand("@default-deny"))):
    if s == "clone3":
        rule(s, ERRNO(errno.ENOSYS))
    elif s in ("clone", "unshare"):
        for f in newflags:
            rule(s, ERRNO(errno.EPERM), (0, MASKED_EQ, f, f))
    elif s == "ioctl":
        for req in (0x5412, 0x541C):
            rule(s, ERRNO(errno.EPERM), (1, MASKED_EQ, 0xffffffff, req))
    elif s == "personality":
        continue        # "all but five values": not one libseccomp rule
    else:
        rule(s, ERRNO(errno.EPERM))
fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
if L.seccomp_export_bpf(ctx, fd) != 0:
    sys.exit("seccomp_export_bpf failed")
os.close(fd)

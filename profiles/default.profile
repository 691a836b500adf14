# default: the profile for command-line tools that have none of their own.
#
# Every namespace is new: the tool sees its own process tree (it is PID 2,
# the sandbox's init is PID 1), its own hostname, an empty network
# namespace (no network at all), its own IPC objects and cgroup view. It
# runs as the caller (as an unprivileged host user when root starts it),
# with no capabilities, no_new_privs set, a cleared environment and no core
# dumps. It sees the host's files read-only, with a fresh /proc (sensitive
# parts masked), a /sys of its own network namespace (the host's cgroup
# hierarchies hidden), a /dev of six devices, and a private /tmp and /run. The
# seccomp filter refuses the built-in deny list (run `sandbox
# seccomp groups`: mounting, modules, ptrace, keyrings, io_uring, nested
# namespaces, TIOCSTI, ...) with EPERM, and any 32-bit or x32 system call.
description = "Strict default for command-line tools: no network, no capabilities";

namespaces = [ "user", "mount", "pid", "uts", "ipc", "net", "cgroup" ];
hostname = "sandbox";

environment = {
  clear = true;
  keep = [ "TERM", "COLORTERM", "LANG", "LANGUAGE", "LC_*", "TZ",
           "HOME", "USER", "LOGNAME", "PATH" ];
};

# With no mounts listed, the defaults apply: /proc, /sys, a minimal /dev,
# and tmpfs on /tmp and /run (see filesystem in sandbox.profile(5)).
filesystem = {
  root = "host";
};

devices = [ "null", "zero", "full", "random", "urandom", "tty" ];

rlimits = {
  core = 0;
};

process = {
  umask = "022";
  new_session = true;
  die_with_parent = true;
};

capabilities = {
  keep = [ ];
};

seccomp = {
  enabled = true;
  default = "allow";
  action = "errno";
  errno = "EPERM";
};

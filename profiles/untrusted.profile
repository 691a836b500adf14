# untrusted: the strictest profile, for a program nobody vouches for. An
# empty root: only /usr (read-only, with the usual /bin, /lib links), a
# private /tmp of 16 MiB, /proc and a /dev of three devices; no /etc, no
# /home, no /var, no host files at all. No network. Tiny limits: 64 open
# files, 64 processes, 256 MiB of address space, 16 MiB files, 60 s of CPU.
# The seccomp filter adds @privileged and @chown to the built-in deny
# list, and kills the program on a refused call instead of returning an
# error (a well-behaved tool never makes one).
description = "Strictest: empty root with /usr only, no network, tiny limits";
namespaces = [ "user", "mount", "pid", "uts", "ipc", "net", "cgroup" ];
hostname = "untrusted";
environment = {
  clear = true;
  keep = [ "TERM", "LANG" ];
  set = { PATH = "/usr/bin:/bin"; HOME = "/tmp"; };
};
filesystem = {
  root = "empty";
  mounts = (
    { type = "bind"; source = "/usr"; },
    { type = "symlink"; source = "usr/bin"; target = "/bin"; },
    { type = "symlink"; source = "usr/sbin"; target = "/sbin"; },
    { type = "symlink"; source = "usr/lib"; target = "/lib"; },
    { type = "symlink"; source = "usr/lib64"; target = "/lib64"; },
    { type = "proc"; target = "/proc"; },
    { type = "dev"; target = "/dev"; },
    { type = "tmpfs"; target = "/tmp"; size = "16M"; mode = "1777"; }
  );
};
devices = [ "null", "zero", "urandom" ];
network = { mode = "none"; };
rlimits = {
  core = 0;
  nofile = 64;
  nproc = 64;
  as = "256M";
  fsize = "16M";
  cpu = 60;
  memlock = 0;
  msgqueue = 0;
};
process = { cwd = "/tmp"; umask = "077"; new_session = true; die_with_parent = true; };
capabilities = { keep = [ ]; };
seccomp = {
  enabled = true;
  action = "kill";
  deny = [ "@privileged", "@chown" ];
};

# Every key the loader supports today, with typical values.
description = "Everything supported, once";
namespaces = [ "user", "mount", "pid", "uts", "ipc", "net", "cgroup", "time" ];
hostname = "build-box.local";
environment = {
  clear = true;
  keep = [ "TERM", "LANG", "LC_*", "_X1" ];
  set = { PATH = "/usr/bin:/bin"; EDITOR = "vi"; UNDER_ = ""; };
};
rlimits = { nofile = [ 1024, 4096 ]; nproc = 512; core = 0; as = "4G"; };
process = {
  user = "root";
  group = 0;
  host_user = 0;
  cwd = "/";
  umask = "022";
  new_session = true;
  die_with_parent = false;
};
capabilities = { keep = [ "CAP_NET_BIND_SERVICE", "chown", "Sys_Ptrace" ]; };
cgroup = {
  memory = "1G";
  memory_swap = "unlimited";
  pids = 256;
  cpus = 1.5;
  cpu_weight = 200;
  io_weight = 50;
  devices = [ "c 1:3 rwm", "b *:* m" ];
  parent = "jobs/build";
};
seccomp = {
  enabled = true;
  default = "allow";
  action = "errno";
  errno = "EACCES";
  foreign_abis = false;
  deny = [ "@privileged", "getppid", "?not_a_call_here" ];
  allow = [ "@debug", "@namespaces" ];
};

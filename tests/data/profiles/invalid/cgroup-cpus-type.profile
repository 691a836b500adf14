# expect: cgroup-cpus-type.profile:2: cgroup.cpus: expected an integer or a number, got a string
cgroup = { cpus = "1.5"; };

# expect: 272-later-cgroup-271.profile:2
cgroup = { cpus = "many"; };

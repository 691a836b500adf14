# expect: 270-later-cgroup-269.profile:2
cgroup = { memory = -1; };

# expect: 271-later-cgroup-270.profile:2
cgroup = { pids = "lots"; };

# expect: cgroup-unknown-key.profile:2: cgroup.memroy: unknown key (did you mean 'memory'?)
cgroup = { memroy = "1G"; };

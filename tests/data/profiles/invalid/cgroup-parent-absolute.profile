# expect: cgroup-parent-absolute.profile:2: cgroup.parent: '/x' must be a relative path below the launcher's cgroup
cgroup = { parent = "/x"; };

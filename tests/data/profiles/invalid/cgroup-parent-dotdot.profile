# expect: cgroup-parent-dotdot.profile:2: cgroup.parent: 'a/../b': each part must be a name of letters, digits and '_.-@:', not '.' or '..'
cgroup = { parent = "a/../b"; };

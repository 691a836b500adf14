# expect: seccomp-deny-name.profile:2: seccomp.deny[0]: 'clone:ns' is not a system call name or a @group
seccomp = { deny = [ "clone:ns" ]; };

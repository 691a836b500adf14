# expect: seccomp-deny-element-type.profile:2: seccomp.deny[0]: expected a string, got an integer
seccomp = { deny = [ 165 ]; };

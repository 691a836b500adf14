# expect: seccomp-type.profile:2: seccomp: expected a group, got an integer
seccomp = 1;

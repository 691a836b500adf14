# expect: unsupported-seccomp.profile:2: seccomp: not supported yet
seccomp = { };

# expect: seccomp-errno-type.profile:2: seccomp.errno: expected an integer or a string, got a boolean
seccomp = { errno = true; };

# expect: seccomp-errno-range.profile:2: seccomp.errno: 0 is not an errno from 1 to 4095
seccomp = { errno = 0; };

# expect: seccomp-errno-name.profile:2: seccomp.errno: unknown errno name 'EPRM' (did you mean 'EPERM'?)
seccomp = { errno = "EPRM"; };

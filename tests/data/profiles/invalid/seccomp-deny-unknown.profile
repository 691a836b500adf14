# expect: seccomp-deny-unknown.profile:2: seccomp.deny[1]: unknown system call 'mountt' (did you mean 'mount'?)
seccomp = { deny = [ "mount", "mountt" ]; };

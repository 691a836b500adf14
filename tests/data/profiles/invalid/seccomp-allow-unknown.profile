# expect: seccomp-allow-unknown.profile:2: seccomp.allow[0]: unknown system call 'no_such_call'
seccomp = { allow = [ "no_such_call" ]; };

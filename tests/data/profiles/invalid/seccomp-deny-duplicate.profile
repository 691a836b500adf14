# expect: seccomp-deny-duplicate.profile:2: seccomp.deny[1]: 'ptrace' listed twice
seccomp = { deny = [ "ptrace", "ptrace" ]; };

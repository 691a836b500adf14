# expect: seccomp-deny-type.profile:2: seccomp.deny: expected an array, got a string
seccomp = { deny = "mount"; };

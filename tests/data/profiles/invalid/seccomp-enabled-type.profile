# expect: seccomp-enabled-type.profile:2: seccomp.enabled: expected a boolean, got a string
seccomp = { enabled = "yes"; };

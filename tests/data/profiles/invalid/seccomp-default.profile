# expect: seccomp-default.profile:2: seccomp.default: 'kill' is not "allow" or "deny"
seccomp = { default = "kill"; };

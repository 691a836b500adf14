# expect: seccomp-action.profile:2: seccomp.action: 'kil' is not "errno", "kill", "trap" or "log" (did you mean 'kill'?)
seccomp = { action = "kil"; };

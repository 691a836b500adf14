# expect: seccomp-unknown-key.profile:2: seccomp.enable: unknown key (did you mean 'enabled'?)
seccomp = { enable = true; };

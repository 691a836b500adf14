# expect: 268-later-seccomp-267.profile:2
seccomp = { bogus_key_x = 1; };

# expect: 259-later-filesystem-258.profile:2
filesystem = { root = "relative/dir"; };

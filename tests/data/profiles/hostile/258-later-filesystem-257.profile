# expect: 258-later-filesystem-257.profile:2
filesystem = { root = 5; };

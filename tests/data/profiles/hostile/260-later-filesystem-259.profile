# expect: 260-later-filesystem-259.profile:2
filesystem = { mounts = "x"; };

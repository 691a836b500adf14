# expect: 263-later-filesystem-262.profile:2
filesystem = { mounts = ( { type = "tmpfs"; target = "/tmp"; size = "9999999Q"; } ); };

# expect: 262-later-filesystem-261.profile:2
filesystem = { mounts = ( { type = "bind"; source = 5; } ); };

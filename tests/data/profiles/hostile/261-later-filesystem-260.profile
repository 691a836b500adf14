# expect: 261-later-filesystem-260.profile:2
filesystem = { mounts = ( { type = "bogus"; } ); };

# expect: 257-later-filesystem-256.profile:2
filesystem = "host";

# expect: fs-mount-symlink-empty.profile:2: filesystem.mounts[0].source: must be 1 to 4095 characters
filesystem = { mounts = ( { type = "symlink"; source = ""; target = "/bin"; } ); };

# expect: fs-mount-size-zero.profile:2: filesystem.mounts[0].size: must not be 0
filesystem = { mounts = ( { type = "tmpfs"; target = "/tmp"; size = 0; } ); };

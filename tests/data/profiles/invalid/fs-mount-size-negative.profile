# expect: fs-mount-size-negative.profile:2: filesystem.mounts[0].size: must not be negative
filesystem = { mounts = ( { type = "tmpfs"; target = "/tmp"; size = -1; } ); };

# expect: fs-mount-size-bad.profile:2: filesystem.mounts[0].size: '1 GB' is not a size like "256M"
filesystem = { mounts = ( { type = "tmpfs"; target = "/tmp"; size = "1 GB"; } ); };

# expect: fs-mount-target-root.profile:2: filesystem.mounts[0].target: '/' must not be '/'
filesystem = { mounts = ( { type = "tmpfs"; target = "/"; } ); };

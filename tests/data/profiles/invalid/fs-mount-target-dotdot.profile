# expect: fs-mount-target-dotdot.profile:2: filesystem.mounts[0].target: '/tmp/../etc' must not contain '..'
filesystem = { mounts = ( { type = "tmpfs"; target = "/tmp/../etc"; } ); };

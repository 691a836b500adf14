# expect: fs-mount-target-relative.profile:2: filesystem.mounts[0].target: 'tmp' is not an absolute path
filesystem = { mounts = ( { type = "tmpfs"; target = "tmp"; } ); };

# expect: fs-mount-type-unknown.profile:2: filesystem.mounts[0].type: unknown mount type 'tmpf' (did you mean 'tmpfs'?)
filesystem = { mounts = ( { type = "tmpf"; target = "/tmp"; } ); };

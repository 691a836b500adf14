# expect: fs-mount-size-range.profile:2: filesystem.mounts[0].size: '99999999999T' is out of range
filesystem = { mounts = ( { type = "tmpfs"; target = "/tmp"; size = "99999999999T"; } ); };

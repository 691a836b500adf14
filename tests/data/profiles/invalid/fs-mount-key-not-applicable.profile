# expect: fs-mount-key-not-applicable.profile:2: filesystem.mounts[0].size: does not apply to a bind mount
filesystem = { mounts = ( { type = "bind"; source = "/usr"; size = "1M"; } ); };

# expect: fs-mount-needs-target.profile:2: filesystem.mounts[0]: a tmpfs mount needs a target
filesystem = { mounts = ( { type = "tmpfs"; size = "1M"; } ); };

# expect: fs-mount-needs-source.profile:2: filesystem.mounts[0]: a bind mount needs a source
filesystem = { mounts = ( { type = "bind"; target = "/usr"; } ); };

# expect: fs-mount-bind-root-needs-target.profile:2: filesystem.mounts[0]: a bind mount needs a target
filesystem = { mounts = ( { type = "bind"; source = "/"; } ); };

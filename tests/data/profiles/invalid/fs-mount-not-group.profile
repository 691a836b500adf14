# expect: fs-mount-not-group.profile:2: filesystem.mounts[0]: expected a group, got a string
filesystem = { mounts = ( "/usr" ); };

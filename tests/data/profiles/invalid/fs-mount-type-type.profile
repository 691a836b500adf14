# expect: fs-mount-type-type.profile:2: filesystem.mounts[0].type: expected a string, got an integer
filesystem = { mounts = ( { type = 1; } ); };

# expect: fs-mounts-type.profile:2: filesystem.mounts: expected an array, got a group
filesystem = { mounts = { type = "bind"; }; };

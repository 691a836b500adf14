# expect: fs-mount-key-type.profile:2: filesystem.mounts[0].readonly: expected a boolean, got a string
filesystem = { mounts = ( { type = "bind"; source = "/usr"; readonly = "no"; } ); };

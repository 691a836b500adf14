# expect: fs-mount-upper-relative.profile:2: filesystem.mounts[0].upper: 'upper' is not an absolute path
filesystem = { mounts = ( { type = "overlay"; source = "/usr"; upper = "upper"; } ); };

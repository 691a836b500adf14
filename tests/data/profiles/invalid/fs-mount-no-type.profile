# expect: fs-mount-no-type.profile:2: filesystem.mounts[0]: needs a type (bind, tmpfs, proc, sysfs, mqueue, dev, overlay, symlink, file, dir or mask)
filesystem = { mounts = ( { source = "/usr"; } ); };

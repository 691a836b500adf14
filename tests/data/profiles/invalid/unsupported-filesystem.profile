# expect: unsupported-filesystem.profile:2: filesystem: not supported yet
filesystem = { root = "host"; };

# expect: fs-mount-source-relative.profile:2: filesystem.mounts[0].source: 'usr' is not an absolute path
filesystem = { mounts = ( { type = "bind"; source = "usr"; } ); };

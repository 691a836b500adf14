# expect: fs-mount-source-dotdot.profile:2: filesystem.mounts[0].source: '/home/tester/../x' must not contain '..'
filesystem = { mounts = ( { type = "bind"; source = "${HOME}/../x"; } ); };

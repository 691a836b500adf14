# expect: fs-root-slash.profile:2: filesystem.root: '/' must not be '/' (write "host")
filesystem = { root = "/"; };

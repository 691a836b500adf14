# expect: fs-root-type.profile:2: filesystem.root: expected a string, got a boolean
filesystem = { root = true; };

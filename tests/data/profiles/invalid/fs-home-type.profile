# expect: fs-home-type.profile:2: filesystem.home: expected a group, got a boolean
filesystem = { home = true; };

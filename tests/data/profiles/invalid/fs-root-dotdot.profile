# expect: fs-root-dotdot.profile:2: filesystem.root: '/srv/../etc' must not contain '..'
filesystem = { root = "/srv/../etc"; };

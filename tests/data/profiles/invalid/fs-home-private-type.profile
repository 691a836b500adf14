# expect: fs-home-private-type.profile:2: filesystem.home.private: expected a boolean, got a string
filesystem = { home = { private = "yes"; }; };

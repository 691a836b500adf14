# expect: fs-home-entry-absolute.profile:2: filesystem.home.writable[0]: '/etc' must be relative to the home directory
filesystem = { home = { writable = [ "/etc" ]; }; };

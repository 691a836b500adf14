# expect: fs-home-entry-empty.profile:2: filesystem.home.writable[0]: '.' names no entry
filesystem = { home = { writable = [ "." ]; }; };

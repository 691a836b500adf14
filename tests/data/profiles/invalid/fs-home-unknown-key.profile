# expect: fs-home-unknown-key.profile:2: filesystem.home.writeable: unknown key (did you mean 'writable'?)
filesystem = { home = { writeable = [ "x" ]; }; };

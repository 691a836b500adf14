# expect: devices-unknown.profile:2: devices[1]: unknown device 'urandon' (did you mean 'urandom'?)
devices = [ "null", "urandon" ];

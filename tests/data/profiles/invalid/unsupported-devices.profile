# expect: unsupported-devices.profile:2: devices: not supported yet
devices = [ "null" ];

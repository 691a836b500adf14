# expect: devices-type.profile:2: devices: expected an array, got a string
devices = "null";

# expect: devices-duplicate.profile:2: devices[1]: 'null' listed twice
devices = [ "null", "null" ];

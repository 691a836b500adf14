# expect: cgroup-device-all.profile:2: cgroup.devices[0]: 'a 1:3 r' is not a device rule like "c 1:3 rw": type 'a' (every device) takes only *:*
cgroup = { devices = [ "a 1:3 r" ]; };

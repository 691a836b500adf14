# expect: cgroup-device-number.profile:2: cgroup.devices[1]: 'c 1 r' is not a device rule like "c 1:3 rw": expected MAJOR:MINOR (numbers or '*'), then a space
cgroup = { devices = [ "c 1:3 r", "c 1 r" ]; };

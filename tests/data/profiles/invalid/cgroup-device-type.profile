# expect: cgroup-device-type.profile:2: cgroup.devices[0]: 'x 1:3 rwm' is not a device rule like "c 1:3 rw": expected a type 'c', 'b' or 'a', then a space
cgroup = { devices = [ "x 1:3 rwm" ]; };

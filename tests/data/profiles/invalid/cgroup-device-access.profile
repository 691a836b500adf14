# expect: cgroup-device-access.profile:2: cgroup.devices[0]: 'c 1:3 rwx' is not a device rule like "c 1:3 rw": access letters are 'r', 'w' and 'm'
cgroup = { devices = [ "c 1:3 rwx" ]; };

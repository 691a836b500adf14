# expect: cgroup-devices-type.profile:2: cgroup.devices: expected an array, got a string
cgroup = { devices = "c 1:3 r"; };

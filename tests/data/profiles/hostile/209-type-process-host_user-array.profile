# expect: 209-type-process-host_user-array.profile:2
process = { host_user = [ "s" ]; };

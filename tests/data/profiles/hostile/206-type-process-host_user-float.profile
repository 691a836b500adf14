# expect: 206-type-process-host_user-float.profile:2
process = { host_user = 1.5; };

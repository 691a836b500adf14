# expect: 207-type-process-host_user-bool.profile:2
process = { host_user = true; };

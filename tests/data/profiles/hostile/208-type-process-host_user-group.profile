# expect: 208-type-process-host_user-group.profile:2
process = { host_user = { }; };

# expect: 197-type-process-user-group.profile:2
process = { user = { }; };

# expect: 216-type-process-cwd-group.profile:2
process = { cwd = { }; };

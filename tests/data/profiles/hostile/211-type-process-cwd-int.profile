# expect: 211-type-process-cwd-int.profile:2
process = { cwd = 5; };

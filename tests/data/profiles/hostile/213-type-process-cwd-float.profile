# expect: 213-type-process-cwd-float.profile:2
process = { cwd = 1.5; };

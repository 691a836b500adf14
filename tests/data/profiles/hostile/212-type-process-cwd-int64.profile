# expect: 212-type-process-cwd-int64.profile:2
process = { cwd = 5L; };

# expect: 215-type-process-cwd-bool.profile:2
process = { cwd = true; };

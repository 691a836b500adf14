# expect: 214-type-process-cwd-string.profile:2
process = { cwd = "s"; };

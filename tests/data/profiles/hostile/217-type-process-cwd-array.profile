# expect: 217-type-process-cwd-array.profile:2
process = { cwd = [ "s" ]; };

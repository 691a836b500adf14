# expect: 221-type-process-umask-float.profile:2
process = { umask = 1.5; };

# expect: 220-type-process-umask-int64.profile:2
process = { umask = 5L; };

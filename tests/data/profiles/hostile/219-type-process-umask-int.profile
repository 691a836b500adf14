# expect: 219-type-process-umask-int.profile:2
process = { umask = 5; };

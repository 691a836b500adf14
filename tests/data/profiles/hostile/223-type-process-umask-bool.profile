# expect: 223-type-process-umask-bool.profile:2
process = { umask = true; };

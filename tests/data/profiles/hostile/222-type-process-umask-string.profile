# expect: 222-type-process-umask-string.profile:2
process = { umask = "s"; };

# expect: 225-type-process-umask-array.profile:2
process = { umask = [ "s" ]; };

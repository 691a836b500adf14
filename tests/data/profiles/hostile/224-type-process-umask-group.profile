# expect: 224-type-process-umask-group.profile:2
process = { umask = { }; };

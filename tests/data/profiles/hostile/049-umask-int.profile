# expect: 049-umask-int.profile:2
process = { umask = 022; };

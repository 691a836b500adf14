# expect: 051-umask-too-long.profile:2
process = { umask = "00022"; };

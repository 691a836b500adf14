# expect: 050-umask-not-octal.profile:2
process = { umask = "0999"; };

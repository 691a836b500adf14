# expect: umask-integer.profile:2: process.umask: write umask as an octal string like "022"
process = { umask = 18; };

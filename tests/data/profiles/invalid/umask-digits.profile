# expect: umask-digits.profile:2: process.umask: '089' is not 1 to 4 octal digits
process = { umask = "089"; };

# expect: umask-type.profile:2: process.umask: expected a string, got a boolean
process = { umask = false; };

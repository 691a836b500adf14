# expect: umask-too-big.profile:2: process.umask: '1777' is above 0777
process = { umask = "1777"; };

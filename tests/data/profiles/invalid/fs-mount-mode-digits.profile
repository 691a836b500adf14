# expect: fs-mount-mode-digits.profile:2: filesystem.mounts[0].mode: '0789' is not 1 to 4 octal digits
filesystem = { mounts = ( { type = "dir"; target = "/x"; mode = "0789"; } ); };

# expect: fs-mount-mode-integer.profile:2: filesystem.mounts[0].mode: write the mode as an octal string like "0755"
filesystem = { mounts = ( { type = "tmpfs"; target = "/tmp"; mode = 755; } ); };

# expect: fs-mount-key-unknown.profile:2: filesystem.mounts[0].sorce: unknown key (did you mean 'source'?)
filesystem = { mounts = ( { type = "bind"; sorce = "/usr"; source = "/usr"; } ); };

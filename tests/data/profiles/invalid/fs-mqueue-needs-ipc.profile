# expect: fs-mqueue-needs-ipc.profile:3: filesystem.mounts: an mqueue mount needs the ipc namespace
namespaces = [ "user", "mount", "pid" ];
filesystem = { mounts = ( { type = "mqueue"; } ); };

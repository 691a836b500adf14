# expect: fs-needs-mount-ns.profile:3: filesystem: needs the mount namespace
namespaces = [ "user", "pid" ];
filesystem = { root = "empty"; };

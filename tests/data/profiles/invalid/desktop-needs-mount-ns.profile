# expect: desktop-needs-mount-ns.profile:3: desktop.x11: needs the mount namespace
namespaces = [ "user", "pid" ];
desktop = { x11 = true; };

# expect: desktop-dbus-unknown.profile:2: desktop.dbus: 'sesion': expected "none", "session" or "filtered" (did you mean 'session'?)
desktop = { dbus = "sesion"; };

# expect: desktop-dbus-type.profile:2: desktop.dbus: expected a string, got a boolean
desktop = { dbus = true; };

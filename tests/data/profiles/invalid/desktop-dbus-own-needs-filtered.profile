# expect: desktop-dbus-own-needs-filtered.profile:2: desktop.dbus_own: only used with dbus = "filtered"
desktop = { dbus_own = [ "org.example.App" ]; };

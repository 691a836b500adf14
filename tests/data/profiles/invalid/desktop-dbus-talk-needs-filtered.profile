# expect: desktop-dbus-talk-needs-filtered.profile:2: desktop.dbus_talk: only used with dbus = "filtered"
desktop = { dbus = "session"; dbus_talk = [ "org.freedesktop.Notifications" ]; };

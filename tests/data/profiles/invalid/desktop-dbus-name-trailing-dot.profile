# expect: desktop-dbus-name-trailing-dot.profile:2: desktop.dbus_talk[0]: 'org.example.' ends with '.'
desktop = { dbus = "filtered"; dbus_talk = [ "org.example." ]; };

# expect: desktop-dbus-name-unique.profile:2: desktop.dbus_talk[0]: ':1.42' is a unique connection name; name a well-known one
desktop = { dbus = "filtered"; dbus_talk = [ ":1.42" ]; };

# expect: desktop-dbus-name-one-element.profile:2: desktop.dbus_talk[0]: 'org' needs at least two elements ("org.example")
desktop = { dbus = "filtered"; dbus_talk = [ "org" ]; };

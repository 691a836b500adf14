# expect: desktop-dbus-name-empty-element.profile:2: desktop.dbus_talk[0]: 'org..example' has an empty element
desktop = { dbus = "filtered"; dbus_talk = [ "org..example" ]; };

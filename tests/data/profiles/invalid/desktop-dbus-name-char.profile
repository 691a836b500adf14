# expect: desktop-dbus-name-char.profile:2: desktop.dbus_talk[0]: 'org.ex ample' has a character other than letters, digits, '_', '-' and '.'
desktop = { dbus = "filtered"; dbus_talk = [ "org.ex ample" ]; };

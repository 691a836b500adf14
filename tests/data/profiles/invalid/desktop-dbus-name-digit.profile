# expect: desktop-dbus-name-digit.profile:2: desktop.dbus_own[0]: 'org.2fa.App' has an element starting with a digit
desktop = { dbus = "filtered"; dbus_own = [ "org.2fa.App" ]; };

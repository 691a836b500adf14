# expect: desktop-x11-type.profile:2: desktop.x11: expected a boolean, got a string
desktop = { x11 = "yes"; };

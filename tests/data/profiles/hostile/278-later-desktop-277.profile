# expect: 278-later-desktop-277.profile:2
desktop = { x11 = "yes"; };

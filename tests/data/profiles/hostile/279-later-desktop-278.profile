# expect: 279-later-desktop-278.profile:2
desktop = { bogus_key_x = 1; };

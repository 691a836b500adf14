# expect: 277-later-desktop-276.profile:2
desktop = 5;

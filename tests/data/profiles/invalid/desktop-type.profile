# expect: desktop-type.profile:2: desktop: expected a group, got an integer
desktop = 5;

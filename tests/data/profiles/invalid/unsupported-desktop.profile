# expect: unsupported-desktop.profile:2: desktop: not supported yet
desktop = { x11 = false; };

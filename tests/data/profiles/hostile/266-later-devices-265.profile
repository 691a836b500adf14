# expect: 266-later-devices-265.profile:2
devices = { };

# expect: 264-later-devices-263.profile:2
devices = 5;

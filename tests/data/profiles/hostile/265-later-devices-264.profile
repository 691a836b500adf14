# expect: 265-later-devices-264.profile:2
devices = [ "no-such-device" ];

# expect: devices-block.profile:2: devices[0]: unknown device 'sda'
devices = [ "sda" ];

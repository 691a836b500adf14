# expect: network-veth-mac.profile:2: network.veth.mac: '02:00:00:00:00': not a MAC address like 02:00:00:00:00:01
network = { mode = "veth"; veth = { mac = "02:00:00:00:00"; }; };

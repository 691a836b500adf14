# expect: network-veth-mac-multicast.profile:2: network.veth.mac: '01:00:5e:00:00:01': a multicast MAC address (the first octet is odd)
network = { mode = "veth"; veth = { mac = "01:00:5e:00:00:01"; }; };

# expect: network-veth-mtu-range.profile:2: network.veth.mtu: must be 68 to 65535
network = { mode = "veth"; veth = { mtu = 20; }; };

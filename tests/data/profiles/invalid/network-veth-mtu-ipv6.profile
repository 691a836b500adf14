# expect: network-veth-mtu-ipv6.profile:2: network.veth.mtu: IPv6 needs an MTU of at least 1280
network = { mode = "veth"; veth = { address = "fd00::2/64"; mtu = 1000; }; };

# expect: network-veth-cidr.profile:2: network.veth.address: '10.0.3.300/24': not an IPv4 or IPv6 address
network = { mode = "veth"; veth = { address = "10.0.3.300/24"; }; };

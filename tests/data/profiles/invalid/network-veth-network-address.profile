# expect: network-veth-network-address.profile:2: network.veth.address: '10.0.3.0/24': the network address of its subnet
network = { mode = "veth"; veth = { address = "10.0.3.0/24"; }; };

# expect: network-veth-loopback-address.profile:2: network.veth.address: '127.0.0.2/8': a loopback address
network = { mode = "veth"; veth = { address = "127.0.0.2/8"; }; };

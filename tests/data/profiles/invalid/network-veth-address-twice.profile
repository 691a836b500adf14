# expect: network-veth-address-twice.profile:2: network.veth.address[1]: '10.0.3.2/24' listed twice
network = { mode = "veth"; veth = { address = [ "10.0.3.2/24", "10.0.3.2/24" ]; }; };

# expect: network-veth-prefix-range.profile:2: network.veth.address: '10.0.3.2/33': the prefix length must be 0 to 32
network = { mode = "veth"; veth = { address = "10.0.3.2/33"; }; };

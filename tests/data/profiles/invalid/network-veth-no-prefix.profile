# expect: network-veth-no-prefix.profile:2: network.veth.address: '10.0.3.2': needs a prefix length, like 10.0.3.2/24
network = { mode = "veth"; veth = { address = "10.0.3.2"; }; };

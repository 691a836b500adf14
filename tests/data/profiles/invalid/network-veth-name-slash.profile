# expect: network-veth-name-slash.profile:2: network.veth.name: 'eth/0': interface names may not contain '/', ':', white space or control characters
network = { mode = "veth"; veth = { name = "eth/0"; }; };

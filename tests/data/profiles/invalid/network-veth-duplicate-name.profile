# expect: network-veth-duplicate-name.profile:2: network.veth: interfaces 0 and 1 are both named 'eth0'
network = { mode = "veth"; veth = ( { address = "10.0.3.2/24"; }, { name = "eth0"; } ); };

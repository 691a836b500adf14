# expect: network-veth-element-type.profile:2: network.veth[0]: expected a group, got a string
network = { mode = "veth"; veth = ( "eth0" ); };

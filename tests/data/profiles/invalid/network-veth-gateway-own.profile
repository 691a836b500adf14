# expect: network-veth-gateway-own.profile:2: network.veth.gateway: 10.0.3.2 is the interface's own address
network = { mode = "veth"; veth = { address = "10.0.3.2/24"; gateway = "10.0.3.2"; }; };

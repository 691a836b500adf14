# expect: network-veth-gateway-outside.profile:2: network.veth.gateway: 10.0.4.1 is outside the subnet of the interface's IPv4 address (10.0.3.2/24)
network = { mode = "veth"; veth = { address = "10.0.3.2/24"; gateway = "10.0.4.1"; }; };

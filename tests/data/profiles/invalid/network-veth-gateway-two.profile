# expect: network-veth-gateway-two.profile:2: network.veth.gateway[1]: a second IPv4 gateway
network = { mode = "veth"; veth = { address = "10.0.3.2/24"; gateway = [ "10.0.3.1", "10.0.3.3" ]; }; };

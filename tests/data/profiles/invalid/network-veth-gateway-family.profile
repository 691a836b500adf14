# expect: network-veth-gateway-family.profile:2: network.veth.gateway: IPv6 gateway fd00::1, but the interface has no IPv6 address
network = { mode = "veth"; veth = { address = "10.0.3.2/24"; gateway = "fd00::1"; }; };

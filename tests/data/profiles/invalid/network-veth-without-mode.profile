# expect: network-veth-without-mode.profile:2: network.veth: set network.mode = "veth" to use it
network = { veth = { address = "10.0.3.2/24"; }; };

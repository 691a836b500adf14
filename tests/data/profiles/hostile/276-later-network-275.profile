# expect: 276-later-network-275.profile:2
network = { veth = { address = "999.1.1.1/99"; }; };

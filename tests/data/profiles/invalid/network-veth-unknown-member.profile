# expect: network-veth-unknown-member.profile:2: network.veth.adress: unknown key (did you mean 'address'?)
network = { mode = "veth"; veth = { adress = "10.0.3.2/24"; }; };

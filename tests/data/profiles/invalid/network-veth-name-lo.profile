# expect: network-veth-name-lo.profile:2: network.veth.name: 'lo' is the loopback interface
network = { mode = "veth"; veth = { name = "lo"; }; };

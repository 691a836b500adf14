# expect: network-veth-name-long.profile:2: network.veth.name: 'eth0123456789abc': longer than 15 characters (the kernel's limit for interface names)
network = { mode = "veth"; veth = { name = "eth0123456789abc"; }; };

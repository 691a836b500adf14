# expect: network-veth-host-name-long.profile:2: network.veth.host_name: 'sandbox-web-front': longer than 15 characters (the kernel's limit for interface names)
network = { mode = "veth"; veth = { host_name = "sandbox-web-front"; }; };

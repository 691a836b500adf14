# expect: network-veth-bridge-long.profile:2: network.veth.bridge: 'bridge-for-sandboxes': longer than 15 characters (the kernel's limit for interface names)
network = { mode = "veth"; veth = { bridge = "bridge-for-sandboxes"; }; };

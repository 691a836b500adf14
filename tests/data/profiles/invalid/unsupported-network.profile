# expect: unsupported-network.profile:2: network: not supported yet
network = { mode = "none"; };

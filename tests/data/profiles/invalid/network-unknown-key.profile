# expect: network-unknown-key.profile:2: network.mdoe: unknown key (did you mean 'mode'?)
network = { mdoe = "none"; };

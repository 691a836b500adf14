# expect: network-mode-unknown.profile:2: network.mode: unknown mode 'loopbak' (none, loopback, veth or host) (did you mean 'loopback'?)
network = { mode = "loopbak"; };

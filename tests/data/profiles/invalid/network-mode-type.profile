# expect: network-mode-type.profile:2: network.mode: expected a string, got an integer
network = { mode = 1; };

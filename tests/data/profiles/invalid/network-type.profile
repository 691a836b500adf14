# expect: network-type.profile:2: network: expected a group, got a string
network = "none";

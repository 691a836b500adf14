# expect: network-hosts-bad-address.profile:2: network.hosts[0]: '10.0.3': not an IPv4 or IPv6 address
network = { hosts = [ "10.0.3 db" ]; };

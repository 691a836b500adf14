# expect: network-dns-bad.profile:2: network.dns[0]: '10.0.3.1/24': an address without a prefix length is expected here
network = { dns = [ "10.0.3.1/24" ]; };

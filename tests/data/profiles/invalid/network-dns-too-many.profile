# expect: network-dns-too-many.profile:2: network.dns[3]: more than 3 name servers (the resolver ignores the rest)
network = { dns = [ "10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4" ]; };

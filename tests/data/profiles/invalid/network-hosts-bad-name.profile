# expect: network-hosts-bad-name.profile:2: network.hosts[0]: 'db!': a host name is made of letters, digits, '-', '_' and '.'
network = { hosts = [ "10.0.3.5 db!" ]; };

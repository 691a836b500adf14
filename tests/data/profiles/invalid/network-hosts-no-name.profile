# expect: network-hosts-no-name.profile:2: network.hosts[0]: '10.0.3.5': expected "ADDRESS NAME...": no name after the address
network = { hosts = [ "10.0.3.5" ]; };

# expect: network-hosts-needs-mount.profile:3: network.hosts: needs the mount namespace (the file is mounted over /etc/hosts)
namespaces = [ "user", "net" ];
network = { hosts = [ "10.0.3.1 gw" ]; };

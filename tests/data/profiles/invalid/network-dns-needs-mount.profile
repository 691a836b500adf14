# expect: network-dns-needs-mount.profile:3: network.dns: needs the mount namespace (the file is mounted over /etc/resolv.conf)
namespaces = [ "user", "net" ];
network = { dns = [ "10.0.3.1" ]; };

# expect: network-host-with-net.profile:3: network.mode: "host" shares the host's network namespace, but namespaces (network-host-with-net.profile:2) lists "net"
namespaces = [ "user", "mount", "net" ];
network = { mode = "host"; };

# expect: network-mode-needs-net.profile:3: network.mode: "loopback" needs "net" in namespaces
namespaces = [ "user", "mount" ];
network = { mode = "loopback"; };

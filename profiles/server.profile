# server: a network service. Its own network namespace with a veth pair
# to the host (needs root to start): the service gets 10.0.3.2 and its
# gateway 10.0.3.1, which the administrator puts on the bridge sandbox0
# (`ip link add sandbox0 type bridge; ip addr add 10.0.3.1/24 dev
# sandbox0; ip link set sandbox0 up`) and forwards or NATs as wanted. It
# keeps only CAP_NET_BIND_SERVICE (ports below 1024), sees an empty home,
# writes only to /var/lib/${APP} (if it exists) and a private /tmp.
# Change the addresses in /etc/sandbox/server.local.
description = "Network service: veth network, port < 1024, /var/lib/APP";
include = [ "base.inc", "home-private.inc" ];
hostname = "server";
network = {
  mode = "veth";
  veth = { bridge = "sandbox0"; address = "10.0.3.2/24"; gateway = "10.0.3.1"; };
  dns = [ "10.0.3.1" ];
};
filesystem = {
  mounts = (
    { type = "bind"; source = "/var/lib/${APP}"; readonly = false; optional = true; }
  );
};
capabilities = { keep = [ "net_bind_service" ]; };
rlimits = { nofile = [ 65536, 65536 ]; };

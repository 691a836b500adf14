# Every network key, with two interfaces.
network = {
  mode = "veth";
  veth = (
    { address = [ "10.0.3.2/24", "fd00:3::2/64" ];
      gateway = [ "10.0.3.1", "fd00:3::1" ];
      mtu = 1400; mac = "02:00:00:00:03:02"; },
    { name = "back"; host_name = "sb-back"; bridge = "br0";
      address = "192.168.50.7/31"; }
  );
  dns = [ "10.0.3.1", "fd00:3::1" ];
  hosts = [ "10.0.3.1 gateway gw", "fd00:3::5 db.internal" ];
};

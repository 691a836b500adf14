# "host" takes "net" out of a list an included file made.
include = [ "inc/namespaces-all.inc" ];
network = { mode = "host"; dns = "192.0.2.53"; };

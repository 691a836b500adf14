# node: Node.js scripts. Loopback only (servers under test and their
# clients talk over 127.0.0.1), an empty home, the current directory
# read-write (node_modules is read from there). npm installs need the
# network: use a .local with network-host.inc for those.
description = "Node.js: loopback only, only the current directory writable";
include = [ "base.inc", "home-private.inc", "cwd-writable.inc",
            "network-loopback.inc" ];
hostname = "node";
environment = {
  keep = [ "TERM", "COLORTERM", "LANG", "LANGUAGE", "LC_*", "TZ",
           "HOME", "USER", "LOGNAME", "PATH", "NODE_PATH", "NODE_ENV" ];
};

# python3: the Python interpreter for scripts. No network, an empty home,
# the current directory read-write (scripts read and write their data next
# to them; __pycache__ is written there). pip installs need the network:
# use a .local with network-host.inc for those.
description = "Python: no network, only the current directory writable";
include = [ "base.inc", "home-private.inc", "cwd-writable.inc" ];
hostname = "python3";
environment = {
  keep = [ "TERM", "COLORTERM", "LANG", "LANGUAGE", "LC_*", "TZ",
           "HOME", "USER", "LOGNAME", "PATH", "PYTHONPATH", "VIRTUAL_ENV" ];
};

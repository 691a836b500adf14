# The other two kinds of root; the later one wins.
filesystem = { root = "empty"; };
include = [ "inc/rootdir.inc" ];

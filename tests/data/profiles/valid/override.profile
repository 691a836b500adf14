# Includes apply first, in order; this file's own settings win.
include = [ "inc/first.inc", "inc/second.inc" ];
description = "override";
environment = { set = { FROM_MAIN = "main"; SHARED = "main"; }; };
rlimits = { nproc = 100; };

# tar: archives. No network, an empty home, the current directory
# read-write: an archive with ../ or absolute names cannot write outside
# it, whatever tar's own checks do.
description = "tar: no network, only the current directory writable";
include = [ "base.inc", "home-private.inc", "cwd-writable.inc" ];
hostname = "tar";

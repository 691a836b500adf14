# browser: a generic web browser. It reaches the network (the host's) and
# the X11 display; its inner sandbox works (userns.inc: the browser puts
# each page in a user namespace of its own). The home is empty and
# private: the browser's profile lives in a tmpfs and is gone when it
# exits, and of the real home only ~/Downloads is shown, read-write, so
# that a download survives. ~/.ssh, ~/.gnupg and the rest stay out of
# reach of a compromised browser. No sound (add audio.inc in a .local).
description = "Web browser: network, X11 display, ~/Downloads only";
include = [ "base.inc", "home-private.inc", "desktop.inc",
            "network-host.inc", "userns.inc" ];
hostname = "browser";
filesystem = {
  home = { writable = [ "Downloads" ]; };
};
# Browsers keep many files and processes open.
rlimits = { nofile = [ 4096, 4096 ]; };

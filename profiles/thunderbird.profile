# thunderbird: a mail client. It needs the network (IMAP, SMTP) and the
# display, its own ~/.thunderbird read-write, and ~/Downloads for saved
# attachments; its inner sandbox (the same as Firefox's) works. A
# malicious mail that takes over the client cannot read the rest of the
# home.
description = "Thunderbird mail: network, X11 display, ~/.thunderbird";
include = [ "base.inc", "home-private.inc", "desktop.inc",
            "network-host.inc", "userns.inc" ];
hostname = "thunderbird";
filesystem = {
  home = { writable = [ ".thunderbird", ".cache/thunderbird", "Downloads" ]; };
};
rlimits = { nofile = [ 4096, 4096 ]; };

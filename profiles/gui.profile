# gui: a generic graphical program that needs nothing but the display: no
# network, an empty home, nothing writable but /tmp. A starting point for
# small X11 tools (xmessage, xeyes, xterm, a calculator).
description = "Generic X11 program: display only, no network, empty home";
include = [ "base.inc", "home-private.inc", "desktop.inc" ];
hostname = "gui";

# firefox-esr: Debian's Firefox ESR; the same as the firefox profile (it
# keeps its profile in ~/.mozilla too).
description = "Firefox ESR: network, X11 display, ~/.mozilla and ~/Downloads";
include = [ "firefox" ];

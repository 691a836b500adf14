# firefox: the browser profile, with Firefox's own directories of the real
# home read-write, so that bookmarks, passwords and settings persist:
# ~/.mozilla and its cache. Firefox's content processes run in its own
# nested user namespace and seccomp sandbox (allowed by userns.inc);
# nothing else of the home is visible.
description = "Firefox: network, X11 display, ~/.mozilla and ~/Downloads";
include = [ "browser" ];
hostname = "firefox";
filesystem = {
  home = { writable = [ ".mozilla", ".cache/mozilla" ]; };
};

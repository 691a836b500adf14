# gedit: a text editor. No network; the display; ~/Documents and the
# starting directory read-write, nothing else of the home (so a plugin or
# a crafted file cannot reach ~/.ssh or ~/.bashrc).
description = "Text editor: no network, ~/Documents and the cwd read-write";
include = [ "base.inc", "home-private.inc", "desktop.inc",
            "cwd-writable.inc" ];
hostname = "gedit";
filesystem = {
  home = { writable = [ "Documents" ]; };
};

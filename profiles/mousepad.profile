# mousepad: Xfce's text editor; as gedit, with its own settings.
description = "Mousepad editor: no network, ~/Documents and the cwd read-write";
include = [ "gedit" ];
hostname = "mousepad";
filesystem = {
  home = { writable = [ ".config/Mousepad" ]; };
};

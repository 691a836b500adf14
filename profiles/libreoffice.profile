# libreoffice: an office suite (documents carry macros and parsers with a
# long history). No network; the display; ~/Documents and the starting
# directory read-write (it edits them), its own settings read-write.
description = "LibreOffice: no network, ~/Documents read-write";
include = [ "base.inc", "home-private.inc", "desktop.inc",
            "cwd-writable.inc" ];
hostname = "libreoffice";
filesystem = {
  home = { writable = [ "Documents", ".config/libreoffice" ]; };
};
rlimits = { nofile = [ 4096, 4096 ]; };

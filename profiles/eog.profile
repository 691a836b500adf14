# eog: an image viewer (image decoders parse untrusted files). No network,
# the display, ~/Pictures and ~/Downloads and the starting directory
# read-only.
description = "Image viewer: no network, pictures read-only";
include = [ "base.inc", "home-private.inc", "desktop.inc",
            "cwd-readonly.inc" ];
hostname = "eog";
filesystem = {
  home = { readonly = [ "Pictures", "Downloads" ]; };
};

# supertuxkart: a game. The display, sound and the GPU (3D needs it), no
# network (online play needs a .local with network-host.inc), and only its
# own save and configuration directories of the home, read-write.
description = "SuperTuxKart game: display, sound, GPU, its saves only";
include = [ "base.inc", "home-private.inc", "desktop.inc", "audio.inc",
            "gpu.inc" ];
hostname = "supertuxkart";
filesystem = {
  home = { writable = [ ".config/supertuxkart", ".local/share/supertuxkart",
                        ".cache/supertuxkart" ]; };
};

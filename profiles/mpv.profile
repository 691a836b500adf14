# mpv: a media player (codecs parse untrusted files). No network (a stream
# URL needs a .local with network-host.inc), the display, sound
# (audio.inc), ~/Music, ~/Videos, ~/Downloads and the starting directory
# read-only, its own configuration read-only.
description = "Media player: no network, sound, media read-only";
include = [ "base.inc", "home-private.inc", "desktop.inc", "audio.inc",
            "cwd-readonly.inc" ];
hostname = "mpv";
filesystem = {
  home = { readonly = [ "Music", "Videos", "Downloads", ".config/mpv" ]; };
};

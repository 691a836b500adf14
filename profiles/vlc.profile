# vlc: a media player; as mpv, with VLC's own settings read-write.
description = "VLC media player: no network, sound, media read-only";
include = [ "mpv" ];
hostname = "vlc";
filesystem = {
  home = { writable = [ ".config/vlc" ]; };
};

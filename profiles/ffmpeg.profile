# ffmpeg: converts audio and video, parsing untrusted media with many
# codecs. No network, an empty home, the current directory read-write for
# its input and output, and a bounded address space.
description = "ffmpeg: no network, only the current directory writable";
include = [ "base.inc", "home-private.inc", "cwd-writable.inc" ];
hostname = "ffmpeg";
rlimits = { as = "8G"; };

# convert: ImageMagick (convert, and magick through the imagemagick
# profile), whose decoders have a long history of bugs. No network, an
# empty home, the current directory read-write, bounded memory and CPU.
description = "ImageMagick convert: no network, only the cwd writable";
include = [ "base.inc", "home-private.inc", "cwd-writable.inc" ];
hostname = "convert";
rlimits = { as = "4G"; cpu = 600; };

# imagemagick: the same as convert, for `sandbox --profile=imagemagick
# magick ...`.
description = "ImageMagick: no network, only the current directory writable";
include = [ "convert" ];

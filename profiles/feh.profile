# feh: a small image viewer; as eog.
description = "feh image viewer: no network, pictures read-only";
include = [ "eog" ];
hostname = "feh";

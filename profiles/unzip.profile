# unzip: zip archives; as tar.
description = "unzip: no network, only the current directory writable";
include = [ "tar" ];
hostname = "unzip";

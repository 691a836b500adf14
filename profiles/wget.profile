# wget: a download tool; as curl.
description = "wget: network, only the current directory writable";
include = [ "curl" ];
hostname = "wget";

# python: the same as python3 (for `sandbox python`).
description = "Python: no network, only the current directory writable";
include = [ "python3" ];

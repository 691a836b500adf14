# build: compilers and build tools. No network at all (a build that
# downloads is not reproducible, and a compromised build script cannot
# send anything out); the current directory read-write and nothing else
# (the home is empty: a malicious Makefile cannot read ~/.ssh or plant a
# ~/.bashrc); generous limits for parallel compilers.
description = "Builds: no network, only the current directory writable";
include = [ "base.inc", "home-private.inc", "cwd-writable.inc" ];
hostname = "build";
environment = {
  keep = [ "TERM", "COLORTERM", "LANG", "LANGUAGE", "LC_*", "TZ",
           "HOME", "USER", "LOGNAME", "PATH", "CC", "CXX", "CFLAGS",
           "CXXFLAGS", "CPPFLAGS", "LDFLAGS", "MAKEFLAGS", "PKG_CONFIG_PATH",
           "SOURCE_DATE_EPOCH" ];
};
rlimits = { nofile = [ 4096, 4096 ]; };

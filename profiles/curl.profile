# curl: a download tool. The network, an empty home (no ~/.netrc, no
# cookies or keys of the user), the current directory read-write for
# what it downloads; nothing else writable.
description = "curl: network, only the current directory writable";
include = [ "base.inc", "home-private.inc", "network-host.inc",
            "cwd-writable.inc" ];
hostname = "curl";
environment = {
  keep = [ "TERM", "COLORTERM", "LANG", "LANGUAGE", "LC_*", "TZ",
           "HOME", "USER", "LOGNAME", "PATH", "http_proxy", "https_proxy",
           "HTTP_PROXY", "HTTPS_PROXY", "no_proxy", "NO_PROXY" ];
};

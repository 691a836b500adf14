# The filesystem part of the example in PROFILE.md, and every other
# filesystem key once.
filesystem = {
  root   = "host";
  mounts = (
    { type = "bind";    source = "/usr"; },
    { type = "bind";    source = "${HOME}/Downloads"; readonly = false; optional = true; },
    { type = "tmpfs";   target = "/tmp"; size = "256M"; },
    { type = "proc";    target = "/proc"; },
    { type = "dev";     target = "/dev"; },
    { type = "symlink"; source = "usr/bin"; target = "/bin"; },
    { type = "file";    target = "/etc/motd"; content = "hello\n"; },
    { type = "mask";    target = "/proc/kcore"; },
    { type = "sysfs"; },
    { type = "mqueue"; },
    { type = "overlay"; source = "/opt"; upper = "${HOME}/.cache/opt"; size = 1048576; },
    { type = "dir";     target = "/srv/data/"; mode = "0750"; },
    { type = "bind";    source = "/var/lib/x"; target = "//data//x/"; recursive = false; }
  );
  home = { private = true; writable = [ "Downloads", ".config/app/" ]; readonly = [ ".gitconfig" ]; };
  unmask = [ "/proc/sys", "/sys/firmware" ];
};
devices = [ "null", "zero", "full", "random", "urandom", "tty", "fuse", "net/tun", "kvm" ];

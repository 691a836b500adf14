# chromium: the browser profile, with Chromium's own directories of the
# real home read-write (~/.config/chromium, its cache). Chromium refuses
# to start without its own sandbox ("No usable sandbox!"): its zygote
# needs to create user, PID and network namespaces, which userns.inc
# allows. /dev/shm is private to the sandbox (the minimal /dev has one).
description = "Chromium: network, X11 display, ~/.config/chromium, ~/Downloads";
include = [ "browser" ];
hostname = "chromium";
filesystem = {
  home = { writable = [ ".config/chromium", ".cache/chromium" ]; };
};

# Every desktop key (sandbox.profile(5), desktop); loads without a
# diagnostic whatever the caller's session, since sockets are looked for
# only at launch.
desktop = {
  x11 = true;
  wayland = true;
  pulseaudio = true;
  pipewire = true;
  dbus = "filtered";
  dbus_own = [ "org.example.App", "org.example.App.*" ];
  dbus_talk = [ "org.freedesktop.Notifications", "org.freedesktop.portal.*",
                "ca.desrt.dconf", "org.a-b.c_d" ];
  gpu = true;
};

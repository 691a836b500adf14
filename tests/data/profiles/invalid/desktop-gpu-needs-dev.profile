# expect: desktop-gpu-needs-dev.profile:5: desktop.gpu: needs the minimal /dev, but the mount entry at desktop-gpu-needs-dev.profile:3 puts a bind there
filesystem = { mounts = (
  { type = "bind"; source = "/dev"; }
); };
desktop = { gpu = true; };

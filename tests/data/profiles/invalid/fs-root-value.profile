# expect: fs-root-value.profile:2: filesystem.root: 'chroot': expected "host", "empty" or an absolute path
filesystem = { root = "chroot"; };

# expect: fs-unknown-key.profile:2: filesystem.mount: unknown key (did you mean 'mounts'?)
filesystem = { mount = ( ); };

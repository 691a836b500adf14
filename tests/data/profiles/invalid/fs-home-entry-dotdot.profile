# expect: fs-home-entry-dotdot.profile:2: filesystem.home.readonly[0]: '../other' must not contain '..'
filesystem = { home = { readonly = [ "../other" ]; }; };

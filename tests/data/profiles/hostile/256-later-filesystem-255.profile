# expect: 256-later-filesystem-255.profile:2
filesystem = 5;

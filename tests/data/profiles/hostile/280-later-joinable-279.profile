# expect: 280-later-joinable-279.profile:2
joinable = ( 1, 2 );

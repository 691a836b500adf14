# expect: 123-type-description-list.profile:2
description = ( "s" );

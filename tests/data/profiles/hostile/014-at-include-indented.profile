# expect: 014-at-include-indented.profile:3
hostname = "a";
   @include "x"

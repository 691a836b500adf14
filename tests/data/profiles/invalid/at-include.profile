# expect: at-include.profile:2: @include is not supported; use the 'include' setting instead
@include "other.profile"

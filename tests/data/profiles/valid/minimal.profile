# The smallest profile: nothing set, every default applies.

/* Desktop Entry files (the freedesktop.org Desktop Entry Specification
 * 1.5) as far as `sandbox desktop install` needs them, pure: split an
 * Exec value into its arguments, quote one, and rewrite a whole file so
 * that every Exec (the main one and each [Desktop Action]) runs the
 * program through `sandbox --profile=P --`. Everything else of the file
 * is kept byte for byte. */
#ifndef SB_DESKTOP_ENTRY_H
#define SB_DESKTOP_ENTRY_H

#include <stdbool.h>
#include <stddef.h>

/* The keys that mark a file we wrote. */
#define DESKTOP_ENTRY_MARK "X-Sandbox-Wrapped"
#define DESKTOP_ENTRY_PROFILE "X-Sandbox-Profile"
/* Files larger than this are refused. */
#define DESKTOP_ENTRY_MAX (1024 * 1024)

/* An Exec value as written in the file: string escapes (\s \n \t \r
 * \\) undone, then split into arguments by the spec's quoting rules
 * (double quotes; inside them \" \` \$ \\ stand for the character).
 * Field codes are kept as written ("%U", "%%"). Returns 0 and a
 * NULL-terminated vector, or -EINVAL with *ret_why (static text). */
int desktop_exec_split(const char *value, char ***ret_argv,
                       const char **ret_why);

/* One argument as it is written in an Exec value of a file: quoted when
 * it holds a reserved character, '%' doubled, then string-escaped.
 * Newly allocated. */
char *desktop_exec_quote(const char *arg);

struct desktop_wrap {
        char *program;          /* the main Exec's program, unquoted */
        bool had_dbus_activatable;      /* DBusActivatable=true, now false */
        size_t n_actions;       /* [Desktop Action] Execs rewritten */
};

/* The file `text` rewritten: each Exec of [Desktop Entry] and of every
 * [Desktop Action ...] becomes `SANDBOX --profile=PROFILE -- ORIGINAL`,
 * DBusActivatable=true becomes false (else the desktop would start the
 * program over D-Bus, bypassing Exec), TryExec stays (it names the real
 * program), and the [Desktop Entry] group gets X-Sandbox-Wrapped=true and
 * X-Sandbox-Profile=PROFILE. Refused (-EINVAL, *ret_why newly allocated,
 * "line N: ...") for a file that is not a well-formed application entry,
 * or one we wrote. */
int desktop_entry_wrap(const char *text, size_t len, const char *sandbox,
                       const char *profile, char **ret,
                       struct desktop_wrap *info, char **ret_why);
void desktop_wrap_free(struct desktop_wrap *w);

/* Whether the file is one desktop_entry_wrap wrote
 * (X-Sandbox-Wrapped=true in [Desktop Entry]); its profile in
 * *ret_profile (newly allocated) when it is. */
bool desktop_entry_is_wrapped(const char *text, size_t len,
                              char **ret_profile);

#endif

/* Built only into sanitizer builds (-Db_sanitize=...): the options the
 * sanitizer runtimes start with. They are compiled in because the
 * launcher is run with a cleared environment (the test harness uses env -i
 * and setpriv --reset-env, and a sandbox filters what it passes on), so
 * ASAN_OPTIONS and friends would not reach it. An option set in the
 * environment still wins over these.
 * - halt_on_error, abort_on_error: the first report ends the process with
 *   SIGABRT, so a test sees a failure rather than a line on stderr.
 * - detect_leaks: LeakSanitizer checks the launcher when it returns from
 *   main. The sandbox's init (a clone of the launcher) and a target that
 *   fails before exec leave with _exit, which runs no leak check: their
 *   heap is the launcher's copy, still reachable, and freeing it first
 *   would only slow the launch.
 * - print_suppressions=0: a suppressed leak is expected; the table of
 *   used suppressions would be noise in every such exit's stderr.
 * The suppressions are listed in tests/sanitizers/lsan.supp with the reason
 * for each; keep the two in step. */

const char *__asan_default_options(void);
const char *__ubsan_default_options(void);
const char *__lsan_default_options(void);
const char *__lsan_default_suppressions(void);

/* LeakSanitizer stops the world from a second process with ptrace, which
 * the kernel refuses against a setuid-root launcher (euid 0, real uid the
 * user's, no CAP_SYS_PTRACE): every exit would abort with "LeakSanitizer
 * has encountered a fatal error". So the setuid test copy runs with
 * ASan and UBSan but without the leak check; the same code is leak-checked
 * in the ordinary binary and the unit tests (test-wire, test-policy). */
const char *__asan_default_options(void)
{
#if defined(SB_SETUID_TEST_BINARY)
        return "halt_on_error=1:abort_on_error=1:detect_leaks=0";
#else
        return "halt_on_error=1:abort_on_error=1:detect_leaks=1";
#endif
}

const char *__ubsan_default_options(void)
{
        return "halt_on_error=1:abort_on_error=1:print_stacktrace=1";
}

const char *__lsan_default_options(void)
{
        return "print_suppressions=0";
}

const char *__lsan_default_suppressions(void)
{
        return "leak:strbuf_append\nleak:libconfig_yylex\n";
}

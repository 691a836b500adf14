/* Unit tests for init's pure decisions (src/init.c). */
#include <check.h>

#include "unit.h"
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "init.h"

START_TEST(exit_codes)
{
        ck_assert_int_eq(init_exit_code(0), 0);
        ck_assert_int_eq(init_exit_code(3 << 8), 3);
        ck_assert_int_eq(init_exit_code(255 << 8), 255);
        /* A real child killed by a signal decodes as 128+N. */
        pid_t p = fork();
        if (p == 0) {
                raise(SIGUSR1);
                _exit(0);
        }
        int st;
        ck_assert_int_eq(waitpid(p, &st, 0), p);
        ck_assert_int_eq(init_exit_code(st), 128 + SIGUSR1);
}
END_TEST

START_TEST(forwarding_rules)
{
        ck_assert(!init_should_forward(SIGCHLD, SI_USER, false));
        ck_assert(!init_should_forward(SIGKILL, SI_USER, false));
        ck_assert(!init_should_forward(SIGSTOP, SI_USER, false));
        ck_assert(init_should_forward(SIGTERM, SI_USER, false));
        ck_assert(init_should_forward(SIGUSR1, SI_USER, true));
        ck_assert(init_should_forward(SIGRTMIN + 3, SI_QUEUE, true));
        /* A terminal's SIGINT already reached a target in its pgrp. */
        ck_assert(!init_should_forward(SIGINT, SI_KERNEL, true));
        ck_assert(init_should_forward(SIGINT, SI_KERNEL, false));
}
END_TEST

int main(void)
{
        Suite *s = suite_create("init");
        TCase *tc = tcase_create("init");
        tcase_add_test(tc, exit_codes);
        tcase_add_test(tc, forwarding_rules);
        suite_add_tcase(s, tc);
        return unit_run(s);
}

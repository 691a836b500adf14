/* SB_ASAN is defined when AddressSanitizer is compiled in, under gcc
 * (__SANITIZE_ADDRESS__) or clang (__has_feature): the few places that
 * must tell the sanitizer about what they do (a stack switch, a leak
 * check before the process becomes untraceable) test it. */
#ifndef SB_SANITIZER_H
#define SB_SANITIZER_H

#if defined(__SANITIZE_ADDRESS__)
#define SB_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SB_ASAN 1
#endif
#endif

#endif

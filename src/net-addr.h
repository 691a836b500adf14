/* Pure checks and conversions for the network settings: addresses with
 * prefix lengths, subnets, interface names, MAC addresses, host names.
 * No I/O and no library; the profile loader and the engine share them.
 * Problems come back as a short reason (a static string), NULL if fine. */
#ifndef SB_NET_ADDR_H
#define SB_NET_ADDR_H

#include <stdbool.h>
#include <stddef.h>

#include "config-net.h"

/* Longest "ADDRESS/PREFIX" text, with its NUL. */
#define NET_ADDR_TEXT_MAX (46 + 4)

/* "10.0.3.2/24", "fd00::2/64"; with want_prefix false a bare address
 * ("10.0.3.1"), whose prefix is then the full length. */
const char *net_addr_parse(const char *s, bool want_prefix,
                           struct sb_net_addr *ret);
/* Unspecified, loopback, multicast, link-local IPv6, or an IPv4 subnet's
 * network or broadcast address: not for an interface. */
const char *net_addr_host_problem(const struct sb_net_addr *a);
/* a lies in the subnet net/net->prefix (same family). */
bool net_addr_in_subnet(const struct sb_net_addr *net,
                        const struct sb_net_addr *a);
/* The same address, prefix ignored. */
bool net_addr_equal(const struct sb_net_addr *a, const struct sb_net_addr *b);
/* The address as text, with "/prefix" if asked; buf has NET_ADDR_TEXT_MAX
 * bytes. Returns buf. */
char *net_addr_format(const struct sb_net_addr *a, bool with_prefix,
                      char *buf);

/* A kernel interface name: 1 to 15 characters, printable, no '/', ':' or
 * white space, not "." or "..". */
const char *net_ifname_problem(const char *s);
/* "02:42:ac:11:00:02": six hex pairs, unicast, not all zeros. */
const char *net_mac_parse(const char *s, unsigned char ret[6]);
/* A host name for /etc/hosts: 1 to 253 letters, digits, '-', '_' and '.',
 * not starting with '-' or '.'. */
const char *net_hostname_problem(const char *s);
/* "ADDRESS NAME [NAME...]" (blanks between) into "ADDRESS\tNAME NAME...",
 * newly allocated in *ret. On a problem, *ret_what names the word (within
 * s's copy, owned by the caller via *ret_what) -- or NULL. */
const char *net_hosts_entry_parse(const char *s, char **ret,
                                  char **ret_what);

#endif

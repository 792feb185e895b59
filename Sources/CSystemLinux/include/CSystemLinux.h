#ifndef CSYSTEMLINUX_H
#define CSYSTEMLINUX_H
// The Linux calls Swift's Glibc module map leaves out, declared by the C headers themselves
// so the compiler checks every type: <sys/epoll.h> (with `struct epoll_event`'s real layout,
// packed on x86_64), and accept4 through a wrapper.
#include <sys/epoll.h>

/// accept4(fd, NULL, NULL, flags): non-blocking and close-on-exec in the one call.
/// A function in accept4.c, not `static inline` here: glibc declares accept4 only under
/// _GNU_SOURCE, which must not be defined in a module header (it renames fields of structs
/// such as fd_set, which then clash with the same headers imported by Dispatch).
int csystemlinux_accept4(int fd, int flags);

#endif

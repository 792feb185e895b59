// _GNU_SOURCE only in this file, so glibc's own accept4 declaration checks the call below.
#define _GNU_SOURCE
#include <stddef.h>
#include <sys/socket.h>
#include "CSystemLinux.h"

int csystemlinux_accept4(int fd, int flags) {
    return accept4(fd, NULL, NULL, flags);
}

#ifndef CPOSTGRES_SHIM_H
#define CPOSTGRES_SHIM_H
// libpq's client API (Debian: libpq-dev; pkg-config adds -I/usr/include/postgresql).
#include <libpq-fe.h>
#endif

#ifndef GUARD_INTERNAL_H
#define GUARD_INTERNAL_H

#include <stddef.h>
#include <sys/types.h>

/// Looks `file` up on the PATH found in `envp` (not the parent's PATH), as a host would; `file` itself when
/// it has a slash, `buffer` when found there, NULL when not found.
const char *guard_search_path(const char *file, char *const envp[], char *buffer, size_t size);

/// Waits for the exec of `pid` to be reported on `status_fd` (closed here): 0 when it succeeded (the
/// close-on-exec pipe reached EOF), else the child's errno, after the failed child has been reaped.
int guard_await_exec(pid_t pid, int status_fd);

#endif
